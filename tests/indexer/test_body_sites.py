"""A body's seat named by the body and a site noun (class 2 of issue 10, places missed)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.test_rules import classified, facets


@pytest.mark.parametrize(("text", "name", "found"), [
    ("The President attended Congress headquarters on Friday.", "Congress",
     ("Congress headquarters", "place")),
    ("Police stood outside the Parliament buildings in Nairobi.", "Parliament",
     ("Parliament buildings", "place")),
    ("A ceremony was held at Pheu Thai headquarters at 6 pm.", "Pheu Thai",
     ("Pheu Thai headquarters", "place")),
    # no site noun, or one that goes on: the body
    ("Congress voted on Friday.", "Congress", ("Congress", "actor")),
    ("The UN office said so.", "UN", ("UN", "actor")),
    ("Congress buildings-fund talks stalled.", "Congress", ("Congress", "actor")),
])
def test_a_body_and_a_site_noun_after_it_name_a_place(text, name, found):
    ctx, ents = classified(text, [("ORG", name)])
    assert [(t, f) for t, f, _ in facets(entities.rule_body_sites(ctx, ents))] == [found]


def test_a_person_or_a_place_before_a_site_noun_is_left_alone():
    text = "Troops reached Aleppo headquarters. Mr Kefi headquarters there."
    ctx, ents = classified(text, [("GPE", "Aleppo"), ("PERSON", "Kefi")])
    assert [t for t, _, _ in facets(entities.rule_body_sites(ctx, ents))] == ["Aleppo", "Kefi"]
