"""Enrichment on a Dask cluster: the same `Enricher` as a local run, one model per worker.

`ClusterEnricher.enrich(docs)` cuts the documents into partitions of PARTITION_DOCS, runs
`enrich_partition` (the local `Enricher` behind `enrich_safely`) on the workers, and yields
(document, facets) in input order, so the single index writer stores exactly what a local
run stores. At most IN_FLIGHT_PER_THREAD partitions per worker thread are out (submitted or
finished but not yet handed on), which bounds memory however large the input. Each worker
process loads the model once, on its first partition, and keeps it (a per-process cache;
a worker that restarts loads it again). A worker lost mid-run is Dask's business: its
partitions are recomputed elsewhere. A partition that kills workers repeatedly (Dask gives
up after `distributed.scheduler.allowed-failures`) is reported as failed, document by
document, and the run goes on.

Targets: `tcp://host:8786` (any address a Dask client accepts) or `local[:N]`, a
LocalCluster of N single-threaded worker processes on 127.0.0.1 (default: one per core).
`dask` and `distributed` are the optional extra `trawl[cluster]`.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import pickle
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.document import Document, Facets
from search.errors import TrawlError

#: documents per task: a few seconds of NER, small enough to balance and to recompute
PARTITION_DOCS = 32
#: partitions out per worker thread (one running, one queued): the back-pressure window
IN_FLIGHT_PER_THREAD = 2
#: how long to wait for the scheduler to answer, and for its first worker
CONNECT_TIMEOUT_S = 30
#: a run whose cluster has had no worker for this long ends with an error
NO_WORKERS_TIMEOUT_S = 300
#: how often the client checks on the cluster while waiting for a partition
POLL_S = 5.0
LOCAL_PREFIX = "local"


class ClusterError(TrawlError):
    """The Dask cluster cannot be used: missing extra, unreachable, no workers, lost."""

    code = "cluster_failed"


@dataclass(frozen=True)
class WorkerOptions:
    """What a worker needs to build its Enricher; the watchlist travels as text."""

    model: str | None
    batch_size: int
    aliases_name: str | None = None
    aliases_text: str | None = None

    def key(self) -> tuple:
        digest = hashlib.sha256((self.aliases_text or "").encode()).hexdigest()
        return (self.model, self.batch_size, self.aliases_name, digest)


def parse_target(text: str) -> tuple[str, int | None]:
    """("local", N or None) or ("address", None); ValueError with the reason if unreadable."""
    text = text.strip()
    if text == LOCAL_PREFIX or text.startswith(LOCAL_PREFIX + ":"):
        count = text[len(LOCAL_PREFIX) + 1:]
        if not count:
            return LOCAL_PREFIX, None
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"expected local:N with N a whole number of at least 1, got {text!r}")
        return LOCAL_PREFIX, int(count)
    if "://" not in text or not text.split("://", 1)[1]:
        raise ValueError(f"expected a scheduler address such as tcp://host:8786, or local[:N], "
                         f"got {text!r}")
    return text, None


def worker_options(model: str | None, aliases: str | None, batch_size: int) -> WorkerOptions:
    """Options for the workers; the watchlist is validated here, then shipped as text."""
    if not aliases:
        return WorkerOptions(model, batch_size)
    from indexer.watchlist import load_watchlist

    load_watchlist(str(aliases))  # a bad file is a one-line error before any cluster starts
    text = Path(aliases).read_text(encoding="utf-8")
    return WorkerOptions(model, batch_size, Path(aliases).name, text)


# --- on the workers -------------------------------------------------------------------------

_worker_lock = threading.Lock()
_worker_enrichers: dict[tuple, object] = {}


def worker_enricher(options: WorkerOptions):
    """This process's Enricher for the options, built on first use (model loaded once)."""
    from indexer.enrich import Enricher

    key = options.key()
    if key not in _worker_enrichers:
        _worker_enrichers[key] = Enricher.from_config(
            options.model, _watchlist_file(options), workers=1, batch_size=options.batch_size)
    return _worker_enrichers[key]


def _watchlist_file(options: WorkerOptions) -> str | None:
    """The shipped watchlist written once per process under its own name and content hash."""
    if options.aliases_text is None:
        return None
    folder = Path(tempfile.gettempdir()) / f"trawl-watchlist-{os.getpid()}-{options.key()[3][:16]}"
    path = folder / (options.aliases_name or "watchlist.yaml")
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(options.aliases_text, encoding="utf-8")
    return str(path)


def enrich_partition(options: WorkerOptions, docs: list[Document]) -> list[Facets | Exception]:
    """Facets (or the error) of each document, in order: the local enrichment, on a worker.

    One partition at a time per process: a worker started with several threads shares one
    model, and spaCy pipelines are not meant to be run from several threads at once.
    """
    from indexer.failsafe import enrich_safely

    with _worker_lock:
        enricher = worker_enricher(options)
        return [_portable(result) for _, result in enrich_safely(enricher, docs)]


def warm_up(options: WorkerOptions) -> str:
    """Load the model on a worker now, so a missing model fails before any work is sent."""
    with _worker_lock:
        worker_enricher(options)
    return "ready"


def _portable(result):
    """An error that cannot be pickled back is replaced by one that says the same."""
    if not isinstance(result, Exception):
        return result
    try:
        pickle.dumps(result)
        return result
    except Exception:
        return RuntimeError(f"{type(result).__name__}: {result}")


# --- on the client --------------------------------------------------------------------------

class ClusterEnricher:
    """An EnricherLike that runs enrichment on a Dask cluster (see the module docstring)."""

    def __init__(self, target: str, options: WorkerOptions, partition_docs: int = PARTITION_DOCS,
                 connect_timeout_s: float = CONNECT_TIMEOUT_S):
        self.target = target
        self.options = options
        self.partition_docs = partition_docs
        self.connect_timeout_s = connect_timeout_s
        self._client = None
        self._cluster = None
        self._runs = itertools.count()

    def __enter__(self) -> ClusterEnricher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> ClusterEnricher:
        """Connect (starting the LocalCluster) and load the model on the workers now."""
        _ = self.client
        return self

    @property
    def client(self):
        if self._client is None:
            self._client = self._connect()
        return self._client

    def enrich(self, docs: Iterable[Document]) -> Iterator[tuple[Document, Facets | Exception]]:
        """(document, facets or error) for each document, in input order."""
        client = self.client
        stream = _Window(client, self.options, _partitions(docs, self.partition_docs),
                         max(2, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values())),
                         f"trawl-enrich-{os.getpid()}-{next(self._runs)}")
        try:
            yield from stream.results()
        finally:
            stream.cancel()

    def close(self) -> None:
        """Disconnect, and stop the LocalCluster if this enricher started one."""
        client, cluster, self._client, self._cluster = self._client, self._cluster, None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def _connect(self):
        distributed = _import_distributed()
        where, workers = parse_target(self.target)
        try:
            if where == LOCAL_PREFIX:
                self._cluster = distributed.LocalCluster(
                    n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                    processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
                    silence_logs=logging.ERROR)
                where = self._cluster.scheduler_address
            client = distributed.Client(where, timeout=self.connect_timeout_s)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ClusterError(f"cannot reach the Dask scheduler at {where}: {exc}") from None
        self._client = client
        try:
            client.wait_for_workers(1, timeout=self.connect_timeout_s)
            client.run(warm_up, self.options)  # a missing model fails here, on every worker
        except TimeoutError:
            self.close()
            raise ClusterError(f"the Dask scheduler at {where} has no workers") from None
        except BaseException:
            self.close()
            raise
        return client


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise ClusterError("--dask needs the cluster extra: pip install 'trawl[cluster]'") from None
    return distributed


def _partitions(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    source = iter(docs)
    while part := list(itertools.islice(source, size)):
        yield part


class _Window:
    """Partitions in flight, at most `limit` at once; results handed on in input order."""

    def __init__(self, client, options: WorkerOptions, parts: Iterator[list[Document]],
                 limit: int, run_key: str):
        self.client = client
        self.options = options
        self.parts = enumerate(parts)
        self.limit = limit
        self.run_key = run_key
        self.docs: dict[int, list[Document]] = {}  # submitted and not yet handed on
        self.futures: dict[object, int] = {}  # running
        self.done: dict[int, list] = {}  # finished, waiting for an earlier partition
        self.next_out = 0

    def results(self) -> Iterator[tuple[Document, Facets | Exception]]:
        self._fill()
        while self.docs:
            while self.next_out not in self.done:
                self._collect()
            docs = self.docs.pop(self.next_out)
            results = self.done.pop(self.next_out)
            self.next_out += 1
            self._fill()
            yield from zip(docs, results, strict=True)

    def cancel(self) -> None:
        if self.futures:
            self.client.cancel(list(self.futures))
            self.futures.clear()

    def _fill(self) -> None:
        while len(self.docs) < self.limit:
            seq, part = next(self.parts, (None, None))
            if part is None:
                return
            self.docs[seq] = part
            future = self.client.submit(enrich_partition, self.options, part, pure=False,
                                        key=f"{self.run_key}-{seq}")
            self.futures[future] = seq

    def _collect(self) -> None:
        """Wait for some partition to finish (checking that the cluster still has workers)."""
        from distributed import wait

        idle_since = None
        while True:
            try:
                finished, _ = wait(list(self.futures), timeout=POLL_S,
                                   return_when="FIRST_COMPLETED")
                break
            except TimeoutError:
                idle_since = self._check_workers(idle_since)
        for future in finished:
            seq = self.futures.pop(future)
            self.done[seq] = self._result(future, self.docs[seq])

    def _check_workers(self, idle_since: float | None) -> float | None:
        if self.client.nthreads():
            return None
        now = time.monotonic()
        if idle_since is not None and now - idle_since > NO_WORKERS_TIMEOUT_S:
            raise ClusterError(f"the Dask cluster has had no workers for "
                               f"{NO_WORKERS_TIMEOUT_S} s")
        return idle_since or now

    def _result(self, future, docs: list[Document]) -> list:
        from distributed import KilledWorker

        try:
            return future.result()
        except TrawlError:
            raise
        except KilledWorker as exc:  # the partition itself kills workers: report, go on
            return [RuntimeError(f"the Dask workers enriching it died: {exc}")] * len(docs)
        except Exception as exc:
            raise ClusterError(f"enrichment failed on the Dask cluster: "
                               f"{type(exc).__name__}: {exc}") from exc
