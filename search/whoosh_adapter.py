"""Access to Whoosh internals, in one place (whoosh-reloaded is pinned below 2.8 for it).

Read segments without copying them: Whoosh memory-maps a compound segment file, then wraps
each sub-file's view of the map in `BytesIO(view)`, which copies it - at 100k documents
about 900 MB per process, paid again by every worker. `share_segment_maps()` makes the
compound storage hand out files reading straight from the map instead, so the index is
read through the page cache and shared by every process that opens it.
"""

from __future__ import annotations

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile


class _ViewReader:
    """A read-only file over a memoryview: reads copy only the bytes asked for."""

    def __init__(self, view: memoryview):
        self._view = view
        self._pos = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else self._pos + size
        data = bytes(self._view[self._pos:end])
        self._pos += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        rest = bytes(self._view[self._pos:]) if size is None or size < 0 \
            else bytes(self._view[self._pos:self._pos + size])
        cut = rest.find(b"\n")
        line = rest if cut < 0 else rest[:cut + 1]
        self._pos += len(line)
        return line

    def __iter__(self):
        while line := self.readline():
            yield line

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self._pos, len(self._view))[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._view = memoryview(b"")


class MappedBufferFile(BufferFile):
    """Whoosh's BufferFile without its private copy of the buffer."""

    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _ViewReader(memoryview(buf))


def share_segment_maps() -> bool:
    """Make compound segments read from their memory map; False if this Whoosh differs
    (then it keeps copying: correct, only larger)."""
    if getattr(compound, "BufferFile", None) not in (BufferFile, MappedBufferFile):
        return False
    compound.BufferFile = MappedBufferFile
    return True
