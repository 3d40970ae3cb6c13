"""The shape of a name (error class 3 of issue 10): no facet value is a number, a measure, a
vote count or a fragment of editorial brackets.

- Editorial brackets and stray quotes are marks, not part of a name: "Jerry [O'Connell" is
  Jerry O'Connell, '"United States' the United States.
- A quantity glued to a name ("Melbourne 0.5%", "Labour Party - 203", "Caboolture 43–5",
  "Magnitude 6.3", "USD 26.95") is cut off; what is left stays a name only when it has
  several words or the gazetteer knows it.
- A document symbol is no name: "SG" of the UN press release number "SG/SM/20217", "S" of
  resolution "S/RES/2254" (capitals and numbers joined by slashes, one part a number).
- A reference to a part of a document is no name: "Appendix S1", "Tab 4", "Title IV",
  "Paragraph 1 & 2" (a part's word from `document_parts`, alone or before its numbers).
- A unit is no name: an acronym the document only writes after a number ("40 CUC",
  "250 MXN", "3000 BC", "11 RBI") is a currency, era or measure; a currency's ISO 4217 code
  needs only one mention next to a number ("225 DKK per hour", "USD 26.95"), as a price list
  also names it alone ("berths at DKK 100; VHF; DKK").
- A common word written in capitals for emphasis is no name: "We will get through this
  TOGETHER!", "the Court ABSTAINS" (one word of six letters or more that English writes in
  lower case, `indexer.casing`; shorter acronyms such as "CARE" or "WHO" stay).
- A nationality adjective behind a prefix is no name: "the two Post-Soviet states",
  "Anti-American protests".
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.casing import is_lower_case_word
from indexer.countries import is_demonym
from indexer.rule_data import alternation, word_list

PRONOUNS = frozenset(word_list("pronouns"))

#: editorial brackets and quotes left unmatched inside a span
_MARKS = re.compile(r"[\[\]|]|^[\"“”'‘’]+|(?<=\s)[\"“”]+|[\"“”]+$")
#: a quantity after a name: a decimal or percentage, a score, or a " - N" count
_QUANTITY = re.compile(r"\s+(?:-\s+\d+|\d+[.,]\d+%?|\d+%|\d+\s*[–-]\s*\d+)(?:\s.*)?$")


#: a document symbol: capital letters and numbers joined by slashes, with a number among them
_SYMBOL = re.compile(r"[A-Z0-9.-]*(?:/[A-Z0-9.-]+)+")


def in_document_symbol(text: str, start: int, end: int) -> bool:
    """True when the span is part of a document symbol ("SG" in "SG/SM/20217")."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    token = text[left:right].rstrip(".,;:)")
    return "/" in token and bool(_SYMBOL.fullmatch(token)) and any(c.isdigit() for c in token)


#: a number, or a range of numbers, right before a span ("40 ", "15 - 25 ", "1,200 ")
_NUMBER_BEFORE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:[-–]\s*\d(?:[\d.,]*\d)?\s*)?$")
#: a capital acronym, maybe plural: what a unit looks like ("CUC", "MXN", "RBIs")
_ACRONYM = re.compile(r"[A-Z]{2,4}s?")
#: after the span, a plural noun (the acronym names what is counted: "5 ISIS fighters") or a
#: capitalised word (a longer name: "the 2000 US Presidential election")
_NAME_GOES_ON = re.compile(r"\s+(?:[a-z]+s\b|[A-Z])")


#: a number right after a span ("USD 26.95")
_NUMBER_AFTER = re.compile(r"\s?\d")


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """The ISO 4217 currency codes ("USD", "DKK", "CUC"), from pycountry."""
    import pycountry
    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def counted(text: str, start: int, end: int) -> bool:
    """A word written right after a number and before no plural noun or capitalised word:
    what is counted ("3 VBIED", "40 CUC"), not a name ("5 ISIS fighters")."""
    return bool(_NUMBER_BEFORE.search(text, max(0, start - 16), start)) \
        and not _NAME_GOES_ON.match(text, end)


def units(text: str, spans: list[tuple[str, int, int]]) -> set[str]:
    """The keys of (key, start, end) spans that are acronyms written only right after a
    number, with no plural noun or capitalised word after them, or currency codes written
    next to a number once: units, currencies and eras, not names."""
    seen: dict[str, bool] = {}
    priced = set()
    for key, start, end in spans:
        word = text[start:end]
        after_number = bool(_NUMBER_BEFORE.search(text, max(0, start - 16), start))
        unit = after_number and bool(_ACRONYM.fullmatch(word)) \
            and not _NAME_GOES_ON.match(text, end)  # `counted`, its number already found
        seen[key] = seen.get(key, True) and unit
        if (after_number or _NUMBER_AFTER.match(text, end)) and word in currency_codes():
            priced.add(key)
    return {key for key, unit in seen.items() if unit} | priced


def clean_marks(name: str) -> str:
    """The name without editorial brackets and unmatched quotes, blanks collapsed."""
    if name.count('"') == 2 or ("“" in name and "”" in name):
        return " ".join(re.sub(r"[\[\]|]", "", name).split())  # 'Jeremy "Spike" Cohen'
    return " ".join(_MARKS.sub("", name).split())


def cut_quantity(name: str) -> str:
    """The name before a quantity glued to it ("Melbourne 0.5%" -> "Melbourne")."""
    match = _QUANTITY.search(name)
    return name[:match.start()] if match else name


#: a document part's word, alone or before its numbers, roman numerals or lettered numbers,
#: maybe listed ("Paragraph 1 & 2", "Articles 5, 6 and 7")
_NUMBERING = r"(?:[IVXLC]+|[A-Z]?\d[\d.]*[a-z]?|[A-Z])"
_DOCUMENT_PART = re.compile(rf"(?:{alternation('document_parts')})s?"
                            rf"(?:\s+{_NUMBERING}(?:\s*(?:&|and|,|-|–)\s*{_NUMBERING})*)?")


def name_shape(name: str, is_place) -> str | None:
    """The name as it should read, or None when no name is left."""
    cleaned = clean_marks(name)
    if _DOCUMENT_PART.fullmatch(cleaned):
        return None
    cut = cut_quantity(cleaned)
    if cut != cleaned and len(cut.split()) < 2 and not is_place(cut):
        return None
    if cut.lower() in PRONOUNS or _shouted_word(cut) or _prefixed_nationality(cut) \
            or _NUMBER_WORD.fullmatch(cut):
        return None
    return cut or None


#: an ordinal or a decade alone ("its 848th meeting", "the 1990s"), or a Roman numeral of
#: two letters or more written with I, V and X only ("to IV from III"): a number, no name
#: ("X", "VX" and "DC" are none of these)
_NUMBER_WORD = re.compile(r"\d[\d,]*(?:st|nd|rd|th|s|'s|’s)|(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")


#: the fewest letters of a capitalised common word read as emphasis, not as an acronym
_SHOUTED_LETTERS = 6


def _shouted_word(name: str) -> bool:
    """ "TOGETHER", "ABSTAINS": one all-capital word, long for an acronym, that English
    writes in lower case."""
    return len(name) >= _SHOUTED_LETTERS and name.isalpha() and name.isupper() \
        and is_lower_case_word(name)


#: "Post-Soviet", "Anti-American": a prefix before a hyphen and a nationality adjective
_PREFIXED = re.compile(r"(?:" + alternation("nationality_prefixes") + r")-(\w+)")


def _prefixed_nationality(name: str) -> bool:
    prefixed = _PREFIXED.fullmatch(name)
    return prefixed is not None and is_demonym(prefixed[1])


#: a number ending a name ("Ariane 5", "Falcon 9", "Boeing 737")
_NUMBER_LAST = re.compile(r"\s\d[\d.]*$")


def numbered(name: str) -> bool:
    """True when the name's last word is a number: a model's or a series' name, no
    person's."""
    return bool(_NUMBER_LAST.search(name))


#: one word of letters and digits: a code ("R0", "B117"), no city's or country's name
_CODE = re.compile(r"(?=\S*\d)(?=\S*[A-Za-z])\S+")


def is_code(name: str) -> bool:
    """A single word holding both letters and digits ("R0"): what the model may call a
    geopolitical entity, though no country, state or city is named so (roads and areas are
    locations or facilities to it: "M25", "Area 51")."""
    return bool(_CODE.fullmatch(name))
