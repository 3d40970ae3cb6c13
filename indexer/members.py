"""A body's members as one actor (error class 6 of issue 10, role mentions tied to what the
document names): "The European Union (EU) and its Member States reiterate ...", "the Council
urged all Member States to ...". Statements by international bodies speak for their member
states as a group; the mention is an actor tied to the body the document names before it,
valued "EU member states", "UN member states" (data `member_bodies`), so that a search for
what the EU's members did finds it and the UN's members stay apart. A capitalised "Member
States" takes the nearest body named before it; the lower-case "member states" only one
written right before it ("EU member states", "the EU's member states"); with no such body
the mention is left alone, as no reader could tell whose members they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from indexer.rule_data import alternation, word_list
from indexer.spans import Ent, overlaps

_MEMBERS = re.compile(r"\b(?:" + alternation("member_nouns") + r")\b")
#: body's value or known name -> the members' value
BODY_MEMBERS = dict(entry.split(" = ") for entry in word_list("member_bodies"))
#: what may stand between a body and its lower-case members: "EU member states", "the EU's
#: member states", "the 27 EU member states"
_RIGHT_AFTER = re.compile(r"(?:['’]s)?\s+$")
#: a determiner the model puts into its span of the members ("the Member States")
_DETERMINER = re.compile(r"(?:[Tt]he|[Ii]ts|[Aa]ll|[Oo]ur|[Tt]heir)\s+")


def member_mentions(text: str, ents: list[Ent]) -> list[Ent]:
    """The spans with each mention of a body's members made that body's members' actor;
    a span the model made of the mention alone (its "the Member States", a place) gives way."""
    if "ember" not in text:  # every member noun has it: the cheap test before the scan
        return ents
    bodies = _bodies(ents)
    if not bodies:
        return ents
    found = [m for m in (_mention(text, match, bodies) for match in _MEMBERS.finditer(text)) if m]
    return _swapped(text, ents, found) if found else ents


def _bodies(ents: list[Ent]) -> list[tuple[int, str]]:
    """(end, members' value) of every body span, in text order."""
    return sorted((e.end, members) for e in ents
                  if e.facet == "actor" and (members := _members_of(e)) is not None)


def _swapped(text: str, ents: list[Ent], found: list[Ent]) -> list[Ent]:
    """The spans without those that are only a found mention, plus the found mentions no
    other span overlaps (a longer name keeps its own: "EU Member States Forum")."""
    kept = [e for e in ents if not any(_only_the_mention(text, e, m) for m in found)]
    found = [m for m in found if not any(overlaps(e, m) for e in kept)]
    return kept + found if found else ents


def _members_of(ent: Ent) -> str | None:
    """The members' value of a body span, None for any other actor."""
    return BODY_MEMBERS.get(ent.known or "") or BODY_MEMBERS.get(ent.value or "") \
        or BODY_MEMBERS.get(ent.text)


def _mention(text: str, match: re.Match, bodies: list[tuple[int, str]]) -> Ent | None:
    """The members' mention of one match, tied to the body before it, or None."""
    before = bisect_right(bodies, (match.start(), "\uffff"))
    if not before:
        return None
    end, members = bodies[before - 1]
    if match[0].islower() and not _RIGHT_AFTER.fullmatch(text, end, match.start()):
        return None
    return Ent(match.start(), match.end(), match[0], "ORG", facet="actor", value=members,
               rule="member", fixed=True)


def _only_the_mention(text: str, ent: Ent, mention: Ent) -> bool:
    """True for a span that is the mention, maybe after a determiner ("its Member States")."""
    if ent.end != mention.end or ent.start > mention.start:
        return False
    return not text[ent.start:mention.start] \
        or bool(_DETERMINER.fullmatch(text, ent.start, mention.start))

