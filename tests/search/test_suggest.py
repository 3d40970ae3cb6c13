"""'Did you mean': respelled queries that find more under the same filters."""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from search_corpus import add_to_live
from whoosh import index as whoosh_index
from whoosh.fields import TEXT

from search import spell_vocab, speller, store
from search.engine import search
from search.generation import Generation
from search.index import open_index
from search.model import SearchRequest
from search.schema import make_schema, text_analyzer
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


def test_stored_text_is_read_a_chunk_per_lock_hold_and_counted_outside(make_index, monkeypatch):
    monkeypatch.setattr(spell_vocab, "DOCS_PER_LOCK", 2)
    words = ["alpha bravo", "charlie delta", "echo foxtrot", "golf hotel", "india juliet"]
    gen = open_index(make_index(_docs(*words))).generation()
    assert gen.speller.ready(10)
    counted_under_lock = []
    real_count = spell_vocab.count_documents

    def count(docs):
        counted_under_lock.append(gen.lock._is_owned())
        return real_count(docs)

    monkeypatch.setattr(spell_vocab, "count_documents", count)
    gen.cache_dir = None  # count again rather than read the stored counts
    built = speller.Speller(gen)
    assert built.ready(10)
    assert counted_under_lock == [False, False, False]  # five documents, two per hold
    assert built.nearest("hotl", time.monotonic() + 1) == "hotel"


def _whoosh_spell_words(text: str) -> set[str]:
    """What Whoosh's spelling=True field indexed of a text, as the speller reads it."""
    field = TEXT(analyzer=text_analyzer(), spelling=True)
    return {w for w in field.spellable_words(text) if w.isalpha() and w.islower()}


@pytest.mark.parametrize("text", [
    "The US and the WHO met; IT staff and NATO US troops. ÖCALAN Öcalan İmralı naïve",
    "AIDS aids U.S. u.s. 3rd 2019 co-operation e-mail O'Brien's don't",
    "WHO WHO US IT it us Us uS",
    "",
])
def test_counted_words_are_the_words_whoosh_indexed_for_spelling(text):
    assert spell_vocab.text_words(text) == _whoosh_spell_words(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["US", "WHO", "IT", "us", "who", "Aleppo", "ÖZ", "naïve", "A",
                                 "the", "AIDS", "3", "U.S.", "e-mail", "Grüße", "SAID", "x"]),
                max_size=12).map(" ".join))
def test_counted_words_match_whoosh_on_any_mix(text):
    assert spell_vocab.text_words(text) == _whoosh_spell_words(text)


def _spell_files(index_dir) -> list[str]:
    """The stored spelling counts under the index folder. os.walk, unlike Path.rglob, skips
    a folder removed while it walks (the stored-positions cleanup of an older reader runs in
    the background) and does not follow links, as rglob does not."""
    return [os.path.join(root, name) for root, _, names in os.walk(index_dir)
            for name in names if name.startswith(".spell-") and name.endswith(".pickle")]


def test_counts_are_stored_beside_the_generation_and_reused(make_index, monkeypatch):
    index_dir = make_index(_docs("the convoy", "a convoy again"))
    gen = open_index(index_dir).generation()
    assert gen.speller.ready(10)
    stored = _spell_files(index_dir)
    assert len(stored) == 1
    monkeypatch.setattr(spell_vocab, "_count_segment", None)  # reading must not count again
    again = speller.Speller(gen)
    assert again.ready(10) and again.failed is None
    assert again.nearest("convoi", time.monotonic() + 1) == "convoy"


def test_counts_of_segments_merged_away_are_removed(make_index):
    index_dir = make_index(_docs("the convoy", "a convoy again"))
    assert open_index(index_dir).generation().speller.ready(10)
    add_to_live(index_dir, [{"id": "d9", "title": "Report", "text": "the truce held"}])
    gen = open_index(index_dir).generation()
    assert gen.speller.ready(10)
    assert len(_spell_files(index_dir)) == 2  # two segments, two files
    writer = store.open_live(index_dir).writer()
    writer.commit(optimize=True)  # one merged segment
    gen = open_index(index_dir).generation()
    assert gen.speller.ready(10)
    assert len(_spell_files(index_dir)) == 1
    assert gen.speller.nearest("truse", time.monotonic() + 1) == "truce"


def test_an_index_written_with_whoosh_spelling_fields_still_gets_suggestions(tmp_path):
    schema = make_schema()
    for name in ("title", "body"):
        schema.remove(name)
        schema.add(name, TEXT(stored=True, analyzer=text_analyzer(), spelling=True))
    ix = whoosh_index.create_in(str(tmp_path), schema)
    writer = ix.writer()
    for n, text in enumerate(["aid convoys reach Aleppo", "aid convoys stopped"]):
        writer.add_document(id=f"d{n}", title="Report", body=text)
    writer.commit()
    gen = Generation(whoosh_index.open_dir(str(tmp_path)))
    assert "spell_body" in gen.schema
    assert gen.speller.ready(10)
    assert gen.speller.nearest("convoyz", time.monotonic() + 1) == "convoys"
    assert not list(tmp_path.glob(".spell-*"))
