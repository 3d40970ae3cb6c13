"""The HTML pages: facets, chips, timeline, pagination and the document page, checked structurally."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from html_tree import parse_html
from web_corpus import ARMY, HTS

from web.links import document_href


def page(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return parse_html(response.text)


def query(href: str) -> list[tuple[str, str]]:
    assert href.startswith("/")
    return parse_qsl(href.partition("?")[2], keep_blank_values=True)


def test_facet_sidebar_lists_exactly_the_api_values(client):
    params = [("q", "aleppo"), ("actor", ARMY), ("not_place", "Idlib")]
    api = client.get("/api/search", params=params).json()
    html = page(client, "/?" + urlencode(params))
    for facet in ("actor", "place", "date"):
        section = html.find("section", id=f"facet-{facet}")
        shown = []
        for item in section.find_all("li", cls="facet-value"):
            box = item.find_all("input", type="checkbox")
            exclude = item.find("a", cls="facet-exclude")
            shown.append({
                "value": box[0].attrs["value"] if box else None,
                "label": item.find(cls="facet-name").text(),
                "checked": bool(box) and "checked" in box[0].attrs,
                "excluded": "is-excluded" in item.classes,
                "exclude_href": exclude.attrs["href"],
            })
        expected = [{
            "value": None if v["excluded"] else v["value"],
            "label": v["label"],
            "checked": v["selected"],
            "excluded": v["excluded"],
            "exclude_href": "/?" + v["exclude_toggle"] if v["exclude_toggle"] else "/",
        } for v in api["facets"][facet]["values"]]
        assert shown == expected, facet


def test_facet_counts_are_shown_next_to_each_checkbox(client):
    html = page(client, "/?" + urlencode([("actor", HTS), ("actor", "Russian Air Force")]))
    section = html.find("section", id="facet-actor")
    rows = [(li.find(cls="facet-name").text(), li.find(cls="facet-count").text(),
             "checked" in li.find("input").attrs)
            for li in section.find_all("li", cls="facet-value")]
    assert rows == [(HTS, "4", True), ("Russian Air Force", "1", True), (ARMY, "5", False),
                    ("Abbas Araghchi", "1", False), ("Hakan Fidan", "1", False),
                    ("Hezbollah", "1", False), ("Sergey Lavrov", "1", False)]
    assert html.find("h1", id="result-count").text() == "5 documents"


def test_facet_form_carries_the_other_parameters_as_hidden_inputs(client):
    html = page(client, "/?" + urlencode([("q", "aleppo"), ("actor", ARMY), ("sort", "newest"),
                                          ("page", "2"), ("from", "2024-11-01")]))
    form = html.find("form", cls="facet-form")
    hidden = [(i.attrs["name"], i.attrs["value"]) for i in form.find_all("input", type="hidden")]
    assert ("q", "aleppo") in hidden and ("sort", "newest") in hidden
    assert ("from", "2024-11-01") in hidden
    assert not any(name in ("actor", "page") for name, _ in hidden)
    assert form.attrs["method"] == "get" and form.attrs["action"] == "/"
    assert form.find("button", type="submit").text() == "Apply filters"
    query_form = html.find("form", cls="query-form")
    hidden = [(i.attrs["name"], i.attrs["value"]) for i in query_form.find_all("input", type="hidden")]
    assert ("actor", ARMY) in hidden and not any(n in ("q", "sort", "page") for n, _ in hidden)
    assert query_form.find("input", id="q").attrs["value"] == "aleppo"
    assert "selected" in query_form.find("option", value="newest").attrs


def test_active_filters_are_removable_chips_with_clear_all(client):
    params = [("q", "aleppo"), ("actor", ARMY), ("not_place", "Idlib"), ("from", "2024-11-01")]
    html = page(client, "/?" + urlencode(params))
    chips = html.find(cls="chips")
    found = [(c.find(cls="chip-label").text(), c.find(cls="chip-value").text(),
              "chip-negative" in c.classes, query(c.find("a", cls="chip-remove").attrs["href"]))
             for c in chips.find_all("li", cls="chip")]
    assert [(label, negative) for label, _, negative, _ in found] == [
        ("Actor:", False), ("Not place:", True), ("Published from:", False)]
    assert found[0][1] == ARMY and found[1][1].startswith("Idlib") and found[2][1] == "2024-11-01"
    for (_, _, _, remaining), removed in zip(found, params[1:], strict=True):
        assert set(remaining) == set(params) - {removed}
    assert query(chips.find("a", cls="clear-all").attrs["href"]) == [("q", "aleppo")]


def test_no_chips_without_filters(client):
    html = page(client, "/?q=aleppo")
    assert html.find_all(cls="chips") == []
    assert html.find("h1", id="result-count").text() == "3 documents"


def test_timeline_bars_link_to_their_date_range(client):
    api = client.get("/api/search", params={"actor": ARMY, "timeline": "month"}).json()
    html = page(client, "/?" + urlencode({"actor": ARMY, "timeline": "month"}))
    published = html.find("figure", aria_labelledby="timeline-caption")
    bars = published.find("svg", cls="timeline-chart").find_all("a", cls="timeline-bar")
    with_docs = [b for b in api["timeline"] if b["count"]]
    assert [b.attrs["aria-label"] for b in bars] == [
        f"{label}: {b['count']} document{'s' if b['count'] != 1 else ''}"
        for label, b in zip(["Nov 2024", "Dec 2024"], with_docs, strict=True)]
    assert [dict(query(b.attrs["href"])) for b in bars] == [
        {"actor": ARMY, "timeline": "month", "from": "2024-11-01", "to": "2024-11-30"},
        {"actor": ARMY, "timeline": "month", "from": "2024-12-01", "to": "2024-12-31"},
    ]
    heights = [float(b.find("rect", cls="bar").attrs["height"]) for b in bars]
    assert heights == [40.0, 60.0]  # 2 and 3 documents, scaled to the taller


def test_results_show_title_link_date_source_badges_and_snippets(client):
    html = page(client, "/?q=offensive")
    hit = html.find("li", cls="hit")
    link = hit.find("h2", cls="hit-title").find("a")
    assert link.text() == "Rebels launch offensive towards Aleppo"
    # the document page keeps the search: its query is marked there, Back returns to it
    assert link.attrs["href"] == "/documents/reports/2024/aleppo-offensive?q=offensive"
    assert hit.find("time").attrs["datetime"] == "2024-11-28"
    assert hit.find("time").text() == "28 Nov 2024"
    assert hit.find(cls="hit-source").text() == "Levant Wire"
    badges = [(a.text(), query(a.attrs["href"])) for a in hit.find_all("a", cls="badge")]
    assert badges == [
        (HTS, [("q", "offensive"), ("actor", HTS)]),
        (ARMY, [("q", "offensive"), ("actor", ARMY)]),
        ("Aleppo", [("q", "offensive"), ("place", "Aleppo")]),
        ("Idlib", [("q", "offensive"), ("place", "Idlib")]),
        ("Syria", [("q", "offensive"), ("country", "Syria")]),  # the country of its places
        ("2024-11-27", [("q", "offensive"), ("date", "2024-11-27")]),
    ]
    snippets = hit.find_all("p", cls="snippet")
    assert snippets and any(m.text().lower() == "offensive" for s in snippets
                            for m in s.find_all("mark"))


def test_pagination_and_export_links_keep_the_search(client):
    html = page(client, "/?" + urlencode({"actor": ARMY, "size": 2, "page": 2, "sort": "oldest"}))
    nav = html.find("nav", cls="pagination")
    assert nav.find("span", cls="page-current").text() == "2"
    assert dict(query(nav.find("a", rel="prev").attrs["href"])) == {
        "actor": ARMY, "size": "2", "sort": "oldest"}
    assert dict(query(nav.find("a", rel="next").attrs["href"])) == {
        "actor": ARMY, "size": "2", "sort": "oldest", "page": "3"}
    assert [a.text() for a in nav.find_all("a") if "aria-label" in a.attrs] == ["1", "3"]
    assert html.find(cls="result-range").text() == "Showing 3–4"
    export = {a.text(): a.attrs["href"] for a in html.find(cls="export").find_all("a")}
    assert export["CSV"].startswith("/api/export?")
    assert dict(query(export["CSV"])) == {"format": "csv", "actor": ARMY, "sort": "oldest"}
    assert dict(query(export["JSON lines"]))["format"] == "jsonl"


def test_more_link_raises_facet_size_and_filter_box_narrows_a_facet(client):
    html = page(client, "/?facet_size=2")
    more = html.find("section", id="facet-actor").find("a", cls="facet-more")
    assert dict(query(more.attrs["href"].partition("#")[0])) == {"facet_size": "100"}
    html = page(client, "/?" + urlencode({"q": "army", "actor_prefix": "hay"}))
    section = html.find("section", id="facet-actor")
    assert section.find("input", id="filter-actor").attrs["value"] == "hay"
    assert [li.find(cls="facet-name").text() for li in section.find_all("li", cls="facet-value")] == [HTS]
    assert len(html.find("section", id="facet-place").find_all("li", cls="facet-value")) > 1


def test_suggestion_links_to_the_corrected_query(client):
    api = client.get("/api/search", params={"q": "aleppoo", "actor": ARMY}).json()
    assert api["total"] == 0 and api["suggestion"] == "aleppo"
    link = page(client, "/?" + urlencode({"q": "aleppoo", "actor": ARMY})).find(
        "p", cls="suggestion").find("a")
    assert (link.text(), query(link.attrs["href"])) == ("aleppo", [("actor", ARMY), ("q", "aleppo")])


def test_document_page_links_every_mention_to_a_filtered_search(client):
    html = page(client, document_href("reports/2024/aleppo-offensive"))
    assert html.find("h1", id="doc-title").text() == "Rebels launch offensive towards Aleppo"
    text = html.find(cls="document-text")
    mentions = [(a.text(), a.attrs["class"], query(a.attrs["href"])) for a in text.find_all("a")]
    assert mentions == [
        ("Hayat Tahrir al-Sham", "mention mention-actor", [("actor", HTS)]),
        ("Syrian Army", "mention mention-actor", [("actor", ARMY)]),
        ("Aleppo", "mention mention-place", [("place", "Aleppo")]),
        ("27 November", "mention mention-date", [("date", "2024-11-27")]),
        ("Idlib", "mention mention-place", [("place", "Idlib")]),
    ]
    assert [p.text() for p in text.find_all("p")] == [
        "Fighters of Hayat Tahrir al-Sham attacked positions of the Syrian Army west of Aleppo on "
        "27 November.", "The offensive started from Idlib province, residents said."]
    meta = html.find("dl", cls="meta")
    pairs = dict(zip([dt.text() for dt in meta.find_all("dt")],
                     [dd.text() for dd in meta.find_all("dd")], strict=True))
    assert pairs == {"Id": "reports/2024/aleppo-offensive", "Published": "28 Nov 2024",
                     "Source": "Levant Wire", "Original": "https://example.org/aleppo-offensive"}
    places = [a.text() for a in html.find_all("ul", cls="facet-links")[1].find_all("a")]
    assert places == ["Aleppo · Syria", "Idlib · Syria"]
    similar = html.find("ul", cls="similar").find_all("a")
    assert similar and all(a.attrs["href"].startswith("/documents/") for a in similar)
    assert "/documents/reports/2024/aleppo-offensive" not in [a.attrs["href"] for a in similar]


def test_page_errors_are_html_pages_with_the_right_status(client, empty_client):
    html = page(client, "/documents/reports/nope", 404)
    assert html.find(cls="error-message").text() == "no document with id 'reports/nope'"
    html = page(client, "/no/such/page", 404)
    assert html.find("h1", id="error-title").text() == "Not found"
    html = page(client, "/?" + urlencode({"q": '"unbalanced', "page": "1"}), 400)
    assert html.find(cls="error-message").attrs["data-code"] == "invalid_query"
    assert html.find("h1", id="error-title").text() == "Query not understood"
    assert html.find("input", id="q").attrs["value"] == '"unbalanced'
    html = page(client, "/?page=0", 400)
    assert html.find(cls="error-message").attrs["data-code"] == "invalid_parameter"
    html = page(empty_client, "/", 503)
    assert "index samples/" in html.find("pre").text()


def test_static_files_are_served_locally(client):
    html = page(client, "/")
    assets = [el.attrs.get("href") or el.attrs.get("src")
              for el in html.iter() if el.tag in ("link", "script")
              and el.attrs.get("rel") != "alternate"]  # the search's feed is not an asset
    assert assets == ["/static/favicon.svg", "/static/app.css", "/static/app.js"]
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200 and response.content
    assert client.get("/favicon.ico", follow_redirects=False).headers["location"] == (
        "/static/favicon.svg")


def test_boilerplate_values_are_hidden_behind_a_link_that_shows_them(tmp_path):
    from datetime import date

    from conftest import make_client
    from web_corpus import Article, build_index

    articles = [Article(id=f"p{i}", title=f"Story {i}", published=date(2024, 1, i + 1),
                        source="Daily Planet",
                        text=f"Story {i}: Lex Luthor told the Daily Planet he said on Twitter "
                             "that he would stay.",
                        actors={"Lex Luthor": "Lex Luthor", "Daily Planet": "Daily Planet",
                                "Twitter": "Twitter"})
                for i in range(12)]
    with make_client(build_index(tmp_path, articles)) as client:
        hidden = client.get("/").text
        assert "Lex Luthor" in hidden and 'value="Twitter"' not in hidden
        assert 'href="/?boilerplate=show#facet-actor">Show 2 credit-line/platform values' in hidden
        shown = client.get("/?boilerplate=show").text
        assert 'value="Twitter"' in shown and shown.count("(credit/platform)") == 2
        assert 'href="/#facet-actor">Hide credit-line/platform values' in shown
