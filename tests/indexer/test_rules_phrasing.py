"""Rules read from how a sentence is phrased around a name (twenty-second part of issue 10):
offices of a place, closed and apposed place cues, weapons named like towns, vessel prefixes
written in capitals, small towns the sentence puts something in."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.entity_kit import resolved
from tests.indexer.test_rules import classified, facets


def test_a_lower_case_office_of_a_place_is_an_actor_or_its_holder():
    # class 6: the document names no mayor; the office of a place it names is an actor
    text = "Classes stopped. The mayor of Aleppo said so. The defence of Iraq went on."
    ctx, ents = classified(text, [("GPE", "Aleppo"), ("GPE", "Iraq")])
    out = entities.rule_offices(ctx, ents)
    assert [(e.text, e.value) for e in out if e.rule == "office"] == [
        ("mayor of Aleppo", "Mayor of Aleppo")]  # one value however the text cases it
    # a name set off before the office is its holder, before a region set off after it
    text = "Ali Kefi, the mayor of Aleppo, Mary Ward, said so."
    ctx, ents = classified(text, [("PERSON", "Ali Kefi"), ("GPE", "Aleppo"),
                                  ("PERSON", "Mary Ward")])
    assert [(e.text, e.value) for e in entities.rule_offices(ctx, ents)
            if e.rule == "office"] == [("mayor of Aleppo", "Ali Kefi")]


@pytest.mark.parametrize("text", [
    "The mayor of Springfield said so.",  # no place span there: not placed
    "They met the interior of Iraq.",  # a department's word, no person's office
    "Ask the Mr of Iraq.",  # no role of its own
])
def test_no_office_without_a_place_or_a_persons_role(text):
    ctx, ents = classified(text, [("GPE", "Iraq")] if "Iraq" in text else [])
    assert [e for e in entities.rule_offices(ctx, ents) if e.rule == "office"] == []


@pytest.mark.parametrize(("text", "name", "facet"), [
    ("Militants attacked Kefr Dana town in Idlib.", "Kefr Dana", "place"),
    ("Rockets hit Kefr Dana town, residents said.", "Kefr Dana", "place"),
    ("Voters met at Kefr Dana town hall.", "Kefr Dana", "actor"),  # a compound: no cue
])
def test_a_town_noun_closing_its_phrase_makes_a_place(text, name, facet):
    ctx, ents = classified(text, [("PERSON", name)])
    assert (name, facet) in [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))]


@pytest.mark.parametrize(("text", "name", "facet"), [
    ("The attack on Kefr Dana, a village located 10km south of Idlib, killed two.",
     "Kefr Dana", "place"),
    ("Shells hit Kefr Dana, a small farming town in Idlib.", "Kefr Dana", "place"),
    ("Ali Kefi, a village elder, said so.", "Ali Kefi", "actor"),  # the noun goes on
    ("Ali Kefi, a city official in Idlib, said so.", "Ali Kefi", "actor"),
    # a distance after the noun closes its phrase too
    ("Fighters from Kefr Dana, a town 65 km southeast of Idlib, came.", "Kefr Dana", "place"),
    ("Ali Kefi, a city councillor since 2010, said so.", "Ali Kefi", "actor"),
    # after "the" too, and a capital's noun there
    ("Troops neared Kefr Dana, the capital of Unity state.", "Kefr Dana", "place"),
    ("Shells hit Kefr Dana, the main town, at dawn.", "Kefr Dana", "place"),
    ("Ali Kefi, the village elder, said so.", "Ali Kefi", "actor"),
    ("Ali Kefi, the city's mayor, said so.", "Ali Kefi", "actor"),
])
def test_an_apposition_a_settlement_noun_heads_makes_a_place(text, name, facet):
    ctx, ents = classified(text, [("PERSON", name)])
    assert (name, facet) in [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))]


@pytest.mark.parametrize(("text", "name", "facet"), [
    ("Sam Roe, mayor of the nearest city, Kefr Dana, said so.", "Kefr Dana", "place"),
    ("Troops entered the capital, Kefr Dana.", "Kefr Dana", "place"),
    ("They reached the small town, Kefr Dana; it was empty.", "Kefr Dana", "place"),
    # a country's possessive for the determiner; an island's noun
    ("Ash rose on Kestria's most populous island, Kefr Dana, today.", "Kefr Dana", "place"),
    ("Ash rose on Kestria's second city, Kefr Dana, today.", "Kefr Dana", "place"),
    ("In the city, Kefr Dana said nothing.", "Kefr Dana", "actor"),  # no apposition closed
    ("The town, Mayor Kefr Dana said, was calm.", "Mayor Kefr Dana", "actor"),  # titled
])
def test_a_name_set_off_after_a_settlement_noun_is_a_place(text, name, facet):
    # class 2 (places taken for people): the apposition the other way round
    ctx, ents = classified(text, [("PERSON", name)])
    assert (name, facet) in [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))]


def test_a_town_like_name_always_before_a_weapon_noun_is_a_weapon():
    # class 5: "Katyusha rockets" tagged a place the gazetteer does not know; a known place
    # before a weapon noun stays the place
    text = "Katyusha rockets landed near Mosul. Two Katyusha rockets fell. Mosul rockets too."
    ctx, ents = classified(text, [("GPE", "Katyusha"), ("GPE", "Mosul")])
    assert {v for _, _, v in facets(entities.rule_type_prior(ctx, ents))} == {"Mosul"}


def test_a_vessel_prefix_is_matched_as_written():
    # "its" is no Italian ship's "ITS": the place after it stays a place
    text = "The council said the attack on its Aleppo office must not stop it."
    ctx, ents = classified(text, [("GPE", "Aleppo")])
    assert facets(entities.rule_type_prior(ctx, ents)) == [("Aleppo", "place", "Aleppo")]
    text = "The frigate ITS Libeccio sailed. Later Libeccio docked."
    ctx, ents = classified(text, [("ORG", "Libeccio")])
    assert facets(entities.rule_type_prior(ctx, ents)) == []


def test_a_small_town_is_found_where_the_sentence_puts_something_in_it():
    # Saraqib (34,000 people) is below the size a bare name needs, but "in" places it; a
    # particle and a capitalised word after the name make a longer name
    assert resolved("Gunmen struck in Saraqib on Sunday.", []) == [
        ("Saraqib", "place", "Saraqib", "gazetteer-scan")]
    assert resolved("Aid came via Saraqib on Sunday.", []) == []
    assert resolved("Gunmen struck in Saraqib do Norte on Sunday.", []) == []


def test_a_plant_is_a_place_but_a_singer_named_plant_a_person():
    text = "A power outage hit the Kefr Water Treatment Plant. Robert Plant sang."
    ctx, ents = classified(text, [("ORG", "Kefr Water Treatment Plant"),
                                  ("PERSON", "Robert Plant")])
    assert [(t, f) for t, f, _ in facets(ents)] == [("Kefr Water Treatment Plant", "place"),
                                                   ("Robert Plant", "actor")]


def test_examples_of_a_kind_of_place_after_a_dash():
    # "at least two towns —including Kefr Dana in the province of Idlib"
    text = "Reportedly, two towns —including Kefr Dana in the province of Idlib— closed."
    ctx, ents = classified(text, [("PERSON", "Kefr Dana")])
    assert ("Kefr Dana", "place") in [(t, f) for t, f, _ in
                                      facets(entities.rule_place_cues(ctx, ents))]


def test_a_possessive_place_before_a_division_noun_is_two_places():
    # "Oromiya's Shirka district": the region is unknown to the gazetteer, the noun after
    # the span names the inner place a district; without the noun the span stays whole
    text = "Attackers struck villages in Kefra's Shirka district. Kefra's Shirka is calm."
    ctx, ents = classified(text, [("GPE", "Kefra's Shirka")])
    out = entities.rule_possessive_places(ctx, ents)
    assert [(e.text, e.facet) for e in out if e.facet == "place"] == [
        ("Kefra", "place"), ("Shirka", "place"), ("Kefra's Shirka", "place")]


@pytest.mark.parametrize(("name", "facet"), [("API", None), ("GDP", None), ("IRC", "actor"),
                                           ("PDF", "actor")])
def test_a_technical_acronym_of_a_thing_is_no_name(name, facet):
    # class 3: "its modding API" tagged an organisation; the International Rescue Committee
    # (IRC) and Myanmar's People's Defence Force (PDF) stay actors
    text = f"Minetest gained its modding {name} last year."
    _, ents = classified(text, [("ORG", name)])
    assert [e.facet for e in ents] == [facet]


def test_a_country_run_into_its_own_town_is_two_places():
    # class 3: "the map of Syria Aleppo" tagged a person took every later "Aleppo" as that
    # person's partial name; a name whose second word is no town of the country stays whole
    text = "On the map of Syria Aleppo is small. Aleppo grew. Syria Mosul and Syria Jones met."
    out = resolved(text, [("PERSON", "Syria Aleppo"), ("GPE", "Aleppo"), ("PERSON", "Syria Mosul"),
                          ("PERSON", "Syria Jones")])
    assert [(t, f, v) for t, f, v, _ in out][:3] == [
        ("Syria", "place", "Syria"), ("Aleppo", "place", "Aleppo"), ("Aleppo", "place", "Aleppo")]
    assert ("Syria Mosul", "actor") in [(t, f) for t, f, _, _ in out]


@pytest.mark.parametrize(("text", "label", "name", "facet"), [
    ("Warnings are in place for fires at Kestra, at Hillville.", "ORG", "Kestra", "place"),
    ("Troops on fighting patrol at Kestra killed three.", "ORG", "Kestra", "place"),
    ("He was hurt in the match at Kestra on Saturday.", "PERSON", "Kestra", "place"),
    ("She works at Kestra in town.", "ORG", "Kestra", "actor"),  # no incident's noun
    ("Mourners met after the shooting at Ann Roe's home.", "PERSON", "Ann Roe", "actor"),
])
def test_an_incidents_noun_and_at_make_a_site(text, label, name, facet):
    # class 2 (places taken for bodies or people): where an incident happened
    ctx, ents = classified(text, [(label, name)])
    assert (name, facet) in [(t, f) for t, f, _ in facets(entities.rule_place_cues(ctx, ents))]


def test_an_incidents_site_with_a_possessive_inside_is_left_to_other_rules():
    # "the match at Wynnum's Grenada Street ground": no place spans the possessive
    text = "Fans left after the match at Kestra's Roe Street ground on Saturday."
    ctx, ents = classified(text, [("ORG", "Roe Street")])
    assert all("'s" not in t for t, _, _ in facets(entities.rule_place_cues(ctx, ents)))
