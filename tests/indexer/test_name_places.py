"""The `place-in-name` rule alone (class 2: a place named inside an organisation's name)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from indexer import entities
from tests.indexer.test_rules import classified


def _added(text, patterns):
    ctx, ents = classified(text, patterns)
    out = entities.rule_places_in_names(ctx, ents)
    assert out[:len(ents)] == ents  # the organisations stay as they were
    return [(e.text, e.facet, e.rule, text[e.start:e.end]) for e in out[len(ents):]]


@pytest.mark.parametrize(("text", "patterns", "added"), [
    pytest.param("The Government of Iraq met the Chamber of Damascus, Aleppo.",
                 [("ORG", "Government of Iraq"), ("ORG", "Chamber of Damascus, Aleppo")],
                 ["Iraq", "Damascus", "Aleppo"], id="after-of"),
    # a place whose name holds "and"
    pytest.param("Citizens of Trinidad and Tobago need no visa.",
                 [("ORG", "Citizens of Trinidad and Tobago")], ["Trinidad and Tobago"],
                 id="whole-after-of"),
    # only the places of a list: "the Levant" is no place the gazetteer knows well, and a
    # ministry's fields are none
    pytest.param("The Islamic State of Iraq and the Levant and the Ministry of Trade and Industry.",
                 [("ORG", "Islamic State of Iraq and the Levant"),
                  ("ORG", "Ministry of Trade and Industry")], ["Iraq"], id="listed-after-of"),
    # a span the model ran on over "in" a place
    pytest.param("He was filming The Professionals in Syria last year.",
                 [("WORK_OF_ART", "The Professionals in Syria")], ["Syria"], id="run-on-in"),
    # a leading city is a place, a leading country an adjective
    pytest.param("Mosul Police and U.S. forces and Syria Civil Defence worked.",
                 [("ORG", "Mosul Police"), ("ORG", "U.S. forces"), ("ORG", "Syria Civil Defence")],
                 ["Mosul"], id="leading-city"),
    # a leading possessive is the place as a noun ("Iran's Quds Force", joined by the model
    # or by join-org-names), unlike the adjective "U.S." before "forces"
    pytest.param("Syria's Quds Force and Iraq’s Security Forces and Mary's Army met.",
                 [("ORG", "Syria's Quds Force"), ("ORG", "Iraq’s Security Forces"),
                  ("ORG", "Mary's Army")], ["Syria", "Iraq"], id="possessive"),
])
def test_places_inside_names_are_place_mentions(text, patterns, added):
    assert _added(text, patterns) == [(name, "place", "place-in-name", name) for name in added]


def test_no_place_from_persons_outlets_small_towns_or_other_spellings():
    text = ("Aleppo Times wrote. Mary Smith spoke. The Bank of Saraqib lent. Raqqa Air flew. "
            "The University of Mosul and Aleppo Hospital met. Tehran J. Roe Trust gave. Damascus Ranch Foundation, run by Joe Damascus, paid.")
    ctx, ents = classified(text, [("ORG", "Aleppo Times"), ("PERSON", "Mary Smith"),
                                  ("ORG", "Bank of Saraqib"), ("ORG", "Raqqa Air"),
                                  ("ORG", "University of Mosul"), ("ORG", "Aleppo Hospital"),
                                  ("ORG", "Tehran J. Roe Trust"),
                                  ("ORG", "Damascus Ranch Foundation"), ("PERSON", "Joe Damascus")])
    assert entities.rule_places_in_names(ctx, ents) == ents


def test_a_place_already_a_span_is_not_added_twice():
    text = "The Government of Iraq spoke."
    ctx, ents = classified(text, [("ORG", "Government of Iraq")])
    once = entities.rule_places_in_names(ctx, ents)
    assert entities.rule_places_in_names(ctx, once) == once


def test_a_leading_city_needs_a_bodys_words_after_it():
    text = ("Aleppo Ip spoke. Aleppo del Sur voted. Aleppo Hornets won. Aleppo Chess Club met. "
            "Aleppo County Police came.")
    assert [t for t, *_ in _added(text, [("ORG", "Aleppo Ip"), ("ORG", "Aleppo del Sur"),
                                         ("ORG", "Aleppo County Police"),
                                         ("ORG", "Aleppo Hornets"),
                                         ("ORG", "Aleppo Chess Club")])] == ["Aleppo", "Aleppo"]


def test_an_events_name_holds_its_place():
    text = "The Battle of Mosul ended before the Aleppo Festival and the Damascus Prize."
    assert [t for t, *_ in _added(text, [("EVENT", "Battle of Mosul"),
                                         ("EVENT", "Aleppo Festival"),
                                         ("EVENT", "Damascus Prize")])] == ["Mosul", "Aleppo"]


@pytest.mark.parametrize(("text", "patterns", "added"), [
    # a war, a crisis, an election: the leading place is where it happens, a country too
    pytest.param("He fought in the Iraq War and wrote on the Iran Hostage Crisis.",
                 [("EVENT", "Iraq War"), ("EVENT", "Iran Hostage Crisis")], ["Iraq", "Iran"],
                 id="country-leads-event"),
    pytest.param("The Syria Elections and the Aleppo Referendum were held.",
                 [("EVENT", "Syria Elections"), ("EVENT", "Aleppo Referendum")],
                 ["Syria", "Aleppo"], id="election-referendum"),
    # no place leads it, or a lower-case word follows the place
    pytest.param("The Cold War and the Trade War and the Iraq war games ended.",
                 [("EVENT", "Cold War"), ("EVENT", "Trade War"), ("EVENT", "Iraq war games")],
                 [], id="no-leading-place"),
])
def test_an_event_named_after_where_it_happens_holds_that_place(text, patterns, added):
    assert _added(text, patterns) == [(name, "place", "place-in-name", name) for name in added]


def test_an_event_the_model_called_an_organisation_keeps_its_leading_country():
    # the `event` rule drops the event as an actor and adds the place it happens in; a
    # meeting still needs all the words before its noun to be a place
    text = "The Iraq War ended; the Damascus Conference met; the Syria Peace Conference met."
    ctx, ents = classified(text, [("ORG", "Iraq War"), ("ORG", "Damascus Conference"),
                                  ("ORG", "Syria Peace Conference")])
    out = entities.rule_events(ctx, ents)
    assert [(e.text, e.facet, e.rule) for e in out] == [
        ("Iraq War", None, "event"), ("Iraq", "place", "place-in-name"),
        ("Damascus Conference", None, "event"), ("Damascus", "place", "place-in-name"),
        ("Syria Peace Conference", None, "event")]


def test_a_common_word_that_is_also_a_citys_name_is_no_place_in_a_name():
    # "Co-operative Commonwealth Federation": "Commonwealth" is a large Philippine city to the
    # gazetteer, but a common word in a name (`common_town_words`); "Aleppo Council" holds
    # its city
    from indexer.entities import DocContext
    from indexer.gazetteer import Gazetteer, Place
    from indexer.spans import Ent

    gazetteer = Gazetteer.from_entries([
        ("Commonwealth", Place("Commonwealth", "Philippines", "city", 215_000)),
        ("Aleppo", Place("Aleppo", "Syria", "city", 2_000_000))])
    text = "The Commonwealth Federation and the Aleppo Council met."
    ents = [Ent(4, 26, "Commonwealth Federation", "ORG", facet="actor",
                value="Commonwealth Federation"),
            Ent(35, 49, "Aleppo Council", "ORG", facet="actor", value="Aleppo Council")]
    out = entities.rule_places_in_names(DocContext(text, gazetteer), ents)
    assert [e.text for e in out[len(ents):]] == ["Aleppo"]


def test_a_town_a_firm_is_named_after_is_no_place_where_the_document_calls_the_firm_by_it():
    # class 2: "Toyota Motor Corp ... Toyota said": the firm's short name (the alias rule gave
    # the lone mention the full name's value), not the town Toyota; another firm keeps its town
    text = "Aleppo Motor Corp and Mosul Motor Corp recalled cars. Aleppo said ten were hit."
    ctx, ents = classified(text, [("ORG", "Aleppo Motor Corp"), ("ORG", "Mosul Motor Corp"),
                                  ("ORG", "Aleppo")])
    ents = [replace(e, facet="actor", value="Aleppo Motor Corp") if e.text == "Aleppo" else e
            for e in ents]
    out = entities.rule_places_in_names(ctx, ents)
    assert [(e.text, e.facet) for e in out[len(ents):]] == [("Mosul", "place")]
