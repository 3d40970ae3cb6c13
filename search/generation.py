"""Everything search() needs about one index generation, built once when a searcher opens.

Document numbers are only meaningful for one Whoosh reader (segments merge and renumber),
so the facet tables, the publication-day array, the live mask, the field lengths and the
caches all live and die with the searcher they were read from.
"""

from __future__ import annotations

import copy
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from search.cache import ArrayCache
from search.corrections import CorrectionsFile
from search.derived_files import load_or_compute
from search.entity_cache import Resolved, entity_structures, load_or_resolve
from search.entity_corrections import apply_corrections
from search.entity_table import resolve_entities
from search.facet_table import FacetTable, build_facet_table, with_enclosing_dates
from search.place_countries import (
    PlaceCountries,
    corrected_countries,
    corrected_country_table,
    countries_of,
    stored_place_countries,
)
from search.position_store import StoredPositions
from search.positions import TermPositions
from search.postings import (
    segments,
    term_postings,
    term_postings_positions,
    term_postings_within,
)
from search.salience import CENTRAL_FIELDS
from search.schema import COUNTRY_FIELD, FACETS
from search.speller import Speller
from search.whoosh_adapter import LENGTH_OF_BYTE, length_codes, raw_column_bytes

#: a document without a publication date
NO_DAY = np.iinfo(np.int32).min
#: Whoosh stores datetimes as microseconds since 0001-01-01
_EPOCH_MICROS = 62_135_596_800_000_000
_MICROS_PER_DAY = 86_400_000_000
_MISSING_U64 = 2**64 - 1
SCORED_FIELDS = ("title", "body", "source")
FACET_FIELDS = (*FACETS, COUNTRY_FIELD)
#: the stored facet tables' file name prefix and layout version (bump when FacetTable changes)
TABLES_PREFIX = ".facets-"
TABLES_FORMAT = 1
TERM_CACHE_BYTES = 96 * 2**20
QUERY_CACHE_BYTES = 32 * 2**20
#: postings and encoded word positions of the terms phrases read in full (a word in every
#: one of 100k documents takes a few MB)
POSITION_CACHE_BYTES = 64 * 2**20
#: whole answers to requests with no query words and no filters (the landing page: facet
#: counts and timelines over every document), at most this many requests per generation
BROWSE_CACHE_ANSWERS = 16


def browse_cache() -> ArrayCache:
    """An empty cache of browse answers, bounded by their number (each a few tens of kB)."""
    return ArrayCache(BROWSE_CACHE_ANSWERS, size=lambda _answer: 1)


class Generation:
    """A searcher plus per-generation numpy structures; shared read-only between threads."""

    def __init__(self, whoosh_index, name: str | None = None, cache_dir: Path | None = None):
        started = time.perf_counter()
        #: wall-clock time of opening: derived files written later belong to newer commits
        self.opened_at = time.time()
        self.schema = whoosh_index.schema
        self.searcher = whoosh_index.searcher()
        self.reader = self.searcher.reader()
        #: (generation directory, Whoosh commit number) this generation was read from
        self.key = (name, self.reader.generation())
        #: where files derived from this generation are kept (None: recompute each time)
        self.cache_dir = cache_dir
        #: Whoosh readers seek shared file objects: every Whoosh call goes through this lock
        self.lock = threading.RLock()
        self.doc_count = self.reader.doc_count_all()
        self.live = _live_mask(self.reader, self.doc_count)
        self.live_count = int(self.live.sum())
        self.published = _published_days(self.reader, self.doc_count)
        #: facet tables over the values as the documents wrote them, and facet -> the table
        #: of its central values (search.salience); read from beside the generation when a
        #: reader stored them there (the longest part of opening a large index), else built
        tables = load_or_compute(cache_dir, TABLES_PREFIX, self.key[1],
                                 (TABLES_FORMAT, self.key, self.doc_count, self.live_count),
                                 self._facet_tables, tuple)
        self.surface, self.surface_central = tables
        #: the entity structures before corrections, read from the cache beside the
        #: generation when it is there (search.entity_cache), else resolved now and cached
        entities_started = time.perf_counter()
        self.resolved = load_or_resolve(self, cache_dir)
        self.entity_seconds = time.perf_counter() - entities_started
        #: the corrections applied (search.corrections) and the status of each entry
        self.corrections = CorrectionsFile()
        #: structures computed on first use and kept for the generation's life (derived())
        self._derived: dict = {}
        self._derived_lock = threading.Lock()
        self.correction_status: dict[str, str] = {}
        self._use_entities(self.resolved)
        #: the date table facet counts come from: a date value counts the dates inside it
        #: too, exactly as its filter selects them (corrections leave dates alone)
        self.date_counts = with_enclosing_dates(self.surface["date"], self.doc_count)
        self.count_tables = {**self.facets, "date": self.date_counts}
        self.lengths = {name: _field_lengths(self.reader, name, self.doc_count)
                        for name in SCORED_FIELDS}
        self.average_length = {name: self.searcher.avg_field_length(name) or 1.0
                               for name in SCORED_FIELDS}
        self.terms = ArrayCache(TERM_CACHE_BYTES)
        self.positions = ArrayCache(POSITION_CACHE_BYTES)
        #: the spelling vocabulary, read in a background thread (ready within a second or so)
        self.speller = Speller(self)
        #: decoded positions of frequent terms, mapped from beside the generation (read, or
        #: built and written, in a background thread: search.position_store)
        self.stored_positions = StoredPositions(self, cache_dir)
        self.build_seconds = time.perf_counter() - started

    def _facet_tables(self) -> tuple[dict[str, FacetTable], dict[str, FacetTable]]:
        """The facet tables read from the index's postings (see `surface`)."""
        surface = {name: build_facet_table(self.reader, name, self.doc_count)
                   for name in FACET_FIELDS}
        central = {facet: build_facet_table(self.reader, field, self.doc_count)
                   for facet, field in CENTRAL_FIELDS.items() if field in self.schema}
        return surface, central

    def resolve(self) -> Resolved:
        """The entity structures without corrections: rules, entity tables, boilerplate."""
        entities = resolve_entities(self.surface, self.doc_count, self._read_mentions)
        return entity_structures(self, entities)

    def _use_entities(self, resolved: Resolved) -> None:
        """Serve these entity structures: every table search() reads entities from."""
        #: actor and place values resolved to entities, corpus-wide
        self.entities = resolved.entities
        #: facet -> its central values (search.salience) over the same entity ids
        self.central = resolved.central
        #: the tables search() counts and filters with: entities where resolved
        self.facets = {**self.surface, **resolved.facets}
        #: facet -> {entity id: source} of the entities held only through boilerplate
        self.boilerplate = resolved.boilerplate
        if hasattr(self, "date_counts"):
            self.count_tables = {**self.facets, "date": self.date_counts}
        self.queries = ArrayCache(QUERY_CACHE_BYTES)
        #: search.engine's answers to unfiltered requests without query words
        self.browse = browse_cache()
        self._countries: dict[str, str | None] = {}
        #: whether the `country` facet follows corrected places (set by with_corrections)
        self.countries_corrected = False

    def with_corrections(self, found: CorrectionsFile) -> Generation:
        """This generation with the analysts' corrections applied to its entities: a view
        sharing the searcher and the surface tables, so no Whoosh or NER work is redone."""
        view = copy.copy(self)
        entities, status = apply_corrections(self.resolved.entities, self.surface,
                                             list(found.entries))
        view.corrections, view.correction_status = found, status
        view.browse = browse_cache()  # corrections may change any count or label
        if entities is not self.resolved.entities:
            view._use_entities(entity_structures(self, entities, self.resolved))
        if entities.get("place") is not self.resolved.entities.get("place"):
            view._use_countries(corrected_country_table(self, entities["place"],
                                                        self.place_countries()))
        return view

    def _use_countries(self, table: FacetTable) -> None:
        """Serve the `country` facet derived from the corrected places (search.place_countries)."""
        self.facets = {**self.facets, COUNTRY_FIELD: table}
        self.count_tables = {**self.count_tables, COUNTRY_FIELD: table}
        self.countries_corrected = True

    def place_countries(self) -> PlaceCountries:
        """Every (document, place, country) of the generation: stored beside it, read once
        (and shared with the corrected views)."""
        return self.derived(("place countries",), lambda: stored_place_countries(self))

    def derived(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """compute(), once per generation: kept (never evicted, unlike `queries`) and shared
        with the views with_corrections() makes, so only for what corrections leave alone
        (publication days, dates, the stored place countries)."""
        with self._derived_lock:
            if key not in self._derived:
                self._derived[key] = compute()
            return self._derived[key]

    def countries_of(self, stored: dict) -> list[str]:
        """A stored document's countries, as the `country` facet counts them."""
        return corrected_countries(self, stored) if self.countries_corrected \
            else countries_of(stored)

    def postings(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, weights) of a term, cached for the life of the generation; a frequent
        word's come from the stored positions when they are ready (no block decoded)."""
        store = self.stored_positions.for_field(fieldname)

        def read():
            if store is not None:
                return store.postings(fieldname, text)
            with self.lock:
                return term_postings(self.reader, fieldname, text)
        return self.terms.get((fieldname, text), read)

    def term_positions(self, fieldname: str, text: str) -> TermPositions:
        """A term's postings with decoded word positions, cached for the generation: the
        frequent words of phrases are decoded once, not once per query (or never, when
        the generation's stored positions are ready)."""
        store = self.stored_positions.for_field(fieldname)
        if store is not None:
            return store.term(fieldname, text)

        def read():
            with self.lock:
                docnums, weights, values = term_postings_positions(self.reader, fieldname, text)
            self.terms.put((fieldname, text), (docnums, weights))
            return TermPositions.from_values(docnums, weights, values)
        return self.positions.get((fieldname, text), read)

    def positions_within(self, fieldname: str, text: str, wanted: np.ndarray) -> TermPositions:
        """A term's postings and positions within the given sorted docnums: from the cache
        when the whole term is there, else reading only the posting blocks that hold them."""
        store = self.stored_positions.for_field(fieldname)
        if store is not None:
            return store.within(fieldname, text, wanted)
        cached = self.positions.peek((fieldname, text))
        if cached is not None:
            return cached.within(wanted)
        with self.lock:
            docnums, weights, values = term_postings_within(self.reader, fieldname, text, wanted)
        return TermPositions.from_values(docnums, weights, values)

    def doc_frequency(self, fieldname: str, text: str) -> int:
        with self.lock:
            return self.reader.doc_frequency(fieldname, text)

    def stored(self, docnum: int) -> dict:
        with self.lock:
            return self.reader.stored_fields(docnum)

    def _read_mentions(self, docnum: int) -> tuple[str, list]:
        _, body, mentions = self._read_doc(docnum)
        return body, mentions

    def _read_doc(self, docnum: int) -> tuple[str, str, list]:
        """(source, body, stored mentions) of a document, for entity evidence."""
        stored = self.stored(docnum)
        try:
            mentions = json.loads(stored.get("mentions") or "[]")
        except ValueError:
            mentions = []
        return stored.get("source", ""), stored.get("body", ""), mentions

    def country_of(self, place: str) -> str | None:
        """Country of a place value, read from a document that mentions it (then cached)."""
        if place not in self._countries:
            self._countries[place] = self._read_country(place)
        return self._countries[place]

    def _read_country(self, place: str) -> str | None:
        """Country of the first of a place entity's aliases (most used first) that has one."""
        entities = self.entities["place"]
        for eid in self.facets["place"].lookup(place):
            if entities.entities[eid].country:
                return entities.entities[eid].country
            for alias in entities.entities[eid].alias_names:
                country = self._stored_country(alias)
                if country:
                    return country
        return None

    def _stored_country(self, value: str) -> str | None:
        table = self.surface["place"]
        for vid in table.lookup(value):
            docs = table.docs_of([vid])
            live = docs[self.live[docs]]
            if len(live):
                pairs = json.loads(self.stored(int(live[0])).get("place_country") or "{}")
                return pairs.get(table.values[vid])
        return None

    def close(self) -> None:
        with self.lock:
            self.searcher.close()


def _live_mask(reader, doc_count: int) -> np.ndarray:
    live = np.ones(doc_count, dtype=bool)
    for leaf, offset in segments(reader):
        if leaf.has_deletions():
            kept = np.fromiter(leaf.all_doc_ids(), dtype=np.int64)
            live[offset:offset + leaf.doc_count_all()] = False
            live[kept + offset] = True
    return live


def _published_days(reader, doc_count: int) -> np.ndarray:
    """Publication day of each document (days since 1970-01-01), NO_DAY when unknown."""
    days = np.full(doc_count, NO_DAY, dtype=np.int32)
    for leaf, offset in segments(reader):
        micros = _column_u64(leaf, "published")
        if micros is None:
            continue
        known = micros != _MISSING_U64
        values = (micros[known].astype(np.int64) - _EPOCH_MICROS) // _MICROS_PER_DAY
        days[offset + np.flatnonzero(known)] = values.astype(np.int32)
    return days


def _column_u64(leaf, fieldname: str) -> np.ndarray | None:
    """The raw 64-bit sortable column of a segment, one value per document."""
    if not leaf.has_column(fieldname):
        return None
    column = leaf.column_reader(fieldname, translate=False)
    values = np.full(leaf.doc_count_all(), _MISSING_U64, dtype=np.uint64)
    raw = raw_column_bytes(column)
    if raw is None:
        for docnum in range(leaf.doc_count_all()):
            values[docnum] = column[docnum]
    else:
        stored = np.frombuffer(raw, dtype=">u8")
        values[:len(stored)] = stored
    return values


def _field_lengths(reader, fieldname: str, doc_count: int) -> np.ndarray:
    """Length (in terms, as Whoosh quantises it for scoring) of a field in every document."""
    lengths = np.zeros(doc_count, dtype=np.float32)
    for leaf, offset in segments(reader):
        codes = length_codes(leaf, fieldname)
        if codes is not None:
            lengths[offset:offset + len(codes)] = LENGTH_OF_BYTE[codes]
        else:
            for docnum in range(leaf.doc_count_all()):
                lengths[offset + docnum] = leaf.doc_field_length(docnum, fieldname, 0) or 0
    return lengths
