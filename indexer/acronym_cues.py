"""Organisations the model missed (class 2, recall): an acronym the model did not tag at all
that the words around it mark as a body - right after a noun that introduces one ("the
leftist guerrilla group ELN", "news agency NAN"; `org_cue_before`), or right before a group of
its people ("MONUSCO peacekeepers", "ELN fighters"; `collectives` and `member_nouns`), or in
brackets after a capitalised name that holds a body's word ("the United Nations Organization
Stabilization Mission in the ... Congo (MONUSCO)"; `body_endings` and `unit_words`; not
"Improvised Explosive Device (IED)"). Every untagged mention of such an acronym in the
document is then a mention of that organisation.
Places are never made so: an acronym the gazetteer knows ("US troops") is left alone, as are
acronyms of things the document defines in lower case (`thing-acronym` runs after).
"""

from __future__ import annotations

import re

from indexer.gazetteer import Gazetteer
from indexer.rule_data import alternation, body_endings, word_list
from indexer.spans import Ent, SpanIndex

#: an all-capital word of two to seven letters or digits, starting with a letter
_ACRONYM = re.compile(r"(?<![\w.&'’-])[A-Z][A-Z0-9]{1,6}(?![\w&'’-]|\.\w)")
#: a noun that introduces a body right before it ("group ELN", "the militia, HTS")
_CUE_BEFORE = re.compile(r"\b(?:" + alternation("org_cue_before") + "|"
                         + alternation("acronym_cue_nouns") + r"),?[ \t]+$")
#: a group of its people right after it ("MONUSCO peacekeepers", "ELN fighters")
_PEOPLE_AFTER = re.compile(r"[ \t]+(?:" + alternation("collectives") + "|"
                           + alternation("member_nouns") + "|"
                           + alternation("acronym_people_nouns") + r")\b")
#: a capitalised word or a small word an acronym's name may hold (`acronym_stop`)
_NAME_WORD = r"(?:[A-Z][\w'’-]*|" + alternation("acronym_stop") + ")"
#: the capitalised name right before a bracketed acronym, read back over its small words
_NAME_BEFORE_BRACKET = re.compile(rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,14}})[ \t]*\($")
#: words that make a capitalised name a body's
_BODY_WORDS = body_endings() | frozenset(word_list("unit_words")) \
    | frozenset(word_list("acronym_body_words"))


def cued_acronyms(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Actor spans for every untagged mention of an acronym cued as a body once."""
    taken = SpanIndex(ents)
    free = [m for m in _ACRONYM.finditer(text) if not taken.overlaps_range(m.start(), m.end())]
    cued = {m.group() for m in free if _cued(text, m)}
    cued = {name for name in cued if not gazetteer.lookup(name)}  # "US troops": a place
    return [Ent(m.start(), m.end(), m.group(), "ORG", facet="actor", rule="acronym-cue",
                fixed=True) for m in free if m.group() in cued]


def _cued(text: str, match: re.Match) -> bool:
    return bool(_CUE_BEFORE.search(text, max(0, match.start() - 30), match.start())
                or _PEOPLE_AFTER.match(text, match.end())) or _defines_a_body(text, match)


def _defines_a_body(text: str, match: re.Match) -> bool:
    """ "... Stabilization Mission in the ... Congo (MONUSCO)": in brackets after a body's
    name."""
    if text[match.end():match.end() + 1] != ")":
        return False
    name = _NAME_BEFORE_BRACKET.search(text, max(0, match.start() - 160), match.start())
    return bool(name) and any(word in _BODY_WORDS for word in name.group(1).split())

