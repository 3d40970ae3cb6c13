"""'Did you mean': respelled queries that find more under the same filters."""

from __future__ import annotations

import pytest

from search.engine import search
from search.model import SearchRequest


def suggestion(ix, **params):
    return search(ix, SearchRequest.from_params(params)).suggestion


@pytest.mark.parametrize(("q", "expected"), [
    ("alepo", "aleppo"),
    ("Alepo convoy", "Aleppo convoy"),
    ("cesefire tlks", "ceasefire talks"),
    ("title:ceasfire", "title:ceasefire"),
    ('"aid convys"', '"aid convoys"'),
    ("negotiatrs OR zzzzqqq", "negotiators OR zzzzqqq"),
])
def test_misspelled_query_gets_a_suggestion(ix, q, expected):
    assert suggestion(ix, q=q) == expected


@pytest.mark.parametrize("q", ["aleppo", "zzzzqqq", "actor:Asad", "geneva"])
def test_no_suggestion_when_found_or_nothing_close(ix, q):
    assert suggestion(ix, q=q) is None


def test_suggestion_must_find_more_under_the_same_filters(ix):
    assert suggestion(ix, q="alepo", actor="UN") == "aleppo"
    assert suggestion(ix, q="alepo", actor="PKK") is None
