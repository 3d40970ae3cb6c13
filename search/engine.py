"""search(): parse, match, filter, count, rank, highlight, assemble - for CLI, API and web alike."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import numpy as np

from search.entity_evidence import describe_entity
from search.entity_offers import offer_filters
from search.entity_table import ENTITY_FACETS
from search.errors import InvalidRequest
from search.facets import count_facet, search_values
from search.filters import build_filters
from search.generation import Generation
from search.highlight import Highlighter
from search.hits import as_date, canonical_values, date_keys, load_hits, page_docnums
from search.matching import Match, match_query
from search.model import FacetValue, Hit, SearchRequest, SearchResult
from search.params import FILTER_FACETS
from search.place_countries import document_countries
from search.query import ParsedQuery, parse_query
from search.schema import FACETS
from search.suggest import suggest
from search.timeline import build_mentioned_timeline, publication_timeline

if TYPE_CHECKING:  # the index calls these functions as its backend methods
    from search.index import TrawlIndex

#: matched words marked in one document (its page steps through them)
MAX_DOCUMENT_MATCHES = 500


def search(ix: TrawlIndex, req: SearchRequest) -> SearchResult:
    """Run one search: hits of the requested page, facet counts, timeline, suggestion."""
    gen = ix.generation()
    parsed = parse_query(req.q, gen.schema)
    if not req.q and not req.has_filters:
        # the same answer for as long as the generation (and its corrections) is served
        return gen.browse.get(req, lambda: _search(gen, req, parsed))
    return _search(gen, req, parsed)


def _search(gen: Generation, req: SearchRequest, parsed: ParsedQuery) -> SearchResult:
    match = match_query(gen, parsed)
    filters = build_filters(gen, req)
    final = filters.apply(match.mask)
    total = int(np.count_nonzero(final))
    timeline, unit = publication_timeline(gen, final, total, req.timeline)
    return SearchResult(
        request=req,
        total=total,
        hits=load_hits(gen, page_docnums(gen, req, final, match), highlighter_for(gen, match)),
        facets={facet: count_facet(gen, req, facet, match.mask, filters)
                for facet in FILTER_FACETS},
        timeline=timeline,
        suggestion=suggest(gen, req, total, filters),
        timeline_unit=unit,
        mentioned=build_mentioned_timeline(gen, final, None),
        filter_offers=offer_filters(gen, req, match.mask, final),
    )


def highlighter_for(gen: Generation, match: Match) -> Highlighter:
    analyzer = gen.schema["body"].analyzer

    def analyze(word: str) -> list[str]:
        return [token.text for token in analyzer(word)]

    return Highlighter(match.terms, analyze)


def facet_values(ix: TrawlIndex, name: str, prefix: str, req: SearchRequest,
                 limit: int = 20) -> list[FacetValue]:
    """Values of facet `name` starting with (or holding a word starting with) `prefix`,
    case- and accent-insensitive, counted under the request's query and other filters."""
    if name not in FILTER_FACETS:
        raise InvalidRequest(f"unknown facet {name!r} (facets: {', '.join(FILTER_FACETS)})")
    gen = ix.generation()
    match = match_query(gen, parse_query(req.q, gen.schema))
    return search_values(gen, req, name, prefix, match.mask, build_filters(gen, req), limit)


def entity(ix: TrawlIndex, facet: str, name: str) -> dict | None:
    """The evidence of the actor or place entity `name` (canonical or any alias), or None."""
    if facet not in ENTITY_FACETS:
        raise InvalidRequest(f"unknown entity facet {facet!r} (facets: "
                             f"{', '.join(ENTITY_FACETS)})")
    return describe_entity(ix.generation(), facet, name)


def document_count(ix: TrawlIndex) -> int:
    """Number of documents (deleted ones not counted) in the current generation."""
    return ix.generation().live_count


def get_document(ix: TrawlIndex, doc_id: str, q: str = "") -> dict | None:
    """The full stored document with this id (text, facets, countries, mentions, and the
    [start, end] of the words of its text that query `q` matches), or None."""
    gen = ix.generation()
    docnum = _docnum(gen, doc_id)
    if docnum is None:
        return None
    stored = gen.stored(docnum)
    body = stored.get("body", "")
    matches = []
    if q.strip():
        highlighter = highlighter_for(gen, match_query(gen, parse_query(q, gen.schema)))
        matches = [list(span) for span in highlighter.spans(body, MAX_DOCUMENT_MATCHES)]
    return {
        "id": stored.get("id", ""),
        "title": stored.get("title", ""),
        "text": body,
        "published": as_date(stored.get("published")),
        "source": stored.get("source", ""),
        "url": stored.get("url", ""),
        "meta": _json(stored.get("meta"), {}),
        **{facet: _as_list(stored.get(facet)) for facet in FACETS},
        **{facet: canonical_values(gen, facet, stored) for facet in ENTITY_FACETS},
        "countries": document_countries(gen, stored),
        "mentions": _entity_mentions(gen, _json(stored.get("mentions"), [])),
        "matches": matches,
    }


def _entity_mentions(gen: Generation, mentions: list) -> list:
    """Mentions [start, end, facet, value] with each actor or place value as its entity's
    name and facet (a correction may rename, move or drop it); dropped ones left out."""
    found = []
    for start, end, facet, value in mentions:
        table = gen.entities.get(facet)
        eid = table.by_surface.get(value) if table else None
        if eid is None or eid >= 0:
            found.append([start, end, facet, table.entities[eid].name if eid is not None
                          else value])
            continue
        for other, entities in gen.entities.items():
            moved = entities.foreign.get(facet, {}).get(value)
            if moved is not None:
                found.append([start, end, other, entities.entities[moved].name])
    return found


def more_like_this(ix: TrawlIndex, doc_id: str, n: int = 5) -> list[Hit]:
    """Documents sharing the most actors and places with this one (the newest first on ties)."""
    gen = ix.generation()
    docnum = _docnum(gen, doc_id)
    if docnum is None:
        return []
    shared = np.zeros(gen.doc_count, dtype=np.int64)
    for facet in ("actor", "place"):
        table = gen.facets[facet]
        for vid in table.doc_values[table.doc_ptr[docnum]:table.doc_ptr[docnum + 1]].tolist():
            np.add.at(shared, table.docs_of([vid]), 1)
    shared[docnum] = 0
    shared[~gen.live] = 0
    candidates = np.flatnonzero(shared)
    newest_first = date_keys(gen.published[candidates], newest=True)
    order = np.lexsort((candidates, newest_first, -shared[candidates]))[:n]
    page = [(int(d), float(shared[d])) for d in candidates[order]]
    return load_hits(gen, page, Highlighter((), lambda word: ()))


def _docnum(gen: Generation, doc_id: str) -> int | None:
    with gen.lock:
        docnum = gen.searcher.document_number(id=doc_id)
    if docnum is None or not gen.live[docnum]:
        return None
    return int(docnum)


def _json(raw, default):
    try:
        return json.loads(raw) if raw else default
    except (TypeError, ValueError):
        return default


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
