"""Hostile requests and hostile stored content against the web app (issue 14, defects 5-7)."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
from datetime import date

import httpx
import pytest
from conftest import make_client
from live_server import REPO, LiveServer, free_port, wait_until_up
from web_corpus import Article, build_index

from web.settings import LOCAL_HOSTS, allowed_hosts_for, settings_from_env

FORMULAS = {
    "f-equals": "=HYPERLINK(\"http://evil.example\",\"click\")",
    "f-cmd": "=cmd|' /C calc'!A0",
    "f-plus": "+SUM(1+1)*cmd|' /C calc'!A0",
    "f-minus": "-2+3+cmd|' /C calc'!A0",
    "f-at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "f-tab": "\t=1+1",
    "f-cr": "\r=1+1",
}


@pytest.fixture(scope="module")
def formula_client(tmp_path_factory):
    articles = [Article(doc_id, title, f"Body of {doc_id} near Aleppo.", date(2024, 12, 1),
                        source=title, url=title, actors={"Aleppo": title})
                for doc_id, title in FORMULAS.items()]
    articles.append(Article("plain", "Plain title - no formula", "Plain body.", date(2024, 12, 2)))
    with make_client(build_index(tmp_path_factory.mktemp("formula-index"), articles)) as client:
        yield client


def test_csv_export_neutralises_cells_a_spreadsheet_would_run(formula_client):
    response = formula_client.get("/api/export", params={"format": "csv", "sort": "oldest"})
    assert response.status_code == 200
    rows = {row[0]: row for row in csv.reader(io.StringIO(response.text, newline=""))}
    for doc_id, formula in FORMULAS.items():
        title, _, source, url, actor = rows[doc_id][1:6]
        assert title == source == url == "'" + formula, doc_id
        # actor values that differ only in punctuation ("+SUM..." and "@SUM...") are one
        # entity now, shown under one canonical name: neutralised all the same
        assert actor.startswith("'") and actor[1:] in FORMULAS.values(), doc_id
    assert rows["plain"][1] == "Plain title - no formula"
    assert rows["plain"][2] == "2024-12-02"


def test_jsonl_export_keeps_values_as_they_are(formula_client):
    response = formula_client.get("/api/export", params={"format": "jsonl"})
    titles = {json.loads(line)["title"] for line in response.text.splitlines()}
    assert set(FORMULAS.values()) < titles  # JSON is data, not a spreadsheet: no quote added


# --- Host header (defect 6) ----------------------------------------------------------------


@pytest.fixture(scope="module")
def local_client(index_dir):
    """An app with the default allowed hosts, as `trawl serve` builds it for 127.0.0.1."""
    with make_client(index_dir, allowed_hosts=allowed_hosts_for("127.0.0.1")) as client:
        yield client


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "localhost.evil.example", "testserver"])
def test_an_untrusted_host_is_400_and_never_a_redirect_target(local_client, host):
    for path in ("/api/search/", "/", "/api/search", "/healthz", "/api/export"):
        response = local_client.get(path, headers={"Host": host}, follow_redirects=False)
        assert response.status_code == 400, (host, path)
        assert "location" not in response.headers
        assert response.text == "Invalid host header"
        assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000",
                                  "LOCALHOST"])
def test_local_hosts_are_answered_and_redirect_to_themselves(local_client, host):
    response = local_client.get("/api/search/", headers={"Host": host}, follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == f"http://{host}/api/search"
    assert local_client.get("/healthz", headers={"Host": host}).status_code == 200


def test_allowed_hosts_come_from_the_serve_address_and_the_environment():
    assert allowed_hosts_for("127.0.0.1") == ("localhost", "127.0.0.1", "::1", "[::1]")
    assert allowed_hosts_for("192.168.1.5")[-1] == "192.168.1.5"
    assert allowed_hosts_for("fe80::1")[-1] == "[fe80::1]"
    assert allowed_hosts_for("0.0.0.0") == allowed_hosts_for("::") == LOCAL_HOSTS
    env = {"TRAWL_HOST": "0.0.0.0", "TRAWL_ALLOWED_HOSTS": "News.Example, *.corp.example,"}
    assert settings_from_env(env).allowed_hosts == (*LOCAL_HOSTS, "news.example", "*.corp.example")


def test_a_real_server_on_every_interface_warns_and_refuses_foreign_hosts(index_dir):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", RUN_ON_ALL, str(index_dir), str(port)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    server = LiveServer(f"http://127.0.0.1:{port}", process)
    try:
        wait_until_up(server)
        evil = httpx.get(server.url + "/api/search/", headers={"Host": "evil.example"})
        named = httpx.get(server.url + "/healthz", headers={"Host": f"news.example:{port}"})
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
    assert (evil.status_code, evil.headers.get("location")) == (400, None)
    assert named.status_code == 200
    assert "trawl: warning: listening on 0.0.0.0: any machine that can reach this one" in err
    assert "localhost, 127.0.0.1, ::1, [::1], news.example;" in err


RUN_ON_ALL = ("import sys; from web.server import run; "
              "sys.exit(run(sys.argv[1], host='0.0.0.0', port=int(sys.argv[2]), "
              "allowed_hosts=['news.example']))")


# --- lower: parameters, sizes, methods (defect 7) ------------------------------------------


@pytest.mark.parametrize("path", ["/api/search", "/", "/api/export", "/api/facets/actor"])
def test_too_many_parameters_is_400_saying_so(client, path):
    response = client.get(path + "?" + "&".join(f"{i}=x" for i in range(6_000)))
    assert response.status_code == 400
    assert "too many query parameters (6,000); at most 200" in response.text
    assert client.get(path + "?" + "&".join(f"{i}=x" for i in range(200))).status_code == 200


def test_too_many_filter_values_in_all_is_400_naming_the_filters(client):
    params = [(name, f"Value {i}") for name in ("actor", "not_place") for i in range(16)]
    response = client.get("/api/search", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == (
        "too many filter values: 32 in actor (16), not_place (16); at most 30 in all")
    assert client.get("/api/search", params=params[:30]).status_code == 200


def test_an_over_long_filter_value_is_400_naming_the_parameter(client):
    response = client.get("/api/search", params={"not_country": "x" * 201})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "not_country: a value is longer than 200 characters"


@pytest.mark.parametrize("name", ["size", "facet_size", "page"])
@pytest.mark.parametrize("value", ["0", "-3"])
def test_sizes_below_the_openapi_minimum_are_400(client, name, value):
    response = client.get("/api/search", params={name: value})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == f"{name} must be 1 or more (got {value})"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/api/search", "/", "/healthz", "/api/export"])
def test_a_wrong_method_is_405_with_allow(client, method, path):
    response = client.request(method, path)
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD"}
