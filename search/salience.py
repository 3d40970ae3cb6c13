"""Salience: how central each actor or place is to a document, from where and how often the
document names it (title, lead paragraph, number of mentions).

Computed when a document is written (search.schema.document_fields) and indexed as the
facet fields `central_actor` / `central_place`, so "about" filters
(`about_place=United States`) cost what an ordinary facet filter costs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from search.entity_rules import plain_key

#: the facets that have an "about" mode, and the field holding their central values
SALIENT_FACETS: tuple[str, ...] = ("actor", "place")
CENTRAL_FIELDS = {facet: f"central_{facet}" for facet in SALIENT_FACETS}
#: points of a value named in the title, in the lead, and per mention (up to MAX_COUNTED)
TITLE_POINTS, LEAD_POINTS, MENTION_POINTS, MAX_COUNTED = 3, 2, 1, 5
#: a value with at least this many points is central to the document
CENTRAL_POINTS = 4
#: the lead is the first paragraph of at least this many characters (a dateline is skipped)
LEAD_MIN_CHARS = 60
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def lead_end(text: str) -> int:
    """Offset where the lead paragraph ends (the whole text if it has one paragraph)."""
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if len(text[start:match.start()].strip()) >= LEAD_MIN_CHARS:
            return match.start()
        start = match.end()
    return len(text)


def salience(title: str, text: str, mentions: Iterable, facet: str) -> dict[str, int]:
    """Points of each value of a facet in one document; mentions are (start, end, facet, value)
    with offsets into `text`."""
    end_of_lead = lead_end(text)
    folded_title = plain_key(title)
    points: dict[str, int] = {}
    counts: dict[str, int] = {}
    in_title: set[str] = set()
    in_lead: set[str] = set()
    for start, end, kind, value in mentions:
        if kind != facet:
            continue
        counts[value] = counts.get(value, 0) + 1
        if start < end_of_lead:
            in_lead.add(value)
        if any(_names(folded_title, name) for name in _title_names(text[start:end], value, facet)):
            in_title.add(value)
    for value, count in counts.items():
        points[value] = (TITLE_POINTS * (value in in_title) + LEAD_POINTS * (value in in_lead)
                         + MENTION_POINTS * min(count, MAX_COUNTED))
    return points


def _title_names(surface: str, value: str, facet: str) -> set[str]:
    """Names a title may use for a value, folded like spelling keys ("US" is "United States"):
    as written, canonical, and an actor's last word ("Trump visits Ohio")."""
    names = {plain_key(surface), plain_key(value)}
    words = plain_key(value).split()
    if facet == "actor" and len(words) > 1 and len(words[-1]) > 3:
        names.add(words[-1])
    return names


def _names(title: str, name: str) -> bool:
    """Whether the title holds `name` as whole words."""
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", title) is not None


def central_values(title: str, text: str, mentions: Iterable, facet: str) -> list[str]:
    """The values of a facet central to a document (at least CENTRAL_POINTS), by points."""
    points = salience(title, text, list(mentions), facet)
    return sorted((v for v, p in points.items() if p >= CENTRAL_POINTS),
                  key=lambda v: (-points[v], v))
