"""The spelling vocabulary of one generation, and the nearest known words of an unknown one.

Whoosh's corrector walks its word graph under the lock every search shares, at about 0.25 s
of CPU per unknown word, and prefers any common word ("Putn" -> "But"). Here the unstemmed
spelling words of title and body are read once per generation in a background thread, a
few thousand terms per lock hold, into lists bucketed by length; a word is then compared with
the buckets it can reach within its edit budget by rapidfuzz's C implementation of the
optimal-string-alignment distance (a transposition costs one edit, as typists make them),
outside any lock. Candidates rank by distance, then names the corpus knows as facet values
("Putn" -> "Putin", "idlb" -> "Idlib"), then document frequency.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict

from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.folding import fold
from search.spell_vocab import drop_others, segment_vocabulary

#: the Whoosh fields holding the unstemmed words of title and body
SPELL_FIELDS = ("spell_body", "spell_title")
#: terms read per hold of the generation lock while the vocabulary is built
TERMS_PER_LOCK = 5_000
#: at this many documents, a word must occur in two documents to be suggested
RARE_WORD_CORPUS = 1_000
#: how long a suggestion waits for a vocabulary still being built
READY_WAIT_S = 0.25


def max_edits(word: str) -> int:
    """Edits allowed for a word: one for short words, where two would reach anything."""
    return 1 if len(word) <= 4 else 2


class Speller:
    """Vocabulary of a generation, built in the background; `nearest` answers without a lock."""

    def __init__(self, gen):
        self._gen = gen
        self._buckets: dict[int, list[str]] = {}
        self._name_words: frozenset[str] = frozenset()
        #: spelling field -> word -> documents, when counted from stored text (spell_vocab)
        self._counts: dict | None = None
        self._ready = threading.Event()
        self.failed: BaseException | None = None
        self.build_seconds = 0.0
        threading.Thread(target=self._build, name="trawl-speller", daemon=True).start()

    def ready(self, timeout: float = READY_WAIT_S) -> bool:
        return self._ready.wait(timeout) and self.failed is None

    def nearest(self, word: str, deadline: float) -> str | None:
        """The best known word within `max_edits(word)` of `word` (folded, lower case), or None."""
        if not self.ready() or time.monotonic() > deadline:
            return None
        word = fold(word).lower()
        limit = max_edits(word)
        by_distance: dict[int, list[str]] = defaultdict(list)
        for length in range(max(1, len(word) - limit), len(word) + limit + 1):
            for text, distance, _ in process.extract(word, self._buckets.get(length, ()),
                                                     scorer=OSA.distance,
                                                     score_cutoff=limit, limit=None):
                if text != word:
                    by_distance[int(distance)].append(text)
        return self._best(by_distance)

    def _best(self, by_distance: dict[int, list[str]]) -> str | None:
        """Closest first; among equally close words, facet names, then the most documents."""
        least = self._min_frequency()
        for distance in sorted(by_distance):
            known = [(text not in self._name_words, -frequency, text)
                     for text in by_distance[distance]
                     if (frequency := self._frequency(text)) >= least]
            if known:
                return min(known)[2]
        return None

    def _frequency(self, text: str) -> int:
        if self._counts is not None:
            return max(self._counts[field][text] for field in SPELL_FIELDS)
        return max(self._gen.doc_frequency(field, text) for field in SPELL_FIELDS
                   if field in self._gen.schema)

    def _min_frequency(self) -> int:
        return 2 if self._gen.doc_count >= RARE_WORD_CORPUS else 1

    def _build(self) -> None:
        started = time.perf_counter()
        try:
            if any(field in self._gen.schema for field in SPELL_FIELDS):
                words = _indexed_words(self._gen)
            else:
                self._counts = _stored_counts(self._gen)
                words = set().union(*self._counts.values())
            self._buckets = _by_length(words)
            self._name_words = _name_words(self._gen)
        except Exception as error:  # a closed or damaged reader: no suggestions, never a crash
            self.failed = error
        finally:
            self.build_seconds = time.perf_counter() - started
            self._ready.set()


def _indexed_words(gen) -> set[str]:
    """The words of an index written with Whoosh's `spell_*` fields (before spell_vocab)."""
    words: set[str] = set()
    for field in SPELL_FIELDS:
        words.update(_field_words(gen, field))
    return words


def _stored_counts(gen) -> dict[str, Counter]:
    """{spelling field: word -> documents} over every segment, each segment's counts read
    from its file beside the generation or counted from its stored text (spell_vocab)."""
    totals: dict[str, Counter] = {field: Counter() for field in SPELL_FIELDS}
    with gen.lock:
        segments = [segment for segment, _ in gen.reader.leaf_readers()]
    for segment in segments:
        for field, counts in segment_vocabulary(segment, lambda: gen.lock, gen.cache_dir).items():
            totals[field].update(counts)
    drop_others(gen.cache_dir, segments, gen.opened_at)
    return totals


def _by_length(words: set[str]) -> dict[int, list[str]]:
    lengths: dict[int, list[str]] = defaultdict(list)
    for text in sorted(words):
        lengths[len(text)].append(text)
    return dict(lengths)


def _field_words(gen, field: str) -> set[str]:
    """The alphabetic terms of a field in every segment, read a chunk per lock hold so that
    searches interleave with the build."""
    if field not in gen.schema:
        return set()
    words: set[str] = set()
    for segment, _ in gen.reader.leaf_readers():
        start = b""
        while True:
            with gen.lock:
                chunk = _terms_chunk(segment, field, start)
            words.update(text for text in (term.decode("utf-8", "replace") for term in chunk)
                         if text.isalpha() and text.islower())  # not "US", "WHO"
            if len(chunk) < TERMS_PER_LOCK:
                break
            start = chunk[-1] + b"\x00"
    return words


def _terms_chunk(reader, field: str, start: bytes) -> list[bytes]:
    """Up to TERMS_PER_LOCK terms of `field` in one segment, from `start` on."""
    chunk: list[bytes] = []
    for fieldname, term in reader.terms_from(field, start):
        if fieldname != field:
            break
        chunk.append(term)
        if len(chunk) == TERMS_PER_LOCK:
            break
    return chunk


def _name_words(gen) -> frozenset[str]:
    """The words of actor and place values, folded: the names an analyst most likely meant."""
    words: set[str] = set()
    for facet in ("actor", "place"):
        for value in gen.facets[facet].values:
            words.update(fold(value).lower().replace("-", " ").split())
    return frozenset(words)
