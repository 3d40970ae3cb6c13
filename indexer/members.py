"""A body's members and officers as actors (error class 6 of issue 10, role mentions tied to
what the document names).

Members: "The European Union (EU) and its Member States reiterate ...", "the Council urged all
Member States to ...". Statements by international bodies speak for their member states as a
group; the mention is an actor tied to the body the document names before it, valued "EU
member states", "UN member states" (data `member_bodies`), so that a search for what the EU's
members did finds it and the UN's members stay apart. A capitalised "Member States" takes the
nearest body named before it; the lower-case "member states" only one written right before it
("EU member states", "the EU's member states"); with no such body the mention is left alone,
as no reader could tell whose members they are.

Officers: "The Secretary-General strongly condemns ...", '"The EU", said the High
Representative' (data `body_offices`). A body's statement names its officer by the bare
office; the mention is an actor valued "UN Secretary-General", "EU High Representative" after
the nearest body named before it. An office the document gives a named person is that
person's (rule `role` runs first), an office named generically ("elect the
Secretary-General") or of someone else ("the Secretary-General of NATO", "the High
Representative for Bosnia") is left alone, and with no body before it no value is made.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from indexer.roles import names_the_office
from indexer.rule_data import alternation, alternation_of, word_list
from indexer.spans import Ent, SpanIndex, overlaps

_MEMBERS = re.compile(r"\b(?:" + alternation("member_nouns") + r")\b")
#: body's value or known name -> its short name ("United Nations" -> "UN")
BODY_SHORT_NAMES = dict(entry.split(" = ") for entry in word_list("member_bodies"))
#: an office's every spelling -> the spelling of its value ("Secretary General" ->
#: "Secretary-General")
BODY_OFFICES = {spelling: line.split(" | ")[0] for line in word_list("body_offices")
                for spelling in line.split(" | ")}
#: "the Secretary-General" written bare: no name, "of" or "for" after it, no longer word
_OFFICE = re.compile(r"\b[Tt]he (" + alternation_of(BODY_OFFICES)
                     + r")\b(?!-\w| [A-Z]| of\b| for\b| to\b)")
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


def officer_mentions(text: str, ents: list[Ent]) -> list[Ent]:
    """The spans with each bare mention of a body's office ("the Secretary-General") made
    that body's officer's actor ("UN Secretary-General"); a span the model made of the
    mention alone gives way, a person's or any longer span keeps it."""
    matches = _bare_offices(text, ents)
    bodies = _bodies(ents) if matches else []
    found = [m for m in (_officer(match, bodies) for match in matches) if m] if bodies else []
    return _swapped(text, ents, found) if found else ents


def _bare_offices(text: str, ents: list[Ent]) -> list[re.Match]:
    """The bare offices that name their holder, not the office ("elect the
    Secretary-General"), and that no rule gave a named person (rule `role`)."""
    matches = [m for m in _OFFICE.finditer(text) if not names_the_office(text, m)]
    if not matches:
        return []
    held = SpanIndex([e for e in ents if e.rule in _PERSON_RULES])
    return [m for m in matches if not held.overlaps_range(m.start(1), m.end(1))]


#: the rules that tie an office's mention to the person holding it
_PERSON_RULES = frozenset({"role", "office"})


def _officer(match: re.Match, bodies: list[tuple[int, str]]) -> Ent | None:
    body = _body_before(bodies, match.start())
    if body is None:
        return None
    value = f"{body[1]} {BODY_OFFICES[match[1]]}"
    return Ent(match.start(1), match.end(1), match[1], "PERSON", facet="actor", value=value,
               rule="body-office", fixed=True)


def _body_before(bodies: list[tuple[int, str]], start: int) -> tuple[int, str] | None:
    """(end, short name) of the nearest body span ending before `start`, None if none does."""
    before = bisect_right(bodies, (start, "\uffff"))
    return bodies[before - 1] if before else None


def _bodies(ents: list[Ent]) -> list[tuple[int, str]]:
    """(end, short name) of every body span, in text order."""
    return sorted((e.end, short) for e in ents
                  if e.facet == "actor" and (short := _short_name(e)) is not None)


def _swapped(text: str, ents: list[Ent], found: list[Ent]) -> list[Ent]:
    """The spans without those that are only a found mention, plus the found mentions no
    other span overlaps (a longer name keeps its own: "EU Member States Forum")."""
    kept = [e for e in ents if not any(_only_the_mention(text, e, m) for m in found)]
    found = [m for m in found if not any(overlaps(e, m) for e in kept)]
    return kept + found if found else ents


def _short_name(ent: Ent) -> str | None:
    """The short name of a body span, None for any other actor."""
    return BODY_SHORT_NAMES.get(ent.known or "") or BODY_SHORT_NAMES.get(ent.value or "") \
        or BODY_SHORT_NAMES.get(ent.text)


def _mention(text: str, match: re.Match, bodies: list[tuple[int, str]]) -> Ent | None:
    """The members' mention of one match, tied to the body before it, or None."""
    body = _body_before(bodies, match.start())
    if body is None:
        return None
    end, short = body
    if match[0].islower() and not _RIGHT_AFTER.fullmatch(text, end, match.start()):
        return None
    return Ent(match.start(), match.end(), match[0], "ORG", facet="actor",
               value=f"{short} member states", rule="member", fixed=True)


def _only_the_mention(text: str, ent: Ent, mention: Ent) -> bool:
    """True for a span that is the mention, maybe after a determiner ("its Member States")."""
    if ent.end != mention.end or ent.start > mention.start:
        return False
    return not text[ent.start:mention.start] \
        or bool(_DETERMINER.fullmatch(text, ent.start, mention.start))

