"""Class 2 (names cut short): a name the model cut, put back whole by the acronym the text
defines for it. "The Economic Community of West African States (ECOWAS)": the model marks
only "West African States", a place; the letters of ECOWAS spell the whole name, so the span
is widened to it, and the organisation is one value with its acronym.

A span followed by "(ACRONYM)" grows leftwards over up to `MAX_EXTRA_WORDS` capitalised
words and the small words between them ("of", "and", "for", "the") while the words' initials
can still spell the acronym; it is widened only when they spell it exactly.
"""

from __future__ import annotations

import re

from indexer.aliases import ACRONYM_IN_BRACKETS, is_acronym_of
from indexer.spans import Ent, replace

MAX_EXTRA_WORDS = 6
#: an acronym shorter than this widens nothing ("Member of Parliament (MP)")
MIN_ACRONYM_LETTERS = 3
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "&"})
_WORD = re.compile(r"\S+")


def widen_to_acronyms(text: str, ents: list[Ent]) -> list[Ent]:
    """Spans widened to the whole name their bracketed acronym spells."""
    out = [_widened(text, ent) for ent in ents]
    widened = [e for e in out if e.rule == "acronym-name"]
    return [e for e in out if not _swallowed(e, widened)] if widened else out


def _widened(text: str, ent: Ent) -> Ent:
    """The span widened to what the acronym after it spells, or the span itself."""
    acronym = ACRONYM_IN_BRACKETS.match(text, ent.end)
    if not acronym or len(acronym[1]) < MIN_ACRONYM_LETTERS or ent.fixed or ent.label == "DATE":
        return ent
    start = _spelled_start(text, ent, acronym[1])
    if start is None or start >= ent.start:
        return ent
    return replace(ent, start=start, text=text[start:ent.end], label="ORG", facet=None,
                   value=None, rule="acronym-name")


def _spelled_start(text: str, ent: Ent, acronym: str) -> int | None:
    """Where the name starts whose initials spell the acronym, or None."""
    words = list(_WORD.finditer(text, max(0, ent.start - 80), ent.end))
    inside = [w[0].strip("(),.;:") for w in words if w.start() >= ent.start]
    before = [w for w in words if w.end() <= ent.start]
    for extra in range(1, min(MAX_EXTRA_WORDS, len(before)) + 1):
        if _spells(acronym, [w[0].strip("(),.;:") for w in before[-extra:]] + inside):
            return before[-extra].start()
    return None


def _spells(acronym: str, run: list[str]) -> bool:
    """The run is a name (a capitalised first word that is no small word, "The", and small
    words only between capitalised ones) the acronym spells."""
    return run[0][:1].isupper() and run[0].lower() not in _SMALL_WORDS and _name_run(run) \
        and is_acronym_of(acronym, " ".join(run))


def _name_run(words: list[str]) -> bool:
    """Capitalised words and the small words between them only."""
    return all(not w or w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _swallowed(ent: Ent, widened: list[Ent]) -> bool:
    """A span inside a widened one ("Economic Community" of the whole name)."""
    return any(o is not ent and o.start <= ent.start and ent.end <= o.end for o in widened)
