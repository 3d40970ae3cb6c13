"""A country's ministry the model left out (class 2, organisations missed), mostly written in
lower case: "France's culture ministry", "the Lebanese health ministry", "Iraq's interior
ministry", and in title case where the model missed it too ("The Iraqi Foreign Ministry
condemns", opening a statement). The model tags the country or its adjective and leaves the
ministry; the country, its portfolio's words (`institution_phrase_words`: culture, health,
foreign affairs...) and "ministry" are that ministry, an actor named as the capitalised form
is ("French Culture Ministry", "Lebanese Health Ministry"), so that both spellings are one
value. The country stays a place mention.
"""

from __future__ import annotations

import re

from indexer.countries import country_for_demonym, demonym_for
from indexer.gazetteer import Gazetteer
from indexer.rule_data import word_list
from indexer.spans import Ent, SpanIndex

#: the portfolio's words and "ministry", all lower case or all capitalised, after a country's
#: possessive or adjective
_MINISTRY_AFTER = re.compile(r"(['’]s)?[ \t]+(?:((?:[a-z]+[ \t]+){1,3})ministry"
                             r"|((?:[A-Z][a-z]+[ \t]+){1,3})Ministry)\b(?![-'’])")
_PORTFOLIO_WORDS = frozenset(word_list("institution_phrase_words")) - {"ministry"}


def missed_ministries(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Actor spans for "<Country>'s <portfolio> ministry" and "<Demonym> <portfolio>
    ministry" phrases no actor span covers."""
    taken = SpanIndex([e for e in ents if e.facet == "actor"])
    found = []
    for ent in ents:
        demonym = _demonym_of(ent, gazetteer)
        match = _MINISTRY_AFTER.match(text, ent.end) if demonym else None
        portfolio = _portfolio(match, ent) if match else None
        if not portfolio or taken.overlaps_range(ent.start, match.end()):
            continue
        value = f"{demonym} {portfolio.title()} Ministry"
        found.append(Ent(ent.start, match.end(), text[ent.start:match.end()], "ORG",
                         facet="actor", value=value, rule="ministry", fixed=True))
    return found


def _portfolio(match: re.Match, ent: Ent) -> str | None:
    """The portfolio's words in lower case, when they are all a portfolio's and the country
    is written as the rule wants it (a possessive after a place, an adjective alone)."""
    words = (match[2] or match[3].lower()).split()
    if bool(match[1]) != (ent.facet == "place") or not set(words) <= _PORTFOLIO_WORDS:
        return None
    return " ".join(words)


def _demonym_of(ent: Ent, gazetteer: Gazetteer) -> str | None:
    """The adjective of the country a place span names ("France" -> "French"), or the
    nationality word a NORP span is, when it is a country's."""
    if ent.facet == "place":
        country = gazetteer.country_of(ent.value or ent.text)
        return demonym_for(country) if country else None
    if ent.label == "NORP" and country_for_demonym(ent.text):
        return ent.text
    return None
