"""Phrase latency (cold and warm position cache) and memory of one process at scale.

    nice -n 10 .venv/bin/python -m bench.bench_scale [--docs 100000] [--per-case 8] [--old]

Uses the generated bench index of bench_search (built first if missing). Runs the phrase
cases of bench_search twice - the first pass meets every frequent word for the first time,
the second finds them in the generation's position cache; the whole-query cache is emptied
before each query, so matching is measured. Phrases read the stored positions
(search.position_store, built first when missing), or with --old Whoosh's posting blocks.
Prints p50/p95 and the sum of totals (for comparing two versions), then the process's
resident memory split into private (anonymous) pages and file pages (the memory-mapped
index, shared with other processes).
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.bench_search import make_cases, open_bench_index
from search.cache import ArrayCache
from search.engine import search
from search.model import SearchRequest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--per-case", type=int, default=8)
    parser.add_argument("--old", action="store_true",
                        help="read Whoosh's posting blocks, not the stored positions")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    ix = open_bench_index(args.docs)
    gen = ix.generation()
    print(f"opened {gen.live_count:,} documents in {time.perf_counter() - started:.1f} s; "
          f"memory {_memory()}")
    gen.stored_positions.enabled = not args.old
    ready = gen.stored_positions.ready(None)
    print(f"stored positions (search.position_store) {'ready' if ready else 'NOT READY'} "
          f"after {gen.stored_positions.seconds:.1f} s; phrases read "
          f"{'Whoosh blocks (--old)' if args.old else 'them'}")
    cases, warmups = make_cases(args.docs, args.per_case, gen.schema, 6)
    for params in warmups:
        search(ix, SearchRequest.from_params(params))
    phrases = [SearchRequest.from_params(c.params) for c in cases if c.kind == "phrase"]
    for label in ("phrases, first pass", "phrases, second pass"):
        timings, total = _run(ix, phrases)
        cuts = statistics.quantiles(timings, n=20, method="inclusive")
        print(f"{label}: {len(timings)} queries, p50 {statistics.median(timings):.1f} ms, "
              f"p95 {cuts[18]:.1f} ms, totals summed {total}")
    for case in cases:
        search(ix, SearchRequest.from_params(case.params))
    print(f"after the whole mix ({len(cases)} queries): memory {_memory()}")
    return 0


def _run(ix, requests: list[SearchRequest]) -> tuple[list[float], int]:
    gen, timings, total = ix.generation(), [], 0
    for req in requests:
        gen.queries = ArrayCache(gen.queries.max_bytes)  # measure matching, not the cache
        started = time.perf_counter()
        total += search(ix, req).total
        timings.append((time.perf_counter() - started) * 1000)
    return timings, total


def _memory() -> str:
    status = dict(line.split(":", 1) for line in open("/proc/self/status"))
    mb = {key: int(status[key].split()[0]) // 1024 for key in ("VmRSS", "RssAnon", "RssFile")}
    return f"RSS {mb['VmRSS']} MB (private {mb['RssAnon']} MB, file pages {mb['RssFile']} MB)"


if __name__ == "__main__":
    raise SystemExit(main())
