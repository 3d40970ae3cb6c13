"""The span record's own helpers: `replace`, the fast copy every rule makes spans with."""

import dataclasses

import pytest

from indexer.entities import canonical_value, forget_learnt_values
from indexer.gazetteer import Gazetteer, Place
from indexer.spans import Ent, replace

SPAN = Ent(4, 9, "Paris", "GPE", facet="place", value="Paris", country="France",
           rules=("classify",))


@pytest.mark.parametrize("changes", [
    {"facet": "actor"},
    {"start": 0, "end": 3, "text": "Par"},
    {"value": None, "country": None, "fixed": True, "known": "Paris", "rules": ()},
])
def test_replace_makes_the_copy_dataclasses_would(changes):
    copy = replace(SPAN, **changes)
    assert copy == dataclasses.replace(SPAN, **changes)
    assert copy is not SPAN and SPAN.facet == "place" and SPAN.start == 4  # the original kept
    assert copy.key == dataclasses.replace(SPAN, **changes).key


def test_replace_refuses_an_unknown_field_and_stays_frozen():
    with pytest.raises(TypeError, match="labels"):
        replace(SPAN, labels="ORG")
    with pytest.raises(dataclasses.FrozenInstanceError):
        replace(SPAN, facet="actor").facet = "place"


def test_a_remembered_value_is_the_one_worked_out_afresh():
    gazetteer = Gazetteer.from_entries([("Paris", Place("Paris", "France", "city", 2_000_000))])
    span = Ent(0, 5, "Paris", "GPE", facet="place")
    first = canonical_value(span, gazetteer)
    again = canonical_value(replace(span, country="Spain"), gazetteer)
    forget_learnt_values()
    fresh = canonical_value(span, gazetteer)
    assert first == fresh and (first.value, first.country) == ("Paris", "France")
    assert (again.value, again.country) == ("Paris", "France")


def test_a_span_remembers_its_key_until_its_text_changes():
    span = Ent(0, 11, "Syrian  Army", "ORG", facet="actor")
    assert span.key == "syrian army"  # worked out once, kept with the span
    assert replace(span, facet="place").key == "syrian army"
    assert replace(span, end=6, text="Syrian").key == "syrian"
