"""The `listed-names` rule alone (class 2/3: a comma list of names run into one span)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.test_rules import spans


def _listed(text: str, patterns) -> list[tuple[str, str]]:
    ctx, ents = spans(text, list(patterns))
    return [(e.text, e.label) for e in entities.rule_listed_names(ctx, ents)]


@pytest.mark.parametrize(("text", "patterns", "found"), [
    # three names or more, one a known place: a list of places
    ("Missiles hit Aleppo, Kefrin, Zorbat and other towns.", [("ORG", "Aleppo, Kefrin, Zorbat")],
     [("Aleppo", "GPE"), ("Kefrin", "GPE"), ("Zorbat", "GPE")]),
    # two names and the list goes on after the span; a landmark's name is a place
    ("Leave Zorbat, Kefrin Creek, Rules Beach and Oyster Creek now.",
     [("ORG", "Zorbat, Kefrin Creek")], [("Zorbat", "ORG"), ("Kefrin Creek", "FAC")]),
    # two known places, the second no region: a list
    ("Shelling hit Aleppo, Idlib overnight.", [("ORG", "Aleppo, Idlib")],
     [("Aleppo", "GPE"), ("Idlib", "GPE")]),
    # a place and the country it lies in: two places, each its own value ("Aleppo" alone
    # elsewhere is the same city), whether the town is known or only tagged a place
    ("Talks were held in Aleppo, Syria on Monday.", [("GPE", "Aleppo, Syria")],
     [("Aleppo", "GPE"), ("Syria", "GPE")]),
    ("A bus crashed in Kefrin, Syria on Monday.", [("GPE", "Kefrin, Syria")],
     [("Kefrin", "GPE"), ("Syria", "GPE")]),
    ("Aleppo, Syria said it would appeal.", [("ORG", "Aleppo, Syria")],
     [("Aleppo", "GPE"), ("Syria", "GPE")]),
])
def test_a_comma_list_in_one_span_is_one_span_per_name(text, patterns, found):
    assert _listed(text, patterns) == found


@pytest.mark.parametrize(("text", "patterns"), [
    # an unknown name before a country, tagged no place; a name the gazetteer knows whole;
    # two unknown names before a country (a town and its district, or a list: unclear)
    ("Kefrin, Syria said it would appeal.", [("ORG", "Kefrin, Syria")]),
    ("Officials met in Washington, D.C. on Friday.", [("GPE", "Washington, D.C.")]),
    ("A bus crashed in Kefrin, Zorbat, Syria at dawn.", [("GPE", "Kefrin, Zorbat")]),
    # a body's name with a comma, a name with small words: no list
    ("The Institute of Epidemiology, Disease Control and Research said so.",
     [("ORG", "Institute of Epidemiology, Disease Control and Research")]),
    ("Zorbat Holdings, Kefrin Trust and others sued.", [("ORG", "Zorbat Holdings, Kefrin Trust")]),
    # common words, no names
    ("Watch out for Place, Street, Avenue designations.", [("GPE", "Place, Street, Avenue")]),
    # two unknown names with nothing after them
    ("Kefrin, Zorbat said it would appeal.", [("ORG", "Kefrin, Zorbat")]),
])
def test_no_list_no_split(text, patterns):
    assert _listed(text, patterns) == [(patterns[0][1], patterns[0][0])]
