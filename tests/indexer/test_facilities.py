"""Facilities (class 2 of issue 10): hospitals are the place where someone is taken or treated
and the actor that speaks; mines, monuments and routes are places."""

from __future__ import annotations

import pytest

from tests.indexer.entity_kit import resolved


@pytest.mark.parametrize(("text", "name", "facet"), [
    # taken to or treated at: the place
    ("He died at John Radcliffe Hospital a short time later.", "John Radcliffe Hospital",
     "place"),
    ("She was flown to the Walter Reed Medical Center on Friday.", "Walter Reed Medical Center",
     "place"),
    ("Two patients remain in Hartford Clinic tonight.", "Hartford Clinic", "place"),
    # speaking, sending staff, or no hospital at all: an actor
    ("John Radcliffe Hospital said the patient was stable.", "John Radcliffe Hospital", "actor"),
    ("Doctors from Hartford Hospital were sent to help.", "Hartford Hospital", "actor"),
    ("He thanked the Mayo Foundation for its support.", "Mayo Foundation", "actor"),
])
def test_a_hospital_is_a_place_where_someone_is_taken_and_an_actor_that_speaks(text, name,
                                                                                 facet):
    assert [(t, f) for t, f, _, _ in resolved(text, [("ORG", name)])] == [(name, facet)]


@pytest.mark.parametrize("name", ["Upper Kettle Mine", "Harlow Monument", "Dunmore Memorial",
                                  "State Route"])
def test_mines_monuments_and_routes_are_places(name):
    text = f"Crowds gathered by the {name} on Sunday."
    assert [(t, f) for t, f, _, _ in resolved(text, [("ORG", name)])] == [(name, "place")]
