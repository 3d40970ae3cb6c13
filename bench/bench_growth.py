"""How build and search grow with the corpus: one row of the 10k -> 100k -> 1M table.

    nice -n 10 .venv/bin/python -m bench.bench_growth --docs 1000000 [--per-case 8] [--procs 2]

Uses the generated bench index of bench_search (bench/data/docs-N, built first if missing,
with gen_corpus's settings, progress printed per commit). Then, each step timed:
  - the files derived from the generation (the spelling vocabulary and the stored positions
    of each segment, in --procs processes; the entity structures: what `trawl index` does
    after its commit), quick when they are there already; then opening it until ready;
  - cold start: a new Python process importing Trawl, opening the index and answering one
    search (the files in the page cache, as after a restart);
  - the 128 cases of bench_search (the whole query mix, Trawl only), p50/p95 per kind and
    overall, then the resident memory of this process.
Prints the row: build time, docs/s, size on disk, p50, p95, RSS, cold start.
"""

from __future__ import annotations

import subprocess
import sys
import time

from bench.bench_phrases import memory, memory_mb
from bench.bench_search import (
    DATA_DIR,
    KINDS,
    _ensure_index,
    _size_mb,
    make_cases,
    mix_parser,
    percentiles,
)
from search.engine import search
from search.index import open_index, store_derived
from search.model import SearchRequest

_COLD_START = """
import time; started = time.perf_counter()
from search.engine import search
from search.index import open_index
from search.model import SearchRequest
ix = open_index({index!r})
total = search(ix, SearchRequest(q={q!r})).total
print(f"{{time.perf_counter() - started:.2f}} {{total}}")
"""


def main(argv: list[str] | None = None) -> int:
    parser = mix_parser(__doc__.splitlines()[0], per_case=8)
    parser.add_argument("--procs", type=int, default=2, help="processes deriving files")
    args = parser.parse_args(argv)
    index_dir = DATA_DIR / f"docs-{args.docs}"
    build = _ensure_index(index_dir, args.docs, rebuild=False)
    print(f"build: {build['seconds']:.0f} s ({args.docs / build['seconds']:.0f} docs/s, "
          f"procs={build['procs']}), {_size_mb(index_dir):,.0f} MiB before derived files",
          flush=True)
    started = time.perf_counter()
    stored = store_derived(index_dir, procs=args.procs)
    print(f"derived files ({args.procs} processes, {'done' if stored else 'FAILED'}): "
          f"{time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    ix = open_index(index_dir)
    gen = ix.generation()
    ready = gen.speller.ready(None) and gen.stored_positions.ready(None)
    print(f"then opening until ready ({'ready' if ready else 'NOT READY'}): "
          f"{time.perf_counter() - started:.1f} s (structures {gen.build_seconds:.1f} s, "
          f"entities {gen.entity_seconds:.1f} s, stored positions "
          f"{gen.stored_positions.seconds:.1f} s); {_size_mb(index_dir):,.0f} MiB on disk",
          flush=True)
    cases, warmups = make_cases(args.docs, args.per_case, gen.schema, args.warmup)
    cold, total = _cold_start(str(index_dir), cases[0].params["q"])
    print(f"cold start (new process: import, open, first search, {total:,} found): "
          f"{cold:.2f} s", flush=True)
    for params in warmups:
        search(ix, SearchRequest.from_params(params))
    timings = []
    for case in cases:
        req = SearchRequest.from_params(case.params)
        begun = time.perf_counter()
        search(ix, req)
        timings.append((time.perf_counter() - begun) * 1000)
    for kind in KINDS:
        picked = [t for t, c in zip(timings, cases, strict=True) if c.kind == kind]
        p50, p95 = percentiles(picked)
        print(f"{kind + f' ({len(picked)})':<16} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
    p50, p95 = percentiles(timings)
    print(f"{f'all ({len(timings)})':<16} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
    rollup = memory_mb()
    print(f"memory after the mix: {memory(rollup)}")
    print(f"\n| {args.docs:,} | {build['seconds']:,.0f} s | {args.docs / build['seconds']:,.0f} | "
          f"{_size_mb(index_dir):,.0f} MiB | {p50:.1f} ms | {p95:.1f} ms"
          f" | {rollup.get('Rss', 0):,} MB | {cold:.1f} s |")
    return 0


def _cold_start(index_dir: str, q: str) -> tuple[float, int]:
    """(seconds a new process took to import, open and answer `q`, the total found)."""
    code = _COLD_START.format(index=index_dir, q=q)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1])


if __name__ == "__main__":
    raise SystemExit(main())
