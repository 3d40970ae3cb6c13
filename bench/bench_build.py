"""Build speed without NER: the generated corpus written the way Trawl writes it now, the
way it did before (a 128 MB posting pool, so sorted runs on disk, Whoosh reading a field
length per posting, and the text analyzer's filter chain run token by token), and with Whoosh's `spelling=True` fields, alternating, with the
same search results.

    .venv/bin/python -m bench.bench_build --docs 10000 [--rounds 2] [--procs 2]
        [--ways now before "spelling fields"]

Prints, per round, Whoosh's writing time and the first open until suggestions are ready (for
the new way, the spelling words counted from the stored text, as `trawl index` does after its
commit); per way, the median of their sum and documents per second, the index size, the
median of Whoosh's writing alone, and
whether totals, facet counts and suggestions agree with the first way's on the bench_search
query mix.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from whoosh.analysis import CompositeAnalyzer

from bench import gen_corpus
from bench.bench_search import make_cases
from search import schema as schema_module
from search.engine import search
from search.index import open_index
from search.model import SearchRequest
from search.whoosh_adapter import table_segment_lengths


def old_schema():
    """The schema as it was: title and body with Whoosh's spelling fields."""
    from whoosh.fields import TEXT

    built = _CURRENT_SCHEMA()
    for name, boost in (("title", 2.0), ("body", 1.0)):
        built.remove(name)
        built.add(name, TEXT(stored=True, analyzer=schema_module.text_analyzer(),
                             field_boost=boost, spelling=True))
    return built


_CURRENT_SCHEMA = schema_module.make_schema
_TEXT_ANALYZER = schema_module.text_analyzer
WAYS = ("now", "before", "spelling fields")


def build(way: str, docs: int, procs: int, directory: Path) -> tuple[float, float]:
    """(seconds Whoosh took to write `docs` documents `way` (one of WAYS) into `directory`,
    seconds the first reader then took until suggestions were ready)."""
    from search import store

    before = way != "now"
    store.make_schema = old_schema if way == "spelling fields" else _CURRENT_SCHEMA
    table_segment_lengths(not before)
    if before:  # the chain itself, no remembered terms (search.schema.TextAnalyzer)
        schema_module.text_analyzer = lambda: CompositeAnalyzer(*_TEXT_ANALYZER().items)
    try:
        options = {"limitmb": gen_corpus.RUN_LIMIT_MB, "batch": docs} if before else {}
        written = gen_corpus.build_index(str(directory), docs, procs=procs, **options)
        started = time.perf_counter()
        open_index(directory).generation().speller.ready(3600)
        return written, time.perf_counter() - started
    finally:
        store.make_schema = _CURRENT_SCHEMA
        schema_module.text_analyzer = _TEXT_ANALYZER
        table_segment_lengths()


def agreement(first: Path, second: Path, docs: int) -> tuple[int, int]:
    """(cases compared, cases whose totals, facet counts or suggestion differ)."""
    a, b = open_index(first), open_index(second)
    cases, _ = make_cases(docs, 2, a.generation().schema, 0)
    differ = 0
    for case in cases:
        req = SearchRequest.from_params(case.params)
        ra, rb = search(a, req), search(b, req)
        differ += (ra.total, ra.facets, ra.suggestion) != (rb.total, rb.facets, rb.suggestion)
    for word in ("zzq", "conflikt", "agreemnt"):
        req = SearchRequest(q=word)
        differ += search(a, req).suggestion != search(b, req).suggestion
    return len(cases) + 3, differ


def _size_mb(directory: Path) -> float:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file()) / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--ways", nargs="+", choices=WAYS, default=list(WAYS[:2]),
                        help="build these (one way: no ratio, no agreement check)")
    args = parser.parse_args(argv)
    ways = args.ways
    seconds: dict[str, list[float]] = {way: [] for way in ways}
    whoosh: dict[str, list[float]] = {way: [] for way in ways}  # writing alone
    root = Path(tempfile.mkdtemp(prefix="trawl-bench-build-"))
    try:
        for n in range(args.rounds):
            for way in ways if n % 2 == 0 else ways[::-1]:
                written, opened = build(way, args.docs, args.procs, root / f"{_slug(way)}-{n}")
                seconds[way].append(written + opened)
                whoosh[way].append(written)
                print(f"round {n + 1}: {way:16} Whoosh {written:8.1f} s, first open until "
                      f"suggestions ready {opened:6.1f} s", flush=True)
        for way in ways:
            median, alone = statistics.median(seconds[way]), statistics.median(whoosh[way])
            print(f"{way:16} median {median:8.1f} s  {args.docs / median:7.0f} docs/s  "
                  f"{_size_mb(root / f'{_slug(way)}-0'):7.0f} MiB; Whoosh alone {alone:.1f} s "
                  f"{args.docs / alone:.0f} docs/s")
        first = ways[0]
        for way in ways[1:]:
            ratio = statistics.median(seconds[way]) / statistics.median(seconds[first])
            alone = statistics.median(whoosh[way]) / statistics.median(whoosh[first])
            print(f"{first} against {way}: {ratio:.2f}x ({alone:.2f}x for Whoosh alone)")
            compared, differ = agreement(root / f"{_slug(first)}-0", root / f"{_slug(way)}-0",
                                         args.docs)
            print(f"searches compared: {compared}; differing totals, facets or suggestions: "
                  f"{differ}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _slug(way: str) -> str:
    return way.replace(" ", "-")


if __name__ == "__main__":
    raise SystemExit(main())
