"""The `name-variant` rule alone (class 6: one person under several values), on spans from
spacy.blank("en") with an entity ruler."""

from __future__ import annotations

from collections import Counter

from indexer import entities
from indexer.name_variants import name_core, variant_targets
from tests.indexer.test_rules import classified, facets


def test_long_and_short_forms_of_one_person_take_the_short_value():
    text = "Mary Jane Roe Jr. spoke. Later Mary Roe left, and Tom Lee stayed."
    patterns = [("PERSON", "Mary Jane Roe Jr."), ("PERSON", "Mary Roe"), ("PERSON", "Tom Lee")]
    ctx, ents = classified(text, patterns)
    out = entities.rule_name_variants(ctx, ents)
    assert {v for _, _, v in facets(out)} == {"Mary Roe", "Tom Lee"}
    assert [e.rule for e in out if e.text.startswith("Mary Jane")] == ["name-variant"]


def test_possibly_different_people_stay_apart():
    # two long forms (father and son, two presidents) or a "Senior": no merge
    assert variant_targets(Counter(["George H. W. Bush", "George W. Bush", "George Bush"])) == {}
    assert variant_targets(Counter(["Tom Lee Sr.", "Tom Lee"])) == {}
    # one word, or a different surname, is no variant
    assert variant_targets(Counter(["Mary", "Mary Roe"])) == {}
    assert variant_targets(Counter(["Mary Ann Roe", "Mary Ann"])) == {}


def test_name_core_sets_generational_suffixes_aside():
    assert name_core("John James Conyers Jr") == ("john", "conyers")
    assert name_core("Madonna") is None


def test_only_actor_values_change():
    text = "Ann Lee Roe met Ann Roe in Roe Town."
    ctx, ents = classified(text, [("PERSON", "Ann Lee Roe"), ("PERSON", "Ann Roe"),
                                  ("GPE", "Roe Town")])
    out = entities.rule_name_variants(ctx, ents)
    assert ("Roe Town", "place", "Roe Town") in facets(out)
    assert ("Ann Lee Roe", "actor", "Ann Roe") in facets(out)
