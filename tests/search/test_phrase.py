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


@pytest.fixture(scope="module")
def skewed_corpus(tmp_path_factory):
    """A word in every document beside a rare one: more postings than one Whoosh block."""
    from search_corpus import write_generation
    rng = random.Random(11)
    texts = []
    for n in range(700):
        words = [rng.choice(["filler", "common", "other"]) for _ in range(rng.randint(4, 30))]
        words[rng.randrange(len(words))] = "common"
        if n in (150, 480):  # 2 candidates x 128 < 700 postings: read block by block
            at = rng.randrange(len(words) + 1)
            words[at:at] = ["scarce", "common"] if n == 150 else ["common", "scarce"]
        texts.append(words)
    ix = open_index(write_generation(tmp_path_factory.mktemp("skewed"),
                                     [_doc(n, words) for n, words in enumerate(texts)]))
    return ix, texts


@pytest.mark.parametrize("phrase", [["scarce", "common"], ["common", "scarce"],
                                    ["common", "other"], ["other", "common", "filler"]])
def test_phrase_is_exact_read_by_blocks_and_from_the_position_cache(skewed_corpus, phrase):
    """The same documents whether the frequent word is read block by block around the
    candidates (cold) or taken from the generation's position cache (warm)."""
    ix, texts = skewed_corpus
    expected = {f"r{n}" for n, words in enumerate(texts) if _follows(words, phrase, 1)}
    quoted = f'"{" ".join(phrase)}"'
    gen = ix.generation()
    gen.positions = type(gen.positions)(gen.positions.max_bytes)  # cold: nothing cached
    gen.queries = type(gen.queries)(gen.queries.max_bytes)
    cold = search(ix, SearchRequest(q=quoted, size=200))
    for word in phrase:
        gen.term_positions("body", word)  # warm: every word decoded in full
    gen.queries = type(gen.queries)(gen.queries.max_bytes)
    warm = search(ix, SearchRequest(q=quoted, size=200))
    assert expected
    for result in (cold, warm):
        assert result.total == len(expected)
        assert {hit.id for hit in result.hits} <= expected
    assert [(h.id, h.score) for h in cold.hits] == [(h.id, h.score) for h in warm.hits]
