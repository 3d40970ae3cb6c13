"""/feed.atom: every search as a valid Atom feed, newest first, with new_since."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest
from conftest import make_client
from lxml import etree
from web_corpus import ARMY, ARTICLES, XSS_SCRIPT, Article, build_index

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_of(client, **params):
    response = client.get("/feed.atom", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed, etree.fromstring(response.content)


def test_a_search_as_a_feed_newest_first(client):
    parsed, xml = feed_of(client, q="aleppo")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Trawl: aleppo"
    assert parsed.feed.id == "http://testserver/?q=aleppo"  # the search's permalink
    published = [entry.published for entry in parsed.entries]
    assert len(published) == 3 and published == sorted(published, reverse=True)
    ids = [entry.id for entry in parsed.entries]
    assert len(set(ids)) == 3 and all(i.startswith("http://testserver/documents/") for i in ids)
    assert all(len(entry.findall(f"{ATOM}link")) == 1 for entry in xml.findall(f"{ATOM}entry"))
    first = parsed.entries[0]
    assert first.updated == published[0]
    assert {tag.term for tag in first.tags} >= {"Aleppo"}
    summary = xml.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html" and "<mark>Aleppo</mark>" in summary.text


def test_filters_shape_the_feed_and_its_id(client):
    parsed, _ = feed_of(client, actor=ARMY, size="2")
    assert parsed.feed.id == "http://testserver/?actor=Syrian+Army"
    assert len(parsed.entries) == 2
    assert all(ARMY in {tag.term for tag in entry.tags} for entry in parsed.entries)


def test_new_since_keeps_only_later_documents(client):
    everything, _ = feed_of(client, size="100")
    later, _ = feed_of(client, size="100", new_since="2024-12-01")
    assert 0 < len(later.entries) < len(everything.entries)
    assert all(entry.published > "2024-12-01T23" for entry in later.entries)
    expected = sum(1 for a in ARTICLES if a.published and a.published > date(2024, 12, 1))
    assert len(later.entries) == expected


@pytest.mark.parametrize(("params", "needle"), [
    ({"new_since": "yesterday"}, "new_since must be a date"),
    ({"new_since": "2025-01-01", "to": "2024-12-01"}, "is not before to"),
    ({"page": "0"}, "page must be"),
])
def test_bad_parameters_are_400(client, params, needle):
    response = client.get("/feed.atom", params=params)
    assert response.status_code == 400 and needle in response.text


def test_undated_documents_are_left_out(tmp_path):
    undated = Article("undated", "Undated Aleppo note", "A note about Aleppo.", None,
                      places={"Aleppo": "Aleppo"})
    client = make_client(build_index(tmp_path, [*ARTICLES, undated]))
    parsed, _ = feed_of(client, q="aleppo")
    assert "Undated Aleppo note" not in [entry.title for entry in parsed.entries]
    assert client.get("/api/search", params={"q": "aleppo"}).json()["total"] == 4


def test_hostile_text_is_escaped_xml(xss_client):
    raw = xss_client.get("/feed.atom", params={"q": "evil"}).content
    xml = etree.fromstring(raw)  # well-formed
    title = xml.find(f"{ATOM}entry/{ATOM}title").text
    assert title.startswith(XSS_SCRIPT)  # the text as written, escaped by the XML writer
    assert b"<script>" not in raw
    assert b"javascript:" not in raw  # only http(s) originals are linked


def test_the_search_page_announces_its_feed(client):
    page = client.get("/", params={"q": "aleppo", "sort": "oldest"}).text
    assert ('<link rel="alternate" type="application/atom+xml" title="This search as a feed" '
            'href="/feed.atom?q=aleppo&amp;sort=oldest">') in page
    assert 'href="/feed.atom?q=aleppo&amp;sort=oldest" type="application/atom+xml"' in page
