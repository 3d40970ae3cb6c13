"""Hostile documents and queries render inert; security headers are on every response."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from html_tree import parse_html
from web_corpus import XSS_ARTICLE, XSS_IMG, XSS_SCRIPT

from web.links import document_href
from web.security import CONTENT_SECURITY_POLICY

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMG = "&lt;img src=x onerror=alert(1)&gt;"
DANGEROUS = ("<script>alert", "<img src=x")  # as markup; escaped text is fine


def assert_inert(html: str) -> None:
    """No payload survives as markup; the only scripts are Trawl's own external file."""
    for fragment in DANGEROUS:
        assert fragment not in html, fragment
    tree = parse_html(html)
    scripts = tree.find_all("script")
    assert [s.attrs.get("src") for s in scripts] == ["/static/app.js"]
    assert all(not s.children for s in scripts)
    for element in tree.iter():
        assert not any(name.startswith("on") for name in element.attrs), element
        assert "style" not in element.attrs, element
        for name in ("href", "src", "action"):
            assert not (element.attrs.get(name) or "").lower().startswith("javascript:"), element


def test_search_page_escapes_titles_sources_facets_and_snippets(xss_client):
    response = xss_client.get("/?" + urlencode({"q": "evil"}))
    assert response.status_code == 200
    html = response.text
    assert_inert(html)
    hit = parse_html(html).find("li", cls="hit")
    assert hit.find("h2").text() == XSS_ARTICLE.title
    assert hit.find(cls="hit-source").text() == XSS_ARTICLE.source
    assert ESCAPED_SCRIPT in html and ESCAPED_IMG in html
    badge = hit.find("a", cls="badge-actor")
    assert badge.text() == XSS_IMG


def test_snippets_keep_only_trawls_own_mark_tags(xss_client):
    html = xss_client.get("/?q=body").text
    snippet = parse_html(html).find("li", cls="hit").find("p", cls="snippet")
    assert {el.tag for el in snippet.iter()} - {"p"} == {"mark"}
    assert XSS_SCRIPT in snippet.text()


def test_document_page_escapes_text_mentions_metadata_and_url(xss_client):
    response = xss_client.get(document_href(XSS_ARTICLE.id))
    assert response.status_code == 200
    assert_inert(response.text)
    tree = parse_html(response.text)
    assert tree.find("h1", id="doc-title").text() == XSS_ARTICLE.title
    assert tree.find(cls="document-text").text() == XSS_ARTICLE.text
    mention = tree.find("a", cls="mention-actor")
    assert mention.text() == XSS_IMG
    assert mention.attrs["href"] == "/?actor=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E"
    meta = tree.find("dl", cls="meta")
    assert "javascript" not in " ".join(a.attrs["href"] for a in meta.find_all("a"))
    assert "Evilplace · <script>alert(1)</script>" in [
        a.text() for a in tree.find_all("ul", cls="facet-links")[1].find_all("a")]


def test_query_and_filters_are_escaped_where_they_are_echoed(xss_client):
    params = {"q": XSS_SCRIPT, "actor": XSS_IMG, "place_prefix": XSS_SCRIPT}
    response = xss_client.get("/?" + urlencode(params))
    assert response.status_code in (200, 400)
    assert_inert(response.text)
    tree = parse_html(response.text)
    assert tree.find("input", id="q").attrs["value"] == XSS_SCRIPT
    if response.status_code == 200:
        assert tree.find("li", cls="chip").find(cls="chip-value").text() == XSS_IMG


def test_api_returns_the_raw_text_as_json_never_html(xss_client):
    response = xss_client.get("/api/documents/" + XSS_ARTICLE.id)
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    doc = response.json()
    assert (doc["title"], doc["source"], doc["url"]) == (
        XSS_ARTICLE.title, XSS_ARTICLE.source, XSS_ARTICLE.url)
    hits = xss_client.get("/api/search", params={"q": "body"}).json()["hits"]
    assert all("<script" not in s and "<img" not in s for h in hits for s in h["snippets"])


@pytest.mark.parametrize("path", [
    "/", "/?q=aleppo", "/documents/reports/2024/aleppo-offensive", "/documents/nope",
    "/?page=0", "/api/search", "/api/search?sort=foo", "/api/nope", "/healthz",
    "/api/openapi.json", "/static/app.css", "/api/export?format=csv",
])
def test_security_headers_on_every_response(xss_client, path):
    response = xss_client.get(path)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"


def test_csp_forbids_inline_code_and_foreign_origins():
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_templates_autoescape_and_mark_safe_only_snippets_and_text():
    from pathlib import Path

    templates = Path(__file__).resolve().parents[2] / "web" / "templates"
    uses = sorted(line.strip() for path in templates.glob("*.html")
                  for line in path.read_text().splitlines() if "|safe" in line)
    assert uses == ['<p class="snippet">{{ snippet|safe }}</p>']


def test_security_headers_are_on_internal_errors_too(index_dir, monkeypatch):
    from starlette.testclient import TestClient

    from search import engine
    from web.app import create_app
    from web.settings import Settings

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "search", broken)
    app = create_app(Settings(index_dir=index_dir, allowed_hosts=("testserver",)))
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/search", params={"q": "aleppo"})
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
