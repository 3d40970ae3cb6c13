"""store_derived with several processes writes the same derived files, per segment, as one
reader does, and a reader then opens them instead of deriving them again."""

from __future__ import annotations

import pickle
import shutil

from search_corpus import CORPUS, add_to_live

from search.index import _derive_segments_in_processes, open_index, store_derived
from search.model import SearchRequest
from search.store import generation_name


def derived(index_dir) -> dict[str, object]:
    """The spelling words (loaded: their order follows string hashing, which differs between
    processes) and the stored positions' files beside the live generation, by file name."""
    directory = index_dir / generation_name(index_dir)
    found = {}
    for path in sorted(directory.rglob("*")):
        relative = str(path.relative_to(directory))
        if path.is_file() and relative.startswith((".spell-", ".positions-")):
            found[relative] = pickle.loads(path.read_bytes()) \
                if relative.startswith(".spell-") else path.read_bytes()
    return found


def test_segments_derived_in_processes_equal_those_of_one_reader(make_index, tmp_path):
    index_dir = make_index(CORPUS[:3])
    add_to_live(index_dir, CORPUS[3:5])
    add_to_live(index_dir, CORPUS[5:])  # three segments
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy, symlinks=True)
    _derive_segments_in_processes(index_dir, 2)  # what store_derived(procs=2) starts with
    assert store_derived(copy)
    in_processes, in_reader = derived(index_dir), derived(copy)
    assert sum(name.startswith(".spell-") for name in in_processes) == 3
    assert sum(name.startswith(".positions-") for name in in_processes) >= 3
    assert in_processes == in_reader
    assert store_derived(index_dir, procs=2)
    ix = open_index(index_dir)
    gen = ix.generation()
    assert gen.speller.ready(30) and gen.stored_positions.ready(30)
    assert derived(index_dir) == in_processes  # read, not written again
    assert ix.search(SearchRequest(q="aleppo")).total == 3
