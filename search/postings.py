"""Posting lists as numpy arrays of document numbers, read block by block.

Whoosh's matchers step through postings one Python call per document (about 1 us each);
counting facets or building match masks over tens of thousands of documents that way costs
tens of milliseconds. Whoosh 3 posting blocks store delta-encoded ids, so a whole posting
list decodes with one `np.cumsum`. Deleted documents are NOT removed here: callers AND the
result with the generation's live mask.
"""

from __future__ import annotations

import numpy as np
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, TermNotFound

from search.whoosh_adapter import WEIGHT_DTYPE, BlockCursor, block_cursor

DOCNUM_DTYPE = np.int32
#: rows_holding() searches for each wanted value when they are fewer than 1/MARK_SHARE of
#: the values, else marks them all
MARK_SHARE = 8
EMPTY = np.zeros(0, dtype=DOCNUM_DTYPE)


def rows_holding(values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The rows of `values` (sorted, distinct, not negative) equal to one of `wanted`
    (sorted, distinct), ascending: a binary search per wanted value when they are few,
    else the wanted values marked in a mask read at every row (no search)."""
    if not len(values) or not len(wanted):
        return np.zeros(0, dtype=np.int64)
    if len(wanted) * MARK_SHARE < len(values):
        rows = np.searchsorted(values, wanted)
        inside = rows < len(values)
        rows = rows[inside]
        return rows[values[rows] == wanted[inside]]
    marked = np.zeros(int(max(values[-1], wanted[-1])) + 1, dtype=bool)
    marked[wanted] = True
    return np.flatnonzero(marked[values])


def segments(reader: IndexReader) -> list[tuple[IndexReader, int]]:
    """(segment reader, first global document number) pairs of a reader."""
    return list(reader.leaf_readers())


def term_docnums(reader: IndexReader, fieldname: str, text: str | bytes) -> np.ndarray:
    """Sorted global document numbers of the documents holding a term (deleted ones included)."""
    return term_postings(reader, fieldname, text, weights=False)[0]


def term_postings(reader: IndexReader, fieldname: str, text: str | bytes,
                  weights: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
    """(docnums, weights) of a term over all segments; weights include the field boost."""
    ids, wts = [], []
    for leaf, offset in segments(reader):
        leaf_ids, leaf_wts = _leaf_postings(leaf, fieldname, text, weights)
        if len(leaf_ids):
            ids.append(leaf_ids + offset if offset else leaf_ids)
            wts.append(leaf_wts)
    docnums = _concat(ids, DOCNUM_DTYPE)
    return docnums, (_concat(wts, WEIGHT_DTYPE) if weights else None)


def _concat(parts: list[np.ndarray], dtype) -> np.ndarray:
    if not parts:
        return np.zeros(0, dtype=dtype)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def leaf_matcher(leaf: IndexReader, fieldname: str, text: str | bytes):
    """The raw posting matcher of a term in one segment (no deleted-docs filter), or None."""
    try:
        matcher = leaf.postings(fieldname, text)
    except TermNotFound:
        return None
    while isinstance(matcher, FilterMatcher):  # the deleted-documents filter: see module doc
        matcher = matcher.child
    return matcher


def _leaf_postings(leaf: IndexReader, fieldname: str, text: str | bytes,
                   weights: bool) -> tuple[np.ndarray, np.ndarray | None]:
    matcher = leaf_matcher(leaf, fieldname, text)
    if matcher is None:
        return EMPTY, None
    if (cursor := block_cursor(matcher, values=False)) is not None:
        return _decode_blocks(cursor, weights)
    ids, wts = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        if weights:
            wts.append(matcher.weight())
        matcher.next()
    return (np.asarray(ids, dtype=DOCNUM_DTYPE),
            np.asarray(wts, dtype=WEIGHT_DTYPE) if weights else None)


def _decode_blocks(cursor: BlockCursor, weights: bool,
                   values: list | None = None) -> tuple[np.ndarray, np.ndarray | None]:
    """Concatenate every block's delta-encoded ids and decode them with one cumsum;
    the raw posting values (encoded positions) are appended to `values` if given."""
    blocks, block_weights, previous_max = [], [], 0
    while cursor.active():
        blocks.append(cursor.deltas(previous_max))
        if weights:
            block_weights.append(cursor.weights())
        if values is not None:
            values.extend(cursor.values())
        previous_max = cursor.max_id()
        cursor.next_block()
    if not blocks:  # e.g. a segment whose documents are all deleted
        return EMPTY, (np.zeros(0, dtype=WEIGHT_DTYPE) if weights else None)
    docnums = np.cumsum(np.concatenate(blocks)).astype(DOCNUM_DTYPE)
    return docnums, (np.concatenate(block_weights) if weights else None)


def field_terms(reader: IndexReader, fieldname: str) -> list[str]:
    """Every term of a field, in index (byte) order, decoded as text."""
    return [t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon(fieldname)]


def chain_ids(arrays: list[np.ndarray]) -> np.ndarray:
    """Concatenate docnum arrays (an empty list gives an empty array)."""
    return np.concatenate(arrays) if arrays else EMPTY


def term_postings_positions(reader: IndexReader, fieldname: str, text: str | bytes
                            ) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
    """(docnums, weights, encoded positions) of a term, in one pass over its blocks."""
    ids, wts, values = [], [], []
    for leaf, offset in segments(reader):
        matcher = leaf_matcher(leaf, fieldname, text)
        if matcher is None:
            continue
        if (cursor := block_cursor(matcher)) is not None:
            leaf_ids, leaf_wts = _decode_blocks(cursor, True, values)
        else:
            leaf_ids, leaf_wts, leaf_values = _walk(matcher)
            values.extend(leaf_values)
        ids.append(leaf_ids + offset if offset else leaf_ids)
        wts.append(leaf_wts)
    return _concat(ids, DOCNUM_DTYPE), _concat(wts, WEIGHT_DTYPE), values


def _walk(matcher) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
    ids, wts, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        wts.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    return np.asarray(ids, dtype=DOCNUM_DTYPE), np.asarray(wts, dtype=WEIGHT_DTYPE), values


def term_postings_within(reader: IndexReader, fieldname: str, text: str | bytes,
                         wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
    """(docnums, weights, encoded positions) of a term, only for the given sorted global
    docnums; posting blocks holding none of them are skipped without being decoded, so a
    frequent word costs what the rarer words of a phrase let through."""
    ids, wts, values = [], [], []
    for leaf, offset in segments(reader):
        lo, hi = np.searchsorted(wanted, [offset, offset + leaf.doc_count_all()])
        matcher = leaf_matcher(leaf, fieldname, text) if lo < hi else None
        if matcher is None:
            continue
        local = wanted[lo:hi].astype(np.int64) - offset
        cursor = block_cursor(matcher)
        found = _walk_within(matcher, local) if cursor is None else _blocks_within(cursor, local)
        for block_ids, block_weights, block_values in found:
            ids.append(block_ids + offset)
            wts.append(block_weights)
            values.extend(block_values)
    return _concat(ids, DOCNUM_DTYPE).astype(DOCNUM_DTYPE), _concat(wts, WEIGHT_DTYPE), values


def _blocks_within(cursor: BlockCursor, local: np.ndarray):
    """Per decoded block: (docnums, weights, values) of the wanted segment docnums in it."""
    i = 0
    while cursor.active() and i < len(local):
        if cursor.max_id() < local[i]:
            cursor.next_block()  # skipped without decoding
            continue
        ids = np.cumsum(cursor.deltas(0))
        end = int(np.searchsorted(local, cursor.max_id(), side="right"))
        wanted = local[i:end]
        rows = np.minimum(np.searchsorted(ids, wanted), len(ids) - 1)
        rows = rows[ids[rows] == wanted]
        block_values = cursor.values()
        yield ids[rows], cursor.weights()[rows], [block_values[r] for r in rows.tolist()]
        i = end
        cursor.next_block()


def _walk_within(matcher, local: np.ndarray):
    """The same for other matchers (inlined short posting lists), one document at a time."""
    ids, wts, values = [], [], []
    for docnum in local.tolist():
        if not matcher.is_active():
            break
        matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            ids.append(docnum)
            wts.append(matcher.weight())
            values.append(matcher.value())
    yield np.asarray(ids, dtype=np.int64), np.asarray(wts, dtype=WEIGHT_DTYPE), values
