"""The `speaker` rule alone (class 2 the other way: a surname the model tagged a place)."""

from __future__ import annotations

import pytest

from indexer import entities
from indexer.spans import replace
from tests.indexer.test_rules import spans


def _speakers(text: str, names: list[str]) -> list[tuple[str, str | None]]:
    ctx, ents = spans(text, [("GPE", name) for name in names])
    ents = [replace(e, facet="place") for e in ents]
    return [(e.text, e.facet) for e in entities.rule_speakers(ctx, ents)]


def test_an_unknown_place_that_speaks_at_every_mention_is_a_person():
    text = ("Besana confirmed a soldier was killed. Three fighters also died, Besana said. "
            "Troops hit Aleppo.")
    assert _speakers(text, ["Besana", "Aleppo"]) == [
        ("Besana", "actor"), ("Besana", "actor"), ("Aleppo", "place")]


@pytest.mark.parametrize("text", [
    # one mention only: a slip of the writer's, maybe
    "Three fighters also died, Besana said.",
    # a mention that does not speak: the place
    "Besana said the road was shut. Troops reached Besana on Monday.",
    # a place the gazetteer knows well: a capital speaking is its government, left alone
    "Damascus said the road was shut. Later, Damascus confirmed it.",
])
def test_no_speaker(text):
    names = ["Damascus"] if "Damascus" in text else ["Besana"]
    assert {facet for _, facet in _speakers(text, names)} == {"place"}
