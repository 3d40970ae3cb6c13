"""Enrichment throughput locally (--workers 1, --workers 2) and on a Dask LocalCluster.

The same documents go through the same enrichment (`Enricher.enrich` behind `enrich_safely`)
three ways, rounds alternating the order: in this process with one spaCy process, with two
(`--workers 2`, spaCy's own process pool, started per run as `trawl index` does), and on a
LocalCluster of two single-threaded worker processes (`--dask local:2`). The cluster's
start and its workers' model loading are timed apart (paid once per run, whatever its size);
the throughput figures are the enrichment alone. The Dask output is checked equal to the
local one. Run it nice'd on a shared machine and read the ratios:

    nice -n 10 .venv/bin/python bench/bench_dask.py [--limit 150] [--rounds 2]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from indexer.cluster import ClusterEnricher, worker_options  # noqa: E402
from indexer.document import Document  # noqa: E402
from indexer.enrich import Enricher  # noqa: E402
from indexer.failsafe import enrich_safely  # noqa: E402
from indexer.load import load_paths  # noqa: E402
from indexer.model import load_model  # noqa: E402

DEFAULT_CORPUS = "/work/shared/corpus/wikinews-2019-2020.jsonl"


def main() -> int:
    args = parse_args()
    docs = [d for d in load_paths([args.corpus]) if isinstance(d, Document)][:args.limit]
    nlp = load_model()
    print(f"corpus: {args.corpus}, {len(docs)} documents, "
          f"{sum(len(d.text) for d in docs) / 1e6:.2f} M chars; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    cluster = ClusterEnricher("local:2", worker_options(None, None, args.batch_size))
    cluster.client  # noqa: B018  (start the cluster and load the model on its workers)
    print(f"dask local:2 start + model load on the workers: {time.perf_counter() - started:.1f} s")
    modes = {
        "--workers 1": lambda: Enricher(nlp, batch_size=args.batch_size, workers=1),
        "--workers 2": lambda: Enricher(nlp, batch_size=args.batch_size, workers=2),
        "--dask local:2": lambda: cluster,
    }
    try:
        rates, outputs = run_rounds(modes, docs, args.rounds)
    finally:
        cluster.close()
    report(rates, outputs)
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    return parser.parse_args()


def run_rounds(modes: dict, docs: list[Document], rounds: int) -> tuple[dict, dict]:
    """docs/s per mode and round (order rotated each round), and each mode's last output."""
    rates: dict[str, list[float]] = {name: [] for name in modes}
    outputs: dict[str, list] = {}
    names = list(modes)
    for round_no in range(rounds):
        order = names[round_no % len(names):] + names[:round_no % len(names)]
        for name in order:
            started = time.perf_counter()
            outputs[name] = [facets for _, facets in enrich_safely(modes[name](), docs)]
            elapsed = time.perf_counter() - started
            rates[name].append(len(docs) / elapsed)
            print(f"round {round_no + 1} {name:<15} {elapsed:6.1f} s  "
                  f"{len(docs) / elapsed:5.1f} docs/s", flush=True)
    return rates, outputs


def report(rates: dict, outputs: dict) -> None:
    median = {name: statistics.median(values) for name, values in rates.items()}
    print("\nmode              median docs/s   vs --workers 1")
    for name, rate in median.items():
        print(f"{name:<17} {rate:13.1f}   x{rate / median['--workers 1']:.2f}")
    print(f"dask local:2 / --workers 2 = {median['--dask local:2'] / median['--workers 2']:.2f}")
    same = all(output == outputs["--workers 1"] for output in outputs.values())
    print(f"facets identical in every mode: {same}")


if __name__ == "__main__":
    logging.getLogger("distributed").setLevel(logging.ERROR)
    sys.exit(main())
