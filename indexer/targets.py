"""A type prior from the sentence (error class 2 of issue 10): the place an attack or an
advance is aimed at. The model often calls such a town an organisation ("Russian forces
shelled Kherson", "airstrikes hit Khan Younis and Rafah", "fired missiles at Eilat"); after a
target cue a name the gazetteer knows, and each known name listed with it, is a place, also
where the model did not mark it at all ("militants seized Timbuktu")."""

from __future__ import annotations

import re

from indexer.consistency import names_a_facility
from indexer.rule_data import word_list
from indexer.spans import Ent, SpanIndex, replace

_CUE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in word_list("target_cues"))
                  + r")\s+(?:the\s+)?(?:(?:city|town|village|port)\s+of\s+)?$", re.I)
_LIST_GLUE = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
#: the last word of each cue, to skip the pattern where no cue can end
_CUE_ENDS = frozenset(w.split()[-1].lower() for w in word_list("target_cues"))
#: how far before a name a cue may end (the cue and its "the city of")
CUE_WINDOW = 40


#: a capitalised name of up to three words, which a cue before it may make a target
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}")


def cued(text: str, start: int) -> bool:
    """True when a target cue ends right before `start` (maybe with "the city of")."""
    window = text[max(0, start - CUE_WINDOW):start]
    if not any(w.lower() in _CUE_ENDS for w in window.split()[-4:]):
        return False
    return bool(_CUE.search(window))


def _retypable(ent: Ent) -> bool:
    words = ent.text.split()
    return ent.facet == "actor" and not ent.fixed and ent.label in ("ORG", "PERSON") \
        and len(words) <= 3


def _target_place(ent: Ent, is_place) -> bool:
    """A target the gazetteer knows, or a building that is also an institution: an embassy
    or a hospital attacked is the building ("an attack on the Saudi Teaching Maternal
    Hospital"), not the body that speaks from it. A building named after a place is left
    alone: its place is the one it stands for, not the one it stands in ("attacks on the U.S.
    Embassy" in Baghdad would be placed in the United States)."""
    words = ent.text.split()
    if names_a_facility(ent.text):
        return ent.facet == "actor" and not ent.fixed and len(words) <= 5 \
            and not any(is_place(" ".join(words[:i])) for i in range(1, len(words)))
    return _retypable(ent) and is_place(ent.text)


def missed_targets(text: str, ents: list[Ent], is_place) -> list[Ent]:
    """Known places after a target cue that the model did not mark ("seized Timbuktu")."""
    taken = SpanIndex(ents)
    found = []
    for match in _NAME.finditer(text):
        start, end = match.span()
        if not taken.overlaps_range(start, end) \
                and cued(text, start) \
                and is_place(match.group()):
            found.append(Ent(start, end, match.group(), "GPE", facet="place",
                             rule="place-target", fixed=True))
    return found


def attack_targets(text: str, ents: list[Ent], is_place) -> list[Ent]:
    """Actors after a target cue (or listed after such a target) that the gazetteer knows as
    places, or that name a building, become places."""
    out = list(ents)
    previous_target = None
    for i, ent in enumerate(ents):
        after_cue = cued(text, ent.start)
        listed = previous_target is not None and ent.start > previous_target.end \
            and _LIST_GLUE.fullmatch(text[previous_target.end:ent.start])
        if not (after_cue or listed):
            previous_target = None
            continue
        if _target_place(ent, is_place):  # a building's other mentions may speak: unfixed
            out[i] = replace(ent, facet="place", value=None, rule="place-target",
                             fixed=not names_a_facility(ent.text))
        previous_target = ent if out[i].facet == "place" else None
    return out + missed_targets(text, out, is_place)
