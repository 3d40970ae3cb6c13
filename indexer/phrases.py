"""Text-pattern rules around entities: national group actors, place cues, missed places.

- "Iraqi forces", "Syria's armed forces", "the Syrian opposition": a nationality (or a
  country with "'s") followed by a group noun is an actor, named "<Demonym> <noun>".
- "the town of Khan Tuman", "Idlib province": the cue word makes the name a place even where
  the model called it a person.
- A capitalised name the model missed that the gazetteer knows well (a country, or a city of
  CONFIDENT_CITY_POPULATION or more, by its main name) becomes a place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import zip_longest

from indexer.casing import is_lower_case_word, is_name_word
from indexer.countries import country_for_demonym, demonym_for, is_demonym, national_qualifier
from indexer.gazetteer import CONFIDENT_CITY_POPULATION, COUNTY_PREFIXES, Gazetteer, Place
from indexer.headlines import HEADLINE_SMALL_WORDS
from indexer.names import (
    BULLETS,
    HONORIFICS,
    OCCUPATION_WORDS,
    TITLE_WORDS,
    name_head,
    nation_qualifier,
    national_body,
    trim_span,
)
from indexer.rule_data import alternation, alternation_of, body_endings, word_list
from indexer.spans import Ent, SpanIndex, overlaps, replace
from indexer.watchlist import led_by_known_body

#: group nouns that name an institution: title case in the value ("Syrian Army")
INSTITUTIONS = word_list("institutions")
#: group nouns that name a collective: lower case in the value ("Iraqi forces")
COLLECTIVES = word_list("collectives")
#: institution nouns that name one only after "the" and where the phrase closes ("the Turkish
#: state"; "Chinese state media" and "the Indian state of Kerala" name none)
CLOSED_INSTITUTIONS = word_list("closed_institutions")
#: events named after the place they are held in ("the Brussels Conference")
MEETING_NOUNS = frozenset(word_list("meeting_nouns"))
#: other events: no actor, no place, and not named after a place ("Berwick Prize")
OTHER_EVENT_NOUNS = frozenset(word_list("other_event_nouns"))
#: events named after the country, region or city where they happen ("the Iraq War")
PLACE_EVENT_NOUNS = frozenset(word_list("place_event_nouns"))
EVENT_NOUNS = MEETING_NOUNS | OTHER_EVENT_NOUNS | PLACE_EVENT_NOUNS


def _closed_phrase(words: str) -> str:
    """A lookahead that a phrase closes: punctuation, the text's end, or one of `words` (an
    alternation of the function words that may follow a closed phrase)."""
    return r"(?=[ \t]*(?:[,.;:)!?\n]|$)|[ \t]+(?:" + words + r")\b)"


#: "<nation>'s <group noun>", "<nation> <group noun>" and "<nation>-led <group noun>" (a
#: sponsor's participle from the data: "the Saudi-led coalition", "Iranian-backed militias")
_HEADS = "|".join(INSTITUTIONS + COLLECTIVES) + r"|(?:" + "|".join(CLOSED_INSTITUTIONS) + r")" \
    + _closed_phrase(r"(?!of\b)(?:" + alternation("headline_small_words") + "|"
                    + alternation("institution_closers") + ")")
#: ... or one lower-case modifier before the group noun ("the Malian transition government",
#: "Israeli security officials"), maybe after an adverb ("Yemen's internationally recognized
#: government"), a group noun alone first ("Iraqi security forces"), no
#: function word ("American and coalition forces" lists two), no word in -s: a noun
#: modifies another in the singular, so it is a verb ("Azerbaijan claims people killed"),
#: no verb's past form (`past_cues`: "Saudi Arabia sent troops") and no word that opens a
#: clause (`clause_openers`: "Niger where militants")
_HEAD = re.compile(r"(?:(?P<possessive>'s|’s)|-(?P<sponsor>" + alternation("sponsor_participles")
                   + r"))?\s+(?:(?P<head>" + _HEADS + r")|(?-i:(?!(?:" + alternation("trailing_function_words")
                   + r"|" + alternation("past_cues") + r"|" + alternation("clause_openers")
                   + r"|and|or|nor|but)\b)(?P<modifier>(?:[a-z]{2,}ly\s+)?(?![a-z-]*[a-rt-z]s\s)[a-z][a-z-]{2,}))\s+(?P<modified>" + _HEADS
                   + r"))\b(?!-)", re.I)
_NAME = (r"((?:al-|el-)?[A-Z][\w'’-]{1,40}+(?:\s(?:[a-z]{1,3}-|(?:de|da|do|dos|das|del|di|du|of)\s)?"
         r"[A-Z][\w'’-]{1,40}+){0,3})")
#: cue nouns are data (rule_words.txt); "<noun> of X", "<noun> called X" and "X <noun>" is
#: their grammar
_CUE_BEFORE = re.compile(r"\b(?:" + alternation("place_cue_before") + r") of (?:the )?" + _NAME)
_CUE_CALLED = re.compile(r"\b(?:" + alternation("place_cue_called") + r") (?:called|named) "
                         + _NAME)
_CUE_AFTER = re.compile(r"(?<![\w’'])(?=[A-Zae])" + _NAME + r"\s(?:"
                        + alternation("place_cue_after") + r")\b")
#: the function words after a cue noun that close its phrase
_SMALL_WORDS = "|".join(sorted(HEADLINE_SMALL_WORDS))
#: "Dibis town in Kirkuk": a cue noun that also heads compounds ("town hall"), as a cue only
#: where punctuation or a function word closes the phrase after it
_PHRASE_CLOSED = _closed_phrase(_SMALL_WORDS)
_CUE_AFTER_CLOSED = re.compile(
    r"(?<![\w’'])(?=[A-Zae])" + _NAME + r"\s(?:" + alternation("place_cue_after_closed")
    + r")" + _PHRASE_CLOSED)
#: "in Meghalaya state, a mudslide", "Assam and Sikkim states": a cue noun that also follows
#: words no place is named by ("an Islamic state in", "the Jewish state"), closed as above and
#: a cue only for names the gazetteer knows as places
_CUE_AFTER_KNOWN = re.compile(
    r"(?<![\w’'])(?=[A-Z])" + _NAME + r"\s(?:" + alternation("place_cue_after_known")
    + r")" + _PHRASE_CLOSED)
#: "the department of Caqueta": such a noun before "of" and a name the gazetteer knows
_CUE_BEFORE_KNOWN = re.compile(r"\b(?:" + alternation("place_cue_before_known") + r") of (?:the )?"
                               + _NAME)
#: the known-place cue nouns of both patterns, each after a blank: the cheap test before them
_KNOWN_CUE_GATES = tuple(f" {noun}" for noun in dict.fromkeys(
    word_list("place_cue_after_known") + word_list("place_cue_before_known")))
#: "the nearest city, Oicha, said", "the capital, Bamako.": a determiner's settlement noun, a
#: comma and the name set off after it, closed by punctuation (the apposition the other way)
_SET_OFF_NOUNS = (*word_list("place_cue_apposed"), *word_list("place_cue_set_off"))
#: "Nyaung Kone, a village located 10km southwest of Pale", "Bentiu, the capital of Unity
#: state": an apposition a settlement's noun heads, with at most two modifiers ("a small
#: farming village"), where the noun ends the phrase (punctuation, a function word, a
#: participle or a locative word after it; "Ali, a village elder" names a person); after
#: "the" or a place's possessive, a capital's noun too ("Stepanakert, the region's capital",
#: "Ganja, Azerbaijan's second-largest city")
_CUE_APPOSED = re.compile(
    r"(?<![\w’'])(?=[A-Zae])" + _NAME + r",[ \t]+(?:(?:a|an)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}(?:"
    + alternation("place_cue_apposed") + r")|(?:the|[A-Z][\w.-]*(?:[ \t][A-Z][\w.-]*)?['’]s)[ \t]+"
    r"(?:[a-z][\w'’-]*[ \t]+){0,2}(?:"
    + alternation_of(_SET_OFF_NOUNS) + r"))(?=[ \t]*[,.;:)]|[ \t]+\d|[ \t]+(?:"
    + _SMALL_WORDS + r"|[a-z]+ed|"
    + alternation("place_apposition_closers") + r")\b)")
_CUE_SET_OFF = re.compile(
    r"\b(?:the|a|its|their|[A-Z][\w-]*['’]s)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}(?:" + alternation_of(_SET_OFF_NOUNS)
    + r"),[ \t]+" + _NAME + r"(?=[ \t]*[,.;:)])")
#: "Our Lady of Lourdes Hospital, Navan where", "a church, Orlu, Imo state": a building's name
#: or noun, a comma, and a name its phrase ends after: the place the building stands in
_CUE_SITED = re.compile(r"(?<![\w-])(?i:" + alternation("place_cue_sited") + r"),[ \t]+" + _NAME
                        + r"(?=[ \t]*[,.;:)]|[ \t]+(?:where|" + _SMALL_WORDS + r")\b)")
#: capitalised words that open a sentence before a place's predicate and name nothing: the
#: pronouns, determiners ("This is located", "It lies") and `wh_openers` ("What lies ahead")
_NO_NAME_OPENERS = alternation_of({w.capitalize() for w in word_list("pronouns")
                                   + word_list("name_determiners") + word_list("wh_openers")})
#: "Kfar Rumman lies around 12 kilometres from the border", "Groom is located in the state
#: of Queensland": a name before a verb that says where a place is (`place_predicates`), and
#: for "lie"/"lies" the where after it ("Trump lies about" names no place)
_CUE_PREDICATE = re.compile(r"(?<![\w’'])(?=[A-Z])(?!(?:" + _NO_NAME_OPENERS + r")\b)" + _NAME + r"\s+(?:(?:is|are|was|were)\s+"
                            r"(?:" + alternation("place_predicates") + r")\b|lies?\s+(?:"
                            + alternation("place_predicate_lie_complements") + r")\b|lies?\s+\d)")
#: "Saraqeb and Maaret al-Numan are two major rebel-held towns", "Kfar Dana is a small village
#: near Aleppo": a name a copula defines as a settlement (its noun ends the phrase, as in
#: `_CUE_APPOSED`; "a city councillor" is none), with the names listed before it
_CUE_COPULA = re.compile(
    r"(?<![\w’'])(?=[A-Z])(?!(?:" + _NO_NAME_OPENERS + r")\b)" + _NAME
    + r"\s+(?:is|was|are|were)\s+(?:a|an|the|two|three|four|five|several)\s+"
    r"(?:[a-z][\w-]*\s+){0,3}?(?:" + alternation("place_cue_apposed") + r")s?"
    r"(?=[ \t]*[,.;:)]|[ \t]+(?:" + _SMALL_WORDS + r"|[a-z]+ed|"
    + alternation("place_apposition_closers") + r")\b)")
#: "its two neighbouring provinces, Yala and Pattani": a plural settlement's or division's noun,
#: a comma and the first name of a list (`_apposed_lists` reads the rest)
_CUE_LISTED = re.compile(r"\b(?:" + alternation("place_cue_listed") + r"),[ \t]+" + _NAME)
_LISTED_GATES = tuple(f"{noun}," for noun in word_list("place_cue_listed"))
#: the list's phrase ends after its last name (as `_PHRASE_CLOSED` says)
_LIST_CLOSED = re.compile(_PHRASE_CLOSED)
#: "fires at Wandsworth near Armidale", "the village in Stockyard Flat near Walcha": a name a
#: place's preposition opens and "near" and another name close is a place (a body is seldom
#: placed "at X near Y")
_CUE_NEAR = re.compile(r"\b(?:" + alternation("place_near_openers") + r")\s+" + _NAME
                       + r"\s+near\s+(?:the\s+)?[A-Z]")
#: "fires at Forster, at Hillville", "a fighting patrol at Firgi killed", "the match at
#: Murrayfield": an incident's noun, "at" and a name: the site it happened at (class 2; a
#: body is seldom the site: "works at Siemens", "studied at Harvard" have no incident's noun;
#: a possessor owns the site: "the shooting at Ann Roe's home", "the match at Wynnum's
#: Grenada Street ground")
_CUE_INCIDENT = re.compile(r"\b(?:" + alternation("place_incident_nouns") + r")\s+at\s+(?:the\s+)?"
                           + _NAME + r"(?<!['’]s)(?=[ \t]*[,.;:)]|[ \t]+[a-z])")
#: a possessive inside a name the incident cue read: the site is the possessor's thing
#: ("the match at Wynnum's Grenada Street ground"), left to the other rules
_POSSESSIVE_INSIDE = re.compile(r"['’]s\s")
_INCIDENT_GATES = tuple(f"{noun} at " for noun in word_list("place_incident_nouns"))
#: "a 24-year-old Caboolture man", "the 30-year-old Kuraby woman": a capitalised name between
#: a person's age and a resident's noun is the place the person is from (a people's word is
#: no place: "a 40-year-old Indigenous man"; a nationality the model's, dropped by
#: `_cue_named`)
_CUE_AGED = re.compile(r"\b\d{1,3}-year-old[ \t]+(?!(?:" + alternation("person_descriptors")
                       + r")\b)" + _NAME + r"[ \t]+(?:" + alternation("place_cue_resident_nouns")
                       + r")\b")
#: "Tambon Tanyong Limo", "Brgy. Kabbon Takas", "Sitio Sungkog", "at village Kalantara
#: Kandi": a local division's noun written right before its name, as Thai, Philippine, Indian
#: and Ethiopian English write it (data `place_prefix_nouns`; "village" only after a place's
#: preposition, "the village Elders" names none, and so "district" as Pakistani English writes
#: it: "residents of district Karak"); the name alone is the place
_PREFIX_NOUNS = word_list("place_prefix_nouns")
_CUE_PREFIXED = re.compile(r"(?:(?<![\w.])(?i:" + alternation_of(_PREFIX_NOUNS) + r")|\b(?:at|in|"
                           r"from|near|of)[ \t]+(?:village|district))[ \t]+" + _NAME)
#: "<places> such as X and Y": examples of a kind of place are places; a possessor is not
#: the example ("locations including President Lula's house")
_EXAMPLE_LINK = r"(?:,? | ?[—–] ?)(?:such as|like|including) "
_CUE_EXAMPLES = re.compile(r"\b(?:" + alternation("place_cue_examples") + r")" + _EXAMPLE_LINK
                           + _NAME + r"(?<!['’]s)(?![ \t][A-Z])")
#: the word between a cue noun and its name
_CUE_LINK = re.compile(r"(?:,? | ?[—–] ?)(?:of|called|named|such as|like|including) ")
#: more names in a list next to a cue-introduced name ("the towns of Rastan and Talbiseh")
_LIST_AFTER = re.compile(r"(?:,\s+|\s+and\s+|\s+or\s+)" + _NAME)
_LIST_BEFORE = re.compile(_NAME + r"(?:,\s+|,?\s+and\s+|,?\s+or\s+)$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s(?:al-|el-)?[A-Z][\w'’.-]*)*")
_LEADING_FUNCTION = re.compile(r"^(?:(?:" + alternation("leading_function_words") + r")\s)+")
#: prepositions that put an unknown name in a place ("near Hmeimim", "east of the Euphrates"),
#: maybe with a compass adjective between them ("in southern Ashanti")
STRONG_LOCATIVE = re.compile(r"\b(?i:" + alternation("strong_locative_prepositions")
                             + r"|(?:north|south|east|west)"
                             r"(?:-?(?:east|west))? of)\s+(?:the\s+)?"  # "Near X," opens lines
                             r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)ern\s+"
                             r"|central\s+)?$")
#: the lower-case word right after a name, if one follows it
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
#: capitalised words that are also towns in the gazetteer but rarely mean them
COMMON_WORDS = frozenset(word_list("common_town_words"))


def _demonym(ent: Ent) -> str | None:
    """The canonical adjective of a nationality span ("Argentinian" -> "Argentine"), whatever
    the model labelled it ("surrender of Ukrainian troops", "Ukrainian" tagged GPE)."""
    if not is_demonym(ent.text):
        return None
    country = country_for_demonym(ent.text)
    return (demonym_for(country) if country else None) or ent.text


#: group nouns of a nation's people rather than its state's bodies: "the American people"
#: keeps its adjective where "American troops" are "US troops"
_PEOPLE_HEADS = frozenset(word_list("nation_people_heads"))


def _head_noun(match: re.Match) -> str:
    """The group noun of a `_HEAD` match, lower case ("forces" of "security forces")."""
    return (match.group("head") or match.group("modified")).lower()


def _modifier(ent: Ent, gazetteer: Gazetteer, possessive: bool, people: bool = False) -> str | None:
    """How a group phrase names its nation: one way however the text writes it (one group,
    one value), the way its institutions are named (`countries.national_qualifier`):
    "American troops", "U.S. troops", "America's troops" -> "US troops"; "Syria's army" ->
    "Syrian Army"; "Sri Lanka authorities" -> "Sri Lankan authorities". A people of no one
    country keeps its adjective ("Kurdish forces"); a country the model called a location or
    a person is one too ("the Central African Republic authorities", "Azerbaijan's armed
    forces")."""
    if ent.label == "NORP" or is_demonym(ent.text):
        country = country_for_demonym(ent.text)
        return (national_qualifier(country) if country and not people else None) or _demonym(ent)
    country = gazetteer.country_of(ent.text) if ent.label in _COUNTRY_LABELS else None
    if country is None or (ent.label == "PERSON" and len(ent.text.split()) > 1):
        return None
    return _country_modifier(country, ent.text, possessive, people)


def _country_modifier(country: str, written: str, possessive: bool, people: bool) -> str:
    """A country's name before a group noun: its adjective before its people, the way its
    institutions are named before any other group."""
    if people:
        return demonym_for(country) or written
    return national_qualifier(country) or (demonym_for(country) if possessive else written)


#: the labels a country's span may carry before a group noun
_COUNTRY_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON"})


def group_actors(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Add actors for "<nationality> <group noun>" phrases not covered by an entity; a country
    used that way ("U.S. troops") is a modifier there, not a place mention."""
    missed = _missed_sponsors(text, ents, gazetteer)
    if missed:
        ents = sorted([*ents, *missed], key=lambda e: e.start)
    out = list(ents)
    phrases: list[Ent] = []
    for i, ent in enumerate(ents):
        phrase = _group_phrase(text, ent, ents, gazetteer)
        if phrase is None:
            continue
        span, demonym, head = phrase
        out += _groups(span, f"{demonym} {head}", gazetteer)
        out[i] = _as_modifier(ent)
        phrases.append(span)
        people = head.split()[-1].lower() in _PEOPLE_HEADS  # the value's head, maybe modified
        for j, item, name in _listed_modifiers(text, ents, i, gazetteer, people):
            out += _groups(item, f"{name} {head}", gazetteer)
            out[j] = _as_modifier(item)
    return [e for e in out if not any(_unnamed_inside(e, span) for span in phrases)] \
        if phrases else out


#: a nation's adjective, then a noun for its land ("Lebanese territory", "Syrian airspace")
_TERRITORY_AFTER = re.compile(r"[ \t]+(?:" + alternation("national_territory_nouns")
                              + r")\b(?![-'’])")


def national_territories(text: str, ents: list[Ent]) -> list[Ent]:
    """Class 2 (places missed): "Lebanese territory", "Tajik territory", "Syrian airspace": a
    nation's adjective and a noun for its land are a mention of the country, a place; not
    after "the" ("the French territory" is New Caledonia, no mention of France)."""
    out = [_territory_of(text, ent) for ent in ents]
    return out if any(a is not b for a, b in zip(out, ents, strict=True)) else ents


def _territory_of(text: str, ent: Ent) -> Ent:
    """The country's place mention over a nationality span and the land's noun after it, or
    the span as it was."""
    country = country_for_demonym(ent.text) if not ent.fixed and is_demonym(ent.text) \
        and not THE_BEFORE.search(text, max(0, ent.start - 6), ent.start) else None
    land = _TERRITORY_AFTER.match(text, ent.end) if country else None
    if land is None:
        return ent
    return Ent(ent.start, land.end(), text[ent.start:land.end()], "GPE", facet="place",
               value=country, rule="national-territory", country=country, fixed=True)


#: collectives of craft, which name no actor (data `craft_collectives`)
_CRAFT = frozenset(word_list("craft_collectives"))


def _groups(span: Ent, name: str, gazetteer: Gazetteer) -> list[Ent]:
    """The group actor a group phrase names, none for craft ("Israeli aircraft")."""
    if name.split()[-1].lower() in _CRAFT:
        return []
    return [_group(span, national_body(name, gazetteer.country_of))]


#: a country's name right before "-led" and the like, which the model tends to miss there
_SPONSOR = re.compile(r"(?<![\w.-])(?!(?:The|A|An) )([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?=-(?:"
                      + alternation("sponsor_participles") + r")\s)")
#: a sponsor's participle after a hyphen anywhere: the cheap test before `_SPONSOR`
_SPONSOR_WORD = re.compile(r"-(?:" + alternation("sponsor_participles") + r")\s")


def _missed_sponsors(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Country spans the model missed before a sponsor's participle ("the U.S.-led
    coalition"); `_group_phrase` makes them a group's modifier or leaves them alone."""
    if not _SPONSOR_WORD.search(text):
        return []
    taken = SpanIndex(ents)
    found = (Ent(m.start(1), m.end(1), m.group(1), "GPE") for m in _SPONSOR.finditer(text)
             if gazetteer.country_of(m.group(1)))
    return [ent for ent in found if not taken.overlaps(ent)]


def _group_phrase(text: str, ent: Ent, ents: list[Ent],
                  gazetteer: Gazetteer) -> tuple[Ent, str, str] | None:
    """(the phrase's span, the nationality, the group noun) of "<ent> <group noun>", or None
    when the span is fixed, names no nationality there, or crosses another entity."""
    match = _HEAD.match(text, ent.end)
    if not match or (ent.fixed and ent.rule != "gazetteer"):  # a placed country may lead one
        return None
    demonym = _modifier(ent, gazetteer, bool(match.group("possessive")),
                        _head_noun(match) in _PEOPLE_HEADS)
    if not demonym:
        return None
    span = Ent(ent.start, match.end(), text[ent.start:match.end()], "ORG")
    if any(overlaps(span, other) and not _unnamed_inside(other, span)
           for other in ents if other is not ent) or _no_group_there(text, match, ent, ents):
        return None
    return (span, *_group_name(match, ent, gazetteer, demonym))


def _unnamed_inside(other: Ent, span: Ent) -> bool:
    """A lower-case span no rule made a name, inside a group phrase: the model's ORG
    "senate" of "Brazil's senate" is the phrase's noun, no entity it would cross."""
    return other.facet is None and other.text.islower() \
        and span.start <= other.start and other.end <= span.end


def _no_group_there(text: str, match: re.Match, ent: Ent, ents: list[Ent]) -> bool:
    """A group phrase that names no group: a part of something ("the Syrian side of the
    border"), a state still to be made, or a description of the body named after it."""
    return _part_of(text, match, ent) or _unnamed_state(text, match, ent) \
        or _describes_a_body(text, match.end(), ents) or _verb_after_name(match, ent)


#: words in -ed that modify a group noun right after a country's name ("US armed forces")
_GROUP_PARTICIPLES = frozenset(word_list("group_participles"))


def _verb_after_name(match: re.Match, ent: Ent) -> bool:
    """Class 3 (non-names): "Israel killed militants", "Russia reportedly deployed troops":
    after a country's own name (not its adjective, not its possessive), a word in -ed or an
    adverb before the noun makes a verb and its object, not a group ("US armed forces" is
    one: data `group_participles`)."""
    modifier = match.group("modifier")
    if not modifier or match.group("possessive") or is_demonym(ent.text):
        return False
    words = modifier.lower().split()
    return len(words) > 1 or (words[0].endswith("ed") and words[0] not in _GROUP_PARTICIPLES)


#: the blank between a group noun and a name right after it
_BLANK = re.compile(r"[ \t]+")


def _describes_a_body(text: str, end: int, ents: list[Ent]) -> bool:
    """ "Zimbabwe's main opposition Movement for Democratic Change", "Somalia's militant group
    al-Shabaab": a group noun right before an organisation's name describes that body, which
    is the actor (class 3: no second value for the same body)."""
    blank = _BLANK.match(text, end)
    return blank is not None and any(other.start == blank.end() and other.label == "ORG"
                                     for other in ents)


#: group nouns that name a part of something before "of" or after a locative and "the": "the
#: Syrian side of the border", "on the Lebanese side" are places, "the Azerbaijani side" a party
_PART_HEADS = frozenset(word_list("part_heads"))
_OF_AFTER = re.compile(r"\s+of\b")
_LOCATIVE_THE = re.compile(r"\b(?:" + alternation("part_locatives") + r")\s+the\s+$", re.I)


def _part_of(text: str, match: re.Match, ent: Ent) -> bool:
    return _head_noun(match) in _PART_HEADS and (
        bool(_OF_AFTER.match(text, match.end()))
        or bool(_LOCATIVE_THE.search(text, max(0, ent.start - 12), ent.start)))


def _unnamed_state(text: str, match: re.Match, ent: Ent) -> bool:
    """A closed institution's noun without "the" before its nation: "a Palestinian state"
    is one still to be made, "the Turkish state" the one that acts."""
    return _head_noun(match) in CLOSED_INSTITUTIONS and not THE_BEFORE.search(text, 0, ent.start)


def _group_name(match: re.Match, ent: Ent, gazetteer: Gazetteer, demonym: str) -> tuple[str, str]:
    """(the nation's word, the group noun) a group phrase's value is made of."""
    head = _head_noun(match)
    if match.group("sponsor"):  # a group a nation leads: described, never a body's name
        return f"{_qualifier(ent, gazetteer, demonym)}-{match.group('sponsor').lower()}", head
    if match.group("modifier"):  # "the Malian transition government", "U.S. federal government"
        return _qualifier(ent, gazetteer, demonym), f"{match.group('modifier')} {head}"
    return demonym, head.title() if head in INSTITUTIONS or head in CLOSED_INSTITUTIONS else head


def _qualifier(ent: Ent, gazetteer: Gazetteer, demonym: str) -> str:
    """The nation's one name before "-led" however written ("U.S.", "American" -> "US")."""
    return nation_qualifier(ent.text, gazetteer.country_of) or demonym


def _group(span: Ent, value: str) -> Ent:
    return replace(span, facet="actor", value=value, rule="group", fixed=True)


def _as_modifier(ent: Ent) -> Ent:
    """A place used to name a group ("U.S. troops") is a modifier there, no place mention."""
    return replace(ent, facet=None, rule="modifier") if ent.facet == "place" else ent


_LIST_GLUE = re.compile(r",?\s*(?:and|or)?\s*")


def _listed_modifiers(text: str, ents: list[Ent], i: int, gazetteer: Gazetteer, people: bool):
    """The nations listed before a group phrase's own ("U.S., German, and Canadian
    companies": U.S. and German), as (index, entity, modifier)."""
    found = []
    after = ents[i]
    for j in sorted((j for j, e in enumerate(ents) if e.end <= after.start and not e.fixed),
                    key=lambda j: -ents[j].end):
        item = ents[j]
        glue = text[item.end:after.start]
        name = _modifier(item, gazetteer, False, people)
        if not glue.strip() or not _LIST_GLUE.fullmatch(glue) or not name \
                or _OF_HEAD.search(text, max(0, item.start - 40), item.start):
            break  # "the government of Kenya and Somalia's army": Kenya is the government's
        found.append((j, item, name))
        after = item
    return found


#: the plural of each institution noun: "the governments of Kenya and Somalia"
def _plural(noun: str) -> str:
    """English's regular plural of a noun ("army" -> "armies", "government" -> "governments")."""
    return noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + "s"


_PLURAL_INSTITUTIONS = {_plural(head): head for head in INSTITUTIONS if not head.endswith("s")}
_OF_HEAD = re.compile(r"\b(" + "|".join((*INSTITUTIONS, *_PLURAL_INSTITUTIONS, "people"))
                      + r") of (?:the )?$", re.I)


def group_of_actors(text: str, ents: list[Ent], country_of) -> list[Ent]:
    """Add actors for "the government of Iraq", "the people of Mosul": value "<Head> of
    <Place>", a country's institution named as one value (`national_body`: "Iraqi
    Government"); a plural head takes every place listed after it ("the governments of Kenya
    and Somalia": Kenyan Government, Somali Government), and so does a head joined to the
    first by "and" ("the government and people of Pakistan": the government too)."""
    out = list(ents)
    for i, ent in enumerate(ents):
        match = _OF_HEAD.search(text, max(0, ent.start - 40), ent.start) if ent.value else None
        if match and _peoples_home(ent, match):
            out[i] = replace(ent, label="GPE", facet="place", rule="group", fixed=True)
        if out[i].facet != "place" or not match:
            continue
        out += _groups_of_places(text, ents, i, match, country_of) \
            + _coordinated_group(text, ents, match, ent.value, country_of)
    return out


#: an institution's noun and "and" before another institution's noun or "people" ("the
#: people" of a condolence's "the people and Government of X" is boilerplate, no group the
#: statement speaks of)
_COORDINATED_HEAD = re.compile(r"\b(" + alternation_of(INSTITUTIONS) + r") and (?:the )?$", re.I)


def _coordinated_group(text: str, ents: list[Ent], match: re.Match, place: str,
                       country_of) -> list[Ent]:
    """The group of the institution before "and" in "the government and people of Pakistan"
    (class 2, organisations missed), over its noun."""
    head = _COORDINATED_HEAD.search(text, max(0, match.start() - 40), match.start())
    if head is None or head.group(1).lower() == match.group(1).lower():
        return []
    span = Ent(head.start(1), head.end(1), head.group(1), "ORG")
    return [] if any(overlaps(span, other) for other in ents) \
        else [_group_of(span, head.group(1).lower(), place, country_of)]


def institution_places(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """The places the model missed right after an institution's noun and "of" ("the people
    and Government of Sri Lanka"), found before the groups are (`missed_places` finds the
    rest later); none where no such noun is followed by "of"."""
    runs = (_CAPITALISED.match(text, head.end()) for head in _ANY_OF_HEAD.finditer(text))
    return _places_among(text, ents, gazetteer, (run for run in runs if run))


#: an institution's noun or "people" and "of" (maybe "the"): where `institution_places` looks
_ANY_OF_HEAD = re.compile(r"\b(?:" + alternation_of((*INSTITUTIONS, *_PLURAL_INSTITUTIONS,
                                                       "people")) + r") of (?:the )?", re.I)


def _groups_of_places(text: str, ents: list[Ent], i: int, match: re.Match,
                      country_of) -> list[Ent]:
    """The group "<head> of <place>" over the head and `ents[i]` (unless it overlaps another
    span), and for a plural head one over each place listed after it."""
    ent = ents[i]
    span = Ent(match.start(), ent.end, text[match.start():ent.end], "ORG")
    head = match.group(1).lower()
    found = [] if any(overlaps(span, other) for other in ents if other is not ent) \
        else [_group_of(span, _PLURAL_INSTITUTIONS.get(head, head), ent.value, country_of)]
    if head in _PLURAL_INSTITUTIONS:
        found += [_group_of(replace(place, label="ORG"), _PLURAL_INSTITUTIONS[head], place.value,
                            country_of) for place in _listed_places_after(text, ents, i)]
    return found


def _listed_places_after(text: str, ents: list[Ent], i: int) -> list[Ent]:
    """The places listed right after `ents[i]` ("Kenya, Uganda and Somalia": Uganda, Somalia)."""
    found = []
    for ent in ents[i + 1:]:
        if ent.facet != "place" or ent.value is None \
                or not _LIST_GLUE.fullmatch(text, (found or [ents[i]])[-1].end, ent.start):
            break
        found.append(ent)
    return found


def _group_of(span: Ent, head: str, place: str, country_of) -> Ent:
    """The group "<Head> of <Place>" (a country's institution as `national_body` names it)."""
    head = head.title() if head in INSTITUTIONS else head.capitalize()
    value = national_body(f"{head} of {place}", country_of)
    return replace(span, facet="actor", value=value, rule="group", fixed=True)


def _peoples_home(ent: Ent, match: re.Match) -> bool:
    """ "the people of Moura" with "Moura" tagged an organisation: a people's X is a place."""
    return match.group(1).lower() == "people" and ent.facet == "actor" and not ent.fixed \
        and (ent.label == "ORG" or (ent.label == "PERSON" and len(ent.text.split()) == 1)) \
        and ent.text.split()[-1].rstrip(".") not in _ORG_ENDINGS


#: the last words of organisations' names ("Apple Inc.", "Acme Group"): no people's home
#: (`body_endings` holds the `org_endings` list already)
_ORG_ENDINGS = body_endings()


def hyphenated_places(ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """ "Baghdad-Erbil" (often an ORG to the model) is two place mentions when both are places;
    class 3, "Tajik-Kyrgyz" (tagged a person in "the Tajik-Kyrgyz border") is two nations'
    adjectives, no name."""
    out = []
    for ent in ents:
        parts = ent.text.split("-")
        if ent.fixed or len(parts) != 2 or not all(p[:1].isupper() for p in parts):
            out.append(ent)
        elif all(map(is_demonym, parts)):
            out.append(replace(ent, facet=None, value=None, rule="hyphenated", fixed=True))
        elif not all(gazetteer.lookup(p) for p in parts):
            out.append(ent)
        else:
            out += _two_places(ent, parts)
    return out


def _two_places(ent: Ent, parts: list[str]) -> list[Ent]:
    """The two place mentions of "Baghdad-Erbil"."""
    second = ent.start + len(parts[0]) + 1
    return [Ent(ent.start, second - 1, parts[0], "GPE", facet="place", rule="hyphenated",
                fixed=True),
            Ent(second, ent.end, parts[1], "GPE", facet="place", rule="hyphenated", fixed=True)]


#: two names in one span: "Crete and Cyprus", "Kelly and Baroni", "Prohibition Party, Reform
#: Party", "De La Fuente/Richardson"
_COORDINATED = re.compile(r"(?P<a>[^,/]+?)(?:\s+and\s+|,\s+|\s*/\s*)(?P<b>[^,/]+)")


def coordinated_names(ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Two names the model read as one span are two mentions when the document names each on
    its own (as a span of its own, or as the surname of a person it names in full) or the
    gazetteer knows both as places; "Bill and Melinda Gates Foundation" stays one name."""
    known = _names_known_apart(ents)
    out = []
    for ent in ents:
        match = _COORDINATED.fullmatch(ent.text)
        if match and ent.facet == "place" and "," in ent.text:
            match = None  # "Shelby, North Carolina": a place and where it is
        parts = [_coordinated_part(ent, match, side, known, gazetteer) for side in "ab"] \
            if match and not ent.fixed and ent.facet in ("actor", "place") else [None]
        out += parts if all(parts) else [ent]
    return out


def _names_known_apart(ents: list[Ent]) -> dict[str, Ent]:
    """Lower-cased name -> a span naming it on its own: each span, and the surname of each
    person named in full."""
    known: dict[str, Ent] = {}
    for ent in ents:
        if ent.facet not in ("actor", "place"):
            continue
        known.setdefault(ent.key, ent)
        words = ent.text.split()
        if ent.label == "PERSON" and len(words) > 1:
            known.setdefault(words[-1].lower(), ent)
    return known


def _coordinated_part(ent: Ent, match: re.Match, side: str, known: dict[str, Ent],
                      gazetteer: Gazetteer) -> Ent | None:
    """One of two coordinated names as a mention of its own, or None when it is not one."""
    part = match.group(side)
    key = " ".join(part.lower().split())
    if not part[:1].isupper() or (len(part.split()) == 1 and COMPASS.match(part + " ")):
        return None  # "North and South Korea": "North" is half a name
    start = ent.start + match.start(side)
    other = known.get(key)
    if other is not None and other is not ent:
        return Ent(start, start + len(part), part, other.label, facet=other.facet,
                   rule="coordination")
    if gazetteer.lookup(part):
        return Ent(start, start + len(part), part, "GPE", facet="place", rule="coordination",
                   fixed=True)
    return None


#: "operation" right before a name the model left outside it ("the launch of operation
#: Keletigui"); "Operation Roundup" inside a span is `event_names`' own
_OPERATION_BEFORE = re.compile(r"\b[Oo]peration[ \t]+$")


def operation_names(text: str, ents: list[Ent]) -> list[Ent]:
    """The spans with the names of military operations made no facet's ("the launch of
    operation Keletigui"; the very list without one)."""
    named = {i for i, e in enumerate(ents) if e.facet in ("actor", "place") and not e.fixed
             and _OPERATION_BEFORE.search(text, max(0, e.start - 12), e.start)}
    if not named:
        return ents
    return [replace(e, facet=None, value=None, rule="event") if i in named else e
            for i, e in enumerate(ents)]


def event_names(ents: list[Ent], gazetteer: Gazetteer, persons: set[str]) -> list[Ent]:
    """ "the Brussels Conference", "Geneva talks", "Operation Roundup", "as Eid is approaching":
    an event or a holiday is no actor or place, but the place an event is named after is a
    place mention. A holiday's name or an event noun that is a word of the document's people
    ("Mohamed Eid", "Doris Day") stays."""
    events = {id(ent) for ent in ents if _open_event(ent) and not _forum_body(ent, gazetteer)
              and not (_one_word_event(ent) and ent.text in persons)}
    if not events:
        return ents
    out = []
    for ent in ents:
        if id(ent) not in events:
            out.append(ent)
            continue
        out.append(replace(ent, facet=None, value=None, rule="event"))
        end = event_place_end(ent.text, gazetteer)
        if end:
            out.append(Ent(ent.start, ent.start + end, ent.text[:end], "GPE", facet="place",
                           rule="place-in-name", fixed=True))
    return out


#: the ends of a name's words
_WORD_ENDS = re.compile(r"\S+")
#: the most leading words tried as the place an event happens in ("New York City Marathon")
_EVENT_PLACE_WORDS = 3


def event_place_end(name: str, gazetteer: Gazetteer) -> int | None:
    """Where the place an event is named after ends in its name, None for no such place: all
    the words before a meeting's noun, a place the gazetteer knows ("the Brussels
    Conference"); or, before the noun of an event that happens in a place (`place_event_nouns`),
    one to three leading words that name a well-known country, region or city, the words
    after them capitalised ("the Iraq War", "the Iran Hostage Crisis", "Wisconsin Elections";
    not "the Cold War")."""
    words = name.split()
    last = words[-1].lower()
    if last in MEETING_NOUNS:
        lead = " ".join(words[:-1])
        return len(lead) if lead and gazetteer.lookup(lead) else None
    if last not in PLACE_EVENT_NOUNS:
        return None
    ends = [m.end() for m in _WORD_ENDS.finditer(name)][:-1]
    for end in reversed(ends[:_EVENT_PLACE_WORDS]):
        if gazetteer.confident(name[:end]):
            return end if all(w[:1].isupper() for w in name[end:].split()) else None
    return None


#: words that open an event's name: "Operation Inherent Resolve", "Operation Roundup"
EVENT_LEADS = frozenset(word_list("event_leads"))
#: holidays and feasts, which the model calls people, organisations or places ("Eid",
#: "Nowruz", "Easter"), lower case
HOLIDAYS = frozenset(word_list("holidays"))


def _open_event(ent: Ent) -> bool:
    """An unfixed actor or place mention that names an event or a holiday."""
    if ent.fixed or ent.facet not in ("actor", "place"):
        return False
    if _one_word_event(ent):
        return True
    words = ent.text.split()
    if ent.label == "PERSON":  # "Doris Day", "Mohamed Eid": only ends no one's name has
        return len(words) > 1 and words[-1] in _PERSON_EVENT_ENDINGS
    return len(words) > 1 and _event_name(words)


#: last words of events' and prizes' names no person's name ends with ("Al Dana Award")
_PERSON_EVENT_ENDINGS = frozenset(word_list("person_event_endings"))


#: meeting nouns that end bodies' names more often than events'
_BODY_MEETING_NOUNS = frozenset(word_list("body_meeting_nouns"))


def _forum_body(ent: Ent, gazetteer: Gazetteer) -> bool:
    """ "World Economic Forum", "Libyan Political Dialogue Forum": a body, not the meeting
    held in the city its name opens with ("Vienna Energy Forum", "St. Petersburg
    International Economic Forum")."""
    words = ent.text.split()
    if len(words) < 2 or words[-1].lower() not in _BODY_MEETING_NOUNS:
        return False
    leads = (gazetteer.lookup(" ".join(words[:n])) for n in range(1, min(3, len(words) - 1) + 1))
    return not any(place and place.kind.startswith("city") for place in leads)


def _one_word_event(ent: Ent) -> bool:
    """The whole mention is a holiday's name (not "Christmas Island") or an event noun
    alone ("the Paralympics", "the Expo")."""
    name = ent.text.lower()
    return name in HOLIDAYS or name in OTHER_EVENT_NOUNS or name in PLACE_EVENT_NOUNS


def _event_name(words: list[str]) -> bool:
    """An event noun ends the name (not a body's, "State Board of Elections") or heads it
    before its complement ("National Medal of Science", "Order of the Sun" is no event noun),
    or an event's word opens it before a capitalised word ("Operation Roundup")."""
    if words[-1].lower() in EVENT_NOUNS:
        return not _body_of_events(words)
    if name_head(" ".join(words)).lower() in OTHER_EVENT_NOUNS:
        return True
    return words[0] in EVENT_LEADS and words[1][:1].isupper()


#: connectors after which a name goes on about its head ("Board of Elections")
_HEAD_CONNECTORS = frozenset({"of", "on", "for"})


def _body_of_events(words: list[str]) -> bool:
    """ "State Board of Elections", "Commission on Presidential Debates": a body named after
    the events it runs (its head, before "of"/"on"/"for", ends a body's name), no event; and
    a body against one ("Iraq Veterans Against the War")."""
    if "Against" in words or "against" in words:
        return True
    cut = next((i for i, w in enumerate(words) if w in _HEAD_CONNECTORS), None)
    return bool(cut) and words[cut - 1] in body_endings()


def _cue_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of names a place cue introduces, with the names listed next to them."""
    found = []
    for pattern, before in _cue_patterns(text):
        for match in pattern.finditer(text):
            if pattern is _CUE_INCIDENT and _POSSESSIVE_INSIDE.search(match.group(1)):
                continue
            found.append(_after_of(match) if before else match.span(1))
            if before:
                found += _listed_before(text, match.start(1))
            elif _plural_cue(match):
                found += _listed_after(text, match.end(1))
    return found


def _after_of(match: re.Match) -> tuple[int, int]:
    """The name a cue after it introduces, from its last "of" on: "Gulabbag-Tral of Pulwama
    district" names the district Pulwama (the village of the district is the model's or
    `located-place`'s)."""
    start, end = match.span(1)
    cut = match.group(1).rfind(" of ")
    return (start + cut + 4, end) if cut > 0 else (start, end)


#: the closed cue nouns, to skip their pattern in the (most) documents without one
_CLOSED_CUES = word_list("place_cue_after_closed")
#: the cue patterns in the order they are read, each with True where the cue comes after the
#: name, and the words without one of which in the text the pattern cannot match (none: read
#: always)
_GATED_CUES: tuple[tuple[re.Pattern, bool, tuple[str, ...]], ...] = (
    (_CUE_BEFORE, False, ()),
    (_CUE_EXAMPLES, False, ("like ", "such as ", "including ")),
    (_CUE_CALLED, False, (" called ", " named ")),
    (_CUE_AFTER, True, ()),
    (_CUE_AFTER_CLOSED, True, tuple(f" {cue}" for cue in _CLOSED_CUES)),
    (_CUE_APPOSED, False, (", a ", ", an ", ", the ", "’s ", "'s ")),
    (_CUE_SET_OFF, False, tuple(f"{noun}, " for noun in _SET_OFF_NOUNS)),
    (_CUE_PREDICATE, False, (" located ", " situated ", " lies ", " lie ")),
    (_CUE_NEAR, False, (" near ",)),
    (_CUE_INCIDENT, False, _INCIDENT_GATES),
    (_CUE_AGED, False, ("year-old ",)),
    (_CUE_PREFIXED, False, tuple(f"{noun} " for noun in _PREFIX_NOUNS)
     + tuple(f"{noun.capitalize()} " for noun in _PREFIX_NOUNS) + (" village ", " district ")),
    (_CUE_COPULA, True, tuple(f" {noun}" for noun in word_list("place_cue_apposed"))),
)


def _apposed_lists(text: str) -> list[tuple[int, int]]:
    """(start, end) of the names of a list of two or more set off after a plural place noun
    (`_CUE_LISTED`) whose phrase ends after the last ("provinces, Yala and Pattani, since";
    "the districts, Taliban and Haqqani fighters clashed" lists no places)."""
    if not any(gate in text for gate in _LISTED_GATES):
        return []
    found = []
    for match in _CUE_LISTED.finditer(text):
        more = _listed_after(text, match.end(1))
        if more and _LIST_CLOSED.match(text, more[-1][1]):
            found += [match.span(1), *more]
    return found


def _cue_patterns(text: str) -> list[tuple[re.Pattern, bool]]:
    """The cue patterns to scan the text with, each with True where the cue comes after the
    name; the rarer ones only where their link word is in the text."""
    return [(pattern, before) for pattern, before, gates in _GATED_CUES
            if not gates or any(gate in text for gate in gates)]


def _listed_after(text: str, end: int) -> list[tuple[int, int]]:
    """The names listed after a plural cue's first one ("the towns of A, B and C")."""
    found = []
    while more := _LIST_AFTER.match(text, end):
        found.append(more.span(1))
        end = more.end(1)
    return found


def _listed_before(text: str, start: int) -> list[tuple[int, int]]:
    """The names listed before a name the cue follows ("A, B and C provinces", "in Banisa,
    Mandera district"); a list of three or more has "and" or "or", so a run of names set
    off by commas alone is no list beyond its last ("Shridhar Patil, SSP, Kulgam district":
    a person and his office; class 2 the other way)."""
    found, joined = [], False
    while more := _LIST_BEFORE.search(text, max(0, start - 60), start):
        found.append(more.span(1))
        joined = joined or not more.group(0).rstrip().endswith(",")
        start = more.start(1)
    return found if joined else found[:1]


def _plural_cue(match: re.Match) -> bool:
    """ "the towns of A, B and C" lists places; after "the town of A" a comma or "and"
    goes on with something else ("the town of A, the mayor said")."""
    return _CUE_LINK.split(match.group(0), 1)[0].endswith("s")


def place_cues(text: str, ents: list[Ent], is_place: Callable[[str], bool]) -> list[Ent]:
    """Mark cue-introduced names as places: relabel the matching entity, replace model spans
    inside the name ("Maqsoud" of "Sheikh Maqsoud"), or add a new span. `is_place` tells the
    names the gazetteer knows, for the cues that need it ("Meghalaya state"; "Imo state", whose
    three-letter name the gazetteer knows only with its division word)."""
    out = list(ents)
    known = _known_cued(text, is_place)
    for start, end in _cue_spans(text) + known + _sited(text, ents, is_place) \
            + _apposed_lists(text):
        start, end = trim_span(text, start, end)
        if end > start and _cue_named(text, start, end) \
                and not _titled_person(text, start, end, is_place) \
                and not _body_named(text[start:end], is_place) \
                and not _unknown_acronym(text[start:end], is_place):
            out = _apply_cue(out, Ent(start, end, text[start:end], "GPE"))
    return out


def _known_cued(text: str, is_place: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of the names the gazetteer knows that a cue noun which also goes with
    other words introduces ("in Meghalaya state", "the department of Caqueta"); a state's
    three-letter name may be known only with its division word ("Imo State")."""
    if not any(gate in text for gate in _KNOWN_CUE_GATES):
        return []
    found = [m.span(1) for m in _CUE_AFTER_KNOWN.finditer(text)
             if is_place(m.group(1)) or is_place(f"{m.group(1)} State")]
    return found + [m.span(1) for m in _CUE_BEFORE_KNOWN.finditer(text) if is_place(m.group(1))]


def _unknown_acronym(name: str, is_place: Callable[[str], bool]) -> bool:
    """Class 2 the other way: "the whole OSCE area", "in the UNIFIL area of operations" - an
    acronym of letters before a cue noun is a body's, whose area the noun names, unless the
    gazetteer knows it as a place ("the DRC", "UAE territory"); a road's number is a name
    ("the R551 road")."""
    return name.isupper() and name.isalpha() and not is_place(name)


def _body_named(name: str, is_place: Callable[[str], bool]) -> bool:
    """Class 2 the other way: "the Frontier Corps checkpoint", "the Border Command post" - a
    name that ends like an organisation's (`body_endings`) owns the site the cue noun names;
    it is no place (unless the gazetteer knows it as one: "West Bank"); nor is a well-known
    body's branch named after where it acts ("Islamic State West Africa | Province")."""
    return (name.rsplit(" ", 1)[-1] in _ORG_ENDINGS and not is_place(name)) \
        or led_by_known_body(name)


#: the "of" that binds a cue noun's own name to it ("the district of Sheikh Maqsoud")
_OF_BEFORE = re.compile(r"\bof[ \t]+(?:the[ \t]+)?$")


def _titled_person(text: str, start: int, end: int, is_place: Callable[[str], bool]) -> bool:
    """ "15 heads of states, including President Adama Barrow": a title, honorific or
    occupation and a name a cue lists is a person (class 2, people made places); the name a
    cue noun binds with "of" ("the district of Sheikh Maqsoud") and a name the gazetteer
    knows as a place ("General Santos") stay places."""
    first, _, rest = text[start:end].partition(" ")
    return bool(rest) and first.lower().rstrip(".") in _PERSON_WORDS \
        and not _OF_BEFORE.search(text, max(0, start - 8), start) and not is_place(text[start:end])


def _sited(text: str, ents: list[Ent], is_place: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of the names after a building and a comma (`_CUE_SITED`), but for a
    person's: titled ("the school, Principal Ann Roe, said") or a full name whose last word
    the text uses alone ("X High School, John Smith, ... Smith said")."""
    lower = text.lower()
    if not any(noun in lower for noun in _SITED_NOUNS):  # a C substring scan per noun: cheap
        return []
    persons = {(e.start, e.end) for e in ents if e.label == "PERSON"}
    return [m.span(1) for m in _CUE_SITED.finditer(text)
            if not _personal(text, m.group(1), m.span(1) in persons, is_place)]


#: the building nouns of `_CUE_SITED`, each with its comma
_SITED_NOUNS = tuple(f"{noun}," for noun in word_list("place_cue_sited"))
#: words that open a person's name with a title, an honorific or an occupation
_PERSON_WORDS = TITLE_WORDS | HONORIFICS | OCCUPATION_WORDS


def _personal(text: str, name: str, person: bool, is_place: Callable[[str], bool]) -> bool:
    """A name that reads as a person's: a title, honorific, occupation or other word English
    writes in lower case first ("Principal Ann Roe"; a place the gazetteer knows may open with
    one: "New York"), or a PERSON of two words or more whose last word stands alone elsewhere
    in the text."""
    words = name.split()
    first = words[0].lower().rstrip(".")
    if first in _PERSON_WORDS or (is_lower_case_word(first) and not is_place(name)):
        return True
    return person and len(words) > 1 and len(re.findall(rf"\b{re.escape(words[-1])}\b", text)) > 1


def _cue_named(text: str, start: int, end: int) -> bool:
    """A name a cue noun may make a place's: no compound adjective, nationality, determiner
    ("a Fijian village", "Each area"), acronym of a trade ("the IT sector"), one word English
    writes in lower case that opens a sentence ("Surrounding areas were flooded"), nor a
    group's name that its members follow ("the camp of the Jund al-Aqsa group")."""
    name = text[start:end]
    return not COMPOUND_ADJECTIVE.search(name) and not is_demonym(name) \
        and name.lower() not in _DETERMINERS and not _trade_acronym(text, name, end) \
        and not (" " not in name and sentence_initial(text, start) and is_lower_case_word(name)) \
        and not MEMBERS_AFTER.match(text, end)


def _trade_acronym(text: str, name: str, end: int) -> bool:
    return name.isupper() and bool(_ECONOMY_CUE.match(text, end))


#: a cue noun that names a part of an economy too: an acronym before it is a trade's ("the IT
#: sector", "the FMCG market"), no place
_ECONOMY_CUE = re.compile(r"\s+(?:" + alternation("trade_cue_nouns") + r")\b")


#: "the Ansarallah leadership", "Abu Sayyaf bandits": a group's members or speakers after its
#: name (data `org_member_nouns`)
MEMBERS_AFTER = re.compile(r"\s+(?:" + alternation("org_member_nouns") + r")\b")
#: determiners that open a sentence capitalised: no place's name ("Each area they work in")
_DETERMINERS = frozenset(word_list("name_determiners"))
#: a name ending in a compound adjective ("the Kurdish-held district", "rebel-run areas"):
#: the words before the cue noun describe the place, they do not name it
COMPOUND_ADJECTIVE = re.compile(r"-[a-z]+$")


def _apply_cue(ents: list[Ent], span: Ent) -> list[Ent]:
    """The spans once one cue-introduced name is marked as a place."""
    same = [i for i, e in enumerate(ents) if (e.start, e.end) == (span.start, span.end)]
    if same:
        return _relabelled(ents, same[0])  # the cue is evidence even where the model said place
    return _added_place(ents, span)


def _added_place(ents: list[Ent], span: Ent) -> list[Ent]:
    """The cue-introduced name added as a place, replacing the model spans inside it; none
    added for a nationality word or a name crossing another span."""
    inside = [e for e in ents if _inside_cued(span, e)]
    if any(overlaps(span, e) for e in ents if e not in inside):
        return ents
    return [e for e in ents if e not in inside] + [
        replace(span, facet="place", rule="place-cue", fixed=True)]


def _relabelled(ents: list[Ent], i: int) -> list[Ent]:
    if ents[i].fixed:
        return ents
    out = list(ents)
    out[i] = replace(ents[i], facet="place", value=None, rule="place-cue", fixed=True)
    return out


def _inside_cued(span: Ent, ent: Ent) -> bool:
    """A model span the cue-introduced name replaces: inside it (a little slack either side),
    not fixed, not a date."""
    return overlaps(span, ent) and span.start - 4 <= ent.start and ent.end <= span.end + 12 \
        and not ent.fixed and ent.facet != "date"


def sentence_initial(text: str, start: int) -> bool:
    """True when only quotes, brackets and blanks stand between a name and a sentence end."""
    at = start - 1
    while at >= 0 and (text[at] in " \t\"'“‘(" or text[at] in BULLETS):
        at -= 1
    return at < 0 or text[at] in ".!?:\n"


#: an abbreviation's full stop ends a scanned name, but for a county's prefix ("Co. Kerry",
#: the prefixes in `county_prefixes` written with a full stop)
_ABBREVIATION_BREAK = re.compile("".join(rf"(?<!\b{re.escape(prefix[:-1])})"
                                         for prefix in sorted(COUNTY_PREFIXES)
                                         if prefix.endswith(".")) + r"\.\s")
_INITIALS_ONLY = re.compile(r"(?:[A-Z]\.)+")


#: a currency after a country's short name: "US$ 5", "U.S. dollars", "HK$"
_CURRENCY_AFTER = re.compile(r"\s?(?:\$|(?:" + alternation("currency_words") + r")\b)")


#: a place name that starts an organisation's ("Abu Dhabi Media", "Ithaca College")
_ORG_AFTER = re.compile(r"\s(?:" + alternation("org_after_place") + r")\b")
#: a name's particle and its next capitalised word after the scanned words: the name goes
#: on ("Mocímboa | da Praia", "Santa Cruz | de la Sierra"), its first words are no place
_PARTICLE_AFTER = re.compile(r"\s(?:" + alternation("place_particles") + r")\s+[A-Z]")


def _countryless(name: str, gazetteer: Gazetteer) -> bool:
    place = gazetteer.lookup(name) or gazetteer.lookup(COMPASS.sub("", name))
    return bool(place) and not place.country


def is_currency(text: str, end: int) -> bool:
    """True when the name ending at `end` names a currency ("US$", "U.S. dollars")."""
    return bool(_CURRENCY_AFTER.match(text, end))


#: a language's noun after a name ("the Shan language"): no place
_LANGUAGE_AFTER = re.compile(r"\s+(?:" + alternation("language_nouns") + r")\b")


def missed_places(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Places the model missed: whole capitalised names the gazetteer knows well (over a
    nationality word the model made of their first words), except names the document's own
    mentions type as works (a rocket "Vega" is no place elsewhere in its report) and a
    language's name ("the Shan language")."""
    return _places_among(text, ents, gazetteer, _CAPITALISED.finditer(text))


def _places_among(text: str, ents: list[Ent], gazetteer: Gazetteer,
                  matches: Iterable[re.Match]) -> list[Ent]:
    """`missed_places` over the given capitalised runs."""
    found = []
    taken = _cover(ents)
    skipped = COMMON_WORDS | {e.text for e in ents if e.rule == "type-prior"}
    for match in matches:
        start, name = _scanned_name(text, match)
        if name and name not in skipped \
                and not _taken(taken, ents, start, name) \
                and not _LANGUAGE_AFTER.match(text, start + len(name)) \
                and (_well_known_place(text, start, name, gazetteer)
                     or _placed_division(text, start, name)):
            found.append(Ent(start, start + len(name), name, "GPE", facet="place",
                             rule="gazetteer-scan", fixed=True))
    return found


def _taken(taken: SpanIndex, ents: list[Ent], start: int, name: str) -> bool:
    """True when another span holds some of the scanned name; a county's name with its prefix
    ("Co. Kerry", the model's PERSON "Kerry" after the abbreviation) swallows the model's
    spans inside it (class 2: a county's name read as a person's)."""
    end = start + len(name)
    if not taken.overlaps_range(start, end):
        return False
    return name.split(" ", 1)[0] not in COUNTY_PREFIXES or any(
        e.start < end and start < e.end and (e.fixed or e.start < start or e.end > end)
        for e in ents)


def _cover(ents: list[Ent]) -> SpanIndex:
    """The spans a missed place may not overlap: all but the nationality words no rule gave
    a facet ("beat Central African Republic 2-1", the model's "Central African") and the
    one-word works of art it gave none ("to peak in Gloucestershire", the model's
    WORK_OF_ART)."""
    return SpanIndex([e for e in ents if e.facet is not None or not _hides_no_place(e)])


def _hides_no_place(ent: Ent) -> bool:
    """A span with no facet the scan may look through: a nationality word, or a one-word work
    of art."""
    return ent.label == "NORP" or (ent.label == "WORK_OF_ART" and " " not in ent.text)


def _scanned_name(text: str, match: re.Match) -> tuple[int, str]:
    """(start, name) of a capitalised run: without a leading function word, cut at an
    abbreviation's full stop and before an office's word after the first ("Bauchi State
    Governor, Bala Mohammed": "Bauchi State"), a trailing full stop dropped unless it is all
    initials."""
    lead = _LEADING_FUNCTION.match(match.group())
    start = match.start() + (lead.end() if lead else 0)
    name = _OFFICE_BREAK.split(_ABBREVIATION_BREAK.split(text[start:match.end()])[0])[0]
    return start, name if _INITIALS_ONLY.fullmatch(name) else name.rstrip(".")


#: an office's word inside a capitalised run, after its first word: the run's place ends
#: before it ("Oyo State Governor", "Punjab Chief Minister"; data `place_office_nouns`,
#: `office_leads`)
_OFFICE_BREAK = re.compile(r" (?=(?:" + alternation_of(
    word.capitalize() for word in word_list("place_office_nouns") + word_list("office_leads"))
    + r")\b)")


#: kinds of place the scan takes even when their name is also a common word ("Turkey")
_NAMED_ABOVE_TOWNS = frozenset({"country", "region", "continent"})


def _unplaced_alternate(text: str, start: int, end: int, place: Place) -> bool:
    """Another spelling of a city ("Raqqah" of Ar Raqqah) that is not the object of "near",
    "in" (...): alternate spellings also spell words, so they need the cue ("Near Raqqah, 20
    strikes engaged", class 2), and a word after the name makes it a modifier ("in the Argo
    rescue") unless, with no article before it, the document writes the name alone again
    ("Hodeidah remains ... near Hodeidah intensified": the word after it is its verb)."""
    if place.kind != "city-alt":
        return False
    if not STRONG_LOCATIVE.search(text, max(0, start - 25), start):
        return True
    after = _NEXT_WORD.match(text, end)
    if not after or after.group(1) in HEADLINE_SMALL_WORDS:  # "near X at": no noun
        return False
    return bool(THE_BEFORE.search(text, max(0, start - 4), start)) \
        or not _written_again(text, start, end)


#: "the" right before a name: with a word after an alternate spelling it makes a modifier
#: ("the Argo rescue"); before a facility's name, the facility ("the Dayah hotel")
THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _written_again(text: str, start: int, end: int) -> bool:
    """The name stands alone (no capitalised word after it) elsewhere in the document."""
    alone = re.compile(rf"(?<![\w-]){re.escape(text[start:end])}(?![\w-]|\s+[A-Z])")
    return any(m.start() != start for m in alone.finditer(text))


def _well_known_place(text: str, start: int, name: str, gazetteer: Gazetteer) -> bool:
    """The gazetteer knows the name as a place by its own name (another spelling only after
    "near", "in"...), not a currency, an organisation's first word or a project; a city only
    when large and not sentence-initial;
    below a region, no one word English writes in lower case more often than not ("Source:"
    is no Monegasque ward, "Turkey" is a country)."""
    place = gazetteer.lookup(name) or gazetteer.division_of(name)
    end = start + len(name)
    if place is None or place.kind == "celestial" or _name_goes_on(text, end) \
            or _unplaced_alternate(text, start, end, place) \
            or name.startswith("Project ") \
            or _common_word_town(name, place.kind):
        return False
    return place.kind != "city" or (_large_enough(text, start, place)
                                    and not sentence_initial(text, start))


def _name_goes_on(text: str, end: int) -> bool:
    """What follows the scanned words makes them part of something else: a currency ("US$"),
    an organisation's name ("Paris Saint-Germain") or a longer place's ("Mocímboa da Praia")."""
    return is_currency(text, end) or bool(_ORG_AFTER.match(text, end)
                                          or _PARTICLE_AFTER.match(text, end))


#: a town the model missed is taken from this size after a locative word ("in Timbuktu")
LOCATED_TOWN_POPULATION = 20_000


def _large_enough(text: str, start: int, place: Place) -> bool:
    """A city large enough for its name alone to be the place, or a town the sentence puts
    something in ("assailants in Timbuktu", "near Tessalit")."""
    return place.population >= CONFIDENT_CITY_POPULATION or (
        place.population >= LOCATED_TOWN_POPULATION and _located(text, start))


def _located(text: str, start: int) -> bool:
    """A strong locative right before `start`, or before a list of names that ends there
    ("in Douenza and Timbuktu": class 2, a listed town missed)."""
    for _ in range(4):  # up to four names listed before
        if STRONG_LOCATIVE.search(text, max(0, start - 25), start):
            return True
        listed = _LIST_BEFORE.search(text, max(0, start - 60), start)
        if listed is None:
            return False
        start = listed.start()
    return False


#: last words of an administrative division's name ("the Dogua Tembien District")
_DIVISION_ENDINGS = frozenset(word_list("division_name_endings"))


def _placed_division(text: str, start: int, name: str) -> bool:
    """A name of two words or more ending in a division's word, after "in", "near" (...):
    a place even when no gazetteer knows it ("near Togoga in the Dogua Tembien District"; class
    2, places missed)."""
    words = name.split()
    return len(words) > 1 and words[-1] in _DIVISION_ENDINGS \
        and bool(STRONG_LOCATIVE.search(text, max(0, start - 25), start))


def _common_word_town(name: str, kind: str) -> bool:
    """A one-word place below a region that English writes in lower case more often."""
    return " " not in name and kind not in _NAMED_ABOVE_TOWNS and not is_name_word(name)


def _joins(text: str, ent: Ent, nxt: Ent, gazetteer: Gazetteer) -> bool:
    """True when two adjacent spans are one organisation's name cut in two by the model:
    "<Body> of the | <Name>", "<Body> for <purpose> | in <Country>" or "<Country> | 's <Body>"."""
    between = text[ent.end:nxt.start]
    return any(join(ent, nxt, between, gazetteer) for join in _JOINS)


def _cut_at_connector(ent: Ent, nxt: Ent, between: str, gazetteer: Gazetteer) -> bool:
    """ "International Committee of the | Red Cross", cut by a ruler or a line."""
    return ent.label == nxt.label == "ORG" and not between.strip() \
        and re.search(r"\s(?:of|of the|for|and)$", ent.text) is not None


def _purpose_in_country(ent: Ent, nxt: Ent, between: str, gazetteer: Gazetteer) -> bool:
    """ "Committee for the Defence of Human Rights | in Syria"."""
    return ent.label == "ORG" and nxt.label == "GPE" and between == " in " \
        and " for " in ent.text and gazetteer.country_of(nxt.text) is not None


def _countrys_body(ent: Ent, nxt: Ent, between: str, gazetteer: Gazetteer) -> bool:
    """ "Syria | 's Armed Forces"."""
    return ent.label == "GPE" and nxt.label == "ORG" and between in ("'s ", "’s ") \
        and nxt.text[:1].isupper() and gazetteer.country_of(ent.text) is not None


#: the ways two adjacent spans are one name, tried in order
_JOINS = (_cut_at_connector, _purpose_in_country, _countrys_body)


_CONNECTORS = (" of", " of the", " for", " and")


#: a possessive ("London's"): the start of another name, never the rest of this one
_POSSESSIVE_WORD = re.compile(r"['’]s\b")
#: "... of North | and East Syria", "... Co-operation | and Development": the rest of a name
#: the model cut at "and" (capitalised words up to a lower-case word or punctuation)
_AND_REST = re.compile(r" and ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*)?)(?=[\s.,;:)]|$)")


def _and_rest(text: str, ent: Ent, starts: dict[int, Ent]) -> int | None:
    """End of the rest of an organisation name cut at "and", or None. The rest may be a
    span the model took for a place or nationality ("East Syria"), not a person or body."""
    if not _named_with_of_or_for(ent):
        return None
    match = _AND_REST.match(text, ent.end)
    if not match or _blocks_rest(starts.get(match.start(1)), match.end(1)) \
            or _POSSESSIVE_WORD.search(match.group(1)):
        return None  # "... of Birmingham and London's Webber Douglas Academy": another name
    return match.end(1)


def _named_with_of_or_for(ent: Ent) -> bool:
    """An unfixed organisation of three words or more with "of" or "for" inside."""
    words = ent.text.split()
    return ent.label == "ORG" and not ent.fixed and len(words) >= 3 \
        and bool({"of", "for"} & set(words[1:-1]))


def _blocks_rest(other: Ent | None, end: int) -> bool:
    """A span where the rest starts that is a person or body, fixed, or longer than it."""
    return other is not None and (other.label in ("ORG", "PERSON") or other.fixed
                                  or other.end > end)


def extend_org_names(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Join organisation names the model cut in two ("Syria | 's Armed Forces", "Autonomous
    Administration of North | and East Syria")."""
    grown = _with_acronym_leads(text, _with_org_words(text, _with_and_rests(text, ents), gazetteer))
    return _join_adjacent(text, grown, gazetteer)


#: an acronym of capitals right before a span, with one space between ("ICICI | Bank")
_ACRONYM_LEAD = re.compile(r"(?<![\w'’.-])([A-Z]{2,6})[ ]$")


def _with_acronym_leads(text: str, ents: list[Ent]) -> list[Ent]:
    """A body's last word alone, tagged an organisation, right after an acronym the model
    left untagged ("ICICI | Bank gained 1.15 per cent", whose "Bank" the gazetteer would make
    an Indian town and the alias rule another bank's) grown over the acronym: the model cut
    the name (class 2)."""
    ends = {e.end for e in ents}
    out = []
    for ent in ents:
        lead = _ACRONYM_LEAD.search(text, max(0, ent.start - 8), ent.start) \
            if ent.label == "ORG" and not ent.fixed and ent.text in _ORG_ENDINGS else None
        if lead and lead.end(1) not in ends:  # the acronym is no span's end
            ent = Ent(lead.start(1), ent.end, text[lead.start(1):ent.end], "ORG")
        out.append(ent)
    return out


def _with_org_words(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """A place's name the model cut before the word that makes it an organisation's name
    ("Abu Dhabi | Media", "Ithaca | College", `org_after_place`) grown into that name."""
    starts = {e.start for e in ents}
    out = []
    for ent in ents:
        match = _ORG_AFTER.match(text, ent.end)
        if match and not ent.fixed and match.start() + 1 not in starts \
                and (ent.label in ("GPE", "LOC") or gazetteer.lookup(ent.text)):
            ent = Ent(ent.start, match.end(), text[ent.start:match.end()], "ORG")
        out.append(ent)
    return out


def _with_and_rests(text: str, ents: list[Ent]) -> list[Ent]:
    """Names cut at "and" grown by their rest; what a grown name swallowed ("East Syria")
    is dropped."""
    starts = {e.start: e for e in ents}
    joined, grown = [], []
    for ent in ents:
        end = _and_rest(text, ent, starts)
        joined.append(replace(ent, end=end, text=text[ent.start:end]) if end else ent)
        if end:
            grown.append(joined[-1])
    return [e for e in joined if not any(g.start < e.start and e.end <= g.end for g in grown)]


def _join_adjacent(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Each span joined with the next when the two are one name cut in two."""
    out: list[Ent] = []
    skip = False
    for ent, nxt in zip_longest(ents, ents[1:]):
        if skip:
            skip = False
        elif nxt and _may_join(ent, nxt) and _joins(text, ent, nxt, gazetteer):
            out.append(Ent(ent.start, nxt.end, text[ent.start:nxt.end], "ORG"))
            skip = True
        else:
            out.append(ent)
    return out


def _may_join(ent: Ent, nxt: Ent) -> bool:
    """No rule fixed the first span, nor the second unless the first ends in a connector."""
    return not ent.fixed and (not nxt.fixed or ent.text.endswith(_CONNECTORS))


#: a compass word before a wider area ("Eastern Mediterranean", "Central Europe")
COMPASS = re.compile(r"^(?:(?:North|South|East|West)(?:ern)?|Central|Northeast|Northwest"
                      r"|Southeast|Southwest)(?:ern)?\s+")


#: country names that are also a region of another country: "Georgia" in a report whose
#: other places are American is the US state
REGION_HOMONYMS = {"Georgia": "United States"}


def region_homonyms(ents: list[Ent]) -> list[Ent]:
    """Give a country name that is also another country's region (Georgia) that region's
    country when most of the document's other places lie there."""
    if not any(e.facet == "place" and e.value in REGION_HOMONYMS for e in ents):
        return ents
    most = _most_common_country(ents)
    return [replace(e, country=most) if _homonym_at_home(e, most) else e for e in ents]


def _most_common_country(ents: list[Ent]) -> str | None:
    """The country most of the document's other places lie in."""
    others = Counter(e.country for e in ents if e.facet == "place" and e.country
                     and e.value not in REGION_HOMONYMS)
    return others.most_common(1)[0][0] if others else None


def _homonym_at_home(ent: Ent, most: str | None) -> bool:
    """A place named like another country's region, where most other places lie."""
    return ent.facet == "place" and most is not None and REGION_HOMONYMS.get(ent.value) == most


def infer_countries(text: str, ents: list[Ent], gazetteer: Gazetteer | None = None) -> list[Ent]:
    """A place the gazetteer does not know takes a country (class 4 of issue 10): that of a
    well-known place its own name starts with, when the document places something else in
    that country ("Baghdad International Airport" -> Iraq), else that of the nearest known
    place in the same sentence ("the town of Khan Tuman on the outskirts of Aleppo" -> Syria),
    but a neighbour's or an organisation's base ("the Britain-based Syrian Observatory said
    ... the city of Khan Sheikoun" is no British city), else, for a name the gazetteer does
    not know at all, the document's one country when its known places name no other
    ("Kafrnobl" in a report on Syria).
    One the gazetteer knows as countryless (a continent, a sea: "Europe") or named as open
    water ("Atlantic", "Java Sea") keeps none."""
    known = [e for e in ents if e.facet == "place" and e.country]
    own, only = {e.country for e in known}, _only_country(known)
    placing = [k for k in known if _may_place(text, k)]
    out = []
    for ent in ents:
        country = _inferred_country(text, ent, gazetteer, own, placing, only) \
            if _needs_country(ent, gazetteer) else None
        out.append(replace(ent, country=country) if country else ent)
    return out


def _may_place(text: str, known: Ent) -> bool:
    """A known place that may place the unknown ones of its sentence: no neighbour's cue
    before it ("bordering Afghanistan"), no organisation's base ("Britain-based"), no
    country named inside a body's name ("near RAF Croughton, used by the US Air Force": the
    base is no American one), though a possessive one places ("Mt. Ibu, on Halmahera, ...
    Indonesia's Center for Volcanology said")."""
    return known.rule != "national-territory" \
        and not _NEIGHBOUR_CUE.search(text, max(0, known.start - 20), known.start) \
        and not _BASED_AFTER.match(text, known.end) \
        and (known.rule != "place-in-name" or text.startswith(("'s", "’s"), known.end))


def _inferred_country(text: str, ent: Ent, gazetteer: Gazetteer | None, own: set[str],
                      placing: list[Ent], only: str | None) -> str | None:
    """The country of a place span `infer_countries` gives one, or None: `own`, the
    document's countries; `placing`, its known places that no neighbour's cue precedes;
    `only`, its one country, if it has one."""
    if gazetteer is None:
        return _sentence_country(text, ent, placing)
    return _contained_country(ent.value, gazetteer, own) \
        or _sentence_country(text, ent, placing) \
        or (only if gazetteer.lookup(ent.value) is None else None)


#: a document's one country places at least this many of its place names before an unknown
#: name takes it
ONLY_COUNTRY_PLACES = 2


def _only_country(known: list[Ent]) -> str | None:
    """The one country of the document's known places, when it places
    `ONLY_COUNTRY_PLACES` names or more and no place lies in another."""
    countries = {e.country for e in known}
    if len(countries) != 1 or len({e.value for e in known}) < ONLY_COUNTRY_PLACES:
        return None
    return countries.pop()


def _needs_country(ent: Ent, gazetteer: Gazetteer | None) -> bool:
    """A place value without a country that may lie in one (no continent, sea or ocean)."""
    return ent.facet == "place" and not ent.country and bool(ent.value) \
        and not (gazetteer and _countryless(ent.value, gazetteer)) \
        and not _open_water(ent.value)


#: last words of a name of open water, which lies in no country
OPEN_WATER = frozenset(word_list("open_water"))


def _open_water(name: str) -> bool:
    return name.split()[-1] in OPEN_WATER


def _contained_country(name: str, gazetteer: Gazetteer, own: set[str]) -> str | None:
    """The country of a well-known place named at the start of a longer name, when the
    document places something else in that country too; a part of a place named by a
    compass word and the place ("Northern Syria") is in that place's country."""
    part = _compass_part(name, gazetteer)
    if part is not None:
        return part
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        place = gazetteer.confident(" ".join(words[:size]))
        country = place and (place.country or (place.name if place.kind == "country" else ""))
        if country:
            return country if country in own else None
    return None


def _compass_part(name: str, gazetteer: Gazetteer) -> str | None:
    """The country of a well-known place a compass word names a part of ("Northern Syria",
    "Eastern Ukraine"), whatever else the sentence names (class 4: "Turkey would be moving
    into Northern Syria" put it in Turkey)."""
    rest = COMPASS.sub("", name, count=1)
    place = gazetteer.confident(rest) if rest != name else None
    return (place.country or place.name) if place and place.kind != "continent" else None


def _sentence_country(text: str, ent: Ent, placing: list[Ent]) -> str | None:
    """The country of the nearest of the known places that may place it (no neighbour's:
    "bordering Afghanistan", filtered out by the caller) in the same sentence."""
    same = [k for k in placing if not _SENTENCE_BREAK.search(
        text, min(k.end, ent.end), max(k.start, ent.start))]
    return min(same, key=lambda k: abs(k.start - ent.start)).country if same else None


#: "Britain-based", "London-based": where an organisation sits, which places nothing else
_BASED_AFTER = re.compile(r"[-‑–][ \t]*based\b")
#: a neighbour's cue right before a place ("bordering Afghanistan", "border with the US")
_NEIGHBOUR_CUE = re.compile(r"\b(?:" + alternation("neighbour_cues") + r")\s+(?:the\s+)?$", re.I)
