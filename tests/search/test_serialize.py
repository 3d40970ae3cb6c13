"""The JSON API shape produced by result_to_json, and the package's public API."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from search.engine import search
from search.model import SearchRequest
from search.serialize import result_to_json

SEARCH_INIT = Path(__file__).resolve().parents[2] / "search" / "__init__.py"


def test_result_to_json_exact_shape(ix):
    result = search(ix, SearchRequest.from_params({"q": "geneva", "facet_size": "1"}))
    body = result_to_json(result)
    hit_score = body["hits"][0]["score"]
    assert isinstance(hit_score, float) and hit_score > 0
    assert body == {
        "query": {"q": "geneva", "actor": [], "place": [], "date": [], "country": [],
                  "not_actor": [], "not_place": [], "not_date": [], "not_country": [],
                  "from": None, "to": None, "sort": "relevance", "page": 1, "size": 20,
                  "facet_size": 1, "timeline": None, "boilerplate": "hide",
                  "about_actor": [], "about_place": [], "not_about_actor": [],
                  "not_about_place": []},
        "total": 1, "page": 1, "size": 20,
        "hits": [{
            "id": "d2", "title": "Ceasefire talks in Geneva", "published": "2024-11-15",
            "source": "AP", "url": "https://example.org/d2", "score": hit_score,
            "snippets": ["Negotiators from the UN met in <mark>Geneva</mark> to discuss a "
                         "ceasefire in Syria."],
            "actor": ["UN"], "place": ["Geneva", "Syria"], "date": ["2024-11"],
            "country": ["Switzerland", "Syria"]}],
        "facets": {
            "actor": {"values": [value("UN", "UN", "actor")], "truncated": False, "hidden": 0},
            "place": {"values": [value("Geneva", "Geneva · Switzerland", "place")],
                      "truncated": True, "hidden": 0},
            "date": {"values": [value("2024", "2024", "date")], "truncated": True, "hidden": 0},
            "country": {"values": [value("Switzerland", "Switzerland", "country")],
                        "truncated": True, "hidden": 0},
        },
        "timeline": [{"period": "2024-11-15", "count": 1, "start": "2024-11-15",
                      "end": "2024-11-15"}],
        "timeline_unit": "day",
        "mentioned_timeline": {"unit": "month", "earlier": 0, "later": 0, "buckets": [
            {"period": "2024-11", "count": 1, "start": "2024-11-01", "end": "2024-11-30"}]},
        "suggestion": None,
        "filter_offers": [{"facet": "place", "value": "Geneva", "label": "Geneva · Switzerland",
                           "count": 1, "toggle": "q=geneva&place=Geneva&facet_size=1"}],
    }
    assert json.loads(json.dumps(body)) == body  # plain JSON types only


def value(name: str, label: str, facet: str) -> dict:
    quoted = name.replace(" ", "+")
    return {"value": name, "label": label, "count": 1, "selected": False, "excluded": False,
            "toggle": f"q=geneva&{facet}={quoted}&facet_size=1",
            "exclude_toggle": f"q=geneva&not_{facet}={quoted}&facet_size=1", "aliases": [],
            "boilerplate": False}


def test_package_exports_the_public_api():
    spec = importlib.util.spec_from_file_location("search_public_api", SEARCH_INIT)
    api = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(api)
    for name in ("open_index", "search", "facet_values", "get_document", "more_like_this",
                 "result_to_json", "document_count", "facet_value_to_json", "SearchRequest",
                 "SearchResult", "InvalidQuery", "InvalidRequest", "IndexMissing"):
        assert callable(getattr(api, name)), name
    assert sorted(api.__all__) == api.__all__
