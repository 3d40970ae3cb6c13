"""Word positions of many postings at once, decoded with numpy.

A Whoosh `Positions` posting value is a 4-byte big-endian count followed by the pickle
(protocol 2) of the list of position deltas. Unpickling each value costs about 1.5 us of
Python; a phrase over frequent words has tens of thousands of candidate postings. The
pickles of small integer lists only use a handful of opcodes, so all of them are read
side by side: one numpy step per list element, whatever the number of postings.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from pickle import loads

import numpy as np

from search.postings import rows_holding

_COUNT_BYTES = 4
_HEADER_BYTES = _COUNT_BYTES + 5  # count, then b"\x80\x02]q\x00": protocol 2, list, memo
_BININT1, _BININT2, _BININT = 0x4B, 0x4D, 0x4A  # K: 1 byte, M: 2 bytes, J: 4 bytes
_NOT_ITEMS = (0x28, 0x65, 0x61)  # MARK, APPENDS, APPEND: list plumbing around the items


def decode_positions(value: bytes) -> list[int]:
    """Word positions of one posting value."""
    return list(accumulate(loads(value[_COUNT_BYTES:] + b".")))


def decode_positions_bulk(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(index of the value, position) of every position in the values, in value order."""
    encoded = EncodedPositions.join(values)
    return encoded.decode(np.arange(len(values)))


def _decode_at(buf: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index of the offset, position) of the values starting at `offsets` in `buf`."""
    if not len(offsets):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    owner, deltas, starts = _read_deltas(buf, offsets)
    totals = np.cumsum(deltas)
    before = (totals - deltas)[starts[owner]]  # running total where each value begins
    return owner, totals - before


def _byte(buf: np.ndarray, at: np.ndarray) -> np.ndarray:
    return buf[at].astype(np.int64)


def _read_deltas(buf: np.ndarray, offsets: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(owner of each delta, the deltas, index of each value's first delta)."""
    counts = (_byte(buf, offsets) << 24) | (_byte(buf, offsets + 1) << 16) \
        | (_byte(buf, offsets + 2) << 8) | _byte(buf, offsets + 3)
    starts = np.zeros(len(offsets), dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    deltas = np.zeros(int(counts.sum()), dtype=np.int64)
    pointer, done = offsets + _HEADER_BYTES, np.zeros(len(offsets), dtype=np.int64)
    active = np.flatnonzero(counts > 0)
    while active.size:
        _step(buf, pointer, done, deltas, starts, active)
        active = active[done[active] < counts[active]]
    return np.repeat(np.arange(len(offsets)), counts), deltas, starts


def _step(buf: np.ndarray, pointer: np.ndarray, done: np.ndarray, deltas: np.ndarray,
          starts: np.ndarray, active: np.ndarray) -> None:
    """Read one opcode of every active value: an item (stored in `deltas`) or plumbing."""
    ops = _byte(buf, pointer[active])
    known = np.isin(ops, _NOT_ITEMS) | (ops == _BININT1) | (ops == _BININT2) | (ops == _BININT)
    if not known.all():
        raise ValueError("unexpected pickle opcode in a positions value")
    pointer[active[np.isin(ops, _NOT_ITEMS)]] += 1
    for op, width in ((_BININT1, 1), (_BININT2, 2), (_BININT, 4)):
        rows = active[ops == op]
        if not rows.size:
            continue
        at = pointer[rows] + 1
        item = sum(_byte(buf, at + k) << (8 * k) for k in range(width))
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


@dataclass(frozen=True)
class EncodedPositions:
    """Whoosh position values joined in one byte buffer, decoded only for the rows asked."""

    buffer: np.ndarray  # uint8, the values back to back (plus padding)
    offsets: np.ndarray  # where each value starts in `buffer`
    ends: np.ndarray  # where each value ends

    @classmethod
    def join(cls, values: list[bytes]) -> EncodedPositions:
        lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
        offsets = np.zeros(len(values), dtype=np.int64)
        np.cumsum(lengths[:-1], out=offsets[1:])
        return cls(np.frombuffer(b"".join(values) + bytes(8), dtype=np.uint8), offsets,
                   offsets + lengths)

    def rows(self, rows: np.ndarray) -> EncodedPositions:
        """The values at the given rows (sharing the buffer)."""
        return EncodedPositions(self.buffer, self.offsets[rows], self.ends[rows])

    def decode(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(index into `rows`, position) of every position of those values."""
        try:
            return _decode_at(self.buffer, self.offsets[rows])
        except ValueError:  # an opcode this reader does not know: let pickle do it
            data = self.buffer.tobytes()
            return _decode_one_by_one([data[self.offsets[r]:self.ends[r]] for r in rows.tolist()])


@dataclass(frozen=True)
class DecodedPositions:
    """Positions already decoded into flat arrays (search.position_store): row i's positions
    are `parts[part[i]][starts[i]:ends[i]]`; the parts may be memory maps, and row subsets
    share them."""

    parts: tuple[np.ndarray, ...]
    part: np.ndarray  # which part each row's positions are in
    starts: np.ndarray  # int64
    ends: np.ndarray

    def rows(self, rows: np.ndarray) -> DecodedPositions:
        return DecodedPositions(self.parts, self.part[rows], self.starts[rows], self.ends[rows])

    def decode(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(index into `rows`, position) of every position of those rows."""
        starts = self.starts[rows]
        lengths = self.ends[rows] - starts
        owner = np.repeat(np.arange(len(starts)), lengths)
        first = np.cumsum(lengths) - lengths
        at = np.arange(len(owner)) + (starts - first)[owner]
        if len(self.parts) == 1:
            return owner, np.asarray(self.parts[0])[at].astype(np.int64)
        return owner, self._from_parts(self.part[rows], lengths, at)

    def _from_parts(self, part: np.ndarray, lengths: np.ndarray, at: np.ndarray) -> np.ndarray:
        """The positions at `at` (`lengths[i]` of them for row i), read from each row's part:
        one slice per run of rows in the same part (rows in docnum order make one run per
        segment), or one pass per part when the rows come in another order."""
        positions = np.zeros(len(at), dtype=np.int64)
        if not len(part):
            return positions
        change = np.flatnonzero(np.diff(part)) + 1  # the rows starting a run
        if len(change) >= 4 * len(self.parts):
            of_position = np.repeat(part, lengths)
            for index in np.unique(part).tolist():
                picked = of_position == index
                positions[picked] = np.asarray(self.parts[index])[at[picked]]
            return positions
        bounds = np.concatenate(([0], np.cumsum(lengths)))  # each row's first position
        runs = [0, *change.tolist(), len(part)]
        for begin, end in zip(runs[:-1], runs[1:], strict=True):
            span = slice(int(bounds[begin]), int(bounds[end]))
            positions[span] = np.asarray(self.parts[int(part[begin])])[at[span]]
        return positions


@dataclass(frozen=True)
class TermPositions:
    """A term's postings with their encoded word positions, decoded on demand; row subsets
    share the byte buffer, so narrowing to candidates copies no position data."""

    docnums: np.ndarray  # sorted global document numbers
    weights: np.ndarray  # the term's weight in each document
    encoded: EncodedPositions | DecodedPositions  # one value per posting

    @classmethod
    def from_values(cls, docnums: np.ndarray, weights: np.ndarray,
                    values: list[bytes]) -> TermPositions:
        return cls(docnums, weights, EncodedPositions.join(values))

    def within(self, wanted: np.ndarray) -> TermPositions:
        """The postings of the given sorted document numbers that hold the term."""
        return self.rows(rows_holding(self.docnums, wanted))

    def rows(self, rows: np.ndarray) -> TermPositions:
        """The postings at the given ascending rows."""
        return TermPositions(self.docnums[rows], self.weights[rows], self.encoded.rows(rows))

    def positions(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(index into `rows`, word position) of every position of those postings."""
        return self.encoded.decode(rows)
