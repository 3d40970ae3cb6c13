"""Boilerplate values: a source naming itself and platform phrases are left out of facet lists
by default, still filterable, and shown on request."""

from __future__ import annotations

from search import SearchRequest, open_index, search
from search.boilerplate import (
    MentionContext,
    boilerplate_words,
    credit_line,
    platform_phrase,
    source_self_name,
)


def mention(text: str, value: str) -> list:
    start = text.index(value)
    return [start, start + len(value), value, "actor", value]


def story(i: int) -> dict:
    """A Daily Planet story that names itself, quotes Twitter and is about Lex Luthor."""
    text = (f"Story {i}. Lex Luthor spoke in Metropolis. The Daily Planet asked him why; "
            "he said on Twitter that he would answer later.")
    return {"id": f"b{i}", "title": f"Story {i}", "text": text, "source": "Daily Planet",
            "actor": ["Lex Luthor", "Daily Planet", "Twitter"], "place": [],
            "mentions": [mention(text, "Lex Luthor"), mention(text, "Daily Planet"),
                         mention(text, "Twitter")]}


def test_each_mention_test_names_what_it_recognises():
    words = boilerplate_words()
    text = "Wikinews asked the mayor, who said on Twitter he agreed.\nImage: Reuters\n"
    at = {v: (text.index(v), text.index(v) + len(v)) for v in ("Wikinews", "Twitter", "Reuters")}
    own = MentionContext("Wikinews", "Wikinews (en)", text, *at["Wikinews"])
    assert source_self_name(own, words)
    assert not source_self_name(MentionContext("Wikinews", "AP", text, *at["Wikinews"]), words)
    assert platform_phrase(MentionContext("Twitter", "AP", text, *at["Twitter"]), words)
    assert not platform_phrase(own, words)
    assert credit_line(MentionContext("Reuters", "AP", text, *at["Reuters"]), words)
    assert not credit_line(own, words)


def test_boilerplate_values_are_hidden_by_default_and_stay_searchable(make_index):
    ix = open_index(make_index([story(i) for i in range(12)]))
    gen = ix.generation()
    assert sorted(gen.facets["actor"].values[e] for e in gen.boilerplate["actor"]) == [
        "Daily Planet", "Twitter"]
    result = search(ix, SearchRequest())
    actors = result.facets["actor"]
    assert [(v.value, v.count) for v in actors.values] == [("Lex Luthor", 12)]
    assert actors.hidden == 2
    assert actors.boilerplate_toggle == "boilerplate=show"
    shown = search(ix, SearchRequest.from_params({"boilerplate": "show"})).facets["actor"]
    assert [(v.value, v.boilerplate) for v in shown.values] == [
        ("Daily Planet", True), ("Lex Luthor", False), ("Twitter", True)]
    assert shown.boilerplate_toggle == ""
    assert search(ix, SearchRequest.from_params({"actor": "Twitter"})).total == 12


def test_a_value_also_used_as_content_is_not_boilerplate(make_index):
    docs = [story(i) for i in range(12)]
    for doc in docs[:6]:
        doc["text"] += " Twitter fined the paper."
        start = doc["text"].rindex("Twitter")
        doc["mentions"].append([start, start + 7, "Twitter", "actor", "Twitter"])
    ix = open_index(make_index(docs))
    gen = ix.generation()
    assert [gen.facets["actor"].values[e] for e in gen.boilerplate["actor"]] == ["Daily Planet"]


def test_rare_values_are_never_tested(make_index):
    ix = open_index(make_index([story(i) for i in range(5)]))
    assert ix.generation().boilerplate["actor"] == {}
