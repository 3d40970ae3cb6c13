"""Links between pages: query strings built from a request's parameters, never by hand."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import quote, urlencode

Pairs = list[tuple[str, str]]

#: parameters that pick a page of results rather than a set of results
PAGING_PARAMS: tuple[str, ...] = ("page",)


def query_string(pairs: Iterable[tuple[str, str]]) -> str:
    """`a=1&b=2` from (name, value) pairs, in order, repeated names kept."""
    return urlencode(list(pairs))


def search_href(query: str | Iterable[tuple[str, str]]) -> str:
    """Link to the search page for a query string or for (name, value) pairs."""
    qs = query if isinstance(query, str) else query_string(query)
    return f"/?{qs}" if qs else "/"


def export_href(pairs: Sequence[tuple[str, str]], fmt: str) -> str:
    """Link to the export of every document matching `pairs` in format `fmt`."""
    kept = [(k, v) for k, v in pairs if k not in ("page", "size")]
    return f"/api/export?{query_string([('format', fmt), *kept])}"


def document_href(doc_id: str, pairs: Iterable[tuple[str, str]] = ()) -> str:
    """Link to a document's page; ids may contain slashes, which stay readable. `pairs` are
    the search it was found by, so the page highlights the query and links back to it."""
    qs = query_string(pairs)
    return "/documents/" + quote(doc_id, safe="/") + (f"?{qs}" if qs else "")


def without_empty(pairs: Iterable[tuple[str, str]]) -> Pairs:
    """The pairs with a non-blank value (an empty form field is no parameter)."""
    return [(k, v) for k, v in pairs if v.strip()]


def without(pairs: Sequence[tuple[str, str]], names: Iterable[str]) -> Pairs:
    """The pairs whose name is not in `names`."""
    drop = set(names)
    return [(k, v) for k, v in pairs if k not in drop]


def without_pair(pairs: Sequence[tuple[str, str]], name: str, value: str) -> Pairs:
    """The pairs minus one (name, value) filter and the page number (results change)."""
    return [(k, v) for k, v in without(pairs, PAGING_PARAMS) if (k, v) != (name, value)]


def with_param(pairs: Sequence[tuple[str, str]], name: str, value: str | int) -> Pairs:
    """The pairs with `name` set to one `value` (replacing any value it had)."""
    return [*without(pairs, [name]), (name, str(value))]


def with_filter(pairs: Sequence[tuple[str, str]], name: str, value: str) -> Pairs:
    """The pairs plus the filter (name, value) unless present, back on the first page."""
    kept = without(pairs, PAGING_PARAMS)
    return kept if (name, value) in kept else [*kept, (name, value)]
