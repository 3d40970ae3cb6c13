"""Trawl's read side: the index contract (schema), request/result types, and search()."""

from __future__ import annotations

from search.errors import IndexMissing, InvalidQuery, InvalidRequest, TrawlError
from search.model import FacetCounts, FacetValue, Hit, SearchRequest, SearchResult, TimelineBucket

__all__ = [
    "FacetCounts",
    "FacetValue",
    "Hit",
    "IndexMissing",
    "InvalidQuery",
    "InvalidRequest",
    "SearchRequest",
    "SearchResult",
    "TimelineBucket",
    "TrawlError",
]
