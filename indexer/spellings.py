"""Split values (issue 10's first complaint: one entity under several values): a name a
document writes two ways that differ only in accents, case, full stops, hyphens or
apostrophes ("Jarosław Kaczyński" and "Jaroslaw Kaczynski", "Yucatán" and "Yucatan",
"Champions League" and "Champions league") is one value in that document, per facet: a
known entity's canonical name if it is one of them, else the spelling most of its mentions
have, then the one whose case reads as a name's (`_case_score`: "Jim Lykam", not "JIM
Lykam"; "ROTC", not "Rotc"), then the one the document uses first (a report introduces a
name in full form). Search finds either: `place_key` folds them alike. The rule runs last,
on the values every other rule has settled.
"""

from __future__ import annotations

from collections import Counter

from indexer.gazetteer import place_key
from indexer.spans import Ent, replace

_FACETS = ("actor", "place")
#: letters NFKD leaves whole, folded as `place_key` folds accents ("Jarosław" is "Jaroslaw")
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                          "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})
#: the rules whose values are canonical names of the shipped list or the user's watchlist
_CANONICAL_RULES = frozenset({"known", "watchlist"})


def spelling_variants(ents: list[Ent]) -> list[Ent]:
    """Spans whose value is a minority spelling of another value of their facet take it."""
    counts = Counter((e.facet, e.value) for e in ents if e.facet in _FACETS and e.value)
    canonical = {(e.facet, e.value) for e in ents if e.rule in _CANONICAL_RULES}
    targets = _targets(counts, canonical)
    if not targets:
        return ents
    return [replace(e, value=targets[(e.facet, e.value)], rule="spelling")
            if (e.facet, e.value) in targets else e for e in ents]


def _targets(counts: Counter, canonical: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(facet, value) -> the spelling it yields to, for every value with another spelling."""
    groups: dict[tuple[str, str], list[str]] = {}
    for facet, value in counts:
        groups.setdefault((facet, place_key(value.translate(_LETTERS))), []).append(value)
    targets = {}
    for (facet, _), values in groups.items():
        if len(values) > 1:
            best = max(values, key=lambda v: ((facet, v) in canonical, counts[(facet, v)],
                                              _case_score(v), -values.index(v)))
            targets.update({(facet, v): best for v in values if v != best})
    return targets


def _case_score(value: str) -> tuple[int, int]:
    """How well a spelling's case reads, higher better: a name of several words written with
    fewer words all in capitals ("Jim Lykam", not a caps lead's "JIM Lykam"), then with more
    capitals ("Champions League"); one word, with more capitals (an acronym: "EFE", not
    "Efe")."""
    words = value.split()
    shouted = sum(1 for w in words if len(w) > 1 and w.isupper()) if len(words) > 1 else 0
    return -shouted, sum(map(str.isupper, value))
