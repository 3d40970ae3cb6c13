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
from search.params import exclusion_toggled, is_excluded, is_selected, query_string, toggled

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
    nonzero = np.flatnonzero(counts)
    top = _top_ids(table, counts, nonzero, req.facet_size)
    entries = {table.values[v]: int(counts[v]) for v in top.tolist()}
    for value in getattr(req, facet):
        _replace_entry(entries, *_requested_count(gen, facet, value, mask, counts))
    excluded = getattr(req, f"not_{facet}")
    if excluded:
        lifted = filters.apply(matched, skip_facet=facet, lift_exclusions=facet)
        for value in excluded:
            others = tuple(v for v in excluded if v != value)
            base = lifted & ~values_mask(gen, facet, others) if others else lifted
            _replace_entry(entries, *_requested_count(gen, facet, value, base, None))
    values = [_facet_value(gen, req, facet, name, count) for name, count in entries.items()]
    values.sort(key=lambda v: (not v.selected, -v.count, fold(v.value), v.value))
    return FacetCounts(values=values, truncated=len(nonzero) > req.facet_size)


def _replace_entry(entries: dict[str, int], name: str, count: int) -> None:
    """Set `name`'s count, replacing an entry that differs from it only in case."""
    for shown in [k for k in entries if k.casefold() == name.casefold()]:
        del entries[shown]
    entries[name] = count


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
    matches it; `counts` are the value counts of `mask` when already known."""
    ids = value_ids(gen, facet, value)
    table = gen.facets[facet]
    exact = [v for v in ids if table.values[v].casefold() == value.casefold()]
    name = table.values[exact[0]] if exact else value
    if not ids:
        return value, 0
    if counts is not None and exact:
        return name, int(counts[exact[0]])
    return name, int(np.count_nonzero(mask[table.docs_of(ids)] if len(ids) == 1
                                      else mask & table.mask_of(ids, len(mask))))


def _facet_value(gen: Generation, req: SearchRequest, facet: str, value: str,
                 count: int) -> FacetValue:
    return FacetValue(
        value=value,
        label=label_of(gen, facet, value),
        count=count,
        selected=is_selected(req, facet, value),
        excluded=is_excluded(req, facet, value),
        toggle=query_string(toggled(req, facet, value)),
        exclude_toggle=query_string(exclusion_toggled(req, facet, value)),
    )


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
    wanted = {v.casefold() for v in (*getattr(req, facet), *getattr(req, f"not_{facet}"))}
    keep = counts[ids] > 0
    if wanted:
        keep |= np.array([table.values[i].casefold() in wanted for i in ids.tolist()], dtype=bool)
    ids = ids[keep] if len(ids) else ids
    order = np.lexsort((table.rank[ids], -counts[ids]))[:max(limit, 0)]
    return [_facet_value(gen, req, facet, table.values[i], int(counts[i]))
            for i in ids[order].tolist()]
