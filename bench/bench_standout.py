"""Cost of "what stands out" (search.standout) against the search itself, on bench_search's mix.

    .venv/bin/python -m bench.bench_standout [--docs 100000] [--per-case 4]

For each case of bench_search's query mix (one word, two words, phrase, empty; 0-3 filters),
times stand_out() and search() of the same request, alternating (the machine is shared),
alternating which runs first (the first also evaluates the text query, which the second then
finds cached), and prints p50/p95/max of each. Target: under 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.bench_search import make_cases, open_bench_index
from search.engine import search
from search.model import SearchRequest
from search.standout import stand_out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--per-case", type=int, default=4)
    args = parser.parse_args(argv)
    ix = open_bench_index(args.docs)
    cases, warmups = make_cases(args.docs, args.per_case, ix.generation().schema, 4)
    for params in warmups:
        stand_out(ix, SearchRequest.from_params(params))
    standout_s, search_s, sizes = [], [], []
    for n, case in enumerate(cases):
        req = SearchRequest.from_params(case.params)
        # alternate which runs first: the first one also evaluates (and caches) the text query
        for function, times in ((stand_out, standout_s), (search, search_s))[::1 - 2 * (n % 2)]:
            started = time.perf_counter()
            result = function(ix, req)
            times.append(time.perf_counter() - started)
        sizes.append(result.total)
    print(f"{len(cases)} requests on {ix.generation().live_count:,} documents "
          f"(results of {min(sizes):,} to {max(sizes):,} documents)")
    for name, times in (("stand_out()", standout_s), ("search()", search_s)):
        ordered = sorted(times)
        print(f"{name:12} p50 {statistics.median(ordered) * 1000:6.1f} ms   "
              f"p95 {ordered[int(len(ordered) * 0.95)] * 1000:6.1f} ms   "
              f"max {ordered[-1] * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
