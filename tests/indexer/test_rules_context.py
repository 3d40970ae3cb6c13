"""Facets read from a name's own word or its neighbours (thirty-sixth part of issue 10):
parliaments named by their own word, capitals in a relation between governments, a country
named as an organisation's base, and long lists of places."""

from __future__ import annotations

from dataclasses import replace

import pytest

from indexer import entities
from tests.indexer.test_rules import classified, spans


@pytest.mark.parametrize(("name", "label"), [
    ("Storting", "LOC"), ("Lok Sabha", "FAC"), ("Knesset", "GPE"), ("Verkhovna Rada", "LOC")])
def test_a_parliament_named_by_its_own_word_is_the_body(name, label):
    # class 2: "85 seats are required for a majority in the Storting" tagged a place
    ctx, ents = classified(f"The bill passed in the {name} on Monday.", [(label, name)])
    assert [(e.text, e.facet) for e in ents] == [(name, "actor")]


def test_a_place_ending_in_no_parliament_word_stays_a_place():
    ctx, ents = classified("The bill passed in Kefrtown on Monday.", [("GPE", "Kefrtown")])
    assert [(e.text, e.facet) for e in ents] == [("Kefrtown", "place")]


def _listed(text, patterns):
    ctx, ents = spans(text, patterns)
    ents = [replace(e, facet="place" if e.label == "GPE" else "actor") for e in ents]
    return [e.text for e in entities.rule_listed_places(ctx, ents) if e.rule == "listed-place"]


_FOUR = [("GPE", "Aleppo"), ("GPE", "Idlib"), ("GPE", "Hama"), ("GPE", "Homs")]


def test_a_two_word_person_in_a_list_of_five_places_is_a_place():
    # class 2: "Quetta, Sibi, Harnai, Pishin, Qila Saifullah, Chaman, Ziarat and Zhob"
    assert _listed("Aleppo, Idlib, Qila Kefr, Hama and Homs were hit.",
                   _FOUR + [("PERSON", "Qila Kefr")]) == ["Qila Kefr"]


@pytest.mark.parametrize("text", [
    "Aleppo, Idlib, Qila Kefr and Hama were hit.",                        # four names only
    "Aleppo, Idlib, Qila Kefr, Hama and Homs were hit. Kefr said so.",    # named again
])
def test_a_two_word_person_in_a_short_list_or_named_again_stays_a_person(text):
    patterns = [p for p in _FOUR if p[1] in text] + [("PERSON", "Qila Kefr")]
    assert _listed(text, patterns) == []


def test_a_two_word_person_in_a_list_with_another_actor_stays_a_person():
    text = "Aleppo, Idlib, Qila Kefr, Hama and UNICEF were hit."
    assert _listed(text, _FOUR[:3] + [("PERSON", "Qila Kefr"), ("ORG", "UNICEF")]) == []
