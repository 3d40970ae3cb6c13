"""The last stage of entity resolution: analysts' corrections applied to the entity tables.

The rules' entities become groups of surface values (a value may come from the other facet
once retyped); each correction is a named function with one signature,
`op(state, correction) -> None`, raising CorrectionError when it cannot apply; the groups
are then numbered into EntityTables again. Only the entity tables change: no NER, no Whoosh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from search.corrections import ENTITY_FACETS, Correction, CorrectionError, active
from search.entity_rules import spelling_key
from search.entity_table import Entity, EntityTable
from search.facet_table import FacetTable

#: a surface value: (the facet the documents wrote it in, its value id there)
Member = tuple[str, int]


@dataclass
class Group:
    """An entity being corrected."""

    facet: str
    name: str
    members: list[Member]
    rules: set[str]
    why: dict[Member, str]
    country: str | None = None


@dataclass
class State:
    """Every group of both facets, with lookups kept up to date by the ops."""

    surface: dict[str, FacetTable]
    base: dict[str, EntityTable]
    groups: dict[int, Group] = field(default_factory=dict)
    member_of: dict[Member, int] = field(default_factory=dict)
    #: the facets an op changed (the others keep their tables as the rules made them)
    touched: set[str] = field(default_factory=set)
    next_gid: int = 0

    def find(self, facet: str, text: str) -> list[int]:
        """Groups of `facet` named `text`: canonical name, then any surface value (case-
        insensitive), then another spelling ("U.N.")."""
        folded = text.strip().casefold()
        named = [g for g, group in self.groups.items()
                 if group.facet == facet and group.name.casefold() == folded]
        if named:
            return named
        found = self._by_surface(facet, lambda table: table.by_lower.get(folded, []))
        return found or self._by_surface(facet, lambda table: self._by_key(table, text))

    def _by_surface(self, facet: str, ids_of: Callable[[FacetTable], list[int]]) -> list[int]:
        found = []
        for sfacet, table in self.surface.items():
            for vid in ids_of(table):
                gid = self.member_of.get((sfacet, vid))
                if gid is not None and self.groups[gid].facet == facet and gid not in found:
                    found.append(gid)
        return found

    def _by_key(self, table: FacetTable, text: str) -> list[int]:
        base = self.base[table.name]
        return [vid for eid in base.lookup_key(text)
                for vid in np.flatnonzero(base.entity_of == eid).tolist()]

    def one(self, facet: str, text: str, role: str = "value") -> int:
        """The one group `text` names in `facet`; CorrectionError saying why not."""
        found = self.find(facet, text)
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(sorted(self.groups[g].name for g in found))
            raise CorrectionError(f"{role} {text!r} names several {facet}s ({names}): use "
                                  "the canonical name")
        other = "place" if facet == "actor" else "actor"
        if self.find(other, text):
            raise CorrectionError(f"{role} {text!r} is a{'n' if other == 'actor' else ''} "
                                  f"{other}, not a{'n' if facet == 'actor' else ''} {facet}"
                                  " (corrections work within one facet: retype it first)")
        raise CorrectionError(f"no {facet} named {text!r} in this index")

    def value_name(self, member: Member) -> str:
        return self.surface[member[0]].values[member[1]]

    def doc_count(self, member: Member) -> int:
        table = self.surface[member[0]]
        return int(table.value_ptr[member[1] + 1] - table.value_ptr[member[1]])

    def add(self, group: Group) -> int:
        gid = self.next_gid
        self.next_gid += 1
        self.groups[gid] = group
        for member in group.members:
            self.member_of[member] = gid
        return gid

    def remove(self, gid: int) -> Group:
        group = self.groups.pop(gid)
        for member in group.members:
            if self.member_of.get(member) == gid:
                del self.member_of[member]
        return group


def initial_state(base: dict[str, EntityTable], surface: dict[str, FacetTable]) -> State:
    """The rules' entities as groups."""
    state = State(surface={f: surface[f] for f in base}, base=base)
    for facet, table in base.items():
        members: list[list[Member]] = [[] for _ in table.entities]
        for vid, eid in enumerate(table.entity_of.tolist()):
            if eid >= 0:
                members[eid].append((facet, vid))
        values = surface[facet].values
        index = {v: vid for vid, v in enumerate(values)}
        for entity, group_members in zip(table.entities, members, strict=True):
            why = {(facet, index[alias]): rule for alias, rule in entity.why if alias in index}
            state.add(Group(facet, entity.name, group_members, set(entity.rules), why,
                            entity.country))
    return state


def most_used_name(state: State, members: list[Member]) -> str:
    """The name of a group that lost its canonical value: its most used surface value."""
    best = max(members, key=lambda m: (state.doc_count(m), state.value_name(m)))
    return state.value_name(best)


def _taken(state: State, facet: str, name: str, gid: int) -> None:
    """CorrectionError when another entity of `facet` already has `name` or uses it."""
    others = [g for g in state.find(facet, name) if g != gid]
    if others:
        raise CorrectionError(f"{name!r} is already the {facet} "
                              f"{state.groups[others[0]].name!r}: merge into it instead")


def _join(state: State, gid: int, into: int) -> Group:
    """Move every value of group `gid` into group `into` (which keeps its name)."""
    moved = state.remove(gid)
    target = state.groups[into]
    target.members.extend(moved.members)
    target.rules |= moved.rules
    target.why.update(moved.why)
    target.country = target.country or moved.country
    for member in moved.members:
        state.member_of[member] = into
    return moved


def op_merge(state: State, c: Correction) -> None:
    """Join the entity named `value` into the entity named `into` (which keeps its name)."""
    into = state.one(c.facet, c.into, "into")
    gid = state.one(c.facet, c.value)
    if gid == into:
        raise CorrectionError(f"{c.value!r} and {c.into!r} are already one {c.facet} "
                              f"({state.groups[gid].name!r})")
    moved = _join(state, gid, into)
    state.groups[into].rules.add("correction")
    state.groups[into].why.update({m: f"correction {c.id} (merge)" for m in moved.members})


def op_split(state: State, c: Correction) -> None:
    """Take the surface value `value` out of its entity: it becomes an entity of its own."""
    gid = state.one(c.facet, c.value)
    group = state.groups[gid]
    wanted = c.value.strip().casefold()
    split = [m for m in group.members if state.value_name(m).casefold() == wanted]
    if not split:
        raise CorrectionError(f"{c.value!r} is the name of {group.name!r}, not one of its "
                              "values: split one of its aliases")
    if len(split) == len(group.members):
        raise CorrectionError(f"{group.name!r} has no other value to split {c.value!r} from")
    group.members = [m for m in group.members if m not in split]
    for member in split:
        group.why.pop(member, None)
    if group.name.casefold() == wanted:
        group.name = most_used_name(state, group.members)
    group.rules.add("correction")
    state.add(Group(c.facet, state.value_name(split[0]), split, {"correction"},
                    {m: f"correction {c.id} (split)" for m in split}))


def op_retype(state: State, c: Correction) -> None:
    """Move an entity to the other facet (actor <-> place), joining a same-named one there."""
    if c.to == c.facet:
        raise CorrectionError(f"{c.value!r} is already a{'n' if c.to == 'actor' else ''} {c.to}")
    gid = state.one(c.facet, c.value)
    group = state.groups[gid]
    there = state.find(c.to, group.name)
    group.facet = c.to
    group.rules.add("correction")
    group.why.update({m: f"correction {c.id} (retype)" for m in group.members})
    if c.to != "place":
        group.country = None
    if there:
        _join(state, gid, there[0])


def op_country(state: State, c: Correction) -> None:
    """Set the country of a place."""
    if c.facet != "place":
        raise CorrectionError("only places have a country")
    state.groups[state.one(c.facet, c.value)].country = c.country


def op_drop(state: State, c: Correction) -> None:
    """Drop an entity as junk: out of facet lists, counts and filters (still in the text)."""
    state.remove(state.one(c.facet, c.value))


def op_rename(state: State, c: Correction) -> None:
    """Give an entity another canonical name (refused when another entity has that name)."""
    gid = state.one(c.facet, c.value)
    _taken(state, c.facet, c.name, gid)
    state.groups[gid].name = c.name.strip()
    state.groups[gid].rules.add("correction")


Op = Callable[[State, Correction], None]
OPERATIONS: dict[str, Op] = {"merge": op_merge, "split": op_split, "retype": op_retype,
                             "country": op_country, "drop": op_drop, "rename": op_rename}


def apply_corrections(base: dict[str, EntityTable], surface: dict[str, FacetTable],
                      entries: list[Correction]) -> tuple[dict[str, EntityTable], dict[str, str]]:
    """(the corrected entity tables, status of every entry: "applied", "undone" or
    "skipped: reason"). An entry that no longer applies (its value left the index) is
    skipped, never fatal; the base tables are returned as they are when nothing applies."""
    changes, undone = active(entries)
    status = {e.id: "undone" if e.id in undone else "applied" for e in entries}
    if not changes:
        return base, status
    state = initial_state(base, surface)
    for entry in changes:
        try:
            OPERATIONS[entry.op](state, entry)
        except CorrectionError as err:
            status[entry.id] = f"skipped: {err}"
            continue
        state.touched.update({entry.facet, entry.to} - {""})
    return {facet: _table(state, facet) if facet in state.touched else base[facet]
            for facet in base}, status


def _table(state: State, facet: str) -> EntityTable:
    """The groups of one facet numbered by name into an EntityTable."""
    groups = sorted((g for g in state.groups.values() if g.facet == facet),
                    key=lambda g: (g.name, min(g.members)))
    entity_of = {f: np.full(len(state.surface[f].values), -1, dtype=np.int32)
                 for f in ENTITY_FACETS if f in state.surface}
    entities = []
    for eid, group in enumerate(groups):
        for sfacet, vid in group.members:
            entity_of[sfacet][vid] = eid
        entities.append(_entity(state, eid, group, facet))
    own = state.surface[facet]
    by_surface = {own.values[vid]: int(eid) for vid, eid in enumerate(entity_of[facet].tolist())}
    return EntityTable(facet, entity_of[facet], entities, by_surface, _ids_by_spelling(entities),
                       {e.name: e.id for e in entities}, _foreign_members(state, entity_of, facet))


def _entity(state: State, eid: int, group: Group, facet: str) -> Entity:
    """One group as an Entity: its aliases by document count, the rules and reasons that
    formed it (rules only for a merge or a correction)."""
    aliases = sorted(((state.value_name(m), state.doc_count(m)) for m in group.members),
                     key=lambda a: (-a[1], a[0]))
    why = tuple(sorted((state.value_name(m), r) for m, r in group.why.items()
                       if m in group.members))
    merged = len(group.members) > 1 or "correction" in group.rules
    rules = tuple(sorted(group.rules)) if merged else ()
    return Entity(eid, group.name, facet, tuple(aliases), 0, rules, why, group.country)


def _ids_by_spelling(entities: list[Entity]) -> dict[str, list[int]]:
    """spelling_key of every name and alias -> the ids of the entities it names."""
    by_key: dict[str, set[int]] = {}
    for entity in entities:
        for alias in (entity.name, *entity.alias_names):
            by_key.setdefault(spelling_key(alias), set()).add(entity.id)
    return {k: sorted(ids) for k, ids in by_key.items()}


def _foreign_members(state: State, entity_of: dict[str, np.ndarray],
                     facet: str) -> dict[str, dict[str, int]]:
    """Members from another facet's surface values (a place merged into an actor): facet ->
    surface value -> entity id."""
    return {f: {state.surface[f].values[vid]: int(of[vid]) for vid in np.flatnonzero(of >= 0)}
            for f, of in entity_of.items() if f != facet and (of >= 0).any()}


def corrected_watchlist(entities: dict[str, EntityTable]) -> list[dict]:
    """The entities a correction shaped, as watchlist entries (indexer.watchlist format:
    name, type, aliases, country), so a team can carry them into `trawl index --aliases`."""
    entries = []
    for facet, table in entities.items():
        for entity in table.entities:
            if not any(why.startswith("correction ") for _, why in entity.why) \
                    and entity.country is None and "correction" not in entity.rules:
                continue
            entry = {"name": entity.name, "type": facet,
                     "aliases": [a for a in entity.alias_names if a != entity.name]}
            if entity.country:
                entry["country"] = entity.country
            entries.append(entry)
    return entries
