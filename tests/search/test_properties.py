"""Property tests (hypothesis) at the request boundary: whatever the parameters and whatever
the query text, the answer is a request/result or a TrawlError (a 400), never another
exception (issue 14, campaign 3)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.engine import search
from search.errors import TrawlError
from search.model import SearchRequest
from search.query import parse_query
from search.schema import make_schema

NAMES = ["q", "actor", "place", "date", "country", "not_actor", "not_place", "not_date",
         "not_country", "from", "to", "sort", "page", "size", "facet_size", "timeline", "x"]
#: query syntax and the odd characters that break naive parsers
QUERY_CHARS = st.sampled_from(list('aeilopsAEP "()*?~^:-+\\/&|!{}[]<>\'\t\n\x00') +
                              ["AND", "OR", "NOT", "title:", "actor:", "é", "\u202e", "\ud800"])
VALUES = st.one_of(st.text(max_size=40), st.integers(-10**6, 10**6).map(str),
                   st.sampled_from(["2024", "2024-02-30", "0000-01-01", "9" * 5000, "newest",
                                    "day", "auto", "", " "]))
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY_SETTINGS
@given(st.dictionaries(st.sampled_from(NAMES), st.one_of(VALUES, st.lists(VALUES, max_size=5))))
def test_from_params_gives_a_request_or_a_400(params):
    try:
        req = SearchRequest.from_params(params)
    except TrawlError:
        return
    assert 1 <= req.size <= 100 and 1 <= req.facet_size <= 100 and req.page >= 1


@PROPERTY_SETTINGS
@given(st.lists(QUERY_CHARS, max_size=30).map("".join))
def test_the_query_parser_gives_a_query_or_a_400(text):
    try:
        parse_query(text, make_schema())
    except TrawlError:
        pass


@PROPERTY_SETTINGS
@given(st.lists(QUERY_CHARS, max_size=20).map("".join), st.sampled_from(["relevance", "newest"]))
def test_any_accepted_query_is_answered(ix, text, sort):
    try:
        result = search(ix, SearchRequest.from_params({"q": text, "sort": sort}))
    except TrawlError:
        return
    assert result.total >= len(result.hits)
