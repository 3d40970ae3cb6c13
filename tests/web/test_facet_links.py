"""Counts that never mislead, through the API and the page (the search-level version is
tests/search/test_facet_clicks.py): a value's own link finds its count; countries too."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from html_tree import parse_html
from web_corpus import ARMY, HTS, SYRIA

STATES = [
    [],
    [("q", "aleppo")],
    [("actor", HTS), ("actor", ARMY), ("not_place", "Idlib")],  # the shape
    [("not_country", SYRIA)],
    [("country", SYRIA), ("not_actor", ARMY), ("not_date", "2024-11")],
]
FACETS = ("actor", "place", "date", "country")


def api(client, query: str | list) -> dict:
    query = urlencode(query) if isinstance(query, list) else query
    response = client.get(f"/api/search?{query}&facet_size=100")
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("state", STATES, ids=[urlencode(s) for s in STATES])
def test_following_a_value_finds_its_count(client, state):
    checked = 0
    for facet in FACETS:
        own_dropped = [(k, v) for k, v in state if k != facet]
        for value in api(client, own_dropped)["facets"][facet]["values"]:
            assert api(client, value["toggle"])["total"] == value["count"], (facet, value)
            checked += 1
    assert checked > 3


def test_the_page_shows_the_api_counts_with_selected_values_first(client):
    state = [("actor", ARMY), ("not_place", "Idlib")]
    body = api(client, state)
    html = parse_html(client.get("/?" + urlencode([*state, ("facet_size", "100")])).text)
    for facet in FACETS:
        section = html.find("section", id=f"facet-{facet}")
        rows = [li.find(cls="facet-count").text() for li in section.find_all("li", cls="facet-value")]
        expected = ["excluded" if v["excluded"] else str(v["count"])
                    for v in body["facets"][facet]["values"]]
        assert rows == expected
    first = html.find("section", id="facet-actor").find_all("li", cls="facet-value")[0]
    assert "is-selected" in first.classes and first.find(cls="facet-name").text() == ARMY


def test_country_facet_in_the_api_hits_and_sidebar(client):
    body = api(client, [("q", "doha")])
    assert {v["value"]: v["count"] for v in body["facets"]["country"]["values"]} == {"Qatar": 1}
    assert [hit["country"] for hit in body["hits"]] == [["Qatar"]]
    values = client.get("/api/facets/country", params={"prefix": "sy"}).json()
    assert [(v["value"], v["count"]) for v in values["values"]] == [(SYRIA, 5)]
    assert api(client, [("country", SYRIA)])["total"] == 5
    html = parse_html(client.get("/?q=doha").text)
    titles = [h.text() for h in html.find_all("h2", cls="facet-title")]
    assert titles == ["Actors", "Places", "Countries", "Dates mentioned"]
    country = html.find("section", id="facet-country")
    assert country.find("input", type="checkbox").attrs["value"] == "Qatar"


def test_a_query_naming_a_facet_value_offers_its_filter_on_the_page(client):
    body = api(client, [("q", "doha")])
    assert [(o["facet"], o["value"], o["count"]) for o in body["filter_offers"]] == [
        ("place", "Doha", 1)]
    html = parse_html(client.get("/?q=doha").text)
    link = html.find("a", cls="filter-offer")
    assert link.attrs["href"] == "/?q=doha&place=Doha"
    assert api(client, link.attrs["href"][2:])["total"] == 1
