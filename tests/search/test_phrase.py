"""Phrase matching with slop: exact against a word-by-word reading, bounded in cost."""

from __future__ import annotations

import random
from datetime import date

import pytest

from search.engine import search
from search.errors import InvalidQuery
from search.index import open_index
from search.model import SearchRequest
from search.query import MAX_FUZZY_EDITS, MAX_PHRASE_SLOP

_WORDS = ["alpha", "bravo", "charlie", "delta"]


def _doc(n: int, words: list[str]) -> dict:
    return {"id": f"r{n}", "title": f"Report {n}", "text": " ".join(words),
            "published": date(2024, 1, 1), "source": "test", "actor": [], "place": [],
            "date": [], "countries": {}}


def _follows(words: list[str], phrase: list[str], slop: int) -> bool:
    """Whoosh's slop semantics read naively: each word within `slop` after the previous."""
    ends = {i for i, w in enumerate(words) if w == phrase[0]}
    for word in phrase[1:]:
        ends = {j for j, w in enumerate(words) if w == word
                and any(1 <= j - i <= slop for i in ends)}
    return bool(ends)


@pytest.fixture(scope="module")
def random_corpus(tmp_path_factory):
    from search_corpus import write_generation
    rng = random.Random(7)
    texts = [[rng.choice(_WORDS) for _ in range(rng.randint(3, 40))] for _ in range(120)]
    ix = open_index(write_generation(tmp_path_factory.mktemp("phrase"),
                                     [_doc(n, words) for n, words in enumerate(texts)]))
    return ix, texts


@pytest.mark.parametrize("slop", [1, 2, 3, 5, 17, MAX_PHRASE_SLOP])
@pytest.mark.parametrize("phrase", [["alpha", "bravo"], ["delta", "alpha", "charlie"],
                                    ["bravo", "bravo"]])
def test_phrase_with_slop_matches_the_naive_reading(random_corpus, phrase, slop):
    ix, texts = random_corpus
    quoted = f'"{" ".join(phrase)}"' + (f"~{slop}" if slop > 1 else "")
    result = search(ix, SearchRequest(q=quoted, size=200))
    expected = {f"r{n}" for n, words in enumerate(texts) if _follows(words, phrase, slop)}
    assert {hit.id for hit in result.hits} == expected
    assert result.total == len(expected)


@pytest.mark.parametrize(("q", "message"), [
    ('"police said"~1000000000',
     f"'\"police said\"~1000000000' at position 1 allows too large a gap between the words "
     f"(at most ~{MAX_PHRASE_SLOP}); to find the words anywhere in a document, search for "
     "them without quotes"),
    (f'aid title:"aid convoy"~{MAX_PHRASE_SLOP + 1}',
     f"'\"aid convoy\"~{MAX_PHRASE_SLOP + 1}' at position 11 allows too large a gap between "
     f"the words (at most ~{MAX_PHRASE_SLOP}); to find the words anywhere in a document, "
     "search for them without quotes"),
    ("convoy~9", f"'convoy~9' at position 1 allows too many spelling differences "
                 f"(at most ~{MAX_FUZZY_EDITS})"),
])
def test_costly_slop_and_fuzziness_are_refused(ix, q, message):
    with pytest.raises(InvalidQuery) as caught:
        search(ix, SearchRequest(q=q))
    assert str(caught.value) == message
