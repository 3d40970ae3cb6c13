"""The `sports-club` rule alone (class 2: a club named after its town read as the town)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.test_rules import classified


def _facets(text: str, patterns) -> list[tuple[str, str | None]]:
    ctx, ents = classified(text, list(patterns))
    return [(e.text, e.facet) for e in entities.rule_sports_clubs(ctx, ents)
            if e.facet in ("actor", "place")]


@pytest.mark.parametrize(("text", "patterns", "clubs"), [
    # a result's verb and a score in the sentence: the town is the club, at every mention
    ("Kestrel defeated Wrenby 45 points to 24. Fans gathered in Wrenby later.",
     [("GPE", "Wrenby"), ("ORG", "Kestrel")], ["Kestrel", "Wrenby", "Wrenby"]),
    ("Wrenby beat Kestrel 2-1 at home.", [("GPE", "Wrenby"), ("GPE", "Kestrel")],
     ["Wrenby", "Kestrel"]),
    ("At home, Wrenby beat Kestrel 2-1.", [("GPE", "Wrenby"), ("GPE", "Kestrel")],
     ["Wrenby", "Kestrel"]),
    # a side's people after the name, a game named before it, a result and a score
    ("Wrenby coach Tom Hale was pleased.", [("GPE", "Wrenby"), ("PERSON", "Tom Hale")],
     ["Wrenby", "Tom Hale"]),
    ("The cup final between Wrenby and Kestrel was played.", [("GPE", "Wrenby")], ["Wrenby"]),
    ("The victory of Wrenby over Kestrel, 3-0, angered many.", [("LOC", "Wrenby")], ["Wrenby"]),
    # a span run on over the score is the club
    ("Kestrel beat Wrenby 2-1.", [("PERSON", "Wrenby 2-1")], ["Wrenby"]),
])
def test_a_town_that_plays_is_its_club(text, patterns, clubs):
    assert [t for t, f in _facets(text, patterns) if f == "actor"] == clubs


@pytest.mark.parametrize(("text", "patterns"), [
    # no score: armies beat towns only in the other sense, and fighting is no match
    ("Rebels defeated Wrenby garrison troops.", [("GPE", "Wrenby")]),
    ("Troops beat Wrenby residents.", [("GPE", "Wrenby")]),
    # a country is its national side's place value ("Syria beat Iraq 2-0")
    ("Syria beat Iraq 2-0 in Wrenby.", [("GPE", "Syria"), ("GPE", "Iraq"), ("GPE", "Wrenby")]),
])
def test_no_club_without_a_game(text, patterns):
    assert all(f == "place" for _, f in _facets(text, patterns))
