"""Rules of the fortieth part of issue 10, each on spacy.blank("en") with an entity ruler
standing in for the model: a body named with and without the country that opens its name
(one entity under several values)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.test_rules import classified


def _values(text: str, patterns: list[tuple[str, str]]) -> dict[str, str | None]:
    ctx, ents = classified(text, patterns)
    return {e.text: e.value for e in entities.rule_aliases(ctx, ents)}


@pytest.mark.parametrize(("text", "patterns", "short", "full"), [
    # the bare name after the country's
    ("He ran for the Syria Libertarian Party. Later the Libertarian Party chose him.",
     [("ORG", "Syria Libertarian Party"), ("ORG", "Libertarian Party")],
     "Libertarian Party", "Syria Libertarian Party"),
    # the demonym opens the name; the bare name comes first
    ("The General Services Administration wrote. The Syrian General Services Administration "
     "agreed.", [("ORG", "General Services Administration"),
                 ("ORG", "Syrian General Services Administration")],
     "General Services Administration", "Syrian General Services Administration"),
    # one country written two ways: the first is the value
    ("She left the Syrian Liberal Party. I was in the Syria Liberal Party.",
     [("ORG", "Syrian Liberal Party"), ("ORG", "Syria Liberal Party")],
     "Syria Liberal Party", "Syrian Liberal Party"),
])
def test_a_body_named_without_its_country_is_the_documents_one_named_with_it(
        text, patterns, short, full):
    assert _values(text, patterns)[short] == full


@pytest.mark.parametrize(("text", "patterns"), [
    # two countries' bodies: the bare name is either
    ("The Syrian Armed Forces and the Turkish Armed Forces met. The Armed Forces said no.",
     [("ORG", "Syrian Armed Forces"), ("ORG", "Turkish Armed Forces"), ("ORG", "Armed Forces")]),
    # a state's body beside the country's: "the state's Supreme Court" may be the state's
    ("The Syrian Supreme Court and the Aleppo Supreme Court ruled. The Supreme Court met.",
     [("ORG", "Syrian Supreme Court"), ("ORG", "Aleppo Supreme Court"), ("ORG", "Supreme Court")]),
    # a religion's adjective is no country's
    ("The Christian Democratic Party won. The Democratic Party lost.",
     [("ORG", "Christian Democratic Party"), ("ORG", "Democratic Party")]),
])
def test_a_bare_name_two_qualified_names_share_stays_apart(text, patterns):
    values = _values(text, patterns)
    bare = patterns[-1][1]
    assert values[bare] == bare
