"""The JSON API: the same searches as the pages, rendered as JSON by search.serialize."""

from __future__ import annotations

import json
import os
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from search import engine, serialize
from search.backend import Unsupported
from search.entity_table import ENTITY_FACETS
from search.params import FILTER_FACETS
from web.errors import DocumentNotFound, EntityNotFound, FacetNotFound
from web.export import export_response
from web.limits import run_search
from web.openapi import openapi_document
from web.params import parse_search, text_param
from web.state import index_of


class ApiJSON(JSONResponse):
    """JSON with dates as ISO strings and non-ASCII text kept readable."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=str, separators=(",", ":")).encode()


async def api_search(request: Request) -> Response:
    """GET /api/search: one page of hits with facets, timeline and suggestion."""
    req = parse_search(request)
    result = await run_search(request, index_of(request).search, req)
    return ApiJSON(serialize.result_to_json(result))


async def api_document(request: Request) -> Response:
    """GET /api/documents/{id}?q=: full text, metadata, facet values, mention offsets and the
    offsets of the words `q` matches."""
    doc_id = request.path_params["id"]
    q = text_param(request, "q")
    doc = await run_search(request, index_of(request).get_document, doc_id, q)
    if doc is None:
        raise DocumentNotFound(doc_id)
    return ApiJSON(serialize.document_to_json(doc))


async def api_facet_values(request: Request) -> Response:
    """GET /api/facets/{name}?prefix=: values of one facet starting with `prefix`, with counts."""
    name = request.path_params["name"]
    if name not in FILTER_FACETS:
        raise FacetNotFound(name, FILTER_FACETS)
    req = parse_search(request)
    prefix = text_param(request, "prefix")
    values = await run_search(request,
        index_of(request).facet_values, name, prefix, req, req.facet_size
    )
    return ApiJSON({"facet": name, "prefix": prefix,
                    "values": [serialize.value_to_json(v) for v in values]})


async def api_entity(request: Request) -> Response:
    """GET /api/entities/{facet}/{name}: an entity's aliases, country, rules, documents over
    time and sample mentions; the name may be any alias."""
    facet, name = request.path_params["facet"], request.path_params["name"]
    if facet not in ENTITY_FACETS:
        raise FacetNotFound(facet, ENTITY_FACETS)
    found = await run_search(request, engine.entity, index_of(request), facet, name)
    if found is None:
        raise EntityNotFound(facet, name)
    return ApiJSON(serialize.entity_to_json(found))


async def api_export(request: Request) -> Response:
    """GET /api/export?format=csv|jsonl: every matching document, streamed in batches."""
    return await export_response(request)


async def api_openapi(request: Request) -> Response:
    """GET /api/openapi.json: the hand-written description of this API."""
    return ApiJSON(openapi_document())


async def healthz(request: Request) -> Response:
    """GET /healthz: the index generation this server process serves, its document count,
    the process id (`trawl serve --workers N` runs N processes, each on its own) and the
    corrections applied (a corrections file that cannot be read is reported here, not fatal)."""
    index = index_of(request)
    body = await run_in_threadpool(health_of, index)  # never waits for a slot
    return ApiJSON({"status": "ok", **body, "worker": os.getpid()})


def health_of(index) -> dict:
    """The generation this process serves, its commit and document count, and the
    corrections applied (commit and corrections None on a backend without the embedded
    engine's generations and corrections)."""
    try:
        gen = index.generation()
    except Unsupported:
        return {"generation": index.generation_name(), "commit": None,
                "documents": index.document_count(), "corrections": None}
    name, commit = gen.key
    found = gen.corrections
    return {"generation": name, "commit": commit, "documents": gen.live_count,
            "corrections": {"version": found.version, "entries": len(found.entries),
                            "problem": found.problem}}


ROUTES = [
    Route("/api/search", api_search, methods=["GET"]),
    Route("/api/documents/{id:path}", api_document, methods=["GET"]),
    Route("/api/facets/{name}", api_facet_values, methods=["GET"]),
    Route("/api/entities/{facet}/{name}", api_entity, methods=["GET"]),
    Route("/api/export", api_export, methods=["GET"]),
    Route("/api/openapi.json", api_openapi, methods=["GET"]),
    Route("/healthz", healthz, methods=["GET"]),
]
