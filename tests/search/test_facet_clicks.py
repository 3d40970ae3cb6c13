"""Facet counts never mislead: each count is the number of documents its click returns.

For every state below and every value a facet offers, the search the value's own link
leads to (with the facet's other selections dropped, which is what a disjunctive count
answers) finds exactly as many documents as the count said.
"""

from __future__ import annotations

import pytest

from search.engine import search
from search.model import SearchRequest
from search.params import FILTER_FACETS

STATES = [
    {},
    {"q": "aleppo"},
    {"not_actor": "UN"},
    {"actor": ["UN", "PKK"], "not_place": "Syria"},  # the shape: OR-ed actors, exclusion
    {"actor": ["Bashar al-Assad", "UN"], "not_place": "Aleppo"},
    {"place": "Aleppo", "not_actor": "Bashar al-Assad"},
    {"not_date": "2024", "not_place": ["Geneva", "İmralı"]},
    {"date": "2011", "not_country": "Turkey"},
    {"country": "Syria", "not_date": "2024-11"},
    {"q": "ceasefire OR statement", "from": "2013", "to": "2024-11"},
]


def run(ix, params: dict):
    return search(ix, SearchRequest.from_params({**params, "facet_size": "100"}))


def total_after(ix, query_string: str) -> int:
    from urllib.parse import parse_qs
    return run(ix, parse_qs(query_string)).total


def without_selection(params: dict, facet: str) -> dict:
    return {k: v for k, v in params.items() if k != facet}


@pytest.mark.parametrize("state", STATES, ids=[str(s) for s in STATES])
def test_every_offered_count_is_what_its_click_finds(ix, state):
    result = run(ix, state)
    checked = 0
    for facet in FILTER_FACETS:
        alone = run(ix, without_selection(state, facet))
        for value in alone.facets[facet].values:
            if value.excluded:
                continue
            assert total_after(ix, value.toggle) == value.count, (facet, value.value)
            checked += 1
        for value in result.facets[facet].values:
            shown = next(v for v in alone.facets[facet].values if v.value == value.value) \
                if not value.selected else None
            if shown is not None:  # the same count whatever else is selected in the facet
                assert value.count == shown.count, (facet, value.value)
    assert checked > 0


@pytest.mark.parametrize("state", STATES, ids=[str(s) for s in STATES])
def test_an_excluded_value_counts_what_including_it_finds(ix, state):
    for facet in FILTER_FACETS:
        result = run(ix, without_selection(state, facet))
        for value in result.facets[facet].values:
            if value.excluded:
                assert total_after(ix, value.toggle) == value.count, (facet, value.value)


def test_exclusions_apply_to_their_own_facet(ix):
    result = run(ix, {"actor": ["UN", "PKK"], "not_place": "Syria"})
    places = {v.value: v.count for v in result.facets["place"].values}
    assert result.total == 3  # d4, d5, d7
    assert places == {"Syria": 2, "Aleppo": 1, "İmralı": 1, "Istanbul": 1}  # Syria: if included
    assert sum(1 for v in result.facets["place"].values if v.excluded) == 1


def test_selected_values_are_pinned_first(ix):
    result = run(ix, {"place": ["İmralı", "Geneva"]})
    assert [v.value for v in result.facets["place"].values][:2] == ["Geneva", "İmralı"]
    assert all(v.selected for v in result.facets["place"].values[:2])
