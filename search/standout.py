"""What stands out in a result set: facet values far more frequent among the matching
documents than in the whole index ("which organisations are unusually linked to Iran").

Each value is scored by the log-likelihood ratio (G-test) of its 2×2 table: documents of the
results and of the rest of the index, with and without the value (Dunning 1993). Unlike the
lift alone, G weighs the evidence: a value in 2 of 3 results and 2 of 100,000 documents has a
huge lift and little support, one in 400 of 1,000 results and 4,000 of 100,000 documents has a
modest lift and overwhelming support. Only over-represented values are kept, each needs
`min_support` documents among the results, and the values the request filters on or that
merely restate its query words ("Iran" for `q=iran`) are left out: they stand out by
construction. Everything is one `bincount` per facet plus
vectorised arithmetic over the value ids, so the cost does not grow with the result size
beyond the count itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from search.errors import InvalidRequest
from search.facets import label_of
from search.filters import build_filters, value_ids
from search.generation import Generation
from search.index import TrawlIndex
from search.matching import match_query
from search.model import SearchRequest
from search.query import parse_query
from search.schema import FACETS

#: a value must be in at least this many result documents to stand out (parameter min_count)
MIN_SUPPORT = 3


@dataclass(frozen=True)
class StandOut:
    value: str
    label: str
    count: int  # result documents holding the value
    corpus: int  # documents of the whole index holding it
    lift: float  # share among the results / share in the index
    score: float  # G statistic (log-likelihood ratio), higher is more unusual


@dataclass(frozen=True)
class StandOutResult:
    request: SearchRequest
    total: int  # documents matching the request
    documents: int  # documents in the index
    facets: dict[str, list[StandOut]]


def stand_out(ix: TrawlIndex, req: SearchRequest, min_support: int = MIN_SUPPORT) -> StandOutResult:
    """The `req.facet_size` most unusual values of each facet among the documents matching
    `req` (its page, size and sort do not matter)."""
    gen = ix.generation()
    match = match_query(gen, parse_query(req.q, gen.schema))
    final = build_filters(gen, req).apply(match.mask) & gen.live
    total = int(np.count_nonzero(final))
    facets = {facet: _facet(gen, req, facet, final, total, req.facet_size, min_support,
                            match.terms)
              for facet in FACETS}
    return StandOutResult(request=req, total=total, documents=gen.live_count, facets=facets)


def _facet(gen: Generation, req: SearchRequest, facet: str, final: np.ndarray, total: int,
           limit: int, min_support: int, query_terms: frozenset[str]) -> list[StandOut]:
    table = gen.count_tables[facet]  # a date counts the dates inside it, as its filter selects
    inside = table.count(final, total)
    corpus = corpus_counts(gen, facet)
    score = g_statistic(inside, corpus, total, gen.live_count)
    keep = (inside >= min_support) & (score > 0)
    keep[_filtered_ids(gen, req, facet)] = False
    ids = np.flatnonzero(keep)
    ids = ids[np.lexsort((table.rank[ids], -score[ids]))]
    ids = _first(ids, limit, lambda v: not _restates(gen, table.values[v], query_terms))
    share = gen.live_count / max(total, 1)
    return [StandOut(value=table.values[v], label=label_of(gen, facet, table.values[v]),
                     count=int(inside[v]), corpus=int(corpus[v]),
                     lift=round(float(inside[v] / corpus[v] * share), 2),
                     score=round(float(score[v]), 1))
            for v in ids]


def parse_min_support(text: str | None) -> int:
    """The `min_count` parameter: a whole number of at least 1 (default MIN_SUPPORT)."""
    if text is None or text == "":
        return MIN_SUPPORT
    if not text.isdigit() or int(text) < 1:
        raise InvalidRequest(f"min_count must be a whole number of at least 1 (got {text!r})")
    return int(text)


def corpus_counts(gen: Generation, facet: str) -> np.ndarray:
    """Live documents holding each value of `facet` (computed once per generation)."""
    return gen.queries.get(("corpus_counts", facet),
                           lambda: gen.count_tables[facet].count(gen.live, gen.live_count))


def g_statistic(inside: np.ndarray, corpus: np.ndarray, total: int, documents: int) -> np.ndarray:
    """G of each value's 2×2 table (results / rest × with / without the value); 0 where the
    value is not more frequent among the results than in the rest of the index."""
    rest = documents - total
    if total == 0 or rest <= 0:
        return np.zeros(len(inside))
    a = inside.astype(np.float64)  # results with the value
    b = total - a  # results without it
    c = corpus - a  # rest of the index with it
    d = rest - c  # rest without it
    with_value = a + c
    g = np.zeros(len(inside))
    for observed, row, column in ((a, total, with_value), (b, total, documents - with_value),
                                  (c, rest, with_value), (d, rest, documents - with_value)):
        expected = row * column / documents
        with np.errstate(divide="ignore", invalid="ignore"):
            g += np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    over = a * rest > c * total  # share among the results above the share in the rest
    return np.where(over, 2 * g, 0.0)


def _first(ids: np.ndarray, limit: int, wanted) -> list[int]:
    """The first `limit` ids (in order) for which `wanted(id)` holds."""
    chosen: list[int] = []
    for vid in ids.tolist():
        if len(chosen) == limit:
            break
        if wanted(vid):
            chosen.append(vid)
    return chosen


def _restates(gen: Generation, value: str, query_terms: frozenset[str]) -> bool:
    """Whether every word of `value` is a word of the query (as the index analyses both)."""
    words = [token.text for token in gen.schema["body"].analyzer(value)]
    return bool(words) and set(words) <= query_terms


def _filtered_ids(gen: Generation, req: SearchRequest, facet: str) -> list[int]:
    """Value ids the request selects or excludes in `facet` (dates with their sub-dates)."""
    named = (*getattr(req, facet), *getattr(req, f"not_{facet}"))
    return [vid for value in named for vid in value_ids(gen, facet, value)]
