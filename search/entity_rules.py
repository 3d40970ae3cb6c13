"""Corpus-wide evidence that facet values name one entity: an ordered table of named rules.

Every rule has one signature, `rule(evidence) -> Iterator[Link]`: it reads the Evidence of one
facet of one index generation (value names, the documents holding them, those documents'
countries, stored mentions) and links value ids. Evidence is corpus-wide and follows the
index's sorted term order, so the links never depend on the order files were indexed in.
Word lists live in search/data/entity_words.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from search.facet_table import FacetTable
from search.folding import fold

WORDS_FILE = Path(__file__).resolve().parent / "data" / "entity_words.yaml"
_NOT_WORD = re.compile(r"[^\w\s]")
_ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z&]){1,7}\.?$")


@dataclass(frozen=True)
class EntityWords:
    """The word lists of the rules (see entity_words.yaml for what each one means)."""

    phrase_spellings: dict[str, str]
    key_aliases: dict[str, str]
    country_qualifiers: dict[str, str]
    bodies: dict[str, str]
    self_named_bodies: frozenset[str]
    bare_body_min_share: float
    bare_body_min_docs: int
    keep_apart: tuple[frozenset[str], ...]
    organisation_words: frozenset[str]
    surname_particles: frozenset[str]
    initials_skip: frozenset[str]
    max_introduction_docs: int
    min_full_name_docs: int
    role_words: frozenset[str]

    @property
    def phrases(self) -> re.Pattern:
        """One pattern of every phrase spelling, longest first."""
        return _phrase_pattern(tuple(self.phrase_spellings))


@lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


@lru_cache(maxsize=1)
def entity_words() -> EntityWords:
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    return EntityWords(
        phrase_spellings=dict(raw["phrase_spellings"]),
        key_aliases=dict(raw["key_aliases"]),
        country_qualifiers=dict(raw["country_qualifiers"]),
        bodies=dict(raw["bodies"]),
        self_named_bodies=frozenset(raw["self_named_bodies"]),
        bare_body_min_share=float(raw["bare_body_min_share"]),
        bare_body_min_docs=int(raw["bare_body_min_docs"]),
        keep_apart=tuple(frozenset(pair) for pair in raw["keep_apart"]),
        organisation_words=frozenset(raw["organisation_words"]),
        surname_particles=frozenset(raw["surname_particles"]),
        initials_skip=frozenset(raw["initials_skip"]),
        max_introduction_docs=int(raw["max_introduction_docs"]),
        min_full_name_docs=int(raw["min_full_name_docs"]),
        role_words=frozenset(raw["role_words"]),
    )


@lru_cache(maxsize=2**16)
def spelling_key(value: str) -> str:
    """The name with case, accents, punctuation and country spellings folded away:
    "U.S. Senate", "US Senate" and "United States Senate" all give "us senate"."""
    words = entity_words()
    text = _plain_key(value, words)
    return words.key_aliases.get(text, text)


def plain_key(text: str) -> str:
    """A text folded like spelling_key (case, accents, punctuation, country spellings), with
    no whole-key aliases and no cache: for titles and other running text."""
    return _plain_key(text, entity_words())


def is_key_alias(value: str, words: EntityWords) -> bool:
    """Whether a value is a short name of another key ("DC" of "Washington DC")."""
    return _plain_key(value, words) in words.key_aliases


def _plain_key(value: str, words: EntityWords) -> str:
    text = " ".join(_NOT_WORD.sub("", fold(value).replace("-", " ")).split())
    if text.startswith("the "):
        text = text[4:]
    return words.phrases.sub(lambda m: words.phrase_spellings[m.group(0)], text)


@dataclass(frozen=True)
class Link:
    """Evidence that values `a` and `b` are one entity; `short` is the side that is an
    abbreviation or partial name (never chosen as the canonical name when a full one exists)."""

    a: int
    b: int
    rule: str
    short: int | None = None


@dataclass
class Evidence:
    """What the rules may read about one facet of one generation."""

    facet: str
    table: FacetTable
    keys: list[str]
    doc_counts: np.ndarray
    #: the generation's country facet (countries of each document's places), if any
    countries: FacetTable | None
    #: spelling key -> canonical name of the shipped known entities / watchlist of this facet
    known: dict[str, str]
    #: docnum -> (body text, stored mentions [start, end, facet, value])
    read_mentions: Callable[[int], tuple[str, list]]
    #: current entity (union-find root) of a value id, updated between rules
    root: Callable[[int], int]
    words: EntityWords
    #: spelling keys of the generation's place values (a place glued before a name)
    places: frozenset[str] = frozenset()

    @property
    def values(self) -> list[str]:
        return self.table.values


def _chain(ids: list[int], rule: str, short: int | None = None) -> Iterator[Link]:
    for other in ids[1:]:
        yield Link(ids[0], other, rule, short if short in (ids[0], other) else None)


def _groups(keyed: Iterator[tuple[str, int]]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for key, vid in keyed:
        groups.setdefault(key, []).append(vid)
    return groups


def same_spelling(ev: Evidence) -> Iterator[Link]:
    """Fixes: one name split by spelling (case, accents, punctuation, "U.S."/"US"/"United
    States": "Democratic party" / "Democratic Party", "Erdoğan" / "Erdogan")."""
    for ids in _groups((key, vid) for vid, key in enumerate(ev.keys)).values():
        yield from _chain(ids, "same_spelling")


def known_name(ev: Evidence) -> Iterator[Link]:
    """Fixes: a known entity split across its aliases ("UN" / "United Nations"), from the
    shipped known entities and the watchlist."""
    groups = _groups((ev.known[key], vid) for vid, key in enumerate(ev.keys) if key in ev.known)
    for ids in groups.values():
        yield from _chain(ids, "known_name")


def body_of(key: str, words: EntityWords) -> tuple[str | None, str] | None:
    """(country or None when bare, body key) of a legislature's, party's or department's
    name, else None."""
    qualifier, _, rest = key.partition(" ")
    body = _body_key(rest, words) if qualifier in words.country_qualifiers else None
    if body:
        return words.country_qualifiers[qualifier], body
    body = _body_key(key, words)
    return (None, body) if body else None


#: "state department", "department of state": a government department named either way
_DEPARTMENT = re.compile(r"^(?:(\w+(?: \w+)?) department|department of (\w+(?: \w+)?))$")


def _body_key(key: str, words: EntityWords) -> str | None:
    """The full key of a bare body ("house" -> "house of representatives"), a department in
    one word order ("state department" and "department of state" -> "department of state"),
    or None."""
    if key in words.bodies:
        return words.bodies[key]
    department = _DEPARTMENT.match(key)
    if department is None:
        return None
    return f"department of {department[1] or department[2]}"


def country_body(ev: Evidence) -> Iterator[Link]:
    """Fixes: one country's legislature, party or department split by its qualifier or word
    order ("US Senate" / "U.S. Senate" / "United States Senate"; "US State Department" /
    "United States Department of State"), and a bare "Senate" or "State Department" kept
    apart from it although its documents are about that country."""
    qualified: dict[tuple[str, str], list[int]] = {}
    bare: list[tuple[int, str]] = []
    for vid, key in enumerate(ev.keys):
        found = body_of(key, ev.words)
        if found and found[0]:
            qualified.setdefault((found[0], found[1]), []).append(vid)
        elif found:
            bare.append((vid, found[1]))
    for ids in qualified.values():
        yield from _chain(ids, "country_body")
    for vid, body in bare:
        country = context_country(ev, vid)
        if country and (country, body) in qualified:
            short = None if body in ev.words.self_named_bodies else vid
            yield Link(qualified[(country, body)][0], vid, "country_body", short=short)


def context_country(ev: Evidence, vid: int) -> str | None:
    """The country whose places appear in an overwhelming share of a value's documents."""
    if ev.countries is None or ev.doc_counts[vid] < ev.words.bare_body_min_docs:
        return None
    docs = np.unique(ev.table.docs_of([vid]))
    held = np.zeros(len(ev.countries.doc_ptr) - 1, dtype=bool)
    held[docs] = True
    counts = ev.countries.count(held, len(docs))
    if not len(counts) or counts.max() < ev.words.bare_body_min_share * len(docs):
        return None
    return ev.countries.values[int(np.argmax(counts))]


def initials(name: str, words: EntityWords) -> tuple[str, str]:
    """(initials of the capitalised words, initials of all words) of a name."""
    parts = fold(name).replace("-", " ").split()
    raw = name.replace("-", " ").split()
    capital = "".join(w[0] for w, r in zip(parts, raw, strict=False)
                      if r[:1].isupper() and w not in words.initials_skip)
    return capital, "".join(w[0] for w in parts if w[:1].isalnum())


def acronym_expansion(ev: Evidence) -> Iterator[Link]:
    """Fixes: an acronym split from the one name the corpus introduces it with ("Hayat Tahrir
    al-Sham (HTS)"); an acronym introduced with two different names stays apart."""
    expansions = _expansion_candidates(ev)
    for acronym, candidates in expansions.items():
        introduced = [e for e in candidates if _introduced(ev, acronym, e)]
        roots = {ev.root(e) for e in introduced}
        if len(roots) == 1:
            yield Link(introduced[0], acronym, "acronym_expansion", short=acronym)


def _expansion_candidates(ev: Evidence) -> dict[int, list[int]]:
    """Acronym value id -> multi-word value ids whose initials spell it."""
    by_initials: dict[str, list[int]] = {}
    for vid, value in enumerate(ev.values):
        if " " in value.strip():
            for letters in set(initials(value, ev.words)):
                by_initials.setdefault(letters, []).append(vid)
    found = {}
    for vid, value in enumerate(ev.values):
        if _ACRONYM.match(value):
            letters = fold(value).replace(".", "").replace("&", "")
            if by_initials.get(letters):
                found[vid] = by_initials[letters]
    return found


def _introduced(ev: Evidence, acronym: int, expansion: int) -> bool:
    """Whether some document holding the expansion writes "Expansion (ACR)" or "ACR (Expansion)"."""
    short = ev.values[acronym]
    full = ev.values[expansion]
    docs = np.unique(ev.table.docs_of([expansion]))[:ev.words.max_introduction_docs]
    pattern = re.compile(rf"{re.escape(full)}\s*\(\s*{re.escape(short)}\s*\)"
                         rf"|{re.escape(short)}\s*\(\s*{re.escape(full)}\s*\)")
    for docnum in docs.tolist():
        body, mentions = ev.read_mentions(int(docnum))
        for start, end, facet, value in mentions:
            if facet == ev.facet and value == full and pattern.search(
                    body, max(0, start - len(short) - 4), end + len(short) + 4):
                return True
    return False


def _strip_particles(words: list[str], particles: frozenset[str]) -> list[str]:
    while words and words[0] in particles:
        words = words[1:]
    return words


def _short_forms(key: str, words: EntityWords) -> list[str]:
    """The trailing parts a person's name is cut to ("bashar al assad" -> "al assad" and
    "assad", both read as "assad"; "rocky de la fuente" -> "de la fuente", "la fuente", ...)."""
    parts = key.split()
    if words.organisation_words & set(parts):
        return []
    found = [" ".join(_strip_particles(parts[i:], words.surname_particles))
             for i in range(1, len(parts))]
    return list(dict.fromkeys(f for f in found if f))


def unique_surname(ev: Evidence) -> Iterator[Link]:
    """Fixes: a lone surname (or the last words of a name) split from the one full name it
    stands for across the corpus ("Erdoğan" -> "Recep Tayyip Erdogan", "De La Fuente" ->
    "Rocky De La Fuente"); a surname shared by two people ("Assad": Bashar and Hafez
    al-Assad) stays apart."""
    if ev.facet != "actor":
        return
    full_names: dict[str, list[int]] = {}
    for vid, key in enumerate(ev.keys):
        if 2 <= len(key.split()) <= 4 and _person_like(ev.values[vid]):
            for short in _short_forms(key, ev.words):
                full_names.setdefault(short, []).append(vid)
    for vid, key in enumerate(ev.keys):
        short = " ".join(_strip_particles(key.split(), ev.words.surname_particles))
        if len(key.split()) > 3 or not _person_like(ev.values[vid]) or key in ev.words.bodies \
                or ev.words.organisation_words & set(key.split()):
            continue
        candidates = _longest(ev, [c for c in full_names.get(short, []) if c != vid])
        if len({ev.root(c) for c in candidates}) != 1:
            continue
        best = max(candidates, key=lambda c: (ev.doc_counts[c], ev.values[c]))
        if ev.doc_counts[best] >= ev.words.min_full_name_docs:
            yield Link(best, vid, "unique_surname", short=vid)


def _longest(ev: Evidence, ids: list[int]) -> list[int]:
    """The names that are not themselves the last words of another name in `ids`."""
    keys = {vid: " " + ev.keys[vid] for vid in ids}
    return [vid for vid in ids
            if not any(other != vid and keys[other].endswith(keys[vid]) for other in ids)]


def glued_prefix(ev: Evidence) -> Iterator[Link]:
    """Fixes: a place or a role word glued in front of a person's name by the model
    ("Vermont Bernie Sanders", "Guitarist Eddie Van Halen") kept apart from that person."""
    if ev.facet != "actor":
        return
    by_key = {key: vid for vid, key in enumerate(ev.keys)}
    for vid, key in enumerate(ev.keys):
        parts = key.split()
        for i in range(1, len(parts) - 1):
            prefix, rest = " ".join(parts[:i]), " ".join(parts[i:])
            person = by_key.get(rest)
            if person is None or parts[i] in ev.words.surname_particles:
                continue
            if (prefix in ev.places or prefix in ev.words.role_words) and \
                    _person_like(ev.values[person]) and _short_forms(rest, ev.words):
                yield Link(person, vid, "glued_prefix", short=vid)
                break


def _person_like(value: str) -> bool:
    """Capitalised words, none in capitals throughout ("UC Davis" is not a person's name)."""
    words = value.replace("-", " ").split()
    return bool(words) and value[:1].isupper() and all(
        (w[:1].isupper() and not w[1:2].isupper()) or w.islower() for w in words)


Rule = Callable[[Evidence], Iterator[Link]]

#: applied in this order; a later rule sees the entities the earlier ones formed
RULES: tuple[Rule, ...] = (same_spelling, known_name, country_body, acronym_expansion,
                           glued_prefix, unique_surname)
