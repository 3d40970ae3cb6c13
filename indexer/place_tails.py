"""Class 2 (districts cut): the model often takes the first word of a place's name for a title
and keeps only the rest ("Sheikh | Maqsoud", "Saint | Denis"), which then reads as a person.
When the word before such a span and the span together are a place the document names
elsewhere ("the district of Sheikh Maqsoud"), the span is that place: it is widened to take
the word back and becomes a mention of the place.
"""

from __future__ import annotations

import re

from indexer.spans import Ent

#: the word right before a span (one capitalised word and a space)
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)\s$")


def place_tails(text: str, ents: list[Ent]) -> list[Ent]:
    """Actor spans that are the tail of a place the document names, widened into it."""
    places = {e.key: e for e in ents if e.facet == "place" and " " in e.key}
    if not places:
        return ents
    return [_widened(text, e, places) or e for e in ents]


def _widened(text: str, ent: Ent, places: dict[str, Ent]) -> Ent | None:
    if ent.facet != "actor" or ent.fixed:
        return None
    before = _WORD_BEFORE.search(text, max(0, ent.start - 40), ent.start)
    if before is None:
        return None
    start = before.start(1)
    whole = text[start:ent.end]
    place = places.get(" ".join(whole.lower().split()))
    if place is None:
        return None
    return Ent(start, ent.end, whole, "GPE", facet="place", value=place.value,
               country=place.country, rule="place-tail", fixed=True)
