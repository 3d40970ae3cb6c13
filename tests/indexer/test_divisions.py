"""The `division` rule alone (class 2: places taken for organisations), on spans from
spacy.blank("en") with an entity ruler."""

from __future__ import annotations

from dataclasses import replace

from indexer import entities
from tests.indexer.test_rules import classified, facets


def test_names_starting_or_ending_with_a_division_word_are_places():
    text = "Floods hit County Brack and Orwell County; the Tarn Region and County of Kern."
    patterns = [("ORG", "County Brack"), ("ORG", "Orwell County"), ("ORG", "the Tarn Region"),
                ("ORG", "County of Kern")]
    ctx, ents = classified(text, patterns)
    assert {f for _, f, _ in facets(ents)} == {"actor"}
    out = entities.rule_divisions(ctx, ents)
    assert [(e.text, e.facet, e.rule) for e in out if e.facet] == [
        ("County Brack", "place", "division"), ("Orwell County", "place", "division"),
        ("Tarn Region", "place", "division"), ("County of Kern", "place", "division")]


def test_a_plural_division_word_after_two_names_is_a_place():
    # "in Donetsk and Luhansk Oblasts": the model's organisation is the second division
    ctx, ents = classified("Groups in Tarn and Orwell Oblasts and Kern Counties fought.",
                           [("ORG", "Orwell Oblasts"), ("ORG", "Kern Counties")])
    assert [(e.text, e.facet) for e in entities.rule_divisions(ctx, ents)] == [
        ("Orwell Oblasts", "place"), ("Kern Counties", "place")]


def test_the_body_of_a_division_stays_an_actor():
    text = ("The District Court and the County Council met the Orwell District Court judge "
            "and the Sheriff of Orwell County.")
    patterns = [("ORG", "The District Court"), ("ORG", "the County Council"),
                ("ORG", "the Orwell District Court"), ("ORG", "the Sheriff of Orwell County")]
    ctx, ents = classified(text, patterns)
    assert facets(entities.rule_divisions(ctx, ents)) == facets(ents)
    assert {f for _, f, _ in facets(ents)} == {"actor"}


def test_a_span_another_rule_fixed_is_left_alone():
    ctx, ents = classified("County Brack said so.", [("ORG", "County Brack")])
    fixed = [replace(e, fixed=True) for e in ents]
    assert facets(entities.rule_divisions(ctx, fixed)) == [("County Brack", "actor", "County Brack")]
    assert facets(entities.rule_divisions(ctx, ents))[0][1] == "place"


def test_a_services_district_and_a_body_named_after_where_it_acts_stay_actors():
    # "Delta School District" is a school board; "Islamic State in West Africa Province" an
    # armed group named after where it acts
    text = "The Orwell School District and the Kefr Front in Tarn Province met Kern Health District."
    patterns = [("ORG", "Orwell School District"), ("ORG", "Kefr Front in Tarn Province"),
                ("ORG", "Kern Health District")]
    ctx, ents = classified(text, patterns)
    assert facets(entities.rule_divisions(ctx, ents)) == facets(ents)
    assert {f for _, f, _ in facets(ents)} == {"actor"}
