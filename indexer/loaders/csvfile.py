"""Load `.csv` files with a header row naming the fields, streamed one row at a time."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from indexer.document import Document, Problem
from indexer.loaders.records import FIELD_KEYS, record_document
from indexer.loaders.source import (
    BINARY_SNIFF_BYTES,
    Skipped,
    SourceFile,
    decode_utf8,
    numbered_lines,
    refuse_binary,
)

#: largest CSV field accepted, in characters (the csv module's default of 128 kB is too small
#: for long articles); the limit is process-wide, so it is only ever raised, never lowered
CSV_FIELD_LIMIT_CHARS = 2**31 - 1


def load_csv(source: SourceFile) -> Iterator[Document | Problem]:
    """Yield one Document per CSV row; a bad row skips only that row."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT_CHARS:
        csv.field_size_limit(CSV_FIELD_LIMIT_CHARS)
    with source.open() as fh:
        refuse_binary(fh.read(BINARY_SNIFF_BYTES))
        fh.seek(0)
        lines = _DecodedLines(fh)
        reader = csv.reader(lines, strict=True)  # stray quotes are reported, not guessed at
        header = _header(reader, lines)
        while True:
            first = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                if reader.line_num <= 1:
                    raise Skipped("no rows after the header", 1) from None
                return
            except csv.Error as err:
                yield Problem(source.path, first, f"malformed CSV: {err}")
                continue
            yield from _row_record(source, header, row, first, lines.bad_bytes(first, reader.line_num))


def _header(reader: Iterator[list[str]], lines: _DecodedLines) -> list[str]:
    """Read the header row; it must name a text column for the file to hold documents."""
    try:
        header = next(reader, None)
    except csv.Error as err:
        raise Skipped(f"malformed CSV header: {err}", 1) from None
    bad = lines.bad_bytes(1, 1)
    if bad:
        raise Skipped(bad, 1)
    if not header or not any(cell.strip() for cell in header):
        raise Skipped("empty document (no header row)", 1)
    names = {cell.strip().lower() for cell in header}
    if not names.intersection(FIELD_KEYS["text"]):
        raise Skipped("CSV header has no text, body or content column", 1)
    return header


def _row_record(
    source: SourceFile, header: list[str], row: list[str], line: int, bad: str
) -> Iterator[Document | Problem]:
    """One CSV row as a Document; blank rows are allowed, ragged or undecodable rows reported."""
    if not row:
        return
    if bad:
        yield Problem(source.path, line, bad)
        return
    if len(row) != len(header):
        yield Problem(source.path, line, f"row has {len(row)} fields, the header has {len(header)}")
        return
    try:
        record = dict(zip(header, row, strict=True))
        yield record_document(record, source, line, f"{source.rel}#L{line}")
    except Skipped as err:
        yield Problem(source.path, err.line, err.reason)


class _DecodedLines:
    """Decode a byte stream line by line for the csv module, noting lines that are not UTF-8.

    Bad bytes become lone surrogates so the CSV structure survives; the rows that span such a
    line are then reported instead of indexed.
    """

    def __init__(self, fh: BinaryIO) -> None:
        self._lines = numbered_lines(fh)
        self._bad: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        for number, offset, raw in self._lines:
            try:
                yield decode_utf8(raw, offset) if number == 1 else _strict(raw, offset)
            except Skipped as err:
                self._bad[number] = err.reason
                yield raw.decode("utf-8", errors="surrogateescape")

    def bad_bytes(self, first: int, last: int) -> str:
        """The first decoding problem on lines first..last, or ''."""
        return next((self._bad[n] for n in range(first, last + 1) if n in self._bad), "")


def _strict(raw: bytes, offset: int) -> str:
    """Decode a line that is not the first (a BOM there would be content, not a marker)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Skipped(f"not valid UTF-8 at byte {offset + err.start}") from None
