"""Spans the model ran together: a place or body run into a person's name (class 3), a
place run on over the place it lies in (class 2), and an airline run into its flight's name
(class 5).

A title with its place or body ("First Minister of Scotland Nicola Sturgeon", "Senator from
Vermont Bernie Sanders", "Speaker of the House Nancy Pelosi", "Minister for the Middle East
Alistair Burt") leaves, once the title words are trimmed, one span that starts with the place
or body. After "of" or "from" (or a title word's "for"), the leading
words of such a span that name a place the gazetteer knows, or a body (one the document
names apart, or a bare legislature noun), are that place or body, and the words after them
are the person when the document names that person elsewhere (the surname, or a full name
that starts the same), or, in a span the model labelled PERSON, when they are a full name; in
such a span the place or body must be one the document names apart; after a bare legislature
noun ("the House", which starts no person's name) a full name is the person whatever the label. Leading words that begin
another person's name in the document are never split off, and a span that is itself a
known place ("Puerto Rico") stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import NamedTuple

from indexer.casing import is_name_word
from indexer.consistency import LIST_ITEM_RULE, is_landmark, region_after_comma
from indexer.divisions import DIVISION_WORDS
from indexer.gazetteer import Gazetteer, Place, is_region
from indexer.name_places import IN_TAIL
from indexer.names import TITLE_WORDS
from indexer.rule_data import alternation, body_endings
from indexer.spans import Ent, replace

#: at most this many leading words can be the run-in place or body
MAX_PREFIX_WORDS = 3
_WORD = re.compile(r"\S+")
#: the span follows a title's "of" / "from" ("President of India Pranab Mukherjee")
_AFTER_OF = re.compile(r"\b(?:of|from)\s+(?:the\s+)?$")
#: the model labels of a run-in span, and of a place or body named apart
_RUN_IN = frozenset({"PERSON", "ORG", "GPE", "LOC"})
_NON_PERSON = frozenset({"ORG", "GPE", "LOC", "FAC"})


def split_run_in_names(text: str, ents: list[Ent], is_place: Callable[[str], bool],
                       bare_bodies: Collection[str],
                       is_region: Callable[[str], bool]) -> list[Ent]:
    """Spans after "of"/"from" split into the leading place or body and the person.
    `is_region`: a country, state or province, which may lead a span the model labelled
    PERSON before a full name ("Senator from Vermont Bernie Sanders") though the document
    names it nowhere else."""
    bodies = _bodies(ents, bare_bodies)
    out: list[Ent] = []
    for ent in ents:
        parts = None
        if _candidate(text, ent, is_place):
            persons = [e.key.split() for e in ents if e.label == "PERSON" and e is not ent]
            places = _Places(is_place, is_region, _titled(text, ent))
            parts = _split(ent, bodies, persons, places, bare_bodies)
        out.extend(parts or (ent,))
    return out


class _Places(NamedTuple):
    """The gazetteer's two questions (any place; a country, state or province) and whether a
    title comes before the span's "of"/"from" ("Senator from")."""

    any: Callable[[str], bool]
    region: Callable[[str], bool]
    titled: bool


#: the word before a span's "of"/"from"/"for" ("for" only leads a place after a title: "Minister
#: for the Middle East Alistair Burt", not "a researcher for UC Davis")
_WORD_BEFORE_OF = re.compile(r"([\w.-]+)\s+(?:of|from|for)\s+(?:the\s+)?$")


def _titled(text: str, ent: Ent) -> bool:
    """ "Senator from | Vermont Bernie Sanders": a title word before the "of"/"from"."""
    before = _WORD_BEFORE_OF.search(text, max(0, ent.start - 40), ent.start)
    return before is not None and before.group(1).lower() in TITLE_WORDS


def _bodies(ents: list[Ent], bare_bodies: Collection[str]) -> dict[str, str]:
    """Places and bodies named in the document (key -> label), and the bare legislatures."""
    bodies = dict.fromkeys(bare_bodies, "ORG")
    bodies.update({e.key: e.label for e in ents if e.label in _NON_PERSON})
    return bodies


def _candidate(text: str, ent: Ent, is_place: Callable[[str], bool]) -> bool:
    """A model span of several words, after "of"/"from" (or a title's "for"), that is not
    itself a known place."""
    return not ent.fixed and ent.label in _RUN_IN and " " in ent.key \
        and (_AFTER_OF.search(text[max(0, ent.start - 12):ent.start]) is not None
             or _titled(text, ent)) \
        and not is_place(ent.text)


def _split(ent: Ent, bodies: dict[str, str], persons: list[list[str]],
           places: _Places, bare: Collection[str]) -> tuple[Ent, Ent] | None:
    words = list(_WORD.finditer(ent.text))
    firsts = {p[0] for p in persons if len(p) > 1}
    for k in range(min(MAX_PREFIX_WORDS, len(words) - 1), 0, -1):  # longest place first
        head = ent.text[:words[k - 1].end()]
        rest = ent.text[words[k].start():]
        head_key = " ".join(head.lower().split())
        if head_key.split()[0] in firsts:
            continue
        if (_is_place_or_body(ent, head, bodies, places.any)
                and _is_person(ent, rest, persons, head_key in bare)) \
                or _region_before_full_name(ent, head, rest, places):
            first = Ent(ent.start, ent.start + len(head), head, bodies.get(head_key, "GPE"))
            return first, Ent(ent.start + words[k].start(), ent.end, rest, "PERSON")
    return None


def _is_place_or_body(ent: Ent, head: str, bodies: dict[str, str],
                      is_place: Callable[[str], bool]) -> bool:
    """The leading words are a place or body the document names apart; or, in a span the
    model did not take for a person's name, a place the gazetteer knows."""
    return " ".join(head.lower().split()) in bodies or (ent.label != "PERSON" and is_place(head))


def _region_before_full_name(ent: Ent, head: str, rest: str, places: _Places) -> bool:
    """Class 3: "Senator from Vermont | Bernie Sanders": a leading country, state or province
    before a capitalised name of two or three words, in a span the model labelled PERSON or
    after a title ("the novels of Virginia Woolf" keeps its person: one word after the
    region; "a loan from Texas Capital Bank" has no title before it; "chair of Maryland
    Democratic Party" ends as a body does); after a title, any place the gazetteer knows
    before a name a given name opens ("Minister for the Middle East | Alistair Burt"; not
    "Attorney of San | Bernardino County", which a division's word ends)."""
    words = rest.split()
    return (ent.label == "PERSON" or places.titled) and 1 < len(words) <= 3 \
        and all(w[0].isupper() for w in words) and words[-1] not in body_endings() \
        and (places.region(head) or _titled_place(ent, head, words, places))


def _titled_place(ent: Ent, head: str, words: list[str], places: _Places) -> bool:
    """After a title, a span the model did not take for a person's name: any place the
    gazetteer knows before a name that a given name opens and no division's word ends."""
    return places.titled and ent.label != "PERSON" and is_name_word(words[0]) \
        and words[-1] not in DIVISION_WORDS and places.any(head)


def _is_person(ent: Ent, rest: str, persons: list[list[str]], after_bare: bool) -> bool:
    """The words after the place or body are capitalised and name a person: one whose
    surname or start the document names as a person, or two or more words where the model
    labelled the span PERSON or they follow a bare legislature noun ("Speaker of the House
    Nancy Pelosi": no person's name starts with "House")."""
    words = rest.split()
    if not all(w[0].isupper() for w in words):
        return False
    if after_bare and words[-1] in body_endings():
        return False  # "House | Judiciary Committee": a committee of the House, no person
    return ((ent.label == "PERSON" or after_bare) and len(words) > 1) \
        or _named_person(rest.lower().split(), persons)



def _named_person(words: list[str], persons: list[list[str]]) -> bool:
    """The document names a person with this surname, or whose name starts with these words."""
    return any(p[-1] == words[-1] or p[:len(words)] == words for p in persons)


#: the model labels of a place's name run on over "in"
_LOCATED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})


def split_located_places(ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Class 2: "the Cahors Cathedral in Cahors", "Tomsk in Siberia": a model span over a
    place and the place it lies in is two place spans, when the gazetteer knows the second
    and the first is a place too (the gazetteer's, or a landmark's name). An organisation's
    name keeps its span ("Democratic Rally in Cyprus": `place-in-name` finds Cyprus). Class
    3, the other way round: a country run into a town of its own without a comma ("on the map
    of Nigeria Lagos", tagged a person) is the two places, not a person whose "Lagos" every
    other mention of the town would become."""
    out: list[Ent] = []
    for ent in ents:
        match = IN_TAIL.search(ent.text) if ent.label in _LOCATED_LABELS and not ent.fixed \
            else None
        parts = _located_parts(ent, match, gazetteer) if match else \
            _country_run_on(ent, gazetteer) or _place_of_place(ent, gazetteer) \
            or _person_of_place(ent, gazetteer)
        out.extend(parts or (ent,))
    return out if len(out) != len(ents) else ents  # nothing split: the very list back


#: "Gulabbag-Tral of Pulwama district": a name of one or two words, "of", a place and maybe a
#: noun after it
_OF_PLACE = re.compile(r"^([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) of (?:the )?"
                       r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})((?: [a-z]+)?)$")
#: the model labels of a place's span that may name a place of a place
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: a division's noun after a place, written in lower case ("Pulwama district")
DIVISION_NOUNS = frozenset(word.lower() for word in DIVISION_WORDS)


def _place_of_place(ent: Ent, gazetteer: Gazetteer) -> tuple[Ent, Ent] | None:
    """ "Gulabbag-Tral of Pulwama district": a place's span holding a name, "of", a place the
    gazetteer knows and a division's noun is the two places, the village and its district.
    Without the division's noun the name before "of" heads one name ("Gulf of Mexico",
    "Islamic Republic of Iran", "Horn of Africa": the gazetteer knows a Gulf and a Horn)."""
    match = _OF_PLACE.match(ent.text) if ent.label in _PLACE_LABELS and not ent.fixed \
        else None
    if match is None or match[3].strip() not in DIVISION_NOUNS \
            or gazetteer.lookup(match[2]) is None:
        return None
    return (Ent(ent.start, ent.start + match.end(1), match[1], "GPE"),
            Ent(ent.start + match.start(2), ent.end, ent.text[match.start(2):], "GPE"))


#: "Carl Shuker of Auckland": a person's name of two or three words, "of", and a place
_PERSON_OF_PLACE = re.compile(r"^((?:[A-Z][\w'’.-]+ ){1,2}[A-Z][\w'’-]+) of "
                              r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})$")


def _person_of_place(ent: Ent, gazetteer: Gazetteer) -> tuple[Ent, Ent] | None:
    """Class 3: "awarded to Carl Shuker of Auckland", tagged one person: a person's name of
    two or three words with no title in it, then "of" and a place the gazetteer is sure of,
    is the person and the place (the surname alone elsewhere is then that person). A title
    or office heads a name the place belongs to ("Duke of Edinburgh", "Mayor Sadiq Khan of
    London"), which stays whole, as does one word before "of" ("Catherine of Aragon")."""
    match = _PERSON_OF_PLACE.match(ent.text) if ent.label == "PERSON" and not ent.fixed \
        else None
    if match is None or any(w.lower() in TITLE_WORDS for w in match[1].split()) \
            or not all(map(is_name_word, match[1].split())) \
            or gazetteer.confident(match[2]) is None:
        return None
    return (Ent(ent.start, ent.start + match.end(1), match[1], "PERSON"),
            Ent(ent.start + match.start(2), ent.end, match[2], "GPE"))


def _country_run_on(ent: Ent, gazetteer: Gazetteer) -> tuple[Ent, Ent] | None:
    """ "Nigeria Lagos": a country's name, then a place the gazetteer puts in that country,
    in one span of the model's: the country and the place."""
    if ent.fixed or ent.label not in _RUN_IN or " " not in ent.text:
        return None
    for match in _WORD.finditer(ent.text):
        head, rest = ent.text[:match.end()], ent.text[match.end():].lstrip()
        country = gazetteer.country_of(head) if rest else None
        place = gazetteer.lookup(rest) if country else None
        if place is not None and place.kind != "country" and place.country == country:
            start = ent.start + len(ent.text) - len(rest)
            return (Ent(ent.start, ent.start + len(head), head, "GPE"),
                    Ent(start, ent.end, rest, "GPE"))
    return None


def _located_parts(ent: Ent, tail: re.Match, gazetteer: Gazetteer) -> tuple[Ent, Ent] | None:
    """The place before the "in" tail (`name_places.IN_TAIL`) and the place after it."""
    first, second = ent.text[:tail.start()], tail.group(1)
    if gazetteer.lookup(second) is None:
        return None
    landmark = is_landmark(Ent(ent.start, ent.start + len(first), first, "FAC"))
    if not landmark and gazetteer.lookup(first) is None:
        return None
    return (Ent(ent.start, ent.start + len(first), first, "FAC" if landmark else "GPE"),
            Ent(ent.start + tail.start(1), ent.end, second, "GPE"))


#: "<airline> Flight <number>": the airline's name and its flight's
_FLIGHT = re.compile(r"^(.+?)\s+Flight(?:\s+[A-Z]{0,3}\s?\d+)?$")


def split_flights(ents: list[Ent]) -> list[Ent]:
    """Class 5: "Lion Air Flight 610", "Indonesia AirAsia Flight 8501": a flight is an event,
    no actor; the span becomes the airline that runs it, an organisation."""
    if not any(" Flight" in ent.text for ent in ents):
        return ents
    out: list[Ent] = []
    for ent in ents:
        match = _FLIGHT.match(ent.text) if not ent.fixed and ent.label != "PERSON" else None
        airline = match.group(1) if match else None
        out.append(Ent(ent.start, ent.start + len(airline), airline, "ORG") if airline else ent)
    return out


#: a name in a list the model ran into one span: one to three capitalised words
_LIST_ITEM = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")
#: the list goes on right after the span (", Rules Beach and ...", " and Oyster Creek")
_LIST_GOES_ON = re.compile(r"(?:,|,? and|,? or)\s+[A-Z]")
_LISTED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})


def split_listed_names(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Class 2/3: "fired missiles at Kyiv, Kharkiv, Mykolaiv, Kropyvnytskyi" tagged as one
    organisation: a span that is a comma list of plain names (each one to three capitalised
    words, none a body's word) is one span per name - of three names or more, or of two when
    the list goes on after the span ("Deepwater, Baffle Creek, Rules Beach and ...") or both
    are places the gazetteer knows, or the second is the region the first lies in ("Abuja,
    Nigeria": `_placed_by_its_region`). A list holding a known place is a list of places:
    every name in it is labelled a place; otherwise each keeps the model's label."""
    out: list[Ent] = []
    for ent in ents:
        items = _list_items(text, ent, gazetteer) if ", " in ent.text else None
        out.extend(_listed(ent, items, gazetteer) if items else (ent,))
    return out if len(out) != len(ents) else ents


def _list_items(text: str, ent: Ent, gazetteer: Gazetteer) -> list[str] | None:
    if ent.fixed or ent.label not in _LISTED_LABELS:
        return None
    items = ent.text.split(", ")
    if not all(map(_plain_name, items)):
        return None
    if len(items) > 2 or _list_goes_on(text, ent.end, gazetteer):
        return items
    known = [gazetteer.lookup(item) for item in items]
    return items if all(known) and not is_region(known[1]) \
        or _placed_by_its_region(ent, known, gazetteer) else None


def _placed_by_its_region(ent: Ent, known: list[Place | None], gazetteer: Gazetteer) -> bool:
    """ "Abuja, Nigeria", "Winchester, Hampshire": a place and the country, region or
    province it lies in are two places, each its own value ("Abuja" alone elsewhere is the
    same city; class 3 of the brief, one entity under two values), when the first is a place
    the gazetteer knows or the model tagged the two as one place; not a name the gazetteer
    knows whole ("Washington, D.C.")."""
    return (known[0] is not None or ent.label in _PLACE_LABELS) \
        and region_after_comma(ent.text, gazetteer) is not None \
        and gazetteer.lookup(ent.text) is None


def _list_goes_on(text: str, end: int, gazetteer: Gazetteer) -> bool:
    """Another name follows the span as the list's next item, and no country or region the
    span's places lie in ("Winchester, Hampshire, England" is an address, no list)."""
    match = _LIST_GOES_ON.match(text, end)
    following = _LIST_ITEM.match(text, match.end() - 1) if match else None
    place = gazetteer.lookup(following.group()) if following else None
    return bool(following) and not is_region(place)


def _plain_name(item: str) -> bool:
    """One to three capitalised words, none a body's, one a word English writes capitalised
    ("Kharkiv", "Baffle Creek"; "Watch out for Place, Street, Avenue designation" lists none)."""
    words = item.split()
    return bool(_LIST_ITEM.fullmatch(item)) and not set(words) & body_endings() \
        and any(map(is_name_word, words))


def _listed(ent: Ent, items: list[str], gazetteer: Gazetteer) -> list[Ent]:
    """One span per name: all places when one is a place the gazetteer knows, else each
    keeps the model's label but a landmark's name ("Baffle Creek", "Fort Peck"), a place."""
    places = any(gazetteer.lookup(item) for item in items)
    spans, start = [], ent.start
    for item in items:
        span = Ent(start, start + len(item), item, "GPE" if places else ent.label,
                   rule=LIST_ITEM_RULE)
        spans.append(replace(span, label="FAC") if is_landmark(replace(span, label="FAC"))
                     and not places else span)
        start += len(item) + 2
    return spans


#: "Botha's Hill", "Martha's Vineyard", "Cox's Bazar": a name, its possessive and a feature's
#: word (data `possessive_place_words`) that ends the name
_POSSESSIVE_PLACE = re.compile(r"['’]s[ \t]+(" + alternation("possessive_place_words", False)
                               + r")\b(?![ \t]+[A-Z])")
#: the labels of a name the model cut off before its possessive
_OWNER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: the most words the owner's name may have ("St John's Wood"; a longer span is a sentence's
#: run of names, no place's owner)
_OWNER_WORDS = 2


def join_possessive_places(text: str, ents: list[Ent]) -> list[Ent]:
    """Class 2 (places cut into people): "from Botha's Hill" tagged a person "Botha" and an
    organisation "Hill", "the ferry to Martha's Vineyard" a person "Martha": a name of one or
    two words right before "'s" and a feature's word that ends the phrase is one place's
    name, the owner's span and any span on the word joined into it."""
    if not _POSSESSIVE_PLACE.search(text):  # one scan of the text, not one match per span
        return ents
    out: list[Ent] = []
    end = -1  # the end of the last joined place: spans inside it are dropped
    for ent in ents:
        if ent.start < end:
            continue
        joined = _possessive_place(text, ent)
        out.append(joined or ent)
        end = joined.end if joined else end
    return out if end >= 0 else ents


def _possessive_place(text: str, ent: Ent) -> Ent | None:
    """The place "<name>'s <feature>" the span owns, or None."""
    if ent.fixed or ent.label not in _OWNER_LABELS or len(ent.text.split()) > _OWNER_WORDS:
        return None
    owner_end = ent.end - 2 if ent.text.endswith(("'s", "’s")) else ent.end
    match = _POSSESSIVE_PLACE.match(text, owner_end)
    if match is None:
        return None
    return Ent(ent.start, match.end(), text[ent.start:match.end()], "FAC",
               rule="possessive-name")
