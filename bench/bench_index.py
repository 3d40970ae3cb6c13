"""Indexing throughput: `trawl index` next to bare spaCy `nlp.pipe`, then an unchanged rerun.

Both sides use the same loaded pipeline (the default model with only the NER components and
Trawl's entity ruler), the same number of processes and the same texts (what the enricher
hands the model: title + body, in the same chunks). Rounds alternate the order of the two
sides; medians are reported. Then `build_index` runs again over the unchanged files, and the
whole CLI (`trawl index` in a subprocess, imports and model loading included) once more.

    .venv/bin/python bench/bench_index.py                       # Wikinews, 3 rounds
    .venv/bin/python bench/bench_index.py --repeat 4 --workers 2
    .venv/bin/python bench/bench_index.py --generate 2000       # generated corpus
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from indexer.build import build_index  # noqa: E402
from indexer.document import Document  # noqa: E402
from indexer.enrich import Enricher, chunk_text, model_text  # noqa: E402
from indexer.load import load_paths  # noqa: E402
from indexer.model import load_model, model_name  # noqa: E402

DEFAULT_CORPUS = "/work/shared/corpus/wikinews-2019-2020.jsonl"
TARGET_RATIO = 0.85
TARGET_SPEEDUP = 20.0


def main() -> int:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="trawl-bench-") as tmp:
        corpus = prepare_corpus(args, Path(tmp))
        docs = [d for d in load_paths([str(corpus)]) if isinstance(d, Document)]
        nlp = load_model(args.model)
        print(f"corpus: {args.generate or args.corpus} x{args.repeat} = {len(docs)} documents, "
              f"{sum(len(d.text) for d in docs) / 1e6:.1f} M chars; model "
              f"{model_name(args.model)} {nlp.pipe_names}; workers {args.workers}; "
              f"{os.cpu_count()} CPUs")
        bare, trawl, index_dir = compare(args, nlp, docs, corpus, Path(tmp))
        report_ratio(bare, trawl, len(docs))
        rerun(args, nlp, corpus, index_dir, statistics.median(trawl))
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="file or folder to index")
    parser.add_argument("--generate", type=int, metavar="N",
                        help="index N generated documents instead of --corpus")
    parser.add_argument("--repeat", type=int, default=1, help="copies of the corpus (new ids)")
    parser.add_argument("--workers", type=int, default=1, help="spaCy processes on both sides")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", help="spaCy model (default: Trawl's default)")
    return parser.parse_args()


def prepare_corpus(args, tmp: Path) -> Path:
    """The corpus as one JSON-lines file, multiplied by --repeat with distinct ids."""
    if args.generate:
        from bench.gen_corpus import generate

        source = [doc for doc, _ in generate(args.generate)]
    else:
        source = [d for d in load_paths([args.corpus]) if isinstance(d, Document)]
    path = tmp / "corpus" / "corpus.jsonl"
    path.parent.mkdir()
    with path.open("w", encoding="utf-8") as out:
        for copy in range(args.repeat):
            for doc in source:
                out.write(json.dumps({
                    "id": f"{doc.id}~{copy}", "title": doc.title, "text": doc.text,
                    "published": doc.published.isoformat() if doc.published else None,
                    "source": doc.source, "url": doc.url}, ensure_ascii=False) + "\n")
    return path


def compare(args, nlp, docs, corpus: Path, tmp: Path) -> tuple[list[float], list[float], Path]:
    """Seconds per round for bare spaCy and for a fresh `build_index`, order alternating."""
    texts = [piece for doc in docs for _, piece in chunk_text(model_text(doc)[0])]
    bare, trawl, index_dir = [], [], tmp
    print(f"{'round':>5}  {'bare spaCy':>14}  {'trawl index':>14}")
    for round_no in range(1, args.rounds + 1):
        index_dir = tmp / f"index-{round_no}"
        sides = [("bare", lambda: time_bare(nlp, texts, args)),
                 ("trawl", lambda d=index_dir: time_trawl(nlp, corpus, d, args))]
        if round_no % 2 == 0:
            sides.reverse()
        times = {name: run() for name, run in sides}
        bare.append(times["bare"])
        trawl.append(times["trawl"])
        print(f"{round_no:>5}  {len(docs) / times['bare']:>9.1f} d/s  "
              f"{len(docs) / times['trawl']:>9.1f} d/s   (load average {os.getloadavg()[0]:.1f})",
              flush=True)
    return bare, trawl, index_dir


def time_bare(nlp, texts: list[str], args) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
        pass
    return time.perf_counter() - started


def time_trawl(nlp, corpus: Path, index_dir: Path, args) -> float:
    enricher = Enricher(nlp, batch_size=args.batch_size, workers=args.workers)
    started = time.perf_counter()
    report = build_index(index_dir, [str(corpus)], enricher)
    elapsed = time.perf_counter() - started
    assert report.failed == 0 and report.indexed > 0, report.summary()
    return elapsed


def report_ratio(bare: list[float], trawl: list[float], count: int) -> None:
    bare_rate, trawl_rate = count / statistics.median(bare), count / statistics.median(trawl)
    ratio = trawl_rate / bare_rate
    print(f"{'median':>5}  {bare_rate:>9.1f} d/s  {trawl_rate:>9.1f} d/s   "
          f"trawl/bare = {ratio:.2f} (target >= {TARGET_RATIO}) "
          f"{'OK' if ratio >= TARGET_RATIO else 'MISSED'}")


def rerun(args, nlp, corpus: Path, index_dir: Path, first_s: float) -> None:
    """Unchanged reruns: in-process (median of 3), then the whole CLI once each way."""
    enricher = Enricher(nlp, batch_size=args.batch_size, workers=args.workers)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        report = build_index(index_dir, [str(corpus)], enricher)
        times.append(time.perf_counter() - started)
        assert report.indexed == 0 and report.unchanged > 0, report.summary()
    again = statistics.median(times)
    speedup = first_s / again
    print(f"unchanged rerun (build_index): {again:.3f} s vs first run {first_s:.2f} s = "
          f"x{speedup:.0f} faster (target >= x{TARGET_SPEEDUP:.0f}) "
          f"{'OK' if speedup >= TARGET_SPEEDUP else 'MISSED'}")
    cli_first = time_cli(index_dir.parent / "index-cli", corpus, args)
    cli_again = time_cli(index_dir.parent / "index-cli", corpus, args)
    print(f"unchanged rerun (trawl index CLI, process start, imports and model load "
          f"included): {cli_again:.2f} s vs first {cli_first:.2f} s = "
          f"x{cli_first / cli_again:.0f} faster")


def time_cli(index_dir: Path, corpus: Path, args) -> float:
    command = [sys.executable, "-m", "indexer.cli", "--index", str(index_dir), "index",
               str(corpus), "--workers", str(args.workers), "--batch-size", str(args.batch_size)]
    if args.model:
        command += ["--model", args.model]
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
