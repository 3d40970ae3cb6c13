"""The timeline of dates mentioned ("when it happened"), checked against a plain count."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from search.index import open_index
from search.timeline import MENTIONED_SHARE, build_mentioned_timeline, date_value_starts


def _docs(dates_per_doc: list[list[str]]) -> list[dict]:
    return [{"id": f"d{n}", "title": "Report", "text": "words", "date": dates}
            for n, dates in enumerate(dates_per_doc)]


def plain_counts(gen, mask, unit: str) -> Counter:
    """Documents per period, a document once per period, dates too coarse for the unit left out."""
    width = {"year": 4, "month": 7, "day": 10}[unit]
    counts: Counter = Counter()
    for docnum in np.flatnonzero(mask):
        periods = {value[:width] for value in gen.facets["date"].values_of_doc(int(docnum))
                   if len(value) >= width}
        counts.update(periods)
    return counts


@pytest.mark.parametrize("unit", ["year", "month", "day"])
def test_counts_equal_a_plain_count(make_index, unit):
    dates = [["2024-11-27", "2024-11-28", "2024"], ["2024-11"], ["2024-12-01", "2023"],
             ["2024-11-30"], [], ["2024-11-27"]]
    gen = open_index(make_index(_docs(dates))).generation()
    for mask in (gen.live.copy(), np.array([True, False, True, False, True, True])):
        result = build_mentioned_timeline(gen, mask, unit)
        got = {b.period: b.count for b in result.buckets if b.count}
        assert got == dict(plain_counts(gen, mask, unit))
        assert result.unit == unit


def test_a_document_counts_once_per_period(make_index):
    gen = open_index(make_index(_docs([["2024-11-27", "2024-11-28", "2024-11"]]))).generation()
    result = build_mentioned_timeline(gen, gen.live.copy(), "month")
    assert [(b.period, b.count) for b in result.buckets] == [("2024-11", 1)]


def test_automatic_unit_places_most_mentions(make_index):
    years_only = _docs([["2019"], ["2020"], ["2021"], ["2020-03-01"]])
    gen = open_index(make_index(years_only)).generation()
    assert build_mentioned_timeline(gen, gen.live.copy(), None).unit == "year"
    days = _docs([["2024-11-27"], ["2024-11-28"], ["2024-12-03"]])
    gen = open_index(make_index(days)).generation()
    result = build_mentioned_timeline(gen, gen.live.copy(), None)
    assert result.unit == "day" and result.buckets[0].period == "2024-11-27"
    assert len(result.buckets) == 7  # gaps filled with zeros


def test_outlying_dates_are_counted_apart_not_stretched_over(make_index):
    regular = [[f"{2000 + n % 20}"] for n in range(98)]
    gen = open_index(make_index(_docs([*regular, ["1517"], ["2100"]]))).generation()
    result = build_mentioned_timeline(gen, gen.live.copy(), None)
    periods = [b.period for b in result.buckets]
    assert periods[0] >= "2000" and periods[-1] <= "2019"
    assert (result.earlier, result.later) == (1, 1)
    assert sum(b.count for b in result.buckets) == 98
    assert MENTIONED_SHARE < 1


def test_no_dates_no_bars(make_index):
    gen = open_index(make_index(_docs([[], []]))).generation()
    assert build_mentioned_timeline(gen, gen.live.copy(), None).buckets == []


def test_values_that_are_not_dates_are_not_placed():
    class Dates:  # what date_value_starts reads of a facet table
        values = ["2024", "2024-11", "2024-11-27", "20241127", "2024-13", "abcd"]
        size = 6

    starts, precision = date_value_starts(Dates)
    assert precision.tolist() == [1, 2, 3, 0, 0, 0]  # "20241127" once raised a KeyError
    assert starts[0] == starts[1] - 305 and starts[2] == starts[1] + 26


def test_documents_per_period_count_each_document_once_in_any_order():
    from search.timeline import _documents_per_period

    docs, periods = np.array([0, 0, 0, 1, 1, 1]), np.array([1, 3, 3, 0, 2, 2])
    assert _documents_per_period(docs, periods, 4).tolist() == [1, 1, 1, 1]
    out_of_order = np.array([3, 1, 3, 2, 0, 2])  # each document's dates in another order
    assert _documents_per_period(docs, out_of_order, 4).tolist() == [1, 1, 1, 1]
    assert _documents_per_period(docs[:0], periods[:0], 3).tolist() == [0, 0, 0]
