"""Groups the model missed (class 2, organisations missed): a capitalised name right before a
group's noun ("the pro-Hutu Nyatura group", "Houthi militants"; data `group_name_nouns`) that
no span covers names an armed group or a movement.
The name may hold a small word ("for", "of"). Not a name: a word English writes in lower case
as often as capitalised ("No group", "Neither group", "Unidentified militants"), a compound
adjective ("the al Qaeda-aligned group"), a nationality ("Kurdish militants": the `group`
rule's), or a place the gazetteer knows ("Idlib rebels": rebels in a place). A name whose plural
is a shipped well-known group's takes that group's name ("Houthi militants" → Houthis), so one
group is one value.

Parties the model missed are found the same way: a capitalised word before a party's
members' plural noun names the party ("Liberal Democrats gained three seats", "the Free
Democrats failed"; data `party_members`), unless the word is a determiner or a quantifier
("Other Republicans", "Fellow Democrats", "The Greens": `name_determiners`,
`member_determiners`).
"""

from __future__ import annotations

import re

from indexer.casing import is_name_word
from indexer.consistency import MEMBER_DETERMINERS
from indexer.countries import is_demonym
from indexer.gazetteer import Gazetteer
from indexer.phrases import COMPOUND_ADJECTIVE
from indexer.rule_data import alternation
from indexer.spans import Ent, SpanIndex
from indexer.watchlist import known_group_names

#: a capitalised name of up to four words (small words between them) and a group's noun
_NAMED_GROUP = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’-]*[ \t](?:(?:for|of|al|el)[ \t])?){0,3}"
                          r"[A-Z][\w'’-]*)[ \t]+(?:" + alternation("group_name_nouns")
                          + r")\b(?![-'’])")
#: the cheap gate: a group's noun somewhere in the text
_ANY_NOUN = re.compile(r"\b(?:" + alternation("group_name_nouns") + r")\b")


def named_groups(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Actor spans for the untagged names a group's noun follows."""
    if not _ANY_NOUN.search(text):
        return []
    taken = SpanIndex(ents)
    known = known_group_names()
    return [Ent(m.start(1), m.end(1), m.group(1), "ORG", facet="actor", rule="group-name",
                value=known.get(m.group(1).lower() + "s"), fixed=True)
            for m in _NAMED_GROUP.finditer(text)
            if not taken.overlaps_range(m.start(1), m.end(1)) and _group_name(m.group(1), gazetteer)]


def _group_name(name: str, gazetteer: Gazetteer) -> bool:
    """Words English writes capitalised (not "No", "Neither", "Unidentified"), no compound
    adjective ("al Qaeda-aligned"), nationality or known place."""
    words = [w for w in name.split() if w[:1].isupper()]
    return all(is_name_word(w) for w in words) and not COMPOUND_ADJECTIVE.search(name) \
        and not is_demonym(name) and gazetteer.lookup(name) is None



#: a capitalised word and a party's members' noun
_PARTY = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*[ \t])(?:" + alternation("party_members")
                    + r")\b(?![-'’])")


def party_names(text: str, ents: list[Ent]) -> list[Ent]:
    """The spans with the party names made of its members' noun, each in place of the
    unfixed spans inside it (the model tags "Liberal | Democrats" as a nationality's word)."""
    found = [party for party in _parties(text) if _free(party, ents)]
    if not found:
        return ents
    kept = [e for e in ents if not any(party.start <= e.start and e.end <= party.end for party in found)]
    return sorted(kept + found, key=lambda e: e.start)


def _parties(text: str) -> list[Ent]:
    """Party spans for a capitalised word and a members' noun, the word no determiner."""
    return [Ent(m.start(), m.end(), m.group(), "ORG", facet="actor", rule="party-name", fixed=True)
            for m in _PARTY.finditer(text) if m.group(1).strip().lower() not in MEMBER_DETERMINERS]


def _free(party: Ent, ents: list[Ent]) -> bool:
    """No span crosses the party's name, and none inside it is fixed by a rule."""
    return all(e.end <= party.start or e.start >= party.end
               or (party.start <= e.start and e.end <= party.end and not e.fixed) for e in ents)
