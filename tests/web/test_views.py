"""/api/standout and /standout: what stands out in a search, as JSON and as a page."""

from __future__ import annotations


def test_api_standout_lists_unusual_values_with_evidence(client):
    body = client.get("/api/standout", params={"q": "rebels", "min_count": "2"}).json()
    assert body["total"] == 3 and body["documents"] == 8
    actors = {v["value"]: (v["count"], v["corpus"]) for v in body["facets"]["actor"]}
    assert actors == {"Hayat Tahrir al-Sham": (3, 4), "Syrian Army": (3, 5)}
    scores = [v["score"] for v in body["facets"]["actor"]]
    assert scores == sorted(scores, reverse=True)
    assert body["query"]["q"] == "rebels"


def test_api_standout_leaves_out_what_is_filtered_and_rejects_bad_min_count(client):
    body = client.get("/api/standout", params={"q": "rebels", "min_count": "2",
                                               "actor": "Syrian Army"}).json()
    assert "Syrian Army" not in [v["value"] for v in body["facets"]["actor"]]
    bad = client.get("/api/standout", params={"q": "rebels", "min_count": "0"})
    assert bad.status_code == 400 and "min_count" in bad.json()["error"]["message"]


def test_standout_page_links_each_value_to_the_narrowed_search(client):
    page = client.get("/standout", params={"q": "rebels", "min_count": "2"})
    assert page.status_code == 200
    assert "What stands out in these 3 results" in page.text
    assert 'href="/?q=rebels&amp;actor=Hayat+Tahrir+al-Sham"' in page.text
    assert 'href="/?q=rebels"' in page.text  # back to the results


def test_search_page_links_to_what_stands_out(client):
    assert 'href="/standout?q=aleppo"' in client.get("/", params={"q": "aleppo"}).text
    assert "/standout?" not in client.get("/").text  # the whole index: nothing to compare


def test_mentioned_timeline_bars_count_what_their_click_finds(client):
    for q in ("", "aleppo", "rebels OR army"):
        body = client.get("/api/search", params={"q": q}).json()
        mentioned = body["mentioned_timeline"]
        bars = [b for b in mentioned["buckets"] if b["count"]]
        assert bars, q
        for bar in bars:
            narrowed = client.get("/api/search", params={"q": q, "date": bar["period"]}).json()
            assert narrowed["total"] == bar["count"], (q, bar)


def test_search_page_shows_both_timelines(client):
    page = client.get("/", params={"q": "aleppo"}).text
    assert "Published per" in page and "(when it was reported)" in page
    assert "Dates mentioned per" in page and "(when it happened)" in page
    assert 'aria-labelledby="mentioned-caption"' in page
    assert 'href="/?q=aleppo&amp;date=2024-11' in page  # a bar adds its period as a date filter


def test_entity_page_shows_aliases_timelines_and_what_goes_with_it(client):
    page = client.get("/entities/actor/Syrian Army")
    assert page.status_code == 200
    assert "<h1 id=\"entity-title\">Syrian Army</h1>" in page.text
    assert "Unusually often beside Syrian Army" in page.text
    assert 'href="/?actor=Syrian+Army&amp;sort=newest&amp;size=5"' in page.text
    body = client.get("/entities/actor/Syrian Army", params={"format": "json"}).json()
    assert body["name"] == "Syrian Army"
    documents = client.get("/api/search", params={"actor": "Syrian Army"}).json()["total"]
    assert body["documents"] == documents
    for facet, values in body["associated"].items():
        for value in values:  # each association counts the documents having both
            link = page.text.split(f">{value['label']}</a>")[0].rsplit('href="', 1)[1]
            both = client.get("/api" + link.split('"')[0].replace("&amp;", "&").replace("/?", "/search?"))
            assert both.json()["total"] == value["count"], (facet, value, link)
    assert client.get("/entities/actor/Nobody at all").status_code == 404
    assert client.get("/entities/date/2024").status_code == 404


def test_facet_values_link_to_their_entity_page(client):
    page = client.get("/", params={"q": "aleppo"}).text
    assert 'class="facet-entity" href="/entities/actor/Syrian%20Army"' in page
