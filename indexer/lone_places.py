"""Class 3 (non-names) for places: a one-word GPE that nothing but the recogniser calls a place.

The small model tags many capitalised words as GPE with no other sign of a place: sentence
openers ("Afterwards", "Realistically", "Offering"), brands and services ("Reddit", "Ocado"),
taxa ("Vibrio"), given names ("Melania"). A one-word place value is dropped when every sign
is missing at once: the gazetteer does not know the name, no place rule (cue, gazetteer,
possessive, alias, consistency) touched it, the model labelled it GPE, the document mentions
it once, the words around that mention say nothing of a place ("in X", "the capital, X",
"X, Syria", "Mosul and X", or a target cue: "the storm hit X"), and no list holds it with a
place something else confirms ("entered after Rutshuru, Nyiragongo and Masisi"). Abbreviations ("D.C.", "DC") are left alone: they are forms of
known places the gazetteer lists under their full names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from indexer.listed_places import name_runs
from indexer.spans import Ent, replace

#: the rules a model place may have passed and still be unconfirmed (classification alone)
_UNCONFIRMING_RULES = frozenset({"classify"})


def lone_places(text: str, ents: list[Ent], is_place: Callable[[str], bool],
                in_place_context: Callable[[Ent], bool]) -> list[Ent]:
    """Unconfirmed one-word place values dropped (see the module docstring)."""
    mentions = Counter(e.value for e in ents if e.facet == "place")
    lone = {id(e) for e in ents if _unconfirmed(e, mentions, is_place, in_place_context)}
    if not lone:
        return ents
    lone -= _listed_with_confirmed_places(text, ents, lone)
    lone |= _built_on(ents, lone)
    return [replace(e, facet=None, value=None, rule="lone-place") if id(e) in lone else e
            for e in ents]


def _built_on(ents: list[Ent], lone: set[int]) -> set[int]:
    """The ids of the bodies `local-body` named after a place now dropped: "Quoting police
    sources" made "Quoting" a place and "Quoting Police" its police; the body is no more a
    name than the place it was built on."""
    starts = {e.start for e in ents if id(e) in lone}
    return {id(e) for e in ents if e.rule == "local-body" and e.start in starts}


def _listed_with_confirmed_places(text: str, ents: list[Ent], lone: set[int]) -> set[int]:
    """The ids of the unconfirmed places in a list of three names or more joined by commas,
    "and" or "or", most of them places, one of them confirmed ("entered after Rutshuru,
    Nyiragongo and Masisi"); not two names ("through Polio and Gass 1997") nor a list of
    people with a town's name among them ("Thorell, Lindqvist, Nutley, Bohlin")."""
    runs = [[ents[i] for i in run] for run in name_runs(text, ents)]
    return {id(e) for run in runs if _confirming(run, lone) for e in run if id(e) in lone}


def _confirming(run: list[Ent], lone: set[int]) -> bool:
    places = [e for e in run if e.facet == "place"]
    return len(run) >= 3 and 2 * len(places) > len(run) and any(id(e) not in lone for e in places)


def _unconfirmed(ent: Ent, mentions: Counter, is_place: Callable[[str], bool],
                 in_place_context: Callable[[Ent], bool]) -> bool:
    if ent.facet != "place" or ent.label != "GPE" or ent.fixed or ent.rule != "model" \
            or not set(ent.rules) <= _UNCONFIRMING_RULES or mentions[ent.value] != 1:
        return False
    return _word(ent.text) and not is_place(ent.text) and not in_place_context(ent)


def _word(text: str) -> bool:
    """One word written as a name, not an abbreviation ("D.C.", "DC")."""
    word = text.strip()
    return " " not in word and "." not in word and not word.isupper() and word[:1].isupper()
