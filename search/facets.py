"""Disjunctive facet counts: each facet counted under every active filter except its own.

So selecting one actor keeps the other actors' counts (they answer "how many if I add this
one too"), selected and excluded values are always listed, and every value carries the
query strings that toggle it.
"""

from __future__ import annotations

import numpy as np

from search.facet_table import FacetTable
from search.filters import Filters, value_ids, values_mask
from search.folding import fold
from search.generation import Generation
from search.model import FacetCounts, FacetValue, SearchRequest
from search.params import (
    flip_links,
    is_excluded,
    is_selected,
    query_string,
    with_boilerplate_toggled,
)

LABEL_SEPARATOR = " · "


def count_facet(gen: Generation, req: SearchRequest, facet: str, matched: np.ndarray,
                filters: Filters) -> FacetCounts:
    """Top `req.facet_size` values of a facet among the matching documents, plus the
    selected and excluded ones; selected first, then by count and name.

    Each count is the number of documents its click returns: an unselected value's count is
    what selecting it alone in this facet finds, an excluded one's what including it finds."""
    table = gen.count_tables[facet]
    mask = filters.apply(matched, skip_facet=facet)
    counts = table.count(mask, int(mask.sum()))
    listed, hidden = _without_boilerplate(gen, req, facet, counts)
    nonzero = np.flatnonzero(listed)
    top = _top_ids(table, listed, nonzero, req.facet_size)
    requested = (*getattr(req, facet), *getattr(req, f"not_{facet}"))
    asked = _requested_ids(gen, facet, requested)
    entries = {table.values[v]: (int(counts[v]), asked.get(v, table.values[v]))
               for v in top.tolist()}
    for value in getattr(req, facet):
        _replace_entry(entries, *_requested_count(gen, facet, value, mask, counts), value)
    excluded = getattr(req, f"not_{facet}")
    if excluded:
        lifted = filters.apply(matched, skip_facet=facet, lift_exclusions=facet)
        for value in excluded:
            others = tuple(v for v in excluded if v != value)
            base = lifted & ~values_mask(gen, facet, others) if others else lifted
            _replace_entry(entries, *_requested_count(gen, facet, value, base, None), value)
    values = [_facet_value(gen, req, facet, name, count, param)
              for name, (count, param) in entries.items()]
    values.sort(key=lambda v: (not v.selected, -v.count, fold(v.value), v.value))
    flagged = gen.boilerplate.get(facet, {})
    toggle = query_string(with_boilerplate_toggled(req)) if flagged else ""
    return FacetCounts(values=values, truncated=len(nonzero) > req.facet_size, hidden=hidden,
                       boilerplate_toggle=toggle)


def _without_boilerplate(gen: Generation, req: SearchRequest, facet: str,
                         counts: np.ndarray) -> tuple[np.ndarray, int]:
    """The counts to list values by (boilerplate values at 0 unless shown), and how many
    boilerplate values with matches that leaves out."""
    flagged = gen.boilerplate.get(facet)
    if not flagged or req.boilerplate == "show":
        return counts, 0
    ids = np.fromiter(flagged, dtype=np.int64, count=len(flagged))
    listed = counts.copy()
    listed[ids] = 0
    return listed, int(np.count_nonzero(counts[ids]))


def _replace_entry(entries: dict[str, tuple[int, str]], name: str, count: int,
                   param: str) -> None:
    """Set `name`'s count and filter name, replacing an entry that differs only in case."""
    for shown in [k for k in entries if k.casefold() == name.casefold()]:
        del entries[shown]
    entries[name] = (count, param)


def _requested_ids(gen: Generation, facet: str, requested: tuple[str, ...]) -> dict[int, str]:
    """Value id -> the filter value naming it, for filter values naming exactly one value
    (an alias such as "UN" names the United Nations entity)."""
    asked = {}
    for value in requested:
        ids = value_ids(gen, facet, value)
        if len(ids) == 1:
            asked.setdefault(ids[0], value)
    return asked


def _top_ids(table: FacetTable, counts: np.ndarray, nonzero: np.ndarray,
             limit: int) -> np.ndarray:
    """Value ids of the `limit` highest counts, ties broken by name."""
    if limit <= 0 or not len(nonzero):
        return nonzero[:0]
    if len(nonzero) > 4 * limit:  # keep only what can reach the top before sorting
        threshold = np.partition(counts[nonzero], len(nonzero) - limit)[len(nonzero) - limit]
        nonzero = nonzero[counts[nonzero] >= threshold]
    order = np.lexsort((table.rank[nonzero], -counts[nonzero]))
    return nonzero[order[:limit]]


def _requested_count(gen: Generation, facet: str, value: str, mask: np.ndarray,
                     counts: np.ndarray | None) -> tuple[str, int]:
    """(displayed name, count in `mask`) of a value named in a filter, even when nothing
    matches it; `counts` are the value counts of `mask` when already known. An alias naming
    one entity is displayed as the entity's name."""
    ids = value_ids(gen, facet, value)
    table = gen.facets[facet]
    exact = [v for v in ids if table.values[v].casefold() == value.casefold()]
    exact = exact or (ids if len(ids) == 1 else [])
    name = table.values[exact[0]] if exact else value
    if not ids:
        return value, 0
    if counts is not None and exact:
        return name, int(counts[exact[0]])
    return name, int(np.count_nonzero(mask[table.docs_of(ids)] if len(ids) == 1
                                      else mask & table.mask_of(ids, len(mask))))


def _facet_value(gen: Generation, req: SearchRequest, facet: str, value: str,
                 count: int, param: str | None = None) -> FacetValue:
    """A facet value; `param` is the name the request's filters use for it (an alias)."""
    param = param or value
    toggles = flip_links(req, facet, param)
    return FacetValue(
        value=value,
        label=label_of(gen, facet, value),
        count=count,
        selected=is_selected(req, facet, param),
        excluded=is_excluded(req, facet, param),
        toggle=toggles[0],
        exclude_toggle=toggles[1],
        aliases=aliases_of(gen, facet, value),
        boilerplate=_is_boilerplate(gen, facet, value),
    )


def _is_boilerplate(gen: Generation, facet: str, value: str) -> bool:
    flagged = gen.boilerplate.get(facet)
    return bool(flagged) and gen.entities[facet].by_name.get(value) in flagged


def aliases_of(gen: Generation, facet: str, value: str) -> tuple[str, ...]:
    """The other names the documents use for an entity, most used first."""
    table = gen.entities.get(facet)
    eid = table and table.by_name.get(value)
    if eid is None:
        return ()
    return tuple(name for name in table.entities[eid].alias_names if name != value)


def label_of(gen: Generation, facet: str, value: str) -> str:
    """What a value reads as: places carry their country ("Aleppo · Syria")."""
    if facet != "place":
        return value
    country = gen.country_of(value)
    if not country or fold(country) == fold(value):
        return value
    return f"{value}{LABEL_SEPARATOR}{country}"


def search_values(gen: Generation, req: SearchRequest, facet: str, prefix: str,
                  matched: np.ndarray, filters: Filters, limit: int) -> list[FacetValue]:
    """Values of a facet whose name or a word of it starts with `prefix`, with their counts
    under the current filters (those with no matching document left out unless selected)."""
    table = gen.count_tables[facet]
    mask = filters.apply(matched, skip_facet=facet)
    counts = table.count(mask, int(mask.sum()))
    ids = np.asarray(table.search_labels(prefix), dtype=np.int64)
    asked = _requested_ids(gen, facet, (*getattr(req, facet), *getattr(req, f"not_{facet}")))
    keep = counts[ids] > 0
    if asked:
        keep |= np.array([i in asked for i in ids.tolist()], dtype=bool)
    ids = ids[keep] if len(ids) else ids
    order = np.lexsort((table.rank[ids], -counts[ids]))[:max(limit, 0)]
    return [_facet_value(gen, req, facet, table.values[i], int(counts[i]), asked.get(i))
            for i in ids[order].tolist()]
