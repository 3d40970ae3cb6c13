"""Killing or interrupting `trawl index` mid-run leaves the previous index complete and usable.

These tests run the real CLI in a subprocess over a generated corpus large enough for the run
to take a few seconds, and signal it once its progress output shows it is writing.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from builder_kit import (
    generation_dirs,
    news_records,
    save_tiny_model,
    search_ids,
    stored_documents,
    write_jsonl,
    write_md,
)

from indexer.cli import main
from indexer.lock import IndexLock, IndexLocked
from search import store

REPO = Path(__file__).resolve().parents[2]
#: documents after which the run is surely writing (a progress line after every document)
WRITING_DOCS = 1000
BIG_CORPUS_DOCS = 2 * WRITING_DOCS
WAIT_S = 120


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> str:
    return str(save_tiny_model(tmp_path_factory.mktemp("model") / "tiny"))


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("big") / "feed.jsonl", news_records(BIG_CORPUS_DOCS))


@pytest.fixture
def live(tmp_path, model, monkeypatch, capsys) -> Path:
    """An index of two small reports; returns the index directory."""
    monkeypatch.chdir(tmp_path)
    write_md(tmp_path / "news", "a.md", "Rebels enter Aleppo", "Hayat Tahrir al-Sham in Aleppo.")
    write_md(tmp_path / "news", "b.md", "Troops leave Hama", "Bashar al-Assad lost Hama.")
    assert main(["--index", "ix", "index", "news", "--model", model]) == 0
    capsys.readouterr()
    return tmp_path / "ix"


class Indexer:
    """`trawl index` in a subprocess, with its stderr lines readable as they come."""

    def __init__(self, index_dir: Path, *args: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "indexer.cli", "--index", str(index_dir), "index", *args],
            cwd=index_dir.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(REPO), "TRAWL_PROGRESS_SECONDS": "0"},
            start_new_session=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, prefix: str) -> str:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            line = self.lines.get(timeout=WAIT_S)
            if line is None:
                break
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no line starting with {prefix!r}; stderr: {self.seen}")

    def stop(self, sig: int, group: bool = False) -> int:
        """Signal the indexer (or, like Ctrl-C in a terminal, its whole process group)."""
        if group:
            os.killpg(self.proc.pid, sig)
        else:
            self.proc.send_signal(sig)
        status = self.proc.wait(timeout=WAIT_S)
        self.proc.stdout.close()
        while (line := self.lines.get(timeout=WAIT_S)) is not None:
            self.seen.append(line)
        return status


def wait_for_lock(index_dir: Path) -> None:
    """The lock frees itself once every process of the killed run is gone."""
    deadline = time.monotonic() + 10
    while True:
        try:
            with IndexLock(index_dir):
                return
        except IndexLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def assert_old_index_intact(index_dir: Path, generation: str) -> None:
    assert store.generation_name(index_dir) == generation
    assert sorted(stored_documents(index_dir)) == ["a.md", "b.md"]
    assert search_ids(index_dir, "place", "Aleppo") == ["a.md"]
    assert search_ids(index_dir, "body", "hama") == ["b.md"]


@pytest.mark.parametrize("mode, when", [([], "first"), ([], "last"), (["--rebuild"], "first")],
                         ids=["update-writing", "update-committing", "rebuild-writing"])
def test_sigkill_mid_run_keeps_the_previous_index(live, big, model, capsys, mode, when):
    generation = store.generation_name(live)
    run = Indexer(live, "news", str(big), "--model", model, *mode)
    docs = WRITING_DOCS if when == "first" else BIG_CORPUS_DOCS
    run.wait_for(f"progress: {docs} of ")  # writing (first) or committing (last)
    assert run.stop(signal.SIGKILL) == -signal.SIGKILL
    wait_for_lock(live)
    assert_old_index_intact(live, generation)

    assert main(["--index", "ix", "index", "news", "--model", model]) == 0
    assert "indexed 0, unchanged 2, skipped 0" in capsys.readouterr().out
    assert generation_dirs(live) == [generation]  # the killed run's leftovers are gone


@pytest.mark.parametrize("mode", [[], ["--rebuild"]], ids=["update", "rebuild"])
def test_ctrl_c_exits_130_and_keeps_the_previous_index(live, big, model, mode):
    generation = store.generation_name(live)
    run = Indexer(live, "news", str(big), "--model", model, *mode)
    run.wait_for(f"progress: {WRITING_DOCS} of ")
    assert run.stop(signal.SIGINT, group=True) == 130
    assert run.seen[-1] == ("trawl: interrupted; the index holds what was committed before "
                            "Ctrl-C (a new or --rebuild index is left as it was)")
    assert not any("Traceback" in line for line in run.seen)
    with IndexLock(live):  # released at exit, nothing left behind
        pass
    assert_old_index_intact(live, generation)
    assert generation_dirs(live) == [generation]


def running_in_group(pgid: int) -> list[int]:
    """PIDs of the processes of a process group that are still alive (not zombies)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


def wait_for_group_to_end(pgid: int) -> None:
    deadline = time.monotonic() + 10
    while running_in_group(pgid):
        assert time.monotonic() < deadline, f"still running: {running_in_group(pgid)}"
        time.sleep(0.05)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_worker_processes_end_with_the_indexer(live, big, model, sig):
    generation = store.generation_name(live)
    run = Indexer(live, "news", str(big), "--model", model, "--workers", "2")
    run.wait_for(f"progress: {WRITING_DOCS} of ")
    assert len(running_in_group(run.proc.pid)) == 4  # indexer, writer, two spaCy workers
    status = run.stop(sig, group=sig == signal.SIGINT)
    assert status == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    assert not any("Traceback" in line or "Warning" in line for line in run.seen)
    wait_for_group_to_end(run.proc.pid)
    wait_for_lock(live)
    assert_old_index_intact(live, generation)


def test_a_second_writer_is_refused_while_a_run_is_going(live, big, model, capsys):
    run = Indexer(live, str(big), "--model", model)
    run.wait_for(f"progress: {WRITING_DOCS} of ")
    status = main(["--index", "ix", "index", "news", "--model", model])
    err = capsys.readouterr().err
    run.stop(signal.SIGKILL)
    assert status == 1
    assert err == (f"trawl: error: index is locked by PID {run.proc.pid} "
                   "(another trawl index is running)\n")


def test_processes_forked_by_the_lock_holder_do_not_keep_the_lock(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", _FORKING_HOLDER, str(tmp_path / "ix")],
                              stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    child_pid = int(holder.stdout.readline())
    try:
        with pytest.raises(IndexLocked, match=f"locked by PID {holder.pid} "):
            IndexLock(tmp_path / "ix").acquire()
        holder.kill()
        holder.wait()
        with IndexLock(tmp_path / "ix"):  # free although the forked child still runs
            os.kill(child_pid, 0)
    finally:
        os.kill(child_pid, signal.SIGKILL)
        holder.stdout.close()


_FORKING_HOLDER = """
import multiprocessing, sys, time
from indexer.lock import IndexLock
def sleeper(ready):  # runs after the fork hooks: the inherited lock is closed by then
    ready.set()
    time.sleep(60)
lock = IndexLock(sys.argv[1]); lock.acquire()
fork = multiprocessing.get_context("fork")
ready = fork.Event()
child = fork.Process(target=sleeper, args=(ready,))
child.start()
ready.wait(30)
print(child.pid, flush=True)
time.sleep(60)
"""
