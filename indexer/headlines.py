"""Headlines handled as headlines (error class 1 of issue 10).

In a title-cased line ("DoD Identifies Army Casualty", "Tinker Citizen Airmen Deploy") every
word is capitalised, so the model takes ordinary words for names. A name found only in such
lines is kept when something else confirms it: the gazetteer, a shipped or watchlist name,
the same name in the running text, or capitals that title case cannot explain - a name of two
words or more, each one English writes capitalised ("Statement by Antony Blinken",
`indexer.casing`; "Thrones" of a caption's "Game of Thrones" still needs confirming), or a body's name
led by a country ("US State Department: ...", "Source: UNITED STATES AFRICA COMMAND");
otherwise it is dropped. Sentence-cased titles are ordinary text and need no confirmation,
nor do lines whose capitals come from the names they list: a list of four items or more
("Terminal 3: Delta, Frontier, Hawaiian, JetBlue") or a reference opened by an inverted name
("Austen, Jane. Pride and Prejudice").

A title's span the body does not confirm may hold a name the body uses and words that name
nothing, glued to it by a headline's compression: that span is the body's name
(`title_parts`: "Bolivia Expectant with ..." -> Bolivia, "Syrian Idlib" -> Idlib).
"""

from __future__ import annotations

import re

from indexer.casing import is_name_word
from indexer.countries import is_demonym
from indexer.home_countries import COMPASS_WORDS
from indexer.rule_data import body_endings, institution_words, word_list
from indexer.spans import Ent, replace

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: small words a title-cased line may leave in lower case ("Rebels Push on to Raqqa")
HEADLINE_SMALL_WORDS = frozenset(word_list("headline_small_words"))
#: a line that reads as a headline has at least this many words, all but small ones capitalised
HEADLINE_MIN_WORDS = 3
#: the document's own title reads as a headline from two words ("Army Casualty")
TITLE_MIN_WORDS = 2
#: a long title-cased line may leave one word in lower case per this many ("... Calls on All
#: Sides to Avoid Confrontations that could Result in More Victims", "Note to Correspondents -
#: Statement attributable to the Secretary General's Special Envoy for Yemen ..."): style
#: guides differ on "that" and "could", and writers slip; a sentence-cased line has far more
WORDS_PER_STRAY_LOWER = 8


#: a line whose capitals are its names': a list of four items or more (a headline may hold two
#: commas: "Near Palmyra, Syrian Forces Advance, Officials Say"), each after the first a name
#: of at most LIST_ITEM_WORDS words ("Safety, Security of United Nations Personnel, Property
#: Must Be Guaranteed, Secretary-General Reiterates" is a headline), or a reference opened by
#: an inverted name ("Twain, Mark. A Connecticut Yankee")
LIST_ITEM_WORDS = 3
#: a bracketed aside, left out when a list's items are counted ("Alaska (Gates 10 & 11), ...")
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_LIST_ITEM = rf"[^\s,]+(?:\s+[^\s,]+){{0,{LIST_ITEM_WORDS - 1}}}"
_LIST_LINE = re.compile(rf"^[^,]*(?:,\s*(?:and\s+|or\s+)?{_LIST_ITEM}\s*){{3,}}$"
                        r"|^\s*[A-Z][\w'’-]+, [A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?)*\.\s")


def is_title_cased(line: str, least: int = HEADLINE_MIN_WORDS) -> bool:
    """True for a line of at least `least` words that capitalises every word but small ones
    and does not end as a sentence does."""
    if line.rstrip().endswith((".", "!", "?", '"', "”", ",")):
        return False  # most body lines: checked before the words, which cost more
    if _LIST_LINE.search(_BRACKETED.sub("", line)):
        return False
    words = [w for w in _WORD.findall(line) if w.lower() not in HEADLINE_SMALL_WORDS]
    lower = sum(not w[:1].isupper() for w in words)
    return len(words) >= least and lower <= len(words) // WORDS_PER_STRAY_LOWER


def headline_ranges(text: str, body_start: int) -> list[tuple[int, int]]:
    """(start, end) of the title-cased lines of a text: the title when it is title-cased
    (two words are enough there: "Army Casualty"), and such lines of the body (section
    headings, captions)."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        least = TITLE_MIN_WORDS if match.start() < body_start else HEADLINE_MIN_WORDS
        if is_title_cased(match.group(), least):
            found.append(match.span())
    if body_start and not is_title_cased(text[:body_start], TITLE_MIN_WORDS):
        found = [span for span in found if span[0] >= body_start]
    return found


def _inside(ent: Ent, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= ent.start and ent.end <= end for start, end in ranges)


def _said_elsewhere(text: str, name: str, ranges: list[tuple[int, int]]) -> bool:
    """True when the name occurs, as written, outside the headline lines."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return any(not any(s <= m.start() < e for s, e in ranges) for m in pattern.finditer(text))


def _confirmed(text: str, ent: Ent, ranges: list[tuple[int, int]], is_place, is_country) -> bool:
    """The gazetteer knows the value as a place, the running text uses the name, or the
    name's capitals are its own."""
    return bool(is_place(ent.value)) or _confirmed_by_text(text, ent, ranges) \
        or _name_shaped(ent.text, is_country) or _given_name_first(ent)


def _given_name_first(ent: Ent) -> bool:
    """A person's name of two to four words opened by a word English always capitalises
    ("Statement by Ned Price": title case cannot explain "Ned", though it can "Price";
    "... Special Envoy for Yemen Ismail Ould Cheikh Ahmed"), but no nationality, which
    opens headlines, not names ("Turkish Warplanes Hit PKK Targets")."""
    words = ent.text.split()
    return ent.label == "PERSON" and 1 < len(words) <= 4 and is_name_word(words[0]) \
        and not is_demonym(words[0])


def _name_shaped(name: str, is_country) -> bool:
    """Capitals title case cannot explain, in a name of two words or more: every word is one
    English writes capitalised ("Antony Blinken"), or it is a body's name led by a country
    ("US State Department")."""
    words = [w for w in _WORD.findall(name) if w.lower() not in HEADLINE_SMALL_WORDS]
    if len(words) < 2:
        return False
    if all(map(is_name_word, words)):
        return True
    return words[-1].title() in body_endings() and any(
        is_country(" ".join(words[:n])) for n in range(1, min(3, len(words) - 1) + 1))


def _confirmed_by_text(text: str, ent: Ent, ranges: list[tuple[int, int]]) -> bool:
    """The running text uses the name, or for a person's full name, the surname
    ("Sergey Lavrov" in a headline, "Lavrov said" below)."""
    words = ent.text.split()
    return _said_elsewhere(text, ent.text, ranges) or (
        ent.label == "PERSON" and len(words) > 1 and _said_elsewhere(text, words[-1], ranges))


def unconfirmed_headline_names(text: str, ents: list[Ent], ranges: list[tuple[int, int]],
                               is_place, is_country) -> list[Ent]:
    """Drop actor/place spans that occur only in title-cased lines and that neither the
    gazetteer, a shipped or watchlist name, nor the running text confirms."""
    if not ranges:
        return ents
    confirmed = _values_outside(ents, ranges)
    return [replace(ent, facet=None, value=None, rule="headline")
            if _headline_only(ent, ranges, confirmed)
            and not _confirmed(text, ent, ranges, is_place, is_country) else ent
            for ent in ents]


def _values_outside(ents: list[Ent], ranges: list[tuple[int, int]]) -> set[str]:
    """The actor and place values, case-folded, of the mentions outside the headline lines."""
    return {e.value.casefold() for e in ents if e.value and e.facet in ("actor", "place")
            and not _inside(e, ranges)}


def _headline_only(ent: Ent, ranges: list[tuple[int, int]], confirmed: set[str]) -> bool:
    """An unfixed actor or place value, of no shipped name, inside the headline lines and
    not among the values found outside them."""
    return ent.facet in ("actor", "place") and bool(ent.value) and not ent.fixed \
        and not ent.known and _inside(ent, ranges) and ent.value.casefold() not in confirmed


#: the one- or two-letter abbreviations of words of direction a headline puts before a place
#: ("S. Bangladesh"; the words themselves: `COMPASS_WORDS`, "Northern Mali")
_COMPASS_LETTERS = re.compile(r"[NSEW]{1,2}\.?")
#: the preposition a headline joins a group and its place with ("Abu Sayyaf in Patikul")
_JOINED_IN = " in "


def title_parts(ents: list[Ent], body_start: int, is_place) -> list[Ent]:
    """Class 1 (headlines): a title's actor or place span no body mention shares a value
    with, whose words hold a name the body uses, is that name: a headline glues words to
    it that name nothing ("Bolivia Expectant ...", "AMISOM Condemns ...", "Syrian Idlib",
    "S. Bangladesh", "Abu Sayyaf in Patikul")."""
    if not body_start:
        return ents
    named = _body_names(ents, body_start)
    values = {e.value.casefold() for e in named.values()}
    out: list[Ent] = []
    for ent in ents:
        parts = _named_parts(ent, named, is_place) \
            if _unconfirmed_in_title(ent, body_start, values) else []
        out += parts or [ent]
    return out


def _unconfirmed_in_title(ent: Ent, body_start: int, values: set[str]) -> bool:
    """An unfixed actor or place span of the title, of no shipped name, whose value no body
    mention has."""
    return ent.end <= body_start and ent.facet in ("actor", "place") and bool(ent.value) \
        and not ent.fixed and not ent.known and ent.value.casefold() not in values


def _body_names(ents: list[Ent], body_start: int) -> dict[str, Ent]:
    """The body's actor and place mentions by their text and value, case-folded."""
    named: dict[str, Ent] = {}
    for e in ents:
        if e.start >= body_start and e.facet in ("actor", "place") and e.value:
            named.setdefault(e.text.casefold(), e)
            named.setdefault(e.value.casefold(), e)
    return named


def _named_parts(ent: Ent, named: dict[str, Ent], is_place) -> list[Ent]:
    """The body's names a title span holds, as spans of the title; [] for none."""
    if is_place(ent.text):
        return []  # "Northern California": the headline's name is a place's own
    if _JOINED_IN in ent.text:
        return _joined_parts(ent, named)
    glued = _glued_name(ent, named, is_place)
    return [glued] if glued else []


def _joined_parts(ent: Ent, named: dict[str, Ent]) -> list[Ent]:
    """ "Abu Sayyaf in Patikul": the two body names "in" joins, or []."""
    cut = ent.text.index(_JOINED_IN)
    left, right = ent.text[:cut].casefold(), ent.text[cut + len(_JOINED_IN):].casefold()
    if left not in named or right not in named:
        return []
    return [_part(ent, 0, cut, named[left]),
            _part(ent, cut + len(_JOINED_IN), len(ent.text), named[right])]


def _glued_name(ent: Ent, named: dict[str, Ent], is_place) -> Ent | None:
    """The longest body name the span starts with before words that name nothing
    ("Bolivia | Expectant"), or the longest body place it ends with after words that place
    it ("Syrian | Idlib"); None for neither."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", ent.text)]
    texts = [ent.text[s:e].rstrip(":,") for s, e in words]
    for n in range(len(words) - 1, 0, -1):
        head = named.get(" ".join(texts[:n]).casefold())
        if head is not None and all(map(_says_nothing, texts[n:])):
            return _part(ent, 0, words[n - 1][0] + len(texts[n - 1]), head)  # no ":" after
        tail = named.get(" ".join(texts[-n:]).casefold())
        if tail is not None and tail.facet == "place" \
                and all(_places_it(w, is_place) for w in texts[:-n]):
            return _part(ent, words[-n][0], len(ent.text), tail)
    return None


#: words that end or make an institution's or a landmark's name ("Council", "House", "Army",
#: "Media", "Museum"), lower case: after a name they make a longer name of it ("U.S. House",
#: "Hagia Sophia Museum"), not a headline's verb
_NAMING_WORDS = frozenset(w.lower() for w in (
    *body_endings(), *institution_words(), *word_list("institutions"),
    *word_list("org_after_place"), *word_list("landmark_words")))


def _says_nothing(word: str) -> bool:
    """A headline's word after a name that is no name's: English writes it in lower case,
    and it ends no body's or landmark's name ("Expectant", "Condemns", not "House")."""
    return not is_name_word(word) and word.lower() not in _NAMING_WORDS


def _places_it(word: str, is_place) -> bool:
    """A headline's word before a place that places it: its country or region as a name,
    a people's word or a possessive, or a direction ("Syrian", "Yemen's", "S.")."""
    return is_demonym(word) or word.endswith(("'s", "’s")) or bool(is_place(word)) \
        or word.lower() in COMPASS_WORDS or bool(_COMPASS_LETTERS.fullmatch(word))


def _part(ent: Ent, start: int, end: int, like: Ent) -> Ent:
    """The title's words start:end of `ent` as a mention of the body's `like`."""
    return replace(ent, start=ent.start + start, end=ent.start + end,
                   text=ent.text[start:end], label=like.label, facet=like.facet,
                   value=like.value, country=like.country, rule="title-part")
