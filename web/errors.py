"""The one place where errors become HTTP: JSON bodies under /api, an HTML page elsewhere."""

from __future__ import annotations

import logging
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from search.backend import BackendUnavailable, Unsupported
from search.corrections import MalformedCorrections, StaleCorrections
from search.errors import IndexMissing, InvalidRequest, TrawlError
from web.limits import ServerBusy
from web.links import search_href
from web.search_page import FILTER_LABELS

log = logging.getLogger("trawl.web")

class EditsDisabled(TrawlError):
    """Writing is not enabled on this server (no --allow-edits, no edit token)."""

    code = "edits_disabled"


class Forbidden(TrawlError):
    """A write from a page of another site, or without the edit token."""

    code = "forbidden"


#: domain error -> HTTP status; the first matching class wins
STATUS_BY_ERROR: tuple[tuple[type[TrawlError], int], ...] = (
    (EditsDisabled, 403),
    (Forbidden, 403),
    (StaleCorrections, 409),
    (MalformedCorrections, 409),
    (IndexMissing, 503),
    (BackendUnavailable, 503),
    (Unsupported, 501),
    (ServerBusy, 503),
    (InvalidRequest, 400),
    (TrawlError, 400),
)
CODE_BY_STATUS = {404: "not_found", 405: "method_not_allowed"}
#: headings of the HTML error page; other codes use the HTTP reason phrase
PAGE_TITLES = {
    "invalid_query": "Query not understood",
    "invalid_parameter": "Bad search parameter",
    "not_found": "Not found",
    "index_missing": "No index yet",
    "server_busy": "Busy, try again",
    "backend_unavailable": "Search engine not answering",
    "unsupported_by_backend": "Not available on this search engine",
    "internal_error": "Something went wrong",
    "invalid_correction": "Correction not made",
    "stale_version": "Someone else corrected first",
    "malformed_corrections": "The corrections file cannot be read",
    "edits_disabled": "Corrections are off",
    "forbidden": "Not allowed",
}
JSON_PREFIXES = ("/api/", "/healthz")
#: search parameters an error page keeps for the next search (the query box holds q)
KEPT_PARAMS = (*FILTER_LABELS, "sort", "size", "facet_size", "timeline")


class DocumentNotFound(HTTPException):
    """No document has the requested id."""

    def __init__(self, doc_id: str):
        super().__init__(404, f"no document with id {doc_id!r}")


class EntityNotFound(HTTPException):
    """No entity of the facet has the requested name or alias."""

    def __init__(self, facet: str, name: str):
        super().__init__(404, f"no {facet} named {name!r}")


class FacetNotFound(HTTPException):
    """The facet name in the URL is not one of the index's facets."""

    def __init__(self, name: str, known: tuple[str, ...]):
        super().__init__(404, f"no facet named {name!r}; facets are: {', '.join(known)}")


def wants_json(request: Request) -> bool:
    """API and health routes answer in JSON; everything else is a page for a browser."""
    return request.url.path.startswith(JSON_PREFIXES)


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The error body every route uses: `{"error": {code, message}}` or the error page."""
    if wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    templates = request.app.state.templates
    context = {
        "status": status,
        "code": code,
        "message": message,
        "title": PAGE_TITLES.get(code, HTTPStatus(status).phrase),
        "q": request.query_params.get("q", ""),
        "index_dir": str(request.app.state.settings.index_dir),
        **kept_filters(request),
    }
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


def kept_filters(request: Request) -> dict:
    """The search parameters an error page carries into the next search (hidden inputs), and
    the filters among them as chips with a link that drops one (it may be the bad one)."""
    pairs = [(k, v) for k, v in request.query_params.multi_items()
             if k in KEPT_PARAMS and v.strip()]
    chips = [(FILTER_LABELS[k], v, search_href([p for p in pairs if p != (k, v)]
                                               + _query_pair(request)))
             for k, v in pairs if k in FILTER_LABELS]
    return {"kept": pairs, "kept_chips": chips}


def _query_pair(request: Request) -> list[tuple[str, str]]:
    q = request.query_params.get("q", "")
    return [("q", q)] if q.strip() else []


async def handle_trawl_error(request: Request, exc: TrawlError) -> Response:
    """Bad parameters and queries are 400, a missing index 503: the message says what to do."""
    status = next(s for cls, s in STATUS_BY_ERROR if isinstance(exc, cls))
    response = error_response(request, status, exc.code, str(exc))
    if isinstance(exc, ServerBusy):
        response.headers["Retry-After"] = str(exc.retry_after_s)
    return response


async def handle_http_error(request: Request, exc: HTTPException) -> Response:
    """Unknown routes, documents and facets (404), wrong methods (405)."""
    status = exc.status_code
    message = exc.detail
    if message == HTTPStatus(status).phrase:
        message = f"nothing at {request.url.path}" if status == 404 else message
    response = error_response(request, status, CODE_BY_STATUS.get(status, "http_error"), message)
    response.headers.update(exc.headers or {})  # e.g. Allow on a 405
    return response


async def handle_unexpected(request: Request, exc: Exception) -> Response:
    """A bug, not bad input: log it with the traceback and answer 500 in the usual shape."""
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(request, 500, "internal_error", "internal error; see the server log")


EXCEPTION_HANDLERS = {
    TrawlError: handle_trawl_error,
    HTTPException: handle_http_error,
    Exception: handle_unexpected,
}
