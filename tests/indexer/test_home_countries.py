"""The `home-country` rule alone (class 4: a place name several countries share takes the
document's own country), on a hand-made gazetteer."""

from __future__ import annotations

from indexer.entities import (
    DocContext,
    canonical_value,
    rule_classify,
    rule_home_countries,
    spans_from_model,
)
from indexer.gazetteer import Gazetteer, Place
from tests.indexer.entity_kit import raw_ents, ruler_nlp

GAZETTEER = Gazetteer.from_entries([
    ("Spain", Place("Spain", "Spain", "country", 47_000_000)),
    ("Venezuela", Place("Venezuela", "Venezuela", "country", 28_000_000)),
    ("Canada", Place("Canada", "Canada", "country", 38_000_000)),
    ("United States", Place("United States", "United States", "country", 330_000_000)),
    ("Valencia", Place("Valencia", "Venezuela", "city", 1_600_000)),
    ("Valencia", Place("Valencia", "Spain", "city", 800_000)),
    ("Paris", Place("Paris", "France", "city", 2_100_000)),
    ("Paris", Place("Paris", "United States", "city", 25_000)),
    ("Ontario", Place("Ontario", "Canada", "province", 0)),
    ("Ontario", Place("Ontario", "United States", "city", 170_000)),
    ("Toronto", Place("Toronto", "Canada", "city", 2_700_000)),
    ("Ottawa", Place("Ottawa", "Canada", "city", 1_000_000)),
    ("Hunter", Place("Jacobo Hunter", "Peru", "city-alt", 46_000)),
    ("Kestra", Place("Kestra", "Spain", "city", 20_000)),
    ("North Western", Place("North Western", "Sierra Leone", "province", 0)),
    ("Saudi Arabia", Place("Saudi Arabia", "Saudi Arabia", "country", 35_000_000)),
    ("Medina", Place("Medina", "United States", "city", 26_000)),
    ("Medina", Place("Madinah", "Saudi Arabia", "city-alt", 1_300_000)),
])


def countries(text: str, places: list[str]) -> dict[str, str | None]:
    ctx = DocContext(text, GAZETTEER, {})
    ents = spans_from_model(text, raw_ents(ruler_nlp([("GPE", p) for p in places]), text), {})
    ents = [canonical_value(e, GAZETTEER) for e in rule_classify(ctx, ents)]
    return {e.text: e.country for e in rule_home_countries(ctx, ents) if e.facet == "place"}


def test_a_shared_name_takes_the_country_the_document_names():
    assert GAZETTEER.lookup("Valencia").country == "Venezuela"
    assert countries("Floods in Valencia, the worst in Spain for years.",
                     ["Valencia", "Spain"])["Valencia"] == "Spain"


def test_without_the_other_country_named_the_first_choice_stays():
    assert countries("Floods in Valencia.", ["Valencia"])["Valencia"] == "Venezuela"
    both = "Valencia, with ties to Spain and Venezuela."
    assert countries(both, ["Valencia", "Spain", "Venezuela"])["Valencia"] == "Venezuela"


def test_a_far_smaller_namesake_or_a_city_beside_a_province_does_not_win():
    us = "In Paris and Ontario, United States officials met."
    assert countries(us, ["Paris", "Ontario", "United States"]) == {
        "Paris": "France", "Ontario": "Canada", "United States": "United States"}


def test_the_gazetteer_keeps_each_countrys_best_place_as_an_alternative():
    assert [p.country for p in GAZETTEER.in_other_countries("valencia")] == ["Spain"]
    assert GAZETTEER.in_other_countries("Spain") == ()


def test_a_weak_match_abroad_in_a_document_about_one_country_loses_its_country():
    # class 4: another name of a town, a small town or words of direction abroad, each the
    # only place of its country, say nothing against the document's own country
    text = "Fires near Toronto, Ottawa and Ontario reached Hunter, Kestra and North Western."
    found = countries(text, ["Toronto", "Ottawa", "Ontario", "Hunter", "Kestra", "North Western"])
    assert found == {"Toronto": "Canada", "Ottawa": "Canada", "Ontario": "Canada",
                     "Hunter": None, "Kestra": None, "North Western": None}


def test_a_weak_match_keeps_its_country_where_the_document_has_no_home_or_names_it_twice():
    assert countries("Fires reached Hunter and Toronto.", ["Hunter", "Toronto"]) == {
        "Hunter": "Peru", "Toronto": "Canada"}
    text = "Fires near Toronto, Ottawa and Ontario reached Kestra in Spain."
    assert countries(text, ["Toronto", "Ottawa", "Ontario", "Kestra", "Spain"])["Kestra"] == "Spain"


def test_a_small_town_yields_to_a_namesake_of_another_named_country():
    # class 4: "Mecca and Medina" in a report naming Saudi Arabia and the United States is
    # the holy city, not the Ohio town of 26,000 the gazetteer ranks first; with only the
    # town's country named, the town stays
    text = "Pilgrims left Medina, Saudi Arabia, and flew to the United States."
    assert countries(text, ["Medina", "Saudi Arabia", "United States"])["Medina"] == "Saudi Arabia"
    text = "Fires reached Medina, United States."
    assert countries(text, ["Medina", "United States"])["Medina"] == "United States"
