"""What stands out: over-represented facet values, scored by the G-test, checked against a
plain reading of the 2×2 tables."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from search_corpus import CORPUS, write_generation

from indexer.cli import main
from search.engine import search
from search.errors import InvalidRequest
from search.index import open_index
from search.model import SearchRequest
from search.standout import g_statistic, parse_min_support, stand_out


def _corpus() -> list[dict]:
    """40 documents; 'flood' matches 10. Red Cross is in 8 of those 10 and 2 of the other 30,
    UN in 5 of 10 and 15 of 30 (as usual), Dhaka in 3 of 10 and nowhere else."""
    docs = []
    for n in range(40):
        flood = n < 10
        actors = []
        if (flood and n < 8) or (not flood and n < 12):
            actors.append("Red Cross")
        if n % 2 == 0:
            actors.append("UN")
        places = ["Dhaka"] if n < 3 else ["Bangladesh"] if n % 3 == 0 else []
        docs.append({"id": f"d{n}", "title": "Report",
                     "text": ("flood waters rose" if flood else "markets were calm")
                     + (" in Dhaka" if n < 3 else ""),
                     "actor": actors, "place": places, "date": []})
    return docs


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    return open_index(write_generation(tmp_path_factory.mktemp("standout"), _corpus()))


def plain_g(a: int, total: int, corpus: int, documents: int) -> float:
    """G = 2 Σ O ln(O/E) over the four cells, written out."""
    cells = [(a, total, corpus), (total - a, total, documents - corpus),
             (corpus - a, documents - total, corpus),
             (documents - total - (corpus - a), documents - total, documents - corpus)]
    return 2 * sum(o * math.log(o / (row * col / documents)) for o, row, col in cells if o)


def values(result, facet: str) -> dict[str, tuple[int, int]]:
    return {v.value: (v.count, v.corpus) for v in result.facets[facet]}


def test_over_represented_values_with_their_counts(ix):
    result = stand_out(ix, SearchRequest(q="flood"))
    assert (result.total, result.documents) == (10, 40)
    assert values(result, "actor") == {"Red Cross": (8, 10)}  # UN is as common as usual
    assert values(result, "place") == {"Dhaka": (3, 3)}
    red_cross = result.facets["actor"][0]
    assert red_cross.score == round(plain_g(8, 10, 10, 40), 1)
    assert red_cross.lift == round((8 / 10) / (10 / 40), 2)


def test_g_is_zero_for_under_represented_values():
    g = g_statistic(np.array([1, 5, 9]), np.array([20, 10, 10]), 10, 40)
    assert g[0] == 0  # 10% of the results against 50% of the rest: fewer, not more
    assert g[1] == pytest.approx(plain_g(5, 10, 10, 40))
    assert g[2] == pytest.approx(plain_g(9, 10, 10, 40))
    assert g[2] > g[1]


def test_min_support_leaves_out_thin_evidence(ix):
    assert "Dhaka" in values(stand_out(ix, SearchRequest(q="flood"), min_support=3), "place")
    assert "Dhaka" not in values(stand_out(ix, SearchRequest(q="flood"), min_support=4), "place")


def test_filtered_and_searched_values_are_left_out(ix):
    by_filter = stand_out(ix, SearchRequest(q="flood", actor=("Red Cross",)))
    assert "Red Cross" not in values(by_filter, "actor")
    by_query = stand_out(ix, SearchRequest(q="dhaka"))
    assert by_query.total == 3
    assert "Dhaka" not in values(by_query, "place")  # it only restates the query
    assert values(by_query, "actor") == {"Red Cross": (3, 10)}


def test_the_whole_index_has_nothing_that_stands_out(ix):
    result = stand_out(ix, SearchRequest())
    assert result.total == 40 and all(not v for v in result.facets.values())


def test_min_count_parameter():
    assert parse_min_support(None) == 3 and parse_min_support("5") == 5
    for bad in ("0", "-1", "x"):
        with pytest.raises(InvalidRequest, match="min_count"):
            parse_min_support(bad)


def test_cli_prints_a_table_and_json(ix, capsys):
    index_dir = ix.index_dir
    assert main(["--index", str(index_dir), "standout", "flood"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("What stands out in 10 of 40 documents")
    assert "Red Cross" in out and "8 of 10" in out
    assert main(["--index", str(index_dir), "standout", "flood", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["facets"]["place"] == [{"value": "Dhaka", "label": "Dhaka", "count": 3,
                                        "corpus": 3, "lift": 4.0,
                                        "score": round(plain_g(3, 10, 3, 40), 1)}]
    assert main(["--index", str(index_dir), "standout", "flood", "--min-count", "0"]) == 1
    assert "min_count must be" in capsys.readouterr().err


def test_each_count_is_what_narrowing_to_the_value_finds(make_index):
    ix = open_index(make_index(CORPUS))
    req = SearchRequest(q="aleppo OR protest OR ceasefire")
    result = stand_out(ix, req, min_support=1)
    checked = 0
    for facet, values in result.facets.items():
        for value in values:
            narrowed = SearchRequest(q=req.q, **{facet: (value.value,)})
            assert search(ix, narrowed).total == value.count, (facet, value.value)
            checked += 1
    assert checked >= 3
