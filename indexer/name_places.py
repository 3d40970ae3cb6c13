"""Places named inside an organisation's name (class 2, places missed): "the Government of
Iraq", "the people of Mosul", "New Zealand Police", "Pittsburgh Pirates" name Iraq, Mosul, New
Zealand and Pittsburgh; so do events' names ("the Battle of Mosul", "Avignon Festival"; rule
`event` does the same for an event the model tagged as an organisation, "the Aleppo
Conference"). The model gives the whole name one span, so the place it holds was no facet
value; readers, and both gold conventions we measure against (re3d marks "Iraq" inside "the
Government of Iraq", GUM every place inside a name), take it as a mention of the place. The
organisation stays an actor; the place is added as a span of its own inside it.

Only a place the gazetteer knows well (`Gazetteer.confident`: a country, region, continent or
large city) qualifies, found where a place sits in a name: after its last "of" ("Bank of
England"), or as its leading words before a body's words ("Mosul Police"). A person's name
never yields one ("Jack London", "Paris Hilton"), nor a news outlet's or a university's,
hospital's or museum's, whose place is its seat, not the story's ("The Washington Post", "a
study by the University of Chicago").
"""

from __future__ import annotations

import re

from indexer.casing import is_lower_case_word
from indexer.consistency import INSTITUTION_WORDS, ORG_ENDINGS
from indexer.divisions import DIVISION_WORDS
from indexer.gazetteer import Gazetteer, Place, is_region
from indexer.phrases import COMMON_WORDS, MEETING_NOUNS, PLACE_EVENT_NOUNS, event_place_end
from indexer.rule_data import word_list
from indexer.spans import Ent

#: "... of [the] X[, Y]": the place part of a name after its last "of"
_AFTER_OF = re.compile(r"\bof\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s?)+?)(?:,\s+([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?))?$")
#: everything after a name's last "of" [the]: a place whose name holds "and" ("Antigua and
#: Barbuda", "Trinidad and Tobago") or a small word
_WHOLE_AFTER_OF = re.compile(r"\bof\s+(?:the\s+)?((?:(?!\bof\b).)+)$")
#: an initial: "L." in "George L. Pennock Trust" makes the leading word a given name
_INITIAL = re.compile(r"[A-Z]\.")
#: the most leading words tried as a place ("New York", "Rio de Janeiro" is no leading place)
_MOST_LEADING_WORDS = 3
#: last words of news outlets' names: their place is the outlet's home, not a place of the story
OUTLET_WORDS = frozenset(word_list("outlet_words"))
#: words of institutions whose place is only their seat, not a place of the story ("a study
#: by the University of Chicago", "treated at Hartford Hospital")
SEAT_WORDS = frozenset(word_list("seat_words"))
#: one word after a city that makes the name a body's ("Mosul Police", "Aleppo Council")
BODY_WORDS = INSTITUTION_WORDS | {w.lower() for w in ORG_ENDINGS} | {"police"}


def _confident(gazetteer: Gazetteer, name: str) -> Place | None:
    """The well-known place a part of a name is, unless the part is a common word that is
    also a town's name and rarely means it ("Co-operative Commonwealth Federation",
    "Independence Party": `common_town_words`)."""
    return None if name in COMMON_WORDS else gazetteer.confident(name)


def places_in_names(ents: list[Ent], gazetteer: Gazetteer, persons: set[str]) -> list[Ent]:
    """Place spans for the well-known places inside the document's organisation names;
    `persons`: the words of the document's person names (no leading city is one of them)."""
    taken = {(e.start, e.end) for e in ents}
    short_names = _short_names(ents)
    found: list[Ent] = []
    for ent in ents:
        if _holds_places(ent):
            found.extend(p for p in _inner_places(ent, gazetteer, persons)
                         if (p.start, p.end) not in taken and p.text not in short_names)
            taken.update((p.start, p.end) for p in found)
    return found


def _short_names(ents: list[Ent]) -> set[str]:
    """The texts the document writes alone for a longer organisation's name ("Toyota" for
    "Toyota Motor Corp"): a firm named after a town, not the town ("Toyota", "Nokia")."""
    return {e.text for e in ents if e.facet == "actor" and e.label != "PERSON"
            and e.value and e.value != e.text and e.value.startswith(e.text + " ")}


def _holds_places(ent: Ent) -> bool:
    """An organisation's or event's name of two words or more (no person's, no outlet's), or
    a span the model ran on over "in" a place ("The Professionals in South Africa")."""
    words = ent.text.split()
    named = (ent.facet == "actor" and ent.value is not None and ent.label != "PERSON") \
        or ent.label == "EVENT" \
        or (ent.label == "WORK_OF_ART" and bool(IN_TAIL.search(ent.text)))
    return named and len(words) > 1 and words[-1].lower() not in OUTLET_WORDS \
        and not SEAT_WORDS.intersection(w.lower() for w in words)


def _inner_places(ent: Ent, gazetteer: Gazetteer, persons: set[str]) -> list[Ent]:
    tail = IN_TAIL.search(ent.text)
    parts = [tail.span(1)] if tail and _confident(gazetteer, tail[1]) \
        else _place_parts(ent.text, gazetteer, persons, ent.label == "EVENT")
    return [Ent(ent.start + start, ent.start + end, ent.text[start:end], "GPE", facet="place",
                rule="place-in-name") for start, end in parts]


#: a span ending "in [the] X": the model ran a name on over its place ("The Professionals in
#: South Africa", "the US Embassy in Kabul")
IN_TAIL = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})$")


#: a place in the possessive leading a name ("Iran's Quds Force", "Syria's Armed Forces")
_POSSESSIVE_PLACE = re.compile(r"([A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})['’]s\s")


def _place_parts(name: str, gazetteer: Gazetteer, persons: set[str],
                 event: bool) -> list[tuple[int, int]]:
    """(start, end) of the well-known places in a name: a leading possessive ("Iran's Quds
    Force": the country is named as a noun, a place mention, where "Iranian" or "U.S." before a
    body would be an adjective; a country, state or province only: "Mary's Army" is no
    Turkmen city's); after its last "of" ("Bank of
    England"; "University of California, Berkeley" holds two), else its longest run of
    leading words, never all of them, that is a city ("New York Yankees"). A leading country
    or region qualifies the body as an adjective would ("U.S. forces", "Kurdistan Regional
    Government": a nationality, no place mention); a city's other spelling is no evidence
    ("Lion Air" is no Lyon)."""
    owner = _POSSESSIVE_PLACE.match(name)
    place = _confident(gazetteer, owner[1]) if owner else None
    if is_region(place):
        return [owner.span(1)]
    if " of " in name:
        found = _places_after_of(name, gazetteer)
        if found is not None:
            return found
    elif event and name.split()[-1].lower() in PLACE_EVENT_NOUNS:
        return _event_place(name, gazetteer)
    return _leading_city(name, gazetteer, persons, event)


def _places_after_of(name: str, gazetteer: Gazetteer) -> list[tuple[int, int]] | None:
    """The well-known places after a name's last "of", None when no place part follows it."""
    whole = _WHOLE_AFTER_OF.search(name)
    if whole and _confident(gazetteer, whole[1]):  # "Citizens of Antigua and Barbuda"
        return [whole.span(1)]
    if whole and " and " in whole[1]:  # "Islamic State of Iraq and the Levant"
        return _listed_places(name, whole.start(1), gazetteer)
    after_of = _AFTER_OF.search(name)
    if after_of:
        return [after_of.span(i) for i in (1, 2)
                if after_of.group(i) and _confident(gazetteer, after_of.group(i))]
    return None


#: one item of "X and [the] Y" after a name's last "of"
_LISTED = re.compile(r"(?:^|\band\s+)(?:the\s+)?([A-Z][^,]*?)(?=\s+and\b|$)")


def _listed_places(name: str, start: int, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The well-known places listed after "of" ("Iraq" of "Islamic State of Iraq and the
    Levant"; "Trade" and "Industry" of a ministry are none)."""
    items = [(start + m.start(1), start + m.end(1)) for m in _LISTED.finditer(name[start:])]
    return [(a, b) for a, b in items if _confident(gazetteer, name[a:b])]


def _event_place(name: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The place an event happens in, which leads its name: a country too ("the Iraq War")."""
    end = event_place_end(name, gazetteer)
    return [(0, end)] if end else []


def _leading_city(name: str, gazetteer: Gazetteer, persons: set[str],
                  event: bool) -> list[tuple[int, int]]:
    ends = [m.end() for m in re.finditer(r"\S+", name)]
    if not _body_words(name[ends[-2]:].strip(), len(ends) - 1, event):
        return []  # no leading city can pass, whatever its length: spare the lookups
    for end in reversed(ends[:min(_MOST_LEADING_WORDS, len(ends) - 1)]):
        place = _confident(gazetteer, name[:end])
        if place:
            city = place.kind == "city" \
                and _body_after_city(name[:end], name[end:].split(), persons, event)
            return [(0, end)] if city else []
    return []


def _body_after_city(city: str, rest: list[str], persons: set[str], event: bool) -> bool:
    """The words after a leading city name a body or an event: capitalised, and more than
    one, or an institution's word or a plural ("Mosul Police", "Pittsburgh Pirates"); after
    an event's, a meeting's word ("Avignon Festival"). Not a person's
    name opened by a given name ("Regina Ip", "George L. Pennock Trust", "Imus Ranch"
    beside "Don Imus"), nor a common word that is also a town ("Commonwealth Federation"),
    nor a division named after the city ("Montgomery County Police": the county's)."""
    return not _not_a_body(city, rest, persons) and _body_words(rest[-1], len(rest), event)


def _body_words(last: str, count: int, event: bool) -> bool:
    """The `count` words after a leading city, `last` the last of them, may name a body:
    more than one, or an institution's word or a plural; for an event, a meeting's word."""
    last = last.lower()
    if event:
        return last in MEETING_NOUNS
    return count > 1 or last in BODY_WORDS or (last.endswith("s") and len(last) > 3)


def _not_a_body(city: str, rest: list[str], persons: set[str]) -> bool:
    return not all(w[:1].isupper() for w in rest) or bool(_INITIAL.fullmatch(rest[0])) \
        or rest[0] in DIVISION_WORDS or city.split()[0] in persons or is_lower_case_word(city)
