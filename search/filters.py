"""Filter masks: facet values OR-ed within a facet, facets AND-ed, exclusions, publication range.

Kept per facet, so a facet's disjunctive counts can apply every filter except its own.
Filters never touch the text query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from search.errors import InvalidRequest
from search.generation import NO_DAY, Generation
from search.model import SearchRequest
from search.params import ABOUT_PARAMS, FILTER_FACETS

_EPOCH = date(1970, 1, 1)


@dataclass
class Filters:
    """The active filters of a request as boolean document masks."""

    include: dict[str, np.ndarray] = field(default_factory=dict)
    exclude: dict[str, np.ndarray] = field(default_factory=dict)
    published: np.ndarray | None = None

    def apply(self, mask: np.ndarray, skip_facet: str | None = None,
              lift_exclusions: str | None = None) -> np.ndarray:
        """`mask` AND every filter (a new array), except the selection of `skip_facet`
        (disjunctive counts) and the exclusions of `lift_exclusions`. Exclusions of the
        counted facet itself stay: an excluded value's documents can't come back by a click."""
        result = mask.copy()
        for facet, allowed in self.include.items():
            if facet != skip_facet:
                result &= allowed
        for facet, excluded in self.exclude.items():
            if facet != lift_exclusions:
                result &= ~excluded
        if self.published is not None:
            result &= self.published
        return result


def value_ids(gen: Generation, facet: str, value: str) -> list[int]:
    """Facet value ids a filter value stands for: exact name, case-insensitive; dates by prefix."""
    table = gen.facets[facet]
    if facet == "date":
        return table.lookup_prefix_date(value)
    return table.lookup(value)


def values_mask(gen: Generation, facet: str, values: tuple[str, ...]) -> np.ndarray:
    """Documents holding any of the given values of a facet."""
    ids = [vid for value in values for vid in value_ids(gen, facet, value)]
    return gen.facets[facet].mask_of(ids, gen.doc_count)


def build_filters(gen: Generation, req: SearchRequest) -> Filters:
    filters = Filters()
    for facet in FILTER_FACETS:
        if getattr(req, facet):
            filters.include[facet] = values_mask(gen, facet, getattr(req, facet))
        if getattr(req, f"not_{facet}"):
            filters.exclude[facet] = values_mask(gen, facet, getattr(req, f"not_{facet}"))
    for name in ABOUT_PARAMS:
        if getattr(req, name):
            mask = central_mask(gen, name.removeprefix("not_").removeprefix("about_"),
                                getattr(req, name))
            target = filters.exclude if name.startswith("not_") else filters.include
            target[name.removeprefix("not_")] = mask
    if req.date_from or req.date_to:
        filters.published = published_mask(gen, req.date_from, req.date_to)
    return filters


def central_mask(gen: Generation, facet: str, values: tuple[str, ...]) -> np.ndarray:
    """Documents that any of the given entities is central to (search.salience)."""
    table = gen.central.get(facet)
    if table is None:
        raise InvalidRequest(f"about_{facet}: this index has no salience data; rebuild it "
                             "with `trawl index --rebuild`")
    ids = [vid for value in values for vid in value_ids(gen, facet, value)]
    return table.mask_of(ids, gen.doc_count)


def published_mask(gen: Generation, start: date | None, end: date | None) -> np.ndarray:
    """Documents published from `start` to `end` inclusive; undated documents never match."""
    mask = gen.published != NO_DAY
    if start is not None:
        mask &= gen.published >= (start - _EPOCH).days
    if end is not None:
        mask &= gen.published <= (end - _EPOCH).days
    return mask
