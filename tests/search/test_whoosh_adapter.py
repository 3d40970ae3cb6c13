"""The Whoosh adapter: compound segments read from their memory map, without a copy."""

from __future__ import annotations

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile

from search.engine import search
from search.model import SearchRequest
from search.whoosh_adapter import MappedBufferFile, _ViewReader, share_segment_maps


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
