"""Word positions of many postings at once, decoded with numpy.

A Whoosh `Positions` posting value is a 4-byte big-endian count followed by the pickle
(protocol 2) of the list of position deltas. Unpickling each value costs about 1.5 us of
Python; a phrase over frequent words has tens of thousands of candidate postings. The
pickles of small integer lists only use a handful of opcodes, so all of them are read
side by side: one numpy step per list element, whatever the number of postings.
"""

from __future__ import annotations

from itertools import accumulate
from pickle import loads

import numpy as np

_COUNT_BYTES = 4
_HEADER_BYTES = _COUNT_BYTES + 5  # count, then b"\x80\x02]q\x00": protocol 2, list, memo
_BININT1, _BININT2, _BININT = 0x4B, 0x4D, 0x4A  # K: 1 byte, M: 2 bytes, J: 4 bytes
_NOT_ITEMS = (0x28, 0x65, 0x61)  # MARK, APPENDS, APPEND: list plumbing around the items


def decode_positions(value: bytes) -> list[int]:
    """Word positions of one posting value."""
    return list(accumulate(loads(value[_COUNT_BYTES:] + b".")))


def decode_positions_bulk(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(index of the value, position) of every position in the values, in value order."""
    if not values:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    try:
        owner, deltas, starts = _read_deltas(values)
    except ValueError:  # an opcode this reader does not know: let pickle do it
        return _decode_one_by_one(values)
    totals = np.cumsum(deltas)
    before = (totals - deltas)[starts[owner]]  # running total where each value begins
    return owner, totals - before


def _read_deltas(values: list[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(owner of each delta, the deltas, index of each value's first delta)."""
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    buf = np.frombuffer(b"".join(values) + bytes(8), dtype=np.uint8).astype(np.int64)
    offsets = np.zeros(len(values), dtype=np.int64)
    np.cumsum(lengths[:-1], out=offsets[1:])
    counts = (buf[offsets] << 24) | (buf[offsets + 1] << 16) | (buf[offsets + 2] << 8) \
        | buf[offsets + 3]
    starts = np.zeros(len(values), dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    deltas = np.zeros(int(counts.sum()), dtype=np.int64)
    pointer, done = offsets + _HEADER_BYTES, np.zeros(len(values), dtype=np.int64)
    active = np.flatnonzero(counts > 0)
    while active.size:
        _step(buf, pointer, done, deltas, starts, active)
        active = active[done[active] < counts[active]]
    return np.repeat(np.arange(len(values)), counts), deltas, starts


def _step(buf: np.ndarray, pointer: np.ndarray, done: np.ndarray, deltas: np.ndarray,
          starts: np.ndarray, active: np.ndarray) -> None:
    """Read one opcode of every active value: an item (stored in `deltas`) or plumbing."""
    ops = buf[pointer[active]]
    known = np.isin(ops, _NOT_ITEMS) | (ops == _BININT1) | (ops == _BININT2) | (ops == _BININT)
    if not known.all():
        raise ValueError("unexpected pickle opcode in a positions value")
    pointer[active[np.isin(ops, _NOT_ITEMS)]] += 1
    for op, width in ((_BININT1, 1), (_BININT2, 2), (_BININT, 4)):
        rows = active[ops == op]
        if not rows.size:
            continue
        at = pointer[rows] + 1
        item = sum(buf[at + k] << (8 * k) for k in range(width))
        if width == 4:
            item = np.where(item >= 2**31, item - 2**32, item)
        deltas[starts[rows] + done[rows]] = item
        pointer[rows] += 1 + width
        done[rows] += 1


def _decode_one_by_one(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    decoded = [decode_positions(v) for v in values]
    owner = np.repeat(np.arange(len(values)), [len(p) for p in decoded])
    positions = np.fromiter((p for ps in decoded for p in ps), dtype=np.int64, count=len(owner))
    return owner, positions
