"""Failover on a 3-node Typesense Raft cluster on loopback: a node SIGKILLed under a search
load, searches keep answering through the client's node list, the node restarts and
rejoins with its data. Marked `cluster` (started by CI's full run, ~30 s)."""

from __future__ import annotations

import threading
import time

import pytest
from search_corpus import CORPUS, to_document

from indexer.typesense_build import index_fields
from search.backend import BackendConfig, open_backend
from search.model import SearchRequest
from search.schema import document_fields
from search.typesense_node import start_cluster

pytestmark = pytest.mark.cluster

KEY = "trawl-cluster-key"
REPLICATION_WAIT_S = 60.0
LOAD_AFTER_KILL_S = 3.0


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    nodes = start_cluster(tmp_path_factory.mktemp("ts-cluster"), KEY, size=3)
    try:
        for node in nodes:
            node.wait_healthy()  # healthy once the nodes elected a leader
        yield nodes
    finally:
        for node in nodes:
            node.stop()


def config_of(nodes) -> BackendConfig:
    return BackendConfig(kind="typesense", typesense_urls=tuple(n.url for n in nodes),
                         typesense_key=KEY, collection="failover")


def wait_for(check, timeout_s: float = REPLICATION_WAIT_S):
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if check():
                return
        except Exception:  # noqa: BLE001 - a node still catching up; asked again
            if time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            raise TimeoutError("the cluster did not reach the expected state")
        time.sleep(0.2)


def holds_corpus(node) -> bool:
    """This node alone answers a search with the whole corpus."""
    backend = open_backend(config_of([node]))
    return backend.search(SearchRequest()).total == len(CORPUS)


class SearchLoad:
    """Searches in a thread until stopped; records every answer's total or error."""

    def __init__(self, config: BackendConfig):
        self.backend = open_backend(config)
        self.totals: list[int] = []
        self.errors: list[Exception] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        req = SearchRequest.from_params({"q": "aleppo", "actor": "UN"})
        while not self._stop.is_set():
            try:
                self.totals.append(self.backend.search(req).total)
            except Exception as exc:  # noqa: BLE001 - counted: the test asserts there are none
                self.errors.append(exc)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(30)


def test_searches_survive_a_killed_node_and_the_node_rejoins(cluster):
    config = config_of(cluster)
    index_fields(config, (document_fields(*to_document(d)) for d in CORPUS))
    for node in cluster:
        wait_for(lambda node=node: holds_corpus(node))
    victim = cluster[0]  # first in the client's list: its requests must move to the others
    with SearchLoad(config) as load:
        time.sleep(0.5)
        before = len(load.totals)
        victim.kill()
        time.sleep(LOAD_AFTER_KILL_S)
    assert load.errors == []
    assert len(load.totals) > before + 10  # searches went on after the kill
    assert set(load.totals) == {2}  # d1 and d7, on every answer
    victim.start()
    victim.wait_healthy()
    wait_for(lambda: holds_corpus(victim))
    assert open_backend(config_of([victim])).get_document("d4")["title"] == "Öcalan statement"
