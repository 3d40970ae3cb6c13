"""Rule `body-head`: "the Ministry" as one more mention of the one ministry a document names."""

from __future__ import annotations

import pytest

from indexer import entities
from indexer.body_heads import body_head_mentions
from indexer.spans import Ent
from tests.indexer.test_rules import classified


def _org(text: str, name: str, value: str | None = None) -> Ent:
    start = text.index(name)
    return Ent(start, start + len(name), name, "ORG", facet="actor", value=value or name)


def test_the_bare_head_of_the_one_body_named_so_is_that_body():
    text = "The Ministry of Health opened clinics. Since May, the Ministry has vaccinated 5,000."
    found = body_head_mentions(text, [_org(text, "Ministry of Health")])
    assert [(e.text, e.value, e.rule) for e in found] == [
        ("Ministry", "Ministry of Health", "body-head")]
    assert text[found[0].start:found[0].end] == "Ministry"


@pytest.mark.parametrize("text", [
    # two bodies share the head: no body is guessed
    "The Ministry of Health and the Ministry of Finance met. The Ministry said no.",
    # another name starts with the head
    "The Ministry of Health met the Ministry of Defence officials.",
    "The Ministry of Health met the Ministry Board.",
    # lower case is generic
    "The Ministry of Health opened clinics. A ministry spokesman said so.",
])
def test_no_mention_where_the_head_is_shared_starts_a_name_or_is_generic(text):
    ents = [_org(text, "Ministry of Health")]
    if "Finance" in text:
        ents.append(_org(text, "Ministry of Finance"))
    assert body_head_mentions(text, ents) == []


def test_through_the_rules_the_mention_adds_no_value():
    text = "The Lagos State Government urged residents to register. The Government said so."
    ctx, ents = classified(text, [("ORG", "Lagos State Government")])
    out = entities.rule_body_heads(ctx, ents)
    assert [(e.text, e.value) for e in out] == [
        ("Lagos State Government", "Lagos State Government"),
        ("Government", "Lagos State Government")]
    assert {e.value for e in out} == {"Lagos State Government"}
