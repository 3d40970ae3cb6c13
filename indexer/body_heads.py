"""The bare head of a body's name written for that body (error class 6 of issue 10, mentions
tied to what the document names): "The Mission is working to verify ..." after "The UN
Assistance Mission in Afghanistan", "the Ministry has vaccinated ..." after "the Ministry of
Health". The model rarely tags the capitalised noun alone.

Where the document names exactly one organisation whose name is about a noun that ends bodies'
names (its head: the last word, or the word before its complement, `names.name_head`; the noun
in `rule_data.body_endings`), "the <Noun>" is one more mention of that organisation. A noun
that a name, a hyphen, "of", "for", "on", "in" or "to" follows starts another name ("the
Council of Europe", "the Commission on Human Rights"), and a noun that heads two of the
document's bodies ("the Ministry" beside two ministries) is left alone: no body is guessed.
"""

from __future__ import annotations

import re

from indexer.names import name_head
from indexer.rule_data import body_endings
from indexer.spans import Ent, SpanIndex


def body_head_mentions(text: str, ents: list[Ent]) -> list[Ent]:
    """Actor spans for "the <Noun>" where the noun heads exactly one body the document
    names, valued as that body; none where another span covers the words."""
    heads = _sole_heads(ents)
    if not heads:
        return []
    nouns = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
    pattern = re.compile(rf"\b[Tt]he ({nouns})\b(?![-'’]\w| [A-Z]| (?:of|for|on|in|to)\b)")
    taken = SpanIndex(ents)
    found = []
    for match in pattern.finditer(text):
        body = heads[match[1]]
        span = Ent(match.start(1), match.end(1), match[1], "ORG", facet="actor",
                   value=body.value, country=body.country, rule="body-head", fixed=True)
        if not taken.overlaps(span):
            found.append(span)
    return found


def _sole_heads(ents: list[Ent]) -> dict[str, Ent]:
    """Head noun -> the one organisation of the document whose name it heads."""
    bodies: dict[str, dict[str, Ent]] = {}
    for ent in ents:
        if ent.facet == "actor" and ent.label == "ORG" and ent.value and " " in ent.value:
            head = name_head(ent.value)
            if head in body_endings():
                bodies.setdefault(head, {}).setdefault(ent.value, ent)
    return {head: next(iter(named.values())) for head, named in bodies.items()
            if len(named) == 1}
