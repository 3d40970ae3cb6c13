"""Phrases read from the stored positions against the old way (Whoosh's posting blocks and
the per-process position cache), side by side on the query mix of bench_search.

    nice -n 10 .venv/bin/python -m bench.bench_phrases [--docs 100000] [--per-case 8]
    nice -n 10 .venv/bin/python -m bench.bench_phrases --docs 100000 --memory new|old
    nice -n 10 .venv/bin/python -m bench.bench_phrases --docs 100000 --compare browse

Uses the generated bench index of bench_search (built first if missing). Opening it reads
the stored positions (search.position_store), or decodes and writes them when missing: the
time and the size on disk are printed. Then every query of the mix runs both ways, the order
alternating query by query; each way keeps its own term, position and query caches (as two
processes would), so neither profits from the other's work. Prints p50/p95 per query kind
and over the whole mix for both ways and their ratio, and compares every total, facet count
and hit list (any difference is a bug).

With --compare browse, both ways read the stored positions and differ in the answers to
requests without query words or filters (the landing page): the old way computes each one,
the new way keeps them per generation (search.generation.browse_cache).

With --memory, one way only runs the whole mix (phrases twice) in this process, which then
prints its resident memory: RSS, PSS (shared pages divided among the processes mapping
them) and the private pages.
"""

from __future__ import annotations

import argparse
import time

from bench.bench_search import KINDS, make_cases, open_bench_index, percentiles
from search.cache import ArrayCache
from search.engine import search
from search.generation import browse_cache
from search.model import SearchRequest
from search.position_store import PREFIX

WAYS = ("old", "new")
_CACHES = ("terms", "positions", "queries", "browse")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--per-case", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=6)
    parser.add_argument("--memory", choices=WAYS, help="run one way only and print memory")
    parser.add_argument("--compare", choices=("positions", "browse"), default="positions",
                        help="what differs between the old and the new way")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    ix = open_bench_index(args.docs)
    gen = ix.generation()
    opened = time.perf_counter() - started
    ready = gen.stored_positions.ready(None)
    print(f"opened {gen.live_count:,} documents in {opened:.1f} s; stored positions "
          f"{'ready' if ready else 'NOT READY'} after {gen.stored_positions.seconds:.2f} s "
          f"(read, or decoded and written when missing), {_stored_mb(gen):.0f} MB on disk; "
          f"memory {memory()}")
    cases, warmups = make_cases(args.docs, args.per_case, gen.schema, args.warmup)
    if args.memory:
        return _memory_run(ix, gen, cases, warmups, args.memory)
    timings, differing = _side_by_side(ix, gen, cases, warmups, args.compare)
    print_table(cases, timings)
    print(f"queries whose total, facet counts or hits differ: {len(differing)} of {len(cases)}"
          + (f" {differing}" if differing else ""))
    return 0


def _side_by_side(ix, gen, cases, warmups, compare: str) -> tuple[dict, list]:
    """Milliseconds per case for each way, and the queries whose answers differ."""
    caches = {way: {name: ArrayCache(getattr(gen, name).max_bytes) for name in _CACHES}
              for way in WAYS}
    for way in WAYS:  # the browse cache holds answers, bounded by their number
        keep = compare == "positions" or way == "new"
        caches[way]["browse"] = browse_cache() if keep else ArrayCache(0, size=lambda _: 1)
    for way in WAYS:
        caches[way]["stored"] = compare == "browse" or way == "new"
    for params in warmups:
        for way in WAYS:
            _search(ix, gen, caches, way, SearchRequest.from_params(params))
    timings = {way: [] for way in WAYS}
    differing = []
    for n, case in enumerate(cases):
        req = SearchRequest.from_params(case.params)
        answers = {}
        for way in WAYS if n % 2 == 0 else WAYS[::-1]:
            started = time.perf_counter()
            answers[way] = _search(ix, gen, caches, way, req)
            timings[way].append((time.perf_counter() - started) * 1000)
        if _summary(answers["old"]) != _summary(answers["new"]):
            differing.append(case.params["q"])
    return timings, differing


def _search(ix, gen, caches: dict, way: str, req: SearchRequest):
    for name in _CACHES:
        setattr(gen, name, caches[way][name])
    gen.stored_positions.enabled = caches[way]["stored"]
    return search(ix, req)


def _summary(result) -> tuple:
    facets = {name: [(v.value, v.count) for v in counts.values]
              for name, counts in result.facets.items()}
    return (result.total, facets, [(hit.id, hit.score) for hit in result.hits],
            [(b.period, b.count) for b in result.timeline])


def _memory_run(ix, gen, cases, warmups, way: str) -> int:
    gen.stored_positions.enabled = way == "new"
    for params in warmups:
        search(ix, SearchRequest.from_params(params))
    phrases = [c for c in cases if c.kind == "phrase"]
    for case in [*phrases, *cases]:
        search(ix, SearchRequest.from_params(case.params))
    print(f"{way} way, after the phrases and the whole mix ({len(cases)} queries): "
          f"memory {memory()}")
    return 0


def memory_mb() -> dict[str, int]:
    """MB of this process's pages by kind (Rss, Pss, Anonymous, Private_Clean...), from
    /proc/self/smaps_rollup."""
    rollup = {}
    for line in open("/proc/self/smaps_rollup"):
        parts = line.split()
        if len(parts) == 3 and parts[2] == "kB":
            rollup[parts[0].rstrip(":")] = int(parts[1]) // 1024
    return rollup


def memory(rollup: dict[str, int] | None = None) -> str:
    """RSS, PSS and private pages of this process (`memory_mb`, read now unless given)."""
    rollup = memory_mb() if rollup is None else rollup
    private = rollup.get("Private_Clean", 0) + rollup.get("Private_Dirty", 0)
    return (f"RSS {rollup.get('Rss', 0)} MB, PSS {rollup.get('Pss', 0)} MB "
            f"(anonymous {rollup.get('Anonymous', 0)} MB, private {private} MB)")


def _stored_mb(gen) -> float:
    directory = gen.cache_dir
    if directory is None:
        return 0.0
    return sum(f.stat().st_size for d in directory.glob(f"{PREFIX}*") if d.is_dir()
               for f in d.iterdir()) / 2**20


def print_table(cases, timings: dict) -> None:
    print(f"\n{'query kind':<14} | {'old p50':>8}{'p95':>8} | {'new p50':>8}{'p95':>8} | "
          f"{'p50 ratio':>9}{'p95 ratio':>10}")
    print("-" * 72)
    for kind in KINDS:
        picked = [i for i, c in enumerate(cases) if c.kind == kind]
        _row(f"{kind} ({len(picked)})", {w: [timings[w][i] for i in picked] for w in WAYS})
    print("-" * 72)
    _row(f"all ({len(cases)})", timings)


def _row(label: str, timings: dict) -> None:
    (o50, o95), (n50, n95) = (percentiles(timings[w]) for w in WAYS)
    print(f"{label:<14} | {o50:>6.1f}ms{o95:>6.0f}ms | {n50:>6.1f}ms{n95:>6.0f}ms | "
          f"{o50 / n50:>8.1f}x{o95 / n95:>9.1f}x")


if __name__ == "__main__":
    raise SystemExit(main())
