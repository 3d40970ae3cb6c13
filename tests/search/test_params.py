"""SearchRequest.from_params / to_params and the toggle query strings."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.errors import InvalidRequest
from search.model import SearchRequest
from search.params import (
    echo,
    exclusion_toggled,
    flip_links,
    query_string,
    toggled,
    with_page,
    with_range,
)


def parse(**params) -> SearchRequest:
    return SearchRequest.from_params(params)


def test_defaults():
    assert SearchRequest.from_params({}) == SearchRequest()
    assert SearchRequest().to_params() == []
    assert SearchRequest().query_string() == ""


def test_every_parameter_is_read():
    req = SearchRequest.from_params({
        "q": "  protest  ", "actor": ["UN", "PKK"], "place": "Aleppo", "date": "2011",
        "not_actor": "Hamas", "not_place": ["Gaza"], "not_date": "2012-01", "country": "Syria",
        "not_country": "Iraq", "from": "2011-03", "to": "2012", "sort": "newest", "page": "3",
        "size": "50", "facet_size": "25", "timeline": "month", "unknown": "ignored"})
    assert req == SearchRequest(
        q="protest", actor=("UN", "PKK"), place=("Aleppo",), date=("2011",),
        not_actor=("Hamas",), not_place=("Gaza",), not_date=("2012-01",), country=("Syria",),
        not_country=("Iraq",), date_from=date(2011, 3, 1), date_to=date(2012, 12, 31),
        sort="newest", page=3, size=50, facet_size=25, timeline="month")


def test_to_params_round_trip_in_canonical_order():
    req = parse(q="a b", place="Aleppo", actor=["UN", "PKK"], to="2024-02", page="2",
                timeline="year", size="20")
    assert req.to_params() == [("q", "a b"), ("actor", "UN"), ("actor", "PKK"),
                               ("place", "Aleppo"), ("to", "2024-02-29"), ("page", "2"),
                               ("timeline", "year")]
    assert SearchRequest.from_params(_as_lists(req.to_params())) == req
    assert req.query_string() == (
        "q=a+b&actor=UN&actor=PKK&place=Aleppo&to=2024-02-29&page=2&timeline=year")


def _as_lists(pairs):
    params: dict[str, list[str]] = {}
    for name, value in pairs:
        params.setdefault(name, []).append(value)
    return params


@pytest.mark.parametrize(("given", "expected"), [
    ({"from": "2024"}, (date(2024, 1, 1), None)),
    ({"from": "2024-02"}, (date(2024, 2, 1), None)),
    ({"to": "2024-02"}, (None, date(2024, 2, 29))),
    ({"to": "2023-02"}, (None, date(2023, 2, 28))),
    ({"to": "2024-11"}, (None, date(2024, 11, 30))),
    ({"from": "2024-11-05", "to": "2024-11-05"}, (date(2024, 11, 5), date(2024, 11, 5))),
])
def test_publication_bounds(given, expected):
    req = SearchRequest.from_params(given)
    assert (req.date_from, req.date_to) == expected


def test_sizes_are_clamped():
    assert parse(size="1000", facet_size="500").size == 100
    assert parse(facet_size="500").facet_size == 100
    for name in ("size", "facet_size"):
        with pytest.raises(InvalidRequest, match=f"{name} must be 1 or more"):
            parse(**{name: "-4"})


def test_repeated_single_parameter_keeps_the_last_and_blank_values_are_dropped():
    req = SearchRequest.from_params({"sort": ["newest", "oldest"], "actor": ["", " UN ", "un"]})
    assert (req.sort, req.actor) == ("oldest", ("UN",))


@pytest.mark.parametrize(("given", "message"), [
    ({"page": "0"}, "page must be 1 or more (got 0)"),
    ({"page": "two"}, "page must be a whole number (got 'two')"),
    ({"size": "1.5"}, "size must be a whole number (got '1.5')"),
    ({"sort": "best"}, "sort must be one of relevance, newest, oldest (got 'best')"),
    ({"timeline": "week"}, "timeline must be one of day, month, year (got 'week')"),
    ({"from": "2024-13"}, "from: '2024-13' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ({"to": "yesterday"}, "to: 'yesterday' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ({"date": "2024-02-30"},
     "date: '2024-02-30' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ({"from": "2024-05", "to": "2024-01"}, "from (2024-05-01) is after to (2024-01-31)"),
    ({"actor": [f"a{i}" for i in range(101)]}, "actor: at most 100 values"),
])
def test_bad_parameters_name_the_parameter(given, message):
    with pytest.raises(InvalidRequest) as caught:
        SearchRequest.from_params(given)
    assert str(caught.value) == message


def test_timeline_auto_means_automatic():
    assert parse(timeline="auto").timeline is None


def test_toggles_reset_the_page_and_move_values_between_include_and_exclude():
    req = parse(q="x", actor="UN", not_place="Gaza", page="4")
    assert query_string(toggled(req, "actor", "un")) == "q=x&not_place=Gaza"
    assert query_string(toggled(req, "actor", "PKK")) == "q=x&actor=UN&actor=PKK&not_place=Gaza"
    assert query_string(toggled(req, "place", "Gaza")) == "q=x&actor=UN&place=Gaza"
    assert query_string(exclusion_toggled(req, "place", "Gaza")) == "q=x&actor=UN"
    assert query_string(exclusion_toggled(req, "actor", "UN")) == "q=x&not_actor=UN&not_place=Gaza"


def test_range_and_page_links():
    req = parse(q="x", page="3")
    assert query_string(with_range(req, date(2024, 1, 1), date(2024, 1, 31))) == (
        "q=x&from=2024-01-01&to=2024-01-31")
    assert query_string(with_page(req, 4)) == "q=x&page=4"


def test_echo_lists_every_parameter():
    assert echo(parse(q="x", actor="UN", to="2024")) == {
        "q": "x", "actor": ["UN"], "place": [], "date": [], "country": [], "not_actor": [],
        "not_place": [], "not_date": [], "not_country": [], "from": None, "to": "2024-12-31",
        "sort": "relevance", "page": 1, "size": 20, "facet_size": 10, "timeline": None,
        "boilerplate": "hide", "about_actor": [], "about_place": [], "not_about_actor": [],
        "not_about_place": []}


def test_has_filters():
    assert parse(q="x", sort="newest").has_filters is False
    assert parse(not_country="Iraq").has_filters is True
    assert parse(to="2024").has_filters is True


@pytest.mark.parametrize("name", ["actor", "place", "date", "country", "not_actor", "not_place",
                                  "not_date", "not_country", "about_actor", "about_place",
                                  "not_about_actor", "not_about_place"])
def test_every_facet_filter_counts_as_a_filter(name):
    assert parse(**{name: "Aleppo" if "date" not in name else "2019"}).has_filters is True


FLIP_NAMES = ["q", "actor", "place", "date", "country", "not_actor", "not_place", "not_date",
              "not_country", "about_actor", "not_about_place", "from", "to", "sort", "page",
              "size", "facet_size", "timeline", "boilerplate"]
FLIP_VALUES = st.sampled_from(["UN", "un", "Aleppo", "São Paulo", "a&b=c", "2011", "2012-03",
                               "newest", "3", "month", "show", "x y"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FLIP_NAMES), st.lists(FLIP_VALUES, max_size=3)),
       st.sampled_from(["actor", "place", "date", "country"]), FLIP_VALUES)
def test_flip_links_are_the_toggle_query_strings(params, facet, value):
    try:
        req = SearchRequest.from_params(params)
    except InvalidRequest:
        return
    assert flip_links(req, facet, value) == (query_string(toggled(req, facet, value)),
                                             query_string(exclusion_toggled(req, facet, value)))


def test_flip_links_of_a_value_already_chosen_take_it_out():
    req = parse(q="war", actor=["UN", "PKK"], not_place="Gaza", page="3")
    assert flip_links(req, "actor", "un") == ("q=war&actor=PKK&not_place=Gaza",
                                              "q=war&actor=PKK&not_actor=un&not_place=Gaza")
    assert flip_links(req, "place", "Aleppo") == (
        "q=war&actor=UN&actor=PKK&place=Aleppo&not_place=Gaza",
        "q=war&actor=UN&actor=PKK&not_place=Gaza&not_place=Aleppo")
