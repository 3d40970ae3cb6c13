"""Country knowledge shipped with Trawl: demonyms ("Syrian" -> Syria) and place aliases ("U.S.").

Small hand-made tables in indexer/data, read once; the city gazetteer (indexer.gazetteer)
builds on them. Everything here is plain strings so the rules stay testable without spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from indexer.rule_data import word_list

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class CountryTables:
    """Demonym and alias lookups, keyed by exact (case-sensitive) strings."""

    #: adjective or people noun -> country ("Syrian", "Syrians" -> "Syria")
    country_of_demonym: dict[str, str]
    #: country -> its canonical adjective ("Syria" -> "Syrian")
    demonym_of_country: dict[str, str]
    #: plural people nouns ("Syrians", "Kurds")
    people: frozenset[str]
    #: alias -> (canonical place, country) ("U.S." -> ("United States", "United States"))
    place_aliases: dict[str, tuple[str, str]]


def _rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip()]


@lru_cache(maxsize=1)
def country_tables() -> CountryTables:
    """The shipped tables, parsed once per process."""
    country_of: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    people: set[str] = set(EXTRA_PEOPLE)
    for row in _rows("demonyms.tsv"):
        country, adjectives = row[0], _split(row[1])
        nouns = _split(row[2]) if len(row) > 2 else []
        demonym_of[country] = adjectives[0]
        for word in adjectives + nouns:
            country_of.setdefault(word, country)
        people.update(nouns)
    aliases = {}
    for row in _rows("place_aliases.tsv"):
        canonical = row[1]
        aliases[row[0]] = (canonical, row[2] if len(row) > 2 else canonical)
    return CountryTables(country_of, demonym_of, frozenset(people), aliases)


#: peoples that are not nations of one country but act as groups in conflict news
EXTRA_PEOPLE = frozenset(word_list("peoples"))

#: adjectives of peoples and regions that are not one country (still nationality-like words)
EXTRA_ADJECTIVES = frozenset(word_list("people_adjectives"))


def is_demonym(word: str) -> bool:
    """True for nationality or people words ("Syrian", "Iraqis", "Kurdish")."""
    tables = country_tables()
    return word in tables.country_of_demonym or word in tables.people or word in EXTRA_ADJECTIVES


def is_people(word: str) -> bool:
    """True for plural nouns naming a people ("Syrians", "Kurds"), which act as group actors."""
    return word in country_tables().people


def demonym_for(country: str) -> str | None:
    """The adjective of a country ("Syria" -> "Syrian"), None if the table lacks it."""
    return country_tables().demonym_of_country.get(country)


def national_qualifier(country: str) -> str | None:
    """How a country's institutions are named in one value ("Iraq" -> "Iraqi", "United
    States" -> "US": `national_qualifiers` in rule_words.txt, else the country's adjective
    when it names that country alone), None for a name that is no such country."""
    override = _national_qualifiers().get(country)
    if override:
        return override
    adjective = demonym_for(country)
    return adjective if adjective and country_for_demonym(adjective) == country else None


def written_qualifier(country: str) -> str | None:
    """The one way news writes a country's name before its bodies when that is no adjective
    ("United States" -> "US", whether written "U.S." or "United States"), else None."""
    return _national_qualifiers().get(country)


@lru_cache(maxsize=1)
def _national_qualifiers() -> dict[str, str]:
    return dict(entry.split(" = ", 1) for entry in word_list("national_qualifiers"))


def country_for_demonym(word: str) -> str | None:
    """The country of a nationality word ("Syrian" -> "Syria"), None for peoples like "Kurdish"."""
    return country_tables().country_of_demonym.get(word)
