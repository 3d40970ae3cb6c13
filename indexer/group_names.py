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

Bodies the model left untagged altogether are found by their last word: two to five
capitalised words (maybe joined by "and", "of", "for", "&") ending in a body's word name it
("A Scottish Fire and Rescue Service spokesperson", "South Ribble Council", "the Lahore High
Court"; data `body_name_endings` with the organisation endings). Leading determiners are no
part of it, and one word left is no name ("The Government", "No Coalition"); nor is a phrase
whose body word follows a small word ("Denial of Service"), a name that goes on after the
body word ("US Department of Defense", "Task Force 50"), or a kind after "a" ("a Hybrid
Organization").
"""

from __future__ import annotations

import re

from indexer.casing import is_name_word
from indexer.consistency import MEMBER_DETERMINERS
from indexer.countries import is_demonym
from indexer.gazetteer import Gazetteer
from indexer.phrases import COMPOUND_ADJECTIVE
from indexer.rule_data import alternation, alternation_of, body_endings, word_list
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
    return _claimed(_parties(text), ents)


def missed_bodies(text: str, ents: list[Ent]) -> list[Ent]:
    """Actor spans for the untagged bodies' names found by their last word."""
    if not _ANY_BODY_END.search(text):
        return []
    taken = SpanIndex(ents)
    return [body for body in _bodies(text) if not taken.overlaps_range(body.start, body.end)]


def _claimed(found: list[Ent], ents: list[Ent]) -> list[Ent]:
    """`ents` with each found span that no span crosses, in place of the unfixed ones inside."""
    found = [span for span in found if _free(span, ents)]
    if not found:
        return ents
    kept = [e for e in ents if not any(span.start <= e.start and e.end <= span.end for span in found)]
    return sorted(kept + found, key=lambda e: e.start)


def _parties(text: str) -> list[Ent]:
    """Party spans for a capitalised word and a members' noun, the word no determiner."""
    return [Ent(m.start(), m.end(), m.group(), "ORG", facet="actor", rule="party-name", fixed=True)
            for m in _PARTY.finditer(text) if m.group(1).strip().lower() not in MEMBER_DETERMINERS]


def _free(party: Ent, ents: list[Ent]) -> bool:
    """No span crosses the party's name, and none inside it is fixed by a rule."""
    return all(e.end <= party.start or e.start >= party.end
               or (party.start <= e.start and e.end <= party.end and not e.fixed) for e in ents)


_BODY_ENDS = alternation_of((body_endings() | frozenset(word_list("body_name_endings")))
                            - frozenset(word_list("body_name_excluded_endings")), escape=False)
_BODY_WORD = r"[A-Z][\w'’&-]*"
#: two to five capitalised words, small joining words between them, the last a body's word
_BODY = re.compile(r"(?<![\w'’.-])((?:" + _BODY_WORD + r"[ \t](?:(?:and|of|for|&)[ \t])?){1,4}(?:"
                   + _BODY_ENDS + r"))\b(?![-'’])")
#: the cheap gate: a body's last word anywhere
_ANY_BODY_END = re.compile(r"\b(?:" + _BODY_ENDS + r")\b")


#: the name goes on after its body word ("Department of Defense", "Task Force 50", "Acting
#: Department Spokesperson"): it is no name's end
_GOES_ON = re.compile(r"[ \t]+(?:(?:of|for)[ \t]+(?:the[ \t]+)?)?[A-Z0-9]")
#: ... or began before what was found: a capitalised word or a bracket ("Tokyo Stock Exchange
#: (TSE) Group Inc.", "the [Iranian] Chess Federation")
_CAME_BEFORE = re.compile(r"(?:[)\]]|\b[A-Z][\w'’.-]*)[ \t]+$")
#: "a Hybrid Organization": a kind of body, no name
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?[ \t]+$")


def _a_kind(text: str, start: int, words: list[str]) -> bool:
    """After "a", words all of which English also writes in lower case name a kind of body
    ("a Hybrid Organization"); a name word makes it one body ("A Scottish Fire and Rescue
    Service spokesperson")."""
    return bool(_INDEFINITE_BEFORE.search(text, max(0, start - 4), start)) \
        and not any(map(is_name_word, words[:-1]))


def _bodies(text: str) -> list[Ent]:
    """Body spans for the names a body's word ends (see the module docstring)."""
    out = []
    for match in _BODY.finditer(text):
        start = _after_determiners(text, match)
        words = text[start:match.end(1)].split()
        if len(words) >= 2 and words[-2][:1].isupper() and not _GOES_ON.match(text, match.end(1)) \
                and not _CAME_BEFORE.search(text, max(0, match.start(1) - 40), match.start(1)) \
                and not _a_kind(text, start, words):
            out.append(Ent(start, match.end(1), text[start:match.end(1)], "ORG", facet="actor",
                           rule="body-name", fixed=True))
    return out


def _after_determiners(text: str, match: re.Match) -> int:
    """Where a name starts once its leading determiners ("The", "A", "No") are cut."""
    start = match.start(1)
    for word in _WORDS.finditer(text, start, match.end(1)):
        if word.group().lower() not in MEMBER_DETERMINERS:
            return word.start()
    return match.end(1)


_WORDS = re.compile(r"\S+")
