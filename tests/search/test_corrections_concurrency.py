"""Concurrent edits of the corrections file: nothing lost, a stale edit refused, the file
always whole (indexer.corrections: flock + version check + atomic replace)."""

from __future__ import annotations

import multiprocessing
import threading

import pytest
from search_corpus import write_generation

from indexer.corrections import correct
from search import open_index
from search.corrections import StaleCorrections, read_corrections

ACTORS = [f"Group {chr(65 + i)}" for i in range(16)]


@pytest.fixture
def index_dir(tmp_path):
    docs = [{"id": f"g{i}", "title": f"T{i}", "text": f"{name} spoke.", "actor": [name]}
            for i, name in enumerate(ACTORS)]
    return write_generation(tmp_path / "index", docs)


def rename_all(index_dir, names: list[str], via: str = "cli") -> None:
    gen = open_index(index_dir).generation()
    for name in names:
        correct(index_dir, gen, {"op": "rename", "facet": "actor", "value": name,
                                 "name": f"{name} (renamed)"}, via)


def test_threads_editing_at_once_lose_nothing(index_dir):
    threads = [threading.Thread(target=rename_all, args=(index_dir, ACTORS[i::8]))
               for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = read_corrections(index_dir)
    assert found.problem is None
    assert sorted(e.value for e in found.entries) == sorted(ACTORS)
    assert sorted(e.id for e in found.entries) == sorted(f"c{i}" for i in range(1, 17))
    gen = open_index(index_dir).generation()
    assert set(gen.correction_status.values()) == {"applied"}


def test_processes_editing_at_once_lose_nothing(index_dir):
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=rename_all, args=(index_dir, ACTORS[i::2], "api"))
               for i in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0]
    found = read_corrections(index_dir)
    assert sorted(e.value for e in found.entries) == sorted(ACTORS)
    assert len({e.id for e in found.entries}) == 16


def test_of_two_editors_who_read_the_same_version_the_second_is_refused(index_dir):
    version = read_corrections(index_dir).version
    gen = open_index(index_dir).generation()
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def edit(name: str) -> None:
        start.wait()
        try:
            correct(index_dir, gen, {"op": "drop", "facet": "actor", "value": name}, "browser",
                    version)
            outcomes.append("written")
        except StaleCorrections:
            outcomes.append("stale")

    threads = [threading.Thread(target=edit, args=(name,)) for name in ACTORS[:2]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["stale", "written"]
    assert len(read_corrections(index_dir).entries) == 1
