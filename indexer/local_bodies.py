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
        match = _BODY_AFTER.match(text, ent.end) \
            if ent.facet == "place" and "," not in ent.text else None  # "Auckland, New Zealand"
        if match and not _country(ent, gazetteer) \
                and not taken.overlaps_range(ent.start, match.end()):
            name = text[ent.start:match.end()]
            value = (ent.value or ent.text) + text[ent.end:match.end()].title()
            found.append(Ent(ent.start, match.end(), name, "ORG", facet="actor", value=value,
                             rule="local-body", fixed=True))
    return found


def _country(ent: Ent, gazetteer: Gazetteer) -> bool:
    place = gazetteer.lookup(ent.value or ent.text)
    return place is not None and place.kind == "country"
