"""The `person-place` rule alone (class 2 the other way round: people tagged as places)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.entity_kit import resolved
from tests.indexer.test_rules import classified


def _people(text: str, patterns) -> list[str]:
    ctx, ents = classified(text, list(patterns))
    return [e.text for e in entities.rule_person_places(ctx, ents) if e.rule == "person-place"]


@pytest.mark.parametrize(("text", "patterns", "found"), [
    # a full name the model took for a place, its surname alone later: a person
    ("Neither Merkel nor Anno Kefrueck spoke. Kefrueck's party lost.",
     [("GPE", "Anno Kefrueck")], ["Anno Kefrueck"]),
    ("Its show, Al Kefrank show, ended. Kefrank himself is owed $300.",
     [("GPE", "Al Kefrank")], ["Al Kefrank"]),
    # the surname never alone, or only inside other names or after a determiner: nothing
    ("Anno Kefrueck spoke.", [("GPE", "Anno Kefrueck")], []),
    ("Anno Kefrueck spoke. Old Kefrueck Road is closed.", [("GPE", "Anno Kefrueck")], []),
    ("A Hebrew Gospel survives. It is the true Gospel of Matthew.",
     [("LOC", "Hebrew Gospel")], []),
    # a place's first or last word, a known place, a longer name it opens: no person
    ("Ash fell from Mount Kefrang. Kefrang erupted.", [("GPE", "Mount Kefrang")], []),
    ("They live in Kefrang City. City officials left.", [("GPE", "Kefrang City")], []),
    ("Troops left Raqqa Aleppo. Aleppo fell.", [("GPE", "Raqqa Aleppo")], []),
    ("Abu Kefran bandits fled. The Abu Kefran Group lost. Kefran fell.",
     [("LOC", "Abu Kefran")], []),
])
def test_a_place_named_like_a_person_is_a_person(text, patterns, found):
    assert _people(text, patterns) == found


def test_the_surname_then_takes_the_full_name():
    spans = resolved("Neither Merkel nor Anno Kefrueck spoke. Kefrueck left.",
                     [("PERSON", "Merkel"), ("GPE", "Anno Kefrueck"), ("GPE", "Kefrueck")])
    assert ("Kefrueck", "actor", "Anno Kefrueck") in [(t, f, v) for t, f, v, _ in spans]
