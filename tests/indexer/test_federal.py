"""The `federal` rule alone (class 6): "the federal government" of the document's one
federation is that country's government, the value its other mentions get."""

from __future__ import annotations

import pytest

from indexer.federal import federal_government_mentions
from indexer.spans import Ent
from tests.indexer.entity_kit import resolved, small_gazetteer

GAZETTEER = small_gazetteer()


def place(text: str, name: str, country: str) -> Ent:
    start = text.index(name)
    return Ent(start, start + len(name), name, "GPE", facet="place", value=name, country=country)


def mentions(text: str, places: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    ents = [place(text, name, country) for name, country in places]
    return [(e.text, e.value) for e in federal_government_mentions(text, ents, GAZETTEER.country_of)]


def test_the_federal_government_is_the_one_federations():
    text = "Voters in Ohio and Texas blamed the federal government; the Federal Government replied."
    assert mentions(text, [("Ohio", "United States"), ("Texas", "United States")]) == [
        ("federal government", "US Government"), ("Federal Government", "US Government")]


@pytest.mark.parametrize(("text", "places"), [
    # no federation among the document's places, or two
    ("In Aleppo the federal government was blamed.", [("Aleppo", "Syria")]),
    ("Iraq and the United States met; the federal government said no.",
     [("Iraq", "Iraq"), ("United States", "United States")]),
    # not bare: "of" a place, or "a federal government"
    ("In Ohio the federal government of Iraq spoke.", [("Ohio", "United States")]),
    ("In Ohio they want a federal government.", [("Ohio", "United States")]),
])
def test_no_one_federation_or_no_bare_mention_no_value(text, places):
    assert mentions(text, places) == []


def test_through_the_rules():
    text = "Aid reached Mosul. The federal government said it would pay."
    assert ("federal government", "actor", "Iraqi Government", "federal") in resolved(
        text, [("GPE", "Mosul")])
