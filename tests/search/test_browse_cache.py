"""The answers to requests without query words or filters (the landing page) are kept per
generation: equal to the answer computed afresh, and never served from an older generation
or from before a correction."""

from __future__ import annotations

from dataclasses import replace

from search_corpus import CORPUS, add_to_live
from test_index import NEW_DOC, counts

from indexer.corrections import correct
from search.engine import _search, search
from search.generation import BROWSE_CACHE_ANSWERS
from search.index import open_index
from search.model import SearchRequest
from search.query import parse_query

BROWSE_REQUESTS = [
    SearchRequest(),
    SearchRequest(page=2, size=3),
    SearchRequest(sort="date", timeline="year"),
    SearchRequest(facet_size=1, boilerplate="show"),
]


def fresh(ix, req: SearchRequest):
    """The answer computed without the cache."""
    gen = ix.generation()
    return _search(gen, req, parse_query(req.q, gen.schema))


def test_a_cached_answer_equals_the_one_computed_afresh(make_index):
    ix = open_index(make_index(CORPUS), refresh_interval_s=3600)
    for req in BROWSE_REQUESTS:
        first = search(ix, req)
        assert search(ix, req) is first  # served from the cache
        assert first == fresh(ix, req)
    assert len(ix.generation().browse) == len(BROWSE_REQUESTS)
    assert search(ix, SearchRequest()).total == len(CORPUS)


def test_queries_and_filters_are_not_cached(make_index):
    ix = open_index(make_index(CORPUS), refresh_interval_s=3600)
    search(ix, SearchRequest(q="aleppo"))
    search(ix, SearchRequest(actor=("UN",)))
    search(ix, SearchRequest(date_from=CORPUS[0]["published"]))
    assert len(ix.generation().browse) == 0


def test_the_cache_is_bounded(make_index):
    ix = open_index(make_index(CORPUS), refresh_interval_s=3600)
    pages = [SearchRequest(page=n, size=1) for n in range(1, BROWSE_CACHE_ANSWERS + 6)]
    answers = [search(ix, req) for req in pages]
    assert len(ix.generation().browse) == BROWSE_CACHE_ANSWERS
    assert [hit.id for a in answers[:len(CORPUS)] for hit in a.hits] == \
        [hit.id for hit in search(ix, replace(pages[0], size=len(CORPUS))).hits]
    assert search(ix, pages[0]) == answers[0]  # evicted, computed again: the same


def test_a_new_commit_is_seen(make_index):
    index_dir = make_index(CORPUS)
    ix = open_index(index_dir, refresh_interval_s=3600)
    before = search(ix, SearchRequest())
    add_to_live(index_dir, [NEW_DOC])
    assert search(ix, SearchRequest()) is before  # not checked yet
    assert ix.refresh() is True
    after = search(ix, SearchRequest())
    assert after.total == before.total + 1
    assert counts(after, "actor")[0] == ("UN", 4)
    assert after == fresh(ix, SearchRequest())


# a rebuild (a new generation directory) is test_index.test_refresh_sees_a_rebuild, whose
# request is a browse request too


def test_a_correction_is_seen(make_index):
    index_dir = make_index(CORPUS)
    ix = open_index(index_dir, refresh_interval_s=3600)
    assert ("PKK", 2) in counts(search(ix, SearchRequest()), "actor")
    correct(index_dir, ix.generation(), {"op": "drop", "facet": "actor", "value": "PKK"}, "cli")
    ix.refresh()
    after = search(ix, SearchRequest())
    assert "PKK" not in dict(counts(after, "actor"))
    assert after == fresh(ix, SearchRequest())
