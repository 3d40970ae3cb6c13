"""Organisations the model missed (class 2, recall): an acronym the model did not tag at all
that the words around it mark as a body - right after a noun that introduces one ("the
leftist guerrilla group ELN", "news agency NAN"; `org_cue_before`), or right before a group of
its people ("MONUSCO peacekeepers", "ELN fighters"; `collectives` and `member_nouns`), or in
brackets after a capitalised name that holds a body's word ("the United Nations Organization
Stabilization Mission in the ... Congo (MONUSCO)"; `body_endings` and `unit_words`; not
"Improvised Explosive Device (IED)"). Every untagged mention of such an acronym in the
document is then a mention of that organisation.
Places are never made so: an acronym the gazetteer knows ("US troops") is left alone.

Two rules more read acronyms here. `bare-acronym` takes the untagged acronyms no cue marks: in
news and statements such a word names a body far more often than anything else ("the SMM
recorded", "ECOWAS said"), so it is an actor unless the document defines it by a thing's or a
role's words or it stands in a heading, a dateline, a label, an amount or a handle (see
`bare_acronyms`). `dotted-acronym` makes a body of a place span written as a dotted acronym the
place table does not know ("the F.B.I.", "O.A.S.").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from indexer.consistency import open_mention
from indexer.gazetteer import DOTTED_ACRONYM, Gazetteer
from indexer.names import VESSEL_PREFIXES
from indexer.rule_data import alternation, body_endings, word_list
from indexer.shapes import counted
from indexer.spans import Ent, SpanIndex, replace

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


def people_after(text: str, end: int) -> bool:
    """A group of a body's people right after a name ("M23 rebels", "ELN fighters")."""
    return bool(_PEOPLE_AFTER.match(text, end))


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


#: an all-capital word right before another (a heading or dateline in capitals: "SOUTHWEST
#: ASIA", "RIO DE JANEIRO")
_CAPITALS_BEFORE = re.compile(r"[A-Z]{2,}[ \t]+$")
_CAPITALS_AFTER = re.compile(r"[ \t]+[A-Z]{2,}\b")
#: what follows a line's first word when it is a dateline's place ("KABUL, Afghanistan",
#: "SANAA -") or a speaker's label ("ANSWER:", "((WSS))")
_LABEL_AFTER = re.compile(r"[ \t]*(?:[,:(]|[-–—]|\)\))")
#: an amount after a currency's code ("CDN$11,000", "USD 26.95"), or a handle's or a pair's
#: other half right after the word ("KN@PPSTER", "CHAZ/CHOP")
_AMOUNT_AFTER = re.compile(r"\$|[ \t]?\d[\d,]*[.,]\d")
_JOINED = frozenset("@/")
#: Roman numerals ("Pope Pius XII", "World War II")
_ROMAN = re.compile(r"[IVXLCDM]+")
#: roles written as acronyms ("the CEO": the role rules' business) and ships' prefixes ("HMS
#: Diamond": the vessel's), no bodies
_NO_BODY_ACRONYMS = frozenset(w.lower() for w in (*word_list("maker_roles"), *VESSEL_PREFIXES))
#: a hull or model designation's code: "USS Hopper (DDG 70)"
_DESIGNATION = re.compile(r"[ -]?\d+\)")
#: the definition in brackets right after an acronym: "the ELN (National Liberation Army)"
_DEFINITION_AFTER = re.compile(r"[ \t]*[(\[]([^()\[\]\n]{3,120})[)\]]")


def bare_acronyms(text: str, ents: list[Ent], gazetteer: Gazetteer,
                  is_no_name: Callable[[str], bool]) -> list[Ent]:
    """Actor spans for the untagged acronyms of the running text that no cue marks: an
    all-capital word of three to seven letters in a sentence names a body far more often than
    anything else ("ECOWAS said", "the SMM recorded"). Left alone: acronyms the document
    defines (in brackets either way: the definition says what they are, and `acronym-cue`
    has taken those it makes bodies), places the gazetteer knows, words the document also
    writes in lower case, Roman numerals, roles ("CEO"), non-names (`is_no_name`: time
    zones, diseases), things only ever counted ("3 VBIED", "1 VBIED", as `shapes.units`
    drops the model's spans of units), and capitals in a heading, a dateline or a speaker's
    label. The text is read a fixed number of times however many acronyms it holds."""
    taken = SpanIndex(ents)
    found = [m for m in _ACRONYM.finditer(text) if _in_running_text(text, m, taken)]
    names = {m.group() for m in found}
    if not names:
        return []
    lower_words = set(_LOWER_WORD.findall(text))
    definitions = _definitions(text, names)
    names = {n for n in names if _bare_name(n, gazetteer, is_no_name, lower_words)
             and not _defined_otherwise(definitions.get(n))} \
        - _counted_only(text, found)
    return [Ent(m.start(), m.end(), m.group(), "ORG", facet="actor", rule="bare-acronym",
                fixed=True) for m in found if m.group() in names]


def _counted_only(text: str, found: list[re.Match]) -> set[str]:
    """The acronyms every bare mention of which is counted ("3 VBIED", "1 VBIED"): things."""
    seen: dict[str, bool] = {}
    for m in found:
        seen[m.group()] = seen.get(m.group(), True) and counted(text, m.start(), m.end())
    return {name for name, only in seen.items() if only}


def outvoted_places(found: list[Ent], ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """One entity, one facet: an acronym found bare as a body more often than the model
    called it a place ("The MPLA remains in power ... For the MPLA" beside one "MPLA" tagged
    a place) is the body at those mentions too, unless the gazetteer knows it as a place."""
    flipped = _outvoted(Counter(f.text for f in found), ents, gazetteer)
    if not flipped:
        return ents
    return [replace(e, label="ORG", facet="actor", value=None, rule="bare-acronym", fixed=True)
            if e.text in flipped and _open_place(e) else e for e in ents]


def _outvoted(bare: Counter, ents: list[Ent], gazetteer: Gazetteer) -> set[str]:
    """The acronyms found bare more often than the model called them places."""
    placed = Counter(e.text for e in ents if _open_place(e) and e.text in bare)
    return {name for name, n in placed.items() if bare[name] > n and gazetteer.lookup(name) is None}


def _open_place(ent: Ent) -> bool:
    return ent.facet == "place" and open_mention(ent)


def _in_running_text(text: str, match: re.Match, taken: SpanIndex) -> bool:
    """An untagged all-letter acronym of three or more letters outside headings, datelines,
    labels, hull codes ("(DDG 70)"), amounts and handles."""
    word, (start, end) = match.group(), match.span()
    return len(word) > 2 and word.isalpha() and not taken.overlaps_range(start, end) \
        and not _in_capitals(text, match) and not _in_a_token(text, start, end) \
        and not (text[start - 1:start] == "(" and _DESIGNATION.match(text, end))


def _in_a_token(text: str, start: int, end: int) -> bool:
    """A currency's code before its amount, or part of a handle or a slashed pair."""
    return bool(_AMOUNT_AFTER.match(text, end)) or text[start - 1:start] in _JOINED \
        or text[end:end + 1] in _JOINED


def _bare_name(name: str, gazetteer: Gazetteer, is_no_name: Callable[[str], bool],
               lower_words: set[str]) -> bool:
    return not (_ROMAN.fullmatch(name) or name.lower() in _NO_BODY_ACRONYMS
                or gazetteer.lookup(name) or is_no_name(name) or name.lower() in lower_words)


#: a word in lower case letters; an all-capital word; one in brackets
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_CAPITAL_WORD = re.compile(r"\b[A-Z]+\b")
_BRACKETED = re.compile(r"[(\[]([A-Z]+)[)\]]")


def _definitions(text: str, names: set[str]) -> dict[str, list[str]]:
    """The definitions the document gives the names, in brackets after their words ("Red Hat
    Enterprise Linux (RHEL)") or with their words in brackets after them ("JIT
    [Just-in-time]")."""
    found: dict[str, list[str]] = {}
    for match in _CAPITAL_WORD.finditer(text):
        after = _DEFINITION_AFTER.match(text, match.end()) if match.group() in names else None
        if after:
            found.setdefault(match.group(), []).append(after.group(1))
    for bracket in _BRACKETED.finditer(text):
        if bracket.group(1) in names:
            before = _NAME_BEFORE_BRACKET.search(text + "(", max(0, bracket.start() - 160),
                                                 bracket.start() + 1)
            found.setdefault(bracket.group(1), []).append(before.group(1) if before else "")
    return found


def _defined_otherwise(definitions: list[str] | None) -> bool:
    """True when the document defines the acronym and no definition holds a body's word
    ("the ELN (National Liberation Army)" is one)."""
    return bool(definitions) and not any(
        word in _BODY_WORDS for definition in definitions for word in definition.split())


def _in_capitals(text: str, match: re.Match) -> bool:
    """True when the word stands among capitals (a heading, a dateline) or opens its line
    before a comma, colon, dash or bracket (a dateline's place, a speaker's label)."""
    start, end = match.span()
    return bool(_CAPITALS_BEFORE.search(text, max(0, start - 20), start)
                or _CAPITALS_AFTER.match(text, end)
                or (_opens_line(text, start) and _LABEL_AFTER.match(text, end)))


def _opens_line(text: str, start: int) -> bool:
    """Only blanks and brackets stand between the line's start and `start` (read back from
    `start`, so a long line costs nothing)."""
    at = start
    while at > 0 and text[at - 1] in " \t(":
        at -= 1
    return at == 0 or text[at - 1] == "\n"


#: the shortest dotted acronym `dotted-acronym` reads as a body: three letters ("F.B.I."; "B.C."
#: is a province)
_DOTTED_BODY_LENGTH = len("F.B.I.")


def dotted_bodies(ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """A place span that is an acronym of three or more letters written with full stops and
    that the gazetteer does not know is a body ("the F.B.I.", "O.A.S." tagged places): places
    so abbreviated are the place table's aliases ("U.S.A.", "U.A.E.", "N.S.W.")."""
    return [replace(e, label="ORG", facet="actor", value=None, rule="dotted-acronym")
            if e.facet == "place" and not e.fixed and len(e.text) >= _DOTTED_BODY_LENGTH
            and DOTTED_ACRONYM.fullmatch(e.text)
            and gazetteer.lookup(e.text) is None else e for e in ents]
