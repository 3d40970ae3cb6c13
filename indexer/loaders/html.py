"""Load `.html`/`.htm` pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Iterator

from indexer.document import Document
from indexer.loaders.records import make_document
from indexer.loaders.source import Skipped, SourceFile, decode_utf8

#: how far into a page a <meta charset> declaration is looked for
CHARSET_SNIFF_BYTES = 4096
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
#: trafilatura metadata worth keeping beside the Document fields
KEPT_METADATA = ("author", "description", "hostname", "language", "categories", "tags")


def load_html(source: SourceFile) -> Iterator[Document]:
    """Yield the one Document an HTML page holds (its main text, without menus and footers)."""
    page = decode_page(source.read_bytes())
    extracted = _extract(page)
    title = extracted.get("title") or _page_title(page) or source.stem
    fields = {
        "title": title,
        "text": _drop_title_line(extracted.get("text") or "", title),
        "published": extracted.get("date"),
        "source": extracted.get("sitename") or extracted.get("hostname"),
        "url": extracted.get("url"),
    }
    meta = {key: extracted[key] for key in KEPT_METADATA if extracted.get(key)}
    yield make_document(fields, meta, source, line=None, default_id=source.rel)


def decode_page(data: bytes) -> str:
    """Decode as UTF-8, or in the charset the page declares; undecodable bytes are reported."""
    try:
        return decode_utf8(data)
    except Skipped as not_utf8:
        declared = _declared_charset(data)
        if declared is None:
            raise
        try:
            return data.decode(declared)
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            raise Skipped(f"not valid {declared} at byte {err.start}", line) from not_utf8


def _declared_charset(data: bytes) -> str | None:
    """The codec named by <meta charset> (or http-equiv), if Python knows it."""
    found = _CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None


def _extract(page: str) -> dict:
    """Run trafilatura (imported lazily: it is slow to import) and return its findings as a dict."""
    import trafilatura

    result = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    if result is None:
        return {}
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def _page_title(page: str) -> str:
    found = _TITLE.search(page)
    return " ".join(html.unescape(found.group(1)).split()) if found else ""


def _drop_title_line(text: str, title: str) -> str:
    """trafilatura keeps the page's <h1> as the first text line; the title already holds it."""
    first, _, rest = text.strip().partition("\n")
    if " ".join(first.split()) == " ".join(title.split()):
        return rest
    return text
