"""The JSON API contract: shapes, filters, errors, clamping, export, health."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from conftest import make_client
from live_server import live_server
from web_corpus import ARMY, ARTICLES, HTS, RUSSIA_AF, article_fields, build_index

from search import store
from search.backend import open_backend
from search.model import MAX_FACET_SIZE, MAX_SIZE

RESULT_KEYS = {"query", "total", "page", "size", "hits", "facets", "timeline", "timeline_unit",
               "mentioned_timeline", "suggestion", "filter_offers"}
HIT_KEYS = {"id", "title", "published", "source", "url", "score", "snippets", "actor", "place", "date",
            "country"}
VALUE_KEYS = {"value", "label", "count", "selected", "excluded", "toggle", "exclude_toggle",
              "aliases", "boilerplate"}
ALEPPO_IDS = {"reports/2024/aleppo-offensive", "reports/2024/aleppo-entered",
              "reports/2024/russian-strikes"}


@pytest.fixture(scope="module", params=("whoosh", "typesense"))
def client(request, index_dir):
    """The API over each backend: in-process over the embedded index, and a real Trawl
    server over HTTP in front of a real Typesense node holding the same articles."""
    if request.param == "whoosh":
        with make_client(index_dir) as test_client:
            test_client.backend = request.param
            test_client.generation = store.generation_name(index_dir)
            yield test_client
        return
    config = request.getfixturevalue("typesense_config")("web", article_fields(ARTICLES))
    with live_server(index_dir, backend=config) as server, httpx.Client(base_url=server.url) as http:
        http.backend = request.param
        http.generation = open_backend(config).generation_name()
        yield http


def origin(client) -> str:
    """Where the client sends requests: http://testserver in process, the live server's URL."""
    return str(client.base_url).rstrip("/")


def counts(body: dict, facet: str) -> dict[str, int]:
    return {v["value"]: v["count"] for v in body["facets"][facet]["values"]}


def error_of(response) -> dict:
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    return body["error"]


def test_search_returns_the_documented_shape(client):
    response = client.get("/api/search", params={"q": "aleppo"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == RESULT_KEYS
    assert (body["total"], body["page"], body["size"], body["suggestion"]) == (3, 1, 20, None)
    assert {hit["id"] for hit in body["hits"]} == ALEPPO_IDS
    assert all(set(hit) == HIT_KEYS for hit in body["hits"])
    assert set(body["facets"]) == {"actor", "place", "date", "country"}
    for facet in body["facets"].values():
        assert set(facet) == {"values", "truncated", "hidden"}
        assert all(set(value) == VALUE_KEYS for value in facet["values"])
    assert all(set(bucket) == {"period", "count", "start", "end"} for bucket in body["timeline"])
    assert sum(bucket["count"] for bucket in body["timeline"]) == 3


def test_search_hit_carries_metadata_and_highlighted_snippets(client):
    body = client.get("/api/search", params={"q": "offensive", "sort": "newest"}).json()
    hit = next(h for h in body["hits"] if h["id"] == "reports/2024/aleppo-offensive")
    assert hit["title"] == "Rebels launch offensive towards Aleppo"
    assert (hit["published"], hit["source"]) == ("2024-11-28", "Levant Wire")
    assert hit["url"] == "https://example.org/aleppo-offensive"
    assert hit["actor"] == [HTS, ARMY] and hit["place"] == ["Aleppo", "Idlib"]
    assert hit["date"] == ["2024-11-27"]
    assert any("<mark>" in s and "offensive" in s.lower() for s in hit["snippets"])


def test_actor_values_are_ored_and_counted_disjunctively(client):
    body = client.get("/api/search", params=[("actor", HTS), ("actor", RUSSIA_AF)]).json()
    assert body["total"] == 5
    assert counts(body, "actor") == {ARMY: 5, HTS: 4, "Abbas Araghchi": 1, "Hakan Fidan": 1,
                                     "Hezbollah": 1, RUSSIA_AF: 1, "Sergey Lavrov": 1}
    selected = {v["value"] for v in body["facets"]["actor"]["values"] if v["selected"]}
    assert selected == {HTS, RUSSIA_AF}
    assert counts(body, "place") == {"Aleppo": 3, "Hama": 2, "Idlib": 2, "Damascus": 1, "Homs": 1}


def test_excluded_place_removes_documents_and_is_listed_as_excluded(client):
    params = [("actor", HTS), ("actor", RUSSIA_AF), ("not_place", "Idlib")]
    body = client.get("/api/search", params=params).json()
    assert {h["id"] for h in body["hits"]} == {"reports/2024/aleppo-entered",
                                              "reports/2024/hama-captured",
                                              "reports/2025/transition"}
    idlib = [v for v in body["facets"]["place"]["values"] if v["value"] == "Idlib"]
    assert [(v["excluded"], v["selected"]) for v in idlib] == [(True, False)]
    assert counts(body, "actor")[RUSSIA_AF] == 0


def test_facet_value_toggle_is_a_query_string_for_the_same_endpoint(client):
    body = client.get("/api/search", params={"q": "aleppo"}).json()
    army = next(v for v in body["facets"]["actor"]["values"] if v["value"] == ARMY)
    toggled = client.get("/api/search?" + army["toggle"]).json()
    assert toggled["query"]["actor"] == [ARMY] and toggled["total"] == 3
    again = next(v for v in toggled["facets"]["actor"]["values"] if v["value"] == ARMY)
    assert again["selected"] is True
    untoggled = client.get("/api/search?" + again["toggle"]).json()
    assert untoggled["query"]["actor"] == [] and untoggled["total"] == 3


def test_published_range_and_paging(client):
    body = client.get("/api/search", params={"from": "2024-12-01", "to": "2024-12-31",
                                             "sort": "oldest", "size": 2, "page": 2}).json()
    assert (body["total"], body["page"], body["size"]) == (4, 2, 2)
    assert [h["published"] for h in body["hits"]] == ["2024-12-07", "2024-12-07"]
    past_end = client.get("/api/search", params={"size": 5, "page": 9}).json()
    assert (past_end["total"], past_end["hits"]) == (8, [])


def test_size_zero_is_400_as_the_openapi_minimum_says(client):
    response = client.get("/api/search", params={"size": 0, "q": "aleppo"})
    assert response.status_code == 400
    assert error_of(response) == {"code": "invalid_parameter",
                                  "message": "size must be 1 or more (got 0)"}
    assert client.get("/?size=0&q=aleppo").status_code == 400


def test_sizes_are_clamped_and_unknown_parameters_ignored(client):
    body = client.get("/api/search", params={"size": 5000, "facet_size": 5000}).json()
    assert (body["size"], body["total"], len(body["hits"])) == (MAX_SIZE, 8, 8)
    assert body["query"]["facet_size"] == MAX_FACET_SIZE
    plain = client.get("/api/search", params={"q": "aleppo"}).json()
    noisy = client.get("/api/search", params={"q": "aleppo", "utm_source": "x", "bogus": ""}).json()
    assert noisy == plain


@pytest.mark.parametrize(("params", "code", "word"), [
    ({"page": "0"}, "invalid_parameter", "page"),
    ({"page": "two"}, "invalid_parameter", "page"),
    ({"size": "ten"}, "invalid_parameter", "size"),
    ({"sort": "foo"}, "invalid_parameter", "sort"),
    ({"from": "notadate"}, "invalid_parameter", "from"),
    ({"to": "2024-13-45"}, "invalid_parameter", "to"),
    ({"q": '"unbalanced'}, "invalid_query", ""),
])
def test_bad_parameters_and_queries_are_400_with_a_message(client, params, code, word):
    response = client.get("/api/search", params=params)
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == code
    assert word in error["message"]


def test_unknown_document_route_and_method_are_json_errors(client):
    response = client.get("/api/documents/reports/2024/nope")
    assert response.status_code == 404
    assert error_of(response) == {"code": "not_found",
                                  "message": "no document with id 'reports/2024/nope'"}
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert error_of(response) == {"code": "not_found", "message": "nothing at /api/nothing-here"}
    response = client.post("/api/search")
    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"


def test_document_has_full_text_metadata_facets_and_mentions(client):
    response = client.get("/api/documents/reports/2024/aleppo-offensive")
    assert response.status_code == 200
    doc = response.json()
    text = ("Fighters of Hayat Tahrir al-Sham attacked positions of the Syrian Army west of Aleppo "
            "on 27 November.\n\nThe offensive started from Idlib province, residents said.")
    assert doc["text"] == text
    assert (doc["id"], doc["title"], doc["published"], doc["source"], doc["url"]) == (
        "reports/2024/aleppo-offensive", "Rebels launch offensive towards Aleppo", "2024-11-28",
        "Levant Wire", "https://example.org/aleppo-offensive")
    assert (doc["actor"], doc["place"], doc["date"]) == ([HTS, ARMY], ["Aleppo", "Idlib"],
                                                         ["2024-11-27"])
    assert doc["countries"] == {"Aleppo": "Syria", "Idlib": "Syria"}
    assert [text[s:e] for s, e, _, _ in doc["mentions"]] == [
        "Hayat Tahrir al-Sham", "Syrian Army", "Aleppo", "27 November", "Idlib"]


def test_facet_value_search_by_prefix_under_the_current_filters(client):
    response = client.get("/api/facets/actor", params={"prefix": "hay"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"facet", "prefix", "values"}
    assert (body["facet"], body["prefix"]) == ("actor", "hay")
    assert [(v["value"], v["count"]) for v in body["values"]] == [(HTS, 4)]
    assert all(set(v) == VALUE_KEYS for v in body["values"])
    narrowed = client.get("/api/facets/place", params={"prefix": "a", "q": "iraq"}).json()
    assert [(v["value"], v["count"]) for v in narrowed["values"]] == [("Al-Qaim", 1)]


def test_unknown_facet_is_404_and_bad_filters_400(client):
    response = client.get("/api/facets/colour", params={"prefix": "r"})
    assert response.status_code == 404
    assert error_of(response) == {
        "code": "not_found", "message": "no facet named 'colour'; facets are: actor, place, date, country"}
    assert client.get("/api/facets/actor", params={"sort": "foo"}).status_code == 400


def test_export_csv_streams_every_match_across_batches(index_dir):
    with make_client(index_dir, export_batch_size=3) as small_batches:
        response = small_batches.get("/api/export", params={"format": "csv", "actor": ARMY,
                                                            "sort": "oldest", "page": 2})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == (
        'attachment; filename="trawl-syrian-army.csv"')
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["id", "title", "published", "source", "url", "actor", "place", "date",
                       "country", "snippet", "search_url", "index_generation"]
    assert [row[0] for row in rows[1:]] == [
        "reports/2024/aleppo-offensive", "reports/2024/aleppo-entered",
        "reports/2024/russian-strikes", "reports/2024/hama-captured", "reports/2024/iraq-border"]
    assert rows[1] == ["reports/2024/aleppo-offensive", "Rebels launch offensive towards Aleppo",
                       "2024-11-28", "Levant Wire", "https://example.org/aleppo-offensive",
                       f"{HTS}; {ARMY}", "Aleppo; Idlib", "2024-11-27", "Syria",
                       " ".join(ARTICLES[0].text.split()), "http://testserver/?actor=Syrian+Army"
                       "&sort=oldest", store.generation_name(index_dir)]


def test_export_jsonl_has_one_record_per_document(client):
    response = client.get("/api/export", params={"format": "jsonl", "q": "aleppo",
                                                 "sort": "newest"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson; charset=utf-8"
    records = [json.loads(line) for line in response.text.splitlines()]
    assert [r["id"] for r in records] == ["reports/2024/russian-strikes",
                                          "reports/2024/aleppo-entered",
                                          "reports/2024/aleppo-offensive"]
    snippet = records[0].pop("snippet")
    assert "Aleppo" in snippet and "<mark>" not in snippet
    assert records[0] == {"id": "reports/2024/russian-strikes",
                          "title": "Russian strikes hit Idlib and Aleppo",
                          "published": "2024-12-01", "source": "Levant Wire", "url": "",
                          "actor": [RUSSIA_AF, ARMY], "place": ["Idlib", "Aleppo"], "date": [],
                          "country": ["Syria"],
                          "search_url": f"{origin(client)}/?q=aleppo&sort=newest",
                          "index_generation": response.headers["x-trawl-generation"]}


def test_export_errors_are_400_before_streaming(client):
    response = client.get("/api/export", params={"format": "xml"})
    assert response.status_code == 400
    assert error_of(response) == {"code": "invalid_parameter",
                                  "message": "format must be one of csv, jsonl, not 'xml'"}
    response = client.get("/api/export", params={"q": '"unbalanced'})
    assert (response.status_code, error_of(response)["code"]) == (400, "invalid_query")


def test_healthz_reports_generation_and_count(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    embedded = client.backend == "whoosh"
    corrections = ({"version": "0", "entries": 0, "problem": None}
                   if embedded else None)  # corrections are embedded-only
    body = response.json()
    assert isinstance(body.pop("worker"), int)  # the serving process (a live server's own)
    assert body == {"status": "ok", "generation": client.generation,
                    "commit": 1 if embedded else None, "documents": 8,
                    "corrections": corrections}


def test_missing_index_is_503_saying_how_to_build_one(empty_client, tmp_path):
    for path in ("/api/search", "/api/facets/actor", "/api/documents/x", "/healthz",
                 "/api/export"):
        response = empty_client.get(path)
        assert response.status_code == 503, path
        error = error_of(response)
        assert error["code"] == "index_missing"
        assert f"trawl --index {tmp_path / 'no-index'} index" in error["message"]


def test_an_index_built_after_startup_is_picked_up(tmp_path):
    from web_corpus import ARTICLES

    with make_client(tmp_path / "later") as later:
        assert later.get("/api/search").status_code == 503
        build_index(tmp_path / "later", ARTICLES[:2])
        body = later.get("/api/search").json()
    assert body["total"] == 2


def test_export_for_excel_starts_with_a_byte_order_mark_and_is_named_after_the_query(client):
    response = client.get("/api/export", params={"q": "Öcalan's statement", "bom": "1",
                                                 "place": "Aleppo"})
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbfid,title,")
    assert response.headers["content-disposition"] == (
        'attachment; filename="trawl-ocalan-s-statement-aleppo.csv"')
    plain = client.get("/api/export", params={"q": "aleppo"})
    assert plain.content.startswith(b"id,title,")
    jsonl = client.get("/api/export", params={"format": "jsonl", "bom": "1", "q": "aleppo"})
    assert jsonl.content.startswith(b"{")  # the mark is for spreadsheets only
    bad = client.get("/api/export", params={"bom": "yes"})
    assert (bad.status_code, error_of(bad)["message"]) == (400, "bom must be 1 or 0 (got 'yes')")


@pytest.mark.parametrize(("cell", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("Aleppo", "Aleppo"), ("", ""), ("a=b", "a=b"),
])
def test_formula_cells_are_neutralised(cell, expected):
    from web.export import neutralise_cell
    assert neutralise_cell(cell) == expected


@pytest.mark.differs("typesense", "entity pages read the embedded engine's entity tables: "
                     "501 unsupported_by_backend")
def test_entity_evidence_names_aliases_documents_and_mentions(client):
    body = client.get("/api/entities/actor/syrian army").json()
    assert (body["name"], body["facet"], body["rules"]) == ("Syrian Army", "actor", [])
    assert body["aliases"] == [{"name": "Syrian Army", "documents": body["documents"], "why": ""}]
    assert body["documents"] == sum(b["count"] for b in body["timeline"]) > 0
    assert {m["text"] for m in body["mentions"]} == {"Syrian Army"}
    assert all("Syrian Army" in m["snippet"] for m in body["mentions"])
    place = client.get("/api/entities/place/Aleppo").json()
    assert place["country"] == "Syria"


def test_a_search_engine_that_does_not_answer_is_503(tmp_path):
    from search.backend import BackendConfig
    from search.typesense_node import free_port

    dead = BackendConfig(kind="typesense", typesense_urls=(f"http://127.0.0.1:{free_port()}",),
                         typesense_key="k")
    with make_client(tmp_path, backend=dead) as app:
        response = app.get("/api/search", params={"q": "aleppo"})
    assert response.status_code == 503
    assert error_of(response)["code"] == "backend_unavailable"
