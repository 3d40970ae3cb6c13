"""The Typesense form of a Trawl query (search.typesense_query.translate), without a server."""

from __future__ import annotations

import pytest

from search.errors import InvalidQuery
from search.typesense_query import translate


@pytest.mark.parametrize(("text", "words", "filters", "terms"), [
    ("aleppo siege", ["aleppo", "sieg"], [], {"aleppo", "sieg"}),
    ('"prime minister" -syria', ['"prime minist"', "-syria"], [], {"prime", "minist"}),
    ("aleppo actor:Hamas", ["aleppo"], ["actor:=[`Hamas`]"], {"aleppo"}),
    ("aleppo NOT place:Syria", ["aleppo"], ["place:!=[`Syria`]"], {"aleppo"}),
])
def test_words_phrases_exclusions_and_facet_terms(text, words, filters, terms):
    query = translate(text)
    assert (query.words, query.filters, query.terms) == (words, filters, terms)


@pytest.mark.parametrize(("text", "message"), [
    ("aleppo OR homs", "OR is not supported"),
    ("alep*", "a wildcard is not supported"),
    ("-syria", "needs a word to search for"),
])
def test_what_typesense_cannot_search_is_a_clear_error(text, message):
    with pytest.raises(InvalidQuery, match=message):
        translate(text)


def test_request_filters_in_order_with_skips():
    from datetime import date

    from search.model import SearchRequest
    from search.typesense_query import CENTRAL_FIELDS, request_filters

    req = SearchRequest(actor=("UN",), not_place=("Syria",), about_actor=("Hamas",),
                        date_from=date(1970, 1, 11))
    about = f"{CENTRAL_FIELDS['actor']}:=[`Hamas`]"
    assert request_filters(req) == ["actor:=[`UN`]", "place:!=[`Syria`]", about,
                                    "published_day:[10..2147483646]"]
    assert request_filters(req, skip_facet="actor", lift_exclusions="place") == [
        about, "published_day:[10..2147483646]"]
