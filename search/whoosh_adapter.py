"""Access to Whoosh internals, in one place (whoosh-reloaded is pinned below 2.8 for it).

Everything Trawl reads past Whoosh's public API goes through here, each with a fallback
to the public (slower) way when the internals are not what this module expects:
- compound segments read from their memory map (below);
- posting lists decoded a whole block at a time (`BlockCursor`);
- raw fixed-size columns and the field-length columns read as numpy buffers;
- the latest commit number of an index directory (`latest_commit`);
- datetimes as Whoosh stores them in columns (`column_datetime`);
- a new segment's field lengths read once per field while its postings are written
  (`table_segment_lengths`).

Read segments without copying them: Whoosh memory-maps a compound segment file, then wraps
each sub-file's view of the map in `BytesIO(view)`, which copies it - at 100k documents
about 900 MB per process, paid again by every worker. `share_segment_maps()` makes the
compound storage hand out files reading straight from the map instead, so the index is
read through the page cache and shared by every process that opens it.
"""

from __future__ import annotations

import pickle
import zlib
from datetime import datetime
from pathlib import Path

import numpy as np
from whoosh import writing
from whoosh.codec import whoosh3
from whoosh.filedb import compound
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile
from whoosh.index import TOC
from whoosh.util.numeric import byte_to_length
from whoosh.util.times import long_to_datetime

WEIGHT_DTYPE = np.float32
#: the field length (in terms) each one-byte length code stands for, as Whoosh scores it
LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)


class _ViewReader:
    """A read-only file over a memoryview: reads copy only the bytes asked for."""

    def __init__(self, view: memoryview):
        self._view = view
        self._pos = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else self._pos + size
        data = bytes(self._view[self._pos:end])
        self._pos += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        rest = bytes(self._view[self._pos:]) if size is None or size < 0 \
            else bytes(self._view[self._pos:self._pos + size])
        cut = rest.find(b"\n")
        line = rest if cut < 0 else rest[:cut + 1]
        self._pos += len(line)
        return line

    def __iter__(self):
        while line := self.readline():
            yield line

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self._pos, len(self._view))[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._view = memoryview(b"")


class MappedBufferFile(BufferFile):
    """Whoosh's BufferFile without its private copy of the buffer."""

    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _ViewReader(memoryview(buf))


def share_segment_maps() -> bool:
    """Make compound segments read from their memory map; False if this Whoosh differs
    (then it keeps copying: correct, only larger)."""
    if getattr(compound, "BufferFile", None) not in (BufferFile, MappedBufferFile):
        return False
    compound.BufferFile = MappedBufferFile
    return True


class _TabledLengths:
    """A new segment's per-document reader whose field lengths are read once per field.

    Writing a segment, Whoosh asks the length of the posting's field in its document for
    every posting (about 300 per generated document), each a column read through a cache
    wrapper; this answers from a list read once per field: the same values, including the
    None Whoosh gives for a zero length code."""

    def __init__(self, reader):
        self._reader = reader
        self._tables: dict[tuple, list] = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        table = self._tables.get((fieldname, default))
        if table is None:
            read = self._reader.doc_field_length
            table = [read(n, fieldname, default) for n in range(self._reader.doc_count_all())]
            self._tables[(fieldname, default)] = table
        return table[docnum]

    def __getattr__(self, name):
        return getattr(self._reader, name)


_PER_DOCUMENT_READER = writing.SegmentWriter.per_document_reader


def _tabled_per_document_reader(self):
    return _TabledLengths(_PER_DOCUMENT_READER(self))


def table_segment_lengths(enabled: bool = True) -> bool:
    """Make segment writers read field lengths once per field (`_TabledLengths`), or with
    `enabled` False as Whoosh does; False if this Whoosh differs (then nothing changes)."""
    current = writing.SegmentWriter.per_document_reader
    if current not in (_PER_DOCUMENT_READER, _tabled_per_document_reader):
        return False
    writing.SegmentWriter.per_document_reader = (
        _tabled_per_document_reader if enabled else _PER_DOCUMENT_READER)
    return True


class BlockCursor:
    """The posting blocks of one term in one segment, read one block at a time.

    Whoosh 3 matchers decode a block lazily, posting by posting; this reads a block's ids,
    weights and values as whole lists, and skips a block without decoding it.
    """

    def __init__(self, matcher: whoosh3.W3LeafMatcher, values: bool = True):
        self._matcher = matcher
        #: whether values() will be asked for: if not, blocks are read without them
        self._values = values
        self._head: tuple[int, tuple] | None = None  # (block data offset, (ids, weights))

    def active(self) -> bool:
        return self._matcher.is_active()

    def max_id(self) -> int:
        """The largest segment docnum of the current block (known without decoding it)."""
        return self._matcher.block_max_id()

    def next_block(self) -> None:
        self._matcher._next_block()

    def _data(self) -> tuple:
        if self._matcher._data is None:
            self._matcher._read_data()
        return self._matcher._data

    def _ids_weights(self) -> tuple:
        """(ids, weights) of the current block: from its decoded data, or when values()
        will not be asked for, unpickled without the values (the encoded positions are
        most of a block's pickle: about 15x less to unpickle)."""
        matcher = self._matcher
        if self._values or matcher._data is not None or matcher._byteids:
            return self._data()[:2]
        if self._head is None or self._head[0] != matcher._dataoffset:
            self._head = (matcher._dataoffset, _block_head(matcher))
        return self._head[1]

    def deltas(self, previous_max: int) -> np.ndarray:
        """The block's docnums as deltas, the first from `previous_max` (0: absolute ids)."""
        raw = self._ids_weights()[0]
        if self._matcher._byteids:  # stored as plain ids: make them deltas
            return np.diff(np.asarray(raw, dtype=np.int64), prepend=previous_max)
        deltas = np.fromiter(raw, dtype=np.int64, count=len(raw))
        deltas[0] -= previous_max  # the first id of a block is absolute
        return deltas

    def weights(self) -> np.ndarray:
        raw, count = self._ids_weights()[1], self._matcher._blocklength
        if raw is None:
            return np.ones(count, dtype=WEIGHT_DTYPE)
        if isinstance(raw, float):
            return np.full(count, raw, dtype=WEIGHT_DTYPE)
        return np.asarray(raw, dtype=WEIGHT_DTYPE)

    def values(self) -> list:
        """The block's raw posting values (encoded positions), one per posting."""
        return self._data()[2]


#: where a block's pickled data (ids, weights, values) reaches its values: a MARK, then the
#: first value's bytes as protocol 2 writes them (_codecs.encode)
_VALUES_START = b"(c_codecs\nencode\n"
_BINPUT, _TUPLE2_STOP = 0x71, b"\x86."


def _block_head(matcher: whoosh3.W3LeafMatcher) -> tuple:
    """(ids, weights) of the matcher's current block, the pickle cut where its values
    begin (exactly the objects the whole pickle holds); the whole block decoded as Whoosh
    does when it is laid out otherwise."""
    raw = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
    raw = zlib.decompress(raw) if matcher._compression else raw
    cut = raw.find(_VALUES_START)
    cut -= 2 if cut >= 2 and raw[cut - 2] == _BINPUT else 0  # the weights' memo entry
    try:
        ids, weights = pickle.loads(raw[:cut] + _TUPLE2_STOP) if cut > 0 else (None, None)
    except (pickle.UnpicklingError, ValueError, TypeError, IndexError, EOFError):
        ids = weights = None
    count = matcher._blocklength
    if ids is not None and len(ids) == count and (
            weights is None or isinstance(weights, float) or len(weights) == count):
        return ids, weights
    matcher._data = pickle.loads(raw)
    return matcher._data[:2]


def block_cursor(matcher, values: bool = True) -> BlockCursor | None:
    """A BlockCursor over a raw Whoosh 3 posting matcher (`values`: whether the posting
    values will be read); None for any other matcher (short posting lists inlined in the
    term info, or another codec): step through those with the public matcher API."""
    if isinstance(matcher, whoosh3.W3LeafMatcher) and all(
            hasattr(matcher, a) for a in ("_data", "_read_data", "_next_block", "_byteids",
                                          "_blocklength", "_postfile", "_dataoffset",
                                          "_nextoffset", "_compression")):
        return BlockCursor(matcher, values)
    return None


def raw_column_bytes(column) -> bytes | None:
    """The fixed-size values of a Whoosh numeric column as one buffer, or None for another
    layout (then read the column value by value)."""
    if not all(hasattr(column, a) for a in ("_dbfile", "_basepos", "_count", "_fixedlen")):
        return None
    return column._dbfile.get(column._basepos, column._count * column._fixedlen)


def length_codes(leaf, fieldname: str) -> np.ndarray | None:
    """One byte per document of a segment: the quantised length of `fieldname` (decode with
    LENGTH_OF_BYTE); None if this segment keeps its lengths otherwise."""
    perdoc = getattr(leaf, "_perdoc", None)
    if perdoc is None or not hasattr(perdoc, "_cached_reader") \
            or not hasattr(whoosh3, "_lenfield"):
        return None
    column = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    raw = raw_column_bytes(column) if column is not None else None
    return None if raw is None else np.frombuffer(raw, dtype=np.uint8)


def latest_commit(path: str | Path, indexname: str) -> int:
    """The number of the latest commit (table of contents) of the index in `path`, -1 if none."""
    try:
        return TOC._latest_generation(FileStorage(str(path), readonly=True), indexname)
    except OSError:
        return -1


def column_datetime(value: int) -> datetime:
    """A datetime as Whoosh stores it in a DATETIME column (microseconds since year 1)."""
    return long_to_datetime(value)


def segment_id(leaf) -> str:
    """The id of the segment a leaf reader reads (its files' name); segments never change,
    so the id keys what is derived from one (search/spell_vocab.py)."""
    return leaf.segment().segment_id()
