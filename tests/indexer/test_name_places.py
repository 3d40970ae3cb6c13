"""The `place-in-name` rule alone (class 2: a place named inside an organisation's name)."""

from __future__ import annotations

from indexer import entities
from tests.indexer.test_rules import classified


def _added(text, patterns):
    ctx, ents = classified(text, patterns)
    out = entities.rule_places_in_names(ctx, ents)
    assert out[:len(ents)] == ents  # the organisations stay as they were
    return [(e.text, e.facet, e.rule, text[e.start:e.end]) for e in out[len(ents):]]


def test_the_place_after_of_in_an_organisations_name_is_a_place_mention():
    text = "The Government of Iraq met the Chamber of Damascus, Aleppo."
    assert _added(text, [("ORG", "Government of Iraq"),
                         ("ORG", "Chamber of Damascus, Aleppo")]) == [
        ("Iraq", "place", "place-in-name", "Iraq"),
        ("Damascus", "place", "place-in-name", "Damascus"),
        ("Aleppo", "place", "place-in-name", "Aleppo")]


def test_a_place_whose_name_holds_and_after_of_is_a_place_mention():
    text = "Citizens of Trinidad and Tobago need no visa."
    assert _added(text, [("ORG", "Citizens of Trinidad and Tobago")]) == [
        ("Trinidad and Tobago", "place", "place-in-name", "Trinidad and Tobago")]


def test_well_known_places_listed_after_of_are_place_mentions():
    # only the places of the list: "the Levant" is no place the gazetteer knows well, and a
    # ministry's fields are none
    text = "The Islamic State of Iraq and the Levant and the Ministry of Trade and Industry."
    assert _added(text, [("ORG", "Islamic State of Iraq and the Levant"),
                         ("ORG", "Ministry of Trade and Industry")]) == [
        ("Iraq", "place", "place-in-name", "Iraq")]


def test_a_span_run_on_over_in_a_place_holds_that_place():
    text = "He was filming The Professionals in Syria last year."
    assert _added(text, [("WORK_OF_ART", "The Professionals in Syria")]) == [
        ("Syria", "place", "place-in-name", "Syria")]


def test_a_leading_city_is_a_place_but_a_leading_country_is_an_adjective():
    text = "Mosul Police and U.S. forces and Syria Civil Defence worked."
    assert _added(text, [("ORG", "Mosul Police"), ("ORG", "U.S. forces"),
                         ("ORG", "Syria Civil Defence")]) == [
        ("Mosul", "place", "place-in-name", "Mosul")]


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
