"""`trawl index --backend typesense`: the builder's run (indexer.build) into a Typesense
collection, behind an alias that searches read.

Incremental by default: the collection keeps each document's `content_hash` and `path`, read
once per run, so unchanged documents are skipped and `--prune` works as on the embedded index.
`--rebuild` (or a first run) fills a new collection and then moves the alias to it: searches
never see a half-built index; the old collection is dropped afterwards. Documents go in
batches (`import` with action upsert), each batch retried on a transport error.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from typesense import exceptions as ts_errors

from indexer.build import BuildReport, EnricherLike, Progress, _Run
from indexer.roots import RootScope, load_roots
from indexer.writer import IndexWriteError
from search.backend import BackendConfig, BackendUnavailable
from search.typesense import call, make_client
from search.typesense_schema import collection_schema, to_document

IMPORT_BATCH_DOCS = 200
IMPORT_ATTEMPTS = 4
RETRY_WAIT_S = 0.5
DELETE_BATCH_IDS = 100


class TypesenseWriter:
    """Upserts and deletes documents of one collection in batches (search.backend.DocumentWriter)."""

    def __init__(self, client, collection: str):
        self.client = client
        self.collection = collection
        self._batch: list[dict] = []

    def add(self, fields: dict, replace: bool = False) -> None:
        self._batch.append(to_document(fields))  # upsert: a replaced document is overwritten
        if len(self._batch) >= IMPORT_BATCH_DOCS:
            self._flush()

    def delete(self, ids: list[str]) -> None:
        self._flush()
        documents = self.client.collections[self.collection].documents
        for start in range(0, len(ids), DELETE_BATCH_IDS):
            quoted = ",".join("`" + i.replace("`", "") + "`"
                              for i in ids[start:start + DELETE_BATCH_IDS])
            _retrying(documents.delete, {"filter_by": f"id:[{quoted}]"})

    def finish(self) -> int:
        self._flush()
        info = _retrying(self.client.collections[self.collection].retrieve, lagging=True)
        return int(info["num_documents"])

    def cancel(self) -> None:
        self._batch = []  # what was imported stays: each batch is a complete set of documents

    def _flush(self) -> None:
        if self._batch:
            batch, self._batch = self._batch, []
            documents = self.client.collections[self.collection].documents
            results = _retrying(documents.import_, batch, {"action": "upsert"})
            failed = [r for r in results if not r.get("success")]
            if failed:
                raise IndexWriteError(f"typesense refused {len(failed)} of {len(batch)} "
                                      f"documents: {failed[0].get('error')}")


def _retrying(action, *args, lagging: bool = False):
    """`action(*args)`, tried IMPORT_ATTEMPTS times while no node answers; with `lagging`,
    also while the answering node does not know the collection yet (a follower that has not
    applied the collection's creation answers 404 for a moment under load)."""
    retried = (BackendUnavailable, ts_errors.ObjectNotFound) if lagging else (BackendUnavailable,)
    for attempt in range(IMPORT_ATTEMPTS):
        try:
            return call(action, *args)
        except retried:
            if attempt == IMPORT_ATTEMPTS - 1:
                raise
            time.sleep(RETRY_WAIT_S * 2 ** attempt)
    raise AssertionError("unreachable")


def read_manifest(client, collection: str) -> dict[str, tuple[str, str]]:
    """`id -> (content_hash, path)` of every document in the collection."""
    exported = call(client.collections[collection].documents.export,
                    {"include_fields": "id,content_hash,path"})
    manifest = {}
    for line in exported.splitlines():
        if line.strip():
            doc = json.loads(line)
            manifest[doc["id"]] = (doc.get("content_hash", ""), doc.get("path", ""))
    return manifest


def live_collection(client, alias: str) -> str | None:
    try:
        return call(client.aliases[alias].retrieve)["collection_name"]
    except ts_errors.ObjectNotFound:
        return None


def build_typesense_index(config: BackendConfig, paths: Sequence[str], enricher: EnricherLike,
                          *, rebuild: bool = False, prune: bool = False,
                          progress: Progress | None = None) -> BuildReport:
    """Index `paths` into the Typesense collection behind `config.collection`."""
    started = time.perf_counter()
    client = make_client(config)
    live = live_collection(client, config.collection)
    report = BuildReport(rebuilt=rebuild or live is None)
    if report.rebuilt:
        report.generation = _build_fresh(client, config.collection, live, paths, enricher,
                                         report, progress)
    else:
        run = _Run(report, read_manifest(client, live), progress)
        scope = RootScope(paths) if prune else None
        report.documents = run.write(TypesenseWriter(client, live), load_roots(paths),
                                     enricher, scope)
        report.generation = live
    report.elapsed = time.perf_counter() - started
    return report


def index_fields(config: BackendConfig, documents: Iterable[dict]) -> str:
    """Index field dicts (search.schema.document_fields) as a fresh collection and move the
    alias to it, as `--rebuild` does without loading or enriching files; its name."""
    client = make_client(config)
    live = live_collection(client, config.collection)
    name = _new_collection(client, config.collection)
    writer = TypesenseWriter(client, name)
    for fields in documents:
        writer.add(fields)
    writer.finish()
    _publish(client, config.collection, name, live)
    return name


def _new_collection(client, alias: str) -> str:
    name = f"{alias}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%f')}"
    call(client.collections.create, collection_schema(name))
    return name


def _publish(client, alias: str, name: str, live: str | None) -> None:
    """Point the alias at `name` (searches switch at once), then drop the old collection."""
    call(client.aliases.upsert, alias, {"collection_name": name})
    if live is not None:
        _drop(client, live)


def _build_fresh(client, alias: str, live: str | None, paths, enricher, report,
                 progress) -> str | None:
    """Fill a new collection, then point the alias at it and drop the old one."""
    name = _new_collection(client, alias)
    try:
        report.documents = _Run(report, {}, progress).write(
            TypesenseWriter(client, name), load_roots(paths), enricher)
    except BaseException:
        _drop(client, name)
        raise
    if not report.indexed:
        _drop(client, name)
        report.documents = 0 if live is None else int(
            call(client.collections[live].retrieve)["num_documents"])
        return live
    _publish(client, alias, name, live)
    return name


def _drop(client, collection: str) -> None:
    with contextlib.suppress(ts_errors.TypesenseClientError, OSError):
        client.collections[collection].delete()
