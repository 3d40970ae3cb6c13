"""Facet semantics on the hand-built corpus (counts listed in search_corpus.CORPUS)."""

from __future__ import annotations

from search.model import SearchRequest


def run(backend, **params):
    return backend.search(SearchRequest.from_params(params))


def ids(result) -> list[str]:
    return sorted(hit.id for hit in result.hits)


def counts(result, facet: str) -> list[tuple]:
    """(value, count) of a facet, with the flags spelled out when set."""
    rows = []
    for v in result.facets[facet].values:
        flags = ("selected",) * v.selected + ("excluded",) * v.excluded
        rows.append((v.value, v.count, *flags))
    return rows


def test_no_filter_counts_every_document(backend):
    result = run(backend)
    assert result.total == 7
    assert counts(result, "actor") == [
        ("UN", 3), ("Bashar al-Assad", 2), ("PKK", 2), ("Abdullah Öcalan", 1)]
    assert counts(result, "place") == [
        ("Aleppo", 3), ("Syria", 2), ("Damascus", 1), ("Geneva", 1), ("İmralı", 1),
        ("Istanbul", 1)]
    assert result.facets["actor"].truncated is False


def test_values_of_one_facet_are_ored(backend):
    result = run(backend, actor=["UN", "PKK"])
    assert ids(result) == ["d1", "d2", "d4", "d5", "d7"]


def test_facets_are_anded(backend):
    result = run(backend, actor="UN", place="Geneva")
    assert ids(result) == ["d2"]


def test_filter_values_match_case_insensitively(backend):
    assert ids(run(backend, actor="un", place="aLePpO")) == ["d1", "d7"]


def test_counts_are_disjunctive(backend):
    result = run(backend, actor="UN")
    assert result.total == 3
    # the actor facet ignores the actor filter: other actors keep their counts
    assert counts(result, "actor") == [
        ("UN", 3, "selected"), ("Bashar al-Assad", 2), ("PKK", 2), ("Abdullah Öcalan", 1)]
    # other facets count under the actor filter
    assert counts(result, "place") == [("Aleppo", 2), ("Syria", 2), ("Geneva", 1)]


def test_each_facet_applies_every_other_filter(backend):
    result = run(backend, actor="UN", place="Aleppo")
    assert ids(result) == ["d1", "d7"]
    assert counts(result, "actor") == [
        ("UN", 2, "selected"), ("Bashar al-Assad", 1)]  # under place=Aleppo only
    assert counts(result, "place") == [
        ("Aleppo", 2, "selected"), ("Syria", 2), ("Geneva", 1)]  # under actor=UN only


def test_selected_value_with_no_match_is_listed_with_zero(backend):
    result = run(backend, actor="UN", place="Damascus")
    assert result.total == 0
    assert result.hits == []
    # selected values are pinned at the top of their facet, whatever their count
    assert counts(result, "actor") == [("UN", 0, "selected"), ("Bashar al-Assad", 1)]
    assert counts(result, "place") == [
        ("Damascus", 0, "selected"), ("Aleppo", 2), ("Syria", 2), ("Geneva", 1)]


def test_selected_value_unknown_to_the_index_is_listed(backend):
    result = run(backend, actor="Nobody At All")
    assert result.total == 0
    assert counts(result, "actor")[0] == ("Nobody At All", 0, "selected")


def test_exclusion_removes_documents_and_is_listed(backend):
    result = run(backend, not_actor="UN")
    assert ids(result) == ["d3", "d4", "d5", "d6"]
    # the exclusion applies to its own facet's counts too (d1 holds UN and Bashar al-Assad);
    # the excluded value counts what including it would find
    assert counts(result, "actor") == [
        ("UN", 3, "excluded"), ("PKK", 2), ("Abdullah Öcalan", 1), ("Bashar al-Assad", 1)]
    assert counts(result, "place") == [
        ("Aleppo", 1), ("Damascus", 1), ("İmralı", 1), ("Istanbul", 1)]


def test_exclusion_and_inclusion_of_different_facets(backend):
    result = run(backend, place="Aleppo", not_actor="Bashar al-Assad")
    assert ids(result) == ["d6", "d7"]


def test_date_value_matches_more_precise_dates(backend):
    assert ids(run(backend, date="2011")) == ["d6", "d7"]  # "2011" and "2011-03"
    assert ids(run(backend, date="2024")) == ["d1", "d2", "d7"]
    assert ids(run(backend, date="2024-11")) == ["d2"]
    assert ids(run(backend, not_date="2024")) == ["d3", "d4", "d5", "d6"]


def test_selected_date_counts_its_prefix(backend):
    result = run(backend, date="2011")
    assert ("2011", 2, "selected") in counts(result, "date")
    assert ("2011-03", 1) in counts(result, "date")


def test_publication_range_is_inclusive(backend):
    assert ids(run(backend, **{"from": "2024-11-15"})) == ["d2", "d7"]
    assert ids(run(backend, **{"from": "2024-11", "to": "2024-11"})) == ["d1", "d2"]
    assert ids(run(backend, **{"to": "2021-05"})) == ["d3", "d4", "d5"]
    assert ids(run(backend, **{"from": "2013", "to": "2013"})) == ["d4", "d5"]
    assert ids(run(backend, **{"from": "2013-03-21", "to": "2013-03-21"})) == ["d4"]


def test_undated_documents_never_match_a_range(backend):
    assert "d6" not in ids(run(backend, **{"from": "1900"}))


def test_range_applies_to_every_facet(backend):
    result = run(backend, actor="UN", **{"from": "2024-11-10"})
    assert counts(result, "actor") == [("UN", 2, "selected")]


def test_country_filter_uses_the_places_countries(backend):
    assert ids(run(backend, country="turkey")) == ["d4", "d5"]
    assert ids(run(backend, country="Syria", not_country="Switzerland")) == ["d1", "d3", "d6", "d7"]


def test_filters_never_touch_the_text_query(backend):
    result = run(backend, q="aleppo", actor="UN")
    assert ids(result) == ["d1", "d7"]
    assert counts(result, "actor") == [("UN", 2, "selected"), ("Bashar al-Assad", 1)]


def test_top_n_sorted_by_count_then_name_and_truncated(backend):
    result = run(backend, facet_size="2")
    assert counts(result, "actor") == [("UN", 3), ("Bashar al-Assad", 2)]
    assert result.facets["actor"].truncated is True
    # a date counts the more precise dates inside it, as its filter does
    assert counts(result, "date") == [("2024", 3), ("2011", 2)]


def test_selected_values_are_listed_beyond_the_top(backend):
    result = run(backend, facet_size="1", actor="Abdullah Öcalan")
    assert counts(result, "actor") == [("Abdullah Öcalan", 1, "selected"), ("UN", 3)]


def test_place_labels_carry_the_country(backend):
    values = {v.value: v.label for v in run(backend).facets["place"].values}
    assert values == {
        "Aleppo": "Aleppo · Syria", "Syria": "Syria", "Damascus": "Damascus · Syria",
        "Geneva": "Geneva · Switzerland", "İmralı": "İmralı · Turkey",
        "Istanbul": "Istanbul · Turkey"}


def test_each_value_carries_its_toggles(backend):
    result = run(backend, q="aleppo", actor="UN", page="2")
    un, bashar = result.facets["actor"].values
    assert (un.value, un.toggle, un.exclude_toggle) == (
        "UN", "q=aleppo", "q=aleppo&not_actor=UN")
    assert (bashar.value, bashar.toggle, bashar.exclude_toggle) == (
        "Bashar al-Assad", "q=aleppo&actor=UN&actor=Bashar+al-Assad",
        "q=aleppo&actor=UN&not_actor=Bashar+al-Assad")


def test_excluded_value_toggles(backend):
    result = run(backend, not_place="Aleppo")
    aleppo = next(v for v in result.facets["place"].values if v.value == "Aleppo")
    assert (aleppo.excluded, aleppo.toggle, aleppo.exclude_toggle) == (
        True, "place=Aleppo", "")


def test_facet_value_search_by_word_start(backend):
    found = backend.facet_values("actor", "ass", SearchRequest())
    assert [(v.value, v.count) for v in found] == [("Bashar al-Assad", 2)]
    found = backend.facet_values("actor", "ÖCA", SearchRequest())
    assert [(v.value, v.count) for v in found] == [("Abdullah Öcalan", 1)]


def test_facet_value_search_is_accent_insensitive(backend):
    found = backend.facet_values("place", "imr", SearchRequest())
    assert [(v.value, v.label) for v in found] == [("İmralı", "İmralı · Turkey")]


def test_facet_value_search_counts_under_other_filters(backend):
    req = SearchRequest.from_params({"place": "Aleppo", "actor": "PKK"})
    found = backend.facet_values("actor", "", req)
    # actor filter ignored, place filter applied; PKK listed because it is selected
    assert [(v.value, v.count, v.selected) for v in found] == [
        ("UN", 2, False), ("Bashar al-Assad", 1, False), ("PKK", 0, True)]


def test_facet_value_search_limit_and_country(backend):
    assert [v.value for v in backend.facet_values("place", "", SearchRequest(), limit=2)] == [
        "Aleppo", "Syria"]
    assert [(v.value, v.count) for v in backend.facet_values("country", "s", SearchRequest())] == [
        ("Syria", 5), ("Switzerland", 1)]
