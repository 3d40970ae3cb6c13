"""The index builder: load -> skip unchanged -> enrich -> write, streaming, under the lock.

Incremental by default: the live generation's `id -> content_hash` is read once; a document
whose hash is unchanged is neither enriched nor rewritten, a changed one is replaced, a new
one added, and with `prune` documents under this run's roots whose files are gone are
deleted. Commits happen every COMMIT_EVERY_DOCS documents, so an interrupted incremental run
keeps what it committed (each commit is a complete, searchable index).

With no live index, or `rebuild`, a fresh generation is built beside the live one and only
published (one atomic symlink swap) when complete; a crash leaves the live index untouched.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from indexer.document import Document, Facets, Problem
from indexer.failsafe import enrich_safely
from indexer.lock import IndexLock
from indexer.roots import RootScope, load_roots, normalise
from indexer.writer import BackgroundWriter, CommitPolicy
from search import store
from search.errors import TrawlError
from search.schema import document_fields, make_schema

#: documents between commits of an incremental run (readers see each commit)
COMMIT_EVERY_DOCS = 5000
#: a fresh generation commits whenever the writer is idle and holds this many documents
IDLE_COMMIT_MIN_DOCS = 64


@dataclass
class BuildReport:
    """What one indexing run did; `problems` were skipped on load, `failures` in enrichment."""

    indexed: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    pruned: int = 0
    elapsed: float = 0.0
    #: documents in the index after the run
    documents: int = 0
    generation: str | None = None
    rebuilt: bool = False
    problems: list[Problem] = field(default_factory=list)
    failures: list[Problem] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.indexed + self.unchanged + self.failed

    @property
    def ok(self) -> bool:
        """Something could be indexed (or was already up to date)."""
        return bool(self.indexed or self.unchanged)

    def summary(self) -> str:
        rate = self.processed / self.elapsed if self.elapsed > 0 else 0.0
        return (f"indexed {self.indexed}, unchanged {self.unchanged}, skipped {self.skipped}, "
                f"failed {self.failed}, pruned {self.pruned} in {self.elapsed:.1f} s "
                f"({rate:.1f} docs/s)")


class Progress(Protocol):
    """Receives the running report after each document, and each problem as it happens."""

    def advance(self, report: BuildReport) -> None: ...

    def problem(self, kind: str, problem: Problem) -> None: ...


class EnricherLike(Protocol):
    """What the builder needs of `indexer.enrich.Enricher`."""

    def enrich(self, docs: Iterable[Document]) -> Iterator[tuple[Document, Facets]]: ...


def build_index(index_dir: str | os.PathLike, paths: Sequence[str], enricher: EnricherLike, *,
                rebuild: bool = False, prune: bool = False,
                progress: Progress | None = None) -> BuildReport:
    """Index the files under `paths` into `index_dir` (see the module docstring)."""
    started = time.perf_counter()
    with IndexLock(index_dir):
        store.remove_stale_generations(Path(index_dir))  # left by crashed runs
        fresh = rebuild or not store.has_index(index_dir)
        report = BuildReport(rebuilt=fresh)
        if fresh:
            _build_fresh(index_dir, paths, enricher, report, progress)
        else:
            _update_live(index_dir, paths, enricher, report, progress, prune)
        report.generation = store.generation_name(index_dir)
    report.elapsed = time.perf_counter() - started
    return report


def _build_fresh(index_dir, paths, enricher, report, progress) -> None:
    """Write a new generation and publish it when complete (never if nothing was indexed)."""
    generation, _ = store.create_generation(index_dir)
    try:
        run = _Run(report, {}, progress)
        policy = CommitPolicy(idle_min=IDLE_COMMIT_MIN_DOCS, final_merge=False)
        writer = BackgroundWriter(generation, policy).start()
        report.documents = run.write(writer, load_roots(paths), enricher)
        if not report.indexed:
            shutil.rmtree(generation, ignore_errors=True)
            report.documents = _live_count(index_dir)
            return
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    store.publish(index_dir, generation)


class IndexOutdated(TrawlError):
    """The live index has other fields than this version of Trawl writes."""

    code = "index_outdated"


def _update_live(index_dir, paths, enricher, report, progress, prune: bool) -> None:
    """Apply changes to the live generation, committing every COMMIT_EVERY_DOCS documents."""
    _check_schema(index_dir)
    stored = read_manifest(index_dir)
    run = _Run(report, stored, progress)
    policy = CommitPolicy(every=COMMIT_EVERY_DOCS)
    writer = BackgroundWriter(store.live_path(index_dir), policy).start()
    scope = RootScope(paths) if prune else None
    report.documents = run.write(writer, load_roots(paths), enricher, scope)


def _check_schema(index_dir) -> None:
    """Refuse to update an index whose fields differ from the current schema's."""
    if set(store.open_live(index_dir).schema.names()) != set(make_schema().names()):
        raise IndexOutdated(f"the index in {index_dir} was built by another version of Trawl; "
                            f"rebuild it: trawl --index {index_dir} index --rebuild PATH...")


def _live_count(index_dir) -> int:
    return store.open_live(index_dir).doc_count() if store.has_index(index_dir) else 0


def read_manifest(index_dir: str | os.PathLike) -> dict[str, tuple[str, str]]:
    """`id -> (content_hash, path)` of every document in the live index."""
    ix = store.open_live(index_dir)
    with ix.reader() as reader:
        return {f["id"]: (f.get("content_hash", ""), f.get("path", ""))
                for f in reader.all_stored_fields()}


def _fields(doc: Document, facets) -> dict | Exception:
    """The stored fields of an enriched document, or the error that makes it unstorable."""
    try:
        return document_fields(doc, facets)
    except Exception as error:  # noqa: BLE001 - reported for this document, the run goes on
        return error


class _Run:
    """The state of one run: what is stored, what was seen, and the report being filled."""

    def __init__(self, report: BuildReport, stored: dict[str, tuple[str, str]],
                 progress: Progress | None):
        self.report = report
        self.stored = stored
        self.progress = progress
        self.seen: dict[str, tuple[str, str]] = {}  # id -> (hash, path) loaded in this run
        self.problem_paths: set[str] = set()

    def write(self, writer: BackgroundWriter, items, enricher,
              scope: RootScope | None = None) -> int:
        """Stream the run through the writer; returns the document count after the commit."""
        try:
            for doc, result in enrich_safely(enricher, self.select(items)):
                fields = result if isinstance(result, Exception) else _fields(doc, result)
                if isinstance(fields, Exception):
                    self._fail(doc, fields)
                else:
                    writer.add(fields, replace=doc.id in self.stored)
                    self.report.indexed += 1
                self._advance()
            if scope is not None:
                self._prune(writer, scope)
            return writer.finish()
        except BaseException:
            writer.cancel()
            raise

    def select(self, items) -> Iterator[Document]:
        """The loaded documents that need enrichment; counts the rest."""
        for item in items:
            if isinstance(item, Problem):
                self._skip(item)
                continue
            doc_hash = item.content_hash
            first = self.seen.get(item.id)
            if first is not None:
                self._skip(Problem(item.path, None, f"duplicate document id {item.id!r} "
                                                    f"(first loaded from {first[1]})"))
                continue
            self.seen[item.id] = (doc_hash, item.path)
            if self.stored.get(item.id, ("",))[0] == doc_hash:
                self.report.unchanged += 1
                self._advance()
            else:
                yield item

    def _prune(self, writer: BackgroundWriter, scope: RootScope) -> None:
        """Delete stored documents under the roots that this run did not load."""
        gone = [doc_id for doc_id, (_, path) in self.stored.items()
                if doc_id not in self.seen and scope.contains(path)
                and not self._has_problem(path)]
        if gone:
            writer.delete(gone)
        self.report.pruned = len(gone)

    def _has_problem(self, path: str) -> bool:
        """A file (or a folder above it) that was reported this run: keep its documents."""
        return any(path == p or path.startswith(p + "/") for p in self.problem_paths)

    def _skip(self, problem: Problem) -> None:
        self.report.skipped += 1
        self.report.problems.append(problem)
        self.problem_paths.add(normalise(problem.path))
        if self.progress:
            self.progress.problem("skipped", problem)

    def _fail(self, doc: Document, error: Exception) -> None:
        problem = Problem(doc.path, None, f"document {doc.id!r} could not be enriched: "
                                          f"{type(error).__name__}: {error}")
        self.report.failed += 1
        self.report.failures.append(problem)
        if self.progress:
            self.progress.problem("failed", problem)

    def _advance(self) -> None:
        if self.progress:
            self.progress.advance(self.report)
