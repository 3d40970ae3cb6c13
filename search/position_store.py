"""Decoded word positions of each segment's frequent terms, kept beside the generation as
memory-mapped arrays, so that a phrase never decodes a frequent word's posting blocks.

A phrase over a frequent word used to decompress and unpickle every posting block of that
word (hundreds of blocks at 100k documents) on its first use in a generation, then keep the
still-encoded positions in a per-process cache. Here each segment's terms held by at least
`MIN_DOCS` of its documents are decoded once - segments never change - and written as flat
arrays per field (compressed sparse rows: per posting its document and where its positions
start in one positions array). Every process maps the same files (`np.memmap`), so the
pages are shared and read through the page cache; a term in fewer documents of a segment
costs at most a few Whoosh blocks and is read from the index as before.

Files: `.positions-<segment id>/` in the generation directory, holding `<field>.docnums`
(int32, the segment's document numbers), `<field>.starts` (uint32, one more than postings:
posting i's positions are `positions[starts[i]:starts[i+1]]`), `<field>.positions` (uint16,
or uint32 when a position passes 65535), `<field>.weights` (float32, only for the terms whose
weights are not their number of positions) and `terms.pickle` (search.derived_files: per
field, term -> (first posting, end posting, first weight or -1), the dtypes and the sizes).
Written in a temporary directory renamed into place; recomputed when missing or stale.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from search import derived_files
from search.positions import DecodedPositions, TermPositions, decode_positions_bulk
from search.postings import (
    DOCNUM_DTYPE,
    rows_holding,
    term_postings,
    term_postings_positions,
    term_postings_within,
)
from search.whoosh_adapter import WEIGHT_DTYPE, segment_id

#: the fields phrases are matched in
FIELDS = ("title", "body")
#: a term in fewer documents of a segment is not stored: Whoosh reads it in at most 8 blocks
MIN_DOCS = 1024
PREFIX = ".positions-"
#: bumped when what the files hold changes, so older files are rebuilt
FORMAT = 1
#: terms decoded per hold of the generation lock while a segment is built
TERMS_PER_LOCK = 2
_STARTS_DTYPE = np.uint32
_LIMIT = np.iinfo(_STARTS_DTYPE).max


@dataclass(frozen=True)
class FieldPositions:
    """One field of one segment: the stored terms' postings and positions (memory maps)."""

    terms: dict[str, tuple[int, int, int]]  # term -> (first posting, end, first weight or -1)
    docnums: np.ndarray  # the segment's docnums, sorted within each term
    starts: np.ndarray  # len(docnums) + 1 offsets into positions
    positions: np.ndarray
    weights: np.ndarray  # the weights of the terms whose weights are not position counts

    def rows_of(self, text: str, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(posting rows, segment docnums) of a stored term in the `wanted` (sorted)
        segment docnums."""
        first, end, _ = self.terms[text]
        docs = np.asarray(self.docnums[first:end])  # a plain view: no memmap per indexing
        rows = rows_holding(docs, wanted)
        return rows + first, docs[rows]

    def postings(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(segment docnums, weights) of every posting of a stored term, read as slices."""
        first, end, weights_at = self.terms[text]
        docs = np.asarray(self.docnums[first:end])
        if weights_at < 0:  # the weight of a posting is its number of positions
            return docs, np.diff(np.asarray(self.starts[first:end + 1])).astype(WEIGHT_DTYPE)
        return docs, np.asarray(self.weights[weights_at:weights_at + end - first],
                                dtype=WEIGHT_DTYPE)

    def weights_of(self, text: str, rows: np.ndarray) -> np.ndarray:
        first, _, weights_at = self.terms[text]
        if weights_at < 0:  # the weight of a posting is its number of positions
            starts = np.asarray(self.starts)
            return (starts[rows + 1].astype(np.int64) - starts[rows]).astype(WEIGHT_DTYPE)
        return np.asarray(self.weights)[weights_at + rows - first].astype(WEIGHT_DTYPE)


@dataclass(frozen=True)
class SegmentPositions:
    fields: dict[str, FieldPositions]


class PositionStore:
    """The stored positions of every segment of one generation, used by term_positions()
    and positions_within() of search.generation; a term a segment does not store is read
    from Whoosh for that segment only."""

    def __init__(self, segments: list[tuple[object, int, SegmentPositions]], lock):
        self._segments = segments
        self._lock = lock

    def has_field(self, fieldname: str) -> bool:
        return all(fieldname in stored.fields for _, _, stored in self._segments)

    def term(self, fieldname: str, text: str) -> TermPositions:
        """Every posting of a term (deleted documents included), with its positions."""
        return self._join(fieldname, text, None)

    def within(self, fieldname: str, text: str, wanted: np.ndarray) -> TermPositions:
        """The postings of a term in the given sorted global docnums."""
        return self._join(fieldname, text, np.asarray(wanted, dtype=np.int64))

    def postings(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(global docnums, weights) of a term, as search.postings.term_postings reads them."""
        pieces = []
        for leaf, offset, stored in self._segments:
            field = stored.fields[fieldname]
            if text in field.terms:
                pieces.append((offset, *field.postings(text)))
            else:
                with self._lock:
                    pieces.append((offset, *term_postings(leaf, fieldname, text)))
        return _concatenated(pieces)

    def _join(self, fieldname: str, text: str, wanted: np.ndarray | None) -> TermPositions:
        pieces = []
        for leaf, offset, stored in self._segments:
            local = None
            if wanted is not None:
                lo, hi = np.searchsorted(wanted, [offset, offset + leaf.doc_count_all()])
                if lo == hi:
                    continue
                local = wanted[lo:hi] - offset
            field = stored.fields[fieldname]
            piece = _stored_piece(field, text, local) if text in field.terms \
                else self._whoosh_piece(leaf, fieldname, text, local)
            if len(piece[0]):
                pieces.append((piece[0] + offset, *piece[1:]))
        return _joined(pieces)

    def _whoosh_piece(self, leaf, fieldname: str, text: str, local: np.ndarray | None):
        """A term this segment holds in fewer than MIN_DOCS documents, read from Whoosh."""
        with self._lock:
            if local is None:
                docnums, weights, values = term_postings_positions(leaf, fieldname, text)
            else:
                docnums, weights, values = term_postings_within(leaf, fieldname, text, local)
        owner, positions = decode_positions_bulk(values)
        starts = np.zeros(len(values) + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner, minlength=len(values)), out=starts[1:])
        return docnums.astype(np.int64), weights, positions, starts[:-1], starts[1:]


def _concatenated(pieces: list[tuple[int, np.ndarray, np.ndarray]]
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(global docnums, weights) of (segment offset, segment docnums, weights) pieces, written
    once into arrays of their final type."""
    total = sum(len(docs) for _, docs, _ in pieces)
    docnums = np.empty(total, dtype=DOCNUM_DTYPE)
    weights = np.empty(total, dtype=WEIGHT_DTYPE)
    at = 0
    for offset, docs, wts in pieces:
        np.add(docs, offset, out=docnums[at:at + len(docs)], casting="unsafe")
        weights[at:at + len(docs)] = wts
        at += len(docs)
    return docnums, weights


def _stored_piece(field: FieldPositions, text: str, local: np.ndarray | None):
    if local is None:  # every posting: slices, nothing gathered
        first, end, _ = field.terms[text]
        docs, weights = field.postings(text)
        bounds = np.asarray(field.starts[first:end + 1]).astype(np.int64)
        return docs.astype(np.int64), weights, field.positions, bounds[:-1], bounds[1:]
    rows, docs = field.rows_of(text, local)
    starts = np.asarray(field.starts)
    return (docs.astype(np.int64), field.weights_of(text, rows), field.positions,
            starts[rows].astype(np.int64), starts[rows + 1].astype(np.int64))


def _joined(pieces: list[tuple]) -> TermPositions:
    if not pieces:
        empty = np.zeros(0, dtype=np.int64)
        return TermPositions(empty.astype(DOCNUM_DTYPE), empty.astype(WEIGHT_DTYPE),
                             DecodedPositions((empty,), empty.astype(np.int16), empty, empty))
    docnums, weights, parts, starts, ends = zip(*pieces, strict=True)
    part = np.repeat(np.arange(len(pieces), dtype=np.int16), [len(d) for d in docnums])
    return TermPositions(np.concatenate(docnums).astype(DOCNUM_DTYPE),
                         np.concatenate(weights).astype(WEIGHT_DTYPE),
                         DecodedPositions(tuple(parts), part, np.concatenate(starts),
                                          np.concatenate(ends)))


# -- building and reading the files of one segment ---------------------------------------

def segment_positions(leaf, locked: Callable[[], AbstractContextManager],
                      directory: Path, min_docs: int = MIN_DOCS) -> SegmentPositions | None:
    """The stored positions of one segment reader: from its files beside the generation,
    else decoded (a few terms per hold of the lock) and written there; None when they can
    be neither read nor written (a read-only directory: phrases read Whoosh as before)."""
    path = directory / f"{PREFIX}{segment_id(leaf)}"
    key = _key(leaf, min_docs)
    found = _open(path, key)
    if found is not None:
        return found
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.mkdir()
        meta = {field: _write_field(leaf, field, locked, tmp, min_docs)
                for field in FIELDS if _has_field(leaf, field)}
        if not derived_files.save(tmp / "terms.pickle", key, meta):
            raise OSError("not writable")
        shutil.rmtree(path, ignore_errors=True)  # a stale format, or a half-removed one
        os.replace(tmp, path)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        return _open(path, key)  # another process may have written it meanwhile
    return _open(path, key)


def drop_others(directory: Path, leaves, opened_at: float) -> None:
    """Remove the folders of segments no longer in the index (merged away), unless written
    after this reader opened (search.derived_files.drop_other_segments)."""
    derived_files.drop_other_segments(directory, PREFIX, "",
                                      [segment_id(leaf) for leaf in leaves], opened_at)


def _key(leaf, min_docs: int) -> tuple:
    return (FORMAT, segment_id(leaf), leaf.doc_count_all(), min_docs)


def _has_field(leaf, field: str) -> bool:
    return field in leaf.schema and leaf.schema[field].format.supports("positions")


def _open(path: Path, key) -> SegmentPositions | None:
    meta = derived_files.load(path / "terms.pickle", key, dict)
    if meta is None:
        return None
    try:
        return SegmentPositions({field: _map_field(path, field, info)
                                 for field, info in meta.items()})
    except (OSError, ValueError):
        return None


def _map_field(path: Path, field: str, info: dict) -> FieldPositions:
    def mapped(name: str) -> np.ndarray:
        dtype, count = info["arrays"][name]
        if not count:
            return np.zeros(0, dtype=dtype)
        return np.memmap(path / f"{field}.{name}", dtype=dtype, mode="r", shape=(count,))
    return FieldPositions(info["terms"], mapped("docnums"), mapped("starts"),
                          mapped("positions"), mapped("weights"))


def _stored_terms(leaf, field: str, min_docs: int) -> list[str]:
    return [text.decode("utf-8") if isinstance(text, bytes) else text
            for text, info in leaf.iter_field(field) if info.doc_frequency() >= min_docs]


def _decoded_terms(leaf, field: str, texts: list[str],
                   locked: Callable[[], AbstractContextManager]) -> Iterator[tuple]:
    """(term, segment docnums, weights, positions, positions per posting) of each term."""
    for at in range(0, len(texts), TERMS_PER_LOCK):
        with locked():
            read = [(text, *term_postings_positions(leaf, field, text))
                    for text in texts[at:at + TERMS_PER_LOCK]]
        for text, docnums, weights, values in read:
            owner, positions = decode_positions_bulk(values)
            yield text, docnums, weights, positions, np.bincount(owner, minlength=len(values))


def _write_field(leaf, field: str, locked, directory: Path, min_docs: int) -> dict:
    """Decode the field's stored terms into the four files; returns the field's metadata."""
    with locked():
        texts = _stored_terms(leaf, field, min_docs)
    terms, postings, total, weighted, largest = {}, 0, 0, 0, 0
    names = ("docnums", "starts", "positions32", "weights")
    files = {name: (directory / f"{field}.{name}").open("wb") for name in names}
    try:
        np.zeros(1, dtype=_STARTS_DTYPE).tofile(files["starts"])
        for text, docnums, weights, positions, counts in _decoded_terms(leaf, field, texts,
                                                                       locked):
            if total + len(positions) > _LIMIT:
                break  # the rest stays in Whoosh: a segment of billions of positions
            weights_at = -1
            if not np.array_equal(weights, counts.astype(WEIGHT_DTYPE)):
                weights_at = weighted
                weights.astype(WEIGHT_DTYPE).tofile(files["weights"])
                weighted += len(weights)
            terms[text] = (postings, postings + len(docnums), weights_at)
            docnums.astype(np.int32).tofile(files["docnums"])
            (total + np.cumsum(counts)).astype(_STARTS_DTYPE).tofile(files["starts"])
            positions.astype(np.uint32).tofile(files["positions32"])
            postings, total = postings + len(docnums), total + len(positions)
            largest = max(largest, int(positions.max(initial=0)))
    finally:
        for handle in files.values():
            handle.close()
    positions_dtype = _narrow_positions(directory, field, total, largest)
    return {"terms": terms, "arrays": {
        "docnums": ("int32", postings), "starts": (_STARTS_DTYPE().dtype.name, postings + 1),
        "positions": (positions_dtype, total), "weights": ("float32", weighted)}}


def _narrow_positions(directory: Path, field: str, total: int, largest: int) -> str:
    """Rewrite the positions as uint16 when they all fit (half the pages); the dtype."""
    wide = directory / f"{field}.positions32"
    target = directory / f"{field}.positions"
    if largest > np.iinfo(np.uint16).max or not total:
        os.replace(wide, target)
        return "uint32"
    source = np.memmap(wide, dtype=np.uint32, mode="r", shape=(total,))
    with target.open("wb") as handle:
        for at in range(0, total, 1 << 22):
            source[at:at + (1 << 22)].astype(np.uint16).tofile(handle)
    del source
    wide.unlink()
    return "uint16"


# -- the generation's holder ---------------------------------------------------------------

class StoredPositions:
    """The position store of a generation, loaded (or built and written) in a background
    thread when the generation opens; `get()` is None until every segment has its files,
    and phrases read Whoosh meanwhile (the same results, slower)."""

    def __init__(self, gen, directory: Path | None, min_docs: int | None = None,
                 background: bool = True):
        self._gen = gen
        self._directory = directory
        self._min_docs = MIN_DOCS if min_docs is None else min_docs
        self._store: PositionStore | None = None
        self._ready = threading.Event()
        #: False serves phrases the old way (for side-by-side benchmarks and tests)
        self.enabled = True
        self.failed: BaseException | None = None
        self.seconds = 0.0
        if directory is None:
            self._ready.set()
        elif background:
            threading.Thread(target=self._load, name="trawl-positions", daemon=True).start()
        else:
            self._load()

    def ready(self, timeout: float | None = 0.0) -> bool:
        return self._ready.wait(timeout) and self._store is not None

    def get(self) -> PositionStore | None:
        return self._store if self.enabled else None

    def for_field(self, fieldname: str) -> PositionStore | None:
        """The store when it is ready, enabled and holds `fieldname`, else None."""
        store = self.get()
        return store if store is not None and store.has_field(fieldname) else None

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            with self._gen.lock:
                leaves = list(self._gen.reader.leaf_readers())
            found = []
            for leaf, offset in leaves:
                stored = segment_positions(leaf, lambda: self._gen.lock, self._directory,
                                           self._min_docs)
                if stored is None:
                    return
                found.append((leaf, offset, stored))
            drop_others(self._directory, [leaf for leaf, _ in leaves], self._gen.opened_at)
            self._store = PositionStore(found, self._gen.lock)
        except Exception as error:  # a closed or damaged reader: phrases read Whoosh
            self.failed = error
        finally:
            self.seconds = time.perf_counter() - started
            self._ready.set()
