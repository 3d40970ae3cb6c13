"""The `acronym-cue` rule alone (class 2: organisations the model did not tag at all)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.test_rules import classified


def _cued(text: str, patterns=()) -> list[tuple[str, str | None]]:
    ctx, ents = classified(text, list(patterns))
    return [(e.text, e.facet) for e in entities.rule_cued_acronyms(ctx, ents)
            if e.rule == "acronym-cue"]


@pytest.mark.parametrize(("text", "found"), [
    # a body's noun before it, a group of its people after it: every mention is the body
    ("Talks with the leftist guerrilla group KLN began. The KLN agreed.", ["KLN", "KLN"]),
    ("KMSO peacekeepers were attacked near Idlib.", ["KMSO"]),
    # in brackets after a name with a body's word
    ("They attacked the Stabilization Mission in Kestria (KMSO) on Monday.", ["KMSO"]),
    # no cue, a thing's capitalised definition, a known place: nothing
    ("The KLN said so.", []),
    ("An Improvised Explosive Device (IED) exploded.", []),
    ("US troops and the group US left.", []),
])
def test_an_untagged_acronym_cued_as_a_body_is_an_actor(text, found):
    assert [t for t, f in _cued(text) if f == "actor"] == found


def test_a_tagged_acronym_is_left_to_the_model():
    assert _cued("The rebel group KLN fought.", [("ORG", "KLN")]) == []
