"""Query syntax on the hand-built corpus, and the messages of queries that cannot be read."""

from __future__ import annotations

import pytest

from search.engine import search
from search.errors import InvalidQuery
from search.model import SearchRequest


def found(ix, q: str) -> list[str]:
    result = search(ix, SearchRequest(q=q))
    assert result.total == len(result.hits)
    return sorted(hit.id for hit in result.hits)


@pytest.mark.parametrize(("q", "expected"), [
    ("", ["d1", "d2", "d3", "d4", "d5", "d6", "d7"]),
    ("*", ["d1", "d2", "d3", "d4", "d5", "d6", "d7"]),
    ("*:*", ["d1", "d2", "d3", "d4", "d5", "d6", "d7"]),
    ("aleppo", ["d1", "d6", "d7"]),
    ("Aleppo ceasefire", ["d7"]),  # words are AND-ed
    ("aleppo AND ceasefire", ["d7"]),
    ("aleppo OR geneva", ["d1", "d2", "d6", "d7"]),
    ("aleppo NOT protest", ["d6", "d7"]),
    ("NOT aleppo", ["d2", "d3", "d4", "d5"]),
    ("-aleppo", ["d2", "d3", "d4", "d5"]),  # as in web search engines
    ("ceasefire -aleppo", ["d2"]),
    ("al-assad", ["d3"]),  # a hyphen inside a word is no operator
    ("(aleppo OR geneva) AND ceasefire", ["d2", "d7"]),
    ("protesters", ["d1", "d5"]),  # English stemming
    ('"aid convoy"', ["d6", "d7"]),
    ('"aid convoys"', ["d6", "d7"]),
    ('"convoy aid"', []),  # phrase order matters
    ('"bashar al-assad"', ["d3"]),  # the text, not the actor facet
    ("title:aleppo", ["d1", "d7"]),
    ("source:reuters", ["d1", "d5"]),
    ("actor:un", ["d1", "d2", "d7"]),  # facet fields: exact name, any case
    ('actor:"bashar al-assad"', ["d1", "d3"]),
    ("actor:*assad", ["d1", "d3"]),  # facet wildcards may lead
    ("place:ale*", ["d1", "d6", "d7"]),
    ("place:alepo~", ["d1", "d6", "d7"]),
    ("date:2024", ["d1", "d2", "d7"]),  # date prefix, as the filter
    ("country:turkey", ["d4", "d5"]),
    ("protes*", ["d1", "d5"]),
    ("cesefire~", ["d2", "d7"]),  # fuzzy: one edit
    ("ceasfire~2", ["d2", "d7"]),
    ("Öcalan", ["d4"]),
    ("ocalan", ["d4"]),  # accents fold
    ("imrali", ["d4"]),  # Turkish dotted capital I folds too
    ("istanbul", ["d5"]),
])
def test_query_syntax(ix, q, expected):
    assert found(ix, q) == expected


def test_phrase_accepts_slop(ix):
    assert found(ix, '"aid reached"~2') == ["d7"]
    assert found(ix, '"aid reached"') == []


def test_trailing_operator_is_read_as_a_word_list(ix):
    assert found(ix, "aleppo AND") == ["d1", "d6", "d7"]


@pytest.mark.parametrize(("q", "message"), [
    ('"aid convoy', 'unclosed quote: the " at position 1 has no closing "'),
    ("aleppo)", 'unmatched ")" at position 7'),
    ("(aleppo OR geneva", 'unclosed "(" at position 1: add a ")"'),
    ("foo:bar", "unknown field 'foo' at position 1 (fields: title, body, source, actor, "
                "place, date, country); put the text in quotes to search for it as words"),
    ("aleppo published:2024", "unknown field 'published' at position 8 (fields: title, body, "
     "source, actor, place, date, country); put the text in quotes to search for it as words"),
    ("*ing", "wildcard '*ing' at position 1: put at least 2 letters before * or ? (a leading "
             "wildcard would scan every word of the index)"),
    ("aleppo p*", "wildcard 'p*' at position 8: put at least 2 letters before * or ? (a "
                  "leading wildcard would scan every word of the index)"),
    ("the", "nothing to search for in 'the': very common words (the, and, of...) and "
            "one-letter words are not indexed, and an operator needs words on both sides"),
    ("x" * 1001, "the query is too long (1001 characters; at most 1000)"),
    ("actor: UN", "nothing after 'actor:' at position 1: write actor:word or "
                  'actor:"some words"'),
    ("NOT NOT aleppo", "cannot read the query 'NOT NOT aleppo': check the operators (AND, "
                       "OR, NOT) and what they apply to"),
])
def test_malformed_queries_say_what_and_where(ix, q, message):
    with pytest.raises(InvalidQuery) as caught:
        search(ix, SearchRequest(q=q))
    assert str(caught.value) == message


def test_quoted_text_is_never_a_field(ix):
    assert found(ix, '"foo:bar"') == []


def test_relevance_ranks_title_matches_first(ix):
    result = search(ix, SearchRequest(q="aleppo"))
    assert [hit.id for hit in result.hits] == ["d1", "d7", "d6"]
    assert [hit.score for hit in result.hits] == sorted(
        (hit.score for hit in result.hits), reverse=True)
