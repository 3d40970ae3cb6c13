"""Class 4 (wrong countries): a place name that several countries share takes the country the
document is about. The gazetteer's first choice for a name is its best-ranked, largest place
("Valencia": Venezuela's city, "Tripoli": Libya's, "Victoria": Hong Kong's); when the document
names the country of another place by that name and not the first choice's, the name is that
other place ("Valencia" in a report on Spain). The other place must be of the same order of
size (a tenth of the first choice's population or more); a province or state yields only to
another province or state ("Ontario" stays Canada's beside a Californian city), and a
province or state of the document's country wins over a city ("Victoria" in an Australian
report): "Paris" stays in France in an American report, which is far likelier than a town of
25,000 in Texas.
"""

from __future__ import annotations

from collections.abc import Callable

from indexer.gazetteer import Gazetteer, Place
from indexer.spans import Ent, replace

#: the other place must have at least this share of the first choice's population
MIN_POPULATION_SHARE = 0.1
_ADMIN_KINDS = frozenset({"region", "province"})


def home_countries(ents: list[Ent], gazetteer: Gazetteer,
                   is_country: Callable[[str], bool]) -> list[Ent]:
    """Place spans moved to the document's own country where their name allows it."""
    named = {e.value for e in ents if e.facet == "place" and e.value and is_country(e.value)}
    out = []
    for ent in ents:
        home = _home(ent, gazetteer, named) if named else None
        out.append(replace(ent, country=home.country, rule="home-country") if home else ent)
    return out


def _home(ent: Ent, gazetteer: Gazetteer, named: set[str]) -> Place | None:
    first = _movable_place(ent, gazetteer, named)
    if first is None:
        return None
    homes = [p for p in gazetteer.in_other_countries(ent.text)
             if p.country in named and _comparable(p, first)]
    return homes[0] if len({p.country for p in homes}) == 1 else None


def _movable_place(ent: Ent, gazetteer: Gazetteer, named: set[str]) -> Place | None:
    """The gazetteer's first choice for a place span whose country the document does not
    name (no country itself, no watchlist entry); None otherwise."""
    if ent.facet != "place" or not ent.country or ent.country in named or ent.rule == "watchlist":
        return None
    first = gazetteer.lookup(ent.text)
    if first is None or first.kind == "country" or first.country != ent.country:
        return None
    return first


def _comparable(other: Place, first: Place) -> bool:
    """A province or state for a province or state ("Victoria"); for a city, a province or
    state or a city of the same order of size."""
    if first.kind in _ADMIN_KINDS or other.kind in _ADMIN_KINDS:
        return other.kind in _ADMIN_KINDS
    return other.population >= MIN_POPULATION_SHARE * first.population
