"""Clubs named after their town (class 2, places as actors): "Southampton beat Everton 2-1",
"Caloundra defeated Wynnum 45 points to 24", "Wynnum coach Matt Myers". The model and the
gazetteer read such a name as the town; the words around it make it the side that plays.

A mention is a club's when a side's people follow it (`club_roles`: "Everton manager"), when a
game is named before it (`game_nouns`: "the cup final between Olympiacos and AEK"), or when a
result's verb links it to another name (`match_verbs`: "beat", "drew with", "vs") or a result
is named before it (`result_nouns`: "the victory of Olympiacos over AEK") and the sentence
gives a score ("2-1", "43–5", "45 points to 24"). Every mention of that name in
the document then becomes the club (an organisation): the document is a match report, and
one name stands for one thing in it. A country is never made a club: a national side is
scored and browsed as its country ("England beat Wales 2-0").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from indexer.gazetteer import Gazetteer
from indexer.rule_data import alternation
from indexer.spans import Ent, replace
from indexer.tense import sentence_bounds

#: a side's people right after a name, maybe after its possessive ("Everton's manager")
_ROLES = alternation("club_roles")
_GAMES = alternation("game_nouns")
_ROLE_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:" + _ROLES + r")\b(?![-'’])")
_VERB = r"(?:" + alternation("match_verbs") + r")"
#: a result's verb between this name and another capitalised one, either way round
_VERB_AFTER = re.compile(r"[ \t]+" + _VERB + r"[ \t]+[A-Z]")
_VERB_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*[ \t]+" + _VERB + r"[ \t]+$")
#: a result named before it ("the victory of Olympiacos over AEK, 3-0"): with a score
_RESULT_BEFORE = re.compile(r"\b(?:" + alternation("result_nouns") + r")[ \t]+$", re.I)
#: a game named before it ("the cup final between Olympiacos and AEK"): score or none
_GAME_BEFORE = re.compile(r"\b(?:" + _GAMES + r")[ \t]+$", re.I)
#: a game's score: "2-1", "43–5", "45 points to 24"
_GOALS = r"\d{1,3}[ \t]*[-–][ \t]*\d{1,3}"
_SCORE = re.compile(rf"(?<![\w.-]){_GOALS}(?![\w-]|\.\d)|\b\d{{1,3}} points? to \d{{1,3}}\b")
#: a span that ran on over the score ("Everton 2-1"): the name before it
_TRAILING_SCORE = re.compile(rf"[ \t]+{_GOALS}$")


#: a side's people, a named game, a score's digits anywhere in the text: the gates that
#: spare the per-mention tests in the documents (most) that hold none of them. Each finds a
#: little more than its exact pattern (no word bounds; the words are lower case and searched
#: in the lower-cased text, as a case-blind pattern is several times slower), never less.
_ANY_ROLE = re.compile(r"(?:" + _ROLES + r")")
_ANY_GAME = re.compile(r"(?:" + _GAMES + r")")
_ANY_SCORE = re.compile(r"\d[ \t]*[-–][ \t]*\d|\d points? to")


class _Cues(NamedTuple):
    """Which kinds of a game's words the document holds at all."""

    roles: bool
    games: bool
    scores: bool


def sports_clubs(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """The spans with every mention of a club named after a town made that club."""
    lower = text.lower()
    cues = _Cues(bool(_ANY_ROLE.search(lower)), bool(_ANY_GAME.search(lower)),
                 bool(_ANY_SCORE.search(text)) and bool(_SCORE.search(text)))
    if not any(cues):
        return ents
    if cues.scores:
        ents = [_without_score(e) for e in ents]
    clubs = _clubs(text, ents, gazetteer, cues)
    if not clubs:
        return ents
    return [_as_club(e) if e.text in clubs and e.facet == "place" else e for e in ents]


def _clubs(text: str, ents: list[Ent], gazetteer: Gazetteer, cues: _Cues) -> set[str]:
    """The names with a mention a game's words mark as a side's (no country's name)."""
    named = {e.text for e in ents
             if e.facet in ("place", "actor") and _club_mention(text, e, cues)}
    return {name for name in named if gazetteer.country_of(name) is None}


def _as_club(ent: Ent) -> Ent:
    return replace(ent, label="ORG", facet="actor", value=None, country=None, fixed=True,
                   rule="sports-club")


def _without_score(ent: Ent) -> Ent:
    """ "Everton 2-1" -> "Everton" (no facet yet: the shape rule dropped the span)."""
    match = _TRAILING_SCORE.search(ent.text)
    if not match or ent.label not in ("PERSON", "ORG", "GPE"):
        return ent
    name = ent.text[:match.start()]
    return replace(ent, end=ent.start + len(name), text=name, label="ORG", facet="actor",
                   value=None, rule="sports-club")


def _club_mention(text: str, ent: Ent, cues: _Cues) -> bool:
    before = max(0, ent.start - 40)
    if (cues.roles and _ROLE_AFTER.match(text, ent.end)) \
            or (cues.games and _GAME_BEFORE.search(text, before, ent.start)):
        return True
    return cues.scores and _linked(text, ent, before) \
        and bool(_SCORE.search(text, *sentence_bounds(text, ent.start, ent.end)))


def _linked(text: str, ent: Ent, before: int) -> bool:
    """A result's verb or noun links the name to another side."""
    return bool(_VERB_AFTER.match(text, ent.end) or _VERB_BEFORE.search(text, before, ent.start)
                or _RESULT_BEFORE.search(text, before, ent.start))
