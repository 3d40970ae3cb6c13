"""Facilities (class 2 of issue 10): hospitals and seats ("the White House") are the place
where someone is taken, treated or received and the actor that speaks; mines, monuments and
routes are places."""

from __future__ import annotations

import pytest

from tests.indexer.entity_kit import resolved


@pytest.mark.parametrize(("text", "name", "facet"), [
    # taken to or treated at: the place
    ("He died at John Radcliffe Hospital a short time later.", "John Radcliffe Hospital",
     "place"),
    ("She was flown to the Walter Reed Medical Center on Friday.", "Walter Reed Medical Center",
     "place"),
    ("Two patients remain in Hartford Clinic tonight.", "Hartford Clinic", "place"),
    # a hospital or a centre is the site wherever it stands, unless it speaks or sends staff
    ("The Coast General Hospital was the worst hit.", "Coast General Hospital", "place"),
    ("Sixty slept at Lings Forum Leisure Centre.", "Lings Forum Leisure Centre", "place"),
    # venues and halls people gather in, but no research centre
    ("The teams met at the Harlow Convention Center today.", "Harlow Convention Center",
     "place"),
    ("Blasts hit the Kestrel Tuition Center and a school.", "Kestrel Tuition Center", "place"),
    ("Flowers decorate the Ann Roe Public Hall.", "Ann Roe Public Hall", "place"),
    ("He works at the Harlow Research Center in town.", "Harlow Research Center", "actor"),
    # speaking, sending staff, or no hospital at all: an actor
    ("John Radcliffe Hospital said the patient was stable.", "John Radcliffe Hospital", "actor"),
    ("Doctors from Hartford Hospital were sent to help.", "Hartford Hospital", "actor"),
    ("He thanked the Mayo Foundation for its support.", "Mayo Foundation", "actor"),
    # a seat that receives people is a place, one that speaks an actor, a legislature a body
    ("She gave a speech at the Grey House on Friday.", "Grey House", "place"),
    ("Protesters gathered outside the US Embassy at noon.", "US Embassy", "place"),
    ("The Grey House said the talks went well.", "Grey House", "actor"),
    ("The bill passed in the U.S. House on Friday.", "U.S. House", "actor"),
])
def test_a_hospital_is_a_place_where_someone_is_taken_and_an_actor_that_speaks(text, name,
                                                                                 facet):
    assert [(t, f) for t, f, _, _ in resolved(text, [("ORG", name)])] == [(name, facet)]


@pytest.mark.parametrize("name", ["Upper Kettle Mine", "Harlow Monument", "Dunmore Memorial",
                                  "State Route"])
def test_mines_monuments_and_routes_are_places(name):
    text = f"Crowds gathered by the {name} on Sunday."
    assert [(t, f) for t, f, _, _ in resolved(text, [("ORG", name)])] == [(name, "place")]


@pytest.mark.parametrize("name", ["Harlow Hotel", "Kestrel Building", "Elm Street Overpass",
                                  "Bayside Theaters", "Harbour Tunnel",
                                  # roads, their abbreviations and natural features
                                  "Mingo Valley Expressway", "Admiral Blvd", "Ozark Plateau",
                                  "Reglan Station Rd", "Kestrel Hwy",
                                  "Kestrel Minster",
                                  # a region's word ends a place's name
                                  "Kestrel Township",
                                  # a mill, a jail
                                  "Yarwell Mill", "Kestrel Jail"])
def test_hotels_buildings_and_crossings_are_places(name):
    text = f"Crowds gathered by the {name} on Sunday."
    assert [(t, f) for t, f, _, _ in resolved(text, [("ORG", name)])] == [(name, "place")]


def test_a_surname_that_is_also_a_landmark_word_keeps_its_person():
    # "Castle", "Gate", "Trail" end people's names too; they make no landmark of an ORG span
    text = "Crowds cheered Darrell Castle on Sunday."
    assert [(t, f) for t, f, _, _ in resolved(text, [("ORG", "Darrell Castle")])] == [
        ("Darrell Castle", "actor")]


def test_a_station_or_a_prison_the_model_calls_a_person_is_a_place():
    # no person's name ends in "Station" or "Prison" ("Kells Garda Station" tagged a person);
    # the town listed with a place is then no word of a person's name either (`listed-place`)
    text = "Contact Kells Garda Station. The road between Kells and Damascus is closed."
    found = resolved(text, [("PERSON", "Kells Garda Station"), ("PERSON", "Kells"),
                            ("GPE", "Damascus")])
    assert [(t, f) for t, f, _, _ in found] == [
        ("Kells Garda Station", "place"), ("Kells", "place"), ("Damascus", "place")]


def test_a_road_abbreviation_the_model_calls_a_person_is_a_place():
    # no person's name ends in "Rd" or "Hwy"
    text = "A truck crashed near the intersection of Reglan Station Rd at night."
    assert [(t, f) for t, f, _, _ in resolved(text, [("PERSON", "Reglan Station Rd")])] == [
        ("Reglan Station Rd", "place")]


def test_towns_after_a_name_make_it_a_town():
    text = "The army reinforced Kestrel towns and the Kestra new town on Sunday."
    found = resolved(text, [("PERSON", "Kestrel"), ("PERSON", "Kestra")])
    assert [(t, f) for t, f, _, _ in found] == [("Kestrel", "place"), ("Kestra", "place")]
