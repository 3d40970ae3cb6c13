"""Class 2 (places taken for organisations): a name that starts or ends with the word for an
administrative division ("County Mayo", "Riverside County", "Helmand Province", "Kurdistan
Region") is a place, whatever the model called it. A name that only contains the word ("Christchurch
District Court") or names the body after the word ("District Court", "County Council",
`division_bodies`) stays an actor, and so does a name about something "of" a division
("Sheriff of Milwaukee County"; "County of Kern" is the place).
"""

from __future__ import annotations

from dataclasses import replace

from indexer.rule_data import word_list
from indexer.spans import Ent


def division_places(ents: list[Ent]) -> list[Ent]:
    """Actor spans named as an administrative division become places."""
    words, bodies = frozenset(word_list("division_words")), frozenset(word_list("division_bodies"))
    return [replace(e, facet="place", value=None, rule="division", fixed=True)
            if _division(e, words, bodies) else e for e in ents]


def _division(ent: Ent, division_words: frozenset[str], bodies: frozenset[str]) -> bool:
    words = ent.text.split()
    if ent.facet != "actor" or ent.fixed or len(words) < 2:
        return False
    if "of" in words[1:]:  # the name is about the word before "of": "County of X" is a place,
        return words[words.index("of") - 1] in division_words  # "Sheriff of X County" no
    if words[-1] in division_words:
        return True
    return words[0] in division_words and not bodies & set(words[1:])
