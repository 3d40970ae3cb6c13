"""The hand-written OpenAPI document matches what the API really answers."""

from __future__ import annotations

import jsonschema
import pytest
from web_corpus import ARMY

from web.openapi import openapi_document

SPEC = openapi_document()


def response_schema(path: str, status: int, media_type: str = "application/json") -> dict:
    """The declared schema of one response, with the components it refers to."""
    operation = SPEC["paths"][path]["get"]
    content = operation["responses"][str(status)]["content"][media_type]
    return {**content["schema"], "components": SPEC["components"]}


def check(response, path: str) -> None:
    """Validate a real response's JSON body against the spec for its path and status."""
    schema = response_schema(path, response.status_code)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(response.json(), schema, cls=jsonschema.Draft202012Validator,
                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_document_is_valid_openapi_and_served(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.json() == SPEC
    assert SPEC["openapi"] == "3.1.0"
    for schema in SPEC["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_every_api_route_is_described(client):
    routes = {route.path.replace("{id:path}", "{id}") for route in client.app.routes
              if route.path.startswith("/api/") or route.path == "/healthz"}
    assert routes == set(SPEC["paths"])


@pytest.mark.parametrize("params", [
    {}, {"q": "aleppo"}, {"q": "offensive", "sort": "newest"},
    [("actor", ARMY), ("not_place", "Idlib"), ("from", "2024-11"), ("to", "2024-12")],
    {"q": "aleppoo"}, {"size": "1000", "facet_size": "1", "page": "2"}, {"timeline": "day"},
])
def test_search_responses_match_the_schema(client, params):
    response = client.get("/api/search", params=params)
    assert response.status_code == 200
    check(response, "/api/search")


@pytest.mark.parametrize("params", [
    {"page": "0"}, {"sort": "foo"}, {"from": "notadate"}, {"q": '"unbalanced'},
])
def test_search_errors_match_the_schema(client, params):
    response = client.get("/api/search", params=params)
    assert response.status_code == 400
    check(response, "/api/search")


def test_document_and_its_404_match_the_schema(client):
    check(client.get("/api/documents/reports/2024/aleppo-offensive"), "/api/documents/{id}")
    missing = client.get("/api/documents/nope")
    assert missing.status_code == 404
    check(missing, "/api/documents/{id}")


def test_facet_values_and_errors_match_the_schema(client):
    for params in ({"prefix": "a"}, {"prefix": "", "q": "aleppo"}, {"prefix": "zzz"}):
        response = client.get("/api/facets/place", params=params)
        assert response.status_code == 200
        check(response, "/api/facets/{name}")
    assert client.get("/api/facets/nope").status_code == 404
    check(client.get("/api/facets/nope"), "/api/facets/{name}")
    check(client.get("/api/facets/actor", params={"page": "x"}), "/api/facets/{name}")


def test_health_and_missing_index_match_the_schema(client, empty_client):
    check(client.get("/healthz"), "/healthz")
    check(empty_client.get("/healthz"), "/healthz")
    check(empty_client.get("/api/search"), "/api/search")


def test_export_media_types_are_the_declared_ones(client):
    declared = set(SPEC["paths"]["/api/export"]["get"]["responses"]["200"]["content"])
    for fmt in ("csv", "jsonl"):
        response = client.get("/api/export", params={"format": fmt})
        assert response.headers["content-type"].split(";")[0] in declared


def test_a_schema_mismatch_is_caught():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"error": {"code": "x"}}, response_schema("/api/search", 400))
    hit_schema = {**SPEC["components"]["schemas"]["Hit"], "components": SPEC["components"]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x"}, hit_schema)


def test_standout_and_its_errors_match_the_schema(client):
    for params in ({"q": "rebels", "min_count": "1"}, {}, {"q": "zzz"}):
        response = client.get("/api/standout", params=params)
        assert response.status_code == 200
        check(response, "/api/standout")
    bad = client.get("/api/standout", params={"min_count": "none"})
    assert bad.status_code == 400
    check(bad, "/api/standout")


def test_entity_evidence_and_its_errors_match_the_schema(client):
    check(client.get(f"/api/entities/actor/{ARMY}"), "/api/entities/{facet}/{name}")
    check(client.get("/api/entities/place/Aleppo"), "/api/entities/{facet}/{name}")
    missing = client.get("/api/entities/actor/Nobody at all")
    assert missing.status_code == 404
    check(missing, "/api/entities/{facet}/{name}")
    assert client.get("/api/entities/date/2024").status_code == 404
