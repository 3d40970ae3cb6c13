"""Query parameters <-> SearchRequest: parsing at the boundary, and the links a page needs.

The web page, the JSON API and the CLI all speak these parameter names; facet values carry
ready-made query strings built here, so no template or client has URL logic of its own.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from urllib.parse import urlencode

from search.errors import InvalidRequest
from search.model import (
    DEFAULT_FACET_SIZE,
    DEFAULT_SIZE,
    MAX_FACET_SIZE,
    MAX_SIZE,
    SORTS,
    SearchRequest,
)

#: facets a request can filter on: the three main ones and the country of places
FILTER_FACETS = ("actor", "place", "date", "country")
TIMELINE_UNITS = ("day", "month", "year")
BOILERPLATE_MODES = ("hide", "show")
#: facets with an "about" mode: about_actor, not_about_actor, ... (search.salience)
ABOUT_FACETS = ("actor", "place")
ABOUT_PARAMS = (*(f"about_{f}" for f in ABOUT_FACETS), *(f"not_about_{f}" for f in ABOUT_FACETS))
MAX_VALUES_PER_FILTER = 100
#: filter values in one request, all filters together: every facet value and timeline bar of
#: an answer links to the request changed by one value, so the answer grows with their length
MAX_FILTER_VALUES = 30
MAX_VALUE_CHARS = 200
_SURROGATE = re.compile("[\ud800-\udfff]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

ParamValue = str | list[str] | tuple[str, ...]


def from_params(params: Mapping[str, ParamValue]) -> SearchRequest:
    """Build a validated request from query parameters; unknown names are ignored."""
    fields: dict = {"q": _single(params, "q") or ""}
    for facet in FILTER_FACETS:
        fields[facet] = _facet_values(params, facet)
        fields[f"not_{facet}"] = _facet_values(params, f"not_{facet}")
    for name in ABOUT_PARAMS:
        fields[name] = _facet_values(params, name)
    _check_filter_total(fields)
    fields["date_from"] = _bound(params, "from", last=False)
    fields["date_to"] = _bound(params, "to", last=True)
    if fields["date_from"] and fields["date_to"] and fields["date_from"] > fields["date_to"]:
        raise InvalidRequest(f"from ({fields['date_from']}) is after to ({fields['date_to']})")
    fields["sort"] = _choice(params, "sort", SORTS) or "relevance"
    fields["timeline"] = _choice(params, "timeline", TIMELINE_UNITS, allow=("auto",))
    fields["boilerplate"] = _choice(params, "boilerplate", BOILERPLATE_MODES) or "hide"
    fields["page"] = _positive(params, "page", 1)
    fields["size"] = min(_positive(params, "size", DEFAULT_SIZE), MAX_SIZE)
    fields["facet_size"] = min(_positive(params, "facet_size", DEFAULT_FACET_SIZE),
                               MAX_FACET_SIZE)
    return SearchRequest(**fields)


def _check_filter_total(fields: dict) -> None:
    """At most MAX_FILTER_VALUES filter values in all; the error names the filters used."""
    names = (*FILTER_FACETS, *(f"not_{f}" for f in FILTER_FACETS), *ABOUT_PARAMS)
    counts = {name: len(fields[name]) for name in names if fields[name]}
    total = sum(counts.values())
    if total > MAX_FILTER_VALUES:
        used = ", ".join(f"{name} ({count})" for name, count in counts.items())
        raise InvalidRequest(f"too many filter values: {total} in {used}; "
                             f"at most {MAX_FILTER_VALUES} in all")


def _all(params: Mapping[str, ParamValue], name: str) -> list[str]:
    raw = params.get(name)
    if raw is None:
        return []
    values = [raw] if isinstance(raw, str) else list(raw)
    values = [v.strip() for v in values if isinstance(v, str) and v.strip()]
    if any(_SURROGATE.search(v) for v in values):  # from undecodable command-line bytes
        raise InvalidRequest(f"{name}: not valid text (a byte that is not UTF-8, or a lone "
                             f"surrogate)")
    return values


def _single(params: Mapping[str, ParamValue], name: str) -> str | None:
    """A one-valued parameter; when repeated, the last value wins (as in HTML forms)."""
    values = _all(params, name)
    return values[-1] if values else None


def _facet_values(params: Mapping[str, ParamValue], name: str) -> tuple[str, ...]:
    values: dict[str, str] = {}
    for value in _all(params, name):
        if len(value) > MAX_VALUE_CHARS:
            raise InvalidRequest(f"{name}: a value is longer than {MAX_VALUE_CHARS} characters")
        if name.endswith("date"):
            _parse_date(value, name)
        values.setdefault(value.casefold(), value)
    if len(values) > MAX_VALUES_PER_FILTER:
        raise InvalidRequest(f"{name}: at most {MAX_VALUES_PER_FILTER} values")
    return tuple(values.values())


def _parse_date(text: str, name: str) -> tuple[int, int | None, int | None]:
    """(year, month or None, day or None) of a YYYY / YYYY-MM / YYYY-MM-DD string."""
    match = _DATE.match(text)
    try:
        if not match:
            raise ValueError
        year, month, day = (int(g) if g else None for g in match.groups())
        date(year, month or 1, day or 1)
    except ValueError:
        raise InvalidRequest(
            f"{name}: {text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return year, month, day


def _bound(params: Mapping[str, ParamValue], name: str, last: bool) -> date | None:
    """The first (from) or last (to) day of a YYYY / YYYY-MM / YYYY-MM-DD period."""
    text = _single(params, name)
    if text is None:
        return None
    year, month, day = _parse_date(text, name)
    if day:
        return date(year, month, day)
    if not last:
        return date(year, month or 1, 1)
    month = month or 12
    return date(year, month, calendar.monthrange(year, month)[1])


def _choice(params: Mapping[str, ParamValue], name: str, choices: tuple[str, ...],
            allow: tuple[str, ...] = ()) -> str | None:
    value = _single(params, name)
    if value is None or value in allow:
        return None
    if value not in choices:
        raise InvalidRequest(f"{name} must be one of {', '.join(choices)} (got {value!r})")
    return value


def _integer(params: Mapping[str, ParamValue], name: str, default: int) -> int:
    value = _single(params, name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise InvalidRequest(f"{name} must be a whole number (got {value!r})") from None


def _positive(params: Mapping[str, ParamValue], name: str, default: int) -> int:
    """A whole number of 1 or more (page, size, facet_size: the OpenAPI's minimum)."""
    value = _integer(params, name, default)
    if value < 1:
        raise InvalidRequest(f"{name} must be 1 or more (got {value})")
    return value


def to_params(req: SearchRequest) -> list[tuple[str, str]]:
    """The request as query parameters, leaving out every value that is the default."""
    params: list[tuple[str, str]] = []
    if req.q:
        params.append(("q", req.q))
    for name in (*FILTER_FACETS, *(f"not_{f}" for f in FILTER_FACETS), *ABOUT_PARAMS):
        params.extend((name, value) for value in getattr(req, name))
    for name, value in (("from", req.date_from), ("to", req.date_to)):
        if value is not None:
            params.append((name, value.isoformat()))
    defaults = (("sort", "relevance"), ("page", 1), ("size", DEFAULT_SIZE),
                ("facet_size", DEFAULT_FACET_SIZE), ("timeline", None), ("boilerplate", "hide"))
    for name, default in defaults:
        value = getattr(req, name)
        if value != default:
            params.append((name, str(value)))
    return params


def query_string(req: SearchRequest) -> str:
    """The urlencoded parameters of a request, without the leading '?'."""
    return urlencode(to_params(req))


def echo(req: SearchRequest) -> dict:
    """Every parameter of a request with its value (defaults included), for the JSON API."""
    body: dict = {"q": req.q}
    for name in (*FILTER_FACETS, *(f"not_{f}" for f in FILTER_FACETS), *ABOUT_PARAMS):
        body[name] = list(getattr(req, name))
    body["from"] = req.date_from.isoformat() if req.date_from else None
    body["to"] = req.date_to.isoformat() if req.date_to else None
    for name in ("sort", "page", "size", "facet_size", "timeline", "boilerplate"):
        body[name] = getattr(req, name)
    return body


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _without(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    return tuple(v for v in values if not _same(v, value))


def is_selected(req: SearchRequest, facet: str, value: str) -> bool:
    return any(_same(v, value) for v in getattr(req, facet))


def is_excluded(req: SearchRequest, facet: str, value: str) -> bool:
    return any(_same(v, value) for v in getattr(req, f"not_{facet}"))


def toggled(req: SearchRequest, facet: str, value: str) -> SearchRequest:
    """The request with `value` selected in `facet` (or unselected if it was), page 1."""
    return _flipped(req, value, side=facet, other=f"not_{facet}")


def exclusion_toggled(req: SearchRequest, facet: str, value: str) -> SearchRequest:
    """The request with `value` excluded from `facet` (or no longer excluded), page 1."""
    return _flipped(req, value, side=f"not_{facet}", other=facet)


def _flipped(req: SearchRequest, value: str, *, side: str, other: str) -> SearchRequest:
    """Flip `value` in the `side` list; it always leaves the `other` list (a value is never both)."""
    values = getattr(req, side)
    if any(_same(v, value) for v in values):
        values = _without(values, value)
    else:
        values = (*values, value)
    return dataclasses.replace(req, page=1, **{side: values,
                                               other: _without(getattr(req, other), value)})


def flip_links(req: SearchRequest, facet: str, value: str) -> tuple[str, str]:
    """The query strings of `toggled` and `exclusion_toggled` for one value, the same strings
    made faster: a search renders them for every facet value it lists (about 60), so a value
    selected in neither list is spliced into the request's page-1 parameters, encoded once
    per request, right after the list it joins (where to_params puts it)."""
    if is_selected(req, facet, value) or is_excluded(req, facet, value):
        return (query_string(toggled(req, facet, value)),
                query_string(exclusion_toggled(req, facet, value)))
    return _spliced(req, facet, value), _spliced(req, f"not_{facet}", value)


def _spliced(req: SearchRequest, name: str, value: str) -> str:
    head, tail = _split_params(req, name)
    return "&".join(part for part in (head, _encoded(name, value), tail) if part)


@lru_cache(maxsize=8192)
def _encoded(name: str, value: str) -> str:
    """One urlencoded parameter (the same facet values are listed search after search)."""
    return urlencode([(name, value)])


@lru_cache(maxsize=64)
def _split_params(req: SearchRequest, name: str) -> tuple[str, str]:
    """The encoded page-1 parameters of `req` before and after where a `name` value goes."""
    params = to_params(dataclasses.replace(req, page=1))
    rank = _PARAM_ORDER.index(name)
    cut = sum(1 for key, _ in params if _PARAM_ORDER.index(key) <= rank)
    return urlencode(params[:cut]), urlencode(params[cut:])


#: parameter names in the order to_params writes them
_PARAM_ORDER = ("q", *FILTER_FACETS, *(f"not_{f}" for f in FILTER_FACETS), *ABOUT_PARAMS,
                "from", "to", "sort", "page", "size", "facet_size", "timeline", "boilerplate")


def with_range(req: SearchRequest, start: date | None, end: date | None) -> SearchRequest:
    """The request narrowed to publication dates start..end (a timeline bar), page 1."""
    return dataclasses.replace(req, date_from=start, date_to=end, page=1)


def with_boilerplate_toggled(req: SearchRequest) -> SearchRequest:
    """The request showing boilerplate facet values if it hid them, and hiding them otherwise."""
    return dataclasses.replace(req, boilerplate="hide" if req.boilerplate == "show" else "show")


def with_page(req: SearchRequest, page: int) -> SearchRequest:
    return dataclasses.replace(req, page=max(1, page))
