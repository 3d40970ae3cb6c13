"""One writer at a time: an exclusive `flock` on `index_dir/.lock` that names its holder.

The kernel drops a `flock` when the last descriptor of the open file goes away, so the lock
vanishes with the process that holds it (also on SIGKILL); no stale lock files to clean up.
Processes forked while the lock is held (spaCy workers) close their inherited descriptor at
once, so a worker that outlives a killed indexer cannot keep the index locked; only the
index writer process is allowed to keep it (see `keep_in_forks`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from search.errors import TrawlError

LOCK_NAME = ".lock"

#: descriptors of the locks this process holds; forked children close them unless kept
_HELD_FDS: set[int] = set()
_KEEP_IN_CHILD = False


class IndexLocked(TrawlError):
    """Another process is writing to the index."""

    code = "index_locked"


def _close_inherited_locks() -> None:
    """Runs in every forked child: drop our reference to the parent's lock descriptors."""
    if _KEEP_IN_CHILD:
        return
    for fd in list(_HELD_FDS):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD_FDS.clear()


os.register_at_fork(after_in_child=_close_inherited_locks)


@contextlib.contextmanager
def keep_in_forks() -> Iterator[None]:
    """Let processes forked inside this block keep the lock (the index writer process)."""
    global _KEEP_IN_CHILD
    _KEEP_IN_CHILD = True
    try:
        yield
    finally:
        _KEEP_IN_CHILD = False


class IndexLock:
    """The writer lock of one index directory; use as a context manager."""

    def __init__(self, index_dir: str | os.PathLike):
        self.path = Path(index_dir) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise IndexLocked naming the PID that holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise IndexLocked(
                f"index is locked by PID {holder} (another trawl index is running)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        _HELD_FDS.add(fd)

    def release(self) -> None:
        """Forget the holder's PID and unlock (the file stays: unlinking it would race)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _HELD_FDS.discard(fd)
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)

    def __enter__(self) -> IndexLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    """The PID written by the lock holder ("unknown" in the instant before it writes it)."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"
