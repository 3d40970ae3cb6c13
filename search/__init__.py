"""Trawl's read side: the index contract (schema), request/result types, and search()."""

from __future__ import annotations

from search.engine import document_count, facet_values, get_document, more_like_this, search
from search.errors import IndexMissing, InvalidQuery, InvalidRequest, TrawlError
from search.index import TrawlIndex, open_index
from search.model import FacetCounts, FacetValue, Hit, SearchRequest, SearchResult, TimelineBucket
from search.serialize import document_to_json, result_to_json
from search.serialize import value_to_json as facet_value_to_json

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
    "TrawlIndex",
    "document_count",
    "document_to_json",
    "facet_value_to_json",
    "facet_values",
    "get_document",
    "more_like_this",
    "open_index",
    "result_to_json",
    "search",
]
