"""Opening, refreshing and reading an index: new commits, rebuilds, deletions, documents."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from search_corpus import CORPUS, add_to_live, write_generation

from search.engine import document_count, get_document, more_like_this, search
from search.errors import IndexMissing
from search.index import open_index
from search.model import SearchRequest

NEW_DOC = {"id": "n1", "title": "Aid reaches Aleppo again", "text": "Another aid convoy.",
           "published": date(2025, 1, 5), "source": "AP", "actor": ["UN"],
           "place": ["Aleppo"], "date": ["2025-01"], "countries": {"Aleppo": "Syria"}}


def counts(result, facet):
    return [(v.value, v.count) for v in result.facets[facet].values]


def test_missing_index_says_how_to_build_one(tmp_path):
    with pytest.raises(IndexMissing) as caught:
        open_index(tmp_path / "nowhere")
    assert str(caught.value) == (
        f"no Trawl index in {tmp_path / 'nowhere'}/ - build one with: "
        f"trawl --index {tmp_path / 'nowhere'} index PATH...")


def test_refresh_sees_a_new_commit(make_index):
    index_dir = make_index(CORPUS)
    ix = open_index(index_dir, refresh_interval_s=3600)
    assert search(ix, SearchRequest(q="aleppo")).total == 3
    add_to_live(index_dir, [NEW_DOC])
    assert search(ix, SearchRequest(q="aleppo")).total == 3  # not checked yet
    assert ix.refresh() is True
    result = search(ix, SearchRequest(q="aleppo"))
    assert result.total == 4
    assert counts(result, "actor") == [("UN", 3), ("Bashar al-Assad", 1)]
    assert ix.refresh() is False


def test_generation_is_checked_after_the_interval(make_index):
    index_dir = make_index(CORPUS)
    ix = open_index(index_dir, refresh_interval_s=0)
    add_to_live(index_dir, [NEW_DOC])
    assert document_count(ix) == 8


def test_refresh_sees_a_rebuild(make_index):
    index_dir = make_index(CORPUS)
    ix = open_index(index_dir, refresh_interval_s=0)
    write_generation(index_dir, [NEW_DOC])
    result = search(ix, SearchRequest())
    assert [hit.id for hit in result.hits] == ["n1"]
    assert counts(result, "place") == [("Aleppo", 1)]


def test_deleted_documents_are_neither_found_nor_counted(make_index):
    index_dir = make_index(CORPUS)
    add_to_live(index_dir, delete_ids=["d7", "d1"])
    ix = open_index(index_dir)
    result = search(ix, SearchRequest(q="aleppo"))
    assert [hit.id for hit in result.hits] == ["d6"]
    all_docs = search(ix, SearchRequest())
    assert all_docs.total == 5
    assert counts(all_docs, "actor") == [
        ("PKK", 2), ("Abdullah Öcalan", 1), ("Bashar al-Assad", 1), ("UN", 1)]
    assert get_document(ix, "d7") is None
    assert document_count(ix) == 5


def test_searches_from_several_threads(ix):
    results: list[int] = []

    def worker(q):
        for _ in range(20):
            results.append(search(ix, SearchRequest(q=q)).total)

    threads = [threading.Thread(target=worker, args=(q,)) for q in ("aleppo", "ceasefire")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(results)) == [2, 3] and len(results) == 40


def test_get_document(make_index):
    spec = {**CORPUS[0], "meta": {"author": "A. Writer"},
            "mentions": [[30, 36, "Aleppo", "place", "Aleppo"]]}
    ix = open_index(make_index([spec]))
    assert get_document(ix, "d1") == {
        "id": "d1", "title": "Protest in Aleppo", "text": CORPUS[0]["text"],
        "published": date(2024, 11, 1), "source": "Reuters", "url": "https://example.org/d1",
        "meta": {"author": "A. Writer"}, "actor": ["Bashar al-Assad", "UN"],
        "place": ["Aleppo", "Syria"], "date": ["2024-10-31", "2024"],
        "countries": {"Aleppo": "Syria", "Syria": "Syria"},
        "mentions": [[30, 36, "place", "Aleppo"]], "matches": []}
    assert get_document(ix, "nope") is None
    assert get_document(ix, "d1", q="protesters OR police")["matches"] == [[13, 23], [54, 60]]


def test_more_like_this_ranks_by_shared_actors_and_places(ix):
    similar = more_like_this(ix, "d1", n=3)
    # d7: UN + Aleppo (2 shared); d2: UN + Syria (2); d3: Bashar al-Assad (1)
    assert [(hit.id, hit.score) for hit in similar] == [("d7", 2.0), ("d2", 2.0), ("d3", 1.0)]
    assert more_like_this(ix, "missing") == []


def test_searches_while_the_index_is_rebuilt(make_index):
    index_dir = make_index(CORPUS)
    ix = open_index(index_dir, refresh_interval_s=0)
    totals: set[int] = set()
    errors: list[Exception] = []

    def searcher():
        try:
            for _ in range(30):
                totals.add(search(ix, SearchRequest(q="aleppo")).total)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=searcher) for _ in range(2)]
    for thread in threads:
        thread.start()
    for docs in ([*CORPUS, NEW_DOC], CORPUS, [*CORPUS, NEW_DOC]):
        write_generation(index_dir, docs)
    for thread in threads:
        thread.join()
    assert errors == []
    assert totals <= {3, 4}
    assert search(ix, SearchRequest(q="aleppo")).total == 4
