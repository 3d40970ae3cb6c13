"""Stored positions (search.position_store): phrases read from them find exactly what the
old way (Whoosh's posting blocks) and Whoosh's own Phrase query find."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_corpus import add_to_live, to_document, write_generation
from whoosh import query as wq

from search import position_store, store
from search.engine import search
from search.index import open_index
from search.model import SearchRequest
from search.phrase import phrase_documents
from search.position_store import PREFIX, StoredPositions, drop_others
from search.positions import DecodedPositions
from search.postings import term_postings
from search.schema import document_fields

#: words the analyzer keeps as they are, and a stop word (Whoosh renumbers around it)
_WORDS = ["cat", "dog", "fish", "bird", "tree"]
_STOP = "the"


def _doc(n: int, words: list[str]) -> dict:
    return {"id": f"d{n}", "title": " ".join(words[:3]), "text": " ".join(words),
            "published": date(2024, 1, 1), "source": "test", "actor": [], "place": [],
            "date": [], "countries": {}}


def _write(index_dir: Path, texts: list[list[str]], segments: int, deleted: list[int]) -> None:
    """The texts in `segments` commits (never merged), then the deletions in one more."""
    size = -(-len(texts) // segments)
    write_generation(index_dir, [_doc(n, t) for n, t in enumerate(texts[:size])])
    for start in range(size, len(texts), size):
        writer = store.open_live(index_dir).writer()
        for n in range(start, min(len(texts), start + size)):
            writer.add_document(**document_fields(*to_document(_doc(n, texts[n]))))
        writer.commit(merge=False)
    if deleted:
        writer = store.open_live(index_dir).writer()
        for n in deleted:
            writer.delete_by_term("id", f"d{n}")
        writer.commit(merge=False)


def _old(gen, field: str, phrase: list[str], slop: int):
    gen.stored_positions = StoredPositions(gen, None)  # never ready: the old way
    gen.positions = type(gen.positions)(gen.positions.max_bytes)
    return phrase_documents(gen, field, phrase, slop)


def _new(gen, field: str, phrase: list[str], slop: int, directory: Path, min_docs: int):
    gen.stored_positions = StoredPositions(gen, directory, min_docs, background=False)
    assert gen.stored_positions.ready()
    return phrase_documents(gen, field, phrase, slop)


def _whoosh(gen, field: str, phrase: list[str], slop: int) -> list[int]:
    found = gen.searcher.search(wq.Phrase(field, phrase, slop=slop), limit=None)
    return sorted(hit.docnum for hit in found)


def _positions_of(postings, keep: np.ndarray) -> list:
    """Per word: (docnum, weight, positions) in the phrase's documents."""
    out = []
    for posting in postings:
        rows = np.searchsorted(posting.docnums, keep)
        owner, positions = posting.positions(rows)
        out.append([(int(d), float(posting.weights[r]), positions[owner == i].tolist())
                    for i, (d, r) in enumerate(zip(keep, rows, strict=True))])
    return out


_texts = st.lists(st.lists(st.sampled_from([*_WORDS, _STOP]), min_size=1, max_size=25),
                  min_size=1, max_size=30)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=_texts, segments=st.integers(1, 3), data=st.data(),
       phrase=st.lists(st.sampled_from(_WORDS), min_size=2, max_size=3),
       slop=st.sampled_from([1, 2, 4]), min_docs=st.sampled_from([1, 3, 10_000]),
       field=st.sampled_from(["body", "title"]))
def test_stored_positions_find_what_whoosh_finds(texts, segments, data, phrase, slop,
                                                 min_docs, field):
    """Random corpora over several segments with deleted documents; every term stored,
    some (the others read from Whoosh), or none."""
    deleted = data.draw(st.lists(st.integers(0, len(texts) - 1), unique=True,
                                 max_size=len(texts) // 2))
    with tempfile.TemporaryDirectory() as tmp:
        _write(Path(tmp) / "index", texts, segments, deleted)
        gen = open_index(Path(tmp) / "index", cache=False).generation()
        old_keep, old_postings = _old(gen, field, phrase, slop)
        new_keep, new_postings = _new(gen, field, phrase, slop, Path(tmp), min_docs)
        assert new_keep.tolist() == old_keep.tolist() == _whoosh(gen, field, phrase, slop)
        assert _positions_of(new_postings, new_keep) == _positions_of(old_postings, old_keep)
        stored = gen.stored_positions.get()
        for word in [*_WORDS, "absent"]:  # the term queries' postings too
            docnums, weights = stored.postings(field, word)
            expected = term_postings(gen.reader, field, word)
            assert docnums.tolist() == expected[0].tolist()
            assert weights.tolist() == expected[1].tolist()
        gen.close()


@pytest.fixture
def low_threshold(monkeypatch):
    monkeypatch.setattr(position_store, "MIN_DOCS", 3)


def _texts_of(count: int, seed: int) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    return [[_WORDS[i] for i in rng.integers(0, len(_WORDS), rng.integers(2, 20))]
            for _ in range(count)]


def _totals(ix, phrases: list[str]) -> list[int]:
    return [search(ix, SearchRequest(q=f'"{p}"', size=50)).total for p in phrases]


def test_a_new_generation_keeps_the_files_of_unchanged_segments(tmp_path, low_threshold):
    """A commit adding a segment and deleting documents: the old segment's files are read
    again, not rewritten; the new segment gets its own; merged-away segments lose theirs;
    totals equal the old way's in every generation."""
    phrases = ["cat dog", "dog cat", "fish bird tree", "bird bird"]
    write_generation(tmp_path, [_doc(n, t) for n, t in enumerate(_texts_of(60, 1))])
    ix = open_index(tmp_path, refresh_interval_s=0)
    gen = ix.generation()
    assert gen.stored_positions.ready(None)
    live = store.live_path(tmp_path)
    first = {p.name: p.stat().st_ino for p in live.glob(f"{PREFIX}*")}
    assert len(first) == 1
    totals = _totals(ix, phrases)
    add_to_live(tmp_path, [_doc(100 + n, t) for n, t in enumerate(_texts_of(40, 2))],
                delete_ids=["d3", "d7", "d20"])
    assert ix.refresh()
    gen = ix.generation()
    assert gen.stored_positions.ready(None)
    now = {p.name: p.stat().st_ino for p in live.glob(f"{PREFIX}*")}
    assert set(gen.stored_positions.get()._segments[0][2].fields) == {"title", "body"}
    kept = set(first) & set(now)
    assert all(first[name] == now[name] for name in kept)
    assert len(now) == len(list(gen.reader.leaf_readers()))
    new_totals = _totals(ix, phrases)
    gen.stored_positions.enabled = False
    gen.queries = type(gen.queries)(gen.queries.max_bytes)
    assert _totals(ix, phrases) == new_totals
    assert new_totals != totals  # the commit changed what the phrases find


def test_a_read_only_directory_serves_phrases_the_old_way(tmp_path, low_threshold):
    write_generation(tmp_path, [_doc(n, t) for n, t in enumerate(_texts_of(30, 3))])
    ix = open_index(tmp_path)
    gen = ix.generation()
    gen.stored_positions.ready(None)
    unwritable = tmp_path / "nowhere"  # missing: nothing can be written there
    gen.stored_positions = StoredPositions(gen, unwritable, background=False)
    assert not gen.stored_positions.ready() and gen.stored_positions.get() is None
    assert search(ix, SearchRequest(q='"cat dog"')).total == len(
        _whoosh(gen, "body", ["cat", "dog"], 1))


def test_decoded_positions_read_rows_across_parts():
    parts = (np.array([5, 6, 7, 1, 2], dtype=np.uint16), np.array([9, 3, 4], dtype=np.uint32))
    decoded = DecodedPositions(parts, np.array([0, 1, 0, 1]), np.array([0, 0, 3, 1]),
                               np.array([3, 1, 5, 3]))
    owner, positions = decoded.rows(np.array([3, 0, 2])).decode(np.array([0, 1, 2]))
    assert owner.tolist() == [0, 0, 1, 1, 1, 2, 2]
    assert positions.tolist() == [3, 4, 5, 6, 7, 1, 2]


@pytest.mark.parametrize("order", ["by part", "mixed"])
def test_decoded_positions_of_many_rows_equal_reading_row_by_row(order):
    """Rows in part order are read one run at a time, rows in any other order one part at
    a time: both give each row's positions, in the order of the rows."""
    rng = np.random.default_rng(4)
    parts = tuple(rng.integers(0, 60000, 200).astype(np.uint16) for _ in range(3))
    part = np.repeat(np.arange(3), 30)
    starts = rng.integers(0, 190, 90)
    decoded = DecodedPositions(parts, part, starts, starts + rng.integers(0, 10, 90))
    rows = np.arange(90) if order == "by part" else rng.permutation(90)
    owner, positions = decoded.decode(rows)
    expected = [(i, int(p)) for i, row in enumerate(rows.tolist())
                for p in parts[part[row]][starts[row]:decoded.ends[row]]]
    assert list(zip(owner.tolist(), positions.tolist(), strict=True)) == expected


def test_only_files_older_than_the_reader_are_dropped(tmp_path):
    """A merged-away segment's files go; files a newer commit's reader wrote after this
    reader opened stay (they are that commit's segments)."""
    gone, newer = tmp_path / f"{PREFIX}merged", tmp_path / f"{PREFIX}newer"
    gone.mkdir()
    os.utime(gone, (1_000, 1_000))
    newer.mkdir()
    drop_others(tmp_path, [], opened_at=time.time() - 60)
    assert not gone.exists() and newer.exists()
