"""The `acronym-cue` rule alone (class 2: organisations the model did not tag at all)."""

from __future__ import annotations

import pytest

from indexer import entities
from indexer.acronym_cues import bare_acronyms, dotted_bodies
from indexer.gazetteer import Gazetteer, Place
from indexer.spans import Ent
from tests.indexer.entity_kit import resolved
from tests.indexer.test_rules import classified


def _cued(text: str, patterns=()) -> list[tuple[str, str | None]]:
    ctx, ents = classified(text, list(patterns))
    return [(e.text, e.facet) for e in entities.rule_cued_acronyms(ctx, ents)
            if e.rule == "acronym-cue"]


@pytest.mark.parametrize(("text", "found"), [
    # a body's noun before it, a group of its people after it: every mention is the body
    ("Talks with the leftist guerrilla group KLN began. The KLN agreed.", ["KLN", "KLN"]),
    ("KMSO peacekeepers were attacked near Idlib.", ["KMSO"]),
    # in brackets after a name with a body's word
    ("They attacked the Stabilization Mission in Kestria (KMSO) on Monday.", ["KMSO"]),
    # no cue, a thing's capitalised definition, a known place: nothing
    ("The KLN said so.", []),
    ("An Improvised Explosive Device (IED) exploded.", []),
    ("US troops and the group US left.", []),
])
def test_an_untagged_acronym_cued_as_a_body_is_an_actor(text, found):
    assert [t for t, f in _cued(text) if f == "actor"] == found


def test_a_tagged_acronym_is_left_to_the_model():
    assert _cued("The rebel group KLN fought.", [("ORG", "KLN")]) == []


def _bare(text: str, patterns=()) -> list[str]:
    ctx, ents = classified(text, list(patterns))
    return [e.text for e in entities.rule_bare_acronyms(ctx, ents) if e.rule == "bare-acronym"]


@pytest.mark.parametrize(("text", "found"), [
    # no cue: an acronym in a sentence is a body, at every mention
    ("The KLN said so. Monitors of the KMSO recorded 40 explosions; KMSO saw more.",
     ["KLN", "KMSO", "KMSO"]),
    # defined by a body's name, either way round: a body ("the ELN (National Liberation Army)")
    ("It was the first attack attributed to the KLN (Kestrian Liberation Army) this year.",
     ["KLN"]),
    # defined by a thing's or a role's words, capitalised or not: no body
    ("The End of Life (KOL) date moved. The KOL came early.", []),
    ("There's also a KIT [Just-in-time] compiled version. KIT is fast.", []),
    ("He has been the Divisional Railway Manager (KRM) for two years.", []),
    # headings, datelines, speaker labels, Roman numerals, roles, hull codes, ships' prefixes,
    # a word the text also writes in lower case, a known place, a non-name
    ("SOUTHWEST ASIA\n\nTroops left.", []),
    ("KABUL, Afghanistan - Troops left.", []),
    ("((WSS))  How did your nomination come about?", []),
    ("ANSWER: U.S. companies are prohibited from it.", []),
    ("Pope Pius XII wrote in World War II.", []),
    ("The CEO said so.", []),
    ("Ships USS Hopper (DDG 70) sailed.", []),
    ("The deployment of HMS Diamond began.", []),
    ("Solutions: TRIAL solutions and a trial run.", []),
    ("The GDP grew by 2%.", []),
    # a thing only ever counted ("3 VBIED", "1 VBIED"); counted once, named elsewhere: a body
    ("They used 3 KVBIED at the camp and left 1 KVBIED loaded.", []),
    ("It sent 3 KMSOX teams; the KMSOX said so.", ["KMSOX", "KMSOX"]),
    # a currency's code before its amount, a handle, a slashed pair
    ("It raised CDN$11,000 and KES 26.95 more.", []),
    ("He runs the blog KN@KPSTER daily.", []),
    ("The city cleared the KHAZ/KHOP zone.", []),
])
def test_an_untagged_acronym_in_running_text_is_a_body(text, found):
    assert _bare(text) == found


def test_a_bare_acronym_is_an_actor_after_every_rule():
    spans = [(t, f) for t, f, _, _ in resolved("Monitors of the KMSO recorded 40 explosions.", [])]
    assert ("KMSO", "actor") in spans


def test_a_known_place_is_no_bare_acronym():
    gazetteer = Gazetteer.from_entries([("DRC", Place("Democratic Republic of the Congo",
                                                      "Democratic Republic of the Congo",
                                                      "country", 0))])
    assert bare_acronyms("Talks began in the DRC and the KMSO left.", [], gazetteer,
                         lambda name: False) == [Ent(31, 35, "KMSO", "ORG", facet="actor",
                                                     rule="bare-acronym", fixed=True)]


def test_a_dotted_acronym_tagged_a_place_is_a_body():
    text = "A force similar to the F.B.I. charged executives at K.E.S., not those in the U.S."
    ctx, ents = classified(text, [("GPE", "F.B.I."), ("GPE", "K.E.S."), ("GPE", "U.S.")])
    out = entities.rule_dotted_acronyms(ctx, ents)
    assert [(e.text, e.facet) for e in out] == [("F.B.I.", "actor"), ("K.E.S.", "actor"),
                                                ("U.S.", "place")]


def test_a_dotted_alias_of_the_place_table_stays_a_place():
    gazetteer = Gazetteer.from_entries([("N.S.W.", Place("New South Wales", "Australia",
                                                         "region", 0))])
    ents = [Ent(0, 6, "N.S.W.", "GPE", facet="place"), Ent(10, 16, "K.E.S.", "GPE", facet="place")]
    assert [e.facet for e in dotted_bodies(ents, gazetteer)] == ["place", "actor"]


def test_a_bare_acronym_takes_the_name_it_spells():
    """One entity, one value: "LHC" in a headline, untagged, beside "Lahore High Court" in the
    body is that court (the `alias` rule has run before `bare-acronym` adds it); an acronym
    that spells no name of the document stays itself."""
    text = "LHC Hears Plea\n\nThe Lahore High Court heard it. The KMSO watched."
    ctx, ents = classified(text, [("ORG", "Lahore High Court")], body_start=16)
    out = entities.rule_bare_acronyms(ctx, ents)
    assert sorted((e.text, e.value) for e in out if e.rule == "bare-acronym") == [
        ("KMSO", None), ("LHC", "Lahore High Court")]


def test_a_cued_acronym_takes_the_name_it_spells():
    text = "The Kivu Monitoring Group was set up. Fighters of the militia KMG fled."
    ctx, ents = classified(text, [("ORG", "Kivu Monitoring Group")])
    out = entities.rule_cued_acronyms(ctx, ents)
    assert [(e.text, e.value) for e in out if e.rule == "acronym-cue"] == [
        ("KMG", "Kivu Monitoring Group")]


def test_a_bare_acronym_outnumbering_its_place_mentions_is_the_body_there_too():
    # one entity, one facet: "The KMLA remains in power ... For the KMLA" beside one "KMLA"
    # the model tagged a place; a place the gazetteer knows keeps its mention, and a tie
    # leaves the model's place
    text = "The KMLA remains in power. For the KMLA, no doubt. Crowds cheered the KMLA."
    ctx, ents = classified(text, [("GPE", "KMLA")])
    ents = [e for e in ents if e.start == text.rindex("KMLA")]  # the model tagged one
    out = entities.rule_bare_acronyms(ctx, ents)
    assert [(e.text, e.facet) for e in sorted(out, key=lambda e: e.start)] == [
        ("KMLA", "actor")] * 3
    text = "The KMLA spoke. Crowds cheered in KMLA."
    ctx, ents = classified(text, [("GPE", "KMLA")])
    ents = [e for e in ents if e.start == text.rindex("KMLA")]
    out = entities.rule_bare_acronyms(ctx, ents)
    assert sorted((e.text, e.facet) for e in out) == [("KMLA", "actor"), ("KMLA", "place")]
