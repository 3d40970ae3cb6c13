"""A party's members acting as one ("Democrats blocked the bill"): an actor, like a people."""

from __future__ import annotations

import pytest

from tests.indexer.entity_kit import resolved


@pytest.mark.parametrize(("text", "name", "facets"), [
    ("Democrats blocked the bill on Tuesday.", "Democrats", [("Democrats", "actor")]),
    ("The vote split. Other Republicans broke ranks.", "Republicans",
     [("Republicans", "actor")]),
    ("She spoke for The Greens in the state parliament.", "Greens", [("Greens", "actor")]),
    # the end of a longer name the model cut is no party's members: the whole name is the
    # party (rule `party-name`)
    ("He ran for the Liberal Democrats in the spring.", "Democrats",
     [("Liberal Democrats", "actor")]),
    ("Sweden Democrats gained seats.", "Democrats", [("Sweden Democrats", "actor")]),
])
def test_party_members(text, name, facets):
    assert [(t, f) for t, f, _, _ in resolved(text, [("NORP", name)])] == facets
