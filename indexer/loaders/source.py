"""One input file as the loaders see it: where it is, how it is named, how its bytes are read."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

#: how much of a file is sniffed for NUL bytes to tell binary files from text
BINARY_SNIFF_BYTES = 8192


class Skipped(Exception):
    """A whole file (or record) cannot be loaded; becomes a Problem with this line and reason."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class SourceFile:
    """A file to load: `path` opens it and names it in reports, `rel` is its id-forming name."""

    path: str
    #: path relative to the indexed root, POSIX separators (Document.path and default ids)
    rel: str

    @property
    def stem(self) -> str:
        return PurePath(self.rel).stem

    def open(self) -> BinaryIO:
        """Open the file for reading bytes (one place, so failures are reported the same way)."""
        return open(self.path, "rb")  # the caller closes it

    def read_bytes(self) -> bytes:
        """Read the whole file, refusing binary files."""
        with self.open() as fh:
            data = fh.read()
        refuse_binary(data[:BINARY_SNIFF_BYTES])
        return data

    def read_text(self) -> str:
        """Read the whole file as UTF-8 text with newlines normalised."""
        return normalise_newlines(decode_utf8(self.read_bytes()))


def refuse_binary(head: bytes) -> None:
    """Text never holds NUL bytes; a file whose first bytes do is binary (or UTF-16)."""
    if b"\x00" in head:
        raise Skipped("binary file")


def decode_utf8(data: bytes, offset: int = 0) -> str:
    """Decode UTF-8 (an optional BOM is dropped); bad bytes are reported, never guessed at."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        position = bom + err.start
        line = data.count(b"\n", 0, position) + 1
        raise Skipped(f"not valid UTF-8 at byte {offset + position}", line) from None


def normalise_newlines(text: str) -> str:
    """Turn CRLF and CR line ends into LF and drop stray NULs, keeping paragraphs as they are."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def numbered_lines(fh: BinaryIO) -> Iterator[tuple[int, int, bytes]]:
    """Yield (line number from 1, byte offset, raw line) without reading the whole file."""
    offset = 0
    for number, raw in enumerate(fh, start=1):
        yield number, offset, raw
        offset += len(raw)
