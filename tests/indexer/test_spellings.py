"""The `spelling` rule alone: one name written two ways in a document is one value."""

from __future__ import annotations

from indexer import entities
from indexer.entities import DocContext
from indexer.spans import Ent
from tests.indexer.entity_kit import small_gazetteer


def _values(mentions: list[tuple[str, str, str]]) -> list[str]:
    """The values after the rule of mentions (value, facet, rule), one after another."""
    ents = [Ent(10 * i, 10 * i + 5, value, "PERSON", facet=facet, value=value, rule=rule)
            for i, (value, facet, rule) in enumerate(mentions)]
    return [e.value for e in entities.rule_spellings(DocContext("", small_gazetteer()), ents)]


def test_a_name_with_and_without_its_accents_is_one_value():
    # split values: "Jarosław Kaczyński" and "Jaroslaw Kaczynski" in one report; the
    # spelling the document uses first wins a tie, the spelling most mentions have wins
    assert _values([("Jarosław Kaczyński", "actor", "model"),
                    ("Jaroslaw Kaczynski", "actor", "model")]) == ["Jarosław Kaczyński"] * 2
    assert _values([("Yucatan", "place", "model"), ("Yucatán", "place", "model"),
                    ("Yucatan", "place", "model")]) == ["Yucatan"] * 3


def test_case_and_punctuation_variants_are_one_value_in_the_best_read_case():
    assert _values([("Champions league", "actor", "model"),
                    ("Champions League", "actor", "model")]) == ["Champions League"] * 2
    assert _values([("JIM Lykam", "actor", "model"), ("Jim Lykam", "actor", "model")]) == [
        "Jim Lykam"] * 2
    assert _values([("Efe", "actor", "model"), ("EFE", "actor", "model")]) == ["EFE"] * 2
    assert _values([("El Obeid", "place", "model"), ("El-Obeid", "place", "model"),
                    ("El-Obeid", "place", "model")]) == ["El-Obeid"] * 3


def test_a_known_entitys_canonical_name_wins_and_facets_stay_apart():
    assert _values([("al Shabaab", "actor", "model"), ("al Shabaab", "actor", "model"),
                    ("al-Shabaab", "actor", "known")]) == ["al-Shabaab"] * 3
    # an actor and a place of one spelling each are two values, and other names are untouched
    assert _values([("Georgia", "place", "model"), ("GEORGIA", "actor", "model"),
                    ("Tbilisi", "place", "model")]) == ["Georgia", "GEORGIA", "Tbilisi"]
