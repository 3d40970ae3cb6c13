"""Class 2 (places taken for organisations): a name that starts or ends with the word for an
administrative division ("County Mayo", "Riverside County", "Helmand Province", "Kurdistan
Region", and in the plural after two names: "Donetsk and Luhansk Oblasts") is a place,
whatever the model called it. A name that only contains the word ("Christchurch
District Court") or names the body after the word ("District Court", "County Council",
`division_bodies`) stays an actor, and so does a name about something "of" a division
("Sheriff of Milwaukee County"; "County of Kern" is the place), a service's district
("Delta School District", `division_purposes`) and a body named after where it acts ("Islamic
State in West Africa Province", or a well-known body's name leading: "Islamic State West Africa
Province").
"""

from __future__ import annotations

import re

from indexer.rule_data import alternation, word_list
from indexer.spans import Ent, replace
from indexer.watchlist import led_by_known_body

DIVISION_WORDS = frozenset(word_list("division_words"))
#: the division words as written in lower case after a name, a regex alternation ("Shirka
#: district", "the Mykolaiv region")
LOWER_DIVISION_WORDS = "|".join(sorted(w.lower() for w in DIVISION_WORDS))
DIVISION_BODIES = frozenset(word_list("division_bodies"))
#: words before a trailing division word that make the name a service's district, a body
#: ("Delta School District", "Southern Nevada Health District")
DIVISION_PURPOSES = frozenset(word_list("division_purposes"))


def division_places(ents: list[Ent]) -> list[Ent]:
    """Actor spans named as an administrative division become places."""
    return [replace(e, facet="place", value=None, rule="division", fixed=True)
            if _division(e) else e for e in ents]


def _division(ent: Ent) -> bool:
    words = ent.text.split()
    if ent.facet != "actor" or ent.fixed or len(words) < 2 or "in" in words[1:] \
            or led_by_known_body(ent.text):
        return False  # a body named after where it acts: "Islamic State (in) West Africa Province"
    if "of" in words[1:]:  # the name is about the word before "of": "County of X" is a place,
        return words[words.index("of") - 1] in DIVISION_WORDS  # "Sheriff of X County" no
    if words[-1] in DIVISION_WORDS or _singular(words[-1]) in DIVISION_WORDS:
        # "Donetsk and Luhansk Oblasts": the plural after two names; not "Delta School District"
        return words[-2] not in DIVISION_PURPOSES
    return words[0] in DIVISION_WORDS and not DIVISION_BODIES & set(words[1:])


def _singular(word: str) -> str:
    """ "Oblasts" -> "Oblast", "Counties" -> "County"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


#: a region named by its number, as the Philippines and Guyana name theirs ("Region 12",
#: "Region Four"); not an amount ("Region 4 million")
_NUMBERED_REGION = re.compile(r"\bRegion[ \t]+(?:\d{1,2}|" + alternation("number_words")
                              + r")\b(?![ \t]*(?:%|per\b|million\b|thousand\b|[.,]\d))")


def numbered_regions(text: str) -> list[Ent]:
    """Place spans for the regions the text names by their number; the model tags them a
    law, a date or a number ("Region 11/LAW", "Region 10/DATE"), or the number alone."""
    return [Ent(m.start(), m.end(), m.group(), "GPE", facet="place", rule="numbered-region",
                fixed=True) for m in _NUMBERED_REGION.finditer(text)] if "Region " in text else []
