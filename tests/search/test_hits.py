"""Hits: sorting, paging, stored fields and highlighted snippets."""

from __future__ import annotations

from datetime import date

import pytest

from search.errors import InvalidRequest
from search.highlight import Highlighter, opening
from search.model import Hit, SearchRequest


def run(backend, **params):
    return backend.search(SearchRequest.from_params(params))


def order(result) -> list[str]:
    return [hit.id for hit in result.hits]


def test_newest_and_oldest_put_undated_documents_last(backend):
    assert order(run(backend, sort="newest")) == ["d7", "d2", "d1", "d3", "d5", "d4", "d6"]
    assert order(run(backend, sort="oldest")) == ["d4", "d5", "d3", "d1", "d2", "d7", "d6"]


def test_empty_query_ranks_newest_first(backend):
    result = run(backend)
    assert order(result) == ["d7", "d2", "d1", "d3", "d5", "d4", "d6"]
    assert {hit.score for hit in result.hits} == {None}


@pytest.mark.differs("typesense", "ranks by its own text-match score (matched tokens, "
                     "field order), not BM25F: the same documents match in another order")
def test_relevance_ranks_by_bm25f(backend):
    assert order(run(backend, q="aleppo")) == ["d1", "d7", "d6"]


def test_date_sorts_of_a_text_query(backend):
    assert order(run(backend, q="aleppo", sort="oldest")) == ["d1", "d7", "d6"]
    assert order(run(backend, q="aleppo", sort="newest")) == ["d7", "d1", "d6"]


def test_pages(backend):
    assert order(run(backend, sort="newest", size="3")) == ["d7", "d2", "d1"]
    assert order(run(backend, sort="newest", size="3", page="2")) == ["d3", "d5", "d4"]
    last = run(backend, sort="newest", size="3", page="3")
    assert (order(last), last.total) == (["d6"], 7)


def test_page_past_the_end_is_empty_and_keeps_the_total(backend):
    result = run(backend, q="aleppo", page="9")
    assert (result.hits, result.total) == ([], 3)
    assert result.facets["place"].values[0].count == 3


def test_size_zero_is_refused(backend):
    with pytest.raises(InvalidRequest, match="size must be 1 or more"):
        run(backend, size="0")


def test_size_is_clamped_to_the_maximum(backend):
    assert run(backend, size="5000").request.size == 100


def test_hit_fields(backend):
    hit = run(backend, q="leaflet").hits[0]
    assert hit == Hit(
        id="d5", title="Protest crackdown", published=date(2013, 6, 1), source="Reuters",
        url="https://example.org/d5", score=hit.score,
        snippets=["Security forces dispersed a protest in Istanbul. A <mark>leaflet</mark> "
                  "said &lt;script&gt;alert(1)&lt;/script&gt; &amp; more."],
        actor=["PKK"], place=["Istanbul"], date=["2013-05-31"], country=["Turkey"])
    assert hit.score > 0


def test_markup_in_a_query_is_never_echoed_into_snippets(backend):
    hit = run(backend, q="<script>").hits[0]
    assert hit.snippets == [
        "Security forces dispersed a protest in Istanbul. A leaflet said "
        "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; &amp; more."]
    hit = run(backend, q='"<b>protest</b>"', sort="oldest").hits[0]
    assert hit.snippets == [
        "Security forces dispersed a <mark>protest</mark> in Istanbul. A leaflet said "
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more."]


def test_stemmed_and_accented_words_are_marked(backend):
    assert run(backend, q="protest").hits[0].snippets == [
        "Thousands of <mark>protesters</mark> gathered in Aleppo on Friday. Police watched "
        "the crowd."]
    assert run(backend, q="ocalan").hits[0].snippets == [
        "Abdullah <mark>Öcalan</mark> issued a statement from İmralı prison about the PKK."]
    assert run(backend, q="imrali").hits[0].snippets == [
        "Abdullah Öcalan issued a statement from <mark>İmralı</mark> prison about the PKK."]


def test_excluded_words_are_not_marked(backend):
    assert run(backend, q="police NOT geneva").hits[0].snippets == [
        "Thousands of protesters gathered in Aleppo on Friday. <mark>Police</mark> watched "
        "the crowd."]


def test_filter_only_search_shows_the_opening(backend):
    assert run(backend, actor="Bashar al-Assad", sort="oldest").hits[0].snippets == [
        "Voters in Damascus went to the polls. Bashar al-Assad claimed victory."]


def test_title_only_match_shows_the_opening(backend):
    assert run(backend, q="crackdown").hits[0].snippets == [
        "Security forces dispersed a protest in Istanbul. A leaflet said "
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more."]


def words(analyzed: str):
    return [w.lower().rstrip("s") for w in analyzed.split()]


def test_long_document_gets_fragments_around_its_matches():
    text = ("Filler words about nothing. " * 3000 + "The convoy reached the river. "
            + "More filler here. " * 2000 + "A second convoy left.")
    snippets = Highlighter({"convoy"}, words).snippets(text)
    assert len(text) > 100_000
    assert len(snippets) == 2
    assert snippets[0].startswith("…") and snippets[0].endswith("…")
    assert "The <mark>convoy</mark> reached the river." in snippets[0]
    assert snippets[1].endswith("A second <mark>convoy</mark> left.")
    assert all(len(s) < 300 for s in snippets)


def test_at_most_three_fragments_best_first_in_text_order():
    text = " ".join(f"Part {i}: alpha and some words." + " pad" * 60 for i in range(6))
    text += " Finale: alpha beta together."
    snippets = Highlighter({"alpha", "beta"}, words).snippets(text)
    assert len(snippets) == 3
    assert snippets[0].startswith("Part 0: <mark>alpha</mark>")
    assert "Finale: <mark>alpha</mark> <mark>beta</mark> together." in snippets[2]


@pytest.mark.parametrize(("text", "expected"), [
    ("Short text.", "Short text."),
    ("", ""),
    ("First sentence is here. " * 20, "First sentence is here. " * 10),
])
def test_opening(text, expected):
    assert opening(text) == expected.strip()


def test_long_non_ascii_document_folds_accents_and_case():
    from search.schema import text_analyzer

    analyzer = text_analyzer()
    text = "Ümit and Çağlar wrote at length. " * 3000 + "Then ÖCALAN spoke in İmralı."
    highlighter = Highlighter({"ocalan", "imrali"}, lambda w: [t.text for t in analyzer(w)])
    assert highlighter.snippets(text) == [
        "…Ümit and Çağlar wrote at length. Ümit and Çağlar wrote at length. Ümit and "
        "Çağlar wrote at length. Then <mark>ÖCALAN</mark> spoke in <mark>İmralı</mark>."]


SPLIT_DOCS = [
    {"id": "s1", "title": "Camp", "text": "Aid reached the brotrou camp.", "actor": ["Alpha"]},
    {"id": "s2", "title": "Road", "text": "The bro road and the trou bridge.", "actor": ["Beta"]},
    {"id": "s3", "title": "Rou", "text": "The brout road and the rou bridge.", "actor": ["Beta"]},
    {"id": "s4", "title": "Brot", "text": "The brot road, the b and the brotr and the o.",
     "actor": ["Beta"]},
]


def test_a_word_missing_under_the_filters_matches_nothing_not_a_split_of_it(make_backend):
    # Typesense, by default, splits a query word that finds nothing into two ("bro trou")
    backend = make_backend(SPLIT_DOCS)
    assert order(run(backend, q="brotrou")) == ["s1"]
    assert run(backend, q="brotrou", actor="Beta").total == 0
    assert order(run(backend, q="bro trou")) == ["s2"]
