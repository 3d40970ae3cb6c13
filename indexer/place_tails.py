"""Class 2 (places cut short): a place's name written, or read, without one of its words is
taken for a person.

- The model often takes the first word of a place's name for a title and keeps only the rest
  ("Sheikh | Maqsoud", "Saint | Denis"). When the word before such a span and the span
  together are a place the document names elsewhere ("the district of Sheikh Maqsoud"), the
  span is that place: it is widened to take the word back and becomes a mention of the place.
  So is a span whose word before it (no determiner: "The El Paso shooting"), or a name and
  "and" before it ("Trinidad and | Tobago"), makes a name the gazetteer knows ("in Sultan |
  Kudarat"); a span the widened one covers goes.
- Writers drop a natural feature's word once they have named it ("Socotra Island ... flights
  to Socotra"): a bare name that the document also names with a feature word after it
  (`feature_words`) is that feature, unless a person named in full has it for a surname.
"""

from __future__ import annotations

import re

from indexer.gazetteer import Gazetteer
from indexer.rule_data import word_list
from indexer.spans import Ent

#: words that end the name of a natural feature, dropped once the feature is named
FEATURE_WORDS = frozenset(word_list("feature_words"))

#: words before a name that are no part of it ("The El Paso shooting")
_DETERMINERS = frozenset(word_list("name_determiners"))
#: a name and "and" right before a span: "Trinidad and | Tobago", "Bosnia and | Herzegovina"
_AND_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? and $")
#: the word right before a span (one capitalised word and a space)
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)\s$")


def place_tails(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Actor spans that are the tail of a place the document names, and actor or place spans
    that are the tail of a place the gazetteer knows ("in Sultan | Kudarat"), widened into
    it; a place the gazetteer knows by a name with "and" ("Saint Vincent and the Grenadines",
    "Sao Tome and Principe") is one span over the model's pieces."""
    ents = _joined_places(text, ents, gazetteer) if " and " in text else ents
    places = {e.key: e for e in ents if e.facet == "place" and " " in e.key}
    return _without_covered([_widened(text, e, places, gazetteer) or e for e in ents])


_WORD = re.compile(r"\S+")
#: "and" (maybe "the") and up to three capitalised words after it; the words before it are
#: read off the text before (`_WORDS_BEFORE_AND`), so the scan starts at the rare " and "
_AND_WORDS = re.compile(r" and ((?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})")
#: up to three capitalised words right before the "and"
_WORDS_BEFORE_AND = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]* ){0,2}[A-Z][\w'’.-]*$")


def _joined_places(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """The spans with each place the gazetteer knows by a name with "and" made one span,
    where the model cut it ("Saint Vincent | and the | Grenadines"; "Syria and Iraq" are two)
    and no span runs out of it; the longest such name over each "and" is taken."""
    spans = [_joined_place(text, match, gazetteer) for match in _AND_WORDS.finditer(text)]
    joined = [Ent(start, end, text[start:end], "GPE", facet="place", rule="place-tail", fixed=True)
              for start, end in filter(None, spans) if _may_join(ents, start, end)]
    if not joined:
        return ents
    return sorted([e for e in ents if not _covered(e, joined)] + joined, key=lambda e: e.start)


def _may_join(ents: list[Ent], start: int, end: int) -> bool:
    """True when no span is the name already, and none runs out of it (the model's pieces
    lie inside it)."""
    return not any(e.start < end and e.end > start and (e.start <= start and e.end >= end
                                                        or e.start < start or e.end > end)
                   for e in ents)


def _joined_place(text: str, match: re.Match, gazetteer: Gazetteer) -> tuple[int, int] | None:
    """(start, end) of the longest name the gazetteer knows over the match's "and", from any
    of the words before it to any after (a full stop after the last is no part of it)."""
    before = _WORDS_BEFORE_AND.search(text, max(0, match.start() - 80), match.start())
    if before is None:
        return None
    starts = [before.start() + word.start() for word in _WORD.finditer(before.group())]
    words = list(_WORD.finditer(match.group(1)))
    for start in starts:
        for word in reversed(words):
            end = match.start(1) + word.end() - word.group().endswith(".")
            if gazetteer.known_place(text[start:end]):
                return start, end
    return None


def _without_covered(ents: list[Ent]) -> list[Ent]:
    """The spans without those a widened span now covers ("Trinidad" of "Trinidad and
    Tobago")."""
    grown = [e for e in ents if e.rule == "place-tail"]
    return [e for e in ents if e.rule == "place-tail" or not _covered(e, grown)]


def _covered(ent: Ent, spans: list[Ent]) -> bool:
    return any(s.start <= ent.start and ent.end <= s.end for s in spans)


def _widened(text: str, ent: Ent, places: dict[str, Ent], gazetteer: Gazetteer) -> Ent | None:
    if ent.facet not in ("actor", "place") or ent.fixed:
        return None
    before = _WORD_BEFORE.search(text, max(0, ent.start - 40), ent.start)
    if before and ent.facet == "actor":
        whole = text[before.start(1):ent.end]
        place = places.get(" ".join(whole.lower().split()))
        if place is not None:
            return Ent(before.start(1), ent.end, whole, "GPE", facet="place", value=place.value,
                       country=place.country, rule="place-tail", fixed=True)
    return _known_place_widened(text, ent, before, gazetteer)


def _known_place_widened(text: str, ent: Ent, before: re.Match | None,
                         gazetteer: Gazetteer) -> Ent | None:
    """The span widened over the word before it ("Sultan | Kudarat"; no determiner: "The El
    Paso shooting") or over a name and "and" ("Trinidad and | Tobago") into a place the
    gazetteer knows."""
    starts = [before.start(1)] if before and before.group(1).lower() not in _DETERMINERS else []
    joined = _AND_BEFORE.search(text, max(0, ent.start - 40), ent.start)
    starts += [joined.start()] if joined else []
    for start in starts:
        if gazetteer.known_place(text[start:ent.end]):
            return Ent(start, ent.end, text[start:ent.end], "GPE", facet="place",
                       rule="place-tail", fixed=True)
    return None


def feature_heads(ents: list[Ent]) -> list[Ent]:
    """Actor mentions of a name the document also gives a feature word ("Socotra" beside
    "Socotra Island"), made mentions of that feature."""
    features = _features_by_head(ents)
    if not features:
        return ents
    # last words only, not every word of a person's name (`DocContext.persons`): the model's
    # PERSON "Socotra Hotel" must not keep "Socotra" a person
    surnames = {e.text.split()[-1] for e in ents if e.label == "PERSON" and " " in e.text}
    return [_feature_mention(e, features[e.text]) if e.text in features and e.facet == "actor"
            and not e.fixed and e.text not in surnames else e for e in ents]


def _features_by_head(ents: list[Ent]) -> dict[str, Ent]:
    """Head name -> the one place mention named by it and a feature word."""
    heads: dict[str, list[Ent]] = {}
    for ent in ents:
        head, _, last = (ent.value or "").rpartition(" ")
        if ent.facet == "place" and head and last in FEATURE_WORDS:
            heads.setdefault(head, []).append(ent)
    return {head: found[0] for head, found in heads.items()
            if len({e.value for e in found}) == 1}


def _feature_mention(ent: Ent, feature: Ent) -> Ent:
    return Ent(ent.start, ent.end, ent.text, "LOC", facet="place", value=feature.value,
               country=feature.country, rule="feature-head", fixed=True)
