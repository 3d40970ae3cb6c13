"""Acronyms that are also common words ("US", "WHO", "IT", "AND") are searchable as written."""

from __future__ import annotations

from datetime import date

import pytest

from search.acronyms import acronym_words, is_acronym
from search.engine import search
from search.index import open_index
from search.model import SearchRequest
from search.schema import text_analyzer

DOCS = [
    {"id": "a1", "title": "US troops leave Syria",
     "text": "US troops crossed the border. Officials told us nothing.",
     "published": date(2024, 1, 1), "place": ["United States", "Syria"],
     "countries": {"United States": "United States", "Syria": "Syria"},
     "mentions": [[0, 2, "US", "place", "United States"]]},
    {"id": "a2", "title": "Let us talk",
     "text": "Let us talk about who decides and why troops stay.",
     "published": date(2024, 1, 2)},
    {"id": "a3", "title": "WHO warns of outbreak",
     "text": "The WHO said the outbreak spread. IT systems failed AND nobody knew who to call.",
     "published": date(2024, 1, 3), "actor": ["World Health Organization"],
     "mentions": [[4, 7, "WHO", "actor", "World Health Organization"]]},
    {"id": "a4", "title": "WHO ARE THEY",
     "text": "A shouted headline, then quiet text about it.",
     "published": date(2024, 1, 4)},
]


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    from search_corpus import write_generation
    return open_index(write_generation(tmp_path_factory.mktemp("acronyms"), DOCS))


def ids(ix, q: str) -> list[str]:
    return sorted(h.id for h in search(ix, SearchRequest.from_params({"q": q})).hits)


def terms(text: str) -> list[str]:
    return [t.text for t in text_analyzer()(text)]


def test_acronyms_keep_their_capitals_and_common_words_do_not():
    assert terms("US troops; let us go") == ["US", "troop", "let", "go"]
    assert terms("WHO said who") == ["WHO", "said", "who"]
    assert terms("IT and AND") == ["IT", "AND"]


def test_a_run_of_capitals_is_words_not_acronyms():
    assert terms("WHO ARE THEY") == ["WHO", "thei"]
    assert not is_acronym("ARE", previous_in_capitals=True)


def test_word_list_is_data_with_the_stop_words():
    assert {"who", "us", "it", "and"} <= acronym_words()


@pytest.mark.parametrize(("q", "expected"), [
    ("US", ["a1"]),               # was "nothing to search for"
    ('"US troops"', ["a1"]),      # was silently "troops"
    ("troops", ["a1", "a2"]),
    ("WHO", ["a3", "a4"]),        # the acronym, not every "who"
    ("who", ["a2", "a3"]),        # the word, as before
    ("IT", ["a3"]),
    ('"AND"', ["a3"]),            # AND as a name needs quotes (bare, it is the operator)
    ('"WHO said"', ["a3"]),
])
def test_acronym_queries(ix, q, expected):
    assert ids(ix, q) == expected


def test_a_lower_case_stop_word_alone_is_still_nothing_to_search_for(ix):
    from search.errors import InvalidQuery
    with pytest.raises(InvalidQuery, match="nothing to search for"):
        ids(ix, "us")


def test_the_acronym_is_highlighted_and_not_the_word(ix):
    hit = search(ix, SearchRequest.from_params({"q": "US"})).hits[0]
    assert hit.snippets == ["<mark>US</mark> troops crossed the border. Officials told us nothing."]


def offers(ix, **params) -> list[tuple]:
    result = search(ix, SearchRequest.from_params(params))
    return [(o.facet, o.value, o.count, o.toggle) for o in result.filter_offers]


def test_a_word_written_as_an_entity_offers_its_filter(ix):
    # "US" is no facet value: the stored mention of the first match says what it became
    assert offers(ix, q="US") == [("place", "United States", 1, "q=US&place=United+States")]
    assert offers(ix, q="WHO") == [
        ("actor", "World Health Organization", 1, "q=WHO&actor=World+Health+Organization")]


def test_a_facet_value_named_in_the_query_is_offered_with_the_count_of_its_link(ix):
    found = offers(ix, q="troops syria")
    assert found == [("place", "Syria", 1, "q=troops+syria&place=Syria"),
                     ("country", "Syria", 1, "q=troops+syria&country=Syria")]
    for _, _, count, link in found:
        from urllib.parse import parse_qs
        assert search(ix, SearchRequest.from_params(parse_qs(link))).total == count


def test_no_offer_for_common_words_or_selected_values(ix):
    assert offers(ix, q="who") == []
    assert offers(ix, q="US", place="United States") == []


def test_the_cli_prints_the_offer(tmp_path):
    import argparse
    import io

    from search_corpus import write_generation

    from indexer.cli_search import configure, run
    index_dir = write_generation(tmp_path / "ix", DOCS)
    parser = argparse.ArgumentParser()
    parser.add_argument("--index")
    configure(parser)
    out = io.StringIO()
    assert run(parser.parse_args(["--index", str(index_dir), "US"]), out) == 0
    assert "Filter by: --place 'United States' (1)\n" in out.getvalue()
