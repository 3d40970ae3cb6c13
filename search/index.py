"""An open Trawl index that follows the live generation: rebuilds and commits show up by themselves."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from search import engine, store
from search.corrections import corrections_path, read_corrections
from search.errors import TrawlError
from search.generation import Generation
from search.model import FacetValue, Hit, SearchRequest, SearchResult
from search.whoosh_adapter import latest_commit

#: how often (at most) a search checks whether the index changed on disk
REFRESH_INTERVAL_S = 1.0


class TrawlIndex:
    """The live generation of an index directory and its search structures; thread-safe.

    Each search takes the current Generation once and uses only it, so a refresh in
    another thread never mixes document numbers of two generations.
    """

    def __init__(self, index_dir: str | os.PathLike,
                 refresh_interval_s: float = REFRESH_INTERVAL_S, cache: bool = True):
        self.index_dir = Path(index_dir)
        self.refresh_interval_s = refresh_interval_s
        #: whether entity structures are read from / stored beside the generation
        self.cache = cache
        self._lock = threading.Lock()
        self._checked_at = 0.0
        self._base = self._open()
        self._corrections_seen: tuple | None = None
        self._generation = self._corrected(self._base)

    def generation(self) -> Generation:
        """The current generation with the corrections applied, reloaded first if the index
        or the corrections file changed (checked once a second)."""
        if time.monotonic() - self._checked_at >= self.refresh_interval_s:
            self.refresh()
        return self._generation

    def refresh(self, force: bool = False) -> bool:
        """Reload if the live generation or its latest commit changed, reapply the
        corrections if they (or the generation) changed; True if the generation reloaded."""
        with self._lock:
            self._checked_at = time.monotonic()
            reopened = force or self._disk_key() != self._base.key
            if reopened:
                self._base = self._open()
            if reopened or self._corrections_signature() != self._corrections_seen:
                self._generation = self._corrected(self._base)
            return reopened

    def _corrections_signature(self) -> tuple | None:
        try:
            info = os.stat(corrections_path(self.index_dir))
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def _corrected(self, base: Generation) -> Generation:
        """`base` with the corrections on disk applied; a malformed file is reported on the
        generation (Generation.corrections.problem) and nothing is applied."""
        self._corrections_seen = self._corrections_signature()
        return base.with_corrections(read_corrections(self.index_dir))

    # the backend protocol (search.backend.SearchBackend): the embedded engine's functions
    def search(self, req: SearchRequest) -> SearchResult:
        return engine.search(self, req)

    def facet_values(self, name: str, prefix: str, req: SearchRequest,
                     limit: int = 20) -> list[FacetValue]:
        return engine.facet_values(self, name, prefix, req, limit)

    def get_document(self, doc_id: str, q: str = "") -> dict | None:
        return engine.get_document(self, doc_id, q)

    def more_like_this(self, doc_id: str, n: int = 5) -> list[Hit]:
        return engine.more_like_this(self, doc_id, n)

    def document_count(self) -> int:
        return engine.document_count(self)

    def generation_name(self) -> str | None:
        return store.generation_name(self.index_dir)

    def _disk_key(self) -> tuple:
        """(live generation directory, Whoosh commit number): changes on every commit/rebuild."""
        name = store.generation_name(self.index_dir)
        return (name, latest_commit(store.live_path(self.index_dir), store.INDEX_NAME))

    def _open(self) -> Generation:
        name = store.generation_name(self.index_dir)
        return Generation(store.open_live(self.index_dir), name,
                          self.index_dir / name if name and self.cache else None)


def open_index(index_dir: str | os.PathLike,
               refresh_interval_s: float = REFRESH_INTERVAL_S, cache: bool = True) -> TrawlIndex:
    """Open the live index of a Trawl index directory; raises IndexMissing if there is none.

    The index is checked for changes on disk at most every `refresh_interval_s` seconds.
    With `cache` (the default) the entity structures are read from beside the generation,
    or stored there when missing (search.entity_cache); without, they are resolved.
    """
    return TrawlIndex(index_dir, refresh_interval_s, cache)


#: how long `trawl index` waits for new segments' spelling words and stored positions
DERIVED_WAIT_S = 900


def store_derived(index_dir, procs: int = 1) -> bool:
    """Open the live generation once, as a reader would, so that what readers derive from it
    is stored beside it: the facet tables (search/generation.py), the resolved entities
    (search/entity_cache.py), the places' countries (search/place_countries.py), the spelling
    words of new segments
    (search/spell_vocab.py) and their stored positions (search/position_store.py).
    `trawl index` calls this after its commit;
    False when it could not be done (the next reader will).

    With `procs` > 1 the segments' spelling words and positions are first derived by that
    many processes, each taking every procs-th segment (the same functions and files, for
    an index of many segments); the reader then finds them written."""
    if procs > 1:
        _derive_segments_in_processes(index_dir, procs)
    try:
        gen = open_index(index_dir).generation()
        gen.place_countries()
    except (TrawlError, OSError):
        return False
    positions = gen.stored_positions.ready(DERIVED_WAIT_S)
    return gen.speller.ready(DERIVED_WAIT_S) and positions


def _derive_segments_in_processes(index_dir, procs: int) -> None:
    import multiprocessing

    context = multiprocessing.get_context("spawn")  # no threads or open readers inherited
    with context.Pool(procs) as pool:
        pool.starmap(_derive_segments, [(str(index_dir), n, procs) for n in range(procs)])


def _derive_segments(index_dir: str, part: int, parts: int) -> None:
    """Write the spelling words and stored positions of every `parts`-th segment."""
    from contextlib import nullcontext

    from search.position_store import segment_positions
    from search.postings import segments
    from search.spell_vocab import segment_vocabulary

    directory = Path(index_dir) / store.generation_name(index_dir)
    reader = store.open_live(index_dir).reader()
    for leaf, _offset in segments(reader)[part::parts]:
        segment_vocabulary(leaf, nullcontext, directory)
        segment_positions(leaf, nullcontext, directory)
