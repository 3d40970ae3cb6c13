"""What the search page shows, computed once from a SearchResult so the template only loops."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from search.model import FacetCounts, SearchResult, TimelineBucket
from web.links import (
    Pairs,
    export_href,
    search_href,
    with_filter,
    with_param,
    without,
    without_pair,
)

FACET_TITLES = {"actor": "Actors", "place": "Places", "country": "Countries",
                "date": "Dates mentioned"}
#: the sidebar's facets, in order: countries next to the places they roll up
SIDEBAR_FACETS = ("actor", "place", "country", "date")
FILTER_LABELS = {
    "actor": "Actor", "place": "Place", "date": "Date",
    "country": "Country",
    "not_actor": "Not actor", "not_place": "Not place", "not_date": "Not date",
    "not_country": "Not country",
    "about_actor": "About actor", "about_place": "About place",
    "not_about_actor": "Not about actor", "not_about_place": "Not about place",
    "from": "Published from", "to": "Published to",
}
MORE_FACET_SIZE = 100
PAGE_WINDOW = 2  # page links shown on each side of the current page
TIMELINE_HEIGHT, TIMELINE_SLOT_WIDTH = 60, 10  # SVG user units
TIMELINE_MIN_SLOTS = 12  # few buckets stay narrow bars in the middle, not wide slabs
TIMELINE_MAX_LABELS = 5  # axis labels: the first, the last and a few evenly spaced between
TIMELINE_LABEL_ALL = 7  # up to this many bars, every bar gets its label
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Chip:
    """An active filter, shown with a link that removes it."""

    label: str
    value: str
    remove_href: str
    negative: bool


@dataclass(frozen=True)
class FacetPanel:
    """One facet in the sidebar: its values (exactly as the API returns them) and its links."""

    name: str
    title: str
    counts: FacetCounts
    prefix: str
    more_href: str | None
    fewer_href: str | None


@dataclass(frozen=True)
class TimelineBar:
    """One bucket of the publication histogram as an SVG bar linking to its date range."""

    period: str
    label: str  # readable period, e.g. "Nov 2024"
    count: int
    href: str | None
    x: int
    y: float
    height: float
    selected: bool
    axis: str  # axis label role: "first", "last", "minor" (hidden on small screens) or ""


@dataclass(frozen=True)
class PageLink:
    """A pagination entry; `number` None is an ellipsis."""

    number: int | None
    href: str
    current: bool = False


@dataclass(frozen=True)
class SearchPage:
    """Everything the search template renders besides the SearchResult itself."""

    result: SearchResult
    params: Pairs
    chips: list[Chip]
    clear_href: str
    facets: list[FacetPanel]
    facet_form_hidden: Pairs
    query_form_hidden: Pairs
    timeline: list[TimelineBar]
    timeline_slots: list[TimelineBar | None]  # padding slots are None
    mentioned: list[TimelineBar]
    mentioned_slots: list[TimelineBar | None]
    mentioned_unit: str
    mentioned_outside: tuple[int, int]  # documents whose dates all fall before / after the bars
    pages: list[PageLink]
    prev_href: str | None
    next_href: str | None
    export_links: dict[str, str]
    suggestion_href: str | None
    first_shown: int
    last_shown: int


def build_search_page(
    result: SearchResult, facets: Mapping[str, FacetCounts], prefixes: Mapping[str, str]
) -> SearchPage:
    """The page model for `result`; `facets` replaces result.facets where a filter box narrowed it."""
    req = result.request
    params = list(req.to_params())
    first = (req.page - 1) * req.size + 1 if result.hits else 0  # numbering of the <ol>
    bars = timeline_bars(result.timeline, params, req.date_from, req.date_to)
    mentioned = result.mentioned
    said = mentioned_bars(mentioned.buckets, params) if mentioned else []
    pages, prev_href, next_href = pagination(params, req.page, req.size, result.total)
    return SearchPage(
        result=result,
        params=params,
        chips=active_chips(params, facets),
        clear_href=search_href([(k, v) for k, v in params if k in ("q", "sort")]),
        facets=facet_panels(params, facets, prefixes, req.facet_size),
        facet_form_hidden=facet_form_hidden(params, facets),
        query_form_hidden=without(params, ("q", "sort", "page")),
        timeline=bars,
        timeline_slots=timeline_slots(bars),
        mentioned=said,
        mentioned_slots=timeline_slots(said),
        mentioned_unit=mentioned.unit if mentioned else "year",
        mentioned_outside=(mentioned.earlier, mentioned.later) if mentioned else (0, 0),
        pages=pages,
        prev_href=prev_href,
        next_href=next_href,
        export_links={"csv": export_href(params, "csv"),
                      "excel": export_href([*params, ("bom", "1")], "csv"),
                      "jsonl": export_href(params, "jsonl")},
        suggestion_href=(
            search_href(with_param(without(params, ("page",)), "q", result.suggestion))
            if result.suggestion else None
        ),
        first_shown=first,
        last_shown=first + len(result.hits) - 1 if result.hits else 0,
    )


def active_chips(params: Sequence[tuple[str, str]], facets: Mapping[str, FacetCounts]) -> list[Chip]:
    """One removable chip per filter parameter, labelled like the facet sidebar labels it."""
    labels = {
        (name, fv.value): fv.label for name, counts in facets.items() for fv in counts.values
    }
    chips = []
    for name, value in params:
        if name not in FILTER_LABELS:
            continue
        facet = name.removeprefix("not_")
        chips.append(Chip(
            label=FILTER_LABELS[name],
            value=labels.get((facet, value), value),
            remove_href=search_href(without_pair(params, name, value)),
            negative=name.startswith("not_"),
        ))
    return chips


def facet_panels(
    params: Pairs, facets: Mapping[str, FacetCounts], prefixes: Mapping[str, str], size: int
) -> list[FacetPanel]:
    """The sidebar panels in SIDEBAR_FACETS order, with "more"/"fewer" links on the facet size."""
    base = without(params, ("page",))
    panels = []
    for name in SIDEBAR_FACETS:
        counts = facets.get(name, FacetCounts(values=[]))
        more = counts.truncated and size < MORE_FACET_SIZE
        fewer = size >= MORE_FACET_SIZE
        panels.append(FacetPanel(
            name=name,
            title=FACET_TITLES.get(name, name.title()),
            counts=counts,
            prefix=prefixes.get(name, ""),
            more_href=search_href(with_param(base, "facet_size", MORE_FACET_SIZE)) if more else None,
            fewer_href=search_href(without(base, ("facet_size",))) if fewer else None,
        ))
    return panels


def facet_form_hidden(params: Pairs, facets: Mapping[str, FacetCounts]) -> Pairs:
    """Parameters the sidebar form carries as hidden inputs: all but the ticked checkboxes' own."""
    shown = {(name, fv.value) for name, counts in facets.items() for fv in counts.values}
    return [(k, v) for k, v in without(params, ("page",)) if (k, v) not in shown]


def timeline_bars(
    buckets: Sequence[TimelineBucket], params: Pairs, date_from, date_to
) -> list[TimelineBar]:
    """Publication bars; each links to the search narrowed to its period's days."""
    base = without(params, ("page", "from", "to"))

    def link(bucket: TimelineBucket) -> str | None:
        if not (bucket.start and bucket.end):
            return None
        bounds = [("from", bucket.start.isoformat()), ("to", bucket.end.isoformat())]
        return search_href([*base, *bounds])

    return _bars(buckets, link, lambda b: (b.start, b.end) == (date_from, date_to))


def mentioned_bars(buckets: Sequence[TimelineBucket], params: Pairs) -> list[TimelineBar]:
    """Dates-mentioned bars; each adds its period as a date filter (the dates inside it)."""
    chosen = {value for name, value in params if name == "date"}
    return _bars(buckets, lambda b: search_href(with_filter(params, "date", b.period)),
                 lambda b: b.period in chosen)


def _bars(buckets: Sequence[TimelineBucket], link, selected) -> list[TimelineBar]:
    """SVG bars scaled to the highest bucket, centred in the slots; empty bars link nowhere."""
    top = max((b.count for b in buckets), default=0) or 1
    pad = max(0, TIMELINE_MIN_SLOTS - len(buckets)) // 2
    roles = axis_roles(len(buckets))
    bars = []
    for i, bucket in enumerate(buckets):
        height = 0.0 if bucket.count == 0 else max(2.0, TIMELINE_HEIGHT * bucket.count / top)
        bars.append(TimelineBar(
            period=bucket.period,
            label=period_label(bucket.period),
            count=bucket.count,
            href=link(bucket) if bucket.count else None,
            x=(pad + i) * TIMELINE_SLOT_WIDTH,
            y=round(TIMELINE_HEIGHT - height, 2),
            height=round(height, 2),
            selected=selected(bucket),
            axis=roles.get(i, ""),
        ))
    return bars


def axis_roles(count: int) -> dict[int, str]:
    """Which bars get an axis label: first, last, and up to TIMELINE_MAX_LABELS - 2 between."""
    if count == 0:
        return {}
    roles = {0: "first"}
    if count <= TIMELINE_LABEL_ALL:
        roles.update({i: "minor" for i in range(1, count)})
    step = (count - 1) / (TIMELINE_MAX_LABELS - 1)
    for k in range(1, TIMELINE_MAX_LABELS - 1):
        roles.setdefault(round(k * step), "minor")
    if count > 1:
        roles[count - 1] = "last"
    return roles


def timeline_slots(bars: list[TimelineBar]) -> list[TimelineBar | None]:
    """The bars centred among at least TIMELINE_MIN_SLOTS slots (for the axis labels row)."""
    total = max(TIMELINE_MIN_SLOTS, len(bars))
    pad = (total - len(bars)) // 2
    return [None] * pad + list(bars) + [None] * (total - len(bars) - pad)


def period_label(period: str) -> str:
    """"2024-11" -> "Nov 2024", "2024-11-29" -> "29 Nov 2024"; years and oddities unchanged."""
    parts = period.split("-")
    if len(parts) in (2, 3) and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        month = MONTHS[int(parts[1]) - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
    return period


def pagination(
    params: Pairs, page: int, size: int, total: int
) -> tuple[list[PageLink], str | None, str | None]:
    """Page number links around the current page (first and last always), plus prev/next."""
    last = max(1, math.ceil(total / size)) if size > 0 else 1
    if last == 1:
        return [], None, None

    def href(n: int) -> str:
        return search_href(with_param(without(params, ("page",)), "page", n) if n > 1
                           else without(params, ("page",)))

    numbers = sorted({1, last, *range(max(1, page - PAGE_WINDOW), min(last, page + PAGE_WINDOW) + 1)})
    links: list[PageLink] = []
    for n in numbers:
        if links and links[-1].number is not None and n - links[-1].number > 1:
            links.append(PageLink(number=None, href=""))
        links.append(PageLink(number=n, href=href(n), current=n == page))
    prev_href = href(page - 1) if page > 1 else None
    next_href = href(page + 1) if page < last else None
    return links, prev_href, next_href


def badge_href(params: Pairs, facet: str, value: str) -> str:
    """Link that adds a facet value of a hit to the current filters."""
    return search_href(with_filter(params, facet, value))
