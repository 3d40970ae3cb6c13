"""Context kept: the document page keeps the search (query marked, match to match, Back to
the results), the error page keeps the filters, and empty parameters leave the URL."""

from __future__ import annotations

from urllib.parse import urlencode

from html_tree import parse_html
from web_corpus import ARMY, HTS

from web.links import document_href

DOC = "reports/2024/aleppo-offensive"


def html_of(client, url: str, status: int = 200):
    response = client.get(url, follow_redirects=False)
    assert response.status_code == status, response.text[:300]
    return parse_html(response.text)


def back_link(html) -> str:
    return html.find("p", cls="back").find("a").attrs["href"]


def test_the_document_page_marks_the_query_and_steps_from_match_to_match(client):
    search = [("q", "aleppo OR offensive"), ("actor", HTS), ("page", "2")]
    html = html_of(client, document_href(DOC, search))
    marks = html.find_all("mark", cls="match")
    assert [m.attrs["id"] for m in marks] == [f"match-{n}" for n in range(1, len(marks) + 1)]
    assert [m.text() for m in marks] == ["Aleppo", "offensive"]
    nav = html.find("nav", cls="match-nav")
    assert f"{len(marks)} matches for" in nav.text()
    assert nav.find("a", cls="match-next").attrs["href"] == "#match-1"
    assert nav.find("a", cls="match-prev").attrs["href"] == f"#match-{len(marks)}"
    assert back_link(html) == "/?" + urlencode(search)
    assert html.find("input", id="q").attrs["value"] == "aleppo OR offensive"


def test_the_api_document_lists_the_matches(client):
    body = client.get(f"/api/documents/{DOC}", params={"q": "aleppo"}).json()
    assert body["matches"] and all(
        body["text"][start:end].lower() == "aleppo" for start, end in body["matches"])
    assert client.get(f"/api/documents/{DOC}").json()["matches"] == []
    bad = client.get(f"/api/documents/{DOC}", params={"q": '"aleppo'})
    assert bad.status_code == 400


def test_a_match_inside_an_entity_mention_is_marked_inside_its_link(client):
    html = html_of(client, document_href(DOC, [("q", "Aleppo")]))
    linked = [a for a in html.find_all("a", cls="mention") if a.find_all("mark")]
    assert linked and all(a.find("mark").text() == "Aleppo" for a in linked)


def test_without_a_query_the_document_page_is_as_before(client):
    html = html_of(client, document_href(DOC))
    assert html.find_all("mark") == [] and html.find_all("nav", cls="match-nav") == []
    assert back_link(html) == "/"


def test_the_error_page_keeps_the_filters(client):
    params = [("q", '"unclosed'), ("actor", ARMY), ("not_place", "Idlib"), ("sort", "newest")]
    html = html_of(client, "/?" + urlencode(params), status=400)
    form = html.find("form", cls="query-form")
    hidden = [(i.attrs["name"], i.attrs["value"]) for i in form.find_all("input", type="hidden")]
    assert hidden == params[1:]
    chips = html.find_all("li", cls="chip")
    assert [c.find(cls="chip-value").text() for c in chips] == [ARMY, "Idlib"]
    remove = chips[0].find("a", cls="chip-remove").attrs["href"]
    assert remove == "/?" + urlencode([params[2], params[3], params[0]])


def test_a_bad_filter_can_be_removed_from_the_error_page(client):
    html = html_of(client, "/?" + urlencode([("q", "aleppo"), ("from", "yesterday")]), status=400)
    chip = html.find("li", cls="chip")
    assert chip.find(cls="chip-value").text() == "yesterday"
    assert chip.find("a", cls="chip-remove").attrs["href"] == "/?q=aleppo"


def test_empty_parameters_leave_the_url(client):
    response = client.get("/?q=aleppo&actor_prefix=&place_prefix=&actor=" + HTS.replace(" ", "+")
                          + "&date_prefix=", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == "/?" + urlencode([("q", "aleppo"), ("actor", HTS)])
    assert client.get(response.headers["location"], follow_redirects=False).status_code == 200


def test_the_document_page_steps_to_the_previous_and_next_result_across_pages(client):
    search = [("q", "aleppo OR hama"), ("sort", "newest"), ("size", "2")]
    body = client.get("/api/search", params={**dict(search), "size": "100"}).json()
    order = [h["id"] for h in body["hits"]]
    assert len(order) >= 3
    # open the second result (last of page 1) and walk forward through every result
    href = document_href(order[1], search)
    seen = [order[1]]
    while True:
        html = html_of(client, href)
        nav = html.find("nav", cls="result-steps")
        assert nav.find(cls="result-position").text() == f"Result {len(seen) + 1} of {len(order)}"
        nexts = nav.find_all("a", cls="result-next")
        if not nexts:
            break
        href = nexts[0].attrs["href"]
        seen.append(href.split("?")[0].removeprefix("/documents/"))
    assert seen == order[1:]
    last_page = (len(order) - 1) // 2 + 1  # Back from the last result: its page of results
    assert back_link(html) == "/?" + urlencode([*search[:2], ("page", str(last_page)), search[2]])
    html = html_of(client, document_href(order[1], search))
    prev = html.find("nav", cls="result-steps").find("a", cls="result-prev").attrs["href"]
    assert prev == document_href(order[0], search)
