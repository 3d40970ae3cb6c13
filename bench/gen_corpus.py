"""Generated news-like documents with facets assigned directly (no NER), for the search bench.

Words, actors and places follow Zipf popularity, so the corpus has the long tails of a real
one: a few values in most documents, thousands of values in a handful each. Deterministic
for a given seed, so two runs build the same index.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from indexer.document import Document, Facets

VOCABULARY_WORDS = 30_000
ACTOR_COUNT = 5_000
PLACE_COUNT = 2_000
COUNTRY_COUNT = 150
WORDS_PER_DOC = 400
WORDS_PER_SENTENCE = 16
FIRST_DAY = date(2010, 1, 1)
SPAN_DAYS = 15 * 365
ZIPF_EXPONENT = 1.05

_ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n",
           "p", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
_CODAS = ["", "", "n", "r", "l", "m", "k", "t", "nd", "st"]
_SOURCES = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "The Guardian", "Le Monde", "DW"]


@dataclass(frozen=True)
class Lexicon:
    """The vocabulary and the facet value pools of one generated corpus."""

    words: list[str]
    actors: list[str]
    places: list[str]
    countries: list[str]
    place_country: list[str]


def _syllables() -> list[str]:
    return [o + v + c for o, v, c in itertools.product(_ONSETS, _VOWELS, _CODAS)]


def _names(rng: np.random.Generator, count: int, syllables: list[str], parts: tuple[int, int],
           taken: set[str], length: tuple[int, int] = (2, 3)) -> list[str]:
    """Distinct capitalised names of `length` syllables per word, `parts` words each."""
    names: list[str] = []
    while len(names) < count:
        words = rng.integers(parts[0], parts[1] + 1)
        name = " ".join(
            "".join(syllables[i] for i in rng.integers(0, len(syllables),
                                                       rng.integers(length[0], length[1] + 1)))
            .capitalize() for _ in range(words))
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def make_lexicon(seed: int = 7) -> Lexicon:
    """Words (lower case, distinct) and actor/place/country names."""
    rng = np.random.default_rng(seed)
    syllables = _syllables()
    taken: set[str] = set()
    words = [w.lower() for w in _names(rng, VOCABULARY_WORDS, syllables, (1, 1), taken, (1, 3))]
    words.sort(key=len)  # frequent words are short, as in real text
    actors = _names(rng, ACTOR_COUNT, syllables, (1, 3), taken)
    places = _names(rng, PLACE_COUNT, syllables, (1, 2), taken)
    countries = _names(rng, COUNTRY_COUNT, syllables, (1, 1), taken)
    place_country = [countries[i] for i in _zipf_indices(rng, COUNTRY_COUNT, PLACE_COUNT)]
    return Lexicon(words, actors, places, countries, place_country)


def _zipf_cdf(count: int) -> np.ndarray:
    weights = 1.0 / np.arange(1, count + 1) ** ZIPF_EXPONENT
    return np.cumsum(weights / weights.sum())


def _zipf_indices(rng: np.random.Generator, cdf: int | np.ndarray, size: int) -> np.ndarray:
    """`size` ranks drawn with Zipf popularity (`cdf` from _zipf_cdf, or a count)."""
    if isinstance(cdf, int):
        cdf = _zipf_cdf(cdf)
    return np.minimum(np.searchsorted(cdf, rng.random(size)), len(cdf) - 1)


def generate(count: int, seed: int = 7) -> Iterator[tuple[Document, Facets]]:
    """`count` documents with their facets, in a stable order."""
    lexicon = make_lexicon(seed)
    rng = np.random.default_rng(seed + 1)
    cdfs = (_zipf_cdf(len(lexicon.words)), _zipf_cdf(ACTOR_COUNT), _zipf_cdf(PLACE_COUNT))
    for n in range(count):
        yield _document(n, rng, lexicon, *cdfs)


def _document(n: int, rng: np.random.Generator, lexicon: Lexicon, word_cdf: np.ndarray,
              actor_cdf: np.ndarray, place_cdf: np.ndarray) -> tuple[Document, Facets]:
    published = FIRST_DAY + timedelta(days=int(rng.integers(0, SPAN_DAYS)))
    actors = [lexicon.actors[i] for i in dict.fromkeys(
        _zipf_indices(rng, actor_cdf, int(rng.integers(1, 9))).tolist())]
    place_ids = list(dict.fromkeys(
        _zipf_indices(rng, place_cdf, int(rng.integers(1, 6))).tolist()))
    places = [lexicon.places[i] for i in place_ids]
    countries = {lexicon.places[i]: lexicon.place_country[i] for i in place_ids}
    dates = _mentioned_dates(rng, published)
    words = [lexicon.words[i] for i in _zipf_indices(rng, word_cdf, WORDS_PER_DOC)]
    names = actors + places
    for slot in rng.integers(0, WORDS_PER_DOC, len(names)):
        words[slot] = names[int(rng.integers(0, len(names)))]
    doc = Document(
        id=f"gen-{n:06d}",
        title=" ".join(words[:8]).capitalize(),
        text=_sentences(words),
        published=published,
        source=_SOURCES[n % len(_SOURCES)],
        url=f"https://news.example/{n}",
    )
    return doc, Facets(actor=actors, place=places, date=dates, countries=countries)


def _mentioned_dates(rng: np.random.Generator, published: date) -> list[str]:
    """Dates a report would mention: days, months and years around its publication."""
    values = []
    for _ in range(int(rng.integers(1, 5))):
        day = published - timedelta(days=int(rng.integers(0, 400)))
        kind = rng.integers(0, 3)
        values.append(day.isoformat()[: (10, 7, 4)[kind]])
    return list(dict.fromkeys(values))


def _sentences(words: list[str]) -> str:
    parts = []
    for start in range(0, len(words), WORDS_PER_SENTENCE):
        sentence = " ".join(words[start:start + WORDS_PER_SENTENCE])
        parts.append(sentence[:1].upper() + sentence[1:] + ".")
    return " ".join(parts)


#: Whoosh's posting pool limit of the first builds: a sorted run written to disk (every
#: posting pickled, read back and merged) each ~3k documents per process
RUN_LIMIT_MB = 128
#: the pool kept whole in memory (about 70 kB per document per process, so ~3.5 GB for the
#: 50k documents a process gets of a 100k commit) and a commit every BATCH_DOCS documents
#: (`procs` new segments each, never merged), so a million documents stay bounded too
POOL_LIMIT_MB = 8192
BATCH_DOCS = 100_000


def build_index(index_dir: str, count: int, *, procs: int = 2, seed: int = 7,
                limitmb: int = POOL_LIMIT_MB, batch: int = BATCH_DOCS,
                progress=None) -> float:
    """Write `count` generated documents as a new live generation; returns the seconds taken.

    Every `batch` documents are one commit; `progress(done, seconds)` is called after each."""
    from search import store
    from search.schema import document_fields

    started = time.perf_counter()
    generation, ix = store.create_generation(index_dir)
    options = {"procs": procs, "multisegment": True} if procs > 1 else {}
    documents = generate(count, seed)
    for done in range(0, count, batch):
        writer = ix.writer(limitmb=limitmb, **options)
        for doc, facets in itertools.islice(documents, batch):
            writer.add_document(**document_fields(doc, facets))
        writer.commit(merge=False)
        if progress:
            progress(min(done + batch, count), time.perf_counter() - started)
    store.publish(index_dir, generation)
    return time.perf_counter() - started
