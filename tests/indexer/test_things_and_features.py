"""Rules of the twenty-fourth part of issue 10, each on spacy.blank("en") with an entity ruler
standing in for the model: models named with a number (class 5), names a document types as
works or languages (class 3), natural features and "X of Y district" (class 2)."""

from __future__ import annotations

import pytest

from indexer import entities
from indexer.entities import RULES, DocContext, run_rules
from indexer.gazetteer import Gazetteer, Place
from indexer.phrases import missed_places
from indexer.spans import Ent
from tests.indexer.test_rules import classified, facets, spans


@pytest.mark.parametrize("name", ["Ariane 5", "Falcon 9", "Rocky Linux 8"])
def test_a_person_named_with_a_number_is_no_actor(name):
    """Class 5: no one's name ends in a number; a rocket's, a car's or a system's does."""
    _, ents = classified(f"The {name} flew on Monday.", [("PERSON", name)])
    assert facets(ents) == []


def test_a_person_without_a_number_stays_an_actor():
    _, ents = classified("Ariane said on Monday that she flew.", [("PERSON", "Ariane")])
    assert facets(ents) == [("Ariane", "actor", "Ariane")]


def _scan_gazetteer() -> Gazetteer:
    return Gazetteer.from_entries([("Vega", Place("Vega", "Spain", "city", 900_000)),
                                   ("Shan", Place("Shan", "Myanmar", "province", 0))])


def test_the_scan_takes_no_place_the_document_types_as_a_work():
    """ "the Vega rocket ... The 30-metre-tall Vega": the rocket, typed so at one mention, is
    no place at another the model did not mark."""
    text = "The Vega rocket lifted off. The tall Vega flew on."
    work = Ent(4, 8, "Vega", "PERSON", rule="type-prior")
    assert missed_places(text, [work], _scan_gazetteer()) == []
    assert [e.text for e in missed_places(text, [], _scan_gazetteer())] == ["Vega", "Vega"]


@pytest.mark.parametrize(("text", "found"), [
    ("They speak a dialect of the Shan language.", []),
    ("Fighting spread in Shan last week.", ["Shan"]),
])
def test_the_scan_takes_no_language_for_a_place(text, found):
    assert [e.text for e in missed_places(text, [], _scan_gazetteer())] == found


@pytest.mark.parametrize("name", ["Jangsan Cape", "Khyber Pass", "Tarim Basin", "Mekong Delta"])
def test_a_natural_feature_tagged_a_person_is_a_place(name):
    """Class 2: last words no person's name ends with make a feature of a PERSON span."""
    _, ents = classified(f"Shells were fired from {name} on Friday.", [("PERSON", name)])
    assert [(e.text, e.facet) for e in ents] == [(name, "place")]


def test_a_vessel_named_after_its_type_is_no_actor():
    """Class 5: "the bulk carrier Rubymar" is a ship."""
    text = "The attacks sank the bulk carrier Rubymar in March."
    ctx, ents = classified(text, [("PERSON", "Rubymar")])
    assert facets(ents) == [("Rubymar", "actor", "Rubymar")]
    assert facets(entities.rule_type_prior(ctx, ents)) == []


def test_a_village_of_a_district_is_two_places():
    """Class 2: "Gulabbag-Tral of Pulwama district" is the village and its district, not one
    place named "Gulabbag-Tral of Pulwama"."""
    gazetteer = Gazetteer.from_entries([("Pulwama", Place("Pulwama", "India", "city", 20_000)),
                                        ("India", Place("India", "India", "country", 10**9))])
    text = "A gunfight broke out at Gulabbag-Tral of Pulwama district on Friday."
    _, ents = spans(text, [("FAC", "Gulabbag-Tral of Pulwama district")])
    out = run_rules(DocContext(text, gazetteer, {}), ents, RULES)
    assert [(e.text, e.facet, e.value) for e in out if e.facet == "place"] == [
        ("Gulabbag-Tral", "place", "Gulabbag-Tral"), ("Pulwama", "place", "Pulwama")]


@pytest.mark.parametrize("name", ["Gulf of Mexico", "Islamic Republic of Iran"])
def test_a_name_headed_before_of_stays_one_place(name):
    ctx, ents = spans(f"Ships sailed in the {name} on Friday.", [("GPE", name)])
    assert [e.text for e in entities.rule_located_places(ctx, ents)] == [name]



def test_a_councillors_title_is_no_part_of_the_name():
    """Class 6: "Cllr Declan Hurley", "Cllr Hurley": one person, named without the title."""
    text = "Cllr Declan Hurley spoke. Later Cllr Hurley agreed."
    ctx, ents = classified(text, [("PERSON", "Cllr Declan Hurley"), ("PERSON", "Cllr Hurley")])
    out = run_rules(ctx, ents, RULES)
    assert {e.value for e in out if e.facet == "actor"} == {"Declan Hurley"}


def test_a_persons_bracketed_party_is_no_acronym_of_the_person():
    """ "Cllr Joe Carroll (FF)": FF is his party, not a name of his."""
    text = "It was said by Joe Carroll (FF), who asked. The FF group agreed."
    ctx, ents = spans(text, [("PERSON", "Joe Carroll"), ("ORG", "FF")])
    out = run_rules(ctx, ents, RULES)
    assert {e.text: e.value for e in out if e.facet == "actor"} == {"Joe Carroll": "Joe Carroll",
                                                                   "FF": "FF"}




def test_a_name_the_model_calls_a_product_by_its_type_noun_is_a_work_everywhere():
    """Class 5: "the ferry “Kestra”" tagged a product types "onboard the Kestra" tagged a
    person: the ship, no actor."""
    text = "Fans damaged the ferry “Kestra” on Monday. Police boarded the Kestra later."
    first, second = text.index("Kestra"), text.rindex("Kestra")
    ctx, _ = classified(text, [])
    ents = [Ent(first, first + 6, "Kestra", "PRODUCT"),
            Ent(second, second + 6, "Kestra", "PERSON", facet="actor", value="Kestra")]
    assert facets(entities.rule_type_prior(ctx, ents)) == []


def test_a_code_written_before_a_group_of_its_people_is_a_body():
    """ "the M23 rebels" tagged a place: the code is no place's name, but the armed group's
    (a code alone, "The R0 number", stays no name)."""
    text = "Clashes with M23 rebels went on. The M23 seized the town."
    ctx, ents = classified(text, [("GPE", "M23")])
    assert {(e.text, e.facet, e.value) for e in entities.rule_shapes(ctx, ents)
            if e.facet} == {("M23", "actor", "M23")}
    ctx, ents = classified("The R0 number rose.", [("GPE", "R0")])
    assert facets(entities.rule_shapes(ctx, ents)) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Fighters of the pro-Hutu Nyatura group clashed with the army.", ["Nyatura"]),
    ("Kestra Zanu militants attacked the post.", ["Kestra Zanu"]),
    # a word English writes in lower case, a nationality, a known place, an adjective
    ("No group has claimed the attack.", []),
    ("Kurdish militants attacked the post.", []),
    ("Aleppo rebels attacked the post.", []),
    ("Raids by the al Qaeda-aligned group went on.", []),
])
def test_an_untagged_name_before_a_groups_noun_is_a_group(text, found):
    ctx, ents = classified(text, [])
    assert [e.text for e in entities.rule_group_names(ctx, ents) if e.facet == "actor"] == found


def test_a_check_post_is_a_place():
    text = "Militants attacked the Kestra check post in the district."
    ctx, ents = classified(text, [("PERSON", "Kestra")])
    assert [(e.text, e.facet) for e in entities.rule_place_cues(ctx, ents)] == [("Kestra", "place")]


@pytest.mark.parametrize(("text", "name"), [
    ("The bills include House Bill 170, sponsored by a senator.", "House"),
    ("It passed Senate Bill No. 30 on Friday.", "Senate"),
])
def test_a_chambers_name_in_a_bills_designation_is_no_actor(text, name):
    """Class 5: "House Bill 170" names the bill; "the House voted" names the chamber."""
    _, ents = classified(text, [("ORG", name)])
    assert facets(ents) == []
    _, ents = classified(f"The {name} voted on Friday.", [("ORG", name)])
    assert facets(ents) == [(name, "actor", name)]


def test_a_law_named_by_its_act_is_no_actor():
    """Class 5: a name ending in "Act" or "Acts" is a law, also where no other cue stands."""
    text = "Under the Public Health and Emergency Management Acts, failing to comply is an offence."
    ctx, ents = classified(text, [("ORG", "Public Health and Emergency Management Acts")])
    assert facets(entities.rule_type_prior(ctx, ents)) == []


@pytest.mark.parametrize(("text", "name"), [
    ("The case went to an officer not below the rank of DIG on Friday.", "DIG"),
    ("PML-N MPA Sardar Khosa was arrested.", "MPA"),
    ("Counsel, Wale Kestra, SAN, asked for time.", "SAN"),
])
def test_a_rank_written_as_an_acronym_is_no_actor(text, name):
    _, ents = classified(text, [("ORG", name)])
    assert facets(ents) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Combat went on in the Ruhanga and Kestra areas of the province.", "Kestra"),
    ("The rocket lifted off from Kestra spaceport on Monday.", "Kestra"),
])
def test_new_place_cues(text, name):
    ctx, ents = classified(text, [("PERSON", name)])
    assert (name, "place") in [(e.text, e.facet) for e in entities.rule_place_cues(ctx, ents)]


def test_a_lower_case_word_opening_a_sentence_is_no_cued_place():
    ctx, ents = classified("Surrounding areas were flooded.", [])
    assert facets(entities.rule_place_cues(ctx, ents)) == []


@pytest.mark.parametrize(("name", "facet"), [
    ("Bradley Fighting Vehicles", None), ("Polar Satellite Launch Vehicle", None),
    ("Department of Motor Vehicles", "actor"),  # headed by its department
])
def test_a_vehicle_is_no_actor_unless_it_only_ends_a_bodys_name(name, facet):
    text = f"Fire came from the {name} on Monday."
    ctx, ents = classified(text, [("ORG", name)])
    assert [e.facet for e in entities.rule_type_prior(ctx, ents)] == [facet]


def test_an_operations_name_is_no_place():
    """Class 5: "the launch of operation Keletigui" names an operation, no place."""
    text = "Bases fell since the launch in December of operation Kestra."
    ctx, ents = classified(text, [("LOC", "Kestra")])
    assert facets(entities.rule_events(ctx, ents)) == []


@pytest.mark.parametrize("name", ["Mass Vaccination Campaign", "State of the State Address"])
def test_campaigns_and_addresses_are_events(name):
    ctx, ents = classified(f"Since the {name} in May, cases fell.", [("ORG", name)])
    assert facets(entities.rule_events(ctx, ents)) == []


def test_a_group_named_by_its_peoples_adjective_takes_the_known_groups_name():
    """ "Houthi militants": the shipped Houthis, one value with the group's other mentions."""
    ctx, ents = classified("Ships were attacked by Houthi militants in the Red Sea.", [])
    assert [(e.text, e.value) for e in entities.rule_group_names(ctx, ents)
            if e.facet == "actor"] == [("Houthi", "Houthis")]
