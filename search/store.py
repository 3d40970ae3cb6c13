"""On-disk layout of a Trawl index directory, shared by the writer and the readers.

    index/
      live -> gen-20241129T101500-1234     symlink to the generation being served
      gen-.../                             a complete Whoosh index
      .lock                                held by the one writer (indexer.build)

`--rebuild` writes a new generation beside the live one and swaps the `live` symlink with
one atomic rename, so readers never see a half-built index. Incremental runs write into the
live generation; Whoosh publishes a commit by writing its table of contents last, so an
interrupted commit leaves the previous one readable.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from whoosh import index as whoosh_index

from search.errors import IndexMissing
from search.schema import make_schema
from search.whoosh_adapter import share_segment_maps, table_segment_lengths

LIVE = "live"
GENERATION_PREFIX = "gen-"
INDEX_NAME = "MAIN"

table_segment_lengths()  # the same segments, written faster (search.whoosh_adapter)


def live_path(index_dir: str | os.PathLike) -> Path:
    """The directory of the generation being served (through the `live` symlink)."""
    return Path(index_dir) / LIVE


def has_index(index_dir: str | os.PathLike) -> bool:
    path = live_path(index_dir)
    return path.is_dir() and whoosh_index.exists_in(str(path), indexname=INDEX_NAME)


def open_live(index_dir: str | os.PathLike):
    """Open the live Whoosh index, or raise IndexMissing with a message saying how to build one."""
    if not has_index(index_dir):
        raise IndexMissing(
            f"no Trawl index in {index_dir}/ - build one with: trawl --index {index_dir} index PATH..."
        )
    share_segment_maps()
    return whoosh_index.open_dir(str(live_path(index_dir)), indexname=INDEX_NAME)


def generation_name(index_dir: str | os.PathLike) -> str | None:
    """Name of the live generation directory (changes on every --rebuild), or None."""
    try:
        return os.readlink(live_path(index_dir))
    except OSError:
        return None


def create_generation(index_dir: str | os.PathLike):
    """Create an empty index in a new generation directory; returns (path, whoosh index)."""
    root = Path(index_dir)
    root.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    path = root / f"{GENERATION_PREFIX}{stamp}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    path.mkdir()
    return path, whoosh_index.create_in(str(path), make_schema(), indexname=INDEX_NAME)


def publish(index_dir: str | os.PathLike, generation: Path) -> None:
    """Make `generation` the live index with one atomic rename, then drop old generations."""
    root = Path(index_dir)
    tmp = root / f".{LIVE}.{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(generation.name, tmp)
    os.replace(tmp, root / LIVE)
    remove_stale_generations(root)


def remove_stale_generations(root: Path) -> None:
    """Delete generation directories that are not live (left by --rebuild or by a crash).

    Readers that still hold files of an old generation open keep reading them: on POSIX an
    unlinked file lives until its last descriptor closes.
    """
    live = generation_name(root)
    for child in root.glob(f"{GENERATION_PREFIX}*"):
        if child.name != live and child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
