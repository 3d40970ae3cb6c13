"""Entities of one index generation: every surface facet value mapped to one entity record.

Built once when a generation opens, from what the index stores (facet postings, the country
facet, stored mentions) and the known entities: the rules of search.entity_rules link values,
a union-find joins them (never across a keep-apart pair), each group gets a canonical name,
and the facet table is rebuilt over entities, so counts, filters and facet queries work on
entities with no per-query cost. When nothing merges the entity table is the surface table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from search.entity_rules import (
    RULES,
    Evidence,
    Link,
    entity_words,
    is_key_alias,
    spelling_key,
)
from search.facet_table import FacetTable, table_from_pairs
from search.folding import fold
from search.known_names import known_names
from search.schema import COUNTRY_FIELD

#: the facets whose values are resolved to entities
ENTITY_FACETS = ("actor", "place")


@dataclass(frozen=True)
class Entity:
    """One real-world entity of a facet and the surface values that name it."""

    id: int
    name: str
    facet: str
    #: (surface value, documents holding it), most used first
    aliases: tuple[tuple[str, int], ...]
    doc_count: int
    #: names of the rules that merged its values (empty when it has one value)
    rules: tuple[str, ...] = ()
    #: (alias, the rule or correction that joined it to the entity), for "why is this one"
    why: tuple[tuple[str, str], ...] = ()
    #: a place's country set by a correction (None: read from the documents)
    country: str | None = None

    @property
    def alias_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.aliases)


@dataclass
class EntityTable:
    """Surface value id -> entity id of one facet, and the entities."""

    facet: str
    entity_of: np.ndarray
    entities: list[Entity]
    by_surface: dict[str, int] = field(default_factory=dict)
    #: spelling key of every surface value -> entity ids (known names the corpus never uses
    #: are left out: a lower-case "who" must not name the WHO)
    by_key: dict[str, list[int]] = field(default_factory=dict)
    #: canonical name -> entity id
    by_name: dict[str, int] = field(default_factory=dict)
    #: another facet -> {its surface value: entity id here} for the values a correction moved
    #: into this facet (search.entity_corrections); empty when nothing moved
    foreign: dict[str, dict[str, int]] = field(default_factory=dict)

    def lookup_key(self, text: str) -> list[int]:
        """Entities named by another spelling of `text` ("U.N." finds the United Nations)."""
        return self.by_key.get(spelling_key(text), [])

    def canonical(self, surface: str) -> str | None:
        """The canonical name of a surface value (itself when the index does not hold it;
        None when a correction dropped it or moved it to another facet)."""
        eid = self.by_surface.get(surface)
        if eid is None:
            return surface
        return None if eid < 0 else self.entities[eid].name

    @property
    def merged(self) -> bool:
        """Whether the entities differ from the surface values: any entity with more than one
        surface value or a name of its own, a value dropped, or one moved in from another facet."""
        return (bool(self.foreign) or len(self.entities) != len(self.entity_of)
                or any(len(e.aliases) > 1 or e.name != e.aliases[0][0] for e in self.entities))


class _Groups:
    """Union-find over value ids that refuses to join two keys kept apart."""

    def __init__(self, keys: list[str], keep_apart: tuple[frozenset[str], ...]):
        self.parent = list(range(len(keys)))
        self.members: dict[int, set[str]] = {i: {k} for i, k in enumerate(keys)}
        self.keep_apart = keep_apart

    def root(self, vid: int) -> int:
        while self.parent[vid] != vid:
            self.parent[vid] = self.parent[self.parent[vid]]
            vid = self.parent[vid]
        return vid

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return False
        keys = self.members[ra] | self.members[rb]
        if any(pair <= keys for pair in self.keep_apart):
            return False
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        self.members[ra] = keys
        del self.members[rb]
        return True


def resolve_entities(surface: dict[str, FacetTable], doc_count: int,
                     read_mentions: Callable[[int], tuple[str, list]],
                     known: dict[str, dict[str, str]] | None = None) -> dict[str, EntityTable]:
    """The entity table of every resolved facet of a generation's surface facet tables."""
    known = known_names() if known is None else known
    countries = surface.get(COUNTRY_FIELD)
    places = surface.get("place")
    place_keys = frozenset(spelling_key(v) for v in places.values) if places else frozenset()
    return {facet: resolve(surface[facet], countries, known.get(facet, {}), read_mentions,
                           place_keys)[0]
            for facet in ENTITY_FACETS if facet in surface}


def resolve(table: FacetTable, countries: FacetTable | None, known: dict[str, str],
            read_mentions: Callable[[int], tuple[str, list]],
            places: frozenset[str] = frozenset()) -> tuple[EntityTable, list[Link]]:
    """The entity table of one facet, and the links that formed it (in rule order)."""
    words = entity_words()
    keys = [spelling_key(v) for v in table.values]
    groups = _Groups(keys, words.keep_apart)
    evidence = Evidence(facet=table.name, table=table, keys=keys,
                        doc_counts=np.diff(table.value_ptr), countries=countries, known=known,
                        read_mentions=read_mentions, root=groups.root, words=words,
                        places=places)
    applied = []
    for rule in RULES:
        links = list(rule(evidence))
        applied.extend(link for link in links if groups.join(link.a, link.b))
    return _entity_table(evidence, groups, applied), applied


def _entity_table(ev: Evidence, groups: _Groups, links: list[Link]) -> EntityTable:
    members: dict[int, list[int]] = {}
    for vid in range(len(ev.values)):
        members.setdefault(groups.root(vid), []).append(vid)
    short = {link.short for link in links if link.short is not None}
    rules: dict[int, set[str]] = {}
    joined_by: dict[int, str] = {}
    for link in links:
        rules.setdefault(groups.root(link.a), set()).add(link.rule)
        for vid in (link.a, link.b):
            joined_by.setdefault(vid, link.rule)
    named = sorted((canonical_name(ev, ids, short), root) for root, ids in members.items())
    entity_of = np.zeros(len(ev.values), dtype=np.int32)
    entities = []
    for eid, (name, root) in enumerate(named):
        ids = members[root]
        entity_of[ids] = eid
        aliases = sorted(((ev.values[i], int(ev.doc_counts[i])) for i in ids),
                         key=lambda a: (-a[1], a[0]))
        why = tuple((ev.values[i], joined_by[i]) for i in sorted(ids) if i in joined_by)
        entities.append(Entity(id=eid, name=name, facet=ev.facet, aliases=tuple(aliases),
                               doc_count=0, rules=tuple(sorted(rules.get(root, ()))), why=why))
    by_surface = {ev.values[vid]: int(entity_of[vid]) for vid in range(len(ev.values))}
    by_key: dict[str, set[int]] = {}
    for vid, key in enumerate(ev.keys):
        by_key.setdefault(key, set()).add(int(entity_of[vid]))
    canonical_ids = {e.name: e.id for e in entities}
    return EntityTable(ev.facet, entity_of, entities, by_surface,
                       {key: sorted(ids) for key, ids in by_key.items()}, canonical_ids)


def canonical_name(ev: Evidence, ids: list[int], short: set[int]) -> str:
    """The known entity's name when the group merges values or already uses it; else the most
    used full form (spellings of one key counted together, then its most used spelling)."""
    if len(ids) == 1 and ev.keys[ids[0]] not in ev.known:
        return ev.values[ids[0]]
    known = sorted({ev.known[ev.keys[i]] for i in ids if ev.keys[i] in ev.known})
    if known and (len(ids) > 1 or known[0] == ev.values[ids[0]]):
        return known[0]
    if len(ids) == 1:
        return ev.values[ids[0]]
    full = [i for i in ids if i not in short and not is_key_alias(ev.values[i], ev.words)] or ids
    by_key: dict[str, list[int]] = {}
    for vid in full:
        by_key.setdefault(ev.keys[vid], []).append(vid)
    best_key = max(by_key, key=lambda k: (sum(int(ev.doc_counts[i]) for i in by_key[k]), len(k), k))
    best = max(by_key[best_key], key=lambda i: (int(ev.doc_counts[i]), _capitalised(ev.values[i]),
                                                ev.values[i]))
    return ev.values[best]


def _capitalised(value: str) -> int:
    return sum(1 for word in value.split() if word[:1].isupper())


def entity_facet_table(table: FacetTable, entities: EntityTable, doc_count: int,
                       others: dict[str, FacetTable] | None = None) -> FacetTable:
    """The facet table over entities: each entity's documents once, found by any alias.
    When nothing merges it shares the surface table's arrays. `others` are the surface
    tables of the facets values were moved in from (EntityTable.foreign)."""
    if not entities.merged:
        return dataclasses.replace(table, lookup_other=entities.lookup_key, alias_folded={})
    aliases: dict[str, list[int]] = {}
    for entity in entities.entities:
        for alias in entity.alias_names:
            aliases.setdefault(alias.casefold(), []).append(entity.id)
    sources = [(table, entities.entity_of)] + [
        (other, _ids_of(other, entities.foreign[other.name]))
        for other in (others or {}).values() if other.name in entities.foreign]
    value_ids, docs = _entity_postings(sources, len(entities.entities))
    merged = table_from_pairs(table.name, [e.name for e in entities.entities], value_ids, docs,
                            doc_count, aliases)
    counts = np.diff(merged.value_ptr)
    entities.entities = [dataclasses.replace(e, doc_count=int(counts[e.id]))
                         for e in entities.entities]
    merged.lookup_other = entities.lookup_key
    merged.alias_folded = {e.id: tuple(fold(n) for n in e.alias_names)
                           for e in entities.entities
                           if len(e.aliases) > 1 or e.name != e.aliases[0][0]}
    return merged


def central_facet_table(tables: dict[str, FacetTable], entities: EntityTable,
                        doc_count: int) -> FacetTable:
    """A table of the same facet in another field (its central values, search.salience) over
    the same entity ids as the facet's entity table; `tables` are the central tables by the
    facet they hold (values a correction moved in bring their central documents)."""
    sources = [(table, _ids_of(table, entities.by_surface if facet == entities.facet
                               else entities.foreign.get(facet, {})))
               for facet, table in tables.items()]
    value_ids, docs = _entity_postings(sources, len(entities.entities))
    own = tables[entities.facet]
    return table_from_pairs(own.name, [e.name for e in entities.entities], value_ids, docs,
                          doc_count)


def _ids_of(table: FacetTable, entity_of: dict[str, int]) -> np.ndarray:
    """Entity id of each value of a table (-1 for values not in `entity_of`)."""
    return np.array([entity_of.get(v, -1) for v in table.values], dtype=np.int64)


def _entity_postings(sources: list[tuple[FacetTable, np.ndarray]],
                     size: int) -> tuple[np.ndarray, np.ndarray]:
    """(entity id, docnum) postings in entity order, each document once per entity, from
    (surface table, value id -> entity id) sources; values mapped to -1 are left out."""
    members: list[list[tuple[FacetTable, int]]] = [[] for _ in range(size)]
    for table, entity_of in sources:
        for vid, eid in enumerate(entity_of.tolist()):
            if eid >= 0:
                members[eid].append((table, vid))
    empty = sources[0][0].value_docs[:0] if sources else np.zeros(0, dtype=np.int64)
    parts = [_docs(ids[0]) if len(ids) == 1
             else np.unique(np.concatenate([_docs(m) for m in ids])) if ids else empty
             for ids in members]
    lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    value_ids = np.repeat(np.arange(len(parts), dtype=np.int32), lengths)
    return value_ids, (np.concatenate(parts).astype(empty.dtype) if parts else empty)


def _docs(member: tuple[FacetTable, int]) -> np.ndarray:
    table, vid = member
    return table.value_docs[table.value_ptr[vid]:table.value_ptr[vid + 1]]
