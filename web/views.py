"""Analysis views: what stands out in a search's results (/standout, /api/standout), and the
page of one entity (/entities/{facet}/{name}, JSON with ?format=json)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from search import engine, serialize
from search.entity_table import ENTITY_FACETS
from search.model import SearchRequest, SearchResult
from search.params import query_string, toggled
from search.standout import StandOutResult, parse_min_support, stand_out
from web.api import ApiJSON
from web.corrections import form_token
from web.errors import EntityNotFound, FacetNotFound
from web.limits import run_search
from web.links import search_href
from web.params import parse_search
from web.search_page import FACET_TITLES, mentioned_bars, timeline_bars, timeline_slots
from web.state import index_of

#: co-occurring values need this many shared documents to be listed on an entity page
ENTITY_MIN_SUPPORT = 2
ENTITY_LATEST = 5


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
    context = {"result": result, "sections": standout_sections(result), "req": req,
               "back": search_href(req.query_string())}
    return request.app.state.templates.TemplateResponse(request, "standout.html", context)


def standout_sections(result: StandOutResult) -> list[tuple[str, list]]:
    """(facet title, [(value, link narrowing the search to it)]) per facet."""
    req = result.request
    return [(FACET_TITLES.get(facet, facet.title()), [
        (value, search_href(query_string(narrowed(req, facet, value.value))))
        for value in values]) for facet, values in result.facets.items()]


def narrowed(req: SearchRequest, facet: str, value: str) -> SearchRequest:
    """The request narrowed to documents that also have `value`: a filter, or, where the
    facet already filters (values of one facet are OR-ed), a field term in the query."""
    if not getattr(req, facet):
        return toggled(req, facet, value)
    term = f'{facet}:"{value}"'
    return replace(req, q=f"{req.q} {term}".strip() if req.q else term, page=1)


@dataclass(frozen=True)
class EntityView:
    evidence: dict  # search.entity_evidence.describe_entity
    associated: StandOutResult  # values unusually frequent in the entity's documents
    search: SearchResult  # the entity's newest documents, both timelines


def entity_view(index, facet: str, name: str) -> EntityView | None:
    evidence = engine.entity(index, facet, name)
    if evidence is None:
        return None
    req = SearchRequest(**{facet: (evidence["name"],)}, sort="newest", size=ENTITY_LATEST)
    return EntityView(evidence, stand_out(index, req, ENTITY_MIN_SUPPORT),
                      index.search(req))


async def entity_page(request: Request) -> Response:
    """GET /entities/{facet}/{name}: an entity's aliases and rules, documents over time
    (published and mentioned), the actors, places and dates unusually often beside it, sample
    mentions and its newest documents; `?format=json` gives the same as JSON."""
    facet, name = request.path_params["facet"], request.path_params["name"]
    if facet not in ENTITY_FACETS:
        raise FacetNotFound(facet, ENTITY_FACETS)
    view = await run_search(request, entity_view, index_of(request), facet, name)
    if view is None:
        raise EntityNotFound(facet, name)
    if request.query_params.get("format") == "json":
        return ApiJSON({**serialize.entity_to_json(view.evidence),
                        "associated": serialize.standout_to_json(view.associated)["facets"],
                        "mentioned_timeline": serialize.mentioned_to_json(view.search.mentioned),
                        "search": search_href(view.search.request.query_string())})
    params = list(view.search.request.to_params())
    mentioned = view.search.mentioned
    published = timeline_bars(view.evidence["timeline"], params, None, None)
    said = mentioned_bars(mentioned.buckets, params) if mentioned else []
    context = {"view": view, "entity": view.evidence, "facet": facet,
               "search_href": search_href(params),
               "sections": standout_sections(view.associated),
               "published": published, "published_slots": timeline_slots(published),
               "said": said, "said_slots": timeline_slots(said),
               "said_unit": mentioned.unit if mentioned else "year",
               "edit": edit_context(request)}
    return request.app.state.templates.TemplateResponse(request, "entity.html", context)


def edit_context(request: Request) -> dict:
    """What the entity page's correction forms need (web.corrections)."""
    settings = request.app.state.settings
    found = index_of(request).generation().corrections
    return {"enabled": settings.allow_edits, "needs_token": bool(settings.edit_token),
            "version": found.version, "problem": found.problem,
            "form_token": form_token(request), "done": request.query_params.get("done")}


ROUTES = [
    Route("/api/standout", api_standout, methods=["GET"]),
    Route("/standout", standout_page, methods=["GET"]),
    Route("/entities/{facet}/{name:path}", entity_page, methods=["GET"]),
]
