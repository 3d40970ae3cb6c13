"""Canonical names: trim an entity span to the name, strip titles, fix casing, drop non-names.

Pure string functions (no spaCy objects) so each rule is unit-tested on plain text:
"the Syrian Army's" -> "Syrian Army", "Iran's Foreign Minister Abbas Araghchi" -> "Abbas Araghchi",
"Syria's Armed Forces" -> "Syrian Armed Forces", "KIRBY" -> "Kirby", "Wednesday" -> dropped.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from indexer.casing import is_lower_case_word
from indexer.countries import (
    country_for_demonym,
    country_tables,
    demonym_for,
    is_demonym,
    national_qualifier,
    written_qualifier,
)
from indexer.rule_data import alternation, alternation_of, body_endings, word_list
from indexer.spans import Ent, replace

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "their",
                         "its", "his", "her", "my", "your", "all", "both"})
#: words that make up a person's title or office (a portfolio's among them); a leading run of
#: them is not the name
TITLE_WORDS = frozenset(word_list("person_title_words") + word_list("portfolio_words"))
#: occupations written before a person's name, cut like titles by strip_title only
OCCUPATION_WORDS = frozenset(word_list("occupation_words"))
#: title words that also end an institution's name ("Syrian Army" is a name, "Iranian Supreme" not)
ORG_TITLE_WORDS = frozenset({"army", "navy", "air", "force", "staff", "justice"})
#: leading words of a PERSON span that are never part of the name even if capitalised
_POSSESSIVE = re.compile(r"(?:'s|s')$")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
#: organisation words that name no one on their own ("the Ministry", "Government")
GENERIC_WORDS = frozenset(word_list("generic_name_words"))
#: capitalised words the model takes for names that name no actor or place: time zones,
#: diseases, religions, events, sentence openers
NOT_NAMES = frozenset(word_list("not_names"))
#: named storms: "Hurricane Dorian", "Typhoon Hagibis", "Tropical Storm Imelda"
_STORM = re.compile(r"^(?:(?:" + alternation("storm_prefixes") + r")\s+)?(?:"
                    + alternation("storm_nouns") + r")\s")
#: a sentence opener or a quantity swallowed into a span ("Although Hong Kong's",
#: "Hundreds of Hong Kong")
_LEADING_OPENER = re.compile(r"(?:(?:" + alternation("leading_openers") + r"),?\s+"
                             r"|(?:" + alternation("leading_quantities") + r")"
                             r"\s+of\s+(?:the\s+)?)(?=[A-Z])")
#: a date a span runs on into after "in" or "on" ("Rally for the Republic in 2008", "Reform
#: National Convention on June 20"): a year, or a month with its day or year
_MONTH_NAMES = alternation_of(m.capitalize() for m in MONTHS)
_WHEN = (r"(?:(?:(?:" + _MONTH_NAMES + r")\s+)?(?:1[89]|20)\d\d"
         r"|(?:" + _MONTH_NAMES + r")\s+\d{1,2}(?:,?\s+(?:1[89]|20)\d\d)?)")
#: a trailing function word, a measure, a caption's credit word or a dateline's month cut into
#: a span ("Candace Windfall as", "Control Centre of", "Humberto 75 miles", "Kamala Harris
#: Image", "Phil CollinsImage", "NAIROBI, Kenya Sep 14 –"), or a date after "in" or "on"
_TRAILING_JUNK = re.compile(r"(?:\s+(?:" + alternation("trailing_function_words") + r"))+$"
                            r"|\s+\d[\d,.]*\s+[a-z].*$"
                            r"|\s+(?:in|on)\s+" + _WHEN + "$"
                            r"|(?:\s+|(?<=[a-z]))(?:" + alternation("caption_words") + r")$"
                            r"|\s+(?:" + alternation("month_abbreviations") + r")\.?$")
#: words of a state body named by its country ("Syria's Armed Forces" -> "Syrian Armed
#: Forces"); a proper name after "<Country>'s" keeps its own name instead
INSTITUTION_PHRASE_WORDS = frozenset(word_list("institution_phrase_words"))
#: names of laws, treaties and resolutions: documents, not actors ("US Caesar Act", "the
#: Cessation of Hostilities")
_DOCUMENT_NAME = re.compile(r"(?:^(?:" + alternation("document_leads") + r")\b|\b(?:"
                            + alternation("document_nouns") + r")(?:\s+(?:No\.?\s*)?\d+)?$)")
#: ship prefixes: "USS Mahan", "HMS Ocean" are vessels, neither actors nor places
VESSEL_PREFIXES = frozenset(word_list("vessel_prefixes"))
#: quotation marks, straight and curly, of English and other languages
QUOTES = "\"'“”‘’«»`´"
#: list bullets that open a line ("• Access of civilians to basic necessities")
BULLETS = "•·▪◦●■►‣"
#: characters stripped from a span's ends: quotes, stray punctuation, list bullets (class 3)
_TRIM_CHARS = QUOTES + " \t\r\n,;:!?()[]{}<>*-–—|/\\\u200b\u200e\u200f\ufeff" + BULLETS
_UPPER_WORD = re.compile(r"[A-Z][A-Z'-]{3,}")
#: "Later the Syrian Army": a sentence adverb and "the" swallowed into the span
_LEADING_WORDS_THE = re.compile(r"(?:[A-Z][a-z]+,?\s+){1,2}the\s+(?=[A-Z])")
_REGION_SUFFIX = re.compile(r"\s+(?:" + alternation("region_suffixes") + r")$", re.I)
_INITIALS_END = re.compile(r"(?:^|[\s.])[A-Za-z]\.$")
_PARTICLE = re.compile(r"^(?:Al|El|Ad|As|Ar|Ash|An|Bin|Ibn)-")


#: zero-width and direction marks that ride along in copied text
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"))


def normalise_text(text: str) -> str:
    """NFKC, typographic apostrophes as "'", no invisible marks or editorial brackets between
    words (class 3: "[Bashir al] Assad", an editor's insertion, is "Bashir al Assad"), one
    space between words."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    text = _EDITORIAL_BRACKET.sub("", text.replace("’", "'").replace("‘", "'"))
    return " ".join(text.split())


#: a bracket between words inside a name: what is left of an editor's insertion whose other
#: bracket the span cut off ("Bashir al] Assad"); not a letter's ("Pittsburg[h]")
_EDITORIAL_BRACKET = re.compile(r"\](?=\s)|(?<=\s)\[")


_LINE = re.compile(r"[^\n]+")
_WORD_CHAR = re.compile(r"\w")
_FIRST_WORD = re.compile(r"(\w+)\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_COUNTRY_POSSESSIVE = re.compile(r"(.+?)'s ([A-Z].*)$")
_WORD_BREAK = re.compile(r"[\s-]+")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the name inside an entity span: first line only, no determiner, possessive,
    quotes or stray punctuation. Returns (start, start) when nothing is left."""
    found = _first_line(text[start:end])
    if found is None:
        return start, start
    offset, span = found
    start += offset
    left, right = _strip_ends(span, 0, len(span))
    left, right = _strip_ends(span, _skip_leading_words(span, left, right), right)
    right = _cut_trailing_words(span, left, right)
    if span[left:right].lower() in DETERMINERS:
        return start, start
    return start + left, start + right


def _first_line(span: str) -> tuple[int, str] | None:
    """(offset, text) of the span's first line with a word character, or None."""
    if "\n" in span:
        line = next((m for m in _LINE.finditer(span) if _WORD_CHAR.search(m.group())), None)
        return (line.start(), line.group()) if line else None
    return (0, span) if _WORD_CHAR.search(span) else None


def _strip_ends(span: str, left: int, right: int) -> tuple[int, int]:
    """Bounds without quotes and stray punctuation at either end."""
    while left < right and span[left] in _TRIM_CHARS:
        left += 1
    while right > left and span[right - 1] in _TRIM_CHARS:
        right -= 1
    return left, right


def _skip_leading_words(span: str, left: int, right: int) -> int:
    """Start after a determiner, "the" words, a sentence opener and a lower-case modifier."""
    first = _FIRST_WORD.match(span[left:right])
    if first and first.group(1).lower() in DETERMINERS:
        left += first.end()
    for pattern in (_LEADING_WORDS_THE, _LEADING_OPENER):
        lead = pattern.match(span[left:right])
        if lead:
            left += lead.end()
    return left + _lower_modifier_length(span[left:right])


#: a lower-case word the model took into a name before its capitalised words, maybe with a
#: dash after it ("nations-- Mali")
_LOWER_LEAD = re.compile(r"([a-z]{4,})(?:--|[–—])?\s+(?=[A-Z])")
#: lower-case words that do open names: particles ("van Gogh", "al-Qaeda", "dela Vega") and
#: compass words, which make a region of a place ("northeast Nigeria")
_KEPT_LOWER_LEADS = frozenset(word_list("name_particles") + word_list("place_particles")
                              + word_list("compass_words"))


def _lower_modifier_length(span: str) -> int:
    """Class 3 (non-names): the length of a lower-case adjective the model took into a name
    ("paramilitary People's Armed Police", "national Constitution Party", "united Germany",
    "nations-- Mali"), 0 when the span opens otherwise or with a word names open with."""
    lead = _LOWER_LEAD.match(span)
    return lead.end() if lead and lead.group(1) not in _KEPT_LOWER_LEADS else 0


def _cut_trailing_words(span: str, left: int, right: int) -> int:
    """End before trailing function words, a possessive, punctuation and a sentence-end dot."""
    junk = _TRAILING_JUNK.search(span[left:right])
    if junk and junk.start() > 0:
        right = left + junk.start()
    tail = _POSSESSIVE_END.search(span[left:right])
    if tail and right - left > 2:
        right -= len(tail.group(0))
    _, right = _strip_ends(span, left, right)
    if span[right - 1:right] == "." and not _INITIALS_END.search(span[left:right]):
        right -= 1  # "Hama." at a sentence end; "U.S." keeps its dot
    return left + len(_balanced(span[left:right]).rstrip(_TRIM_CHARS))


def _balanced(span: str) -> str:
    """The span cut before an unclosed "(" or an unopened ")" ("Office of ... (OFAC" ->
    "Office of ... ")."""
    if "(" not in span and ")" not in span:
        return span
    depth = 0
    for i, ch in enumerate(span):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return span[:i]
    return span[:span.rfind("(")] if depth > 0 else span


#: ", <one or two capitalised words>" right after a name ("Allen, Texas"); a word ending in a
#: full stop ends it ("Saraqib, Syria. Commander ...")
_REGION_AFTER = re.compile(r",\s+([A-Z][\w'’.-]*(?:(?<!\.)\s[A-Z][\w'’.-]*)?)(?=[\s.,;:)]|$)")


def region_after(text: str, end: int) -> str | None:
    """The name in an apposition right after `end` (", Texas"), which may be the region a
    place is in; None without one."""
    match = _REGION_AFTER.match(text, end)
    return match.group(1) if match else None


def strip_region_suffix(name: str) -> str:
    """ "Idlib Province", "Aleppo countryside" -> the place name before the region word."""
    return _REGION_SUFFIX.sub("", name)


def strip_title(name: str) -> str:
    """Drop a leading office, rank or honorific (with a nationality or "Iran's" before it)
    from a person's name; a name that is nothing but title words is returned unchanged."""
    words = name.split()
    country = _leading_country(words)
    if country and len(words) > country + 1 and words[country].lower() in TITLE_WORDS:
        words = words[country:]  # "United States Representative Elijah Cummings"
    cut = _title_length(words)
    if cut and (words[cut][:1].isupper() or _particle_then_name(words[cut:])):
        return " ".join(words[cut:])
    return " ".join(words) if country and words != name.split() else name


#: lower-case words inside personal names ("Mayor de Blasio", "Ursula von der Leyen")
_NAME_PARTICLES = frozenset(word_list("name_particles"))


def _particle_then_name(words: list[str]) -> bool:
    """ "de Blasio": a name particle, then a capitalised word."""
    return len(words) > 1 and words[0] in _NAME_PARTICLES and words[1][:1].isupper()


def _title_length(words: list[str]) -> int:
    """How many leading words are the title: title and occupation words, with a nationality
    or a possessive ("Iran's") first; "of" inside a title ("Secretary of State") is no end.
    The last word is always left for the name, and a nationality alone is no title
    ("Christian Bale")."""
    cut = 0
    for i, word in enumerate(words[:-1]):
        if not (_title_word(word) or (i == cut and _title_qualifier(word))):
            break
        cut = i + 1 if word.lower() != "of" else cut
    while cut < len(words) - 1 and _title_word(words[cut]):
        cut += 1
    return cut if any(map(_title_word, words[:cut])) else 0  # "Christian Bale": no title


def _title_word(word: str) -> bool:
    return word.lower() in TITLE_WORDS or word.lower() in OCCUPATION_WORDS \
        or _occupation_shaped(word)


#: the ending of occupations ("guitarist", "novelist"); not "-ian", which given names share
#: ("Christian", "Julian")
_OCCUPATION_ENDING = re.compile(r"[a-z]{3,}ist$", re.I)


def _occupation_shaped(word: str) -> bool:
    """ "Guitarist Eddie Van Halen", "Novelist Jane Smith": a common English word in "-ist"."""
    return bool(_OCCUPATION_ENDING.match(word)) and is_lower_case_word(word)


def _title_qualifier(word: str) -> bool:
    """A nationality or a possessive that may open a title ("Iranian", "Iran's")."""
    return is_demonym(word) or _possessive(word)


def _possessive(word: str) -> bool:
    return _POSSESSIVE.sub("", word) != word


def _leading_country(words: list[str]) -> int:
    """How many leading words name a country ("United States", "U.S."), 0 if none."""
    tables = country_tables()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        if len(words) > n and (head in tables.demonym_of_country or head in tables.place_aliases):
            return n
    return 0


def country_possessive(name: str, country_of) -> str:
    """ "<Country>'s <Institution>" -> "<Demonym> <Institution>" ("Syria's Armed Forces" ->
    "Syrian Armed Forces"); country_of maps a name to its country or None."""
    match = _COUNTRY_POSSESSIVE.match(name)
    if not match:
        return name
    country = country_of(match.group(1))
    if not country:
        return name
    rest = match.group(2)
    demonym = demonym_for(country)
    if demonym and all(w.lower() in INSTITUTION_PHRASE_WORDS for w in rest.split()):
        return f"{demonym} {rest}"
    return rest  # "China's Tsinghua University" -> "Tsinghua University"


#: "Government of Iraq", "army of the United States": an institution of a place
_BODY_OF_PLACE = re.compile(r"^(" + alternation("institutions") + r") of (?:the )?(.+)$", re.I)
#: "UK Government", "United States Army", "Iraqi Government": a place or nation, then its body
_PLACE_BEFORE_BODY = re.compile(r"^(.+?) (" + alternation("institutions") + r")$", re.I)


def national_body(name: str, country_of) -> str:
    """One value for a country's institution however the text words it (one real entity,
    one value): "Government of Iraq", "Iraq Government", "Iraqi government" -> "Iraqi
    Government"; "the United States government", "U.S. Government" -> "US Government"
    (`countries.national_qualifier`); a country's soldiers, troops, forces and military are
    its armed forces ("Pakistani soldiers", "Pakistan's military" -> "Pakistani Armed
    Forces"; its Army, Navy and security forces stay their own). Names of no country stay
    as they are ("Government of National Accord", "Kurdish forces")."""
    for pattern, place, body in ((_MILITARY_BEFORE, 1, 2), (_BODY_OF_PLACE, 2, 1),
                                 (_PLACE_BEFORE_BODY, 1, 2)):
        match = pattern.match(name)
        qualifier = nation_qualifier(match.group(place), country_of) if match else None
        if qualifier:
            body = "Armed Forces" if pattern is _MILITARY_BEFORE else match.group(body).title()
            return f"{qualifier} {body}"
    return name


#: "Pakistani soldiers", "US troops", "Israeli forces": a nation, then words naming its
#: military as a whole (data `national_military_heads`)
_MILITARY_BEFORE = re.compile(r"^(.+?) (" + alternation("national_military_heads") + r")$", re.I)


#: the most words a country's name before a body's name may have ("United States of America")
_MOST_COUNTRY_WORDS = 4


def one_country_prefix(name: str, country_of) -> str:
    """A body's name opened by its country, with the country written one way (one real
    entity, one value): "U.S. Supreme Court", "United States Supreme Court" -> "US Supreme
    Court"; "U.K. Space Agency" -> "UK Space Agency". Only for countries whose bodies take
    an abbreviation, not an adjective (`national_qualifiers`): "China Southern Airlines"
    stays, and so does a demonym ("American Airlines") or another abbreviation, which
    brands use ("USA Today")."""
    words = name.split()
    for n in range(min(_MOST_COUNTRY_WORDS, len(words) - 1), 0, -1):
        written = " ".join(words[:n])
        country = country_of(written)
        qualifier = written_qualifier(country) if country else None
        if qualifier and words[n][:1].isupper() and _same_abbreviation(written, qualifier):
            return " ".join((qualifier, *words[n:]))
    return name


def _same_abbreviation(written: str, qualifier: str) -> bool:
    """The country written in full, or as the qualifier's own letters ("U.S." for "US")."""
    return not written.replace(".", "").isupper() or written.replace(".", "") == qualifier


def nation_qualifier(name: str, country_of) -> str | None:
    """How a country's institutions are named, from its name or its demonym ("U.S.",
    "American" -> "US"; `countries.national_qualifier`), None for no country's."""
    country = country_of(name) or country_for_demonym(name)
    return national_qualifier(country) if country else None


def fix_casing(name: str, person: bool) -> str:
    """Shouting words in names become title case ("KIRBY" -> "Kirby", "HAYAT TAHRIR" ...);
    short all-capital words stay (acronyms: "HTS", "NATO")."""
    words = name.split()
    if person or all(_UPPER_WORD.fullmatch(w) or not w[:1].isalpha() for w in words):
        words = [w.title() if _UPPER_WORD.fullmatch(w) and (person or len(words) > 1) else w
                 for w in words]
        words[1:] = [_PARTICLE.sub(lambda m: m.group().lower(), w) for w in words[1:]]
    return " ".join(words)


#: head nouns a body's value writes in title case (data `titled_heads`)
_TITLED_HEADS = frozenset(word_list("titled_heads"))


def titled_head(name: str) -> str:
    """ "Democratic party" -> "Democratic Party": a head noun written in lower case after a
    capitalised name is title case in the value (one entity, one value across documents)."""
    words = name.split()
    if len(words) > 1 and words[-1] in _TITLED_HEADS and words[-2][:1].isupper():
        return " ".join([*words[:-1], words[-1].title()])
    return name


#: how alike two squashed spellings must be to be one name ("al-Qaida" / "al-Qaeda")
SAME_SPELLING = 0.8


def _squash(name: str) -> str:
    """Letters and digits only, lower case, accents removed: "Da'esh" -> "daesh"."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if c.isalnum())


def _name_words(name: str) -> list[str]:
    return [_squash(w) for w in _WORD_BREAK.split(name) if _squash(w) and w.lower() != "the"]


def same_name(a: str, b: str) -> bool:
    """True when two strings write one name: alike but for case, accents, hyphens and
    apostrophes ("DAESH", "Da'esh"), one inside the other word for word ("Islamic State
    group", "Tayyip Erdogan"), or a close spelling ("Hizbollah", "Bashar Assad"). An acronym
    and its expansion, or two different names ("ISIL", "Daesh"), are not the same name."""
    sa, sb = _squash(a), _squash(b)
    if not sa or not sb:
        return False
    if sa == sb:
        return True
    wa, wb = _name_words(a), _name_words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
        return True
    return min(len(sa), len(sb)) > 4 and SequenceMatcher(None, sa, sb).ratio() >= SAME_SPELLING


def is_storm(name: str) -> bool:
    """True for a named storm ("Hurricane Dorian", "Tropical Storm Imelda"), not a body named
    after storms ("Storm Prediction Center", "Typhoon Committee": a body's last word)."""
    return bool(_STORM.match(name)) and name.split()[-1] not in body_endings()


def is_non_entity(name: str) -> bool:
    """True for spans that name nobody: numbers, weekdays, months, nationality words,
    generic words on their own, lower-case words, lone titles."""
    if any(no_name(name) for no_name in _NO_NAMES):
        return True
    words = name.split()
    if words[-1].lower() in ORG_TITLE_WORDS:
        return all(_title_or_determiner(w) for w in words)
    return all(_title_or_determiner(w) or _title_qualifier(w) for w in words)


def _no_letters(name: str) -> bool:
    return not name.split() or not any(ch.isalpha() for ch in name)


def _listed_non_name(name: str) -> bool:
    """A weekday (or its plural), a month, or a word of NOT_NAMES."""
    lower = name.lower()
    return lower in WEEKDAYS or lower in MONTHS or lower.rstrip("s") in WEEKDAYS \
        or lower in NOT_NAMES


def _foreign_script_word(name: str) -> bool:
    """A lone word in another script ("Одной") in English text."""
    return len(name.split()) == 1 and not any(
        "a" <= ch.lower() <= "z" for ch in unicodedata.normalize("NFKD", name))


def _no_capitalised_word(name: str) -> bool:
    return not any(w[:1].isupper() or w[:1].isdigit() for w in name.split())


def _lone_generic_word(name: str) -> bool:
    """ "Ministry", "President" on their own."""
    lower = name.lower()
    return len(name.split()) == 1 and (lower in GENERIC_WORDS or lower in TITLE_WORDS)


def _vessel_name(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and words[0] in VESSEL_PREFIXES


#: lower-case words after a name's head: its complement follows ("Palace of Westminster",
#: "Palais des Nations"; not "de", which also joins a name's words: "Plaza de Kefra
#: Foundation Board")
_HEAD_CONNECTORS = frozenset(("of", "to", "against", "for", "in", "on", "des"))


def name_head(name: str) -> str:
    """The noun a name is about: the word before its first lower-case connector, else its
    last word ("Global Coalition to Defeat ISIS" -> "Coalition")."""
    words = name.split()
    for i, word in enumerate(words[1:], 1):
        if word in _HEAD_CONNECTORS:
            return words[i - 1]
    return words[-1] if words else ""


#: last words of diseases' names (data `disease_endings`)
_DISEASE_ENDINGS = frozenset(word_list("disease_endings"))


def _disease_name(name: str) -> bool:
    """ "Middle East Respiratory Syndrome", "Ebola Virus Disease": a disease, no actor or
    place; a body named after a disease is about something else first ("National Institute
    of Allergy and Infectious Disease", "Center for Disease Control")."""
    words = name.split()
    return len(words) > 1 and words[-1] in _DISEASE_ENDINGS and name_head(name) == words[-1]


def _title_or_determiner(word: str) -> bool:
    return word.lower() in TITLE_WORDS or word.lower() in DETERMINERS


def _time_zone(name: str) -> bool:
    """A time zone named by a place or a region (class 3, non-names): "(Beijing Time)",
    "Central European Time"; its one-word codes are `not_names` ("UTC")."""
    words = name.split()
    return len(words) > 1 and words[-1] == "Time" and all(w[:1].isupper() for w in words)


#: words after "Best" that make a name an award's category ("Best Screenplay")
_AWARD_CATEGORIES = frozenset(word_list("award_categories"))


def _award_category(name: str) -> bool:
    """An award's category (class 5, events and works as actors): "won Best Actor", "for
    Best Screenplay"; a company named with "Best" is no category ("Best Buy")."""
    words = name.split()
    return len(words) > 1 and words[0] == "Best" and words[1].lower() in _AWARD_CATEGORIES


#: shapes of a span that names nobody, tried in order by `is_non_entity`; after them the
#: span has at least one word
_NO_NAMES = (_no_letters, _listed_non_name, is_storm, _foreign_script_word, _no_capitalised_word,
             _lone_generic_word, _vessel_name, _disease_name, _time_zone, _award_category)


#: words that only ever stand before a person's name ("Dr Valeria Gazzola", "Congressman Amash")
HONORIFICS = frozenset(word_list("honorifics"))


def is_honorific_name(text: str) -> bool:
    """True for an honorific followed by one to three capitalised words: a person, whatever
    label the model gave it ("Dr Valeria Gazzola" as ORG)."""
    words = text.split()
    return 2 <= len(words) <= 4 and words[0].lower() in HONORIFICS \
        and all(w[:1].isupper() for w in words[1:])


#: titles that make a country after them part of a name ("Captain America")
_COUNTRY_TITLES = frozenset(word_list("country_name_titles"))
#: a title right before a span: "Captain | America" (one blank, same line)
_COUNTRY_TITLE = re.compile(r"(?<![\w.])(?:" + alternation("country_name_titles") + r") $")


def titled_countries(text: str, ents: list[Ent], is_country) -> list[Ent]:
    """Class 3: a country's name right after a title is part of a longer name, a
    character's, a pageant's or a show's ("Captain America", "Mister America"), and no
    mention of the country, whether the model's span holds the title or not."""
    titled = [i for i, e in enumerate(ents) if not e.fixed and _titled_country(text, e, is_country)]
    if not titled:
        return ents  # the very list back: nothing to do
    out = list(ents)
    for i in titled:
        out[i] = replace(ents[i], facet=None, value=None, rule="titled-country", fixed=True)
    return out


def _titled_country(text: str, ent: Ent, is_country) -> bool:
    """The span is "<title> <country>", or a country right after a title."""
    title, _, rest = ent.text.partition(" ")
    if title in _COUNTRY_TITLES and rest:
        return is_country(rest)
    return bool(_COUNTRY_TITLE.search(text, max(0, ent.start - 10), ent.start)) \
        and is_country(ent.text)


def is_document_name(name: str) -> bool:
    """True for the name of a law, treaty, resolution or licence ("Caesar Act")."""
    return bool(_DOCUMENT_NAME.search(name))


@lru_cache(maxsize=1)
def all_bare_bodies() -> frozenset[str]:
    """Bodies a country qualifier can precede ("senate", "navy", "air force"), from the
    corpus-wide entity resolution's word list (search/data/entity_words.yaml): a bare one is
    an actor, joined to its country's body where its documents are about that country."""
    from search.entity_rules import entity_words

    return frozenset(entity_words().bodies)


def names_a_country(words: list[str], is_country) -> bool:
    """Some tail of the words is a country or its adjective ("Syrian", "U.S.", "116th U.S."):
    the qualifier of a country's body."""
    return any(is_country(" ".join(words[i:])) or is_demonym(" ".join(words[i:]))
               for i in range(len(words)))


def _bare_body(name: str) -> bool:
    """A capitalised body's name without its country ("Navy", "Air Force", "Senate")."""
    return name.lower() in all_bare_bodies() and all(w[:1].isupper() for w in name.split())


def canonical_actor(name: str, person: bool, country_of) -> str | None:
    """The canonical actor value for a trimmed span, or None when it is not a name."""
    name = normalise_text(name)
    if person:
        name = strip_title(name)
    else:
        name = titled_head(one_country_prefix(national_body(country_possessive(name, country_of),
                                                            country_of), country_of))
    name = fix_casing(name, person)
    if not person and _bare_body(name):
        return name  # "Navy", "Senate": the corpus-wide resolution gives it its country
    if is_non_entity(name) or (len(name.split()) == 1 and is_demonym(name)):
        return None
    if not person and is_document_name(name):
        return None
    return name
