"""The facet tables a reader builds are stored beside the generation, and a later reader
(a restarted server, another worker) reads them instead of building them again, with the same
answers; a new commit builds its own."""

from __future__ import annotations

import numpy as np
from search_corpus import CORPUS, add_to_live

from search import facet_table
from search.engine import search
from search.generation import TABLES_PREFIX
from search.index import open_index
from search.model import SearchRequest

REQUESTS = [SearchRequest(), SearchRequest(q="aleppo"), SearchRequest(q="syria", actor=("Assad",)),
            SearchRequest(q="talks", place=("Geneva",), timeline="year")]


def _tables_equal(a, b) -> bool:
    return a.values == b.values and all(
        np.array_equal(getattr(a, name), getattr(b, name))
        for name in ("value_ptr", "value_docs", "doc_ptr", "doc_values", "doc_rows", "rank"))


def test_a_later_reader_reads_the_stored_tables_and_answers_the_same(make_index, monkeypatch):
    index_dir = make_index(CORPUS)
    first = open_index(index_dir).generation()
    stored = list(index_dir.glob(f"gen-*/{TABLES_PREFIX}*.pickle"))
    assert len(stored) == 1
    answers = [search(open_index(index_dir), req) for req in REQUESTS]
    monkeypatch.setattr(facet_table, "term_docnums", None)  # reading must not build again
    second_ix = open_index(index_dir)
    second = second_ix.generation()
    for name, table in first.surface.items():
        assert _tables_equal(table, second.surface[name])
    assert first.surface_central.keys() == second.surface_central.keys()
    assert [search(second_ix, req) for req in REQUESTS] == answers


def test_a_new_commit_builds_and_stores_its_own_tables(make_index):
    index_dir = make_index(CORPUS[:4])
    assert search(open_index(index_dir), SearchRequest()).total == 4
    add_to_live(index_dir, CORPUS[4:])
    ix = open_index(index_dir)
    assert search(ix, SearchRequest()).total == len(CORPUS)
    assert ix.generation().surface["actor"].size > 0
