"""Counts taken over the smaller side of a mask (every document's count less the others')
equal plain counts, for masks of every density, with deleted documents in the index."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import numpy as np
import pytest
from search_corpus import add_to_live

from search.facet_table import TAKE_CHUNK, table_from_pairs, take
from search.generation import NO_DAY
from search.index import open_index
from search.timeline import (
    MENTIONED_SHARE,
    build_mentioned_timeline,
    build_timeline,
    publication_timeline,
)

_WIDTH = {"year": 4, "month": 7, "day": 10}
_SHAPES = {4: "-01-01", 7: "-01", 10: ""}


def _date_value(rng: random.Random) -> str:
    year = rng.choice([2011, 2012] * 150 + [1517, 2100, 1990])  # outliers: 1 in 100
    value = f"{year}-{rng.randint(1, 3):02d}-{rng.randint(1, 4):02d}"
    return value[:rng.choice([4, 7, 10, 10])] if rng.random() > 0.05 else "2013-13"


def _docs(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        published = None if rng.random() < 0.1 else date(2010 + rng.randint(0, 3),
                                                         rng.randint(1, 12), rng.randint(1, 28))
        docs.append({"id": f"d{n}", "title": "Report", "text": "words", "published": published,
                     "actor": rng.sample(["Ann", "Bob", "Cy", "Di", "Ed"], rng.randint(0, 3)),
                     "place": rng.sample(["Aleppo", "Homs"], rng.randint(0, 2)),
                     "date": sorted({_date_value(rng) for _ in range(rng.randint(0, 4))})})
    for n, dates in enumerate([["1517"], ["1517", "1990-02"], ["2100-05"], ["2100"]]):
        docs[10 * n + 5]["date"] = dates  # dated only outside the bars of most masks
    return docs


@pytest.fixture(scope="module")
def gen(tmp_path_factory):
    """200 documents with random facets, dates and publication days, 20 of them deleted."""
    from search_corpus import write_generation

    index_dir = write_generation(tmp_path_factory.mktemp("smaller"), _docs(200, seed=3))
    add_to_live(index_dir, delete_ids=[f"d{n}" for n in range(0, 200, 10)])
    generation = open_index(index_dir).generation()
    assert generation.live_count == 180
    return generation


def _masks(gen) -> list[np.ndarray]:
    """Live masks of every density, from none to all documents."""
    rng = np.random.default_rng(5)
    masks = [np.zeros(gen.doc_count, dtype=bool), gen.live.copy()]
    for share in (0.05, 0.2, 0.45, 0.55, 0.8, 0.95, 0.99):
        masks.append((rng.random(gen.doc_count) < share) & gen.live)
    return masks


def test_facet_counts_equal_a_plain_count(gen):
    for facet, table in gen.count_tables.items():
        for mask in _masks(gen):
            plain = Counter(v for d in np.flatnonzero(mask) for v in table.values_of_doc(int(d)))
            counts = table.count(mask, int(mask.sum()))
            assert {table.values[v]: int(c) for v, c in enumerate(counts) if c} == plain, facet


def test_values_without_documents_count_zero_whichever_way_they_are_counted():
    values = ["a", "b", "c", "d", "e"]  # b, d and e held by no document
    table = table_from_pairs("actor", values, np.array([0, 0, 2, 2, 2]),
                             np.array([1, 3, 0, 1, 3]), 5)
    for mask, counts, pairs in (
            ([True, True, False, True, False], [2, 0, 3, 0, 0],
             [(0, 2), (1, 0), (1, 2), (3, 0), (3, 2)]),
            ([False, True, False, False, False], [1, 0, 1, 0, 0], [(1, 0), (1, 2)])):
        mask = np.array(mask)
        assert table.count_by_value(mask).tolist() == counts
        assert table.count(mask, int(mask.sum())).tolist() == counts
        docs, ids = table.pairs(mask, int(mask.sum()))
        assert list(zip(docs.tolist(), ids.tolist(), strict=True)) == pairs
    empty = np.zeros(0, dtype=np.int64)
    assert table_from_pairs("actor", ["a"], empty, empty, 3).count_by_value(
        np.ones(3, dtype=bool)).tolist() == [0]


@pytest.mark.parametrize("unit", [None, "day", "month", "year"])
def test_publication_timeline_equals_a_plain_count(gen, unit):
    for mask in _masks(gen):
        result = publication_timeline(gen, mask, int(mask.sum()), unit)
        assert result == build_timeline(gen.published, mask, unit)
        days = [gen.published[d] for d in np.flatnonzero(mask) if gen.published[d] != NO_DAY]
        width = _WIDTH[result[1]]
        plain = Counter(date.fromordinal(date(1970, 1, 1).toordinal() + int(d)).isoformat()[
            :width] for d in days)
        assert {b.period: b.count for b in result[0] if b.count} == plain


def plain_mentioned(gen, mask: np.ndarray, unit: str) -> tuple[dict, str, str, int, int]:
    """(documents per period, first and last period, earlier, later), counted document by
    document from the definition in search.timeline.build_mentioned_timeline."""
    width = _WIDTH[unit]
    values = {int(d): [v for v in gen.facets["date"].values_of_doc(int(d)) if _day(v)]
              for d in np.flatnonzero(mask)}
    days = sorted(_day(v) for dated in values.values() for v in dated)
    trim = int(len(days) * (1 - MENTIONED_SHARE) / 2)
    first, last = days[trim].isoformat()[:width], days[-1 - trim].isoformat()[:width]
    bars: Counter = Counter()
    earlier = later = 0
    for dated in values.values():
        periods = {v[:width] for v in dated if len(v) >= width}
        inside = {p for p in periods if first <= p <= last}
        bars.update(inside)
        earlier += not inside and any(p < first for p in periods)
        later += not inside and any(p > last for p in periods)
    return dict(bars), first, last, earlier, later


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value + _SHAPES[len(value)])
    except (KeyError, ValueError):
        return None


@pytest.mark.parametrize("unit", [None, "day", "month", "year"])
def test_mentioned_timeline_equals_a_plain_count(gen, unit):
    units = Counter()
    for mask in _masks(gen)[1:]:
        result = build_mentioned_timeline(gen, mask, unit)
        units[result.unit] += 1  # the requested one, or coarser when it gives too many bars
        bars, first, last, earlier, later = plain_mentioned(gen, mask, result.unit)
        assert {b.period: b.count for b in result.buckets if b.count} == bars
        assert (result.buckets[0].period, result.buckets[-1].period) == (first, last)
        assert (result.earlier, result.later) == (earlier, later)
    assert units[unit or "year"] >= 3



def test_mentioned_timeline_of_no_document_is_empty(gen):
    assert build_mentioned_timeline(gen, np.zeros(gen.doc_count, dtype=bool), None).buckets == []


def test_take_in_chunks_equals_indexing():
    rng = np.random.default_rng(2)
    values = rng.random(1000) < 0.5
    indices = rng.integers(0, 1000, 3 * TAKE_CHUNK + 5).astype(np.int32)
    assert take(values, indices).tolist() == values[indices].tolist()
    assert take(values, indices[:0]).tolist() == []
