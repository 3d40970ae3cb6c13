"""US states and Canadian provinces written as news abbreviations (error class 2 of issue 10):
"Spc. Michael Osorio, 20, of Gaithersburg, Md., died" - the model takes "Md" for an unknown
word, the lone-place rule drops it, and the soldier's home state is lost; "Waterloo, Ont."
comes out as an actor "Ont". An abbreviation from the data lists (indexer/data/rule_words.txt,
`us_state_abbreviations`, `canadian_province_abbreviations`), written with its full stop right
after "<Place>, ", is a mention of its state or province.

The federal district is the other US place written after a comma: "Washington, D.C." is one
place, which the model cuts into "Washington" and "D.C."; two place spans joined by a comma
whose whole is a name of the place table are one mention.
"""

from __future__ import annotations

import re

from indexer.countries import country_tables
from indexer.rule_data import word_list
from indexer.spans import PLACE_LABELS, Ent, replaced_by

#: abbreviation -> (state or province, country)
STATE_ABBREVIATIONS = {abbreviation: (name, country)
                       for list_name, country in (("us_state_abbreviations", "United States"),
                                                  ("canadian_province_abbreviations", "Canada"))
                       for abbreviation, name in (entry.split(" ", 1)
                                                  for entry in word_list(list_name))}
#: what may follow the abbreviation: a space, punctuation, or a dash ("Md.-based", a dateline's
#: "BIG SUR, Calif.-A new wildfire")
_AFTER_ABBREVIATION = r"(?=[\s,;:)\-–—]|$)"
_ABBREVIATION = re.compile(
    r"(?<=[A-Za-z], )(" + "|".join(re.escape(a) for a in sorted(STATE_ABBREVIATIONS, key=len,
                                                               reverse=True)) + r")"
    + _AFTER_ABBREVIATION)


def state_abbreviations(text: str, ents: list[Ent]) -> list[Ent]:
    """Each "<Place>, Md." as a mention of the state, replacing the model's spans over it."""
    found = [Ent(m.start(), m.end(), m[1], "GPE", facet="place",
                 value=STATE_ABBREVIATIONS[m[1]][0], country=STATE_ABBREVIATIONS[m[1]][1],
                 rule="state-abbreviation", fixed=True)
             for m in _ABBREVIATION.finditer(text) if _after_a_name(text, m.start())]
    if not found:
        return ents
    return replaced_by(ents, found)


def joined_place_names(ents: list[Ent], text: str) -> list[Ent]:
    """ "Washington, D.C.": two place spans the model cut at a comma whose whole is one name
    of the place table (indexer/data/place_aliases.tsv) are one mention of that place, not
    the city and a second place."""
    aliases = country_tables().place_aliases
    places = sorted((e for e in ents if e.label in PLACE_LABELS), key=lambda e: e.start)
    joined = [Ent(a.start, b.end, text[a.start:b.end], "GPE", rule="state-abbreviation")
              for a, b in zip(places, places[1:], strict=False)
              if text[a.end:b.start] == ", " and text[a.start:b.end] in aliases]
    if not joined:
        return ents
    return replaced_by(ents, joined)


def _after_a_name(text: str, start: int) -> bool:
    """The word before ", " is capitalised ("Gaithersburg, Md.")."""
    words = text[max(0, start - 40):start - 2].split()
    return bool(words) and words[-1][:1].isupper()
