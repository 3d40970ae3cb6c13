"""Names of known entities, as evidence for entity resolution: spelling key -> canonical name.

Read from a file in the watchlist YAML format (`actors:` / `places:` lists, or a list of
entries with a `type`); Trawl's shipped list is indexer/data/known_entities.yaml. Read with
plain YAML so that opening an index never loads spaCy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from search.entity_rules import spelling_key

SHIPPED = Path(__file__).resolve().parent.parent / "indexer" / "data" / "known_entities.yaml"
_FACET_OF_TYPE = {"actor": "actor", "person": "actor", "organisation": "actor",
                  "organization": "actor", "place": "place"}
_FACET_OF_SECTION = {"actors": "actor", "places": "place"}


def _entries(raw) -> list[tuple[str, dict]]:
    """(implied facet or "", entry) of every entry of a watchlist document."""
    if isinstance(raw, dict):
        return [(_FACET_OF_SECTION.get(section, ""), entry)
                for section, entries in raw.items() for entry in entries or ()]
    return [("", entry) for entry in raw or ()]


def _aliases(entry: dict) -> list[str]:
    aliases = entry.get("aliases") or []
    if isinstance(aliases, str):
        aliases = aliases.split("|")
    return [str(a).strip() for a in aliases if str(a).strip()]


def parse_known_names(text: str) -> dict[str, dict[str, str]]:
    """{facet: {spelling key: canonical name}} of a watchlist YAML text; the first entry
    naming a key wins."""
    known: dict[str, dict[str, str]] = {"actor": {}, "place": {}}
    for implied, entry in _entries(yaml.safe_load(text)):
        if not isinstance(entry, dict) or not entry.get("name"):
            continue
        facet = _FACET_OF_TYPE.get(str(entry.get("type") or "").lower(), implied)
        if facet not in known:
            continue
        name = str(entry["name"]).strip()
        for surface in (name, *_aliases(entry)):
            known[facet].setdefault(spelling_key(surface), name)
    return known


@lru_cache(maxsize=4)
def known_names(path: str = str(SHIPPED)) -> dict[str, dict[str, str]]:
    """The known names of a watchlist file (the shipped list by default); none if it is missing."""
    try:
        return parse_known_names(Path(path).read_text(encoding="utf-8"))
    except OSError:
        return {"actor": {}, "place": {}}
