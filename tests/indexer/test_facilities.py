"""Hospitals (class 2 of issue 10): the place where someone is taken or treated, the actor
that speaks."""

from __future__ import annotations

import pytest

from tests.indexer.entity_kit import resolved


@pytest.mark.parametrize(("text", "name"), [
    ("He died at John Radcliffe Hospital a short time later.", "John Radcliffe Hospital"),
    ("She was flown to the Walter Reed Medical Center on Friday.", "Walter Reed Medical Center"),
    ("Two patients remain in Hartford Clinic tonight.", "Hartford Clinic"),
])
def test_a_hospital_someone_is_taken_to_is_a_place(text, name):
    assert [(t, facet) for t, facet, _, _ in resolved(text, [("ORG", name)])] == [(name, "place")]


@pytest.mark.parametrize(("text", "name"), [
    ("John Radcliffe Hospital said the patient was stable.", "John Radcliffe Hospital"),
    ("Doctors from Hartford Hospital were sent to help.", "Hartford Hospital"),
    ("He thanked the Mayo Foundation for its support.", "Mayo Foundation"),
])
def test_a_hospital_that_speaks_or_sends_staff_stays_an_actor(text, name):
    assert [(t, facet) for t, facet, _, _ in resolved(text, [("ORG", name)])] == [(name, "actor")]
