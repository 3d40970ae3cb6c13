"""A body's seat (class 2 of issue 10, places missed): a body's name and a lower-case site
noun after it - "Congress headquarters", "the Parliament buildings", "outside the Parliament
premises", "a ceremony at Pheu Thai headquarters" - name the place where something happens,
not the body: the span grows over the noun and is a place. The nouns are data
(`body_site_nouns`); "office" is none, since an office speaks ("the UN office said").
"""

from __future__ import annotations

import re

from indexer.rule_data import alternation
from indexer.spans import Ent, replace

#: a site noun right after a body's name, ending the phrase
_SITE_AFTER = re.compile(r"[ \t]+(?:" + alternation("body_site_nouns") + r")\b(?![-'’])")


def body_sites(text: str, ents: list[Ent]) -> list[Ent]:
    """The spans with each body's name a site noun follows grown over it, as a place."""
    return [_site(text, e) or e for e in ents]


def _site(text: str, ent: Ent) -> Ent | None:
    """The body's name and the site noun after it as a place span, or None."""
    if ent.label != "ORG" or ent.facet != "actor":
        return None
    found = _SITE_AFTER.match(text, ent.end)
    if found is None:
        return None
    return replace(ent, end=found.end(), text=text[ent.start:found.end()], label="FAC",
                   facet="place", value=None, rule="body-site", fixed=True)
