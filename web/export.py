"""Export of every document matching a search, streamed as CSV or JSON lines.

Made to be cited: every record carries the permalink of the search and the index generation
it came from; the file is named after the query; `bom=1` starts a CSV with a UTF-8 byte
order mark so Excel reads accents right; cells a spreadsheet would run as a formula are
neutralised.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, replace

from starlette.requests import Request
from starlette.responses import StreamingResponse

from search.errors import InvalidRequest
from search.folding import fold
from search.model import Hit, SearchRequest, SearchResult
from search.params import FILTER_FACETS, query_string
from web.limits import run_search
from web.params import parse_search, text_param
from web.state import index_of

PROVENANCE: tuple[str, ...] = ("search_url", "index_generation")
COLUMNS: tuple[str, ...] = ("id", "title", "published", "source", "url", *FILTER_FACETS,
                            "snippet", *PROVENANCE)
LIST_SEPARATOR = "; "  # joins a facet's values in one CSV cell
#: first characters that make a spreadsheet program read a cell as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
BOOLEAN_VALUES = {"": False, "0": False, "false": False, "1": True, "true": True}
FILE_NAME_MAX_CHARS = 60
_MARK_TAG = re.compile(r"</?mark>")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def hit_record(hit: Hit, provenance: dict[str, str | None]) -> dict:
    """The exported fields of one hit: metadata, facet values, a snippet, where it came from."""
    return {
        "id": hit.id,
        "title": hit.title,
        "published": hit.published.isoformat() if hit.published else None,
        "source": hit.source,
        "url": hit.url,
        **{name: list(getattr(hit, name)) for name in FILTER_FACETS},
        "snippet": snippet_text(hit.snippets[0]) if hit.snippets else "",
        **provenance,
    }


def snippet_text(snippet: str) -> str:
    """A snippet's HTML (escaped text, matches in <mark>) as plain text."""
    return html.unescape(_MARK_TAG.sub("", snippet))


def neutralise_cell(text: str) -> str:
    """A cell a spreadsheet would execute (=, +, -, @ first) made plain text with a quote."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_row(record: dict) -> str:
    """One CSV line; a facet's values joined with LIST_SEPARATOR in one cell."""
    cells = [record[c] for c in COLUMNS]
    return _csv_line(neutralise_cell(LIST_SEPARATOR.join(c) if isinstance(c, list) else (c or ""))
                     for c in cells)


def csv_header() -> str:
    return _csv_line(COLUMNS)


def _csv_line(cells: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(list(cells))
    return buffer.getvalue()


def jsonl_row(record: dict) -> str:
    """One JSON object per line."""
    return json.dumps(record, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class ExportFormat:
    header: Callable[[], str] | None
    row: Callable[[dict], str]
    media_type: str


FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat(csv_header, csv_row, "text/csv; charset=utf-8"),
    "jsonl": ExportFormat(None, jsonl_row, "application/x-ndjson; charset=utf-8"),
}


async def export_response(request: Request) -> StreamingResponse:
    """Validate format and search, run the first batch now (so errors are a 400), stream the rest."""
    fmt = text_param(request, "format") or "csv"
    if fmt not in FORMATS:
        raise InvalidRequest(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    bom = _boolean(text_param(request, "bom"), "bom")
    batch = request.app.state.settings.export_batch_size
    asked = parse_search(request)
    req = replace(asked, page=1, size=batch, facet_size=1)
    index = index_of(request)
    first = await run_search(request, index.search, req)
    provenance = {"search_url": search_permalink(request, asked),
                  "index_generation": index.generation_name()}
    body = _stream(FORMATS[fmt], _all_hits(request, index, req, first), provenance,
                   BYTE_ORDER_MARK if bom and fmt == "csv" else "")
    disposition = f'attachment; filename="{export_file_name(asked)}.{fmt}"'
    headers = {"Content-Disposition": disposition,
               "X-Trawl-Generation": provenance["index_generation"] or ""}
    return StreamingResponse(body, media_type=FORMATS[fmt].media_type, headers=headers)


def search_permalink(request: Request, req: SearchRequest) -> str:
    """The absolute URL of the search page showing the exported results."""
    qs = query_string(replace(req, page=1))
    return str(request.base_url).rstrip("/") + "/" + (f"?{qs}" if qs else "")


def export_file_name(req: SearchRequest) -> str:
    """'trawl-aleppo-hayat-tahrir-al-sham': the query and filter values, as a plain slug."""
    words = [req.q, *(v for f in FILTER_FACETS for v in getattr(req, f))]
    slug = _NOT_SLUG.sub("-", fold(" ".join(words))).strip("-")[:FILE_NAME_MAX_CHARS].strip("-")
    return f"trawl-{slug}" if slug else "trawl-export"


def _boolean(text: str, name: str) -> bool:
    if text.lower() not in BOOLEAN_VALUES:
        raise InvalidRequest(f"{name} must be 1 or 0 (got {text!r})")
    return BOOLEAN_VALUES[text.lower()]


async def _all_hits(request: Request, index, req: SearchRequest, first: SearchResult) -> AsyncIterator[Hit]:
    """Hits of every page, fetching the next batch in a search slot when one is used up."""
    result, seen = first, 0
    while result.hits:
        for hit in result.hits:
            yield hit
        seen += len(result.hits)
        if seen >= result.total:
            return
        req = replace(req, page=req.page + 1)
        result = await run_search(request, index.search, req)


async def _stream(fmt: ExportFormat, hits: AsyncIterator[Hit], provenance: dict,
                  preamble: str = "") -> AsyncIterator[str]:
    """The header line if the format has one, then one line per hit as it arrives."""
    if fmt.header is not None:
        yield preamble + fmt.header()
    async for hit in hits:
        yield fmt.row(hit_record(hit, provenance))
