"""Trawl beside its peers on one generated corpus and one query mix: tantivy (embedded,
Rust), SQLite FTS5 (datasette-style) and plain Whoosh (`groupedby` facets).

    .venv/bin/python -m bench.bench_peers [--docs 100000] [--per-case 4]
        [--engines trawl,tantivy,sqlite-fts5,whoosh] [--work DIR] [--budget SECONDS]

The corpus is bench_search's (bench.gen_corpus, bench/data/docs-N for Trawl, built if
missing); tantivy and FTS5 index the same generated documents into --work (default
bench/data/peers-N, reused when built for the same N; their build times are printed each
time they build). The cases are bench_search's 128-query mix (one word, two words, phrase,
empty; 0-3 filters). Every engine answers the whole request (total, 20 hits with snippets,
disjunctive top-10 counts of actor, place and date, a timeline by month); the engines take
turns query by query, the first one rotating, so they see the same machine load; no new
query starts after --budget seconds (the table then says how many ran). Prints p50/p95/p99
overall and per query kind, index size, build rate, the memory each engine added to this
process when opened and warmed (and the process's peak), and how many totals equal Trawl's,
with every query whose total differs (the analysers differ: tantivy and FTS5 stem with their
own English stemmers; on this corpus they agree).
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench.bench_search import (
    DATA_DIR,
    KINDS,
    Case,
    _ensure_index,
    make_cases,
    mix_parser,
    plain_search,
)
from bench.gen_corpus import generate
from bench.peers import Fts5, Tantivy
from search.engine import search
from search.index import open_index
from search.model import SearchRequest

ENGINES = ("trawl", "tantivy", "sqlite-fts5", "whoosh")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    engines = [e.strip() for e in args.engines.split(",")]
    unknown = sorted(set(engines) - set(ENGINES))
    if unknown:
        raise SystemExit(f"unknown engine(s) {unknown}: choose from {', '.join(ENGINES)}")
    index_dir = DATA_DIR / f"docs-{args.docs}"
    trawl_build = _ensure_index(index_dir, args.docs, rebuild=False)
    work = Path(args.work) if args.work else DATA_DIR / f"peers-{args.docs}"
    runners, facts = open_engines(engines, index_dir, work, args.docs, trawl_build)
    ix = open_index(index_dir)
    cases, warmups = make_cases(args.docs, args.per_case, ix.generation().schema, args.warmup)
    for params in warmups:
        for run in runners.values():
            run(SearchRequest.from_params(params))
    cases = interleaved(cases)
    times, totals = run_cases(runners, cases, args.budget)
    print_table(cases[:len(times[engines[0]])], times, totals, facts, args.docs)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = mix_parser(__doc__.splitlines()[0], per_case=4)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--work", help="where tantivy and FTS5 keep their indexes")
    parser.add_argument("--budget", type=float, default=1800.0,
                        help="seconds after which no new query starts")
    return parser


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory (VmRSS) or its peak (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def open_engines(engines: list[str], index_dir: Path, work: Path, docs: int,
                 trawl_build: dict) -> tuple[dict[str, Callable], dict[str, dict]]:
    """Each engine's `run(req) -> total`, and its facts (build rate, size, memory added)."""
    runners: dict[str, Callable] = {}
    facts: dict[str, dict] = {}
    for name in engines:
        before = rss_mb()
        if name in ("trawl", "whoosh"):
            ix = open_index(index_dir)
            gen = ix.generation()
            runners[name] = (lambda r, ix=ix: search(ix, r).total) if name == "trawl" else \
                (lambda r, gen=gen: plain_search(gen.searcher, gen.schema, r))
            facts[name] = {"build_s": trawl_build["seconds"], "size": _size(index_dir)}
        else:
            engine, build_s = _peer(name, work, docs)
            runners[name] = engine.search
            facts[name] = {"build_s": build_s, "size": _size(work / name)}
        runners[name](SearchRequest.from_params({"q": ""}))
        facts[name]["rss_added"] = max(0.0, rss_mb() - before)
    return runners, facts


def _peer(name: str, work: Path, docs: int):
    """The peer engine's index in `work`, built first when missing (build seconds kept)."""
    marker = work / f"{name}.json"
    path = work / name
    cls = Tantivy if name == "tantivy" else Fts5
    if marker.exists() and json.loads(marker.read_text())["docs"] == docs:
        return cls(path if name == "tantivy" else path / "fts.db"), \
            json.loads(marker.read_text())["seconds"]
    path.mkdir(parents=True, exist_ok=True)
    for old in path.iterdir():
        old.unlink()
    engine = cls(path if name == "tantivy" else path / "fts.db")
    print(f"{name}: indexing {docs:,} generated documents ...", flush=True)
    started = time.perf_counter()
    engine.build(generate(docs))
    seconds = time.perf_counter() - started
    print(f"{name}: {seconds:.1f} s ({docs / seconds:,.0f} docs/s)", flush=True)
    marker.write_text(json.dumps({"docs": docs, "seconds": seconds}))
    return engine, seconds


def _size(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def interleaved(cases: list[Case]) -> list[Case]:
    """The cases with the kinds taking turns, so a run cut short by --budget still has
    every kind."""
    by_kind = [[c for c in cases if c.kind == kind] for kind in KINDS]
    return [c for group in itertools.zip_longest(*by_kind) for c in group if c is not None]


def run_cases(runners: dict[str, Callable], cases: list[Case], budget: float = float("inf"),
              ) -> tuple[dict[str, list[float]], dict[str, list[int]]]:
    """Milliseconds and totals per case and engine, the first engine rotating; no case
    starts after `budget` seconds."""
    names = list(runners)
    times: dict[str, list[float]] = {n: [] for n in names}
    totals: dict[str, list[int]] = {n: [] for n in names}
    deadline = time.monotonic() + budget
    for n, case in enumerate(cases):
        if time.monotonic() > deadline:
            print(f"budget of {budget:.0f} s spent: {n} of {len(cases)} queries ran", flush=True)
            break
        order = names[n % len(names):] + names[:n % len(names)]
        for name in order:
            req = SearchRequest.from_params(case.params)
            started = time.perf_counter()
            totals[name].append(runners[name](req))
            times[name].append((time.perf_counter() - started) * 1000)
    return times, totals


def percentiles(values: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return statistics.median(values), cuts[94], cuts[98]


def print_table(cases: list[Case], times: dict[str, list[float]], totals: dict[str, list[int]],
                facts: dict[str, dict], docs: int) -> None:
    print(f"\n{docs:,} documents, {len(cases)} queries, engines taking turns query by query\n")
    print("| engine | build | size | p50 | p95 | p99 | memory added | totals equal to Trawl's |")
    print("|---|---|---|---|---|---|---|---|")
    for name, ms in times.items():
        p50, p95, p99 = percentiles(ms)
        build = facts[name]["build_s"]
        built = "Trawl's index" if name == "whoosh" else \
            f"{build:,.0f} s ({docs / build:,.0f} docs/s)"
        print(f"| {name} | {built} | {facts[name]['size']:,.0f} MiB | {p50:.1f} ms | {p95:.1f} ms | {p99:.1f} ms | "
              f"{facts[name]['rss_added']:,.0f} MB | {_agreement(totals, name)} |")
    print(f"\npeak RSS of this process (every engine open): {rss_mb('VmHWM'):,.0f} MB")
    print_kinds(cases, times)
    print_disagreements(cases, totals)


def _agreement(totals: dict[str, list[int]], name: str) -> str:
    if "trawl" not in totals:
        return "-"
    same = sum(a == b for a, b in zip(totals[name], totals["trawl"], strict=True))
    return f"{same} of {len(totals[name])}"


def print_kinds(cases: list[Case], times: dict[str, list[float]]) -> None:
    """p50 / p95 per query kind and engine."""
    print("\n| query kind | " + " | ".join(f"{name} p50 / p95" for name in times) + " |")
    print("|---|" + "---|" * len(times))
    for kind in KINDS:
        picked = [i for i, c in enumerate(cases) if c.kind == kind]
        if len(picked) < 2:
            continue
        cells = []
        for ms in times.values():
            p50, p95, _ = percentiles([ms[i] for i in picked])
            cells.append(f"{p50:.1f} / {p95:.1f} ms")
        print(f"| {kind} ({len(picked)}) | " + " | ".join(cells) + " |")


def print_disagreements(cases: list[Case], totals: dict[str, list[int]]) -> None:
    """Every query whose total differs from Trawl's, with its filters."""
    if "trawl" not in totals:
        return
    for name in totals:
        for i, case in enumerate(cases):
            if name != "trawl" and totals[name][i] != totals["trawl"][i]:
                print(f"{name} differs: {case.params} Trawl {totals['trawl'][i]:,}, "
                      f"{name} {totals[name][i]:,}")


if __name__ == "__main__":
    raise SystemExit(main())
