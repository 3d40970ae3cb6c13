"""The spelling vocabulary of a segment, read from its stored title and body once and kept
beside the generation, instead of Whoosh's `spelling=True` fields.

Whoosh indexes a field's unstemmed words a second time for spelling (the `spell_*` fields:
the analyzer run again and one more posting per word and document), which measured 55% of
the time of building an index of generated news (`bench/bench_build.py`). "Did you mean"
needs only the words and in how many documents each occurs, so they are counted here from
the stored text when a segment is first read, exactly as Whoosh would have indexed them (the
same analyzer without its stemming stage), and kept in `.spell-<segment id>.pickle` beside
the generation: segments never change, so each is read once (`trawl index` does it after
its commit). Indexes written with the `spell_*` fields keep using them (search/speller.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from search import derived_files
from search.acronyms import CAPITALS_BEFORE, in_capitals
from search.schema import text_analyzer
from search.whoosh_adapter import segment_id

#: spelling field (as the speller names it) -> the stored field its words come from
SPELL_SOURCES = {"spell_body": "body", "spell_title": "title"}
#: documents read per hold of the generation lock
DOCS_PER_LOCK = 200
CACHE_PREFIX = ".spell-"
#: bumped when the words counted change, so older files are recounted
CACHE_FORMAT = 1

Vocabulary = dict[str, Counter]


def text_words(text: str) -> set[str]:
    """The lower-case alphabetic words the speller uses of `text`: the terms the text
    analyzer makes without stemming, exactly (acronyms such as "US" and "WHO" are kept as
    written by the analyzer, so they are not lower case and not offered)."""
    words: set[str] = set()
    previous_in_capitals = False
    for match in _token_pattern().finditer(text):
        word = match.group(0)
        term = _term(word, previous_in_capitals)
        if term is not None:
            words.add(term)
        previous_in_capitals = in_capitals(word)
    return words


@lru_cache(maxsize=1)
def _token_pattern():
    from whoosh.analysis import RegexTokenizer

    return RegexTokenizer().expression


@lru_cache(maxsize=1)
def _analyzer():
    return text_analyzer()


@lru_cache(maxsize=500_000)
def _term(word: str, previous_in_capitals: bool) -> str | None:
    """The unstemmed term of one token as the analyzer makes it, or None (a stop word,
    a number, an acronym): the analyzer depends on nothing else than the word and whether
    the word before it is in capitals."""
    text = CAPITALS_BEFORE + word if previous_in_capitals else word
    terms = [token.text for token in _analyzer()(text, no_morph=True)]
    if previous_in_capitals:
        terms = terms[1:]
    term = terms[0] if len(terms) == 1 else None
    return term if term is not None and term.isalpha() and term.islower() else None


def count_documents(texts_by_doc) -> Vocabulary:
    """{spelling field: word -> documents} of an iterable of stored-field dicts."""
    counts: Vocabulary = {field: Counter() for field in SPELL_SOURCES}
    for stored in texts_by_doc:
        for field, source in SPELL_SOURCES.items():
            counts[field].update(text_words(stored.get(source) or ""))
    return counts


def segment_vocabulary(segment, locked: Callable, directory: Path | None) -> Vocabulary:
    """The vocabulary of one segment reader: from its file beside the generation, else
    counted from its stored documents (deleted ones too, as Whoosh's document frequencies
    count them), a few hundred per hold of the lock, and stored when `directory` is
    writable."""
    path = directory / f"{CACHE_PREFIX}{segment_id(segment)}.pickle" if directory else None
    stored = _load(path) if path else None
    if stored is not None:
        return stored
    counts = _count_segment(segment, locked)
    if path is not None:
        _save(path, counts)
    return counts


def drop_others(directory: Path | None, segments, opened_at: float) -> None:
    """Remove the files of segments no longer in the index (merged away), unless written
    after this reader opened (search.derived_files.drop_other_segments); a reader still
    holding one has its counts in memory."""
    if directory is not None:
        derived_files.drop_other_segments(directory, CACHE_PREFIX, ".pickle",
                                          [segment_id(s) for s in segments], opened_at)


def _count_segment(segment, locked: Callable) -> Vocabulary:
    total = segment.doc_count_all()
    counts: Vocabulary = {field: Counter() for field in SPELL_SOURCES}
    for start in range(0, total, DOCS_PER_LOCK):
        with locked():
            docs = [segment.stored_fields(n) for n in range(start, min(total, start + DOCS_PER_LOCK))]
        for field, part in count_documents(docs).items():
            counts[field].update(part)
    return counts


def _load(path: Path) -> Vocabulary | None:
    return derived_files.load(path, CACHE_FORMAT, dict)


def _save(path: Path, counts: Vocabulary) -> None:
    """Atomically (temp file + rename); a read-only index directory just recounts."""
    derived_files.save(path, CACHE_FORMAT, counts)
