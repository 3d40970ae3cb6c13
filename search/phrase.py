"""Phrase matching on word positions, reading as few posting blocks as the phrase allows.

The rarest word's postings give the candidate documents. Each other word is read in full
(its posting blocks decompressed once, then kept in the generation's position cache) when
the candidates would touch most of its blocks anyway; otherwise only in the blocks that
hold candidates. Positions are decoded for the candidates only. So a phrase mixing a rare
word with a very frequent one decodes the frequent word's blocks once per generation
instead of once per query.

When the generation's stored positions are ready (search.position_store: each segment's
frequent terms decoded once, memory-mapped), every word is read from them for the
candidates only, and no posting block of a frequent word is decoded at query time.
"""

from __future__ import annotations

import numpy as np

from search.generation import Generation
from search.positions import TermPositions
from search.postings import rows_holding

_KEY_SHIFT = 32
#: postings per Whoosh 3 block (its default `blocklimit`): with at least one candidate per
#: block's worth of postings, the candidates reach most blocks and a full read costs little more
BLOCK_POSTINGS = 128


def phrase_documents(gen: Generation, fieldname: str, words: list[str],
                     slop: int) -> tuple[np.ndarray, list[TermPositions]]:
    """(sorted docnums holding the phrase, each word's postings in those candidates)."""
    postings, candidates = _phrase_postings(gen, fieldname, words)
    return _in_order(postings, candidates, slop), postings


def _phrase_postings(gen: Generation, fieldname: str,
                     words: list[str]) -> tuple[list[TermPositions], np.ndarray]:
    """Postings per word, in phrase order, of the live documents holding the rarest word,
    and the live documents holding every word (each word is read within the documents
    holding the words read before it: the last one read holds the phrase's candidates)."""
    frequency = {word: gen.doc_frequency(fieldname, word) for word in words}
    order = sorted(range(len(words)), key=lambda i: frequency[words[i]])
    rarest = gen.term_positions(fieldname, words[order[0]])
    if gen.live_count < gen.doc_count:
        rarest = rarest.rows(np.flatnonzero(gen.live[rarest.docnums]))
    found = {order[0]: rarest}
    candidates = rarest.docnums
    stored = gen.stored_positions.for_field(fieldname) is not None
    for index in order[1:]:
        word = words[index]
        if not stored and len(candidates) * BLOCK_POSTINGS >= frequency[word]:
            found[index] = gen.term_positions(fieldname, word).within(candidates)
        else:
            found[index] = gen.positions_within(fieldname, word, candidates)
        candidates = found[index].docnums
    return [found[i] for i in range(len(words))], candidates


def _in_order(postings: list[TermPositions], candidates: np.ndarray, slop: int) -> np.ndarray:
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


def _position_keys(word: TermPositions, candidates: np.ndarray) -> np.ndarray:
    owner, positions = word.positions(rows_holding(word.docnums, candidates))
    return (owner << _KEY_SHIFT) | positions
