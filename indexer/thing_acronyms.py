"""Acronyms of things (class 3, non-names; class 5, things as actors): "liquid natural gas
(LNG)", "Ebola virus disease (EVD)", "the anterior cingulate cortex (ACC)". The model tags
such all-capital words as organisations; the document's own definition says what they are.
When the words the acronym spells, right before it in brackets, hold a lower-case content word
(not a small word such as "of", nor a name particle such as "al-" or "bin"), the acronym
abbreviates a common noun: no mention of it is an actor or a place. Organisations are defined
by their capitalised names ("Syrian Democratic Forces (SDF)", "Hayat Tahrir al-Sham (HTS)"),
which this leaves alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from indexer.aliases import ACRONYM_IN_BRACKETS, ACRONYM_STOP, is_acronym_of
from indexer.consistency import open_mention
from indexer.rule_data import word_list
from indexer.spans import Ent

#: the most words an acronym's definition is read back over
MAX_DEFINITION_WORDS = 8
#: lower-case words that may stand inside a name ("bin", "van", "al-")
_NAME_PARTICLES = frozenset(word_list("name_particles")) | {"al", "el", "ad", "as", "ar", "an"}
_WORD = re.compile(r"[\w'’-]+")


def drop_thing_acronyms(text: str, ents: list[Ent]) -> list[Ent]:
    """Every open mention of an acronym the document defines by common nouns loses its
    facet."""
    things = _thing_acronyms(text)
    if not things:
        return ents
    return [replace(e, facet=None, value=None, rule="thing-acronym")
            if open_mention(e) and e.text in things else e for e in ents]


def _thing_acronyms(text: str) -> set[str]:
    """The bracketed acronyms of the text whose definitions are common nouns."""
    if "(" not in text:
        return set()
    found = set()
    for match in ACRONYM_IN_BRACKETS.finditer(text):
        acronym = match[1]
        if acronym.isupper() and _common_definition(text, match.start(), acronym):
            found.add(acronym)
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
    head = word.split("-")[0]
    return word[:1].islower() and word not in ACRONYM_STOP and head not in _NAME_PARTICLES
