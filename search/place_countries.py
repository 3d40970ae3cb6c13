"""The `country` facet as the analysts' corrections leave it.

At index time each document stores its places' countries (`place_country`, a JSON object)
and the `country` facet is the set of those countries. A correction that sets a place's
country, drops a place or moves it to the actors changes what those countries should be, so
the facet is derived again from (document, place, country) triples: each place value's
entity (after corrections) decides whether the place still counts and which country it
brings (its corrected country, else the one the document stored).

The triples need every document's stored `place_country` (about 7 s at 100k documents), so
they are read once per commit and stored beside the generation (`trawl index` does it after
its commit, through search.index.store_derived), like the entity structures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from search.derived_files import load_or_compute
from search.entity_table import EntityTable
from search.facet_table import FacetTable, table_from_pairs

CACHE_PREFIX = ".place-countries-"
#: bump when the stored triples change shape
CACHE_FORMAT = 1


@dataclass(frozen=True)
class PlaceCountries:
    """(document, place value id, country value id) of every place a document names; the
    country id is -1 when the document stored none for that place. Ids are those of the
    generation's surface `place` and `country` tables."""

    docs: np.ndarray
    places: np.ndarray
    countries: np.ndarray


def read_place_countries(gen) -> PlaceCountries:
    """The triples of a generation (search.generation.Generation), in document order, from
    the stored fields of the documents that have a country at all."""
    places, countries = gen.surface["place"], gen.surface["country"]
    docs = np.repeat(np.arange(gen.doc_count, dtype=np.int32), np.diff(places.doc_ptr))
    place_ids = places.doc_values.astype(np.int32)
    country_ids = np.full(len(docs), -1, dtype=np.int32)
    country_index = {value: vid for vid, value in enumerate(countries.values)}
    for docnum in np.unique(countries.value_docs).tolist():
        stored = _stored_pairs(gen.stored(docnum))
        for i in range(places.doc_ptr[docnum], places.doc_ptr[docnum + 1]):
            country_ids[i] = country_index.get(stored.get(places.values[place_ids[i]]), -1)
    return PlaceCountries(docs, place_ids, country_ids)


def _stored_pairs(stored: dict) -> dict:
    """A stored document's {place: country} (empty when missing or malformed)."""
    try:
        pairs = json.loads(stored.get("place_country") or "{}")
    except (TypeError, ValueError):
        return {}
    return pairs if isinstance(pairs, dict) else {}


def countries_of(stored: dict) -> list[str]:
    """The countries a stored document wrote for its places, in the order its places come."""
    return list(dict.fromkeys(c for c in _stored_pairs(stored).values() if c))


def stored_place_countries(gen) -> PlaceCountries:
    """The triples of `gen`, from the file beside it when current, else read and stored."""
    key = (CACHE_FORMAT, gen.key, gen.doc_count)
    return load_or_compute(gen.cache_dir, CACHE_PREFIX, gen.key[1], key,
                           lambda: read_place_countries(gen), PlaceCountries)


def corrected_country_table(gen, places: EntityTable, triples: PlaceCountries) -> FacetTable:
    """The `country` facet table where each place counts as its corrected entity says: not at
    all when dropped or moved to the actors, with the entity's country when a correction set
    one (values moved in from the actors bring that country too), else as stored."""
    surface = gen.surface["country"]
    names = list(surface.values)
    override = np.array([_country_id(names, e.country) for e in places.entities] or [-1],
                        dtype=np.int64)
    entity = places.entity_of.astype(np.int64)[triples.places]
    kept = entity >= 0
    country = np.where(kept, override[np.where(kept, entity, 0)], -1)
    country = np.where(country >= 0, country, triples.countries)
    value_ids = [country[kept & (country >= 0)]]
    docs = [triples.docs.astype(np.int64)[kept & (country >= 0)]]
    for facet, moved in places.foreign.items():
        table = gen.surface[facet]
        index = {value: vid for vid, value in enumerate(table.values)}
        for value, eid in moved.items():
            if override[eid] >= 0:
                found = table.docs_of([index[value]]).astype(np.int64)
                value_ids.append(np.full(len(found), override[eid]))
                docs.append(found)
    return _table(surface.name, names, np.concatenate(value_ids), np.concatenate(docs),
                  gen.doc_count)


def _country_id(names: list[str], country: str | None) -> int:
    """The value id of a corrected country, appending it when no document names it."""
    if not country:
        return -1
    if country not in names:
        names.append(country)
    return names.index(country)


def _table(name: str, names: list[str], value_ids: np.ndarray, docs: np.ndarray,
           doc_count: int) -> FacetTable:
    pairs = np.unique(value_ids.astype(np.int64) * max(doc_count, 1) + docs)
    return table_from_pairs(name, names, (pairs // max(doc_count, 1)).astype(np.int32),
                            (pairs % max(doc_count, 1)).astype(np.int32), doc_count)


def corrected_countries(gen, stored: dict) -> list[str]:
    """A hit's countries as `corrected_country_table` counts them: its stored places in
    order, each as its corrected entity says, then the countries of values moved in."""
    pairs = _stored_pairs(stored)
    table = gen.entities["place"]
    found = [_place_country(table, place, country) for place, country in pairs.items()]
    for place in _as_list(stored.get("place")):
        if place not in pairs:
            found.append(_place_country(table, place, None))
    for facet, moved in table.foreign.items():
        found.extend(table.entities[moved[v]].country for v in _as_list(stored.get(facet))
                     if v in moved)
    return list(dict.fromkeys(c for c in found if c))


def document_countries(gen, stored: dict) -> dict[str, str]:
    """{place as its entity is named: country} of a stored document, for its page's labels;
    places dropped or moved to the actors are left out."""
    table = gen.entities["place"]
    pairs = _stored_pairs(stored)
    found = {}
    for place in dict.fromkeys([*pairs, *_as_list(stored.get("place"))]):
        name = table.canonical(place)
        country = _place_country(table, place, pairs.get(place))
        if name and country:
            found.setdefault(name, country)
    return found


def _place_country(table: EntityTable, place: str, stored: str | None) -> str | None:
    eid = table.by_surface.get(place)
    if eid is None:
        return stored
    return None if eid < 0 else (table.entities[eid].country or stored)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
