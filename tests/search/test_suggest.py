"""'Did you mean': respelled queries that find more under the same filters."""

from __future__ import annotations

import time

import pytest

from search import speller
from search.engine import search
from search.index import open_index
from search.model import SearchRequest
from search.suggest import MAX_RESPELL_WORDS


def suggestion(ix, **params):
    return search(ix, SearchRequest.from_params(params)).suggestion


@pytest.mark.parametrize(("q", "expected"), [
    ("alepo", "aleppo"),
    ("Alepo convoy", "Aleppo convoy"),
    ("cesefire tlks", "ceasefire talks"),
    ("title:ceasfire", "title:ceasefire"),
    ('"aid convys"', '"aid convoys"'),
    ("negotiatrs OR zzzzqqq", "negotiators OR zzzzqqq"),
])
def test_misspelled_query_gets_a_suggestion(ix, q, expected):
    assert suggestion(ix, q=q) == expected


@pytest.mark.parametrize("q", ["aleppo", "zzzzqqq", "actor:Asad", "geneva"])
def test_no_suggestion_when_found_or_nothing_close(ix, q):
    assert suggestion(ix, q=q) is None


def test_suggestion_must_find_more_under_the_same_filters(ix):
    assert suggestion(ix, q="alepo", actor="UN") == "aleppo"
    assert suggestion(ix, q="alepo", actor="PKK") is None


def _docs(*texts: str, actor: tuple[str, ...] = ()) -> list[dict]:
    return [{"id": f"d{n}", "title": "Report", "text": text, "actor": list(actor)}
            for n, text in enumerate(texts)]


def test_a_name_the_facets_know_beats_a_more_common_word(make_index):
    # "Putn" is one edit from both; "but" is in every document, "Putin" only in one
    docs = _docs("but then it rained", "but not here", "but Putin spoke", actor=("Vladimir Putin",))
    ix = open_index(make_index(docs))
    assert suggestion(ix, q="Putn") == "Putin"


def test_among_equally_close_words_the_more_frequent_wins(make_index):
    ix = open_index(make_index(_docs("the cart", "the card", "the card again")))
    assert suggestion(ix, q="carx") == "card"


def test_closer_beats_more_frequent(make_index):
    ix = open_index(make_index(_docs("garden", "warden", "warden", "warden")))
    assert suggestion(ix, q="gardem") == "garden"


def test_many_unknown_words_get_no_suggestion_and_no_work(ix):
    words = ["alepo"] * (MAX_RESPELL_WORDS + 1)
    assert suggestion(ix, q=" ".join(words)) is None
    assert suggestion(ix, q=" ".join(words[:MAX_RESPELL_WORDS])) == " ".join(["aleppo"] * 8)


def test_respelling_stops_at_its_deadline(ix):
    gen = ix.generation()
    assert gen.speller.nearest("alepo", time.monotonic() + 1) == "aleppo"
    assert gen.speller.nearest("alepo", time.monotonic() - 1) is None


def test_vocabulary_is_read_a_chunk_per_lock_hold(make_index, monkeypatch):
    monkeypatch.setattr(speller, "TERMS_PER_LOCK", 3)
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
    gen = open_index(make_index(_docs(words))).generation()
    holds = []
    real_chunk = speller._terms_chunk

    def chunk(reader, field, start):
        holds.append(gen.lock._is_owned())
        return real_chunk(reader, field, start)

    monkeypatch.setattr(speller, "_terms_chunk", chunk)
    built = speller.Speller(gen)
    assert built.ready(10)
    assert all(holds) and len(holds) >= 4  # ten words, three per hold, lock held each time
    assert built.nearest("hotl", time.monotonic() + 1) == "hotel"
