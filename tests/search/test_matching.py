"""The numpy matcher agrees with Whoosh: same documents, same BM25F scores, across segments,
posting blocks and deletions."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from search_corpus import to_document

from search import store
from search.index import open_index
from search.positions import decode_positions
from search.postings import term_docnums, term_postings_positions
from search.query import parse_query
from search.schema import document_fields

WORDS = ["river", "bridge", "convoy", "market", "border", "harbour", "school", "clinic"]


def synthetic(n: int) -> dict:
    """Document n: word i appears (n % (i + 2)) + 1 times when n % (i + 1) == 0."""
    words = []
    for i, word in enumerate(WORDS):
        if n % (i + 1) == 0:
            words.extend([word] * (n % (i + 2) + 1))
    words.extend(["filler"] * (n % 7))
    return {"id": f"s{n}", "title": f"{WORDS[n % len(WORDS)]} report",
            "text": " ".join(words) + ".", "published": date(2020, 1, 1 + n % 28),
            "actor": [f"Actor {n % 5}"], "place": [], "date": []}


@pytest.fixture(scope="module")
def segmented(tmp_path_factory):
    """700 documents in 3 segments (posting lists span several 128-posting blocks), some deleted."""
    index_dir = tmp_path_factory.mktemp("segmented")
    generation, ix = store.create_generation(index_dir)
    for start, end in ((0, 300), (300, 500), (500, 700)):
        writer = ix.writer()
        for n in range(start, end):
            writer.add_document(**document_fields(*to_document(synthetic(n))))
        writer.commit(merge=False)
    writer = ix.writer()
    for n in range(0, 700, 9):
        writer.delete_by_term("id", f"s{n}")
    writer.commit(merge=False)
    store.publish(index_dir, generation)
    return open_index(index_dir)


def test_index_has_several_segments_and_deletions(segmented):
    gen = segmented.generation()
    assert len(gen.reader.leaf_readers()) >= 3
    assert gen.live_count == 700 - len(range(0, 700, 9))


@pytest.mark.parametrize(("field", "term"), [
    ("body", "river"), ("body", "bridg"), ("body", "clinic"), ("body", "filler"),
    ("title", "report"), ("actor", "Actor 2")])
def test_term_docnums_equal_whoosh_postings(segmented, field, term):
    gen = segmented.generation()
    mine = term_docnums(gen.reader, field, term)
    theirs = sorted(gen.reader.postings(field, term).all_ids())
    assert theirs
    assert [int(d) for d in mine if gen.live[d]] == theirs


def test_long_posting_lists_span_several_blocks(segmented):
    gen = segmented.generation()
    first_segment = gen.reader.leaf_readers()[0][0]
    assert first_segment.doc_frequency("body", "river") > 2 * 128


@pytest.mark.parametrize("q", [
    "river", "river bridge", "river OR clinic", "convoy NOT market", '"river bridge"',
    "harbour school", "report", "title:river", "bri*", "actor:\"Actor 3\" river"])
def test_matches_and_scores_equal_whoosh(segmented, q):
    from search.matching import match_query

    gen = segmented.generation()
    parsed = parse_query(q, gen.schema)
    match = match_query(gen, parsed)
    whoosh_hits = gen.searcher.search(parsed.query, limit=None)
    expected = {hit.docnum: hit.score for hit in whoosh_hits}
    assert sorted(np.flatnonzero(match.mask).tolist()) == sorted(expected)
    if q in ("bri*", "actor:\"Actor 3\" river"):
        return  # constant-score parts: Whoosh scores facet terms by their raw weight
    # Whoosh adds the NOT part's constant 1.0 to every match; the ranking is the same
    shift = 1.0 if "NOT" in q else 0.0
    for docnum, score in expected.items():
        assert match.scores[docnum] + shift == pytest.approx(score, rel=1e-4)


def test_positions_of_every_posting(segmented):
    gen = segmented.generation()
    docnums, weights, values = term_postings_positions(gen.reader, "body", "river")
    assert docnums.tolist() == term_docnums(gen.reader, "body", "river").tolist()
    first = gen.searcher.document_number(id="s1")  # "river river bridge filler"
    row = int(np.searchsorted(docnums, first))
    assert (decode_positions(values[row]), float(weights[row])) == ([0, 1], 2.0)
    assert len(values) == len(docnums)


def test_query_cache_is_bounded_by_the_size_of_its_arrays(segmented):
    from search.cache import ArrayCache, size_of
    from search.matching import match_query

    gen = segmented.generation()
    match = match_query(gen, parse_query("river", gen.schema))
    assert size_of(match) >= match.mask.nbytes + match.scores.nbytes
    cache = ArrayCache(max_bytes=2 * size_of(match))
    for n in range(5):
        cache.put(n, match)
    assert len(cache) == 2


@pytest.mark.parametrize("q", [
    "river bridge", "river bridge NOT convoy", "river AND (bridge OR clinic)",
    "(river bridge) OR school", "river ANDNOT market", "title:river body:school",
    "river -bridge -clinic", "harbour actor:\"Actor 3\"", "river ANDMAYBE school"])
def test_conjunctions_scored_in_their_matches_only_keep_every_score(segmented, monkeypatch, q):
    """A conjunction of words scores its words only where it matches; masks and every
    score are those of scoring each word everywhere, to the last bit."""
    from search import matching

    gen = segmented.generation()
    query = parse_query(q, gen.schema).query
    narrowed = matching._evaluate(gen, query)
    assert (matching._matches_first(gen, query) is not None) == isinstance(
        query, matching._CONJUNCTIONS)
    monkeypatch.setattr(matching, "_matches_first", lambda gen, query: None)
    everywhere = matching._evaluate(gen, query)
    assert narrowed.mask.tobytes() == everywhere.mask.tobytes()
    assert narrowed.scores.tobytes() == everywhere.scores.tobytes()
    assert narrowed.terms == everywhere.terms and narrowed.count > 0
