"""The request boundary: query parameters in, a validated SearchRequest out."""

from __future__ import annotations

from starlette.requests import Request

from search.model import SearchRequest


def query_params(request: Request) -> dict[str, str | list[str]]:
    """The query string as `from_params` takes it: one string, or a list for repeated names."""
    params: dict[str, str | list[str]] = {}
    for name in request.query_params.keys():
        values = request.query_params.getlist(name)
        params[name] = values[0] if len(values) == 1 else values
    return params


def parse_search(request: Request) -> SearchRequest:
    """The SearchRequest of this URL; raises InvalidRequest/InvalidQuery (mapped to 400)."""
    return SearchRequest.from_params(query_params(request))


def text_param(request: Request, name: str) -> str:
    """A single free-text parameter (last value wins), stripped; empty when absent."""
    values = request.query_params.getlist(name)
    return values[-1].strip() if values else ""
