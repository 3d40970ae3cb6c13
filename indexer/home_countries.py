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
from indexer.rule_data import word_list
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
    return _strays_unplaced(out, gazetteer)


#: a document's own country places at least this many of its place names
HOME_PLACES = 3
#: a town smaller than this, abroad, is a weak match for a name
STRAY_TOWN_POPULATION = 50_000


def _strays_unplaced(ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Place spans whose country rests on a weak match abroad lose it (the sentence's
    country is then theirs: `infer_countries`): in a document whose own country places
    `HOME_PLACES` names or more, a name that is the only one of its country and that the
    gazetteer knows only as another name of a town ("Hunter": Peru's "Jacobo Hunter"), as a
    town under `STRAY_TOWN_POPULATION` people ("Palácio" in a report on Brazil) or by words
    of direction alone is no evidence of that country. Other provinces keep theirs: the
    gazetteer gives them no size to weigh ("Ontario" in an American report)."""
    places = _names_by_country(ents)
    if not places or max(map(len, places.values())) < HOME_PLACES:
        return ents
    return [replace(ent, country=None, rule="home-country")
            if len(places.get(ent.country or "", ())) == 1 and _weak_match(ent, gazetteer) else ent
            for ent in ents]


def _names_by_country(ents: list[Ent]) -> dict[str, set[str]]:
    """Each country's place values in the document."""
    places: dict[str, set[str]] = {}
    for ent in ents:
        if ent.facet == "place" and ent.country and ent.value:
            places.setdefault(ent.country, set()).add(ent.value)
    return places


#: words of direction, lower case
COMPASS_WORDS = frozenset(word_list("compass_words"))


def _weak_match(ent: Ent, gazetteer: Gazetteer) -> bool:
    """The place span's country comes from another name of a town, from a small town, or
    from a name made of words of direction only ("North Western", a province of Sierra Leone,
    in "the North Western regions" of New South Wales)."""
    place = gazetteer.lookup(ent.text) if ent.facet == "place" and ent.rule != "watchlist" else None
    return place is not None and place.country == ent.country and (
        place.kind == "city-alt" or _stray_town(place)
        or all(w.lower() in COMPASS_WORDS for w in ent.text.split()))


def _home(ent: Ent, gazetteer: Gazetteer, named: set[str]) -> Place | None:
    first = _movable_place(ent, gazetteer, named)
    if first is None:
        return None
    homes = [p for p in gazetteer.in_other_countries(ent.text)
             if p.country in named and _comparable(p, first)]
    return homes[0] if len({p.country for p in homes}) == 1 else None


def _movable_place(ent: Ent, gazetteer: Gazetteer, named: set[str]) -> Place | None:
    """The gazetteer's first choice for a place span whose country the document does not
    name, or that is a small town (no country itself, no watchlist entry); None otherwise.
    A small town yields to a place of another named country ("Mecca and Medina" in a report
    naming Saudi Arabia and the United States: not the Ohio town of 26,000)."""
    if ent.facet != "place" or not ent.country or ent.rule == "watchlist":
        return None
    first = gazetteer.lookup(ent.text)
    if first is None or first.kind == "country" or first.country != ent.country \
            or (ent.country in named and not _stray_town(first)):
        return None
    return first


def _stray_town(place: Place) -> bool:
    """A town under `STRAY_TOWN_POPULATION`: a weak match for a name, abroad or at home."""
    return place.kind == "city" and place.population < STRAY_TOWN_POPULATION


def _comparable(other: Place, first: Place) -> bool:
    """A province or state for a province or state ("Victoria"); for a city, a province or
    state or a city of the same order of size."""
    if first.kind in _ADMIN_KINDS or other.kind in _ADMIN_KINDS:
        return other.kind in _ADMIN_KINDS
    return other.population >= MIN_POPULATION_SHARE * first.population
