"""Load JSON lines (`.jsonl`, `.ndjson`, streamed) and `.json` files (an object, a list, or lines)."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator

from indexer.document import Document, Problem
from indexer.loaders.records import record_document
from indexer.loaders.source import (
    BINARY_SNIFF_BYTES,
    Skipped,
    SourceFile,
    decode_utf8,
    numbered_lines,
    refuse_binary,
)
from search.safe_yaml import first_line

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
#: what parsing untrusted JSON can raise: syntax errors (a ValueError), nesting deeper than
#: Python's recursion limit, and integers longer than Python converts (4,300 digits)
_JSON_ERRORS = (ValueError, RecursionError)


def load_json_lines(source: SourceFile) -> Iterator[Document | Problem]:
    """Stream a JSON lines file one line at a time; a bad line skips only that line."""
    with source.open() as fh:
        refuse_binary(fh.read(BINARY_SNIFF_BYTES))
        fh.seek(0)
        empty = True
        for number, offset, raw in numbered_lines(fh):
            empty = empty and not raw.strip()
            try:
                line = decode_utf8(raw, offset)
            except Skipped as err:
                yield Problem(source.path, number, err.reason)
                continue
            yield from _line_record(source, number, line)
    if empty:
        raise Skipped("empty file (no JSON lines)")


def load_json(source: SourceFile) -> Iterator[Document | Problem]:
    """Load a `.json` file holding one object, a list of objects, or one object per line."""
    text = source.read_text()
    start = _WHITESPACE.match(text).end()
    if text.startswith("[", start):
        yield from _list_records(source, text, start + 1)
        return
    try:
        value = json.loads(text)
    except _JSON_ERRORS as err:
        if not isinstance(err, json.JSONDecodeError) or not _looks_like_json_lines(text):
            raise Skipped(_malformed(err), getattr(err, "lineno", None)) from None
        for number, line in enumerate(text.split("\n"), start=1):
            yield from _line_record(source, number, line)
        return
    if not isinstance(value, dict):
        raise Skipped(f"JSON file holds {_kind(value)}, expected an object or a list of objects", 1)
    yield _record(source, value, 1, source.rel)


def _line_record(source: SourceFile, number: int, line: str) -> Iterator[Document | Problem]:
    """Parse one JSON line; blank lines are allowed, anything but an object is reported."""
    line = line.rstrip("\r\n")
    if not line.strip():
        return
    try:
        value = json.loads(line)
    except _JSON_ERRORS as err:
        yield Problem(source.path, number, _malformed(err))
        return
    if not isinstance(value, dict):
        yield Problem(source.path, number, f"JSON line holds {_kind(value)}, expected an object")
        return
    yield _record(source, value, number, f"{source.rel}#L{number}")


def _list_records(source: SourceFile, text: str, pos: int) -> Iterator[Document | Problem]:
    """Walk a JSON list item by item so each item's line is known; stop at malformed JSON."""
    lines = _LineCounter(text)
    for count in itertools.count(1):
        pos = _WHITESPACE.match(text, pos).end()
        if text.startswith("]", pos):
            break
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except _JSON_ERRORS as err:
            yield Problem(source.path, getattr(err, "lineno", None) or lines.at(pos), _malformed(err))
            return
        line = lines.at(pos)
        if isinstance(value, dict):
            yield _record(source, value, line, f"{source.rel}#{count}")
        else:
            yield Problem(source.path, line, f"JSON list item holds {_kind(value)}, expected an object")
        pos = _WHITESPACE.match(text, end).end()
        if text.startswith(",", pos):
            pos += 1
        elif not text.startswith("]", pos):
            yield Problem(source.path, lines.at(pos), "malformed JSON: expected ',' or ']'")
            return
    extra = _WHITESPACE.match(text, pos + 1).end()
    if extra < len(text):
        yield Problem(source.path, lines.at(extra), "malformed JSON: extra data after the list")


def _record(source: SourceFile, value: dict, line: int, default_id: str) -> Document | Problem:
    """One JSON object as a Document, or the Problem that skips it."""
    try:
        return record_document(value, source, line, default_id)
    except Skipped as err:
        return Problem(source.path, err.line, err.reason)


def _looks_like_json_lines(text: str) -> bool:
    """A file whose first line is a whole JSON object, followed by more lines, is JSON lines."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except _JSON_ERRORS:
        return False


def _malformed(err: Exception) -> str:
    """What is wrong with a JSON text: syntax, nesting too deep, or a number too long."""
    if isinstance(err, json.JSONDecodeError):
        return f"malformed JSON: {err.msg} (column {err.colno})"
    if isinstance(err, RecursionError):
        return "malformed JSON: nested too deeply"
    return f"malformed JSON: {first_line(str(err))}"


def _kind(value: object) -> str:
    names = {list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


class _LineCounter:
    """Line numbers of increasing positions in a text, counting each newline once."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def at(self, pos: int) -> int:
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line
