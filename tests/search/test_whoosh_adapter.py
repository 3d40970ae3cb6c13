"""The Whoosh adapter: compound segments read from their memory map, without a copy;
posting blocks, columns, field lengths and commits read past Whoosh's public API, each
checked against the public way and with its fallback."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest
from search_corpus import CORPUS, to_document
from whoosh.fields import DATETIME, KEYWORD, TEXT, Schema
from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile
from whoosh.index import create_in
from whoosh.matching import ListMatcher

from search import store
from search.engine import search
from search.model import SearchRequest
from search.schema import document_fields
from search.whoosh_adapter import (
    LENGTH_OF_BYTE,
    BlockCursor,
    MappedBufferFile,
    _TabledLengths,
    _ViewReader,
    block_cursor,
    column_datetime,
    latest_commit,
    length_codes,
    raw_column_bytes,
    share_segment_maps,
    table_segment_lengths,
)


def test_view_reader_reads_like_a_file():
    data = b"first line\nsecond\n\x00\x01tail"
    reader, plain = _ViewReader(memoryview(data)), __import__("io").BytesIO(data)
    for f in (reader, plain):
        f.seek(3)
    assert reader.read(4) == plain.read(4)
    assert reader.readline() == plain.readline()
    assert reader.tell() == plain.tell()
    assert reader.seek(-4, 2) == plain.seek(-4, 2)
    assert reader.read() == plain.read() == b"tail"
    reader.seek(0)
    assert list(reader) == data.splitlines(keepends=True)


def test_mapped_file_shares_the_buffer():
    data = bytearray(b"\x00\x00\x00\x05hello")
    f = MappedBufferFile(memoryview(data), name="x")
    assert f.read_int() == 5
    assert f.get(4, 5) == b"hello"
    data[4:9] = b"HELLO"  # a view, not a copy
    assert f.get(4, 5) == b"HELLO"


def test_segments_are_read_through_the_map(ix):
    assert share_segment_maps()
    assert compound.BufferFile is MappedBufferFile
    gen = ix.generation()
    term_files = [leaf._terms._dbfile for leaf, _ in gen.reader.leaf_readers()]
    assert term_files and all(isinstance(f, MappedBufferFile) for f in term_files)
    assert search(ix, SearchRequest(q="")).total == gen.live_count


def test_unknown_whoosh_layout_keeps_whoosh_as_it_is(monkeypatch):
    class Other(BufferFile):
        pass
    monkeypatch.setattr(compound, "BufferFile", Other)
    assert share_segment_maps() is False
    assert compound.BufferFile is Other


# --- the other internals: posting blocks, columns, field lengths, commits, datetimes ---

BLOCK_DOCS = 300  # more than one posting block (Whoosh writes at most 128 postings a block)


@pytest.fixture(scope="module")
def plain_ix(tmp_path_factory):
    """A Whoosh index written the plain way: a term in many blocks, lengths, a date column."""
    schema = Schema(body=TEXT(phrase=True), published=DATETIME(sortable=True))
    ix = create_in(str(tmp_path_factory.mktemp("plain")), schema)
    writer = ix.writer()
    for n in range(BLOCK_DOCS):
        words = " ".join(["common"] * (1 + n % 5) + ["once"] * (n == 0)
                         + ["filler"] * (n % 7))
        writer.add_document(body=words, published=datetime(2020, 1, 1) + timedelta(days=n))
    writer.commit()
    return ix


def _walked(matcher) -> tuple[list, list, list]:
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    return ids, weights, values


def _cursor_read(cursor: BlockCursor) -> tuple[list, list, list, int]:
    ids, weights, values, blocks, previous = [], [], [], 0, 0
    while cursor.active():
        ids.extend(np.cumsum(cursor.deltas(0)).tolist())
        assert cursor.deltas(previous).sum() == ids[-1] - previous
        weights.extend(cursor.weights().tolist())
        values.extend(cursor.values())
        previous = cursor.max_id()
        assert previous == ids[-1]
        cursor.next_block()
        blocks += 1
    return ids, weights, values, blocks


def test_block_cursor_reads_what_the_matcher_steps_through(plain_ix):
    with plain_ix.reader() as reader:
        walked = _walked(reader.postings("body", "common"))
        cursor = block_cursor(reader.postings("body", "common"))
        assert cursor is not None
        ids, weights, values, blocks = _cursor_read(cursor)
    assert blocks >= 3
    assert (ids, weights, values) == (walked[0], pytest.approx(walked[1]), walked[2])
    assert len(ids) == BLOCK_DOCS


@pytest.mark.parametrize("field", ["body", "tags"])
def test_blocks_read_without_their_values_give_the_same_ids_and_weights(tmp_path, field):
    """A cursor told no values will be read unpickles each block only up to its values;
    where a block holds no encoded values (a field without positions) it reads it whole."""
    schema = Schema(body=TEXT(phrase=True), tags=KEYWORD)
    ix = create_in(str(tmp_path), schema)
    writer = ix.writer()
    for n in range(BLOCK_DOCS):
        writer.add_document(body=" ".join(["common"] * (1 + n % 5) + ["filler"] * (n % 7)),
                            tags="common" if n % 3 else "common rare")
    writer.commit()
    with ix.reader() as reader:
        light = block_cursor(reader.postings(field, "common"), values=False)
        whole = block_cursor(reader.postings(field, "common"))
        blocks = 0
        while whole.active():
            assert light.deltas(3).tolist() == whole.deltas(3).tolist()
            assert light.weights().tolist() == whole.weights().tolist()
            assert (light._matcher._data is None) == (field == "body")  # values not read
            light.next_block()
            whole.next_block()
            blocks += 1
        assert blocks >= 3 and not light.active()


def test_other_matchers_get_no_block_cursor(plain_ix):
    """Postings inlined in the term info come as a ListMatcher: stepped through publicly."""
    assert block_cursor(ListMatcher([1, 2, 3])) is None
    with plain_ix.reader() as reader:
        assert block_cursor(reader.postings("body", "once")) is not None


def test_raw_column_bytes_hold_every_value_of_the_column(plain_ix):
    with plain_ix.reader() as reader:
        column = reader.column_reader("published", translate=False)
        raw = raw_column_bytes(column)
        assert raw is not None
        assert np.frombuffer(raw, dtype=">u8").tolist() == [column[d] for d in range(BLOCK_DOCS)]
        assert column_datetime(column[3]) == datetime(2020, 1, 4)
    assert raw_column_bytes(object()) is None


def test_length_codes_decode_to_the_lengths_whoosh_scores_with(plain_ix):
    with plain_ix.reader() as reader:
        codes = length_codes(reader, "body")
        assert codes is not None
        assert LENGTH_OF_BYTE[codes].tolist() == [reader.doc_field_length(d, "body", 0)
                                                   for d in range(BLOCK_DOCS)]
    assert length_codes(object(), "body") is None


def test_latest_commit_follows_commits(plain_ix, tmp_path):
    before = latest_commit(plain_ix.storage.folder, plain_ix.indexname)
    assert before == plain_ix.latest_generation() >= 1
    assert latest_commit(tmp_path / "nothing", "MAIN") == -1


def _segment_files(directory, docs: list[dict], tabled: bool) -> dict[str, bytes]:
    """The files of one segment holding `docs`, written with or without tabled lengths,
    by name without the (random) segment id."""
    table_segment_lengths(tabled)
    try:
        generation, ix = store.create_generation(directory)
        writer = ix.writer(compound=False)
        for spec in docs:
            writer.add_document(**document_fields(*to_document(spec)))
        writer.commit()
    finally:
        table_segment_lengths()
    return {path.name.split(".", 1)[1]: path.read_bytes() for path in generation.iterdir()
            if path.name.startswith(f"{store.INDEX_NAME}_") and "." in path.name}


def test_tabled_field_lengths_write_the_same_segment(tmp_path):
    # titles and bodies of very different lengths (one empty), so the block length bounds vary
    docs = [{**spec, "id": f"{spec['id']}-{n}", "title": spec["title"] * (n % 3),
             "text": " ".join([spec["text"]] * (1 + n % 5))}
            for n, spec in enumerate(CORPUS * 20)]
    tabled = _segment_files(tmp_path / "tabled", docs, True)
    plain = _segment_files(tmp_path / "plain", docs, False)
    assert {"pst", "trm", "_body_len.col", "_title_len.col"} <= set(tabled)
    assert tabled == plain


def test_tabled_lengths_answer_as_the_reader_does():
    class Reader:
        def doc_count_all(self):
            return 3

        def doc_field_length(self, docnum, fieldname, default=0):
            return None if docnum == 1 else (docnum + 1) * len(fieldname) + default

        def close(self):
            return "closed"

    tabled, reader = _TabledLengths(Reader()), Reader()
    for fieldname, default in (("body", 0), ("title", 5)):
        assert [tabled.doc_field_length(n, fieldname, default) for n in range(3)] == \
            [reader.doc_field_length(n, fieldname, default) for n in range(3)]
    assert tabled.close() == "closed"
