"""The page of hits: rank the matching documents, then load and highlight only that page."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np

from search.generation import NO_DAY, Generation
from search.highlight import Highlighter
from search.matching import Match
from search.model import Hit, SearchRequest

_LAST = np.iinfo(np.int64).max


def page_docnums(gen: Generation, req: SearchRequest, final: np.ndarray,
                 match: Match) -> list[tuple[int, float | None]]:
    """(docnum, score) of the requested page, in order; empty past the last page."""
    start = (req.page - 1) * req.size
    candidates = np.flatnonzero(final)
    if req.size == 0 or start >= len(candidates):
        return []
    wanted = min(start + req.size, len(candidates))
    scored = req.sort == "relevance" and match.scores is not None
    if scored:
        primary = -match.scores[candidates].astype(np.float64)
    else:
        primary = date_keys(gen.published[candidates], newest=req.sort != "oldest")
    chosen = _smallest(primary, candidates, wanted)[start:]
    scores = match.scores
    return [(int(d), float(scores[d]) if scores is not None else None) for d in chosen]


def date_keys(days: np.ndarray, newest: bool) -> np.ndarray:
    """Sort keys by publication day; undated documents last in both directions."""
    keys = days.astype(np.int64)
    keys = -keys if newest else keys
    keys[days == NO_DAY] = _LAST
    return keys


def _smallest(keys: np.ndarray, docnums: np.ndarray, count: int) -> np.ndarray:
    """The `count` docnums with the smallest keys, sorted by (key, docnum)."""
    if count < len(keys):
        part = np.argpartition(keys, count - 1)[:count]
        threshold = keys[part].max()
        part = np.flatnonzero(keys <= threshold)  # keep ties so the docnum order is stable
        keys, docnums = keys[part], docnums[part]
    order = np.lexsort((docnums, keys))[:count]
    return docnums[order]


def load_hits(gen: Generation, page: list[tuple[int, float | None]],
              highlighter: Highlighter) -> list[Hit]:
    """Stored fields and snippets of the hits of one page."""
    return [_hit(gen, gen.stored(docnum), score, highlighter) for docnum, score in page]


def canonical_values(gen: Generation, facet: str, stored: dict) -> list[str]:
    """A hit's values of a facet as entity names, each once, in the document's order."""
    values = _as_list(stored.get(facet))
    table = gen.entities.get(facet)
    if table is None:
        return list(values)
    names = [table.canonical(v) for v in values]
    for other, moved in table.foreign.items():  # values a correction moved into this facet
        names += [table.entities[moved[v]].name for v in _as_list(stored.get(other))
                  if v in moved]
    return [name for name in dict.fromkeys(names) if name is not None]


def _hit(gen: Generation, stored: dict, score: float | None, highlighter: Highlighter) -> Hit:
    return Hit(
        id=stored.get("id", ""),
        title=stored.get("title", ""),
        published=as_date(stored.get("published")),
        source=stored.get("source", ""),
        url=stored.get("url", ""),
        score=round(score, 4) if score is not None else None,
        snippets=highlighter.snippets(stored.get("body", "")),
        actor=canonical_values(gen, "actor", stored),
        place=canonical_values(gen, "place", stored),
        date=list(_as_list(stored.get("date"))),
        country=gen.countries_of(stored),
    )


def as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
