"""Hostile requests and hostile stored content against the web app (issue 14, defects 5-7)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from conftest import make_client
from web_corpus import Article, build_index

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
        assert title == source == url == actor == "'" + formula, doc_id
    assert rows["plain"][1] == "Plain title - no formula"
    assert rows["plain"][2] == "2024-12-02"


def test_jsonl_export_keeps_values_as_they_are(formula_client):
    response = formula_client.get("/api/export", params={"format": "jsonl"})
    titles = {json.loads(line)["title"] for line in response.text.splitlines()}
    assert set(FORMULAS.values()) < titles  # JSON is data, not a spreadsheet: no quote added
