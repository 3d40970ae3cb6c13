"""Datelines (class 2, places missed): a report opens with the place it was filed from, in
capitals - "ADDIS ABABA (Reuters) –", "KABUL -", "AL FALLUJAH, Iraq --", "MULAN, WESTERN
AUSTRALIA —". The model rarely tags such a run of capitals, and the shape rule takes a lone one
for an acronym ("KANO"). The run is a place when the gazetteer knows it, or when a place it
knows follows after a comma (the town's country or state: "NURPUR, India"); its value and
country are those of the run in title case, as if the body had written it so ("Addis Ababa"). A run followed by no dateline punctuation is no
dateline ("MINUSCA has learned", "QUESTION:").
"""

from __future__ import annotations

import re

from indexer.gazetteer import Gazetteer
from indexer.names import region_after
from indexer.spans import Ent

#: capitals at the body's start, then a comma, a bracket or a dash (the dateline's end)
_DATELINE = re.compile(r"[ \t]*([A-Z][A-Z'’.-]+(?:[ \t][A-Z][A-Z'’.-]+){0,3})"
                       r"(?=[ \t]*(?:,|\(|[–—]|-{1,2}[ \t]))")


def dateline_place(text: str, ents: list[Ent], body_start: int,
                   gazetteer: Gazetteer) -> list[Ent]:
    """A place span for the body's dateline that no actor or place span covers yet."""
    match = _DATELINE.match(text, body_start)
    if not match:
        return []
    start, end = match.span(1)
    if any(e.start < end and start < e.end and e.facet in ("actor", "place") for e in ents):
        return []
    if not _is_place(match.group(1), text, end, gazetteer):
        return []
    return [Ent(start, end, match.group(1), "GPE", facet="place", rule="dateline", fixed=True)]


def _is_place(name: str, text: str, end: int, gazetteer: Gazetteer) -> bool:
    """The gazetteer knows the dateline's place, or the place after it after a comma."""
    if gazetteer.lookup(name) is not None:
        return True
    region = region_after(text, end)
    return bool(region) and gazetteer.lookup(region) is not None
