"""Acronyms of things (class 3, non-names; class 5, things as actors): "liquid natural gas
(LNG)", "Ebola virus disease (EVD)", "electric vehicle [EV]", "RPG [role-playing game]". The
model tags such all-capital words as organisations; the document's own definition says what
they are. When the words the acronym spells, in brackets after it or right before it in
brackets, hold a lower-case content word (not a small word such as "of", nor a name particle
such as "al-" or "bin"), the acronym abbreviates a common noun: no mention of it is an actor
or a place. Organisations are defined by their capitalised names ("Syrian Democratic Forces
(SDF)", "Hayat Tahrir al-Sham (HTS)"), which this leaves alone.
"""

from __future__ import annotations

import re

from indexer.aliases import ACRONYM_IN_BRACKETS, ACRONYM_STOP, NAME_PARTICLE, is_acronym_of
from indexer.consistency import open_mention
from indexer.rule_data import word_list
from indexer.spans import Ent, replace

#: the most words an acronym's definition is read back over
MAX_DEFINITION_WORDS = 8
#: lower-case words that may stand inside a name ("bin", "van"; "al-" is `NAME_PARTICLE`)
_NAME_PARTICLES = frozenset(word_list("name_particles"))
_WORD = re.compile(r"[\w'’-]+")


def drop_thing_acronyms(text: str, ents: list[Ent]) -> list[Ent]:
    """Every open mention of an acronym the document defines by common nouns, or of its
    plural, loses its facet."""
    things = thing_acronyms(text)
    if not things:
        return ents
    return [replace(e, facet=None, value=None, rule="thing-acronym")
            if open_mention(e) and (e.text in things or _plural_of(e.text, things)) else e
            for e in ents]


def _plural_of(name: str, things: set[str]) -> bool:
    """ "the KVs (kidnap victims)": an acronym's plural, with its lower-case "s"."""
    return name.endswith("s") and name[:-1] in things


#: "electric vehicle [EV]": an acronym in square brackets after its definition
_ACRONYM_IN_SQUARE_BRACKETS = re.compile(r"\s*\[\s*([A-Z][A-Za-z&.]{1,9})\s*\]")
#: "RPG [role-playing game]": an acronym with its definition in brackets after it
_DEFINITION_AFTER = re.compile(r"\b([A-Z]{2,8})s?\s*[(\[]([a-z][\w'’ -]{2,80})[)\]]")


def thing_acronyms(text: str) -> set[str]:
    """The bracketed acronyms of the text whose definitions are common nouns, and the
    acronyms a bracketed lower-case definition follows."""
    if "(" not in text and "[" not in text:
        return set()
    found = set()
    for pattern in (ACRONYM_IN_BRACKETS, _ACRONYM_IN_SQUARE_BRACKETS):
        for match in pattern.finditer(text):
            acronym = match[1]
            if acronym.isupper() and _common_definition(text, match.start(), acronym):
                found.add(acronym)
    for match in _DEFINITION_AFTER.finditer(text):
        if is_acronym_of(match[1], match[2]) and any(map(_common_word, match[2].split())):
            found.add(match[1])
    return found


def _common_definition(text: str, end: int, acronym: str) -> bool:
    """True when the shortest run of words ending at `end` whose initials spell the acronym
    holds a lower-case content word ("liquid natural gas": LNG)."""
    words = [w[0] for w in _WORD.finditer(text, max(0, end - 120), end)][-MAX_DEFINITION_WORDS:]
    for count in range(2, len(words) + 1):
        run = words[-count:]
        if is_acronym_of(acronym, " ".join(run)):
            return any(_common_word(word) for word in run)
    return False


def _common_word(word: str) -> bool:
    """A lower-case word that is no small word of a name and no name particle."""
    return word[:1].islower() and word not in ACRONYM_STOP and word not in _NAME_PARTICLES \
        and not NAME_PARTICLE.match(word + " ")
