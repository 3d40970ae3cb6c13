"""A country's ministry written in lower case (class 2, organisations missed): "France's
culture ministry", "the Lebanese health ministry", "Iraq's interior ministry". The model tags
the country or its adjective and leaves the ministry; the country, its portfolio's words
(`institution_phrase_words`: culture, health, foreign affairs...) and "ministry" are that
ministry, an actor named as the capitalised form is ("French Culture Ministry", "Lebanese
Health Ministry"), so that both spellings are one value. The country stays a place mention.
"""

from __future__ import annotations

import re

from indexer.countries import country_for_demonym, demonym_for
from indexer.gazetteer import Gazetteer
from indexer.rule_data import word_list
from indexer.spans import Ent, SpanIndex

#: the portfolio's lower-case words and "ministry" after a country's possessive or adjective
_MINISTRY_AFTER = re.compile(r"(['’]s)?[ \t]+((?:[a-z]+[ \t]+){1,3})ministry\b(?![-'’])")
_PORTFOLIO_WORDS = frozenset(word_list("institution_phrase_words")) - {"ministry"}


def lower_case_ministries(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Actor spans for "<Country>'s <portfolio> ministry" and "<Demonym> <portfolio>
    ministry" phrases no actor span covers."""
    taken = SpanIndex([e for e in ents if e.facet == "actor"])
    found = []
    for ent in ents:
        demonym = _demonym_of(ent, gazetteer)
        match = _MINISTRY_AFTER.match(text, ent.end) if demonym else None
        if not match or bool(match[1]) != (ent.facet == "place") \
                or not set(match[2].split()) <= _PORTFOLIO_WORDS \
                or taken.overlaps_range(ent.start, match.end()):
            continue
        value = f"{demonym} {match[2].strip().title()} Ministry"
        found.append(Ent(ent.start, match.end(), text[ent.start:match.end()], "ORG",
                         facet="actor", value=value, rule="ministry", fixed=True))
    return found


def _demonym_of(ent: Ent, gazetteer: Gazetteer) -> str | None:
    """The adjective of the country a place span names ("France" -> "French"), or the
    nationality word a NORP span is, when it is a country's."""
    if ent.facet == "place":
        country = gazetteer.country_of(ent.value or ent.text)
        return demonym_for(country) if country else None
    if ent.label == "NORP" and country_for_demonym(ent.text):
        return ent.text
    return None
