"""A document page opened from a search steps to the previous and next result of that search."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from search.model import Hit, SearchRequest
from web.links import document_href


@dataclass(frozen=True)
class ResultSteps:
    """Where a document stands in the search it was opened from, and its neighbours' links."""

    position: int  # 1-based rank in the whole result list
    total: int
    prev_href: str | None
    next_href: str | None


def result_steps(index, req: SearchRequest, doc_id: str) -> ResultSteps | None:
    """The document's rank on `req`'s page of results and links to the results around it
    (across page boundaries); None when the document is not on that page."""
    result = index.search(_lean(req))
    ids = [hit.id for hit in result.hits]
    if doc_id not in ids:
        return None
    at = ids.index(doc_id)
    prev = _neighbour(index, req, result.hits, at - 1, req.page - 1, last=True)
    after = _neighbour(index, req, result.hits, at + 1, req.page + 1, last=False)
    return ResultSteps(position=(req.page - 1) * req.size + at + 1, total=result.total,
                       prev_href=prev, next_href=after)


def _neighbour(index, req: SearchRequest, hits: list[Hit], at: int, other_page: int,
               last: bool) -> str | None:
    """Link to the hit at `at` on this page, else to the first/last hit of the other page."""
    if 0 <= at < len(hits):
        return _href(hits[at], req)
    if other_page < 1:
        return None
    other = dataclasses.replace(req, page=other_page)
    hits = index.search(_lean(other)).hits
    return _href(hits[-1 if last else 0], other) if hits else None


def _lean(req: SearchRequest) -> SearchRequest:
    return dataclasses.replace(req, facet_size=0)  # only the ranking is needed


def _href(hit: Hit, req: SearchRequest) -> str:
    return document_href(hit.id, req.to_params())
