"""Aliases within one document: acronyms, partial names and bare head nouns -> the full name.

"Hayat Tahrir al-Sham (HTS)" makes every "HTS" in the document Hayat Tahrir al-Sham; a later
"Araghchi" is the "Abbas Araghchi" named earlier, and becomes an actor even if the model
called it a place (the full name's label wins); a bare "Coalition" is the one "Global
Coalition" of the document. Ambiguous cases (two Johnsons, two coalitions) stay unresolved.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from indexer.casing import is_lower_case_word
from indexer.consistency import LANDMARK_WORDS
from indexer.names import (
    all_bare_bodies,
    is_storm,
    name_head,
    names_a_country,
    nation_qualifier,
    region_after,
)
from indexer.rule_data import alternation, word_list
from indexer.spans import Ent, SpanIndex, overlaps, replace

ACRONYM_STOP = frozenset(word_list("acronym_stop"))
#: "Full Name (ACR)": the acronym a name defines in brackets right after it
ACRONYM_IN_BRACKETS = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_APPOSITION = re.compile(r",?\s+(?:" + alternation("acronym_cues") + r")\s+(?:the\s+)?([A-Z]{2,8})\b")
#: the capitalised collectives, looked for before any pattern runs
_PROPER_COLLECTIVE_WORDS = tuple(word_list("proper_collectives"))
#: "the Coalition", "the Alliance": a capitalised collective after "the" names one body
_PROPER_COLLECTIVE = re.compile(r"\b[Tt]he (" + alternation("proper_collectives") + r")\b(?![-'’]\w)")
#: "Coalition partner forces", "Coalition military forces": the collective before a group noun
_COLLECTIVE_BEFORE_GROUP = re.compile(r"\b(" + alternation("proper_collectives") + r") (?=(?:[a-z]+ )?"
                                      r"(?:" + alternation("collectives") + r")\b)")
#: an Arabic article before a name ("al-Sham", "el Baradei"): no word of the name itself
NAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|ar|an|ash)[-\s]+", re.I)


_INITIAL_BREAK = re.compile(r"[\s\-]+")
_NOT_LETTER = re.compile(r"[^A-Za-z]")


def initials(name: str) -> tuple[str, str]:
    """Initials of the capitalised words and of all content words ("al-Sham" counts "S")."""
    parts = [p for p in _INITIAL_BREAK.split(name) if p[:1].isalpha()]
    caps = "".join(p[0] for p in parts if p[0].isupper())
    content = "".join(p[0].upper() for p in parts if p.lower() not in ACRONYM_STOP)
    return caps, content


def is_acronym_of(acronym: str, name: str) -> bool:
    """True when the acronym's letters are the initials of the name ("IRGC", "ISIL"), or of
    every word of it, small ones too ("ECOWAS" of "Economic Community of West African
    States")."""
    letters = _NOT_LETTER.sub("", acronym).upper()
    return len(letters) >= 2 and letters in acronyms_of(name)


@lru_cache(maxsize=16384)
def acronyms_of(name: str) -> tuple[str, ...]:
    """The acronyms a name of two words or more may have (`is_acronym_of`), worked out once
    per name: every all-capital span of a document is tried against every other span."""
    if len(name.split()) < 2:
        return ()
    caps, content = initials(name)
    every = "".join(p[0].upper() for p in _INITIAL_BREAK.split(name) if p[:1].isalpha())
    return caps.upper(), content, every


def acronym_definitions(text: str, ents: list[Ent]) -> dict[str, Ent]:
    """Acronym -> the entity it abbreviates, from "Full Name (ACR)", "Full Name, or ACR",
    and from all-capital names that spell the initials of a longer actor or place in the
    document."""
    found: dict[str, Ent] = {}
    taken = SpanIndex(ents)
    for ent in ents:
        acronym = _acronym_defined_after(text, ent, taken)
        if acronym is not None:
            found.setdefault(acronym, ent)
    for ent in ents:
        full = _spelled_out(ent.text, ents) if _undefined_acronym(ent.text, found) else None
        if full is not None:
            found[ent.text] = full
    return found


def _acronym_defined_after(text: str, ent: Ent, taken: SpanIndex) -> str | None:
    """The acronym a multi-word actor or place defines right after its name: "Full Name
    (ACR)" (its initials, or any capitals unless the name ends a longer one or is a person's:
    "Cllr Joe Carroll (FF)" names his party) or "Full Name, or ACR" (its initials)."""
    if ent.facet not in ("actor", "place") or len(ent.text.split()) < 2:
        return None
    after = text[ent.end:ent.end + 40]
    paren = ACRONYM_IN_BRACKETS.match(after)
    if paren and (is_acronym_of(paren.group(1), ent.text)
                  or _other_capitals(text, ent, paren.group(1), taken)):
        return paren.group(1)
    appos = _APPOSITION.match(after)
    return appos.group(1) if appos and is_acronym_of(appos.group(1), ent.text) else None


#: what sets off another name right after an organisation's: ", or", ", also known as"
_OTHER_NAME_GAP = re.compile(r",\s+(?:" + alternation("acronym_cues") + r")\s+")
#: the other name's apposition closes after it
_SET_OFF_END = re.compile(r"\s*[,)]")


def other_names(text: str, ents: list[Ent]) -> list[Ent]:
    """Class 6 (one body under several names): "the 7th Brigade, or Kaniyat, from Tarhouna",
    "a militia known as the 7th Brigade, or Kaniyat, and": a name set off by "or" or "also
    known as" and a comma right after an organisation's is another name of it, an actor
    mention with its value, whatever the model made of it (acronyms are
    `acronym_definitions`')."""
    order = sorted(range(len(ents)), key=lambda i: ents[i].start)
    out = list(ents)
    for i, j in itertools.pairwise(order):
        body, other = ents[i], ents[j]
        if _names_another(text, body, other):
            out[j] = replace(other, label="ORG", facet="actor", value=body.value,
                             rule="other-name", fixed=True)
    return out


def _names_another(text: str, body: Ent, other: Ent) -> bool:
    return body.facet == "actor" and body.label == "ORG" and bool(body.value) \
        and not other.fixed and not other.text.isupper() \
        and bool(_OTHER_NAME_GAP.fullmatch(text, body.end, other.start)) \
        and bool(_SET_OFF_END.match(text, other.end))


def _other_capitals(text: str, ent: Ent, capitals: str, taken: SpanIndex) -> bool:
    """Capitals in brackets that are not the name's initials still abbreviate it, unless the
    name ends a longer one or is a person's ("Cllr Joe Carroll (FF)" names his party)."""
    return capitals.isupper() and ent.label != "PERSON" and not _ends_longer_name(text, ent, taken)


#: "... Stabilization Mission in the | Central African Republic (MINUSCA)": the span ends a longer
#: capitalised name the model cut, so an acronym that is not its initials is the longer name's
_TAIL_OF_NAME = re.compile(r"[A-Z][\w'’-]*\s+(?:of|in|for|on)\s+(?:the\s+)?$")


def _ends_longer_name(text: str, ent: Ent, taken: SpanIndex) -> bool:
    """A capitalised word no span covers, then "of", "in", "for" or "on", stands right before
    the span ("Mission in the | Central African Republic"; not "Nikki Holland of the | UK's
    National Crime Agency", where the word is a person's name)."""
    tail = _TAIL_OF_NAME.search(text, max(0, ent.start - 40), ent.start)
    return tail is not None and not taken.overlaps_range(tail.start(), tail.start() + 1)


def _undefined_acronym(short: str, found: dict[str, Ent]) -> bool:
    return short.isupper() and short not in found and len(short) >= 3


def _spelled_out(short: str, ents: list[Ent]) -> Ent | None:
    """The one actor or place (by value) whose initials the all-capital name spells ("CBD" of
    "Central Business District"), else None."""
    full = [e for e in ents if e.facet in ("actor", "place") and is_acronym_of(short, e.text)]
    return full[0] if len({e.value for e in full}) == 1 else None


def surname_key(word: str) -> str:
    """A surname folded for matching: no "al-" particle, hyphens as spaces, case-folded."""
    return NAME_PARTICLE.sub("", word).replace("-", " ").casefold()


#: the most words of a surname a full name is shortened to ("De La Fuente" of "Rocky De La
#: Fuente")
_MOST_SURNAME_WORDS = 3


def partial_name_targets(ents: list[Ent]) -> dict[str, Ent]:
    """Surname (its last word, or last two or three) -> the one full PERSON name that ends
    with it. A person's name that is itself the end of a longer one opened by a name word is
    its short form, not a second person ("De Zoysa" beside "Louis De Zoysa", "Rivera Schatz"
    beside "Thomas Rivera Schatz"; not "Red Hat" beside the model's person "Will Red Hat",
    nor "Eddie Van Halen" beside "Guitarist Eddie Van Halen")."""
    people = list(_persons_named_in_full(ents))
    named = [[w.casefold() for w in words] for _, words in people
             if not is_lower_case_word(words[0])]
    return _sole_targets((key, ent) for ent, words in people if not _end_of(words, named)
                         for key in _surname_keys(words))


def _end_of(words: list[str], names: list[list[str]]) -> bool:
    """The words are the end of a longer one of the names (all case-folded)."""
    folded = [w.casefold() for w in words]
    return any(len(name) > len(folded) and name[-len(folded):] == folded for name in names)


def _surname_keys(words: list[str]) -> set[str]:
    """The folded ends of a full name that may stand for it: its last word, two or three
    (a short name's whole self among them, so that it keeps its own)."""
    return {surname_key(" ".join(words[-n:]))
            for n in range(1, min(_MOST_SURNAME_WORDS, len(words)) + 1)}


def head_noun_targets(ents: list[Ent]) -> dict[str, Ent]:
    """Last word, or last two words, of a longer actor's name -> that actor, when only one
    actor ends with them ("Coalition", "Air Force" -> "United States Air Force")."""
    return _sole_targets((key, ent) for ent in ents
                         if ent.facet == "actor" and ent.label == "ORG"
                         for key in _head_keys((ent.value or "").split()))


#: the words that end a party's or a company's full name, which it is often named without
_DROPPED_ENDINGS = frozenset(word_list("dropped_name_endings"))


def short_name_targets(ents: list[Ent]) -> dict[str, Ent]:
    """A party's or company's name without its ending -> the one actor of the document named
    with it ("Labour" -> "Labour Party", "Liberal National" -> "Liberal National Party",
    "Ford" -> "Ford Motor Company", "Saha" -> "Saha Airlines"): the ending, maybe with one
    capitalised word before it, is dropped, and what is left is a name, not a common word
    ("World" is no short form of "World Bank Group"). So is an organisation's name without
    its complement, when two words or more are left ("Port Authority" -> "Port Authority of
    New York and New Jersey", "Max Planck Institute" -> "... for Evolutionary Anthropology").
    A landmark's name without its landmark word is its short name too ("Reagan National" ->
    "Reagan National Airport": class 2, places as actors)."""
    return _sole_targets((short.casefold(), ent) for ent in ents for short in _short_forms(ent))


def _short_forms(ent: Ent) -> list[str]:
    """The short names an actor's or a place's value may be written as."""
    value = ent.value or ""
    if ent.facet == "actor":
        return _without_ending(value) + _without_complement(value, ent.label)
    return _without_landmark_word(value) if ent.facet == "place" else []


def _without_landmark_word(value: str) -> list[str]:
    """ "Reagan National" of "Reagan National Airport": a landmark's name without its last
    word, when two capitalised words or more are left (one may be a person's or a city's
    name: "Lincoln" of "Lincoln Park", "Kabul" of "Kabul Airport")."""
    words = value.split()
    short = words[:-1]
    return [" ".join(short)] if len(short) >= 2 and words[-1] in LANDMARK_WORDS \
        and all(w[:1].isupper() for w in short) else []


#: a party's word, whose names "<Party> of <State>" are the party's state branches
_PARTY_WORD = " Party"
#: where an organisation's name goes on about its head: "... of ...", "... for ..."
_COMPLEMENT = re.compile(r" (?:of|for|on) ")


def _without_complement(value: str, label: str) -> list[str]:
    """The head of an organisation's name before its complement, of two words or more or one
    that names a body alone ("the House" of "House of Representatives", "the Ministry" of
    "Ministry of Health": data `complement_heads`); any actor's name but a person's, as the
    model may call a body a place ("the Syrian Observatory for Human Rights"); not a party's
    ("Prohibition Party of Illinois" is a state branch of the Prohibition Party)."""
    head = _COMPLEMENT.split(value, maxsplit=1)[0] if label != "PERSON" else value
    return [head] if head != value and (len(head.split()) > 1 or head in _COMPLEMENT_HEADS) \
        and not head.endswith(_PARTY_WORD) else []


#: one-word heads of bodies' names that stand for the whole name alone
_COMPLEMENT_HEADS = frozenset(word_list("complement_heads"))



def _without_ending(value: str) -> list[str]:
    words = value.split()
    if len(words) < 2 or words[-1] not in _DROPPED_ENDINGS:
        return []
    shorts = [words[:-1]] + ([words[:-2]] if len(words) > 2 and words[-2][:1].isupper() else [])
    return [" ".join(short) for short in shorts
            if not (len(short) == 1 and is_lower_case_word(short[0]))]


def _head_keys(words: list[str]) -> list[str]:
    """The last word of a name of two words or more when the name is about it (a
    complement's word is not: "Nyandarua" is no short form of "People of Nyandarua", nor
    "ISIS" of "Global Coalition to Defeat ISIS"; a complement naming the body's members is:
    "the Commons", "the Lords" of "House of Commons", "House of Lords"), and its last two
    words when the name is about them ("Anime North" names no "Centre for Anime North") and no
    party's name ("Democratic Party" is no short form of "Iowa Democratic Party")."""
    if len(words) < 2:
        return []
    if name_head(" ".join(words)) != words[-1]:
        return [words[-1].casefold()] if _members(words[-1]) else []
    keys = [words[-1].casefold()]
    if len(words) > 2 and words[-1].lower() != "party":  # "Democratic Party" is whole in itself
        keys.append(" ".join(words[-2:]).casefold())
    return keys


def _members(word: str) -> bool:
    """A capitalised plural that may name a body's members ("Commons", "Lords",
    "Representatives"), not a field of study ("Linguistics") or a singular in -s."""
    return word[:1].isupper() and len(word) > 3 and word.endswith("s") \
        and not word.endswith(("ss", "us", "is", "ics"))


def _persons_named_in_full(ents: list[Ent]) -> Iterator[tuple[Ent, list[str]]]:
    """(entity, words of its value) of the PERSON actors named by two words or more."""
    for ent in ents:
        words = (ent.value or "").split()
        if ent.label == "PERSON" and ent.facet == "actor" and len(words) > 1:
            yield ent, words


#: a party's members as a body ("Democrats"; data `party_members`)
_PARTY_MEMBERS = word_list("party_members")


def party_member_targets(ents: list[Ent]) -> dict[str, Ent]:
    """A party's members' word -> the document's one party named after them: "Democrats" ->
    "Democratic Party", "Republicans" -> "Republican Party" (the party's word is the member's,
    or the member's with "-ic"), so a party and its members are one value."""
    return _sole_targets((members, ent) for ent in ents
                         if ent.facet == "actor" and ent.value and ent.value.endswith(" Party")
                         for members in _PARTY_MEMBERS
                         if ent.value.split()[-2] in (members[:-1], members[:-1] + "ic"))


def _sole_targets(keyed: Iterable[tuple[str, Ent]]) -> dict[str, Ent]:
    """Key -> the first entity with it, for the keys that only one value (one name) has."""
    targets: dict[str, list[Ent]] = {}
    for key, ent in keyed:
        bucket = targets.setdefault(key, [])
        if all(e.value != ent.value for e in bucket):
            bucket.append(ent)
    return {key: found[0] for key, found in targets.items() if len(found) == 1}


def proper_collectives(text: str, ents: list[Ent]) -> list[Ent]:
    """Actor spans for "the Coalition" / "the Alliance" the model missed, also where the
    collective qualifies a group ("Coalition partner forces"); the head-noun alias rule then
    maps them to the document's one "... Coalition" when it names one."""
    if not any(word in text for word in _PROPER_COLLECTIVE_WORDS):
        return []
    taken = SpanIndex(ents)
    found = []
    matches = [*_PROPER_COLLECTIVE.finditer(text), *_COLLECTIVE_BEFORE_GROUP.finditer(text)]
    for match in matches:
        span = Ent(match.start(1), match.end(1), match.group(1), "ORG", facet="actor",
                   rule="collective")
        if not taken.overlaps(span):
            found.append(_collective_alias(span, ents))
    return found


def _collective_alias(span: Ent, ents: list[Ent]) -> Ent:
    """The collective as the document's one longer name about it, if it has one."""
    full = {e.value: e for e in ents if e.facet == "actor" and e.value
            and name_head(e.value) == span.text and e.value != span.text}
    return _adopt(span, *full.values(), "alias-head") if len(full) == 1 else span


def _adopt(ent: Ent, full: Ent, rule: str) -> Ent:
    """The alias takes the full name's facet, value and country."""
    return replace(ent, facet=full.facet, value=full.value, country=full.country, rule=rule,
                   fixed=True)


def spelled_out_aliases(found: list[Ent], ents: list[Ent]) -> list[Ent]:
    """Acronyms a rule after `alias` finds, each as the one name of the document it spells
    ("LHC" in a headline beside "Lahore High Court" in the body): one entity, one value."""
    return [_adopt(ent, full, ent.rule) if (full := _spelled_out(ent.text, ents)) else ent
            for ent in found]


def acronym_mentions(text: str, acronyms: dict[str, Ent], ents: list[Ent]) -> list[Ent]:
    """Occurrences of a defined acronym that the model did not mark ("... (HTS)", "HTS said")."""
    found = []
    for acronym, full in acronyms.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            span = Ent(match.start(), match.end(), acronym, full.label)
            if not any(overlaps(span, e) for e in ents):
                found.append(_adopt(span, full, "alias-acronym"))
    return found


#: a word that can be a given name: capitalised, then lower-case letters only ("SpaceX" cannot)
_GIVEN_NAME = re.compile(r"[A-Z][a-zà-ÿ'’-]+")


#: what can stand for a longer name: a capitalised word, maybe after a particle
#: ("al-Assad"; "first" and "6.3" cannot)
_SHORT_FORM = re.compile(r"(?:(?:al|el|ad|as|an|ar|ash|bin|ibn)[-\s])?[A-Z]")


def first_name_targets(ents: list[Ent], partials: dict[str, Ent]) -> dict[str, Ent]:
    """Given name -> the one full PERSON name that starts with it ("Melania" -> "Melania
    Trump"), unless the word is also some person's surname in the document."""
    firsts = _sole_targets((words[0], ent) for ent, words in _persons_named_in_full(ents)
                           if len(words) <= 4 and _GIVEN_NAME.fullmatch(words[0]))
    return {first: full for first, full in firsts.items() if surname_key(first) not in partials}


@dataclass(frozen=True)
class _AliasTables:
    """What the alias cases of one document look names up in."""

    acronyms: dict[str, Ent]
    partials: dict[str, Ent]
    surnames: set[str]
    firsts: dict[str, Ent]
    heads: dict[str, Ent]
    short_names: dict[str, Ent]
    parties: dict[str, Ent]
    qualified: dict[str, Ent]
    country_of: Callable[[str], str | None]
    is_place: Callable[[str], bool]
    is_known_place: Callable[[str], bool]
    text: str

    def is_country(self, name: str) -> bool:
        return self.country_of(name) is not None


def _not_alias(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    """Dates, watchlist names and words no name can be shortened to stay as they are."""
    skip = ent.facet == "date" or ent.rule == "watchlist" or not _SHORT_FORM.match(ent.text)
    return ent if skip else None


def _members_alias(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    """ "Democrats blocked the bill" -> the document's one "Democratic Party"."""
    full = t.parties.get(ent.text) if ent.rule == "people" else None
    return _adopt(ent, full, "alias-members") if full is not None else None


def _acronym_alias(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    full = t.acronyms.get(ent.text)
    return _adopt(ent, full, "alias-acronym") if full is not None and full is not ent else None


def _known_entity(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    """A shipped well-known entity keeps its own name (known_names decides later)."""
    return ent if ent.rule == "known" else None


def _partial_alias(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    """ "Araghchi" -> the one "Abbas Araghchi" of the document."""
    full = t.partials.get(surname_key(" ".join(words))) \
        if len(words) <= _MOST_SURNAME_WORDS else None
    if full is None or full.value == ent.value or t.is_country(ent.text) \
            or _placed_in_a_region(ent, t):
        return None  # a full name is no short form of itself: the later cases may take it
    return _adopt(ent, full, "alias-partial")


def _placed_in_a_region(ent: Ent, t: _AliasTables) -> bool:
    """Class 2: "Crusius of Allen, Texas" beside "police chief Greg Allen": a place the text
    puts in a region it names stays the place, whoever shares its name."""
    region = region_after(t.text, ent.end) if ent.facet == "place" else None
    return region is not None and t.is_place(region)


def _first_name_alias(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    """ "Melania" -> the one "Melania Trump" of the document, whatever the model called it
    ("Wang Yi ... Wang said", "Najib Razak ... Najib" tagged organisations: split values of
    one person; not an acronym or a shipped name). A given name that is also a
    town is the person when the model calls it one ("sentenced David and Louise Turpin",
    David a town in Panama), unless the place is well known; with a place's label, any place
    the gazetteer knows stays the place."""
    full = t.firsts.get(words[0]) if len(words) == 1 else None
    if full is None or ent.label not in ("PERSON", "GPE", "LOC", "ORG") or ent.fixed \
            or ent.facet not in ("actor", "place") or full.value == ent.value \
            or (t.is_known_place if ent.label == "PERSON" else t.is_place)(ent.text):
        return None
    return _adopt(ent, full, "alias-first-name")


def _surname_alias(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    """The surname of several people named in full ("Cummings"): a person, if not which."""
    if len(words) != 1 or ent.facet != "place" or surname_key(words[0]) not in t.surnames \
            or (ent.fixed and ent.rule != "gazetteer") or t.is_known_place(ent.text) \
            or _placed_in_a_region(ent, t):
        return None
    return replace(ent, facet="actor", value=words[0], country=None, rule="alias-surname",
                   fixed=True)


def _head_alias(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    """A bare "Coalition" -> the document's one "Global Coalition"; a bare "Air Force" ->
    its one "United States Air Force". Class 2: a well-known place stays the place ("moved
    to Aleppo" beside "the University of Aleppo"), and so does a sea ("Atlantic hurricanes"
    beside "The Atlantic")."""
    full = t.heads.get(" ".join(words).casefold()) if len(words) <= 2 else None
    if full is None or not _may_stand_for_a_body(ent, t) \
            or t.is_known_place(ent.text) or full.value == ent.value or ent.text in _OPEN_WATER \
            or _bare_body_of_no_country(words, full, t):
        return None
    return _adopt(ent, full, "alias-head")


#: a sea's name stays the sea beside a publication named after it ("Atlantic hurricanes"
#: beside "The Atlantic")
_OPEN_WATER = frozenset(word_list("open_water"))


def _bare_body_of_no_country(words: list[str], full: Ent, t: _AliasTables) -> bool:
    """A bare legislature or service ("House", "Air Force") stands for a longer name only
    when a country qualifies it there ("Syrian Air Force"): "the House" is no short form of
    "White House" (entity resolution joins a bare body to its country's)."""
    body = " ".join(words)
    if body.lower() not in all_bare_bodies():
        return False
    return not names_a_country((full.value or "")[:-len(body)].split(), t.is_country)


def _may_stand_for_a_body(ent: Ent, t: _AliasTables) -> bool:
    """The model's organisation, a span no facet yet, or a place label on a word no gazetteer
    knows (class 2: "the Pirates" the model calls a place beside "the Pittsburgh Pirates"),
    unless a rule fixed it a place on the words around it ("the people of Moura"; the
    gazetteer's guess from a bare name may still give way, as for surnames)."""
    if ent.fixed and ent.facet == "place" and ent.rule != "gazetteer":
        return False
    return ent.value is None or ent.label == "ORG" \
        or (ent.label in ("GPE", "LOC", "FAC") and not t.is_place(ent.text))


def _short_name_alias(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    """ "the second largest party, Labour, lost 42" -> the document's one "Labour Party"; "the
    Thai Raksa Chart party" -> "Thai Raksa Chart Party"; "Ford" -> "Ford Motor Company"; also
    a place label on two words or more no gazetteer knows (class 2: "head of the Syrian
    Observatory" the model calls a place beside "the Syrian Observatory for Human Rights"; one
    word may be the place: "the Southwest" beside "Southwest Airlines")."""
    short = ent.facet == "actor" or (ent.facet == "place" and len(words) > 1
                                     and _may_stand_for_a_body(ent, t))
    full = t.short_names.get(" ".join(words).casefold()) if short else None
    if full is None or ent.fixed or full.value == ent.value \
            or (full.facet == "place" and ent.label == "PERSON"):  # "Bacha Khan" of "... Airport"
        return None
    return _adopt(ent, full, "alias-short-name")


def _country_alias(ent: Ent, words: list[str], t: _AliasTables) -> Ent | None:
    """ "Libertarian Party" -> the document's one "US Libertarian Party"; "Australia Liberal
    Party" -> its "Australian Liberal Party" (one entity under several values: a body named
    with and without the country that opens its name, or with that country written two ways)."""
    if not t.qualified or ent.facet != "actor" or ent.label != "ORG" or ent.fixed:
        return None  # most documents name no body with its country: no lookups then
    found = _country_and_rest(words, t.country_of)
    full = t.qualified.get((found[1] if found else " ".join(words)).casefold())
    return _adopt(ent, full, "alias-country") if full is not None and full.value != ent.value else None


#: the most words a country's name takes at the start of a body's ("United Arab Emirates")
_COUNTRY_WORDS = 3


def _country_and_rest(words: list[str], country_of) -> tuple[str, str] | None:
    """(the country's qualifier, the rest of the name) for a name opened by a country or its
    demonym (`names.nation_qualifier`: "U.S.", "American" -> "US") and going on in two
    capitalised words or more ("US Libertarian Party", "Australian Liberal Party"); None for
    other names ("Christian Democratic Party", "Iowa Democratic Party")."""
    for n in range(1, min(_COUNTRY_WORDS, len(words) - 2) + 1):
        qualifier = nation_qualifier(" ".join(words[:n]), country_of)
        if qualifier and all(w[:1].isupper() for w in words[n:]):
            return qualifier, " ".join(words[n:])
    return None


def country_qualified_targets(ents: list[Ent], country_of) -> dict[str, Ent]:
    """A body's name without the country that opens it -> the document's first actor named
    with it, when one country does and no other qualifier ("UK Armed Forces" beside "French
    Armed Forces", or "US Supreme Court" beside "Wisconsin Supreme Court", leave a bare
    "Supreme Court" alone)."""
    found = [(ent, _country_and_rest((ent.value or "").split(), country_of))
             for ent in ents if ent.facet == "actor"]
    by_rest = _by_country(found)
    for ent in [e for e, q in found if not q]:
        _add_other_qualifier(by_rest, ent)
    return {rest: next(iter(firsts.values())) for rest, firsts in by_rest.items() if len(firsts) == 1}


def _by_country(found: list[tuple[Ent, tuple[str, str] | None]]) -> dict[str, dict[str, Ent]]:
    """The rest of each organisation's name opened by a country -> the country's qualifier ->
    its first actor."""
    by_rest: dict[str, dict[str, Ent]] = {}
    for ent, (qualifier, rest) in [(e, q) for e, q in found if q and e.label == "ORG"]:
        by_rest.setdefault(rest.casefold(), {}).setdefault(qualifier, ent)
    return by_rest


def _add_other_qualifier(by_rest: dict[str, dict[str, Ent]], ent: Ent) -> None:
    """A name that ends like a country's body under another qualifier ("Wisconsin Supreme
    Court") is one more claimant to the bare name."""
    value = (ent.value or "").casefold()
    for rest in [r for r in by_rest if value.endswith(" " + r)]:
        by_rest[rest].setdefault(value[:-len(rest)], ent)


#: the alias cases in the order they are tried; the first that applies decides
_ALIAS_CASES = (_not_alias, _members_alias, _acronym_alias, _known_entity, _partial_alias, _first_name_alias,
                _surname_alias, _head_alias, _country_alias, _short_name_alias)


def resolve_aliases(text: str, ents: list[Ent], country_of, is_place=None,
                    is_known_place=None) -> list[Ent]:
    """Map acronyms, partial person names, given names and bare head nouns to their full
    names. country_of: name -> the country it is, or None; is_place: any gazetteer place;
    is_known_place: one well known enough to win over a person's surname."""
    def is_country(name: str) -> bool:
        return country_of(name) is not None

    acronyms = acronym_definitions(text, ents)
    ents = ents + acronym_mentions(text, acronyms, ents)
    tables = _alias_tables(ents, acronyms, country_of, is_place or is_country,
                           is_known_place or is_country, text)
    out = []
    for ent in ents:
        words = (ent.value or ent.text).split()
        out.append(next((found for case in _ALIAS_CASES
                         if (found := case(ent, words, tables)) is not None), ent))
    return out


def _alias_tables(ents: list[Ent], acronyms: dict[str, Ent], country_of, is_place,
                  is_known_place, text: str) -> _AliasTables:
    partials = partial_name_targets(ents)
    surnames = {surname_key(words[-1]) for _, words in _persons_named_in_full(ents)}
    # an acronym's or a known body's word is no given name ("KEFR West" beside "KEFR")
    orgs = {e.text for e in ents if e.label == "ORG" and (e.fixed or e.text.isupper())}
    firsts = {first: full for first, full in first_name_targets(ents, partials).items()
              if first not in orgs}
    return _AliasTables(acronyms, partials, surnames, firsts, head_noun_targets(ents),
                        short_name_targets(ents), party_member_targets(ents),
                        country_qualified_targets(ents, country_of), country_of, is_place,
                        is_known_place, text)


def known_names(ents: list[Ent]) -> list[Ent]:
    """Mentions of a shipped well-known entity keep the document's own name ("ISIL",
    "Daesh"), one name a document: the canonical name where the document uses it ("Syrian
    Democratic Forces ... the SDF" -> "Syrian Democratic Forces"), else the name it uses
    most, the first of equals ("Houthi ... Houthi rebels" -> "Houthi": one entity, one value
    in a document, and a name its reader sees). Renaming across documents is the analyst's
    call, made with a watchlist."""
    chosen = _documents_known_names(ents)
    return [replace(e, value=chosen[e.known], rule="alias-known")
            if e.known in chosen and e.value != chosen[e.known] else e for e in ents]


def _documents_known_names(ents: list[Ent]) -> dict[str, str]:
    """Known entity -> the one value its mentions take, for those the document names by the
    canonical name or by two names or more."""
    names: dict[str, Counter] = {}
    for ent in ents:
        if ent.known and ent.value:
            names.setdefault(ent.known, Counter())[ent.value] += 1
    return {known: known if known in used else used.most_common(1)[0][0]
            for known, used in names.items() if len(used) > 1 or known in used}


def known_surname_aliases(ents: list[Ent], surnames: dict[str, str], is_place) -> list[Ent]:
    """A lone surname the document did not resolve ("Assad") is the well-known person with
    that surname, unless the document names another person with it ("Hafez al-Assad")."""
    named: dict[str, set[str]] = {}
    for ent, words in _persons_named_in_full(ents):
        named.setdefault(surname_key(words[-1]), set()).add(ent.value)
    out = []
    for ent in ents:
        full = _known_person(ent, surnames, named, is_place)
        out.append(replace(ent, facet="actor", value=full, country=None, rule="alias-known",
                           fixed=True) if full else ent)
    return out


def _known_person(ent: Ent, surnames: dict[str, str], named: dict[str, set[str]],
                  is_place) -> str | None:
    """The well-known person a lone unfixed surname mention names, if no other person the
    document names in full has that surname and it is no acronym or place."""
    words = (ent.value or ent.text).split()
    key = surname_key(words[0]) if len(words) == 1 else ""
    full = surnames.get(key)
    if full and not ent.fixed and ent.facet in ("actor", "place") \
            and not words[0].isupper() and named.get(key, {full}) == {full} \
            and not is_place(ent.text):
        return full
    return None


def drop_vessel_parts(ents: list[Ent], vessel_prefixes: frozenset[str]) -> list[Ent]:
    """A lone "Forbin" after "FS Forbin" is the ship again, a lone "Dorian" after "Hurricane
    Dorian" the storm: no actor or place either."""
    ships = {e.text.split()[-1] for e in ents if len(e.text.split()) > 1
             and (e.text.split()[0] in vessel_prefixes or is_storm(e.text))}
    return [replace(e, facet=None, value=None, rule="vessel")
            if e.text in ships and e.facet in ("actor", "place") and not e.fixed else e
            for e in ents]
