"""The `ministry` rule alone (class 2: a country's ministry written in lower case)."""

from __future__ import annotations

import pytest

from indexer import entities
from indexer.names import canonical_actor
from tests.indexer.entity_kit import small_gazetteer
from tests.indexer.test_rules import classified


def _ministries(text: str, patterns) -> list[tuple[str, str | None]]:
    ctx, ents = classified(text, list(patterns))
    return [(e.text, e.value) for e in entities.rule_ministries(ctx, ents) if e.rule == "ministry"]


@pytest.mark.parametrize(("text", "patterns", "found"), [
    # a country's possessive or adjective, the portfolio's words, "ministry"
    ("Syria's culture ministry said so.", [("GPE", "Syria")],
     [("Syria's culture ministry", "Syrian Culture Ministry")]),
    ("The Iraqi health ministry said so.", [("NORP", "Iraqi")],
     [("Iraqi health ministry", "Iraqi Health Ministry")]),
    ("Iran's foreign affairs ministry spoke.", [("GPE", "Iran")],
     [("Iran's foreign affairs ministry", "Iranian Foreign Affairs Ministry")]),
    # no portfolio word, a town, no possessive after a country
    ("Syria's new ministry said so.", [("GPE", "Syria")], []),
    ("Aleppo's health ministry said so.", [("GPE", "Aleppo")], []),
    ("In Syria health ministry staff left.", [("GPE", "Syria")], []),
    # the capitalised form where the model missed it, the same value
    ("The Iraqi Foreign Ministry condemns it.", [("NORP", "Iraqi")],
     [("Iraqi Foreign Ministry", "Iraqi Foreign Ministry")]),
    # mixed case is no ministry's name the rule reads
    ("The Iraqi Foreign ministry condemns it.", [("NORP", "Iraqi")], []),
])
def test_a_countrys_lower_case_ministry_is_an_actor(text, patterns, found):
    assert _ministries(text, patterns) == found


def test_the_capitalised_form_has_the_same_value():
    # "France's Culture Ministry" used to lose its country ("Culture Ministry")
    assert canonical_actor("Syria's Culture Ministry", False,
                           small_gazetteer().country_of) == "Syrian Culture Ministry"
