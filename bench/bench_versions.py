"""Two revisions of Trawl side by side on the query mix of bench_search: latency and answers.

    nice -n 10 .venv/bin/python -m bench.bench_versions --docs 1000000 [--against main]
        [--per-case 8] [--variants]

Exports the revision `--against` (git archive) to a temporary directory and starts two worker
processes on the same generated bench index (bench/data/docs-N, built first if missing): one
importing that revision's code ("old"), one this working tree's ("new"). Each opens the index
and waits until its spelling vocabulary and stored positions are ready. Then every case goes
to both, the order alternating case by case; each worker times its own search() call and
sends back the whole JSON answer (search.serialize.result_to_json: total, hits in order with
scores and snippets, every facet count and link, both timelines, suggestion, offers) and a
digest of the match mask and of every score to the last bit (search.matching.match_query).

Prints p50/p95 per query kind for both and their ratio, and every case whose answers differ
(any difference is a bug). --variants adds, per case, the same query sorted by date, with a
fixed timeline unit, on page 2, with an excluded actor and with boilerplate shown.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import replace
from pathlib import Path

from bench.bench_phrases import print_table
from bench.bench_search import DATA_DIR, Case, _ensure_index, make_cases, mix_parser
from bench.gen_corpus import make_lexicon
from search.schema import make_schema

REPO = Path(__file__).resolve().parent.parent
WAYS = ("old", "new")
_WORKER = """
import hashlib, json, sys, time
from search.engine import search
from search.matching import match_query
from search.query import parse_query
from search.index import open_index
from search.model import SearchRequest
from search.serialize import result_to_json
ix = open_index(sys.argv[1])
gen = ix.generation()
gen.speller.ready(None)
gen.stored_positions.ready(None)
print("ready", flush=True)
for line in sys.stdin:
    req = SearchRequest.from_params(json.loads(line))
    started = time.perf_counter()
    result = search(ix, req)
    ms = (time.perf_counter() - started) * 1000
    match = match_query(gen, parse_query(req.q, gen.schema))  # cached by the search
    scores = b"" if match.scores is None else match.scores.tobytes()
    digest = hashlib.sha1(match.mask.tobytes() + scores).hexdigest()
    print(json.dumps([ms, json.dumps(result_to_json(result), sort_keys=True, default=str)
                      + digest]), flush=True)
"""


def main(argv: list[str] | None = None) -> int:
    parser = mix_parser(__doc__.splitlines()[0], per_case=8)
    parser.add_argument("--against", default="main", help="the old revision (git)")
    parser.add_argument("--variants", action="store_true",
                        help="also sorted by date, fixed timeline unit, page 2, exclusions")
    args = parser.parse_args(argv)
    index_dir = DATA_DIR / f"docs-{args.docs}"
    _ensure_index(index_dir, args.docs, rebuild=False)
    cases, warmups = make_cases(args.docs, args.per_case, make_schema(), args.warmup)
    runs = list(cases)
    if args.variants:
        runs += [replace(case, params=variant) for case in cases for variant in variants(case.params)]
    with tempfile.TemporaryDirectory(prefix="trawl-old-") as old_tree:
        _export(args.against, Path(old_tree))
        workers = {"old": _start(Path(old_tree), index_dir), "new": _start(REPO, index_dir)}
        try:
            timings, differing = _side_by_side(workers, runs, warmups)
        finally:
            for worker in workers.values():
                worker.stdin.close()
                worker.wait()
    print(f"\nold: {args.against}, new: this working tree")
    print_table(runs, timings)
    print(f"cases whose answers differ: {len(differing)} of {len(runs)}")
    for params in differing[:20]:
        print(f"  {params}")
    return 1 if differing else 0


def variants(params: dict) -> list[dict]:
    """The same case sorted newest first, with daily bars, on page 2, excluding an actor
    and with boilerplate values shown."""
    actor = make_lexicon().actors[3]
    return [{**params, "sort": "newest"}, {**params, "sort": "oldest", "timeline": "day"},
            {**params, "page": "2", "timeline": "year"}, {**params, "not_actor": actor},
            {**params, "boilerplate": "show", "facet_size": "25"}]


def _export(revision: str, target: Path) -> None:
    """The files of `revision` of this repository, written under `target`."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision], check=True,
                             capture_output=True).stdout
    with tempfile.TemporaryFile() as buffer:
        buffer.write(archive)
        buffer.seek(0)
        with tarfile.open(fileobj=buffer) as tar:
            tar.extractall(target, filter="data")


def _start(tree: Path, index_dir: Path) -> subprocess.Popen:
    worker = subprocess.Popen([sys.executable, "-c", _WORKER, str(index_dir.resolve())],
                              cwd=tree, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    if worker.stdout.readline().strip() != "ready":
        raise RuntimeError(f"the worker of {tree} did not start")
    return worker


def _ask(worker: subprocess.Popen, params: dict) -> tuple[float, str]:
    worker.stdin.write(json.dumps(params) + "\n")
    worker.stdin.flush()
    ms, answer = json.loads(worker.stdout.readline())
    return ms, answer


def _side_by_side(workers: dict, runs: list[Case],
                  warmups: list[dict]) -> tuple[dict[str, list[float]], list[dict]]:
    for params in warmups:
        for way in WAYS:
            _ask(workers[way], params)
    timings: dict[str, list[float]] = {way: [] for way in WAYS}
    differing = []
    for n, case in enumerate(runs):
        params, answers = case.params, {}
        for way in WAYS if n % 2 == 0 else WAYS[::-1]:
            ms, answers[way] = _ask(workers[way], params)
            timings[way].append(ms)
        if answers["old"] != answers["new"]:
            differing.append(params)
    return timings, differing


if __name__ == "__main__":
    raise SystemExit(main())
