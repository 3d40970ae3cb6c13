"""The `local-body` rule alone (class 2: a town's body named by the town and a noun)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.test_rules import classified


def _bodies(text: str, patterns) -> list[tuple[str, str | None]]:
    ctx, ents = classified(text, list(patterns))
    return [(e.text, e.value) for e in entities.rule_local_bodies(ctx, ents)
            if e.rule == "local-body"]


@pytest.mark.parametrize(("text", "patterns", "found"), [
    ("A Mosul police officer said so.", [("GPE", "Mosul")], [("Mosul police", "Mosul Police")]),
    ("The Idlib high court ruled.", [("LOC", "Idlib")], [("Idlib high court", "Idlib High Court")]),
    ("The Kefrin city council voted.", [("GPE", "Kefrin")],
     [("Kefrin city council", "Kefrin City Council")]),
    # a country's groups are the group rule's; an address's place; a noun that names no body
    ("Syria police said so.", [("GPE", "Syria")], []),
    ("The Kefrin, Syria police force.", [("GPE", "Kefrin, Syria")], []),
    ("The Mosul policeman said so.", [("GPE", "Mosul")], []),
    # a body the model found is left alone
    ("The Mosul Police Department said so.", [("GPE", "Mosul"), ("ORG", "Mosul Police Department")],
     []),
])
def test_a_place_and_a_body_noun_are_its_body(text, patterns, found):
    assert _bodies(text, patterns) == found
