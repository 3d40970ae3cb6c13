"""Disjunctive facet counts from Typesense answers, in the embedded engine's shape.

Typesense counts facets under every filter of its search. A facet with a selection is
therefore counted by a search of its own without that selection; each selected or excluded
value gets a count search, so it is listed with what its click finds even when it is not
among the top values (search.facets.count_facet does the same from its masks).
"""

from __future__ import annotations

from dataclasses import dataclass

from search.folding import fold
from search.model import FacetCounts, FacetValue, SearchRequest
from search.params import (
    FILTER_FACETS,
    exclusion_toggled,
    is_excluded,
    is_selected,
    query_string,
    toggled,
)
from search.typesense_query import request_filters, value_filter
from search.typesense_schema import value_of_label

#: the Typesense field a facet is counted on: places with their country (as labels), dates
#: with every shorter date they lie in (2024 counts 2024-11-29, as the date=2024 filter finds)
COUNTED_FIELD = {"place": "place_label", "date": "date_prefix"}
#: values fetched per facet beyond the ones shown, so ties at the cut are broken by name
EXTRA_VALUES = 20


def facet_field(facet: str) -> str:
    return COUNTED_FIELD.get(facet, facet)


@dataclass(frozen=True)
class FacetPlan:
    """Which searches a request's facet counts need, in order."""

    req: SearchRequest

    @property
    def plain_facets(self) -> list[str]:
        """Facets nothing selects: counted by the page search itself."""
        return [facet_field(f) for f in FILTER_FACETS if not getattr(self.req, f)]

    def searches(self) -> list[dict]:
        """{filters, facet_by?, kind}: one per selected facet, then one per named value."""
        req, specs = self.req, []
        for facet in FILTER_FACETS:
            if getattr(req, facet):
                specs.append({"kind": ("facet", facet, ""), "facet_by": facet_field(facet),
                              "filters": request_filters(req, skip_facet=facet)})
        for facet in FILTER_FACETS:
            for value in getattr(req, facet):
                specs.append({"kind": ("selected", facet, value),
                              "filters": [*request_filters(req, skip_facet=facet),
                                          value_filter(facet, (value,))]})
            excluded = getattr(req, f"not_{facet}")
            for value in excluded:
                others = tuple(v for v in excluded if v != value)
                clauses = [*request_filters(req, skip_facet=facet, lift_exclusions=facet),
                           value_filter(facet, (value,))]
                if others:
                    clauses.append(value_filter(facet, others, negated=True))
                specs.append({"kind": ("excluded", facet, value), "filters": clauses})
        return specs


def facet_counts(req: SearchRequest, plan: FacetPlan, main: dict,
                 rest: list[dict]) -> dict[str, FacetCounts]:
    """Every facet's counts from the page search (`main`) and the plan's searches (`rest`)."""
    answers = dict(zip((tuple(s["kind"]) for s in plan.searches()), rest, strict=True))
    result = {}
    for facet in FILTER_FACETS:
        source = answers.get(("facet", facet, ""), main)
        counted = _counts_of(source, facet_field(facet))
        counted.sort(key=lambda pair: (-pair[1], fold(pair[0]), pair[0]))
        entries = {value_of_label(label): (label, count)
                   for label, count in counted[:req.facet_size]}
        for kind in ("selected", "excluded"):
            for value in getattr(req, facet if kind == "selected" else f"not_{facet}"):
                _replace(entries, value, int(answers[(kind, facet, value)]["found"]))
        values = [facet_value(req, facet, label, count, name)
                  for name, (label, count) in entries.items()]
        values.sort(key=lambda v: (not v.selected, -v.count, fold(v.value), v.value))
        result[facet] = FacetCounts(values=values, truncated=len(counted) > req.facet_size)
    return result


def _counts_of(answer: dict, field: str) -> list[tuple[str, int]]:
    for entry in answer.get("facet_counts", []):
        if entry.get("field_name") == field:
            return [(c["value"], int(c["count"])) for c in entry.get("counts", [])]
    return []


def _replace(entries: dict[str, tuple[str, int]], value: str, count: int) -> None:
    """Set the count of a value named in a filter; the index's spelling of it is kept."""
    shown = next((k for k in entries if k.casefold() == value.casefold()), None)
    if shown is None:
        entries[value] = (value, count)
    else:
        entries[shown] = (entries[shown][0], count)


def facet_value(req: SearchRequest, facet: str, label: str, count: int,
                value: str | None = None) -> FacetValue:
    """A facet value with its toggles; `label` is what Typesense counted (places with
    their country); `value` the name filters use for it."""
    value = value or (value_of_label(label) if facet == "place" else label)
    return FacetValue(
        value=value, label=label, count=count,
        selected=is_selected(req, facet, value), excluded=is_excluded(req, facet, value),
        toggle=query_string(toggled(req, facet, value)),
        exclude_toggle=query_string(exclusion_toggled(req, facet, value)),
    )
