"""What is in an index: size, generation, top facet values, publication range (`trawl stats`)."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from search import store
from search.schema import COUNTRY_FIELD, FACETS
from search.whoosh_adapter import column_datetime

#: the facet fields `stats` ranks values of
STATS_FACETS: tuple[str, ...] = (*FACETS, COUNTRY_FIELD)
#: what a DATETIME column holds for a document without a value
_NO_DATE = 2**64 - 1


@dataclass
class IndexStats:
    """A summary of the live index; `top` maps each facet to (value, documents) pairs."""

    documents: int
    size_bytes: int
    generation: str | None
    last_modified: str | None
    published_from: str | None
    published_to: str | None
    top: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def as_json(self) -> dict:
        data = asdict(self)
        data["top"] = {name: [{"value": v, "count": n} for v, n in pairs]
                       for name, pairs in self.top.items()}
        return data


def index_stats(index_dir: str | os.PathLike, top: int = 10) -> IndexStats:
    """Statistics of the live index (raises IndexMissing when there is none)."""
    ix = store.open_live(index_dir)
    path = store.live_path(index_dir).resolve()
    with ix.reader() as reader:
        first, last = _published_range(reader)
        return IndexStats(
            documents=reader.doc_count(),
            size_bytes=_size_on_disk(path),
            generation=store.generation_name(index_dir),
            last_modified=_iso_utc(ix.last_modified()),
            published_from=first,
            published_to=last,
            top={name: top_values(reader, name, top) for name in STATS_FACETS},
        )


def top_values(reader, fieldname: str, limit: int) -> list[tuple[str, int]]:
    """The `limit` values of a facet field held by most (live) documents, ties by value."""
    if limit <= 0 or fieldname not in reader.schema:
        return []
    counts: Counter[str] = Counter()
    deleted = _deleted_docnums(reader)
    for term, info in reader.iter_field(fieldname):
        value = term.decode("utf-8") if isinstance(term, bytes) else str(term)
        if deleted:
            ids = reader.postings(fieldname, term).all_ids()
            counts[value] = sum(1 for docnum in ids if docnum not in deleted)
        else:
            counts[value] = info.doc_frequency()
    ranked = sorted((item for item in counts.items() if item[1] > 0),
                    key=lambda item: (-item[1], item[0]))
    return ranked[:limit]


def _deleted_docnums(reader) -> set[int]:
    if not reader.has_deletions():
        return set()
    return set(range(reader.doc_count_all())) - set(reader.all_doc_ids())


def _published_range(reader) -> tuple[str | None, str | None]:
    """Earliest and latest publication day of live documents, from the sortable column."""
    if not reader.has_column("published"):
        return None, None
    column = reader.column_reader("published", translate=False)
    values = [column[docnum] for docnum in reader.all_doc_ids()]
    days = [v for v in values if v != _NO_DATE]
    if not days:
        return None, None
    return (column_datetime(min(days)).date().isoformat(),
            column_datetime(max(days)).date().isoformat())


def _size_on_disk(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _iso_utc(timestamp: float | None) -> str | None:
    if not timestamp or timestamp < 0:
        return None
    return datetime.fromtimestamp(timestamp, tz=UTC).isoformat(timespec="seconds")
