"""Corrections over real HTTP: off by default, on with --allow-edits or a token, same-origin
only, bad input a 400 that changes nothing, a stale edit a 409, a malformed file reported
without taking the server down; responses match the OpenAPI document."""

from __future__ import annotations

import httpx
import jsonschema
import pytest
from live_server import live_server
from web_corpus import ARMY, ARTICLES, build_index

from search.corrections import corrections_path
from web.openapi import openapi_document

SPEC = openapi_document()
MERGE = {"op": "merge", "facet": "actor", "value": "Hezbollah", "into": ARMY}


def check(response: httpx.Response, path: str, method: str = "get") -> None:
    content = SPEC["paths"][path][method]["responses"][str(response.status_code)]["content"]
    schema = {**content["application/json"]["schema"], "components": SPEC["components"]}
    jsonschema.validate(response.json(), schema, cls=jsonschema.Draft202012Validator)


def army_count(url: str) -> int:
    values = httpx.get(f"{url}/api/search", params={"facet_size": "50"}).json()["facets"]
    return {v["value"]: v["count"] for v in values["actor"]["values"]}[ARMY]


def post(url: str, body: dict, **headers) -> httpx.Response:
    return httpx.post(f"{url}/api/corrections", json=body, headers=headers)


@pytest.fixture
def index_dir(tmp_path):
    return build_index(tmp_path / "index", ARTICLES)


def test_writing_is_off_by_default_and_says_how_to_enable_it(index_dir):
    with live_server(index_dir) as server:
        response = post(server.url, MERGE)
        assert response.status_code == 403
        assert "--allow-edits" in response.json()["error"]["message"]
        check(response, "/api/corrections", "post")
        listing = httpx.get(f"{server.url}/api/corrections")
        assert listing.json() == {"version": "0", "problem": None, "edits_enabled": False,
                                  "corrections": []}
        check(listing, "/api/corrections")
        form = httpx.post(f"{server.url}/corrections", data={"op": "drop"})
        assert form.status_code == 403
    assert not corrections_path(index_dir).exists()


def test_a_merge_changes_counts_evidence_and_health_and_undo_takes_it_back(index_dir):
    with live_server(index_dir, allow_edits=True) as server:
        url = server.url
        assert army_count(url) == 5
        response = post(url, MERGE)
        assert response.status_code == 200, response.text
        check(response, "/api/corrections", "post")
        made = response.json()
        assert made["correction"]["via"] == "api" and made["correction"]["id"] == "c1"
        assert army_count(url) == 6
        assert httpx.get(f"{url}/api/search", params={"actor": "hezbollah"}).json()["total"] == 6
        entity = httpx.get(f"{url}/api/entities/actor/Hezbollah").json()
        assert entity["name"] == ARMY and entity["corrections"] == ["c1"]
        health = httpx.get(f"{url}/healthz").json()
        assert health["corrections"] == {"version": made["version"], "entries": 1,
                                         "problem": None}
        undo = post(url, {"op": "undo"})
        assert undo.status_code == 200 and undo.json()["correction"]["target"] == "c1"
        assert army_count(url) == 5
        listing = httpx.get(f"{url}/api/corrections")
        check(listing, "/api/corrections")
        assert [c["status"] for c in listing.json()["corrections"]] == ["undone", "applied"]
        assert listing.headers["etag"] == f'"{undo.json()["version"]}"'


@pytest.mark.parametrize(("body", "message"), [
    ({"op": "merge", "facet": "actor", "value": "Nobody", "into": ARMY}, "no actor named"),
    ({"op": "merge", "facet": "actor", "value": "Hezbollah", "into": "Aleppo"},
     "is a place, not an actor"),
    ({"op": "merge", "facet": "actor", "value": ARMY, "into": ARMY}, "already one actor"),
    ({"op": "rename", "facet": "actor", "value": "Hezbollah", "name": ARMY}, "merge into it"),
    ({"op": "drop", "facet": "actor"}, "needs 'value'"),
    ({"op": "drop", "facet": "actor", "value": 3}, "must be a string"),
    ({"op": "drop", "facet": "actor", "value": "Hezbollah", "colour": "red"}, "unknown field"),
    ([1, 2], "JSON object"),
])
def test_bad_input_is_a_400_and_changes_nothing(index_dir, body, message):
    with live_server(index_dir, allow_edits=True) as server:
        response = post(server.url, body)
        assert response.status_code == 400, response.text
        assert message in response.json()["error"]["message"]
        check(response, "/api/corrections", "post")
        bad_json = httpx.post(f"{server.url}/api/corrections", content=b"{oops",
                              headers={"content-type": "application/json"})
        assert bad_json.status_code == 400
        as_form = httpx.post(f"{server.url}/api/corrections", data={"op": "drop"})
        assert as_form.status_code == 400 and "application/json" in as_form.text
        assert army_count(server.url) == 5
    assert not corrections_path(index_dir).exists()


def test_a_stale_version_is_a_409_and_cross_site_writes_are_refused(index_dir):
    with live_server(index_dir, allow_edits=True) as server:
        url = server.url
        old = httpx.get(f"{url}/api/corrections").json()["version"]
        assert post(url, {**MERGE, "version": old}).status_code == 200
        stale = post(url, {"op": "drop", "facet": "actor", "value": "Hakan Fidan"},
                     **{"If-Match": f'"{old}"'})
        assert stale.status_code == 409 and "reload" in stale.json()["error"]["message"]
        check(stale, "/api/corrections", "post")
        evil = post(url, {"op": "drop", "facet": "actor", "value": "Hakan Fidan"},
                    Origin="http://evil.example")
        assert evil.status_code == 403 and "cross-site" in evil.json()["error"]["message"]
        referer = post(url, {"op": "drop", "facet": "actor", "value": "Hakan Fidan"},
                       Referer="http://evil.example/page")
        assert referer.status_code == 403
        form = httpx.post(f"{url}/corrections", data={"op": "drop", "facet": "actor",
                                                      "value": "Hakan Fidan", "form_token": "x"})
        assert form.status_code == 403 and "not from this server" in form.text
        same = post(url, {"op": "drop", "facet": "actor", "value": "Hakan Fidan"},
                    Origin=url)
        assert same.status_code == 200
        assert len(httpx.get(f"{url}/api/corrections").json()["corrections"]) == 2


def test_with_an_edit_token_every_write_needs_it(index_dir):
    with live_server(index_dir, edit_token="s3cret") as server:
        assert post(server.url, MERGE).status_code == 403
        assert post(server.url, MERGE, **{"X-Trawl-Edit-Token": "wrong"}).status_code == 403
        assert post(server.url, MERGE, **{"X-Trawl-Edit-Token": "s3cret"}).status_code == 200


def test_a_malformed_file_is_reported_and_the_index_still_served(index_dir):
    corrections_path(index_dir).write_text("corrections: {not: [a list", encoding="utf-8")
    with live_server(index_dir, allow_edits=True) as server:
        health = httpx.get(f"{server.url}/healthz")
        assert health.status_code == 200
        assert "not valid YAML" in health.json()["corrections"]["problem"]
        check(health, "/healthz")
        assert army_count(server.url) == 5
        refused = post(server.url, MERGE)
        assert refused.status_code == 409 and "corrections.yaml" in refused.text
        page = httpx.get(f"{server.url}/entities/actor/Hezbollah")
        assert page.status_code == 200 and "cannot be read" in page.text
    assert corrections_path(index_dir).read_text(encoding="utf-8") == "corrections: {not: [a list"
