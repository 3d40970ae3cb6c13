"""Latency of search() against the plain Whoosh way, on a generated news-like corpus.

    .venv/bin/python -m bench.bench_search [--docs 100000] [--per-case 8] [--rebuild]

Builds (or reuses) bench/data/docs-N/, then runs the same mix of one-word, two-word,
phrase and empty queries, each with 0-3 active filters, through both engines, alternating
them query by query (the machine is shared and noisy):
  - Trawl: search() - total, 20 highlighted hits, disjunctive counts of the three facets,
    timeline, suggestion;
  - plain Whoosh: searcher.search(query, filter=<filter query>, groupedby=<the three facets,
    allow_overlap=True>, limit=20) + ContextFragmenter highlights of the 20 hits (no
    timeline, non-disjunctive counts: less work than Trawl does).
Prints p50/p95 per query kind and filter count, overall, and the ratio at p50.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from whoosh import highlight, sorting
from whoosh import query as wq

from bench.gen_corpus import build_index, generate, make_lexicon
from search.engine import search
from search.index import open_index
from search.model import SearchRequest
from search.query import parse_query
from search.schema import FACETS

DATA_DIR = Path(__file__).resolve().parent / "data"
KINDS = ("one word", "two words", "phrase", "empty")
FILTER_COUNTS = (0, 1, 2, 3)
HITS = 20


@dataclass(frozen=True)
class Case:
    kind: str
    filters: int
    params: dict


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    index_dir = DATA_DIR / f"docs-{args.docs}"
    build = _ensure_index(index_dir, args.docs, args.rebuild)
    started = time.perf_counter()
    ix = open_index(index_dir)
    open_seconds = time.perf_counter() - started
    gen = ix.generation()
    cases, warmups = make_cases(args.docs, args.per_case, gen.schema, args.warmup)
    print(f"corpus: {gen.live_count:,} documents ({build['seconds']:.0f} s to index with "
          f"procs={build['procs']}, {_size_mb(index_dir):.0f} MB); opening the index and "
          f"building the facet structures: {open_seconds:.2f} s")
    trawl, plain, mismatches = run_cases(ix, cases, warmups)
    print_tables(cases, trawl, plain)
    print(f"totals differing between the engines: {mismatches} of {len(cases)}")
    print_highlight_cost(gen.schema["body"].analyzer)
    return 0


def mix_parser(description: str, per_case: int) -> argparse.ArgumentParser:
    """The options of every bench that runs this query mix: --docs, --per-case, --warmup."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--per-case", type=int, default=per_case,
                        help="queries per (kind, filter count) pair")
    parser.add_argument("--warmup", type=int, default=6)
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = mix_parser(__doc__.splitlines()[0], per_case=8)
    parser.add_argument("--rebuild", action="store_true", help="index the corpus again")
    return parser


def _ensure_index(index_dir: Path, docs: int, rebuild: bool) -> dict:
    marker = index_dir / "BUILD.json"
    if marker.exists() and not rebuild:
        return json.loads(marker.read_text())
    print(f"indexing {docs:,} generated documents into {index_dir} ...", flush=True)
    seconds = build_index(str(index_dir), docs, procs=2, progress=_print_progress(docs))
    info = {"docs": docs, "seconds": seconds, "procs": 2}
    marker.write_text(json.dumps(info))
    print(f"indexed in {seconds:.0f} s ({docs / seconds:.0f} docs/s)", flush=True)
    return info


def _print_progress(docs: int):
    def progress(done: int, seconds: float) -> None:
        print(f"{time.strftime('%H:%M:%S')} built {done:,} of {docs:,} in {seconds:.0f} s "
              f"({done / seconds:.0f} docs/s)", flush=True)
    return progress


def open_bench_index(docs: int):
    """The generated bench index of `docs` documents (built first if missing), opened."""
    index_dir = DATA_DIR / f"docs-{docs}"
    _ensure_index(index_dir, docs, rebuild=False)
    return open_index(index_dir)


def _size_mb(index_dir: Path) -> float:
    return sum(f.stat().st_size for f in index_dir.rglob("*") if f.is_file()) / 2**20


def make_cases(docs: int, per_case: int, schema, warmup: int) -> tuple[list[Case], list[dict]]:
    """The query mix (every kind with 0-3 filters, `per_case` different queries each), and
    unrelated warm-up searches."""
    lexicon = make_lexicon()
    analyzer = schema["body"].analyzer
    words = [w for w in lexicon.words if [t.text for t in analyzer(w)]]
    phrases = _phrases(min(docs, 300), analyzer)
    cases = []
    for kind in KINDS:
        for n_filters in FILTER_COUNTS:
            for i in range(per_case):
                unique = i + per_case * n_filters  # no two cases share a query
                q = _query(kind, unique, words, phrases)
                params = {"q": q, "size": str(HITS), **_filters(n_filters, i, lexicon)}
                cases.append(Case(kind, n_filters, params))
    warmups = [{"q": words[5000 + 31 * i], "actor": lexicon.actors[500 + i]}
               for i in range(warmup)]
    return cases, warmups


def _query(kind: str, i: int, words: list[str], phrases: list[str]) -> str:
    """Words from three popularity bands: frequent (in most documents), mid and rare."""
    frequent, mid, rare = words[10 + 7 * i], words[150 + 97 * i], words[1500 + 613 * i]
    if kind == "one word":
        return (frequent, mid, mid, rare)[i % 4] if i % 4 != 2 else words[400 + 211 * i]
    if kind == "two words":
        return (f"{frequent} {mid}", f"{mid} {words[300 + 89 * i]}", f"{mid} {rare}")[i % 3]
    if kind == "phrase":
        return phrases[(i * 37) % len(phrases)]
    return ""


def _phrases(docs: int, analyzer) -> list[str]:
    """Two-word phrases that occur in the corpus, avoiding pairs of very frequent words."""
    lexicon = make_lexicon()
    rank = {w: r for r, w in enumerate(lexicon.words)}
    found = []
    for doc, _ in generate(docs):
        words = doc.text.replace(".", "").lower().split()
        for a, b in zip(words[5::50], words[6::50], strict=False):
            if max(rank.get(a, 0), rank.get(b, 0)) > 60 and all(
                    [t.text for t in analyzer(w)] for w in (a, b)):
                found.append(f'"{a} {b}"')
    return found


def _filters(count: int, i: int, lexicon) -> dict:
    """`count` filters of different kinds, on values of varied popularity."""
    year = 2011 + i % 13
    pool = [
        ("actor", lexicon.actors[(i * 13) % 200]),
        ("place", lexicon.places[(i * 7) % 100]),
        ("date", str(year)),
        ("from", f"{year - 2}-01"),
    ]
    chosen = [pool[(i + k) % len(pool)] for k in range(count)]
    params: dict = {}
    for name, value in chosen:
        params[name] = value
    if "from" in params:
        params["to"] = f"{int(params['from'][:4]) + 3}-06"
    return params


def run_cases(ix, cases: list[Case],
              warmups: list[dict]) -> tuple[list[float], list[float], int]:
    """Milliseconds per case for each engine, alternating which one goes first."""
    gen = ix.generation()
    searcher = gen.searcher
    for params in warmups:
        req = SearchRequest.from_params(params)
        search(ix, req)
        plain_search(searcher, gen.schema, req)
    trawl, plain, mismatches = [], [], 0
    for n, case in enumerate(cases):
        req = SearchRequest.from_params(case.params)
        runs = [("trawl", lambda r=req: search(ix, r).total),
                ("plain", lambda r=req: plain_search(searcher, gen.schema, r))]
        timings = {}
        for name, fn in runs if n % 2 == 0 else runs[::-1]:
            started = time.perf_counter()
            total = fn()
            timings[name] = ((time.perf_counter() - started) * 1000, total)
        trawl.append(timings["trawl"][0])
        plain.append(timings["plain"][0])
        mismatches += timings["trawl"][1] != timings["plain"][1]
    return trawl, plain, mismatches


def plain_search(searcher, schema, req: SearchRequest) -> int:
    """The same search the way Whoosh's documentation does it; returns the total."""
    parsed = parse_query(req.q, schema)
    q = parsed.query if parsed.query is not None else wq.Every()
    facets = sorting.Facets()
    for facet in FACETS:
        facets.add_field(facet, allow_overlap=True)
    results = searcher.search(q, filter=_filter_query(req), groupedby=facets, limit=HITS)
    results.fragmenter = highlight.ContextFragmenter()
    results.formatter = highlight.HtmlFormatter(tagname="mark")
    for facet in FACETS:
        groups = results.groups(facet)
        sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:10]
    for hit in results[:HITS]:
        hit.highlights("body", top=3)
    return len(results)


def _filter_query(req: SearchRequest) -> wq.Query | None:
    parts = []
    for facet in ("actor", "place"):
        if getattr(req, facet):
            parts.append(wq.Or([wq.Term(facet, v) for v in getattr(req, facet)]))
    if req.date:
        parts.append(wq.Or([wq.Prefix("date", v) for v in req.date]))
    if req.date_from or req.date_to:
        parts.append(wq.DateRange("published", _datetime(req.date_from),
                                  _datetime(req.date_to, end=True)))
    return wq.And(parts) if parts else None


def _datetime(day, end: bool = False):
    from datetime import datetime

    if day is None:
        return None
    return datetime(day.year, day.month, day.day, 23 if end else 0, 59 if end else 0)


def print_highlight_cost(analyzer, repeats: int = 20) -> None:
    """Snippets of one 100 kB document whose matches sit near its end, both ways."""
    from search.highlight import Highlighter

    filler = "The delegation met officials and discussed the situation in the region. "
    text = filler * 1300 + "A convoy of trucks reached the besieged town. " + filler * 20
    terms = {"convoy", "truck"}
    mine = Highlighter(terms, lambda word: [t.text for t in analyzer(word)])
    fragmenter = highlight.ContextFragmenter(charlimit=None)
    timings = {}
    for name, fn in (
        ("Trawl", lambda: mine.snippets(text)),
        ("Whoosh", lambda: highlight.highlight(text, terms, analyzer, fragmenter,
                                               highlight.HtmlFormatter(tagname="mark"), top=3)),
    ):
        started = time.perf_counter()
        for _ in range(repeats):
            fn()
        timings[name] = (time.perf_counter() - started) * 1000 / repeats
    print(f"snippets of a {len(text) // 1000} kB document (match near the end): "
          f"Trawl {timings['Trawl']:.1f} ms, Whoosh highlight() {timings['Whoosh']:.0f} ms")


def print_tables(cases: list[Case], trawl: list[float], plain: list[float]) -> None:
    print(f"\n{'query kind':<12}{'filters':>8} | {'Trawl p50':>10}{'p95':>8} | "
          f"{'plain p50':>10}{'p95':>8} | {'ratio':>6}")
    print("-" * 72)
    for kind in KINDS:
        for n in FILTER_COUNTS:
            picked = [i for i, c in enumerate(cases) if c.kind == kind and c.filters == n]
            _row(kind, str(n), [trawl[i] for i in picked], [plain[i] for i in picked])
    print("-" * 72)
    _row("all", f"{len(cases)}q", trawl, plain)


def _row(kind: str, filters: str, trawl: list[float], plain: list[float]) -> None:
    t50, t95 = percentiles(trawl)
    p50, p95 = percentiles(plain)
    print(f"{kind:<12}{filters:>8} | {t50:>8.1f}ms{t95:>6.0f}ms | {p50:>8.0f}ms{p95:>6.0f}ms"
          f" | {p50 / t50:>5.0f}x")


def percentiles(values: list[float]) -> tuple[float, float]:
    """(p50, p95) of timings; one value is both."""
    if len(values) == 1:
        return values[0], values[0]
    cuts = statistics.quantiles(values, n=20, method="inclusive")
    return statistics.median(values), cuts[18]


if __name__ == "__main__":
    raise SystemExit(main())
