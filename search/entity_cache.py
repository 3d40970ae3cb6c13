"""The entity structures of a generation, stored beside it so that opening it is cheap.

Resolving entities, building the entity facet tables and flagging boilerplate cost about
0.6 s at 100k documents; their result depends only on the generation's commit and on
Trawl's own rule data. It is written once (by `trawl index` after a run that changed the
index, or else by the first reader) as `.entities-<commit>.pickle` inside the generation directory, where Whoosh leaves
dot-files alone and `--rebuild` removes it with its generation. A file that is missing,
unreadable, or made for another commit, document count or rule data is recomputed.
Corrections are applied on top of it (search.entity_corrections), never stored in it.
The file is written and read by search.derived_files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from search import derived_files
from search.boilerplate import WORDS_FILE as BOILERPLATE_FILE
from search.boilerplate import flag_boilerplate
from search.derived_files import load_or_compute
from search.entity_rules import WORDS_FILE as ENTITY_WORDS_FILE
from search.entity_table import EntityTable, central_facet_table, entity_facet_table
from search.facet_table import FacetTable
from search.known_names import SHIPPED

#: bump when the pickled structures change shape or the rules change in code
CACHE_FORMAT = 1
CACHE_PREFIX = ".entities-"


@dataclass
class Resolved:
    """What search() reads about entities: per entity facet, the entity table, the facet
    and central tables over entity ids, and the boilerplate flags."""

    entities: dict[str, EntityTable]
    facets: dict[str, FacetTable]
    central: dict[str, FacetTable]
    boilerplate: dict[str, dict[int, str]]


def entity_structures(gen, entities: dict[str, EntityTable],
                      previous: Resolved | None = None) -> Resolved:
    """The tables over `entities` of a generation (search.generation.Generation); a facet
    whose entity table is the one of `previous` keeps its tables from there."""
    facets, central, boilerplate = {}, {}, {}
    for facet, table in entities.items():
        if previous is not None and previous.entities.get(facet) is table:
            facets[facet] = previous.facets[facet]
            boilerplate[facet] = previous.boilerplate[facet]
            if facet in previous.central:
                central[facet] = previous.central[facet]
            continue
        facets[facet] = entity_facet_table(gen.surface[facet], table, gen.doc_count, gen.surface)
        if facet in gen.surface_central:
            central[facet] = central_facet_table(gen.surface_central, table, gen.doc_count)
        boilerplate[facet] = flag_boilerplate(facets[facet], table, gen.live, gen._read_doc)
    return Resolved(entities, facets, central, boilerplate)



@lru_cache(maxsize=1)
def rules_digest() -> str:
    """A digest of the data the resolution depends on besides the index."""
    digest = hashlib.sha256(str(CACHE_FORMAT).encode())
    for path in (ENTITY_WORDS_FILE, BOILERPLATE_FILE, SHIPPED):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


def cache_key(gen) -> tuple:
    return (gen.key, gen.doc_count, gen.live_count, rules_digest())


def cache_path(directory: Path, gen) -> Path:
    return directory / f"{CACHE_PREFIX}{gen.key[1]}.pickle"


def load_or_resolve(gen, directory: Path | None) -> Resolved:
    """The stored entity structures of `gen` if they are there and current, else resolved
    now (and stored when `directory` is writable)."""
    return load_or_compute(directory, CACHE_PREFIX, gen.key[1], cache_key(gen), gen.resolve,
                           Resolved)


def save(directory: Path, gen, resolved: Resolved) -> bool:
    """Store the structures (search.derived_files) and drop older commits' files; False
    when the directory is not writable (a read-only deployment recomputes)."""
    return derived_files.save(cache_path(directory, gen), cache_key(gen), resolved,
                              f"{CACHE_PREFIX}*.pickle")
