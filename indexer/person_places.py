"""People tagged as places (class 2 the other way round): the model takes a person's full name
for a place now and then ("Neither Merkel nor Peer Steinbrueck gave any indication",
"flagship program, Al Franken show. Franken himself is owed"), and every later mention of the
surname follows it. A place of two or three plain capitalised words that the gazetteer knows
neither whole nor by its last word, not led by a nationality word ("Hebrew Gospel"), and whose
last word the document also uses alone as a name
(no capitalised word before or after it), is named the way people are: by the full name
first, then the surname. Places are not: nobody writes "Maqsoud" for "Sheikh Maqsoud" or
"Ruang" for "Mount Ruang", and a last word that is a place's noun ("Kidapawan City",
"Choctaw County") or a first word that opens places' names ("Mount", "North") rules it out.
"""

from __future__ import annotations

import re

from indexer.countries import is_demonym
from indexer.gazetteer import Gazetteer
from indexer.rule_data import alternation, place_leads, word_list
from indexer.spans import Ent, replace

#: a plain capitalised word (no initials, no "St.")
_PLAIN = re.compile(r"[A-Z][a-zà-ÿ'’-]+")
#: words that open places' names or end them: no person's first or last name here
_FIRST_WORDS = frozenset(word_list("place_first_words")) | place_leads()
_LAST_WORDS = frozenset(w.lower() for name in ("feature_words", "division_words",
                                               "landmark_words", "place_plurals")
                        for w in word_list(name))
#: a capitalised word right before a word, or a determiner maybe with a modifier: no surname
#: standing alone ("the true Gospel of Matthew")
_NAME_OR_DETERMINER_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*|\b(?i:"
                                        + alternation("name_determiners")
                                        + r")(?:[ \t]+[a-z]+)?)[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-Z]")


def people_named_as_places(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """The place spans named like a person (see the module docstring) as person actors."""
    names = {e.text for e in ents if _person_shaped(e, gazetteer)}
    names = {n for n in names if _surname_used_alone(text, n) and not _name_goes_on(text, n)}
    if not names:
        return ents
    return [replace(e, label="PERSON", facet="actor", value=None, rule="person-place")
            if e.text in names and _open_place(e) else e for e in ents]


def _open_place(ent: Ent) -> bool:
    return ent.facet == "place" and not ent.fixed


def _person_shaped(ent: Ent, gazetteer: Gazetteer) -> bool:
    words = ent.text.split()
    return _open_place(ent) and ent.label in ("GPE", "LOC") and _plain_name(words) \
        and gazetteer.lookup(ent.text) is None and gazetteer.lookup(words[-1]) is None


def _plain_name(words: list[str]) -> bool:
    """Two or three plain capitalised words, led by no place's or nationality's word and
    ended by no place's noun."""
    return 2 <= len(words) <= 3 and all(_PLAIN.fullmatch(w) for w in words) \
        and words[0] not in _FIRST_WORDS and not is_demonym(words[0]) \
        and words[-1].lower() not in _LAST_WORDS


def _surname_used_alone(text: str, name: str) -> bool:
    """The name's last word stands alone somewhere (no capitalised word right before or
    after it, no determiner before it)."""
    last = name.split()[-1]
    for match in re.finditer(rf"(?<![\w'’-]){re.escape(last)}(?![\w-])", text):
        start, end = match.span()
        if not _NAME_OR_DETERMINER_BEFORE.search(text, max(0, start - 40), start) \
                and not _CAPITALISED_AFTER.match(text, end):
            return True
    return False


def _name_goes_on(text: str, name: str) -> bool:
    """The name opens a longer one somewhere ("Abu Sayyaf" of "Abu Sayyaf Group"): a body's
    name, not a person's."""
    return bool(re.search(rf"(?<![\w'’-]){re.escape(name)}[ \t]+[A-Z]", text))
