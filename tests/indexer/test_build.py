"""The index builder: incremental runs, prune, rebuild, failures, the lock, progress output."""

from __future__ import annotations

import os

import pytest
from builder_kit import (
    BODY_A,
    BODY_B,
    CountingEnricher,
    counts,
    generation_dirs,
    news_records,
    search_ids,
    stored_documents,
    write_jsonl,
    write_md,
)
from whoosh import index as whoosh_index

from indexer.build import BuildReport, IndexOutdated, build_index, read_manifest
from indexer.document import Problem
from indexer.lock import IndexLock, IndexLocked
from indexer.model import ModelMissing
from indexer.roots import RootScope, load_roots
from search import store
from search.errors import TrawlError


def test_first_run_builds_and_publishes_a_generation(tmp_path, corpus, enricher):
    report = build_index(tmp_path / "ix", ["news"], enricher)
    assert counts(report) == {"indexed": 3, "unchanged": 0, "skipped": 0, "failed": 0,
                              "pruned": 0, "documents": 3, "rebuilt": True}
    assert report.generation == store.generation_name(tmp_path / "ix")
    assert generation_dirs(tmp_path / "ix") == [report.generation]
    assert sorted(enricher.enriched) == ["a.md", "b.md", "sub/c.md"]
    docs = stored_documents(tmp_path / "ix")
    assert {k: (d["path"], d["actor"], d["place"]) for k, d in docs.items()} == {
        "a.md": ("news/a.md", ["Hayat Tahrir al-Sham"], ["Aleppo"]),
        "b.md": ("news/b.md", [], ["Hama"]),
        "sub/c.md": ("news/sub/c.md", ["Bashar al-Assad"], ["Aleppo"]),
    }
    assert search_ids(tmp_path / "ix", "place", "Aleppo") == ["a.md", "sub/c.md"]


def test_unchanged_rerun_enriches_and_writes_nothing(tmp_path, corpus, enricher):
    build_index(tmp_path / "ix", ["news"], enricher)
    toc_before = sorted(os.listdir(store.live_path(tmp_path / "ix")))
    enricher.enriched.clear()
    report = build_index(tmp_path / "ix", ["news"], enricher)
    assert counts(report) == {"indexed": 0, "unchanged": 3, "skipped": 0, "failed": 0,
                              "pruned": 0, "documents": 3, "rebuilt": False}
    assert enricher.enriched == []
    assert sorted(os.listdir(store.live_path(tmp_path / "ix"))) == toc_before


def test_changed_documents_are_replaced_and_new_ones_added(tmp_path, corpus, enricher):
    build_index(tmp_path / "ix", ["news"], enricher)
    generation = store.generation_name(tmp_path / "ix")
    enricher.enriched.clear()
    write_md(corpus, "b.md", "Troops leave Hama for Aleppo", BODY_B + " Then Aleppo.")
    write_md(corpus, "d.md", "New report", "Hayat Tahrir al-Sham in Hama.")
    report = build_index(tmp_path / "ix", ["news"], enricher)
    assert counts(report) == {"indexed": 2, "unchanged": 2, "skipped": 0, "failed": 0,
                              "pruned": 0, "documents": 4, "rebuilt": False}
    assert enricher.enriched == ["b.md", "d.md"]
    assert store.generation_name(tmp_path / "ix") == generation
    docs = stored_documents(tmp_path / "ix")
    assert sorted(docs) == ["a.md", "b.md", "d.md", "sub/c.md"]
    assert docs["b.md"]["title"] == "Troops leave Hama for Aleppo"
    assert docs["b.md"]["place"] == ["Hama", "Aleppo"]
    assert search_ids(tmp_path / "ix", "id", "b.md") == ["b.md"]  # replaced, not duplicated
    assert search_ids(tmp_path / "ix", "place", "Aleppo") == ["a.md", "b.md", "sub/c.md"]


def test_prune_removes_documents_of_deleted_files_under_the_given_roots_only(
        tmp_path, corpus, enricher):
    write_md(tmp_path / "other", "x.md", "Other root", BODY_B, doc_id="other-x")
    build_index(tmp_path / "ix", ["news", "other"], enricher)
    (corpus / "a.md").unlink()
    (tmp_path / "other" / "x.md").unlink()

    kept = build_index(tmp_path / "ix", ["news"], enricher)  # no --prune: nothing removed
    assert (kept.pruned, kept.documents) == (0, 4)

    report = build_index(tmp_path / "ix", ["news"], enricher, prune=True)
    assert counts(report) == {"indexed": 0, "unchanged": 2, "skipped": 0, "failed": 0,
                              "pruned": 1, "documents": 3, "rebuilt": False}
    assert sorted(stored_documents(tmp_path / "ix")) == ["b.md", "other-x", "sub/c.md"]


def test_prune_removes_records_dropped_from_a_jsonl_file(tmp_path, monkeypatch, enricher):
    monkeypatch.chdir(tmp_path)
    records = news_records(3)
    write_jsonl(tmp_path / "data" / "feed.jsonl", records)
    build_index(tmp_path / "ix", ["data/feed.jsonl"], enricher)
    write_jsonl(tmp_path / "data" / "feed.jsonl", [records[0], records[2]])
    report = build_index(tmp_path / "ix", ["data/feed.jsonl"], enricher, prune=True)
    assert (report.unchanged, report.pruned, report.documents) == (2, 1, 2)
    assert sorted(stored_documents(tmp_path / "ix")) == ["n0", "n2"]


def test_prune_keeps_documents_of_a_file_that_failed_to_load(tmp_path, corpus, enricher):
    build_index(tmp_path / "ix", ["news"], enricher)
    (corpus / "b.md").write_bytes(b"title: broken\n\xff\xfe not utf-8\n")
    report = build_index(tmp_path / "ix", ["news"], enricher, prune=True)
    assert (report.skipped, report.pruned, report.documents) == (1, 0, 3)
    assert [p.path for p in report.problems] == ["news/b.md"]
    assert stored_documents(tmp_path / "ix")["b.md"]["title"] == "Troops leave Hama"


def test_rebuild_swaps_the_generation_and_old_readers_keep_working(tmp_path, corpus, enricher):
    build_index(tmp_path / "ix", ["news"], enricher)
    old_generation = store.generation_name(tmp_path / "ix")
    old_searcher = store.open_live(tmp_path / "ix").searcher()
    (corpus / "sub" / "c.md").unlink()
    report = build_index(tmp_path / "ix", ["news"], enricher, rebuild=True)
    assert counts(report) == {"indexed": 2, "unchanged": 0, "skipped": 0, "failed": 0,
                              "pruned": 0, "documents": 2, "rebuilt": True}
    assert report.generation != old_generation
    assert generation_dirs(tmp_path / "ix") == [report.generation]
    assert sorted(stored_documents(tmp_path / "ix")) == ["a.md", "b.md"]
    from whoosh.query import Term

    old_hits = old_searcher.search(Term("place", "Aleppo"))
    assert sorted(hit["id"] for hit in old_hits) == ["a.md", "sub/c.md"]
    old_searcher.close()


def test_a_rebuild_that_indexes_nothing_leaves_the_live_index(tmp_path, corpus, enricher):
    build_index(tmp_path / "ix", ["news"], enricher)
    generation = store.generation_name(tmp_path / "ix")
    report = build_index(tmp_path / "ix", ["missing-folder"], enricher, rebuild=True)
    assert (report.ok, report.indexed, report.skipped, report.documents) == (False, 0, 1, 3)
    assert report.problems == [Problem("missing-folder", None, "no such file or folder")]
    assert store.generation_name(tmp_path / "ix") == generation
    assert generation_dirs(tmp_path / "ix") == [generation]
    assert len(stored_documents(tmp_path / "ix")) == 3


def test_a_first_run_that_indexes_nothing_creates_no_index(tmp_path, corpus, enricher):
    report = build_index(tmp_path / "ix", ["missing-folder"], enricher)
    assert (report.ok, report.documents) == (False, 0)
    assert not store.has_index(tmp_path / "ix")
    assert generation_dirs(tmp_path / "ix") == []


def test_a_document_failing_enrichment_is_reported_and_the_rest_indexed(
        tmp_path, corpus, enricher_core):
    failing = CountingEnricher(enricher_core, fail_ids=("b.md",))
    report = build_index(tmp_path / "ix", ["news"], failing)
    assert counts(report) == {"indexed": 2, "unchanged": 0, "skipped": 0, "failed": 1,
                              "pruned": 0, "documents": 2, "rebuilt": True}
    assert report.failures == [Problem("news/b.md", None, "document 'b.md' could not be "
                                       "enriched: ValueError: cannot enrich b.md")]
    assert sorted(stored_documents(tmp_path / "ix")) == ["a.md", "sub/c.md"]


class Interrupting:
    """Passes `after` documents through the real enricher, then raises `error`."""

    def __init__(self, inner, after: int, error: BaseException):
        self.inner, self.after, self.error = inner, after, error

    def enrich(self, docs):
        for done, pair in enumerate(self.inner.enrich(docs)):
            if done == self.after:
                raise self.error
            yield pair


@pytest.mark.parametrize("rebuild", [False, True])
@pytest.mark.parametrize("error", [KeyboardInterrupt(), ModelMissing("model gone")])
def test_a_run_stopped_midway_leaves_the_index_as_it_was(
        tmp_path, corpus, enricher, enricher_core, rebuild, error):
    build_index(tmp_path / "ix", ["news"], enricher)
    generation = store.generation_name(tmp_path / "ix")
    write_md(corpus, "a.md", "Changed title", BODY_A)
    write_md(corpus, "d.md", "New", BODY_B)
    with pytest.raises(type(error)):
        build_index(tmp_path / "ix", ["news"], Interrupting(enricher_core, 1, error),
                    rebuild=rebuild)
    assert store.generation_name(tmp_path / "ix") == generation
    assert generation_dirs(tmp_path / "ix") == [generation]
    docs = stored_documents(tmp_path / "ix")
    assert (sorted(docs), docs["a.md"]["title"]) == (["a.md", "b.md", "sub/c.md"],
                                                     "Rebels enter Aleppo")
    with IndexLock(tmp_path / "ix"):
        pass


def test_duplicate_ids_in_one_run_are_skipped_with_the_first_file_named(
        tmp_path, corpus, enricher):
    write_md(tmp_path / "news", "e.md", "One", BODY_A, doc_id="same")
    write_md(tmp_path / "news", "f.md", "Two", BODY_B, doc_id="same")
    report = build_index(tmp_path / "ix", ["news"], enricher)
    assert report.problems == [Problem("news/f.md", None,
                                       "duplicate document id 'same' (first loaded from news/e.md)")]
    assert stored_documents(tmp_path / "ix")["same"]["title"] == "One"


def test_a_file_reached_from_two_roots_is_indexed_once(tmp_path, corpus, enricher):
    report = build_index(tmp_path / "ix", ["news", "news/a.md"], enricher)
    assert (report.indexed, report.skipped, report.documents) == (3, 0, 3)


def test_an_index_with_other_fields_must_be_rebuilt(tmp_path, corpus, enricher):
    from whoosh.fields import ID, Schema

    generation = tmp_path / "ix" / "gen-old"
    generation.mkdir(parents=True)
    whoosh_index.create_in(str(generation), Schema(id=ID(stored=True, unique=True)),
                           indexname=store.INDEX_NAME)
    store.publish(tmp_path / "ix", generation)
    with pytest.raises(IndexOutdated) as info:
        build_index(tmp_path / "ix", ["news"], enricher)
    assert str(info.value) == (f"the index in {tmp_path / 'ix'} was built by another version of "
                               f"Trawl; rebuild it: trawl --index {tmp_path / 'ix'} index "
                               "--rebuild PATH...")
    assert build_index(tmp_path / "ix", ["news"], enricher, rebuild=True).documents == 3


def test_a_second_writer_is_refused_with_the_holders_pid(tmp_path, corpus, enricher):
    with IndexLock(tmp_path / "ix"):
        with pytest.raises(IndexLocked) as info:
            build_index(tmp_path / "ix", ["news"], enricher)
    assert str(info.value) == (f"index is locked by PID {os.getpid()} "
                               "(another trawl index is running)")
    assert isinstance(info.value, TrawlError)
    assert enricher.enriched == []
    assert build_index(tmp_path / "ix", ["news"], enricher).indexed == 3  # released


def test_the_lock_is_released_after_a_run_and_the_pid_erased(tmp_path, corpus, enricher):
    build_index(tmp_path / "ix", ["news"], enricher)
    assert (tmp_path / "ix" / ".lock").read_text() == ""
    with IndexLock(tmp_path / "ix"):
        assert (tmp_path / "ix" / ".lock").read_text() == f"{os.getpid()}\n"


def test_read_manifest_maps_ids_to_hash_and_path(tmp_path, corpus, enricher):
    build_index(tmp_path / "ix", ["news"], enricher)
    docs = {d.id: d for d in load_roots(["news"])}
    assert read_manifest(tmp_path / "ix") == {
        doc_id: (doc.content_hash, doc.path) for doc_id, doc in docs.items()}


@pytest.mark.parametrize("root, inside, outside", [
    ("news", ["news", "news/a.md", "news/sub/c.md"], ["newsroom/a.md", "other/news/a.md"]),
    ("news/", ["news/a.md"], ["news2/a.md"]),
    ("data/feed.jsonl", ["data/feed.jsonl"], ["data/feed.jsonl2", "data/other.jsonl"]),
    ("data/*.md", ["data/a.md", "data/x.y.md"], ["data/sub/a.md", "data/a.txt", "dat/a.md"]),
    ("data/**/*.md", ["data/a.md", "data/sub/deep/a.md"], ["data/a.txt"]),
    (".", ["news/a.md", "a.md"], ["../a.md", "/abs/a.md"]),
])
def test_root_scope_matches_files_under_a_root(root, inside, outside):
    scope = RootScope([root])
    assert [p for p in inside if scope.contains(p)] == inside
    assert [p for p in outside if scope.contains(p)] == []


def test_summary_line():
    report = BuildReport(indexed=8, unchanged=2, skipped=1, failed=0, pruned=3, elapsed=2.0)
    assert report.summary() == ("indexed 8, unchanged 2, skipped 1, failed 0, pruned 3 "
                                "in 2.0 s (5.0 docs/s)")
