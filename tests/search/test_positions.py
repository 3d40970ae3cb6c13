"""Bulk decoding of Whoosh position values equals decoding them one by one."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from whoosh.formats import Positions

from search.positions import TermPositions, decode_positions, decode_positions_bulk

CASES = [
    [0],  # one item: APPEND instead of MARK ... APPENDS
    [3, 10, 400],  # 1- and 2-byte integers
    [5, 70_000, 2**31 - 1],  # 4-byte integers
    list(range(0, 3 * 1001, 3)),  # more than 1000 items: pickled in batches
    list(range(1001)),  # the last batch holds one item (APPEND again)
    [7, 8, 9],
]


def test_bulk_equals_one_by_one():
    values = [Positions().encode(positions) for positions in CASES]
    owner, positions = decode_positions_bulk(values)
    assert [decode_positions(v) for v in values] == CASES
    expected_owner = np.repeat(np.arange(len(CASES)), [len(c) for c in CASES])
    assert owner.tolist() == expected_owner.tolist()
    assert positions.tolist() == [p for case in CASES for p in case]


def test_values_without_the_final_stop_byte():
    values = [Positions().encode(c)[:-1] for c in CASES[:3]]
    assert decode_positions_bulk(values)[1].tolist() == [p for c in CASES[:3] for p in c]


def test_unknown_opcode_falls_back_to_pickle():
    value = (2).to_bytes(4, "big") + pickle.dumps([1, 2**40], 2)  # LONG1: not read in bulk
    owner, positions = decode_positions_bulk([value])
    assert (owner.tolist(), positions.tolist()) == ([0, 0], [1, 2**40 + 1])


def test_empty():
    owner, positions = decode_positions_bulk([])
    assert (owner.tolist(), positions.tolist()) == ([], [])


def test_term_positions_rows_and_within_decode_only_what_is_asked():
    values = [Positions().encode(p) for p in ([0, 3], [1], [2, 5, 9], [4, 300, 70000])]
    term = TermPositions.from_values(np.array([2, 5, 8, 11]), np.ones(4, dtype=np.float32),
                                     values)
    narrowed = term.within(np.array([1, 5, 11, 12]))
    assert narrowed.docnums.tolist() == [5, 11]
    owner, positions = narrowed.positions(np.arange(2))
    assert owner.tolist() == [0, 1, 1, 1]
    assert positions.tolist() == [1, 4, 300, 70000]
    assert term.positions(np.array([2]))[1].tolist() == [2, 5, 9]


def test_term_positions_subset_falls_back_to_pickle():
    odd = (2).to_bytes(4, "big") + pickle.dumps([1, 2**40], 2)
    values = [Positions().encode([4]), odd, Positions().encode([6, 7])]
    term = TermPositions.from_values(np.arange(3), np.ones(3, dtype=np.float32), values)
    owner, positions = term.within(np.array([1, 2])).positions(np.arange(2))
    assert (owner.tolist(), positions.tolist()) == ([0, 0, 1, 1], [1, 2**40 + 1, 6, 7])


@pytest.mark.parametrize("wanted_count", [0, 3, 40, 400])
def test_rows_holding_finds_the_rows_of_the_wanted_values(wanted_count):
    """Few wanted values are searched for, many marked: the same rows either way, wanted
    values absent from the list skipped."""
    from search.postings import rows_holding

    rng = np.random.default_rng(wanted_count)
    values = np.unique(rng.integers(0, 2000, 500)).astype(np.int32)
    wanted = np.unique(rng.integers(0, 2100, wanted_count))
    expected = [row for row, value in enumerate(values.tolist()) if value in set(wanted.tolist())]
    assert rows_holding(values, wanted).tolist() == expected
    assert rows_holding(values[:0], wanted).tolist() == []
