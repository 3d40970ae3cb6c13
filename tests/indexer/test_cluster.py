"""Enrichment on a Dask cluster: same output as a local run, worker loss, errors.

The tests marked `cluster` start real Dask LocalClusters of worker processes on 127.0.0.1
and run the real spaCy model on samples/ (`make test` runs them; `-m "not cluster"` skips).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import signal
import socket
from pathlib import Path

import pytest
from builder_kit import stored_documents

from indexer.cli import main
from indexer.cluster import ClusterEnricher, ClusterError, parse_target, worker_options
from indexer.document import Document
from indexer.extract import extract_record
from indexer.load import load_paths
from indexer.watchlist import WatchlistError

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize(("text", "expected"), [
    ("local", ("local", None)),
    ("local:3", ("local", 3)),
    ("tcp://10.0.0.5:8786", ("tcp://10.0.0.5:8786", None)),
    (" tls://scheduler:8786 ", ("tls://scheduler:8786", None)),
])
def test_targets_are_parsed(text, expected):
    assert parse_target(text) == expected


@pytest.mark.parametrize("text", ["local:0", "local:two", "scheduler:8786", "tcp://", ""])
def test_bad_targets_say_what_is_expected(text):
    with pytest.raises(ValueError, match="expected"):
        parse_target(text)


@pytest.mark.parametrize(("argv", "message"), [
    (["extract", "x", "--dask", "local:0"], "local:N with N a whole number"),
    (["index", "x", "--dask", "local:2", "--workers", "2"], "with --dask the cluster's workers"),
])
def test_dask_usage_errors_exit_2(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_an_unreachable_scheduler_is_a_clear_error():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    enricher = ClusterEnricher(address, worker_options(None, None, 8), connect_timeout_s=1)
    with pytest.raises(ClusterError, match=f"cannot reach the Dask scheduler at {address}"):
        list(enricher.enrich([Document("a", "A", "text")]))


def test_the_watchlist_travels_as_text_after_being_checked(tmp_path):
    path = tmp_path / "watch.yaml"
    path.write_text("- {name: Hayat Tahrir al-Sham, type: actor, aliases: [HTS]}\n")
    options = worker_options("some_model", str(path), 16)
    assert (options.model, options.batch_size, options.aliases_name) == ("some_model", 16,
                                                                         "watch.yaml")
    assert "HTS" in options.aliases_text
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {name: X, type: weapon}\n")
    with pytest.raises(WatchlistError, match="bad.yaml: entry 1: type must be actor"):
        worker_options(None, str(bad), 16)


# --- on real clusters -------------------------------------------------------------------------

def cli_stdout(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(list(argv))
    return status, out.getvalue()


def sample_documents() -> list[Document]:
    return [item for item in load_paths([str(SAMPLES)]) if isinstance(item, Document)]


@pytest.fixture(scope="module")
def local_extract(real_nlp) -> str:
    """`trawl extract --explain samples/` run locally (the reference output)."""
    status, out = cli_stdout("extract", "--explain", str(SAMPLES))
    assert status == 0 and out.count("\n") == len(sample_documents())
    return out


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes (each under a nanny) on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as started:
        yield started


@pytest.mark.cluster
@pytest.mark.model
def test_extract_on_a_local_cluster_is_byte_identical(local_extract):
    status, out = cli_stdout("extract", "--explain", str(SAMPLES), "--dask", "local:2")
    assert status == 0
    assert out == local_extract


@pytest.mark.cluster
@pytest.mark.model
def test_an_index_built_on_the_cluster_equals_a_local_one(cluster, tmp_path, real_nlp):
    local, remote = tmp_path / "local", tmp_path / "remote"
    assert cli_stdout("--index", str(local), "index", str(SAMPLES))[0] == 0
    status, out = cli_stdout("--index", str(remote), "index", str(SAMPLES),
                             "--dask", cluster.scheduler_address)
    assert status == 0 and out.startswith(f"indexed {len(sample_documents())}, ")
    assert stored_documents(remote) == stored_documents(local)


@pytest.mark.cluster
@pytest.mark.model
def test_a_worker_killed_mid_run_is_replaced_and_nothing_changes(cluster, local_extract):
    docs = sample_documents()
    enricher = ClusterEnricher(cluster.scheduler_address, worker_options(None, None, 4),
                               partition_docs=3)
    with enricher:
        pids_before = set(enricher.client.run(os.getpid).values())
        stream = enricher.enrich(docs)
        records = [extract_record(*next(stream), explain=True)]
        killed = _kill_a_busy_worker(enricher.client)
        records += [extract_record(doc, facets, explain=True) for doc, facets in stream]
        enricher.client.wait_for_workers(2, timeout=120)
        pids_after = set(enricher.client.run(os.getpid).values())
    assert killed in pids_before and killed not in pids_after
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    assert lines == local_extract


def _kill_a_busy_worker(client) -> int:
    """SIGKILL the process of a worker that is enriching a partition right now."""
    busy = [address for address, keys in client.processing().items() if keys]
    assert busy, "no partition was in flight"
    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
    os.kill(pid, signal.SIGKILL)
    return pid
