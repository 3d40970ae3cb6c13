"""Which facet a span belongs to: the model's label, corrected by the gazetteer and by the
rest of the document (one surface form, one facet: the majority, the gazetteer breaking ties).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from indexer.casing import is_lower_case_word, is_name_word
from indexer.countries import is_demonym, is_people
from indexer.gazetteer import Gazetteer, Place, is_region, is_small_town
from indexer.names import (
    GENERIC_WORDS,
    NOT_NAMES,
    QUOTES,
    TITLE_WORDS,
    all_bare_bodies,
    name_head,
    names_a_country,
    region_after,
    strip_region_suffix,
    strip_title,
)
from indexer.phrases import (
    COMMON_WORDS,
    COMPASS,
    EVENT_NOUNS,
    MEMBERS_AFTER,
    OPEN_WATER,
    STRONG_LOCATIVE,
    THE_BEFORE,
    sentence_initial,
)
from indexer.roles import after_title, apposed_role
from indexer.rule_data import (
    alternation,
    alternation_of,
    body_endings,
    institution_words,
    place_leads,
    word_list,
)
from indexer.shapes import numbered
from indexer.spans import LABEL_FACETS, RESCUABLE_LABELS, Ent, replace


def person_words(ents: list[Ent]) -> set[str]:
    """Words of multi-word PERSON names ("Michael Jordan" makes "Jordan" a person word), not
    of a division's name the model took for a person ("Rakhine State": `classify` makes it
    the place, and "towns in Rakhine" stays free to be one)."""
    words: set[str] = set()
    for ent in ents:
        if ent.label == "PERSON" and len(ent.text.split()) > 1 and not _person_named_division(ent):
            words.update(ent.text.split())
    return words


_LOCATIVE = re.compile(r"(?:\b(?:" + alternation("locative_prepositions") + r")"
                       r"\s+(?:the\s+)?|\b(?:" + alternation("locative_nouns") + r"),?\s+)$", re.I)
#: words of institutions' names that the locative rule must not turn into places
INSTITUTION_WORDS = institution_words()
#: parliaments named by their own word ("the Knesset", "Lok Sabha"): bodies, never places
LEGISLATURE_WORDS = frozenset(word_list("legislature_words"))
#: "Tomasz Sekielski's film", "Ivan Turgenev's A Month in the Country": a possessor, rarely a place
_POSSESSOR = re.compile(r"['’]s\s")
#: a city this large is the place even as a sentence subject ("Homs fell", "Ankara said")
LANDMARK_CITY_POPULATION = 500_000
_BEFORE_LIST = re.compile(r"([A-Z][\w'’-]+)(?:,\s+|\s+and\s+|\s+or\s+)$")
_AFTER_LIST = re.compile(r"(?:,\s+|\s+and\s+|\s+or\s+)([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")
#: what may follow the last name of a list: another comma, "and" or "or", punctuation or the
#: end of the line ("Ottawa, Ontario - ..."), not a word ("in London, Starmer said")
_LIST_GOES_ON = re.compile(r"\s*(?:[,;:.)\-–—]|$)|\s+(?:and|or)\s", re.M)


def _listed_before(text: str, ent: Ent, window: int) -> re.Match | None:
    """The name listed right before a span ("Latakia, Jableh and Homs", "Homs and Hama",
    "Ottawa, Ontario."); after a comma, only when no word follows the span: "Speaking in
    London, Starmer said" ends a fronted phrase at its comma, no list (class 2, people as
    places)."""
    before = _BEFORE_LIST.search(text, window, ent.start)
    if before and before.group().rstrip().endswith(",") \
            and not _LIST_GOES_ON.match(text, ent.end):
        return None
    return before


def place_context(text: str, ent: Ent, gazetteer: Gazetteer) -> bool:
    """True when the words around a span say it is a place: "in X", "the capital, X",
    "X, Syria", "Mosul and X" (a list with a known place)."""
    window = max(0, ent.start - 25)
    if _LOCATIVE.search(text, window, ent.start) and not _no_locative(text, ent):
        return True
    before = _listed_before(text, ent, window)
    after = _AFTER_LIST.match(text, ent.end)
    return any(m and gazetteer.confident(m.group(1)) for m in (before, after))


def _unknown_name_in_place(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """A name the gazetteer does not know well after "near", "in", "east of", or listed with a
    known city ("Latakia and Palmyra"): a place, unless it
    reads as an institution ("in Congress", "in the Syrian Army") or an acronym."""
    if _no_place_name(ent, text):
        return False
    if ent.label == "PERSON" and len(ent.text.split()) > 1:
        return _after_person_place_preposition(ent, text) \
            or _placed_in_a_place(ent, text, gazetteer)
    return any(evidence(ent, text, gazetteer) for evidence in _PLACE_EVIDENCE)


#: words that make a name an institution, an office or an event rather than a place
_NOT_PLACE_WORDS = GENERIC_WORDS | INSTITUTION_WORDS | TITLE_WORDS | EVENT_NOUNS


#: lower-case words a place's name may have ("Davao del Sur")
_PLACE_PARTICLES = frozenset(word_list("place_particles"))
#: a person's name by its shape, no place's: an initial between two names ("Ulysses S.
#: Grant"), or a given name before an Irish surname ("Darragh O’Brien", "Sinéad O'Connor")
_PERSON_SHAPE = re.compile(r"\w [A-Z]\. [A-Z]|^[A-Z][a-zà-ÿ]+ O['’][A-Z][a-z]+$")


def _no_place_name(ent: Ent, text: str) -> bool:
    """An acronym, a long name, a person's name with a middle initial or an Irish surname, an
    institution's or event's name, a name with a lower-case word, a plural noun or a
    possessor: not an unknown toponym."""
    words = [w.lower() for w in ent.text.split()]
    return ent.text.isupper() or len(words) > 3 or bool(_PERSON_SHAPE.search(ent.text)) \
        or bool(set(words) & _NOT_PLACE_WORDS) \
        or not all(w[:1].isupper() or w in _PLACE_PARTICLES for w in ent.text.split()) \
        or plural_name(words[-1]) or bool(_POSSESSOR.match(text, ent.end))


def _after_strong_locative(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """ "near Hmeimim", "east of the Euphrates"; not a part's, a stake's or a publication's
    "in", nor "in" a name made of common words only (class 2: "in the Federal Register",
    "in the Public Domain", "in Stata" name a publication, a status, a program)."""
    locative = STRONG_LOCATIVE.search(text, max(0, ent.start - 25), ent.start)
    if not locative or _no_locative(text, ent):
        return False
    return not (_IN_ONLY.match(locative.group()) and _common_words_only(ent.text))


#: the locative is "in" or "into" alone
_IN_ONLY = re.compile(r"(?i:in|into)\s")


def _common_words_only(name: str) -> bool:
    """No word of the name is one English writes capitalised ("Federal Register", "Shell";
    not "Khan Sheikhoun", "Levico Terme")."""
    return not any(is_name_word(word) for word in name.split())


#: "in" after a part in a work, a stake in a company or a publication: no locative
_PART_IN = re.compile(r"\b(?i:" + alternation("part_in_words") + r")"
                      r"(?:\s+(?:on\s+)?(?:today|yesterday|earlier|[A-Z][a-z]+day"
                      r"|(?:last|this)\s+(?:week|month|year)))?\s+in\s+(?:the\s+)?$")


#: "in the Obama administration": a noun the name modifies (data `modifier_heads`)
_MODIFIED_HEAD = re.compile(r"\s+(?:" + alternation("modifier_heads") + r")\b")


def _no_locative(text: str, ent: Ent) -> bool:
    """The "in" before a span is no locative: a part's, a stake's or a publication's ("appeared
    in Cry Wolf"), or one that governs a noun the name modifies ("in the Obama
    administration", "in the Pfizer trial", "in the Houthi rebel stronghold"; class 2,
    actors as places)."""
    return _part_in(text, ent.start) or bool(_MODIFIED_HEAD.match(text, ent.end)
                                             or MEMBERS_AFTER.match(text, ent.end))


def _part_in(text: str, start: int) -> bool:
    """ "appeared in Cry Wolf", "a stake in Twitter", "published in PLoS One": the name
    after "in" is a work, a company or a publication, no place."""
    return bool(_PART_IN.search(text, max(0, start - 40), start))


#: prepositions after which even a two-word name the model calls a person is a place
_PERSON_PLACE_PREPOSITION = re.compile(r"\b(?:" + alternation("person_place_prepositions")
                                       + r")\s+$")


def _after_person_place_preposition(ent: Ent, text: str) -> bool:
    """Class 2: "a shooting in La Llagosta", "fighting near Maidan Shahr": the model calls a
    two- or three-word place it does not know a person; when every mention of the name
    comes right after "in", "near" or "outside" it is a place (a possessor, "in Tomasz
    Sekielski's film", was ruled out before). A name also met elsewhere ("Maria Lenz said
    ...; voters lost faith in Maria Lenz") stays a person."""
    def after_preposition(start: int) -> bool:
        return bool(_PERSON_PLACE_PREPOSITION.search(text, max(0, start - 16), start))

    return after_preposition(ent.start) and not _no_locative(text, ent) and all(
        after_preposition(m.start()) for m in re.finditer(re.escape(ent.text), text))


def _before_a_region(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """ "Chippewa Falls, Wisconsin", "Allen, Texas": followed by a country, region or
    province."""
    region = region_after(text, ent.end)
    place = gazetteer.lookup(region) if region else None
    return is_region(place)


def _listed_with_a_city(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """ "Latakia and Palmyra": next to a known city in a list. A person's name listed with a
    town that is also a given name ("Elizabeth and Susan") needs a large city next to it."""
    before = _listed_before(text, ent, max(0, ent.start - 25))
    if before and _ends_longer_name(text, before.start()):
        before = None  # "George Washington and ...": the end of a person's name, no city
    after = _AFTER_LIST.match(text, ent.end)
    near = [gazetteer.confident(m.group(1)) for m in (before, after) if m]
    least = LANDMARK_CITY_POPULATION if ent.label == "PERSON" else 0
    return any(place and place.kind.startswith("city") and place.population >= least
               for place in near)


def _ends_longer_name(text: str, start: int) -> bool:
    """True when a name word ("George", not "In") comes right before `start`."""
    word = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return word is not None and not is_lower_case_word(word.group(1))


#: "in" a place right after a name, maybe with the place's own place after a comma ("in Lower
#: Juba, Somalia", "in Southern Somalia")
_IN_PLACE = (r"\s+in\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s?){1,3})"
             r"(?:,\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?))?")
#: the name set off by a comma before it: ", in Lower Juba, Somalia"
_SET_IN = re.compile("," + _IN_PLACE)
_IN_AFTER = re.compile(_IN_PLACE)
#: a locative word right before a name: "at Kulbiyow", "in Khan Sheikhoun"
_AT_BEFORE = re.compile(r"\b(?:at|" + alternation("person_place_prepositions") + r")\s+$")


def _set_in_a_place(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """ "an AMISOM camp at Kolbiyow, in Lower Juba, Somalia": a name set off and placed in a
    place the gazetteer knows lies in that place."""
    return _in_a_known_place(_SET_IN, ent, text, gazetteer)


def _placed_in_a_place(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """ "a facility at Kulbiyow in Southern Somalia", "the attack at Khan Sheikhoun in Idlib
    Province, Syria": a name after a locative word and right before "in" a place the
    gazetteer knows lies in that place (even one the model calls a person)."""
    return bool(_AT_BEFORE.search(text, max(0, ent.start - 16), ent.start)) \
        and _in_a_known_place(_IN_AFTER, ent, text, gazetteer)


def placed_in_a_known_place(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """ "Beitunya in the West Bank and Erez in Gaza": "in" a place the gazetteer knows right
    after the name puts the name in that place."""
    return _in_a_known_place(_IN_AFTER, ent, text, gazetteer)


def _in_a_known_place(pattern: re.Pattern, ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    match = pattern.match(text, ent.end)
    return bool(match) and any(_known_area(group.strip(), gazetteer)
                               for group in match.groups() if group)


def _known_area(name: str, gazetteer: Gazetteer) -> bool:
    """The gazetteer knows the name, maybe after a compass word or before a region word."""
    return any(gazetteer.lookup(form) for form in
               {name, strip_region_suffix(name), COMPASS.sub("", name)} if form)


#: a side's hold on a place right before its name ("rebel-held Idlib", "'LPR'-controlled
#: Yurivka")
_HELD_BEFORE = re.compile(r"\w['’\")]{0,2}-(?:" + alternation("control_participles") + r")\s+$")
#: a distance and a direction right after a name ("Yurivka (26km south-west of Luhansk)",
#: "Kidal, 300 kilometres north of Gao")
_DISTANCE_AFTER = re.compile(r"\s*[(,]\s*(?:about\s+|some\s+)?\d[\d,.]*\s*(?:"
                             + alternation("distance_units") + r")\s+(?:\(\S+\)\s+)?"
                             r"(?:north|south|east|west)[\w-]*\s+of\b", re.I)


def _held_or_measured(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """ "rebel-held X", "X (26km south-west of Luhansk)": what only a place is said to be."""
    return bool(_HELD_BEFORE.search(text, max(0, ent.start - 30), ent.start)
                or _DISTANCE_AFTER.match(text, ent.end))


#: what puts an unknown name in a place, in the order it is looked for
_PLACE_EVIDENCE = (_after_strong_locative, _before_a_region, _listed_with_a_city,
                   _set_in_a_place, _placed_in_a_place, _held_or_measured)


def plural_name(word: str) -> bool:
    """ "Services", "Championships", "Debates": a plural common noun ends the name of a body
    or an event; unknown toponyms rarely end so ("Heights" and "Islands" excepted)."""
    return len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")) \
        and word not in PLACE_PLURALS


#: plural nouns that end places' names ("Golan Heights", "Forbury Gardens", "Northwest
#: Territories"), lower case
PLACE_PLURALS = frozenset(word_list("place_plurals"))


def _actor_is_place(ent: Ent, text: str, gazetteer: Gazetteer, persons: set[str]) -> bool:
    """A PERSON/ORG span that is a place: a well-known one by its exact name, "X Province" or
    a known state's or province's name with its division word ("Borno State", "Imo State");
    a person's name that is also a city ("Mary") needs a locative word before it ("in Mary"),
    an organisation's name that is a city of fewer than LANDMARK_CITY_POPULATION people the
    evidence an unknown name needs ("when Toyota was planning", "Syracuse accepted me")."""
    if _celestial_body(ent, text, gazetteer):
        return True
    if is_demonym(ent.text) or _known_person(ent, text, persons):
        return False
    if _placed_by_its_words(ent.text, gazetteer):
        return True
    bare = strip_region_suffix(ent.text)
    if (bare != ent.text and gazetteer.lookup(bare)) or _named_division(ent.text, gazetteer):
        return True
    place = gazetteer.confident(ent.text)
    if not place:
        return _unknown_name_in_place(ent, text, gazetteer)
    return _known_place_as_named(ent, place, text, gazetteer)


def _known_person(ent: Ent, text: str, persons: set[str]) -> bool:
    """A PERSON span the document names as a person elsewhere or after a person's title."""
    return ent.label == "PERSON" and (ent.text in persons or after_title(text, ent.start))


#: a lower-case "the" right before a name (a running "the", not "The" opening a sentence)
LOWER_THE_BEFORE = re.compile(r"\bthe[ \t]+$")


def _celestial_body(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """ "missions to the Moon, Mars": a body of the solar system after a running "the" is
    that body, though the model took it for a person (Moon is a surname); "The Sun" opening a
    sentence may be the paper."""
    place = gazetteer.lookup(ent.text)
    return ent.label == "PERSON" and place is not None and place.kind == "celestial" \
        and bool(LOWER_THE_BEFORE.search(text, max(0, ent.start - 4), ent.start))


def _placed_by_its_words(name: str, gazetteer: Gazetteer) -> bool:
    """A name that says where it lies ("Heraklio, Crete"), what it is part of ("Northern
    Mali") or what kind of place a known one is ("Port Mocímboa da Praia")."""
    return _placed_by_region(name, gazetteer) or _part_of_a_region(name, gazetteer) \
        or _led_known_place(name, gazetteer)


#: words that open places' names and name the place's kind ("Port", "Fort", "Mount", "Barangay")
_PLACE_LEADS = place_leads()


def _led_known_place(name: str, gazetteer: Gazetteer) -> bool:
    """ "the insurgents seized Port Mocímboa da Praia" tagged a person: a place's first word
    before a name the gazetteer knows is that place (class 2)."""
    lead, _, rest = name.partition(" ")
    return lead in _PLACE_LEADS and rest[:1].isupper() and gazetteer.lookup(rest) is not None


def _part_of_a_region(name: str, gazetteer: Gazetteer) -> bool:
    """ "Northern Mali", "Eastern Ukraine" tagged a person or an organisation: a compass word
    before a country, region or province the gazetteer is sure of is part of it, a place
    (class 2; not "Central Command", nor "Western Union": "Union" is only an alias)."""
    compass = COMPASS.match(name)
    place = gazetteer.confident(name[compass.end():]) if compass else None
    return is_region(place)


def _named_division(name: str, gazetteer: Gazetteer) -> bool:
    """A state's or province's name with its division word ("Borno State", "Imo State"); not
    an American state's with "State", a university or its team as often ("Ohio State")."""
    division = gazetteer.division_of(name)
    return division is not None and not (name.endswith(" State")
                                         and division.country == "United States")


def _placed_by_region(name: str, gazetteer: Gazetteer) -> bool:
    """ "Heraklio, Crete": a name, a comma and a country, region or province the gazetteer
    knows - a place and where it lies, as "Shelby, North Carolina" is when tagged a place."""
    return region_after_comma(name, gazetteer) is not None


def region_after_comma(name: str, gazetteer: Gazetteer) -> Place | None:
    """The country, region or province a capitalised name ends with after a comma
    ("Heraklio, Crete", "Kells, Co Meath"): where the place lies; None without one."""
    head, comma, tail = name.rpartition(", ")
    region = gazetteer.lookup(tail) if comma and head[:1].isupper() else None
    return region if is_region(region) else None


def _known_place_as_named(ent: Ent, place: Place, text: str, gazetteer: Gazetteer) -> bool:
    """A place the gazetteer knows well, under the model's PERSON or ORG label: a country,
    region or large city always; a town's name needs what places it (class 2, the other way:
    with nothing placing it, an organisation's is the company, school or team named after it,
    "Toyota", "the Mets")."""
    if ent.label not in ("PERSON", "ORG") or not place.kind.startswith("city") \
            or place.population >= LANDMARK_CITY_POPULATION or place_context(text, ent, gazetteer):
        return True
    return ent.label == "ORG" and _unknown_name_in_place(ent, text, gazetteer)


#: a bracketed code and number after a name: "USS Hopper (DDG 70)", "HMS Daring (D 32)"
_DESIGNATION_NUMBER = re.compile(r"[ -]?\d+\)")


def is_designation(ent: Ent, text: str) -> bool:
    """True for a bracketed code with its number ("USS Hopper (DDG 70)"): a hull or model
    designation, no organisation ("CTF 50", a unit, stands unbracketed and stays); for a
    chamber's name in a bill's ("House Bill 170", "Senate Bill 30": the bill is meant); and
    for a "person" whose name ends in a number ("Ariane 5", "Falcon 9"): a model of rocket,
    car or plane, no one's name."""
    if ent.label == "PERSON":
        return numbered(ent.text)
    if ent.label == "ORG" and _BILL_AFTER.match(text, ent.end):
        return True
    return ent.label == "ORG" and ent.text.isalpha() and ent.text.isupper() \
        and len(ent.text) <= 5 and text[ent.start - 1:ent.start] == "(" \
        and bool(_DESIGNATION_NUMBER.match(text, ent.end))


#: a bill's word and number after a chamber's name: "House Bill 170", "Senate Bill 30"
_BILL_AFTER = re.compile(r"[ \t]+(?:Bill|Joint Resolution|Resolution)[ \t]+(?:No\.[ \t]*)?\d")


#: "Democrats", "Tories": a party's members acting as one, like a people ("Syrians")
PARTY_MEMBERS = frozenset(word_list("party_members"))
#: last words that make a name a place: buildings, landmarks, natural features
LANDMARK_WORDS = frozenset(word_list("landmark_words"))
#: first words of two-word names of bases and camps, whatever the model said
LANDMARK_LEADS = frozenset(word_list("landmark_leads"))
#: first words of villages' names, which may run to several words ("Barangay San Jose")
SETTLEMENT_LEADS = frozenset(word_list("settlement_leads"))
#: first words of streets', squares' and palaces' names in other languages ("Plaza de Mayo")
STREET_LEADS = frozenset(word_list("street_leads"))
#: landmark words no person's name ends with: they override a PERSON label too
LANDMARKS_NOT_SURNAMES = frozenset(word_list("landmark_words_not_surnames"))
#: last words that make a name an organisation, whatever the model said
ORG_ENDINGS = frozenset(word_list("org_endings"))
_WEB_DOMAIN = re.compile(r"\w\.(?:com|org|net|gov|edu|co|au|uk|hu|de|fr|ru|in|io|info|news)$", re.I)


def _named_org(text: str) -> bool:
    """A nationality-tagged span of several words with a capitalised word that is no
    nationality or people ("Saudi Aramco", not "Syrian Kurdish" or "Iraqi Kurds")."""
    words = text.split()
    last = words[-1]
    return len(words) > 1 and last.isalpha() and last[:1].isupper() \
        and not _ADJECTIVE_END.search(last) and not is_demonym(last) and not is_people(last) \
        and last.lower() not in GENERIC_WORDS | NOT_NAMES | {"orthodox"}


#: "... Brigade", "Task Force ...": a military unit's name, whatever label the model gave it
_UNIT = re.compile(rf"^(?:{alternation('unit_leads')})\s+\S|\S\s+(?:{alternation('unit_words')})$")


def _military_unit(text: str) -> bool:
    """A name of several words that a unit word ends or a unit lead ("Task Force") opens."""
    return bool(_UNIT.search(text.strip()))


#: endings of nationality and region adjectives and their plurals ("South Korean", "Middle
#: Eastern", "South Sudanese", "Native Americans")
_ADJECTIVE_END = re.compile(r"(?:an|ans|ese|ic|ics|ish|ern|i|is)$")


def is_landmark(ent: Ent) -> bool:
    """A name ending in a landmark word: a building, street or natural feature. A PERSON
    label yields only to words no surname is, or to a house number ("10 Downing Street").
    Two words led by a base's or camp's word are one too ("Fort Carson", "Camp Taji")."""
    words = ent.text.split()
    if _led_by_a_landmark_word(words):
        return True
    if len(words) < 2 or not _landmark_named(ent.text, words):
        return False
    if words[0].isdigit():
        return len(words) > 2
    if not words[0][:1].isupper():
        return False
    return ent.label != "PERSON" or words[-1] in LANDMARKS_NOT_SURNAMES


def _led_by_a_landmark_word(words: list[str]) -> bool:
    """ "Fort Carson", "Camp Taji": two words led by a base's or camp's word; "Plaza de Mayo":
    a street's, square's or palace's name led by its word in another language; "Barangay San
    Jose": a village's name of up to three words after its settlement's word."""
    if len(words) == 2 and words[0] in LANDMARK_LEADS and words[1][:1].isupper():
        return True
    if words[0] in STREET_LEADS:
        return _street_named(words)
    return 2 < len(words) <= 4 and words[0] in SETTLEMENT_LEADS \
        and all(w[:1].isupper() for w in words[1:])


def _street_named(words: list[str]) -> bool:
    """Up to four words after a street's lead word, capitalised or place particles, the last
    capitalised ("Plaza | de Mayo", "Praça | dos Três Poderes")."""
    return 2 <= len(words) <= 5 and words[-1][:1].isupper() \
        and all(w[:1].isupper() or w in _PLACE_PARTICLES for w in words[1:])


def _landmark_named(name: str, words: list[str]) -> bool:
    """A landmark word ends the name or heads it, and the name is no denomination's."""
    return (words[-1] in LANDMARK_WORDS or _landmark_head(name)) and not _denomination(words)


#: words naming a denomination before "Church" (data `denomination_words`)
_DENOMINATION_WORDS = frozenset(word_list("denomination_words"))


def _denomination(words: list[str]) -> bool:
    """ "Catholic Church", "Russian Orthodox Church": a denomination's words, maybe with a
    nationality, then "Church" name the body, no building."""
    return words[-1] == "Church" and any(w in _DENOMINATION_WORDS for w in words[:-1]) \
        and all(w in _DENOMINATION_WORDS or is_demonym(w) for w in words[:-1])


def _landmark_head(name: str) -> bool:
    """A landmark word is what the name is about, before its complement ("Metropolitan
    Museum of Art", "Palace of Westminster"); not one that names a body so ("Church of
    England")."""
    head = name_head(name)
    return head in LANDMARK_WORDS and head not in _LANDMARK_BODIES


#: landmark words that, before "of", head a body's name ("Church of Scientology")
_LANDMARK_BODIES = frozenset(word_list("landmark_heads_of_bodies"))


#: "the Dayah hotel": a lower-case facility's noun after a name the determiner opens
_FACILITY_AFTER = re.compile(r"\s+(?:" + alternation("named_facility_nouns") + r")\b")
#: "the Tavan Tolgoi coal mine", "when Euga primary school": one or two words of a facility's
#: kind before its noun (some nouns need them: `kind_facility_nouns`), a site with or without
#: the determiner
_KIND_FACILITY_AFTER = re.compile(
    r"(?:\s+(?:" + alternation("facility_kind_words") + r")){1,2}\s+(?:"
    + alternation("named_facility_nouns") + "|" + alternation("kind_facility_nouns") + r")\b")


def _facility_named(ent: Ent, text: str, persons: set[str]) -> bool:
    """ "against the Dayah hotel", "near the Nuri mosque", "the Tavan Tolgoi coal mine": a
    name that only names the facility after it is that facility, a place (no acronym, no
    organisation's name, no person the document names elsewhere: "the Trump hotel")."""
    return not ent.text.isupper() and not _organisation(ent) \
        and (bool(_KIND_FACILITY_AFTER.match(text, ent.end))
             or (bool(_FACILITY_AFTER.match(text, ent.end))
                 and bool(THE_BEFORE.search(text, max(0, ent.start - 6), ent.start)))) \
        and (ent.label == "ORG" or (ent.label == "PERSON" and _no_person_elsewhere(ent, text, persons)))


def _no_person_elsewhere(ent: Ent, text: str, persons: set[str]) -> bool:
    """A PERSON span the document names no person by: one word no full name holds ("the Nuri
    mosque"; not "the Trump hotel" beside "Donald Trump"), or a full name whose last word
    the text has only before a facility's noun ("the Tavan Tolgoi coal mine")."""
    words = ent.text.split()
    if len(words) == 1:
        return ent.text not in persons
    last = [m.end() for m in re.finditer(rf"\b{re.escape(words[-1])}\b", text)]
    return all(_FACILITY_AFTER.match(text, end) or _KIND_FACILITY_AFTER.match(text, end)
               for end in last)


#: the name of a building that is an institution too: a hospital, an embassy, a seat
_VISITED_FACILITY = re.compile(r"\s(?:" + alternation("visited_facility_words") + "|"
                               + alternation("care_facility_words") + r")$")
#: the name of a hospital or of a centre people gather in
_CARE_FACILITY = re.compile(r"\s(?:" + alternation("care_facility_words") + r")$")


def names_a_facility(name: str) -> bool:
    """ "John Radcliffe Hospital", "US Embassy": a building that is also an institution, which
    is a place where someone is taken, received or attacked, an actor where it speaks."""
    return bool(_VISITED_FACILITY.search(name))


#: a visit's preposition right before such a name ("at", "to", "in" ..., maybe with "the")
_VISITED = re.compile(r"\b(?:" + alternation("facility_visit_prepositions") + r")\s+(?:the\s+)?$",
                      re.I)


def _visited_facility(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """Class 2: "died at John Radcliffe Hospital", "flown to Walter Reed Medical Center", "a
    ceremony at the White House": a hospital or seat where someone is taken, treated or
    received is a place; one that says or does something stays an actor (the document's
    majority decides for the name, `harmonise`). A country's legislature is no building ("in
    the U.S. House")."""
    return names_a_facility(ent.text) and ent.text[:1].isupper() \
        and not _country_body(ent.text, gazetteer) \
        and bool(_VISITED.search(text, max(0, ent.start - 16), ent.start))


def _care_facility(ent: Ent, text: str) -> bool:
    """Class 2: "The Coast General Hospital was the worst hit", "at Our Lady of Lourdes
    Hospital", "shelter at Lings Forum Leisure Centre": a hospital or a centre is the site,
    a place, unless it speaks ("Cork University Hospital said") or sends its staff ("doctors
    from Hartford Hospital"): the institution (the document's majority decides for the name,
    `harmonise`)."""
    return ent.text[:1].isupper() and bool(_CARE_FACILITY.search(ent.text)) \
        and not _STATES.match(text, ent.end) \
        and not _FROM_BEFORE.search(text, max(0, ent.start - 12), ent.start)


#: "doctors from Hartford Hospital": its staff, sent by the institution
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)


def _country_body(name: str, gazetteer: Gazetteer) -> bool:
    """A country or its adjective, then a bare body's word: "U.S. House" (but "US Embassy"
    is a building)."""
    qualifier, _, last = name.rpartition(" ")
    return last.lower() in bare_bodies() \
        and names_a_country(qualifier.split(), lambda words: gazetteer.country_of(words) is not None)


#: an organisation's noun in apposition right before a name, after a determiner and at most
#: two lower-case modifiers: "state news firm Saba", "the broadcaster PBS"
_ORG_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our)\s+|['’]s\s+|(?<=\s)|^)(?:[a-z][\w-]*\s+){0,2}"
    r"(?:" + alternation("org_cue_before") + r"),?[ \t]+$")


def _plural_body(ent: Ent, gazetteer: Gazetteer) -> bool:
    """ "Apex Shark Expeditions", "Vale Industries": a name of two words or more that ends in
    a plural common noun names a body, no place, unless the gazetteer knows the name or its
    last words ("Western United States", "Spanish Netherlands")."""
    words = ent.text.split()
    return len(words) > 1 and plural_name(words[-1].lower()) and not any(
        gazetteer.lookup(" ".join(words[i:])) for i in range(max(0, len(words) - 3), len(words)))


def _org_noun_before(text: str, ent: Ent) -> bool:
    """ "state news firm Saba", "the broadcaster PBS": the name is an organisation's."""
    return bool(_ORG_NOUN_BEFORE.search(text, max(0, ent.start - 40), ent.start))


def _organisation(ent: Ent) -> bool:
    """A name that ends like an organisation's ("Boeing Company"), opens with a party's noun
    in another language ("Parti Québécois"), is about an organisation before its complement
    ("Center for Advanced Study", "Bank of England"; not a landmark named after one, "Bank of
    America Stadium"), or is a web domain."""
    words = ent.text.split()
    if len(words) > 1 and (words[-1] in ORG_ENDINGS or words[0] in _PARTY_LEADS
                           or _headed_by_organisation(words)):
        return True
    return bool(_WEB_DOMAIN.search(ent.text))


#: a party's noun in another language leading its name ("Parti Québécois"; data `party_leads`)
_PARTY_LEADS = frozenset(word_list("party_leads"))


def _legislature(ent: Ent) -> bool:
    """Class 2: "a majority in the Storting", "the Lok Sabha" tagged places: a parliament
    named by its own word is the body."""
    return ent.text.rsplit(" ", 1)[-1].lower() in LEGISLATURE_WORDS


def _headed_by_organisation(words: list[str]) -> bool:
    """The noun the name is about, before its complement, ends bodies' names (`body_endings`:
    "Center for ...", "Office of ..."), and no landmark word ends the name."""
    head = name_head(" ".join(words))
    return head != words[-1] and head in body_endings() and words[-1] not in LANDMARK_WORDS


def classify(ent: Ent, gazetteer: Gazetteer, persons: set[str], text: str = "") -> Ent:
    """First facet of a span: the label's facet, unless the gazetteer knows better."""
    if ent.fixed:
        return ent
    if is_designation(ent, text):
        return replace(ent, facet=None, rule="designation")
    facet = LABEL_FACETS.get(ent.label)
    if facet:
        return _labelled_facet(ent, facet, gazetteer, persons, text)
    if ent.label not in RESCUABLE_LABELS:
        return ent
    return _rescued_facet(ent, gazetteer, text)


def _labelled_facet(ent: Ent, facet: str, gazetteer: Gazetteer, persons: set[str],
                    text: str) -> Ent:
    """A span of an actor/place/date label: its facet, unless its name's shape or the
    gazetteer says otherwise."""
    if facet == "actor":
        return _actor_label_facet(ent, gazetteer, persons, text)
    publication = _sea_named_publication(ent, text) if facet == "place" else None
    if publication:
        return publication
    if facet == "place" and (_party_named(ent, text, gazetteer) or (
            _place_named_as_a_body(ent, gazetteer, text) and not gazetteer.confident(ent.text))):
        return replace(ent, facet="actor", rule="organisation")  # not the "West Bank"
    if facet == "place" and _person_tagged_a_place(ent, gazetteer, text):
        return replace(ent, label="PERSON", facet="actor", rule="titled-person")
    return replace(ent, facet=facet)


def _person_tagged_a_place(ent: Ent, gazetteer: Gazetteer, text: str) -> bool:
    """A title inside a place-tagged span ("PM Modi") or right before it ("President-elect
    Prabowo Subianto") makes it a person."""
    return _titled_place_span(ent, gazetteer) \
        or (after_title(text, ent.start) and _person_shaped(ent.text))


def _titled_place_span(ent: Ent, gazetteer: Gazetteer) -> bool:
    """ "had written to PM Modi" tagged a place: a title, honorific or office, then one to
    three words English writes capitalised, is a person (class 2 the other way, people made
    places), unless the gazetteer knows the whole name ("General Santos", a city) or the
    name after the title, and no "of" joins them ("Gulf of Mexico", "Governor of
    Pennsylvania")."""
    name = strip_title(ent.text)
    return name != ent.text and 1 <= len(name.split()) <= 3 \
        and all(map(is_name_word, name.split())) and " of " not in ent.text \
        and gazetteer.lookup(ent.text) is None \
        and gazetteer.lookup(name) is None


#: a party's noun right after a name ("the ruling Morena party"; data `party_nouns`)
_PARTY_AFTER = re.compile(r"\s+(?:" + alternation("party_nouns") + r")\b")


def _party_named(ent: Ent, text: str, gazetteer: Gazetteer) -> bool:
    """ "Mexico's ruling Morena party": a place-tagged name right before "party" is the
    party's, even one the gazetteer knows as a town (Morena, India); not a country's or a
    region's ("the Texas party chairman": the state's branch, named by its place)."""
    if not _PARTY_AFTER.match(text, ent.end):
        return False
    place = gazetteer.lookup(ent.text)
    return not is_region(place)


def _place_named_as_a_body(ent: Ent, gazetteer: Gazetteer, text: str) -> bool:
    """A place-labelled span named or written as an organisation: its name's ending or head
    ("Boeing Company", "the Storting"), members after it, an organisation's noun before it,
    or a plural common noun ending it."""
    return _organisation(ent) or _legislature(ent) or bool(MEMBERS_AFTER.match(text, ent.end)) \
        or _org_noun_before(text, ent) or _plural_body(ent, gazetteer)


#: "The" capitalised inside running text (after a lower-case word or a comma) before a sea's
#: name: a publication named after it ("told The Atlantic", "reported in The Atlantic",
#: "Next, The Atlantic claimed"), not the ocean ("the Atlantic", a headline's "Across The
#: Atlantic")
_TITLED_THE = re.compile(r"(?:\b[a-z][\w'’-]*[,;:]?|[,;:])[ \t]+(The)[ \t]+$")


def _sea_named_publication(ent: Ent, text: str) -> Ent | None:
    """ "told The Atlantic": the magazine named after a sea, an actor (the span grows over
    its "The"), None for the sea."""
    titled = _TITLED_THE.search(text, max(0, ent.start - 40), ent.start) \
        if ent.text in OPEN_WATER else None
    if titled is None:
        return None
    start = titled.start(1)
    return Ent(start, ent.end, text[start:ent.end], "ORG", facet="actor", rule="organisation")


def _actor_label_facet(ent: Ent, gazetteer: Gazetteer, persons: set[str], text: str) -> Ent:
    """A PERSON or ORG span: a people ("Thais", as when tagged a nationality), a landmark or
    a place the gazetteer and the words around it make it, else an actor."""
    if is_people(ent.text):
        return replace(ent, facet="actor", rule="people")
    if _person_tagged_a_body(ent, text):
        return replace(ent, label="PERSON", facet="actor", rule="titled-person")
    if is_landmark(ent) or _visited_facility(ent, text, gazetteer) \
            or _care_facility(ent, text) or _facility_named(ent, text, persons):
        return replace(ent, facet="place", rule="landmark")
    if _actor_is_place(ent, text, gazetteer, persons) or _person_named_division(ent):
        return replace(ent, facet="place", rule="gazetteer", fixed=True)
    return _territory(ent) or replace(ent, facet="actor")


#: a territory's name by its ending ("Gwoza Local Government Area", "Kharkiv Oblast"), maybe
#: with the place it lies in after "of"
_TERRITORY = re.compile(r"^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*? (" + alternation("territory_name_endings")
                        + r")(?: of [A-Z][\w'’ -]*)?$")


#: a territory's ending anywhere in a name: the cheap test before `_TERRITORY`
_TERRITORY_WORD = re.compile(r" (?:" + alternation("territory_name_endings") + r")\b")


def _territory(ent: Ent) -> Ent | None:
    """A span named as a territory, cut after its ending ("... Area | of Borno"), a place;
    None for any other."""
    found = _TERRITORY.search(ent.text) if _TERRITORY_WORD.search(ent.text) else None
    if found is None:
        return None
    end = found.end(1)
    return replace(ent, end=ent.start + end, text=ent.text[:end], facet="place",
                   rule="territory", fixed=True)


#: last words of a division's or a settlement's name no person's name ends with ("Karen
#: State", "Sagaing Region", "Mehambl Town"; data `division_name_endings` and
#: `person_division_endings`)
_PERSON_DIVISION_ENDINGS = frozenset(word_list("division_name_endings")
                                     + word_list("person_division_endings"))


def _person_named_division(ent: Ent) -> bool:
    """ "Karen State" tagged a person: a name ending in a division's word is that division (an
    organisation's "Islamic State" keeps its label's facet)."""
    words = ent.text.split()
    return ent.label == "PERSON" and len(words) > 1 and words[-1] in _PERSON_DIVISION_ENDINGS \
        and all(w[:1].isupper() for w in words)


def _titled_person(ent: Ent) -> bool:
    """ "United States Representative Elijah Cummings", "Assemblywoman Selena Torres" tagged
    as an organisation: a title, then a person's name of two or three words English writes
    capitalised (no body's name: "State Fire Brigade", "Sheriff of Milwaukee County")."""
    if ent.label != "ORG":
        return False
    name = strip_title(ent.text)
    return name != ent.text and _person_shaped(name)


def _person_tagged_a_body(ent: Ent, text: str) -> bool:
    """A person's name the model called an organisation: after a title, or with a person's
    role set off next to it."""
    return _titled_person(ent) or _person_by_role(ent, text)


def _person_by_role(ent: Ent, text: str) -> bool:
    """ "The Chairperson of the Commission of the African Union, Moussa Faki Mahamat," tagged
    as an organisation: a person's name (`_person_shaped`) that a person's role is set off
    before or after (`roles.apposed_role`)."""
    return ent.label == "ORG" and _person_shaped(ent.text) and apposed_role(text, ent) is not None


def _person_shaped(name: str) -> bool:
    """Two or three words English writes capitalised, the last no body's ending."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(map(is_name_word, words)) and words[-1] not in ORG_ENDINGS


#: the capitalised word right before a span
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)\s+$")
#: words before a party's members that are no part of a party's name ("Other Republicans")
MEMBER_DETERMINERS = frozenset(word_list("name_determiners")) | frozenset(
    word_list("member_determiners"))


def _party_members(ent: Ent, text: str) -> bool:
    """ "Democrats blocked the bill": a party's members, unless the word ends a longer name
    the model cut ("Liberal | Democrats", "Sweden | Democrats")."""
    before = _WORD_BEFORE.search(text, max(0, ent.start - 30), ent.start)
    return ent.text in PARTY_MEMBERS \
        and (before is None or before.group(1).lower() in MEMBER_DETERMINERS)


#: a verb of statement right after a name: what makes a product's or event's label an
#: organisation's ("Resolute Support condemns the attack"; things do not condemn)
_STATES = re.compile(r"\s+(?:" + alternation("statement_verbs") + r")\b")


def states(text: str, end: int) -> bool:
    """A verb of statement right after the name ending at `end` ("Toyota said")."""
    return bool(_STATES.match(text, end))


#: labels of works and products: a city's name under them needs words that place it
_WORK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})


def _rescued_facet(ent: Ent, gazetteer: Gazetteer, text: str) -> Ent:
    """A nationality, product or event span that is a people, an organisation or a place; a
    name of several words the gazetteer knows is the place ("in Manay, Davao Oriental"), no
    organisation named with a nationality ("Saudi Aramco")."""
    if ent.label == "NORP" and " " in ent.text and not is_demonym(ent.text) \
            and gazetteer.known_place(ent.text):
        return replace(ent, facet="place", rule="gazetteer", fixed=True)
    actor_rule = _rescued_actor(ent, text)
    if actor_rule:
        return replace(ent, facet="actor", rule=actor_rule)
    return ent if is_demonym(ent.text) else _rescued_place(ent, gazetteer, text)


def _rescued_place(ent: Ent, gazetteer: Gazetteer, text: str) -> Ent:
    """A rescued span named like a landmark, or one the gazetteer knows (a work or product
    named like a city only where words around it place it), is the place; else it stays."""
    if _landmark_named_work(ent, text):
        return replace(ent, facet="place", rule="landmark")
    place = gazetteer.lookup(ent.text) if ent.label == "NORP" else gazetteer.confident(ent.text)
    if not place or _unplaced_work(ent, place, text, gazetteer):
        return ent
    return replace(ent, facet="place", rule="gazetteer", fixed=True)


#: quotation marks that set off a title ("the film 'Notting Hill'"), as one-character strings
#: (a set, so that the empty slice at the text's edge is none)
_QUOTES = frozenset(QUOTES)


def _landmark_named_work(ent: Ent, text: str) -> bool:
    """ "an expedition to Mount Singai" tagged a work of art, "the Volcano of Fire" an event,
    "the Northern Slopes" a nationality: a name shaped like a landmark's (`is_landmark`) is
    that place unless quotation marks set it off as a title (class 2, places taken for works
    or events); not a name an editor's bracket cuts ("[Russell] Church", a person)."""
    quoted = text[ent.start - 1:ent.start] in _QUOTES or text[ent.end:ent.end + 1] in _QUOTES
    return not quoted and "]" not in ent.text and is_landmark(replace(ent, label="FAC"))


def _unplaced_work(ent: Ent, place: Place, text: str, gazetteer: Gazetteer) -> bool:
    """ "known for sketching Batman": a work or product named like a city, with no words
    around it that place it."""
    return ent.label in _WORK_LABELS and place.kind.startswith("city") \
        and not place_context(text, ent, gazetteer)


def _rescued_actor(ent: Ent, text: str) -> str | None:
    """The rule that makes a nationality, product or event span an actor, if one does."""
    if ent.label == "NORP":
        if is_people(ent.text) or _party_members(ent, text):
            return "people"
        if _named_org(ent.text):  # "Saudi Aramco"
            return "organisation"
    elif _STATES.match(text, ent.end):  # "Resolute Support condemns"
        return "organisation"
    return "organisation" if _military_unit(ent.text) else None  # "Task Force 1-28 Infantry"


def towns_of_named_countries(ents: list[Ent], gazetteer: Gazetteer,
                             persons: set[str]) -> list[Ent]:
    """A name the model called an organisation or person that the gazetteer knows as a town
    of a country the document names ("shelling hit Saraqib" in a report that names Syria) is
    that town. A town elsewhere with the same name ("Mary", Turkmenistan) does not qualify."""
    countries = _named_countries(ents, gazetteer)
    return [replace(ent, facet="place", value=None, rule="gazetteer", fixed=True)
            if _may_be_a_town(ent, persons) and _town_in(ent.text, countries, gazetteer) else ent
            for ent in ents]


def _named_countries(ents: list[Ent], gazetteer: Gazetteer) -> set[str]:
    """The countries of the document's places and the places that are countries."""
    countries = {e.country for e in ents if e.facet == "place" and e.country}
    countries |= {e.value for e in ents if e.facet == "place" and e.value
                  and gazetteer.country_of(e.value)}
    return countries


def _may_be_a_town(ent: Ent, persons: set[str]) -> bool:
    """An unfixed ORG actor of one or two words, none of them a person's name word, and not a
    common word that is also a town ("our Alliance" in a statement naming the United States:
    `COMMON_WORDS`)."""
    return ent.facet == "actor" and not ent.fixed and ent.label == "ORG" \
        and len(ent.text.split()) <= 2 and not set(ent.text.split()) & persons \
        and ent.text not in COMMON_WORDS


def _town_in(name: str, countries: set[str], gazetteer: Gazetteer) -> bool:
    place = gazetteer.lookup(name)
    return bool(place) and place.kind.startswith("city") and place.country in countries


#: a word the document writes in lower case as a running word: not in a web address, a file
#: name or a command ("youtube.com", "git clone" do not make YouTube or Git common words)
def _lower_use(word: str) -> re.Pattern:
    return re.compile(rf"(?<![\w/.@_-]){re.escape(word)}(?![\w/@_-]|\.\w)")


def common_words(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """A one-word name written like a capitalised common word ("Cathedral", "Railways",
    "Weather") whose word the document also uses in lower case is that common word, wherever
    the capitalised form stands (openers, headings, "the Cathedral"). Names with inner
    capitals or all capitals ("YouTube", "NATO"), persons, places the gazetteer is sure of
    ("Reading") and the short form of a longer name in the document ("the Post" after "the
    New York Post") are left alone, and so is a country's body named by its bare noun ("the
    Senate" beside "a state senate"): entity resolution joins it to the qualified body."""
    common = {key for key in _common_word_candidates(text, ents)
              if _written_in_lower_case(key, text, gazetteer)}
    return [replace(e, facet=None, value=None, rule="common-word")
            if e.key in common and open_mention(e) else e for e in ents]


def opener_words(text: str, ents: list[Ent], gazetteer: Gazetteer,
                 headlines: list[tuple[int, int]]) -> list[Ent]:
    """A one-word name that English writes in lower case ("Heartbroken", "Backlash",
    "Aides": `indexer.casing`) and the document capitalises only where every word is
    capitalised (sentence and line openings, after an opening quote) is that common word.
    Words of the document's longer names ("Young" of "Neil Young"), all-capital and
    inner-capital names and places the gazetteer is sure of are left alone. Title-cased
    lines (`headlines`) capitalise every word too ("Latest Strikes Against ISIS")."""
    candidates = _opener_candidates(ents, gazetteer)
    if not candidates:
        return ents
    candidates -= {e.key for e in ents if e.key in candidates
                   and not _where_all_capitalise(text, e.start, headlines)}
    common = {key for key in candidates if not _capitalised_inside_sentence(key, text, headlines)}
    return [replace(e, facet=None, value=None, rule="opener-word")
            if e.key in common and open_mention(e) else e for e in ents]


def _opener_candidates(ents: list[Ent], gazetteer: Gazetteer) -> set[str]:
    """Keys of the open one-word names written like capitalised lower-case English words,
    not places the gazetteer is sure of nor words of the document's longer names."""
    mentions = Counter(e.key for e in ents if open_mention(e))
    candidates = {e.key for e in ents if open_mention(e) and capitalised_word(e.text)
                  and _common_word(e.key, mentions[e.key]) and not gazetteer.confident(e.key)}
    return candidates - _name_words(ents) if candidates else candidates


def _common_word(key: str, mentions: int) -> bool:
    """English writes the word mostly in lower case, on weaker odds for a word met once."""
    return is_lower_case_word(key) or (mentions == 1 and is_lower_case_word(key, _ONCE_ODDS))


#: a word met once, at an opening, is taken for the common word where English writes it in
#: lower case at least this many times as often as capitalised ("Overcast skies", "Unknown
#: gunmen attacked", "Award comes with"); a word met more often needs `casing.LOWER_CASE_ODDS`
_ONCE_ODDS = 3.0


def _name_words(ents: list[Ent]) -> set[str]:
    """The words of the document's multi-word actor and place names."""
    return {word for e in ents if e.facet in ("actor", "place") and " " in e.key
            for word in e.key.split()}


def _capitalised_inside_sentence(word: str, text: str, headlines: list[tuple[int, int]]) -> bool:
    """The document capitalises the word somewhere every word is not capitalised."""
    capitalised = word[:1].upper() + word[1:]
    return any(not _where_all_capitalise(text, m.start(), headlines)
               for m in re.finditer(rf"\b{re.escape(capitalised)}\b", text))


def _where_all_capitalise(text: str, at: int, headlines: list[tuple[int, int]]) -> bool:
    """At a sentence or line opening, or in a title-cased line."""
    return sentence_initial(text, at) or any(start <= at < end for start, end in headlines)


def open_mention(ent: Ent) -> bool:
    """An actor or place mention no rule has fixed from outside evidence: one a later rule
    may still change."""
    return ent.facet in ("actor", "place") and not ent.fixed


def _common_word_candidates(text: str, ents: list[Ent]) -> set[str]:
    """Keys of the one-word capitalised names `common_words` may take for common words: no
    country's bare body, person (unless only ever at a sentence's opening), short form of a
    longer name or organisation named as one."""
    keys = {e.key for e in ents if open_mention(e) and e.label != "PERSON"
            and capitalised_word(e.text)}
    keys -= bare_bodies()
    keys -= _persons_and_short_forms(ents)
    keys |= _opener_persons(text, ents)
    keys -= {e.key for e in ents if e.key in keys and _bare_name_use(text, e)}
    return keys


def _opener_persons(text: str, ents: list[Ent]) -> set[str]:
    """Keys of the one-word persons the document writes capitalised only where every word
    is ("Ferry and boat disasters are common ... Ferry is still a key means" beside "the
    ferry"), words English writes in lower case as often as not. A surname is also met
    inside a sentence ("said Ferry"), a company named by a noun is mostly capitalised
    ("Amazon said"), and a word of a longer name is left alone."""
    keys = {e.key for e in ents if open_mention(e) and e.label == "PERSON"
            and capitalised_word(e.text)}
    if not keys:
        return keys
    keys -= _name_words(ents)
    return {key for key in keys
            if not is_name_word(key) and not _capitalised_inside_sentence(key, text, [])}


def _persons_and_short_forms(ents: list[Ent]) -> set[str]:
    """Keys of persons, and last words of longer names that are about them ("post" of "the
    New York Post"; not "linguistics" of "Department of Linguistics", which the lower-case
    word "linguistics" may still be)."""
    return {e.key for e in ents if e.label == "PERSON"} \
        | {e.key.split()[-1] for e in ents if e.facet in ("actor", "place") and " " in e.key
           and name_head(e.key) == e.key.split()[-1]}


def _written_in_lower_case(key: str, text: str, gazetteer: Gazetteer) -> bool:
    """The document writes the word in lower case, and the gazetteer is not sure of it."""
    return key in text and not gazetteer.confident(key) and bool(_lower_use(key).search(text))


@lru_cache(maxsize=1)
def bare_bodies() -> frozenset[str]:
    """One-word bodies a country qualifier can precede ("senate", "congress", "navy")."""
    return frozenset(body for body in all_bare_bodies() if " " not in body)


def _bare_name_use(text: str, ent: Ent) -> bool:
    """An organisation the text names as one ("with Time magazine", "Time's list"): the
    model's ORG, after a running lower-case word that is no determiner, and typed by the next
    word (a possessive or a name type noun: magazine, network, app). A common word capitalised
    by house style takes a determiner ("the Cathedral", "this Chamber"); openers, numbers and
    speaker labels before it ("1 Solar mass", "((WN)) Hydrogen") are no evidence."""
    words = text[max(0, ent.start - 30):ent.start].split()
    after = text[ent.end:ent.end + 30].split()
    if ent.label != "ORG" or not words or not after or not words[-1].isalpha() \
            or not words[-1].islower() or words[-1] in _determiners():
        return False
    return after[0].startswith(("'s", "\u2019s")) or after[0].strip(".,;:") in _type_nouns()


@lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    return frozenset(word_list("name_determiners"))


@lru_cache(maxsize=1)
def _type_nouns() -> frozenset[str]:
    return frozenset(word_list("name_type_nouns"))


def capitalised_word(text: str) -> bool:
    """One word of three letters or more, capitalised and otherwise in lower case ("Calm";
    not "USG", "McCain")."""
    word = text.strip()
    return " " not in word and len(word) > 2 and word[0].isupper() and word[1:].islower()


def harmonise(ents: list[Ent], gazetteer: Gazetteer, text: str) -> list[Ent]:
    """Give every occurrence of a surface form the same facet: rule-fixed facets first, then
    the majority of the model's labels, then the gazetteer (place if it knows the name)."""
    votes, fixed = _facet_votes(ents, text)
    chosen = {key: _chosen_facet(key, fixed.get(key) or votes[key], gazetteer)
              for key in set(votes) | set(fixed)}
    return [replace(ent, facet=chosen[ent.key], value=None, rule="consistency")
            if open_mention(ent) and chosen.get(ent.key) not in (None, ent.facet) else ent
            for ent in ents]


def _facet_votes(ents: list[Ent], text: str) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """Facet counts per surface form: (the model's, the rules' fixed ones). Two labels are no
    vote, and the document's other mentions decide: an actor's right after "at" or "in" ("At
    Kazarahoyo, the attackers killed five" tagged an organisation beside "villages including
    Bulongo, Kazarahoyo" tagged a place; those words read either way), and the label of a
    list the model ran into one span, which its items keep ("Deepwater, Baffle Creek" tagged an
    organisation beside "residents near Deepwater" tagged a place)."""
    votes: dict[str, Counter] = {}
    fixed: dict[str, Counter] = {}
    for ent in ents:
        if ent.facet in ("actor", "place") and ent.rule != "group":  # a group's nation is no vote
            counts = (fixed if ent.fixed else votes).setdefault(ent.key, Counter())
            counts[ent.facet] += 0 if _unsure(ent, text) else 1
    return votes, fixed


#: the `rule` of a list's item split off a span (`run_ins.split_listed_names`): the model's
#: label was the whole span's, so the item's says little of it
LIST_ITEM_RULE = "listed-names"


#: `_AT_BEFORE` at a sentence's start too ("At Kazarahoyo, the attackers killed five")
_LOCATIVE_WORD_BEFORE = re.compile(_AT_BEFORE.pattern, re.I)


#: a lower-case noun after a name that the name only modifies: a local body, a resident or a
#: family named by a place ("Sydenham police", "a Kabul resident", "A Sydenham family")
_MODIFIED_NOUN = re.compile(r"[ \t]+(?:" + alternation_of(
    word_list("local_body_nouns") + word_list("place_cue_resident_nouns")
    + word_list("place_modified_nouns")) + r")\b(?![-'’])")


def _unsure(ent: Ent, text: str) -> bool:
    """An actor's mention whose label says little of the name: a list's item, a name right
    after "at" or "in", or a one-word name modifying a body's or a resident's noun ("A
    Sydenham family", "Sydenham police" tagged organisations beside "in Loon Road, Sydenham"
    tagged a place: class 2, places the model's noun phrases outvote)."""
    return ent.rule == LIST_ITEM_RULE or (
        ent.facet == "actor" and not ent.fixed
        and (bool(_LOCATIVE_WORD_BEFORE.search(text, max(0, ent.start - 8), ent.start))
             or (" " not in ent.text and bool(_MODIFIED_NOUN.match(text, ent.end)))))


def _chosen_facet(key: str, counts: Counter, gazetteer: Gazetteer) -> str:
    """The majority facet; a tie goes to place when the gazetteer knows the name, as more
    than a small town ("Obama" the person beside Obama, a Japanese town of 30,000)."""
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        place = gazetteer.lookup(key)
        return "place" if place and not is_small_town(place) else "actor"
    return ranked[0][0]


def adopt_fixed_values(ents: list[Ent]) -> list[Ent]:
    """Unfixed spans with the same surface as an alias take the alias's value ("Araghchi"
    resolved once resolves everywhere in the document)."""
    resolved = {e.key: e for e in ents if e.fixed and e.rule.startswith("alias")}
    return [replace(e, facet=resolved[e.key].facet, value=resolved[e.key].value,
                    country=resolved[e.key].country, rule=resolved[e.key].rule, fixed=True)
            if e.key in resolved and not e.fixed else e for e in ents]
