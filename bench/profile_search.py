"""Where search() spends its time, stage by stage, on the query mix of bench_search.

    nice -n 10 .venv/bin/python -m bench.profile_search [--docs 1000000] [--per-case 8]
        [--kind "one word"] [--cprofile 25]

Opens the generated bench index once (bench/data/docs-N, built first if missing), runs the
warm-up searches, then every case of the mix once with each stage of search.engine._search
timed: matching, filters, timeline, the page of hits (ranking, then loading and
highlighting), facet counts, suggestion, mentioned-dates timeline and filter offers. Prints
per query kind the median milliseconds of each stage and of the whole search, and with
--cprofile N the N functions of most cumulative time over the whole mix.
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import time
from collections import defaultdict
from contextlib import contextmanager

from bench.bench_search import KINDS, make_cases, mix_parser, open_bench_index, percentiles
from search import engine
from search.cache import ArrayCache
from search.engine import search
from search.generation import browse_cache
from search.model import SearchRequest

#: the functions search.engine._search calls, one stage each (the publication timeline was
#: build_timeline before publication_timeline)
STAGES = ("match_query", "build_filters", "publication_timeline", "page_docnums", "load_hits",
          "count_facet", "suggest", "build_mentioned_timeline", "offer_filters")


def main(argv: list[str] | None = None) -> int:
    parser = mix_parser(__doc__.splitlines()[0], per_case=8)
    parser.set_defaults(docs=1_000_000)
    parser.add_argument("--kind", choices=KINDS, help="only the queries of this kind")
    parser.add_argument("--warm", action="store_true",
                        help="run the mix once untimed first (the index files then in the page "
                             "cache), then empty the generation's caches and time it")
    parser.add_argument("--slowest", type=int, default=12, help="cases listed slowest first")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N",
                        help="also print the N functions of most cumulative time")
    parser.add_argument("--sort", default="cumulative", help="pstats order of --cprofile")
    args = parser.parse_args(argv)
    ix = open_bench_index(args.docs)
    gen = ix.generation()
    gen.stored_positions.ready(None)
    cases, warmups = make_cases(args.docs, args.per_case, gen.schema, args.warmup)
    cases = [c for c in cases if args.kind in (None, c.kind)]
    for params in warmups:
        search(ix, SearchRequest.from_params(params))
    if args.warm:
        run_timed(ix, cases, None)
        _fresh_caches(gen)
    profiler = cProfile.Profile() if args.cprofile else None
    spent = run_timed(ix, cases, profiler)
    print_stages(cases, spent)
    print_slowest(cases, spent, args.slowest)
    if profiler is not None:
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.cprofile)
    return 0


def run_timed(ix, cases, profiler: cProfile.Profile | None) -> list[dict[str, float]]:
    """Milliseconds per stage (and 'total') of each case."""
    spent: list[dict[str, float]] = []
    with _timed_stages(spent):
        for case in cases:
            spent.append(defaultdict(float))
            req = SearchRequest.from_params(case.params)
            started = time.perf_counter()
            if profiler is not None:
                profiler.enable()
            search(ix, req)
            if profiler is not None:
                profiler.disable()
            spent[-1]["total"] = (time.perf_counter() - started) * 1000
    return spent


def _fresh_caches(gen) -> None:
    """Empty caches in place of the generation's (terms, positions, queries, answers)."""
    for name in ("terms", "positions", "queries"):
        setattr(gen, name, ArrayCache(getattr(gen, name).max_bytes))
    gen.browse = browse_cache()


@contextmanager
def _timed_stages(spent: list[dict[str, float]]):
    """Wrap each stage function of search.engine so its time adds to the current case."""
    originals = {name: getattr(engine, name) for name in STAGES if hasattr(engine, name)}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[-1][name] += (time.perf_counter() - started) * 1000
        return wrapper

    for name, function in originals.items():
        setattr(engine, name, timed(name, function))
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(engine, name, function)


def print_stages(cases, spent: list[dict[str, float]]) -> None:
    columns = (*STAGES, "total")
    print(f"{'median ms':<14}" + "".join(f"{_short(c):>9}" for c in columns) + "  total p95")
    for kind in KINDS:
        picked = [s for s, c in zip(spent, cases, strict=True) if c.kind == kind]
        if picked:
            _stage_row(f"{kind} ({len(picked)})", picked, columns)
    _stage_row(f"all ({len(spent)})", spent, columns)


def _stage_row(label: str, picked: list[dict[str, float]], columns: tuple[str, ...]) -> None:
    p95 = percentiles([s["total"] for s in picked])[1]
    print(f"{label:<14}" + "".join(f"{statistics.median(s[c] for s in picked):>9.1f}"
                                   for c in columns) + f"{p95:>11.1f}")


def print_slowest(cases, spent: list[dict[str, float]], count: int) -> None:
    """The `count` slowest cases, their stages in milliseconds."""
    order = sorted(range(len(cases)), key=lambda i: -spent[i]["total"])[:count]
    print(f"\nslowest {len(order)}:")
    for i in order:
        stages = ", ".join(f"{_short(s)} {spent[i][s]:.0f}" for s in STAGES if spent[i][s] >= 1)
        filters = {k: v for k, v in cases[i].params.items() if k not in ("q", "size")}
        print(f"{spent[i]['total']:7.1f} ms  {cases[i].params['q']!r} {filters}: {stages}")


def _short(stage: str) -> str:
    return {"match_query": "match", "build_filters": "filters", "publication_timeline": "timeline",
            "page_docnums": "page", "load_hits": "hits", "count_facet": "facets",
            "build_mentioned_timeline": "mentioned", "offer_filters": "offers"}.get(stage, stage)


if __name__ == "__main__":
    raise SystemExit(main())
