"""`trawl index --backend typesense`: incremental by hash, --prune, --rebuild by alias swap,
batching; against a real Typesense node (tests/conftest.py)."""

from __future__ import annotations

import itertools

import pytest
from builder_kit import BODY_B, counts, save_tiny_model, write_md
from typesense import exceptions as ts_errors

from indexer import typesense_build
from indexer.cli import main
from indexer.typesense_build import build_typesense_index, read_manifest
from search.backend import BackendConfig, open_backend
from search.errors import IndexMissing
from search.model import SearchRequest
from search.typesense import make_client

_ALIASES = itertools.count()


@pytest.fixture
def config(typesense_node) -> BackendConfig:
    """A backend configuration with an alias of its own (no index behind it yet)."""
    return BackendConfig(kind="typesense", typesense_urls=(typesense_node.url,),
                         typesense_key=typesense_node.api_key,
                         collection=f"build{next(_ALIASES)}")


def ids(config: BackendConfig, **params) -> list[str]:
    result = open_backend(config).search(SearchRequest.from_params(params))
    return sorted(hit.id for hit in result.hits)


def test_first_run_creates_a_collection_behind_the_alias(config, corpus, enricher):
    with pytest.raises(IndexMissing):
        open_backend(config)
    report = build_typesense_index(config, ["news"], enricher)
    assert counts(report) == {"indexed": 3, "unchanged": 0, "skipped": 0, "failed": 0,
                              "pruned": 0, "documents": 3, "rebuilt": True}
    assert report.generation == open_backend(config).generation_name()
    assert ids(config, place="Aleppo") == ["a.md", "sub/c.md"]
    assert read_manifest(make_client(config), report.generation)["b.md"][1] == "news/b.md"


def test_unchanged_documents_are_skipped_by_their_stored_hash(config, corpus, enricher):
    build_typesense_index(config, ["news"], enricher)
    enricher.enriched.clear()
    report = build_typesense_index(config, ["news"], enricher)
    assert counts(report) == {"indexed": 0, "unchanged": 3, "skipped": 0, "failed": 0,
                              "pruned": 0, "documents": 3, "rebuilt": False}
    assert enricher.enriched == []


def test_changed_documents_are_replaced_and_new_ones_added(config, corpus, enricher):
    first = build_typesense_index(config, ["news"], enricher)
    enricher.enriched.clear()
    write_md(corpus, "b.md", "Troops leave Hama for Aleppo", BODY_B + " Then Aleppo.")
    write_md(corpus, "d.md", "New report", "Hayat Tahrir al-Sham in Hama.")
    report = build_typesense_index(config, ["news"], enricher)
    assert counts(report) == {"indexed": 2, "unchanged": 2, "skipped": 0, "failed": 0,
                              "pruned": 0, "documents": 4, "rebuilt": False}
    assert enricher.enriched == ["b.md", "d.md"]
    assert report.generation == first.generation  # updated in place
    assert ids(config, place="Aleppo") == ["a.md", "b.md", "sub/c.md"]
    assert open_backend(config).get_document("b.md")["title"] == "Troops leave Hama for Aleppo"


def test_prune_removes_documents_of_deleted_files(config, corpus, enricher):
    build_typesense_index(config, ["news"], enricher)
    (corpus / "a.md").unlink()
    assert build_typesense_index(config, ["news"], enricher).documents == 3
    report = build_typesense_index(config, ["news"], enricher, prune=True)
    assert (report.pruned, report.documents) == (1, 2)
    assert ids(config) == ["b.md", "sub/c.md"]


class SearchingEnricher:
    """Enriches, and searches the live alias after every document (what users see)."""

    def __init__(self, inner, config):
        self.inner, self.config, self.totals = inner, config, []

    def enrich(self, docs):
        for pair in self.inner.enrich(docs):
            self.totals.append(open_backend(self.config).search(SearchRequest()).total)
            yield pair


def test_rebuild_fills_a_new_collection_then_moves_the_alias(config, corpus, enricher,
                                                             monkeypatch):
    monkeypatch.setattr(typesense_build, "IMPORT_BATCH_DOCS", 1)  # every document sent at once
    old = build_typesense_index(config, ["news"], enricher).generation
    (corpus / "sub" / "c.md").unlink()
    watcher = SearchingEnricher(enricher, config)
    report = build_typesense_index(config, ["news"], watcher, rebuild=True)
    assert watcher.totals == [3, 3]  # the old index, whole, until the swap
    assert counts(report) == {"indexed": 2, "unchanged": 0, "skipped": 0, "failed": 0,
                              "pruned": 0, "documents": 2, "rebuilt": True}
    assert report.generation != old
    assert ids(config) == ["a.md", "b.md"]
    names = {c["name"] for c in make_client(config).collections.retrieve()}
    assert old not in names and report.generation in names  # the old collection dropped


def test_a_rebuild_that_indexes_nothing_leaves_the_live_collection(config, corpus, enricher):
    live = build_typesense_index(config, ["news"], enricher).generation
    report = build_typesense_index(config, ["missing-folder"], enricher, rebuild=True)
    assert (report.ok, report.documents, report.generation) == (False, 3, live)
    assert open_backend(config).generation_name() == live


def test_the_cli_indexes_and_searches_through_global_options(config, corpus, tmp_path, capsys):
    model = str(save_tiny_model(tmp_path / "model"))
    options = ["--backend", "typesense", "--typesense-url", config.typesense_urls[0],
               "--typesense-key", config.typesense_key, "--typesense-collection",
               config.collection]
    assert main([*options, "index", "news", "--model", model]) == 0
    assert "indexed 3, unchanged 0" in capsys.readouterr().out
    assert main([*options, "search", "aleppo", "--json"]) == 0
    assert '"total": 2' in capsys.readouterr().out
    assert main(["--backend", "typesense", "search", "x"]) == 1
    assert "needs --typesense-url" in capsys.readouterr().err


def test_a_cluster_that_does_not_answer_is_one_error_line(capsys):
    from search.typesense_node import free_port

    dead = f"http://127.0.0.1:{free_port()}"  # nobody listens there
    options = ["--backend", "typesense", "--typesense-url", dead, "--typesense-key", "k"]
    assert main([*options, "search", "aleppo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("trawl: error: typesense did not answer") and err.count("\n") == 1


def test_finish_waits_for_a_follower_that_does_not_know_the_collection_yet(monkeypatch):
    monkeypatch.setattr(typesense_build, "RETRY_WAIT_S", 0)
    answers = iter([ts_errors.ObjectNotFound(404, "Not Found"),
                    ts_errors.ObjectNotFound(404, "Not Found"), {"num_documents": 3}])

    def retrieve():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert typesense_build._retrying(retrieve, lagging=True) == {"num_documents": 3}
    with pytest.raises(ts_errors.ObjectNotFound):  # other calls still pass a 404 through
        typesense_build._retrying(lambda: (_ for _ in ()).throw(
            ts_errors.ObjectNotFound(404, "Not Found")))
