"""The request boundary: query parameters in, a validated SearchRequest out."""

from __future__ import annotations

from starlette.requests import Request

from search.errors import InvalidRequest
from search.model import SearchRequest

#: name=value pairs in one query string; a search uses a few dozen at most
MAX_QUERY_PARAMS = 200


def query_params(request: Request) -> dict[str, str | list[str]]:
    """The query string as `from_params` takes it: one string, or a list for repeated names."""
    grouped: dict[str, list[str]] = {}
    for name, value in checked_items(request):
        grouped.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in grouped.items()}


def checked_items(request: Request) -> list[tuple[str, str]]:
    """The (name, value) pairs of the query string; more than MAX_QUERY_PARAMS is a 400."""
    items = request.query_params.multi_items()
    if len(items) > MAX_QUERY_PARAMS:
        raise InvalidRequest(f"too many query parameters ({len(items):,}); "
                             f"at most {MAX_QUERY_PARAMS}")
    return items


def parse_search(request: Request) -> SearchRequest:
    """The SearchRequest of this URL; raises InvalidRequest/InvalidQuery (mapped to 400)."""
    return SearchRequest.from_params(query_params(request))


def text_param(request: Request, name: str) -> str:
    """A single free-text parameter (last value wins), stripped; empty when absent."""
    values = [value for key, value in checked_items(request) if key == name]
    return values[-1].strip() if values else ""
