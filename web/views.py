"""Analysis views over a search: what stands out in its results (/standout, /api/standout)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from search import serialize
from search.params import query_string, toggled
from search.standout import parse_min_support, stand_out
from web.api import ApiJSON
from web.limits import run_search
from web.links import search_href
from web.params import parse_search
from web.search_page import FACET_TITLES
from web.state import index_of


async def _standout(request: Request):
    req = parse_search(request)
    min_support = parse_min_support(request.query_params.get("min_count"))
    return await run_search(request, stand_out, index_of(request), req, min_support)


async def api_standout(request: Request) -> Response:
    """GET /api/standout: the facet values unusually frequent among the search's results."""
    return ApiJSON(serialize.standout_to_json(await _standout(request)))


async def standout_page(request: Request) -> Response:
    """GET /standout: the same as a page; each value links to the search narrowed by it."""
    result = await _standout(request)
    req = result.request
    sections = [(FACET_TITLES.get(facet, facet.title()), [
        (value, search_href(query_string(toggled(req, facet, value.value))))
        for value in values]) for facet, values in result.facets.items()]
    context = {"result": result, "sections": sections, "req": req,
               "back": search_href(req.query_string())}
    return request.app.state.templates.TemplateResponse(request, "standout.html", context)


ROUTES = [
    Route("/api/standout", api_standout, methods=["GET"]),
    Route("/standout", standout_page, methods=["GET"]),
]
