"""Corrections over HTTP: read them (GET /api/corrections), make them from a program (POST
/api/corrections, JSON) or from the entity page's forms (POST /corrections, then back to the
page). Writing is off unless the server was started with --allow-edits or an edit token.

A write must come from this site: a browser's Origin (or, without it, Referer) naming
another origin is refused; the JSON endpoint takes only `application/json`, which a page
elsewhere cannot send without a CORS preflight Trawl never grants; forms carry a token only
pages of this server hold. With TRAWL_EDIT_TOKEN set, every write must also carry it (header
`X-Trawl-Edit-Token`, or the form's token field).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from urllib.parse import quote, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from indexer.corrections import Edit, correct
from search.errors import TrawlError
from web.api import ApiJSON
from web.errors import EditsDisabled, Forbidden
from web.limits import run_search
from web.state import index_of

TOKEN_HEADER = "X-Trawl-Edit-Token"
#: a correction request is a handful of short fields
MAX_BODY_BYTES = 16_384
FIELDS = ("op", "facet", "value", "into", "to", "country", "name", "target")


def form_token(request: Request) -> str:
    """The token the entity page's forms carry: derived from a secret of this server process."""
    secret = request.app.state.form_secret
    return hmac.new(secret, b"trawl-corrections-form", hashlib.sha256).hexdigest()


def _check_allowed(request: Request, token: str | None) -> None:
    settings = request.app.state.settings
    if not settings.allow_edits:
        raise EditsDisabled("editing is off on this server: start it with "
                            "`trawl serve --allow-edits` (or set TRAWL_EDIT_TOKEN) to allow "
                            "corrections")
    _check_same_origin(request)
    if settings.edit_token and not hmac.compare_digest(
            (token or "").encode(), settings.edit_token.encode()):
        raise Forbidden(f"this server needs the edit token: send it in the {TOKEN_HEADER} "
                        "header (or the form's token field)")


def _check_same_origin(request: Request) -> None:
    """Refuse a browser request sent from a page of another origin (CSRF)."""
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    origin = request.headers.get("origin")
    if origin is not None:
        if origin != own:
            raise Forbidden(f"cross-site write refused (Origin {origin} is not {own})")
        return
    referer = request.headers.get("referer")
    if referer is not None:
        parts = urlsplit(referer)
        if f"{parts.scheme}://{parts.netloc}" != own:
            raise Forbidden("cross-site write refused (Referer is another site)")


async def api_corrections(request: Request) -> Response:
    """GET /api/corrections: every correction with its status, the file's version (also the
    ETag) and any problem reading it."""
    gen = await run_in_threadpool(index_of(request).generation)
    return _listing(gen, request)


def _listing(gen, request: Request) -> Response:
    found = gen.corrections
    body = {"version": found.version, "problem": found.problem,
            "edits_enabled": request.app.state.settings.allow_edits,
            "corrections": [{**e.as_dict(), "status": gen.correction_status.get(e.id, "")}
                            for e in found.entries]}
    return ApiJSON(body, headers={"ETag": f'"{found.version}"'})


async def api_correct(request: Request) -> Response:
    """POST /api/corrections: one correction as JSON; 200 with the entry and new version."""
    _check_allowed(request, request.headers.get(TOKEN_HEADER))
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise TrawlError("send the correction as application/json")
    fields, version = _json_fields(await _body(request))
    version = version or _if_match(request)
    edit = await _apply(request, fields, "api", version)
    return ApiJSON({"correction": edit.entry.as_dict(), "version": edit.version,
                    "skipped": edit.skipped}, headers={"ETag": f'"{edit.version}"'})


async def _body(request: Request) -> bytes:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise TrawlError(f"a correction is at most {MAX_BODY_BYTES:,} bytes")
    return body


def _json_fields(body: bytes) -> tuple[dict[str, str], str | None]:
    try:
        data = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise TrawlError("the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise TrawlError("the body must be a JSON object")
    unknown = sorted(set(data) - {*FIELDS, "version"})
    if unknown:
        raise TrawlError(f"unknown field(s): {', '.join(unknown)}")
    if any(not isinstance(v, str) for v in data.values()):
        raise TrawlError("every field must be a string")
    version = data.pop("version", None)
    return data, version


def _if_match(request: Request) -> str | None:
    value = request.headers.get("if-match")
    return value.strip().strip('"') if value else None


async def _apply(request: Request, fields: dict[str, str], via: str,
                 version: str | None) -> Edit:
    """Write the correction (checked against the served generation), then serve it at once."""
    index = index_of(request)
    settings = request.app.state.settings

    def write() -> Edit:
        edit = correct(settings.index_dir, index.generation(), fields, via, version)
        index.refresh()
        return edit

    return await run_search(request, write)


async def form_correct(request: Request) -> Response:
    """POST /corrections: a correction from the entity page's form; back to the entity page."""
    form = await request.form()
    _check_allowed(request, form.get("token"))
    if not hmac.compare_digest(str(form.get("form_token", "")), form_token(request)):
        raise Forbidden("this form is not from this server (reload the page and try again)")
    fields = {k: str(form[k]) for k in FIELDS if str(form.get(k, "")).strip()}
    edit = await _apply(request, fields, "browser", str(form.get("version") or "") or None)
    return RedirectResponse(_after(edit, str(form.get("facet", ""))), status_code=303)


def _after(edit: Edit, facet: str) -> str:
    """The page to show after a correction: the entity as it now stands."""
    entry = edit.entry
    name = {"merge": entry.into, "rename": entry.name}.get(entry.op, entry.value)
    if entry.op == "retype":
        facet = entry.to
    if entry.op in ("drop", "undo") or not name:
        return f"/corrections?done={quote(entry.id)}"
    return f"/entities/{facet}/{quote(name, safe='')}?done={quote(entry.id)}"


async def corrections_page(request: Request) -> Response:
    """GET /corrections: the log of corrections with an undo button each."""
    gen = await run_in_threadpool(index_of(request).generation)
    context = {"found": gen.corrections, "status": gen.correction_status,
               "edits": request.app.state.settings.allow_edits,
               "needs_token": bool(request.app.state.settings.edit_token),
               "form_token": form_token(request), "done": request.query_params.get("done")}
    return request.app.state.templates.TemplateResponse(request, "corrections.html", context)


ROUTES = [
    Route("/api/corrections", api_corrections, methods=["GET"]),
    Route("/api/corrections", api_correct, methods=["POST"]),
    Route("/corrections", corrections_page, methods=["GET"]),
    Route("/corrections", form_correct, methods=["POST"]),
]
