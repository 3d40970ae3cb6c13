"""Files derived from an index generation and stored beside it (entity structures, spelling
counts, place countries): pickled with a key, written atomically, dropped when stale.

They are pickled like Whoosh's own table of contents in the same directory: anyone who can
write there can already change what the index serves. A file that is missing, unreadable or
made with another key is recomputed; a directory that is not writable (a read-only
deployment) just recomputes each time.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def load(path: Path, key, kind: type) -> object | None:
    """The value stored at `path` under `key` if it is an instance of `kind`, else None."""
    try:
        with path.open("rb") as handle:
            found_key, value = pickle.load(handle)  # noqa: S301 - see the module docstring
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError,
            ImportError):
        return None
    return value if found_key == key and isinstance(value, kind) else None


def save(path: Path, key, value, drop_glob: str | None = None) -> bool:
    """Store `value` under `key` atomically (temp file + rename), then remove the other files
    matching `drop_glob` (older commits' files); False when the directory is not writable."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as handle:
            pickle.dump((key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    for old in path.parent.glob(drop_glob) if drop_glob else ():
        if old != path:
            old.unlink(missing_ok=True)
    return True


def load_or_compute(directory: Path | None, prefix: str, commit: int, key,
                    compute: Callable[[], T], kind: type) -> T:
    """The value of `<directory>/<prefix><commit>.pickle` when stored under `key`, else
    computed, and stored (replacing other commits' files) when `directory` is given."""
    if directory is None:
        return compute()
    path = Path(directory) / f"{prefix}{commit}.pickle"
    stored = load(path, key, kind)
    if stored is not None:
        return stored
    value = compute()
    save(path, key, value, f"{prefix}*.pickle")
    return value


def drop_other_segments(directory: Path, prefix: str, suffix: str, keep_ids,
                        opened_at: float) -> None:
    """Remove the per-segment files or folders `<prefix><segment id><suffix>` of segments
    not in `keep_ids` (merged away). One written after `opened_at` (when the reader dropping
    them opened) belongs to a newer commit's segments, written by a newer reader, and stays;
    a process still using a removed one keeps what it read or mapped."""
    keep = {f"{prefix}{segment}{suffix}" for segment in keep_ids}
    for path in directory.glob(f"{prefix}*{suffix}"):
        if path.name in keep or path.name.endswith(".tmp"):
            continue
        try:
            if path.stat().st_mtime >= opened_at:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        except OSError:
            continue
