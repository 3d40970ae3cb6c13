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
from dataclasses import replace

from indexer.spans import Ent

MAX_EXTRA_WORDS = 6
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{2,9})\)")  # three letters or more: not "(MP)"
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "&"})
_WORD = re.compile(r"\S+")


def widen_to_acronyms(text: str, ents: list[Ent]) -> list[Ent]:
    """Spans widened to the whole name their bracketed acronym spells."""
    out = [_widened(text, ent) for ent in ents]
    widened = [e for e in out if e.rule == "acronym-name"]
    return [e for e in out if not _swallowed(e, widened)] if widened else out


def _widened(text: str, ent: Ent) -> Ent:
    """The span widened to what the acronym after it spells, or the span itself."""
    acronym = _ACRONYM_AFTER.match(text, ent.end)
    if not acronym or ent.fixed or ent.label == "DATE":
        return ent
    start = _spelled_start(text, ent, acronym[1].upper())
    if start is None or start >= ent.start:
        return ent
    return replace(ent, start=start, text=text[start:ent.end], label="ORG", facet=None,
                   value=None, rule="acronym-name")


def _spelled_start(text: str, ent: Ent, acronym: str) -> int | None:
    """Where the name starts whose initials spell the acronym, or None."""
    words = list(_WORD.finditer(text, max(0, ent.start - 80), ent.end))
    inside = [w for w in words if w.start() >= ent.start]
    before = [w for w in words if w.end() <= ent.start]
    for extra in range(1, min(MAX_EXTRA_WORDS, len(before)) + 1):
        run = before[-extra:] + inside
        if not run[0][0][:1].isupper():
            continue
        if acronym in _initials(m[0] for m in run):
            return run[0].start()
    return None


def _initials(words) -> set[str]:
    """The acronyms a run of words may have: its capitalised words' initials, with or
    without the small words' ("ECWAS", "ECOWAS")."""
    words = [w for w in (w.strip("(),.;:") for w in words) if w]
    if any(not w[0].isupper() and w.lower() not in _SMALL_WORDS for w in words):
        return set()
    return {"".join(w[0] for w in words if w[0].isupper()), "".join(w[0].upper() for w in words)}


def _swallowed(ent: Ent, widened: list[Ent]) -> bool:
    """A span inside a widened one ("Economic Community" of the whole name)."""
    return any(o is not ent and o.start <= ent.start and ent.end <= o.end for o in widened)
