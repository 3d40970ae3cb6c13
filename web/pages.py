"""The HTML pages: the search page and a document page, rendered from the same search results."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from search.model import FacetCounts, Hit, SearchRequest
from search.schema import FACETS
from web.errors import DocumentNotFound
from web.limits import run_search
from web.links import search_href, without_empty
from web.markup import render_text, usable_matches, usable_mentions
from web.params import parse_search, text_param
from web.result_steps import result_steps
from web.search_page import FACET_TITLES, SIDEBAR_FACETS, build_search_page
from web.state import index_of

MORE_LIKE_THIS = 5
SAFE_URL_SCHEMES = ("http://", "https://")  # anything else (javascript:, data:) is shown as text


def run_page_search(index, req: SearchRequest, prefixes: dict[str, str]):
    """The search plus, for facets with a filter box in use, the values matching its prefix."""
    result = index.search(req)
    facets = dict(result.facets)
    for name, prefix in prefixes.items():
        if prefix:
            values = index.facet_values(name, prefix, req, req.facet_size)
            facets[name] = FacetCounts(values=values, truncated=len(values) >= req.facet_size)
    return result, facets


async def search_page(request: Request) -> Response:
    """GET /: the query box, facets, timeline and one page of results; the URL is the state."""
    pairs = request.query_params.multi_items()
    if any(not value.strip() for _, value in pairs):  # empty form fields: a clean permalink
        return RedirectResponse(search_href(without_empty(pairs)), status_code=302)
    req = parse_search(request)
    prefixes = {name: text_param(request, f"{name}_prefix") for name in SIDEBAR_FACETS}
    result, facets = await run_search(request, run_page_search, index_of(request), req, prefixes)
    page = build_search_page(result, facets, prefixes)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "search.html",
                                      {"page": page, "result": result, "req": req})


@dataclass(frozen=True)
class DocumentPage:
    """What the document template shows: the stored document, its marked-up text, similar hits,
    and the search it was reached from (its query's matches marked and numbered)."""

    doc: dict
    text_html: str
    safe_url: str | None
    facet_links: list[tuple[str, list[tuple[str, str]]]]  # (title, [(label, href)])
    meta: list[tuple[str, str]]
    similar: list[Hit]
    q: str = ""
    back_href: str = "/"
    match_count: int = 0


def build_document_page(doc: dict, similar: list[Hit],
                        req: SearchRequest | None = None) -> DocumentPage:
    """Marked-up text, a link for each facet value, and the metadata rows of one document."""
    text = doc.get("text") or ""
    mentions = usable_mentions(doc.get("mentions") or [], len(text))
    matches = usable_matches(doc.get("matches") or [], mentions, len(text))
    return DocumentPage(
        doc=doc,
        text_html=render_text(text, mentions, lambda facet, value: search_href([(facet, value)]),
                              [m[:2] for m in matches]),
        q=req.q if req else "",
        back_href=search_href(req.to_params()) if req else "/",
        match_count=len(matches),
        safe_url=_safe_url(doc.get("url") or ""),
        facet_links=_facet_links(doc),
        meta=[(str(k), _meta_text(v)) for k, v in sorted((doc.get("meta") or {}).items())],
        similar=similar,
    )


def _safe_url(url: str) -> str | None:
    """The document's link, only for a scheme a browser may follow (no javascript:)."""
    return url if url.lower().startswith(SAFE_URL_SCHEMES) else None


def _facet_links(doc: dict) -> list[tuple[str, list[tuple[str, str]]]]:
    """(facet title, [(value label, search link)]) for every facet, in FACETS order."""
    countries = doc.get("countries") or {}
    return [(FACET_TITLES.get(name, name),
             [(_value_label(name, v, countries), search_href([(name, v)]))
              for v in doc.get(name) or []])
            for name in FACETS]


def _value_label(facet: str, value: str, countries: dict) -> str:
    country = countries.get(value) if facet == "place" else None
    return f"{value} · {country}" if country and country != value else value


def _meta_text(value) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def load_document(index, doc_id: str, q: str = "") -> tuple[dict | None, list[Hit]]:
    """The document (with the matches of `q`) and the documents most like it (none when the
    document is unknown)."""
    doc = index.get_document(doc_id, q)
    if doc is None:
        return None, []
    return doc, index.more_like_this(doc_id, n=MORE_LIKE_THIS)


async def document_page(request: Request) -> Response:
    """GET /documents/{id}: the full text with every mention linked to a filtered search."""
    doc_id = request.path_params["id"]
    req = parse_search(request)  # the search it came from: its query is marked, Back returns
    doc, similar = await run_search(request, load_document, index_of(request), doc_id, req.q)
    if doc is None:
        raise DocumentNotFound(doc_id)
    page = build_document_page(doc, similar, req)
    steps = (await run_search(request, result_steps, index_of(request), req, doc_id)
             if request.query_params else None)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "document.html",
                                      {"page": page, "doc": page.doc, "steps": steps})


async def favicon(request: Request) -> Response:
    """Browsers ask for /favicon.ico whatever the page says; point them at the SVG."""
    return RedirectResponse("/static/favicon.svg", status_code=301)


ROUTES = [
    Route("/", search_page, methods=["GET"]),
    Route("/documents/{id:path}", document_page, methods=["GET"]),
    Route("/favicon.ico", favicon, methods=["GET"]),
]
