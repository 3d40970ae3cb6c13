"""Role mentions tied to the person the document names in full (error class 6 of issue 10).

"Mr Hammond" and "Minister Ellwood" are already the document's one full name with that
surname (the alias rule; titles are stripped from people). What is left is the bare role:
"the Foreign Secretary" stands for Jeremy Hunt when the same document writes "Foreign
Secretary Jeremy Hunt" and gives that role to no one else. Such a mention becomes one more
mention of that person's value, never a value of its own (one value per person), and a role
the document gives to nobody named in full, or to several people, is left alone: no person is
invented. The office itself is no mention of its holder: "elect the Prime Minister", "the
Lord Mayor election", "the President and Vice President". A role is the run of title words written right before the person's name, in the
span or just before it; the words that make no bare role are data
(indexer/data/role_words.txt).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from indexer.casing import is_name_word
from indexer.countries import country_for_demonym, country_tables
from indexer.divisions import LOWER_DIVISION_WORDS
from indexer.names import OCCUPATION_WORDS, TITLE_WORDS
from indexer.phrases import THE_BEFORE
from indexer.rule_data import alternation, alternation_of, word_list
from indexer.spans import Ent, SpanIndex, overlaps

NOT_BARE_ROLES = frozenset(word_list("not_bare_roles"))
#: "elect the Prime Minister", "the Lord Mayor election": the office, not the person
_GENERIC_BEFORE = re.compile(r"\b(?:" + alternation("generic_role_before") + r")\s+$", re.I)
_GENERIC_AFTER = re.compile(r"\s+(?:" + alternation("generic_role_after") + r")\b")
#: a capitalised word: a role is the run of these right before a name
_TITLE_WORD = re.compile(r"[A-Z][\w.-]*")


def role_before(text: str, ent: Ent) -> str | None:
    """The role written right before a person's name, inside its span or just before it
    ("Foreign Secretary Jeremy Hunt" -> "Foreign Secretary"), or None."""
    line_start = text.rfind("\n", 0, ent.start) + 1  # a title never runs across a line
    words = text[max(line_start, ent.start - 60):ent.start].split() + ent.text.split()
    name_words = len((ent.value or "").split())
    role = _trailing_titles(words[:len(words) - name_words])
    while role and role[-1].lower() in _HONORIFICS:
        role.pop()  # "Foreign Minister Dr AK Abdul Momen": the role is "Foreign Minister"
    if not role or all(w.lower() in NOT_BARE_ROLES for w in role):
        return None
    return " ".join(role)


def _roles_of(text: str, ent: Ent, set_off: bool) -> list[str]:
    """The role written before a person's name, or the head of one with a complement ("the
    Minister" of "Minister of Tourism and Lands Harin Fernando"), and (set_off) one set off
    by a comma: a person may be given both ("The Chairman of ECOWAS, President Muhammadu
    Buhari", later "The Chairman")."""
    role = role_before(text, ent)
    if role is None or all(w.lower() in _PORTFOLIO_WORDS for w in role.split()):
        role = _complemented_role(text, ent) or role  # "Minister for | Housing" is no role
    apposed = apposed_role(text, ent) if set_off else None
    return [r for r in dict.fromkeys((role, apposed)) if r]


#: title words that name a portfolio, not an office: after "Minister for" they are its
#: complement ("Minister for Housing Darragh O'Brien" is the Minister)
_PORTFOLIO_WORDS = frozenset(word_list("portfolio_words"))


#: a role's head, "of" or "for" and a capitalised complement right before a name ("Minister
#: for Housing Darragh O'Brien", "Minister of Tourism and Lands Harin Fernando")
_COMPLEMENTED_BEFORE = re.compile(
    r"(?<![\w-])((?:[A-Z][\w.-]* ){0,2}[A-Z][\w.-]*) (?:of|for) (?:the )?[A-Z][\w'’-]*"
    r"(?: (?:and|&|of|the|[A-Z][\w'’-]*))*? $")


def _complemented_role(text: str, ent: Ent) -> str | None:
    """The head of a role with a complement written before a person's name, its title words
    ("Minister"; "High Commissioner" of "UN High Commissioner for Human Rights Volker Türk");
    None without one."""
    line_start = text.rfind("\n", 0, ent.start) + 1
    match = _COMPLEMENTED_BEFORE.search(text, max(line_start, ent.start - 80), ent.start)
    words = _trailing_titles(match[1].split()) if match else []  # "UN | High Commissioner"
    return " ".join(words) if words and not all(w.lower() in NOT_BARE_ROLES for w in words) \
        else None


#: "the Special Envoy of the Secretary-General for Yemen, " right before a name: "the", title
#: words, maybe a complement opened by "of", "for", "to" or "on", a comma, and maybe the
#: name's own title ("The Chairman of ECOWAS, President Muhammadu Buhari"); an office that is
#: itself a complement is no role set off ("Office of the Mayor, Scott Teruya")
_ROLE_SET_OFF_BEFORE = re.compile(r"(?<!of )\b[Tt]he ((?:[A-Z][\w.-]* ){0,3}[A-Z][\w.-]*)"
                                  r"(?: (?:of|for|to|on) [^,.;\n]{1,60})?,\s+"
                                  r"(?:[A-Z][a-z]*\.?\s+){0,2}$")
#: ", the Special Envoy" right after a name
_ROLE_SET_OFF_AFTER = re.compile(r",\s+[Tt]he ((?:[A-Z][\w.-]* ){0,3}[A-Z][\w.-]*)\b(?![-'’])")


def apposed_role(text: str, ent: Ent) -> str | None:
    """The role set off by a comma before or after a person's name ("the Special Envoy of the
    Secretary-General for Yemen, Martin Griffiths"; "Martin Griffiths, the Special Envoy"),
    when all its words are title words and not all of them make no bare role."""
    before = _ROLE_SET_OFF_BEFORE.search(text, max(0, ent.start - 120), ent.start)
    after = _ROLE_SET_OFF_AFTER.match(text, ent.end)
    for match in (before, after):
        words = match[1].split() if match else []
        if words and all(map(_is_title_word, words)) \
                and not all(w.lower() in NOT_BARE_ROLES for w in words):
            return match[1]
    return None


def _trailing_titles(words: list[str]) -> list[str]:
    role: list[str] = []
    for word in reversed(words):
        if not _is_title_word(word):
            break
        role.insert(0, word)
    return role


def _is_title_word(word: str) -> bool:
    """A capitalised word of a title or office ("Foreign", "Minister")."""
    return bool(_TITLE_WORD.fullmatch(word)) and word.lower() in TITLE_WORDS


def people_by_role(text: str, ents: list[Ent], set_off: bool = True) -> dict[str, str]:
    """Role -> the one person value the document names with it (roles given to several
    people are left out); set_off: also the roles set off by a comma (`apposed_role`)."""
    holders: dict[str, set[str]] = {}
    for ent in filter(_named_in_full, ents):
        for role in _roles_of(text, ent, set_off):
            holders.setdefault(role, set()).add(ent.value)
    return {role: next(iter(people)) for role, people in holders.items() if len(people) == 1}


def bare_role_mentions(text: str, ents: list[Ent]) -> list[Ent]:
    """ "the Foreign Secretary" as a mention of the one person the document names with that
    role, written in capitals or in lower case when it ends in an office's noun ("the prime
    minister" of "Prime Minister Scott Morrison"; not "the vice presidential nominee"); no
    name follows it and no other name's span covers it (a span no rule made a name may: the
    model's PERSON "Chairperson")."""
    roles = _with_abbreviations(people_by_role(text, ents))
    if not roles:
        return []
    roles |= {role.lower(): person for role, person in roles.items()
              if role.split()[-1].lower() in _OFFICE_NOUNS}
    taken = SpanIndex([e for e in ents if e.facet is not None])  # not the model's "Chairperson"
    found = []
    for match in re.finditer(rf"\b[Tt]he\s+(?:new\s+)?({alternation_of(roles)})\b(?!\s+[A-Z]|\s+of\b|[-'’])", text):
        mention = Ent(match.start(1), match.end(1), match[1], "PERSON", facet="actor",
                      value=roles[match[1]], rule="role", fixed=True)
        if not taken.overlaps(mention) and not names_the_office(text, match):
            found.append(mention)
    return found


#: (a role's words, the letters written for them): "Prime Minister" and "PM"
_ROLE_ABBREVIATIONS = tuple(tuple(part.strip() for part in entry.split("=", 1))
                            for entry in word_list("role_abbreviations"))


def _with_abbreviations(roles: dict[str, str]) -> dict[str, str]:
    """The roles and, for each, the role with its words written as letters ("Deputy Prime
    Minister" -> also "Deputy PM"), for the same person."""
    out = dict(roles)
    for role, person in roles.items():
        for words, letters in _ROLE_ABBREVIATIONS:
            if words in role:
                out.setdefault(role.replace(words, letters), person)
    return out


def names_the_office(text: str, match: re.Match) -> bool:
    """True when "the <role>" names the office rather than the one who holds it."""
    return _office_around(text, match.start(), match.end())


def _office_around(text: str, start: int, end: int) -> bool:
    """True when the words before `start` ("elect the President") or after `end` ("the
    President and", "the Lord Mayor election") make the words between the office itself."""
    return _office_named(text, start) or bool(_GENERIC_AFTER.match(text, end))


def _office_named(text: str, start: int) -> bool:
    """True when the words before "the <role>" at `start` make it the office ("elect the
    President")."""
    return bool(_GENERIC_BEFORE.search(text, max(0, start - 20), start))


#: "the Iraqi Foreign Minister": a nationality, then a run of capitalised title words
_QUALIFIED_OFFICE = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+(?:\s+[A-Z][\w-]*)+)\b(?!\s+[A-Z]|\s+of\b|[-'’])")


class _Office(NamedTuple):
    """An office written as its holder: where it starts, its text, its title words, its value
    when no holder is named, and whether the words around it make it the office itself
    ("elect the President of Liberia", "should be the Melbourne's Mayor")."""
    start: int
    text: str
    titles: list[str]
    value: str
    generic: bool
    place: str = ""


def unnamed_offices(text: str, ents: list[Ent]) -> list[Ent]:
    """ "the Iraqi Foreign Minister", "the Saudi foreign minister", "Brazil's foreign minister",
    "the President of the United States" when the document names no one with that role: one
    country's or place's office, an actor of its own ("Foreign Minister of Iraq" however it is
    written), or a mention of the person set off next to it ("..., Ibrahim al-Jaafari",
    "Angela Merkel, the Chancellor of Germany") or sworn in as it ("Ellen Johnson Sirleaf was
    sworn in as Liberia's new president"). The office itself ("elect the President of
    Liberia") is no mention; an unqualified "the Prime Minister" could be any country's and
    stays no value; a role some named person holds in the document is that person's
    (`bare_role_mentions`)."""
    offices = _qualified_offices(text, ents)
    if not offices:
        return []
    offices, own = _offices_with_values(text, ents, offices)
    own |= _holders(text, offices, ents)
    by_text = {office.text: own[office.start] for office in offices if office.start in own}
    mentions = [Ent(office.start, office.start + len(office.text), office.text, "PERSON",
                    facet="actor", value=value, rule="office", fixed=True)
                for office in offices
                if (value := own.get(office.start) or (None if office.generic else
                                                       by_text.get(office.text, office.value)))]
    return [m for m in mentions if not _covered(m, ents)]


def _office_value(titles: list[str], place: str) -> str:
    """The office as a facet value, its title words capitalised and its place after "of"
    ("mayor", "Esperanza" -> "Mayor of Esperanza"; "Iraqi Foreign Minister" -> "Foreign
    Minister of Iraq"), so the office written any of these ways is one value across
    documents."""
    return " ".join(w[:1].upper() + w[1:] for w in titles) + " of " + _with_article(place)


#: the words of a place's name that take "the" before it ("the United States")
_ARTICLE_PLACE_WORDS = frozenset(word_list("article_place_words"))


def _with_article(place: str) -> str:
    """ "the United States" for "United States"; "Iraq" and "the Hague" as they are."""
    return f"the {place}" if not place.startswith("the ") \
        and any(w.lower() in _ARTICLE_PLACE_WORDS for w in place.split()) else place


def _covered(mention: Ent, ents: list[Ent]) -> bool:
    """True when an actor or place span overlaps the office other than by lying inside it
    ("the United States" inside "President of the United States" is its own place)."""
    return any(e.facet in ("actor", "place") and overlaps(e, mention)
               and not (mention.start <= e.start and e.end <= mention.end
                        and e.facet == "place") for e in ents)


def _holders(text: str, offices: list[_Office], ents: list[Ent]) -> dict[int, str]:
    """Office's start -> the person it is set off with ("Angela Merkel, the Chancellor of
    Germany"; "..., Ibrahim al-Jaafari") or sworn in as it: the name before first, as the words
    after an office of a place may be the region it lies in ("Charles Plotena, the mayor of
    Esperanza, Sultan Kudarat, announced")."""
    persons = [e for e in ents if e.facet == "actor" and e.label == "PERSON"]
    people = {e.start: e.value for e in persons}
    before = {e.end: e.value for e in persons}
    holders = {office.start: _person_before(text, office.start, before)
               or _apposed_person(text, office.start + len(office.text), people)
               for office in offices}
    return {start: holder for start, holder in holders.items() if holder}


#: ", the " between a person and the office after them, or a verb that gives them the office
#: ("was sworn in as", "has been appointed as the")
_APPOSITION_BEFORE = re.compile(r"(?:,\s+|\s+(?:was|is|has been|had been)\s+(?:sworn in|"
                                r"elected|appointed|named|installed)\s+as\s+)(?:[Tt]he\s+)?$")


def _person_before(text: str, start: int, people_by_end: dict[int, str]) -> str | None:
    """The person the office is set off after ("Youssef Chahed, the Prime Minister of
    Tunisia") or sworn in as it: the office is a mention of that person."""
    gap = _APPOSITION_BEFORE.search(text, max(0, start - 40), start)
    return people_by_end.get(gap.start()) if gap else None


def _offices_with_values(text: str, ents: list[Ent],
                         offices: list[_Office]) -> tuple[list[_Office], dict[int, str]]:
    """The qualified offices written as their holder ("the ... said") whose role no person
    named in the document holds, and those a person holds with the same country (office's
    start -> that person: "the Afghan president" of "Afghan President Ashraf Ghani",
    "Japan's foreign minister" of "Japan's Foreign Minister Fumio Kishida"); an office whose
    role is held with no country or another's stays no value."""
    held = {_role_key(role.split()) for role in people_by_role(text, ents, set_off=False)}
    national = _national_holders(text, ents) if held else {}
    holders = {office.start: person for office in offices
               if not office.generic
               and (person := national.get((_role_key(office.titles), office.place)))}
    return [office for office in offices
            if _role_key(office.titles) not in held or office.start in holders], holders


def _role_key(titles: list[str]) -> tuple[str, ...]:
    """A role's last two title words in lower case: what says two roles are one."""
    return tuple(w.lower() for w in titles[-2:])


#: a country's adjective or a place's possessive right before a role ("Afghan President",
#: "Japan's Foreign Minister")
_NATION_BEFORE = re.compile(r"(?:\b([A-Z][a-z]+)|([A-Z][\w.]*(?: [A-Z][\w.]*)?)['’]s)\s+$")


def _national_holders(text: str, ents: list[Ent]) -> dict[tuple[tuple[str, ...], str], str]:
    """(a role's key, its country) -> the one person the document names with that role
    written after the country's adjective or a place's possessive ("Afghan President Ashraf
    Ghani": (("president",), "Afghanistan"))."""
    places = {e.end: e.value or e.text for e in ents if e.facet == "place"}
    holders: dict[tuple[tuple[str, ...], str], set[str]] = {}
    for ent in filter(_named_in_full, ents):
        role = role_before(text, ent)
        nation = _nation_before_role(text, ent, role, places) if role else None
        if nation:
            holders.setdefault((_role_key(role.split()), nation), set()).add(ent.value)
    return {key: next(iter(people)) for key, people in holders.items() if len(people) == 1}


def _named_in_full(ent: Ent) -> bool:
    """A person's span whose value has more than one word (a role's holder)."""
    return ent.facet == "actor" and ent.label == "PERSON" and len((ent.value or "").split()) > 1


def _nation_before_role(text: str, ent: Ent, role: str, places: dict[int, str]) -> str | None:
    """The country whose adjective, or the place whose possessive, is written right before
    the role in front of a person's name, or None."""
    at = text.rfind(role, max(0, ent.start - 80), ent.end)
    nation = _NATION_BEFORE.search(text, max(0, at - 40), at) if at > 0 else None
    if not nation:
        return None
    return country_for_demonym(nation[1]) if nation[1] else places.get(nation.end(2))


def _qualified_offices(text: str, ents: list[Ent]) -> list[_Office]:
    """"the Iraqi Foreign Minister", "the Saudi foreign minister", "Brazil's foreign minister",
    "the President of the United States" and "the mayor of Esperanza" written as their
    holder."""
    places = [e for e in ents if e.facet == "place"]
    spans = {(e.start, e.end) for e in places}
    return [*_national_offices(text), *_possessed_offices(text, places),
            *(_Office(match.start(1), match[0][4:], match[1].split(),
                      _office_value(match[1].split(), match[2]), _office_named(text, match.start()))
              for match in _OFFICE_OF_PLACE.finditer(text) if _office_of_place(match, spans))]


#: the nouns a lower-case office of a place ends in (a person's office, no department:
#: "the mayor of Esperanza", not "the defence of Ukraine" or "the interior of Iceland")
_OFFICE_NOUNS = frozenset(word_list("place_office_nouns"))
#: a lower-case office: title words ending in an office noun ("foreign minister", "president")
_LOWER_OFFICE = (rf"(?:(?:{alternation_of(TITLE_WORDS)})\s+){{0,2}}"
                 rf"(?:{alternation_of(_OFFICE_NOUNS)})")
#: the end of an office written as its holder: no name, complement or possessive after it
_OFFICE_END = r"\b(?!\s+[A-Z]|\s+of\b|[-'’])"
#: "the Saudi foreign minister", "the new Iraqi prime minister": a nationality and lower-case
#: title words (the capitalised ones are `_QUALIFIED_OFFICE`'s)
_NATIONAL_OFFICE = re.compile(rf"\b[Tt]he\s+(?:new\s+)?([A-Z][a-z]+\s+{_LOWER_OFFICE}){_OFFICE_END}")


def _national_offices(text: str) -> list[_Office]:
    """A nationality's office: "the Iraqi Foreign Minister", "the Saudi foreign minister"
    ("Foreign Minister of Saudi Arabia")."""
    found = []
    for pattern in (_QUALIFIED_OFFICE, _NATIONAL_OFFICE):
        for match in pattern.finditer(text):
            adjective, *titles = match[1].split()
            country = country_for_demonym(adjective)
            if country and titles and _office_titles(titles):
                found.append(_Office(match.start(1), match[1], titles,
                                     _office_value(titles, country),
                                     names_the_office(text, match), country))
    return found


#: "'s foreign minister", "’s new President" after a place: lower-case title words ending
#: in an office noun, or capitalised ones
_POSSESSED_OFFICE = re.compile(rf"['’]s\s+(?:new\s+)?({_LOWER_OFFICE}|(?:[A-Z][a-z]+\s+){{0,2}}"
                               rf"[A-Z][a-z]+){_OFFICE_END}")


def _possessed_offices(text: str, places: list[Ent]) -> list[_Office]:
    """A place's office in the possessive: "Brazil's foreign minister" ("Foreign Minister of
    Brazil"), "Liberia's new president"."""
    found = []
    for place in places:
        match = _POSSESSED_OFFICE.match(text, place.end)
        titles = match[1].split() if match else []
        if titles and _office_titles(titles):
            the = THE_BEFORE.search(text, max(0, place.start - 6), place.start)
            found.append(_Office(place.start, text[place.start:match.end(1)], titles,
                                 _office_value(titles, place.value or place.text),
                                 _office_around(text, the.start() if the else place.start,
                                                match.end()), place.value or place.text))
    return found


#: "the President of the United States", "the Foreign Minister of Iraq", "the mayor of
#: Esperanza": title words (capitalised or not), "of", and a place's name (with its "the")
_OFFICE_OF_PLACE = re.compile(r"[Tt]he ((?:[A-Za-z][a-z]+ ){0,2}[A-Za-z][a-z]+) of "
                              r"((?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+){0,3})\b(?![-'’]| [A-Z])")
# (single spaces, and no leading \b: a literal start lets the scan skip ahead; the word
# boundary before "the" is checked in `_office_of_place`)


def _office_of_place(match: re.Match, places: set[tuple[int, int]]) -> bool:
    """Title words with a role of their own, then a country's name or a place the document
    names there (class 6: "the mayor of Esperanza", "The governor of Puerto Rico" whom the
    document does not name are that place's office, an actor)."""
    if match.start() and match.string[match.start() - 1].isalnum():
        return False  # "Bathe ..."
    place = match[2].removeprefix("the ")
    placed = (match.end(2) - len(place), match.end(2)) in places \
        or place in country_tables().demonym_of_country
    return placed and _office_titles(match[1].split())


def _office_titles(titles: list[str]) -> bool:
    """Capitalised title words with a role of their own ("Foreign Minister"), or lower-case
    ones ending in a person's office ("mayor", not "the defence of Ukraine")."""
    if titles[0].islower():
        return all(w.islower() and w in TITLE_WORDS for w in titles) \
            and titles[-1] in _OFFICE_NOUNS
    return all(map(_is_title_word, titles)) \
        and not all(w.lower() in NOT_BARE_ROLES for w in titles)


def _apposed_person(text: str, end: int, people: dict[int, str]) -> str | None:
    """The person named right after the office, set off by a comma ("the Iraqi Foreign
    Minister, Ibrahim al-Jaafari"): the office is a mention of that person."""
    gap = re.match(r",\s+", text[end:end + 4])
    return people.get(end + gap.end()) if gap else None


#: the words a role set off after a name is made of, with its title and occupation words
_APPOSED_ROLE_WORDS = frozenset(TITLE_WORDS | OCCUPATION_WORDS | set(word_list("apposed_role_words")))
#: a role's words, up to five, none of them a function word, and its capitalised complement
#: opened by "of", "for", "to", "on", "in" or "from", maybe ending in a division's word and
#: maybe followed by another ("a police officer from Afgoye in Lower Shabelle region"; groups
#: 1 and 2 of the patterns below)
_ROLE_AND_COMPLEMENT = (
    r"((?:(?!(?:of|for|to|on|in|from|and|the)\s)[A-Za-z][\w.-]*\s){0,4}"
    r"(?!(?:of|for|to|on|in|from|and|the)\b)[A-Za-z][\w-]*)"
    r"((?:\s(?:of|for|to|on|in|from)\s(?:the\s)?[A-Z][\w'’-]*(?:\s(?:and\s|of\s|the\s)*[A-Z][\w'’-]*){0,5}"
    r"(?:\s(?:" + LOWER_DIVISION_WORDS + r"))?){1,2})?")
#: ", Deputy Spokesman for the Secretary-General," right after a name: the role, then a
#: comma, "said" or an auxiliary ("Antony J. Blinken, Secretary of State has said") or the end
#: of the sentence
_ROLE_AFTER_NAME = re.compile(r",\s+(?:then\s+)?(?:the\s+|an?\s+|another\s+)?(?:former\s+)?" + _ROLE_AND_COMPLEMENT
                              + r"(?=,|\.|\s+(?:said|says|told|has|had|have|is|was|will|would)\b"
                              r"|\n|$)")
#: "The Minister of Foreign Affairs, " or "my Special Envoy, " right before a name: a
#: determiner, maybe "former", the role and its complement, then a comma
_ROLE_BEFORE_NAME = re.compile(r"\b(?:[Tt]he|[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Ii]ts)\s+"
                               r"(?:former\s+)?" + _ROLE_AND_COMPLEMENT + r",[ \t]+$")


def apposed_role_mentions(text: str, ents: list[Ent]) -> list[Ent]:
    """ "Chrystia Freeland, Minister of Foreign Affairs, said", "Farhan Haq, Deputy Spokesman
    for the Secretary-General", "Antony J. Blinken, Secretary of State has said", "The
    Minister of Foreign Affairs, Murray McCully, will", "my Special Envoy, Hans Grundberg":
    the role set off right after or right before a person's full name is one more mention of
    that person (every word before its complement a title word, not all of them
    words of no bare role); a role overlapping another actor's span is left alone, a place
    inside it stays its own ("Minister of Foreign Affairs of Iraq" keeps Iraq)."""
    found = [_role_mention(text, role, ent.value) for ent in ents
             if ent.facet == "actor" and ent.label == "PERSON" and len((ent.value or "").split()) > 1
             for role in _apposed_roles(text, ent)]
    return [m for m in found if not _covered(m, ents)]


def _role_mention(text: str, role: re.Match, value: str | None) -> Ent:
    """The role's words and complement, a mention of the person `value` names."""
    start, end = role.start(1), role.end(2) if role[2] else role.end(1)
    return Ent(start, end, text[start:end], "PERSON", facet="actor", value=value,
               rule="apposed-role", fixed=True)


def _apposed_roles(text: str, ent: Ent) -> list[re.Match]:
    """The roles set off by a comma right after or right before the person's name, made of
    role words (`_role_words`)."""
    roles = [_ROLE_AFTER_NAME.match(text, ent.end),
             _ROLE_BEFORE_NAME.search(text, max(0, ent.start - 120), ent.start)]
    return [role for role in roles if role and _role_words(role[1].split(), bool(role[2]))]


def _role_words(words: list[str], complement: bool) -> bool:
    """Title words, capitalised or not, maybe after a country's name or adjective ("the US
    Secretary of State", "the former Palestinian Foreign Minister", "the acting Prime
    Minister", "the president of Guinea-Bissau"), not all of them words of no bare role unless
    a complement names whose role it is ("the Supreme Leader of Iran")."""
    if len(words) > 1 and _national(words[0]):
        words = words[1:]
    return all(w.lower() in _APPOSED_ROLE_WORDS for w in words) \
        and (complement or not all(w.lower() in NOT_BARE_ROLES for w in words))


def _national(word: str) -> bool:
    """A country's adjective or short name ("Palestinian", "US", "U.S.")."""
    tables = country_tables()
    return country_for_demonym(word) is not None or word in tables.demonym_of_country \
        or word in tables.place_aliases


#: honorifics: no bare role, but a good sign of the name after them ("Mr Pradeep Khosla")
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.",
                         "sir", "dame", "lord", "lady"})
#: title words before a name the model missed ("Princess Ubolratana Mahidol", "chancellor,
#: Pradeep Khosla"); not the words that make no role ("former", "first", "Army")
_NAME_TITLES = frozenset((TITLE_WORDS | OCCUPATION_WORDS) - (NOT_BARE_ROLES - _HONORIFICS))
#: the title words as they may stand before a name: also plural ("Presidents") and with a
#: comma ("the chancellor, Pradeep Khosla")
_TITLE_FORMS = frozenset(form for word in _NAME_TITLES
                         for form in (word, word + "s", word + ",", word + "s,"))
#: a name after a title: one to three capitalised words ("Lord Carloway", "Queen Elizabeth
#: Alexandra"), maybe after initials written without stops ("Justice G Jayachandran"), or one
#: and a regnal number; a surname's particle may come before its capital ("O’Brien",
#: "McDonald", "DeSantis"), and a surname may be double ("Bloggs-Smith")
_SURNAME_PARTICLE = r"(?:" + alternation("surname_particles") + r")?"
_NAME_AFTER_TITLE = re.compile(
    rf"(?:[A-Z]\.?\s+){{0,2}}{_SURNAME_PARTICLE}[A-Z][a-z]+"
    rf"(?:(?:\s+(?:[A-Z]\.|{_SURNAME_PARTICLE}[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*)){{0,2}}|\s+[IVX]+)"
    r"\b(?!\s+[A-Z])")
_CAPITALISED = re.compile(r"(?<![\w.-])[A-Z][a-z]")


def titled_names(text: str, ents: list[Ent]) -> list[Ent]:
    """Persons the model missed after a title ("Presidents Muhammadu Buhari and ...", "Queen
    Elizabeth II", "Lord Carloway"): one to three capitalised words, or one and a regnal
    number (with no capitalised word after them), each one
    English writes capitalised (`indexer.casing`: not "General Motors"), that no span covers.
    Each capitalised word is tried as a name's start, its word before as the title (a set
    lookup: a regex alternation of every title word costs several times more)."""
    taken = SpanIndex(ents)
    found = []
    for cap in _CAPITALISED.finditer(text):
        start = _initials_start(text, cap.start())
        name = _NAME_AFTER_TITLE.match(text, start) if after_title(text, start) else None
        if name and not taken.overlaps_range(start, name.end()) and _name_words_only(name[0]):
            found.append(Ent(start, name.end(), name[0], "PERSON", rule="titled-name"))
    return found


#: initials written without stops right before a name ("Justice G Jayachandran")
_INITIALS_BEFORE = re.compile(r"(?<=\s)(?:[A-Z]\.?\s+){1,2}$")


def _initials_start(text: str, start: int) -> int:
    """Where a name starts that may open with initials before the capitalised word at
    `start`."""
    initials = _INITIALS_BEFORE.search(text, max(0, start - 8), start)
    return initials.start() if initials else start


def after_title(text: str, start: int) -> bool:
    """The word before `start` (then a blank) is a title or honorific, maybe one still to be
    taken up ("President-elect")."""
    before = text[max(0, start - 24):start]
    words = before.split()
    return before[-1:].isspace() and bool(words) \
        and words[-1].lower().removesuffix("-elect") in _TITLE_FORMS


def _name_words_only(name: str) -> bool:
    """Every word but initials and regnal numbers is one English writes capitalised, or a
    given name that is also a common word leads a surname that is one ("Councillor Cliff
    Hughes"; "General Motors" stays no person, and a title's second word is no given name:
    "Queen Consort Camilla")."""
    words = [w for w in name.split() if not w.endswith(".") and not w.isupper()]
    return all(map(is_name_word, words)) or len(words) == 2 and is_name_word(words[1]) \
        and words[0].lower() not in TITLE_WORDS


#: an office's head word, then a capitalised word (the holder's name): "Secretary Wilbur Ross"
_OFFICE_HEAD_AFTER = re.compile(r"[ \t]+(?:" + alternation("office_title_heads") + r")[ \t]+[A-Z]")
#: the words an office's title names its subject with ("Commerce", "National Security")
_OFFICE_SUBJECT_WORDS = frozenset(word_list("office_subject_words"))


def office_subjects(text: str, ents: list[Ent]) -> list[Ent]:
    """Class 3 (non-names): the subject of an office's title before its holder's name, which
    the model tags an organisation ("Commerce Secretary Wilbur Ross", "former National
    Security Adviser John Bolton", "Police and Crime Commissioner Stephen Mold"), is no
    actor: the holder is. A body's own name there stays ("NASA Administrator Bill Nelson",
    "Peruvian Congress Chairman Manuel Merino")."""
    return [e for e in ents if not _office_subject(text, e)]


def _office_subject(text: str, ent: Ent) -> bool:
    """An organisation span of subject words only, before an office's head and a name."""
    return ent.label == "ORG" and not ent.fixed and not ent.known \
        and all(w.lower() in _OFFICE_SUBJECT_WORDS for w in ent.text.split()) \
        and bool(_OFFICE_HEAD_AFTER.match(text, ent.end))


#: a name of two or three capitalised words, as a regex (`role_set_off_names` then asks that
#: English writes each capitalised: `casing.is_name_word`)
_NAME_RUN = r"([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){1,2})"
_ROLE_NOUNS = alternation("apposed_role_nouns")
#: "Sergio Pirozzi, the mayor of Amatrice,", "Jan Egeland, the secretary-general of the
#: Norwegian Refugee Council": a name set off before a lower-case role and its complement
_NAME_THEN_ROLE = re.compile(r"(?<![\w'’.-])" + _NAME_RUN + r",[ \t]+(?:the|a|an)[ \t]+"
                             r"(?:[a-z][\w-]*[ \t]+){0,2}?(?:" + _ROLE_NOUNS
                             + r")(?=[ \t]+(?:of|for|at|to)[ \t])")
#: "the minister for the Pacific, Zed Seselja, said": a lower-case role, its complement, and
#: the name set off after it
_ROLE_THEN_NAME = re.compile(r"\b[Tt]he[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(?:" + _ROLE_NOUNS
                             + r")[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]+"
                             r"(?:[ \t][A-Z][\w'’-]+){0,2},[ \t]+" + _NAME_RUN + r"(?=[ \t]*,)")
#: the cheap test before the patterns: a role noun between blanks somewhere in the text
_ROLE_GATES = tuple(f" {noun} " for noun in word_list("apposed_role_nouns"))


def role_set_off_names(text: str, ents: list[Ent]) -> list[Ent]:
    """Actor recall (class 6): a person the model missed, named beside a lower-case role set
    off by commas ("Sergio Pirozzi, the mayor of Amatrice, told"; "the minister for the
    Pacific, Zed Seselja, said"): two or three words English writes capitalised, which no
    span covers."""
    if not any(gate in text for gate in _ROLE_GATES):
        return []
    taken = SpanIndex(ents)
    found = []
    for pattern in (_NAME_THEN_ROLE, _ROLE_THEN_NAME):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if not taken.overlaps_range(start, end) and all(map(is_name_word, match[1].split())):
                found.append(Ent(start, end, match[1], "PERSON", rule="role-set-off"))
    return found
