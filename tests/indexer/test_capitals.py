"""A capital named by its role ("the Syrian capital", "Iran's capital") is a mention of that
city; not when its name follows or when "capital" is money."""

from __future__ import annotations

import pytest

from indexer.gazetteer import default_capitals
from tests.indexer.entity_kit import resolved


def places(text: str, patterns: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    return [(t, v) for t, f, v, _ in resolved(text, patterns) if f == "place"]


@pytest.mark.parametrize(("text", "patterns", "expected"), [
    ("Rebels shelled the Syrian capital on Monday.", [("NORP", "Syrian")],
     [("Syrian capital", "Damascus")]),
    ("Protests spread in the Iranian capital, yesterday.", [], [("Iranian capital", "Tehran")]),
    # a country's name before it stays its own place mention
    ("Fighting reached Iraq's capital at dawn.", [("GPE", "Iraq")],
     [("Iraq", "Iraq"), ("capital", "Baghdad")]),
    # the document's own spelling of the city is the value
    ("Shelling hit Dimashq. The Syrian capital was dark.", [("GPE", "Dimashq")],
     [("Dimashq", "Dimashq"), ("Syrian capital", "Dimashq")]),
])
def test_capital_by_role(text, patterns, expected):
    assert sorted(places(text, patterns)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "He flew to the Syrian capital Damascus after the talks.",  # the name follows
    "He flew to Syria's capital, Damascus, after the talks.",
    "Investors fled the Iranian capital markets.",  # money
    "He moved to the state capital last year.",  # no country
    "The Peruvian capital was calm.",  # no capital known for the country
])
def test_no_capital_mention(text):
    assert not [v for _, v in places(text, [("GPE", "Damascus")]) if v != "Damascus"]
    assert not [t for t, _ in places(text, [("GPE", "Damascus")]) if "capital" in t]


def test_default_capitals_are_keyed_by_the_gazetteers_country_names():
    capitals = default_capitals()
    assert capitals["Yemen"] == "Sanaa" and capitals["United States"] == "Washington"
    assert capitals["Syria"] == "Damascus"
