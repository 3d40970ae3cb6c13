"""Phrase matching on word positions, reading as few posting blocks as the phrase allows.

The rarest word's postings give the candidate documents; each other word is then read
only in the posting blocks that hold candidates still alive, so a phrase mixing a rare
word with a very frequent one does not decode the frequent word's whole posting list.
"""

from __future__ import annotations

import numpy as np

from search.generation import Generation
from search.positions import decode_positions_bulk

_KEY_SHIFT = 32
Postings = tuple[np.ndarray, np.ndarray, list[bytes]]  # docnums, weights, encoded positions


def phrase_documents(gen: Generation, fieldname: str, words: list[str],
                     slop: int) -> tuple[np.ndarray, list[Postings]]:
    """(sorted docnums holding the phrase, each word's postings in those candidates)."""
    postings = _phrase_postings(gen, fieldname, words)
    candidates = postings[0][0]
    for docnums, _, _ in postings[1:]:
        candidates = np.intersect1d(candidates, docnums, assume_unique=True)
    return _in_order(postings, candidates, slop), postings


def _phrase_postings(gen: Generation, fieldname: str, words: list[str]) -> list[Postings]:
    """Postings per word, in phrase order; the rarest word read first and in full."""
    order = sorted(range(len(words)), key=lambda i: gen.doc_frequency(fieldname, words[i]))
    docnums, weights, values = gen.postings_with_positions(fieldname, words[order[0]])
    live = gen.live[docnums]
    if not live.all():
        values = [values[row] for row in np.flatnonzero(live).tolist()]
    found: dict[int, Postings] = {order[0]: (docnums[live], weights[live], values)}
    candidates = found[order[0]][0]
    for index in order[1:]:
        found[index] = gen.postings_within(fieldname, words[index], candidates)
        candidates = found[index][0]
    return [found[i] for i in range(len(words))]


def _in_order(postings: list[Postings], candidates: np.ndarray, slop: int) -> np.ndarray:
    """The candidates where each word follows the previous one within `slop` positions.

    Positions become keys (candidate index << 32 | position), so following a word is one
    `searchsorted` for all candidates at once: a position is reachable when the nearest
    earlier key of the previous word lies at most `slop` before it (same candidate: keys of
    different candidates are 2**32 apart). Time and memory do not grow with `slop`.
    """
    if not len(candidates):
        return candidates.astype(np.int64)
    current = _position_keys(postings[0], candidates)
    for word in postings[1:]:
        following = _position_keys(word, candidates)
        current = following[_follows_within(current, following, slop)]
        if not len(current):
            break
    owners = current >> _KEY_SHIFT  # sorted: keys come in (candidate, position) order
    first = np.ones(len(owners), dtype=bool)
    first[1:] = owners[1:] != owners[:-1]
    return candidates[owners[first]].astype(np.int64)


def _follows_within(previous: np.ndarray, keys: np.ndarray, slop: int) -> np.ndarray:
    """Which keys have a key of the sorted `previous` between 1 and `slop` before them."""
    if not len(previous):
        return np.zeros(len(keys), dtype=bool)
    before = np.searchsorted(previous, keys, side="left") - 1
    has_before = before >= 0
    gap = keys - previous[np.maximum(before, 0)]
    return has_before & (gap >= 1) & (gap <= slop)


def _position_keys(word: Postings, candidates: np.ndarray) -> np.ndarray:
    docnums, _, values = word
    rows = np.searchsorted(docnums, candidates).tolist()
    owner, positions = decode_positions_bulk([values[row] for row in rows])
    return (owner << _KEY_SHIFT) | positions
