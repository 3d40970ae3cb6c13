"""Export of every document matching a search, streamed as CSV or JSON lines."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, replace

from starlette.requests import Request
from starlette.responses import StreamingResponse

from search import engine
from search.errors import InvalidRequest
from search.model import Hit, SearchRequest, SearchResult
from search.schema import FACETS
from web.limits import run_search
from web.params import parse_search, text_param
from web.state import index_of

COLUMNS: tuple[str, ...] = ("id", "title", "published", "source", "url", *FACETS)
LIST_SEPARATOR = "; "  # joins a facet's values in one CSV cell


def hit_record(hit: Hit) -> dict:
    """The exported fields of one hit: metadata and facet values."""
    return {
        "id": hit.id,
        "title": hit.title,
        "published": hit.published.isoformat() if hit.published else None,
        "source": hit.source,
        "url": hit.url,
        **{name: list(getattr(hit, name)) for name in FACETS},
    }


def csv_row(record: dict) -> str:
    """One CSV line; a facet's values joined with LIST_SEPARATOR in one cell."""
    cells = [record[c] for c in COLUMNS]
    return _csv_line(LIST_SEPARATOR.join(c) if isinstance(c, list) else (c or "") for c in cells)


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
    batch = request.app.state.settings.export_batch_size
    req = replace(parse_search(request), page=1, size=batch, facet_size=1)
    index = index_of(request)
    first = await run_search(request, engine.search, index, req)
    body = _stream(FORMATS[fmt], _all_hits(request, index, req, first))
    disposition = f'attachment; filename="trawl-export.{fmt}"'
    return StreamingResponse(body, media_type=FORMATS[fmt].media_type,
                             headers={"Content-Disposition": disposition})


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
        result = await run_search(request, engine.search, index, req)


async def _stream(fmt: ExportFormat, hits: AsyncIterator[Hit]) -> AsyncIterator[str]:
    """The header line if the format has one, then one line per hit as it arrives."""
    if fmt.header is not None:
        yield fmt.header()
    async for hit in hits:
        yield fmt.row(hit_record(hit))
