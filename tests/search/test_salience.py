"""Salience: central values from title, lead and mention count; "about" filters on entities."""

from __future__ import annotations

import pytest

from search import SearchRequest, open_index, search
from search.errors import InvalidRequest
from search.salience import central_values, lead_end, salience

TEXT = ("Monday, May 6, 2024\n\n"
        "Talks in Geneva between Syria and Turkey ended without a deal on Monday, officials said.\n\n"
        "The United States, which hosted a first round, said Syria would return. Syria's envoy "
        "agreed. Syria, Syria.")


def mentions_of(text: str, facet: str, *values: str) -> list[list]:
    found = []
    for value in values:
        start = text.find(value)
        while start >= 0:
            found.append([start, start + len(value), facet, value])
            start = text.find(value, start + 1)
    return sorted(found)


def test_the_lead_is_the_first_paragraph_after_a_dateline():
    lead = TEXT[:lead_end(TEXT)]
    assert lead.startswith("Monday, May 6, 2024\n\nTalks in Geneva")
    assert lead.endswith("officials said.")
    assert lead_end("one paragraph only") == len("one paragraph only")


def test_points_come_from_title_lead_and_mentions():
    mentions = mentions_of(TEXT, "place", "Geneva", "Syria", "Turkey", "United States")
    points = salience("Syria talks end", TEXT, mentions, "place")
    assert points == {"Geneva": 3, "Syria": 3 + 2 + 5, "Turkey": 3, "United States": 1}
    assert central_values("Syria talks end", TEXT, mentions, "place") == ["Syria"]


def about_doc(i: int, title: str, text: str, actors=(), places=()) -> dict:
    return {"id": f"s{i}", "title": title, "text": text, "actor": list(actors),
            "place": list(places),
            "mentions": [[m[0], m[1], text[m[0]:m[1]], m[2], m[3]]
                         for m in mentions_of(text, "actor", *actors)
                         + mentions_of(text, "place", *places)]}


ABOUT_DOCS = [
        about_doc(1, "Trump visits Ohio", "Donald Trump spoke in Ohio, the United States, "
                  "on Monday to a large crowd of supporters gathered there.\n\nOhio voted, as the "
                  "United States watched.",
                  ["Donald Trump"], ["Ohio", "United States"]),
        about_doc(2, "Trump in Paris", "Donald Trump met leaders in Paris on Monday for talks "
                  "about trade and security in Europe.\n\nParis was calm. Paris, Paris.\n\n"
                  "Back in the United States, reaction was muted.",
                  ["Donald Trump"], ["Paris", "United States"]),
        about_doc(3, "Election in the US", "The United States holds an election today across "
                  "every state, with turnout expected to be high.\n\nThe United States votes.",
                  [], ["United States"]),
]


def test_about_filters_keep_or_drop_documents_an_entity_is_central_to(make_backend):
    backend = make_backend(ABOUT_DOCS)
    total = lambda **p: backend.search(SearchRequest.from_params(p)).total  # noqa: E731
    assert total(actor="Donald Trump", not_place="United States") == 0
    assert total(actor="Donald Trump", not_about_place="United States") == 1
    assert total(about_place="United States") == 2
    assert total(about_actor="Donald Trump") == 2


@pytest.mark.differs("typesense", "filters match the values documents were enriched with: "
                     "no corpus-wide entity table maps an alias such as US to its entity")
def test_about_filters_take_an_alias_of_the_entity(make_backend):
    backend = make_backend(ABOUT_DOCS)
    assert backend.search(SearchRequest.from_params({"about_place": "US"})).total == 2


def test_about_filters_need_an_index_with_salience(make_index):
    ix = open_index(make_index([about_doc(1, "x", "y")]))
    ix.generation().central.clear()
    with pytest.raises(InvalidRequest, match="about_place"):
        search(ix, SearchRequest.from_params({"about_place": "Ohio"}))


def test_a_title_may_name_a_value_by_another_spelling():
    text = "The envoy of the United States left on Monday."
    mentions = mentions_of(text, "place", "United States")
    assert salience("U.S. envoy leaves", text, mentions, "place") == {"United States": 3 + 2 + 1}
    assert salience("Envoy leaves", text, mentions, "place") == {"United States": 2 + 1}


def test_the_cli_takes_about_filters(make_index):
    import argparse
    import io

    from indexer.cli_search import configure, run

    text = ("Ohio voters went to the polls on Monday in a closely watched primary race "
            "across the state.\n\nOhio results come tonight.")
    index = make_index([about_doc(1, "Ohio votes", text, places=["Ohio"]),
                        about_doc(2, "Other news", "Nothing about places here at all, "
                                  "only a long enough first paragraph.\n\nThen Ohio.",
                                  places=["Ohio"])])
    parser = argparse.ArgumentParser()
    parser.add_argument("--index")
    configure(parser)
    for option, first_line in (("--about-place", "1 documents, showing 1-1"),
                               ("--not-about-place", "1 documents, showing 1-1")):
        out = io.StringIO()
        assert run(parser.parse_args(["--index", str(index), option, "Ohio"]), out) == 0
        assert out.getvalue().splitlines()[0].replace("1 document,", "1 documents,") == first_line
        assert ("Ohio votes" in out.getvalue()) == (option == "--about-place")
