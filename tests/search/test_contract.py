"""The backend contract beyond facets, hits and the timeline (test_facets, test_hits and
test_timeline run on every backend too): queries, errors, documents, facet value search."""

from __future__ import annotations

from datetime import date

import pytest

from search.backend import SearchBackend, Unsupported
from search.engine import entity
from search.errors import InvalidQuery, InvalidRequest
from search.model import SearchRequest


def run(backend, **params):
    return backend.search(SearchRequest.from_params(params))


def ids(result) -> list[str]:
    return sorted(hit.id for hit in result.hits)


def test_every_backend_implements_the_protocol(backend):
    assert isinstance(backend, SearchBackend)
    assert backend.document_count() == 7
    assert backend.generation_name()


@pytest.mark.parametrize(("q", "expected"), [
    ("aleppo", ["d1", "d6", "d7"]),
    ("aleppo ceasefire", ["d7"]),
    ("protesters", ["d1", "d5"]),  # stemming: protest, protesters
    ("ocalan", ["d4"]),  # accents folded
    ('"aid convoy"', ["d6", "d7"]),  # "aid convoys" too
    ('"convoy aid"', []),
    ("aleppo -ceasefire", ["d1", "d6"]),
    ("aleppo NOT police", ["d6", "d7"]),
    ('aleppo actor:"bashar al-assad"', ["d1"]),
    ("date:2011", ["d6", "d7"]),
    ("*", ["d1", "d2", "d3", "d4", "d5", "d6", "d7"]),
])
def test_queries_find_the_same_documents(backend, q, expected):
    assert ids(run(backend, q=q, size="20")) == expected


@pytest.mark.differs("typesense", "Typesense has no OR between words")
def test_or_between_words(backend):
    assert ids(run(backend, q="geneva OR istanbul")) == ["d2", "d5"]


@pytest.mark.differs("typesense", "Typesense 0.24 has no wildcard (prefix) search on "
                     "pre-analysed terms")
def test_wildcards(backend):
    assert ids(run(backend, q="protes*")) == ["d1", "d5"]


@pytest.mark.differs("typesense", "typo tolerance is off so results stay exact; a fuzzy "
                     "word~ is refused")
def test_fuzzy_words(backend):
    assert ids(run(backend, q="ceasfire~")) == ["d2", "d7"]


@pytest.mark.parametrize(("params", "error", "message"), [
    ({"q": '"aleppo'}, InvalidQuery, 'unclosed quote: the " at position 1 has no closing "'),
    ({"q": "aleppo)"}, InvalidQuery, r'unmatched "\)" at position 7'),
    ({"q": "foo:bar"}, InvalidQuery, "unknown field 'foo' at position 1"),
    ({"q": "the"}, InvalidQuery, "nothing to search for"),
    ({"sort": "best"}, InvalidRequest, "sort must be one of"),
    ({"from": "2024-13"}, InvalidRequest, "is not a date"),
])
def test_bad_requests_fail_the_same_way(backend, params, error, message):
    with pytest.raises(error, match=message) as caught:
        backend.search(SearchRequest.from_params(params))
    assert caught.value.code == error.code


def test_unknown_facet_in_a_value_search(backend):
    with pytest.raises(InvalidRequest, match="unknown facet 'colour'"):
        backend.facet_values("colour", "a", SearchRequest())


def test_a_document_with_the_matches_of_a_query(backend):
    doc = backend.get_document("d1", "protest aleppo")
    assert {k: doc[k] for k in ("id", "title", "published", "source", "url", "actor",
                                "countries", "matches")} == {
        "id": "d1", "title": "Protest in Aleppo", "published": date(2024, 11, 1),
        "source": "Reuters", "url": "https://example.org/d1",
        "actor": ["Bashar al-Assad", "UN"], "countries": {"Aleppo": "Syria", "Syria": "Syria"},
        "matches": [[13, 23], [36, 42]]}
    assert doc["text"].startswith("Thousands of protesters")
    assert backend.get_document("nope") is None


def test_more_like_this_shares_actors_and_places(backend):
    similar = [hit.id for hit in backend.more_like_this("d1", n=3)]
    assert similar[:2] == ["d7", "d2"]  # UN + Aleppo, then UN + Syria (newest first)


def test_entity_pages_need_the_embedded_backend(backend):
    if backend.__class__.__name__ == "TrawlIndex":
        assert entity(backend, "actor", "UN")["name"] == "UN"
    else:
        with pytest.raises(Unsupported, match="need the embedded backend"):
            entity(backend, "actor", "UN")


@pytest.mark.differs("typesense", "no spelling suggestions or filter offers (they read the "
                     "embedded index's term and entity tables)")
def test_suggestion_and_filter_offers(backend):
    result = run(backend, q="alepo")
    assert result.suggestion == "aleppo"


@pytest.mark.differs("typesense", "no timeline of the dates documents mention (it reads "
                     "the embedded index's date tables)")
def test_mentioned_timeline(backend):
    assert run(backend).mentioned is not None
