"""The `possessive-name` rule alone (class 2: a place named by a possessive, cut by the model)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.test_rules import spans


def _joined(text: str, patterns) -> list[tuple[str, str]]:
    ctx, ents = spans(text, list(patterns))
    return [(e.text, e.label) for e in entities.rule_possessive_names(ctx, ents)]


@pytest.mark.parametrize(("text", "patterns", "found"), [
    # a person and an organisation: one place
    ("Water came from Botha's Hill to the town.", [("PERSON", "Botha"), ("ORG", "Hill")],
     [("Botha's Hill", "FAC")]),
    # the feature's word untagged; the model's span holding the possessive
    ("The ferry to Martha's Vineyard was cancelled.", [("PERSON", "Martha")],
     [("Martha's Vineyard", "FAC")]),
    ("Police closed St John's Wood station.", [("PERSON", "St John's")],
     [("St John's Wood", "FAC")]),
])
def test_a_possessive_and_a_features_word_are_one_place(text, patterns, found):
    assert _joined(text, patterns) == found


@pytest.mark.parametrize(("text", "patterns"), [
    # the phrase goes on: another name's start, left to the model
    ("Martha's Vineyard Airport closed.", [("PERSON", "Martha")]),
    # no feature's word: a possessive
    ("Botha's house was searched.", [("PERSON", "Botha")]),
])
def test_no_possessive_place(text, patterns):
    assert _joined(text, patterns) == [(patterns[0][1], patterns[0][0])]
