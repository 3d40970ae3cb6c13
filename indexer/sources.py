"""Sources the model misses (error class: actors lost): news writes who it quotes and whom a
speaker talks to after fixed words, "told The Verge", "according to WSET-TV", "as quoted by
Greek Reporter", "in remarks to UOL.com.br", "published in PLoS One". The model often leaves
such names untagged (small outlets, web domains, journals) or tags only a nationality inside
them ("Greek"). A capitalised name right after such a cue (data `source_cues`) that no facet
span covers becomes an actor, unless it is a place the gazetteer knows ("according to
Turkey" stays Turkey's place), ends in a nationality ("told French media") or is one word
English writes mainly in lower case ("published in Nature"). A name the model already tagged
("told Reuters") keeps its own span. The spans are open: the later rules (shape, common
words) may still drop them.

An outlet named by its web address is a source wherever it stands ("News.Az reports",
"(STL.News)", "REPUBLIKA.CO.ID, DAMASCUS --"): a capitalised name, a dot and a generic or a
country's ending (data `outlet_domain_endings`, `outlet_country_codes`); these spans are
fixed, since a web address names no place.
"""

from __future__ import annotations

import re

from indexer.casing import is_lower_case_word
from indexer.countries import is_demonym
from indexer.gazetteer import Gazetteer
from indexer.rule_data import alternation
from indexer.spans import Ent, with_found

#: a name's word: capitalised, dots only inside ("UOL.com.br", not a sentence's full stop)
_WORD = r"[A-Z][\w'’&]*(?:[.-][\w'’&]+)*"
_SOURCE = re.compile(r"\b(?:" + alternation("source_cues") + r")[ \t]+(?:[Tt]he[ \t]+)?"
                     rf"({_WORD}(?:[ \t]+(?:of[ \t]+)?{_WORD}){{0,4}})(?![\w-])")


#: an outlet named by its web address, anywhere in the text: a capitalised name, a dot and
#: a generic ending, or a country's after a generic second level or a name of four letters
#: or more; not inside a longer address, a path or an e-mail ("News.Az reports",
#: "(STL.News)", "REPUBLIKA.CO.ID, DAMASCUS"; not "Dr.Ng" or "Jan.In", spaces missed)
_CODES = alternation("outlet_country_codes")
_OUTLET_DOMAIN = re.compile(
    r"(?<![\w@/.:-])([A-Z](?:[\w-]{1,40}\.(?i:" + alternation("outlet_domain_endings")
    + r")|[\w-]{1,40}\.(?i:co|com|gov|org|net|ac)\.(?i:" + _CODES + r")|[\w-]{3,40}\.(?i:"
    + _CODES + r")))(?![\w/@-]|\.\w)")


def missed_sources(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """The spans with an actor for each uncovered source name after a cue or outlet named by
    its web address; spans without a facet inside it (the model's "Greek" of "Greek
    Reporter") give way."""
    found = [Ent(m.start(1), m.end(1), m[1], "ORG", facet="actor", rule="source")
             for m in _SOURCE.finditer(text) if _source_name(m[1], gazetteer)]
    found += _outlet_addresses(text, {(s.start, s.end) for s in found})
    found = [s for s in found if not any(_blocks(e, s) for e in ents)]
    return with_found(ents, found) if found else ents


def _outlet_addresses(text: str, cued: set[tuple[int, int]]) -> list[Ent]:
    """Outlets named by their web address, but those a cue found already; fixed: a web
    address names no place, whatever names are listed before it."""
    return [Ent(m.start(1), m.end(1), m[1], "ORG", facet="actor", rule="source", fixed=True)
            for m in _OUTLET_DOMAIN.finditer(text) if m.span(1) not in cued]


def _source_name(name: str, gazetteer: Gazetteer) -> bool:
    """A name that can be a source: no known place, no nationality ("told French media",
    "according to West European sources"), no one common word."""
    words = name.split()
    if is_demonym(words[-1]) or len(words) == 1 and is_lower_case_word(name):
        return False
    return gazetteer.lookup(name) is None


def _blocks(ent: Ent, source: Ent) -> bool:
    """True for a span that overlaps the source and has a facet, or reaches outside it."""
    if ent.end <= source.start or source.end <= ent.start:
        return False
    return ent.facet is not None or ent.start < source.start or ent.end > source.end
