"""Turn one metadata record (front matter, JSON object, CSV row) into a Document."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from indexer.document import Document
from indexer.loaders.published import UnparseableDate, parse_published
from indexer.loaders.source import Skipped, SourceFile, normalise_newlines
from search.safe_yaml import first_line

#: Document field -> record keys that fill it, first present wins (keys match case-insensitively)
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title",),
    "text": ("text", "body", "content"),
    "published": ("published", "date"),
    "source": ("source",),
    "url": ("url",),
}
ALL_FIELDS = tuple(FIELD_KEYS)


def split_record(record: Mapping, names: Collection[str] = ALL_FIELDS) -> tuple[dict, dict]:
    """Split a record into Document fields (only `names`) and the rest, which is kept as meta."""
    keys = {}
    for key in record:
        keys.setdefault(str(key).strip().lower(), key)
    fields: dict = {}
    used = set()
    for name in names:
        for alias in FIELD_KEYS[name]:
            key = keys.get(alias)
            if key is not None and not _is_blank(record[key]):
                fields[name] = record[key]
                used.add(key)
                break
    meta = {str(k): _plain(v) for k, v in record.items() if k not in used and not _is_blank(v)}
    return fields, meta


def record_document(
    record: Mapping, source: SourceFile, line: int | None, default_id: str
) -> Document:
    """Build a Document from a JSON object or CSV row, which must have a text field."""
    keys = {str(key).strip().lower() for key in record}
    if not keys.intersection(FIELD_KEYS["text"]):
        raise Skipped("no text field (expected text, body or content)", line)
    fields, meta = split_record(record)
    return make_document(fields, meta, source, line, default_id)


def make_document(
    fields: Mapping, meta: dict, source: SourceFile, line: int | None, default_id: str
) -> Document:
    """Build a Document from split fields, raising Skipped for empty text or a bad date."""
    text = normalise_newlines(_text_field(fields, "text", line)).strip()
    if not text:
        raise Skipped("empty document (no text)", line)
    try:
        published = parse_published(fields.get("published"))
    except UnparseableDate as err:
        raise Skipped(str(err), line) from None
    return _checked(Document(
        id=_id_field(fields.get("id"), line) or default_id,
        title=" ".join(_text_field(fields, "title", line).split()),
        text=text,
        published=published,
        source=_text_field(fields, "source", line).strip(),
        url=_text_field(fields, "url", line).strip(),
        path=source.rel,
        meta=meta,
    ), line)


def _checked(doc: Document, line: int | None) -> Document:
    """The document, once it is known to be storable: valid Unicode, meta of sane depth."""
    try:
        doc.content_hash  # noqa: B018 - serialises every field, as storing it will
    except UnicodeEncodeError as err:
        bad = err.object[err.start:err.end].encode("unicode_escape").decode("ascii")
        raise Skipped(f"text holds a lone surrogate ({bad}), which is not valid Unicode", line) from None
    except RecursionError:
        raise Skipped("metadata nested too deeply", line) from None
    except ValueError as err:  # e.g. an integer of more than 4,300 digits in meta
        raise Skipped(f"metadata cannot be stored: {first_line(str(err))}", line) from None
    return doc


def _id_field(value: object, line: int | None) -> str:
    """A given id as a string: strings and integers only, so ids stay stable across formats."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise Skipped(f"id {value!r} is not a string or an integer", line)


def _text_field(fields: Mapping, name: str, line: int | None) -> str:
    """A field as text: strings as they are, numbers and dates written out, others refused."""
    value = fields.get(name)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float | date) and not isinstance(value, bool):
        return str(value)
    raise Skipped(f"field '{name}' holds a {type(value).__name__}, expected text", line)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _plain(value: object) -> object:
    """Meta values as JSON-friendly data (YAML front matter may hold dates)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
