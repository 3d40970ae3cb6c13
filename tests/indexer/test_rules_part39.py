"""Rules of the thirty-ninth part of issue 10, each on spacy.blank("en") with an entity ruler
standing in for the model: a person run into the place they come from (class 3), places a
modifier's label outvoted (class 2), a division noun after an unknown region (class 2)."""

from __future__ import annotations

import pytest

from indexer import entities
from indexer.entities import DocContext
from indexer.gazetteer import default_gazetteer
from indexer.spans import Ent
from tests.indexer.test_rules import GAZETTEER, classified, spans


def test_a_person_of_a_place_is_the_person_and_the_place():
    """Class 3: "Carl Shuker of Auckland" tagged one person is the writer and his city (here
    Aleppo, which the small gazetteer knows)."""
    text = "The prize went to Carl Shuker of Aleppo at the weekend."
    ctx, ents = spans(text, [("PERSON", "Carl Shuker of Aleppo")])
    assert [(e.text, e.label) for e in entities.rule_located_places(ctx, ents)] == [
        ("Carl Shuker", "PERSON"), ("Aleppo", "GPE")]


@pytest.mark.parametrize("name", [
    "Mayor Sadiq Khan of Aleppo",   # a title heads a name the place belongs to
    "Catherine of Aleppo",          # one word before "of": a name of its own
    "Carl Shuker of Zorbaville",    # a place the gazetteer does not know
])
def test_a_titled_or_unplaced_person_of_a_place_stays_whole(name):
    ctx, ents = spans(f"The prize went to {name} at the weekend.", [("PERSON", name)])
    assert [e.text for e in entities.rule_located_places(ctx, ents)] == [name]


@pytest.mark.parametrize(("text", "facet"), [
    # class 2: "A Zorba family" and "Zorba police" tagged organisations do not outvote "in
    # Loon Road, Zorba" tagged a place: the label belongs to the noun phrase
    ("A Zorba family protested. He was stabbed in Loon Road, Zorba. Zorba police said so.",
     "place"),
    # "Zorba said" is the name's own use: two such votes keep the actor
    ("Zorba said it again. Talks in Loon Road, Zorba failed. Zorba police said so and Zorba "
     "added.", "actor"),
])
def test_a_name_modifying_a_body_or_a_family_casts_no_vote(text, facet):
    starts = [i for i in range(len(text)) if text.startswith("Zorba", i)]
    ents = [Ent(i, i + 5, "Zorba", "GPE" if text[i - 2:i] == ", " else "ORG",
                "place" if text[i - 2:i] == ", " else "actor") for i in starts]
    out = entities.rule_harmonise(DocContext(text, GAZETTEER), ents)
    assert {e.facet for e in out} == {facet}


def test_a_name_before_autonomous_region_is_a_place():
    """Class 2: "the southern Guangxi autonomous region": the division noun places a region
    the gazetteer does not know, which `lone-place` would otherwise drop."""
    text = "He was vice head of the southern Kefrinia autonomous region until May."
    ctx, ents = classified(text, [("GPE", "Kefrinia")])
    ents = entities.rule_place_cues(ctx, ents)
    out = entities.rule_lone_places(ctx, ents)
    assert [(e.text, e.facet) for e in out if e.facet] == [("Kefrinia", "place")]


@pytest.mark.parametrize("pattern", [("ORG", "Islamic State West Africa Province"), None])
def test_a_known_bodys_branch_named_for_a_province_is_no_place(pattern):
    """Class 3: "Islamic State West Africa Province", whether the model tagged it a body or
    left it to the place cue before "Province", is the armed group, not a place; a province
    named by its place's name stays one."""
    text = "Islamic State West Africa Province claimed it. Helmand Province was calm."
    ctx, ents = classified(text, [pattern] if pattern else [])
    ents = entities.rule_place_cues(ctx, entities.rule_divisions(ctx, ents))
    assert [(e.text, e.facet) for e in ents if e.facet == "place"] == [("Helmand", "place")]


def test_an_acronym_defined_for_a_thing_is_the_thing():
    """Class 5: "the Typhoid Conjugate Vaccine (TCV)" makes every "TCV" the vaccine, no body
    its organisation label would make it; a body's acronym stays an actor."""
    text = ("Children get the Typhoid Conjugate Vaccine (TCV) from the Kefrin Health Board "
            "(KHB). TCV is safe, KHB said.")
    ctx, ents = classified(text, [("ORG", "Typhoid Conjugate Vaccine"), ("ORG", "TCV"),
                                  ("ORG", "Kefrin Health Board"), ("ORG", "KHB")])
    out = entities.rule_type_prior(ctx, ents)
    assert sorted({e.text for e in out if e.facet == "actor"}) == ["KHB", "Kefrin Health Board"]


@pytest.mark.parametrize("text", [
    "NEW Environment Secretary George Eustice spoke today.",
    "CEBU CITY (3rd UPDATE) - The commission struck.",
    "EXCLUSIVE: The commission struck.",
])
def test_a_news_label_in_capitals_is_no_body(text):
    """Class 3: a site's or wire's label in capitals names no body ("(3rd UPDATE)")."""
    ctx, ents = classified(text, [])
    label = next(w for w in ("NEW", "UPDATE", "EXCLUSIVE") if w in text)
    assert label not in [e.text for e in entities.rule_bare_acronyms(ctx, ents)
                         if e.facet == "actor"]


def test_an_apposition_headed_by_a_person_s_noun_makes_no_thing():
    """Class 5 the other way: "Reynato Lanoria, a janitor on the ship" is a janitor; the
    ship after "on the" heads no apposition of his (a show's apposition still types it)."""
    text = ("Reynato Lanoria, a janitor on the ship, survived. Kefrin Nights, a legal series, "
            "ended.")
    ctx, ents = classified(text, [("PERSON", "Reynato Lanoria"), ("ORG", "Kefrin Nights")])
    out = entities.rule_type_prior(ctx, ents)
    assert [e.text for e in out if e.facet == "actor"] == ["Reynato Lanoria"]


@pytest.mark.parametrize(("name", "facet"), [
    ("PM Modi", "actor"),            # a title, then a name: the person
    ("President Kefrinov", "actor"),
    ("General Santos", "place"),     # a city the gazetteer knows whole
    ("Gulf of Kefrin", "place"),     # no title's "of"
])
def test_a_titled_name_tagged_a_place_is_a_person(name, facet):
    """Class 2 the other way: "had written to PM Modi" tagged a place is the prime minister."""
    gazetteer = default_gazetteer()
    text = f"The minister had written to {name} on Monday."
    ctx, ents = spans(text, [("GPE", name)])
    ctx = DocContext(text, gazetteer, {})
    assert [e.facet for e in entities.rule_classify(ctx, ents)] == [facet]


def test_a_body_s_last_word_after_an_untagged_acronym_is_the_whole_name():
    """Class 2: "ICICI | Bank gained" - the model tagged "Bank" alone; the name is "ICICI
    Bank" (a tagged acronym before it stays its own span)."""
    text = "ICICI Bank gained 1.15 per cent and SBI Bank fell."
    ctx, ents = spans(text, [("ORG", "Bank"), ("ORG", "SBI")])
    out = entities.rule_join_org_names(ctx, ents)
    assert [e.text for e in out if e.label == "ORG"] == ["ICICI Bank", "SBI", "Bank"]


def test_a_temperature_scale_is_no_name():
    """Class 3: "38 degrees Fahrenheit" names no one."""
    ctx, ents = classified("It was 38 degrees Fahrenheit on Monday.", [("PERSON", "Fahrenheit")])
    assert [e.facet for e in ents] == [None]


@pytest.mark.parametrize(("text", "name"), [
    # Pakistani English writes the division's noun before its name, in lower case
    ("Two soldiers who were residents of district Zorbak died.", "Zorbak"),
    # leaving a place: even an unknown name one is displaced from is a place
    ("Aid reached families displaced from Zorbak and Kefrin.", "Zorbak"),
])
def test_place_cues_of_the_thirty_ninth_part(text, name):
    """Class 2 (places taken for actors): "district Karak", "displaced from Al Mokha"."""
    ctx, ents = classified(text, [("ORG", name)])
    ents = entities.rule_place_cues(ctx, ents)
    assert [e.facet for e in ents if e.text == name] == ["place"]


def test_a_district_s_capitalised_body_is_no_place():
    # "in District Court": "district" leads a place only in lower case, before a name
    text = "The case was heard in district Health Office rooms."
    ctx, ents = classified(text, [("ORG", "Health Office")])
    ents = entities.rule_place_cues(ctx, ents)
    assert [e.facet for e in ents] == ["actor"]


def test_a_thing_s_short_name_is_the_thing():
    """Class 5: "the James Webb Space Telescope ... the promise of Webb" - the telescope's
    short name is no actor; a body named elsewhere stays one."""
    text = "NASA launched the James Webb Space Telescope. The promise of Webb is great, NASA said."
    ctx, ents = classified(text, [("ORG", "NASA"), ("ORG", "James Webb Space Telescope"),
                                  ("PERSON", "Webb")])
    out = entities.rule_type_prior(ctx, ents)
    assert sorted({e.text for e in out if e.facet}) == ["NASA"]


@pytest.mark.parametrize(("text", "name"), [
    ("He was held in Zorbak prison for a year.", "Zorbak"),   # class 2: "Ofer prison"
    ("BIG SUR, Calif.-A new wildfire spread.", "Calif."),      # a dash after a state's abbreviation
])
def test_prison_cue_and_a_state_abbreviation_before_a_dash(text, name):
    ctx, ents = classified(text, [])
    ents = entities.rule_place_cues(ctx, entities.rule_state_abbreviations(ctx, ents))
    assert name in [e.text for e in ents if e.facet == "place"]
