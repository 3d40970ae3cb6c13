"""Cost of issue 11's additions to every search, on the generated bench index.

    .venv/bin/python -m bench.bench_analyst [--docs 100000] [--per-case 8]

Prints: building the date table with enclosing periods (once per index generation), and per
query of bench_search's mix, the time of the filter offers (facet value lookups and, when
no query word is a facet value, the stored mentions of the first matches) and of the four
facet counts with exclusions, each as p50 / p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.bench_search import make_cases, open_bench_index
from search.entity_offers import offer_filters
from search.facet_table import with_enclosing_dates
from search.facets import count_facet
from search.filters import build_filters
from search.matching import match_query
from search.model import SearchRequest
from search.params import FILTER_FACETS
from search.query import parse_query


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--per-case", type=int, default=8)
    args = parser.parse_args(argv)
    gen = open_bench_index(args.docs).generation()
    started = time.perf_counter()
    with_enclosing_dates(gen.facets["date"], gen.doc_count)
    print(f"date table with enclosing periods, {gen.live_count:,} documents: "
          f"{(time.perf_counter() - started) * 1000:.0f} ms (once per generation)")
    cases, _ = make_cases(args.docs, args.per_case, gen.schema, 0)
    offers, counts = [], []
    for case in cases:
        req = SearchRequest.from_params(case.params)
        match = match_query(gen, parse_query(req.q, gen.schema))
        filters = build_filters(gen, req)
        final = filters.apply(match.mask)
        offers.append(_ms(lambda r=req, m=match, f=final: offer_filters(gen, r, m.mask, f)))
        counts.append(_ms(lambda r=req, m=match, f=filters: [
            count_facet(gen, r, facet, m.mask, f) for facet in FILTER_FACETS]))
    for name, values in (("filter offers", offers), ("four facet counts", counts)):
        print(f"{name}: p50 {_pct(values, 50):.2f} ms, p95 {_pct(values, 95):.2f} ms "
              f"over {len(values)} queries")
    return 0


def _ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _pct(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100)[p - 1] if len(values) > 1 else values[0]


if __name__ == "__main__":
    raise SystemExit(main())
