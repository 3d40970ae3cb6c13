"""One input file as the loaders see it: where it is, how it is named, how its bytes are read."""

from __future__ import annotations

import codecs
import itertools
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

#: largest file read whole (text, Markdown, HTML, JSON) and longest line of a streamed file
MAX_FILE_BYTES = 64 * 2**20
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
        """Open a regular file for reading bytes; FIFOs, devices and sockets are refused.

        The file is opened without blocking (a FIFO with no writer would block forever) and
        checked after opening, so a file swapped for something else meanwhile is caught too.
        """
        fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        try:
            kind = special_kind(os.fstat(fd).st_mode)
            if kind:
                raise Skipped(f"not a regular file ({kind})")
            os.set_blocking(fd, True)
        except BaseException:
            os.close(fd)
            raise
        return os.fdopen(fd, "rb")  # the caller closes it

    def read_bytes(self) -> bytes:
        """Read the whole file (at most MAX_FILE_BYTES), refusing binary files."""
        with self.open() as fh:
            if os.fstat(fh.fileno()).st_size > MAX_FILE_BYTES:
                raise Skipped(_too_large())
            data = fh.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:  # it grew after the check
            raise Skipped(_too_large())
        refuse_binary(data[:BINARY_SNIFF_BYTES])
        return data

    def read_text(self) -> str:
        """Read the whole file as UTF-8 text with newlines normalised."""
        return normalise_newlines(decode_utf8(self.read_bytes()))


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is ('' for a regular file)."""
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISDIR, "a folder"))
    if stat.S_ISREG(mode):
        return ""
    return next((name for test, name in kinds if test(mode)), "not a file")


def _too_large() -> str:
    return f"file larger than {MAX_FILE_BYTES // 2**20} MB (one document per file is read whole)"


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
    """Yield (line number from 1, byte offset, raw line) without reading the whole file;
    a line longer than MAX_FILE_BYTES stops the file (it is not a record, and memory is)."""
    offset = 0
    for number in itertools.count(1):
        raw = fh.readline(MAX_FILE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_FILE_BYTES:
            raise Skipped(f"line longer than {MAX_FILE_BYTES // 2**20} MB", number)
        yield number, offset, raw
        offset += len(raw)
