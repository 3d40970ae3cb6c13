"""Class 6 (one person under several values): a person's long form and short form in one
document ("John James Conyers Jr" and "John Conyers", "Walter Wallace Jr." and "Walter
Wallace") are one value, the short form, which is how the document and its readers name him.

Two person values are variants when they share the first and the last name word once a
generational suffix ("Jr", "III") is set aside, and one of them is just those two words. The
merge is left alone whenever the document may name two people: three or more variants ("George
H. W. Bush", "George W. Bush", "George Bush"), or a "Senior" among them (father and son).
"""

from __future__ import annotations

import re
from collections import Counter

from indexer.rule_data import word_list
from indexer.spans import Ent, replace

#: generational suffixes that end a person's name without being its surname
_SUFFIXES = frozenset(word_list("generational_suffixes"))
_SENIOR = frozenset(word_list("senior_suffixes"))
_WORD = re.compile(r"[^\W\d_][\w'’-]*\.?")


def name_variants(ents: list[Ent]) -> list[Ent]:
    """Person spans whose value is the long variant of a short one take the short value."""
    targets = variant_targets(Counter(e.value for e in ents if _person(e)))
    return [replace(e, value=targets[e.value], rule="name-variant", fixed=True)
            if e.facet == "actor" and e.value in targets else e for e in ents]


def variant_targets(values: Counter) -> dict[str, str]:
    """Long person value -> the short value it is a variant of (see the module docstring)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for value in values:
        core = name_core(value)
        if core:
            groups.setdefault(core, []).append(value)
    targets = {}
    for core, names in groups.items():
        pair = _long_and_short(core, names)
        if pair:
            targets[pair[0]] = pair[1]
    return targets


def _long_and_short(core: tuple[str, str], names: list[str]) -> tuple[str, str] | None:
    """(long form, short form) when the names are exactly one of each and no "Senior"."""
    short = [n for n in names if _words(n) == list(core)]
    if len(names) != 2 or len(short) != 1 or any(_senior(n) for n in names):
        return None
    return next(n for n in names if n != short[0]), short[0]


def name_core(value: str) -> tuple[str, str] | None:
    """(first word, last word) of a person's name, generational suffix set aside; None for a
    name of one word."""
    words = _words(value)
    while words and words[-1] in _SUFFIXES:
        words.pop()
    return (words[0], words[-1]) if len(words) >= 2 else None


def _words(value: str) -> list[str]:
    return [w.rstrip(".").casefold() for w in _WORD.findall(value)]


def _senior(value: str) -> bool:
    return bool(_SENIOR & set(_words(value)))


def _person(ent: Ent) -> bool:
    return ent.facet == "actor" and ent.label == "PERSON" and ent.value is not None
