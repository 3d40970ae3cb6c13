"""A country's capital named by its role (error class 2 of issue 10, places the model misses):
"Houthi rebels took the Yemeni capital by force", "protests in the Iranian capital",
"fighting reached Ukraine's capital". News writes the capital this way as often as by its
name; the mention is a place mention of that city (the gazetteer's capital of the country),
so a search filtered by Sanaa finds the report, under the document's own spelling when it
also names the city. Not when the name follows ("the Serbian capital Belgrade", "Tonga's
capital, Nukuʻalofa": the name is its own mention) or when "capital" is money ("the Chinese
capital markets"; data `capital_money_nouns`). "Ukraine's capital" leaves "Ukraine" its own
place mention, as "the US capital" does; the capital's mention is then the word "capital".
"""

from __future__ import annotations

import re

from indexer.countries import country_for_demonym
from indexer.gazetteer import Gazetteer
from indexer.rule_data import alternation
from indexer.spans import Ent, overlaps

_CAPITAL = re.compile(r"\b(?:[Tt]he (?P<demonym>[A-Z][\w.]*)|(?P<country>[A-Z][\w.]*(?: [A-Z][\w.]*)?)"
                      r"['’]s) (?P<capital>capital)\b(?!,? (?:city )?[A-Z])(?!-)"
                      r"(?! (?:" + alternation("capital_money_nouns") + r")\b)")


def capital_mentions(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[tuple[Ent, str]]:
    """(mention, the capital's name) for each capital named by its role that no longer span
    already covers; the caller values the mention as the capital's name."""
    if " capital" not in text:
        return []
    found = []
    for match in _CAPITAL.finditer(text):
        by_demonym, capital = _capital(match, gazetteer)
        start = match.start("demonym") if by_demonym else match.start("capital")
        mention = Ent(start, match.end(), text[start:match.end()], "GPE", facet="place",
                      rule="capital", fixed=True)
        if capital and not any(_covers(e, mention) for e in ents):
            found.append((mention, capital))
    return found


def _capital(match: re.Match, gazetteer: Gazetteer) -> tuple[bool, str | None]:
    """(whether a nationality names the country, the country's capital or None)."""
    demonym = match["demonym"] and country_for_demonym(match["demonym"])
    country = demonym or gazetteer.country_of(match["demonym"] or match["country"])
    return bool(demonym), gazetteer.capital_of(country) if country else None


def _covers(ent: Ent, mention: Ent) -> bool:
    """True for a span that holds more than the mention ("the Afghan capital Kabul")."""
    return overlaps(ent, mention) and ent.facet is not None \
        and (ent.start < mention.start or ent.end > mention.end)

