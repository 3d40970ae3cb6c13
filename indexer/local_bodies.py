"""A place's own body (class 2, organisations missed): "a Mogadishu police officer", "The
Madras high court", "the Kano state government". The model tags the town and leaves the body;
the town and a lower-case body noun after it (`local_body_nouns`) are that body, an actor
named in title case ("Mogadishu Police"). The town stays a place mention: the body is
where it serves. A country's groups are `group`'s ("Iraqi police", "U.S. troops").
"""

from __future__ import annotations

import re

from indexer.gazetteer import Gazetteer
from indexer.rule_data import alternation
from indexer.spans import Ent, SpanIndex

#: a lower-case body noun right after a place's name
_BODY_AFTER = re.compile(r"[ \t]+(?:" + alternation("local_body_nouns") + r")\b(?![-'’])")


def local_bodies(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Actor spans for "<place> <body noun>" phrases no other span covers."""
    taken = SpanIndex([e for e in ents if e.facet == "actor"])
    found = []
    for ent in ents:
        match = _body_after(text, ent, gazetteer)
        if match and not taken.overlaps_range(ent.start, match.end()):
            value = (ent.value or ent.text) + text[ent.end:match.end()].title()
            found.append(Ent(ent.start, match.end(), text[ent.start:match.end()], "ORG",
                             facet="actor", value=value, rule="local-body", fixed=True))
    return found


def _body_after(text: str, ent: Ent, gazetteer: Gazetteer) -> re.Match | None:
    """The body noun after a town's or region's place span (no country's, no address's:
    "Auckland, New Zealand police force")."""
    if ent.facet != "place" or "," in ent.text:
        return None
    match = _BODY_AFTER.match(text, ent.end)
    return match if match and gazetteer.country_of(ent.value or ent.text) is None else None
