"""A surname the model took for a place (class 2 the other way, people as places): "Besana
confirmed a soldier was killed ... Three fighters were also killed, Besana said." A one-word
name tagged a place that the gazetteer does not know, or knows only as a small town, and
whose every mention, two or more, speaks (right before a verb of speech, data
`speech_verbs`, or right after "said" and the like) is a person's name: towns do not
speak, and a capital or a country that does is its government (`capital_actors`), which
this leaves alone.
"""

from __future__ import annotations

import re
from collections import defaultdict

from indexer.consistency import open_mention
from indexer.gazetteer import Gazetteer, is_small_town
from indexer.rule_data import alternation
from indexer.spans import Ent, replace

#: a verb of speech right after a name ("Besana said", "Besana confirmed")
_SPEAKS = re.compile(r"[ \t]+(?:" + alternation("speech_verbs") + r")\b")
#: the name right after a verb of speech ("..., said Besana.")
_SPOKEN_BY = re.compile(r"\b(?:" + alternation("speech_verbs_before") + r")[ \t]+$")
#: how many mentions make a habit: one speaking town may be a slip of the writer's
_MENTIONS = 2


def speaking_surnames(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """The spans with each speaking one-word "place" (see the module) made a person."""
    chosen = {i for name, found in _one_word_places(ents).items()
              if _speaking_name(text, ents, name, found, gazetteer) for i in found}
    if not chosen:
        return ents
    return [replace(e, label="PERSON", facet="actor", value=None, country=None,
                    rule="speaker") if i in chosen else e for i, e in enumerate(ents)]


def _one_word_places(ents: list[Ent]) -> dict[str, list[int]]:
    """The indices of each one-word name's open place mentions."""
    mentions: dict[str, list[int]] = defaultdict(list)
    for i, ent in enumerate(ents):
        if ent.facet == "place" and open_mention(ent) and ent.text.isalpha() \
                and ent.text[:1].isupper() and not ent.text.isupper():
            mentions[ent.text].append(i)
    return mentions


def _speaking_name(text: str, ents: list[Ent], name: str, found: list[int],
                   gazetteer: Gazetteer) -> bool:
    """Two mentions or more, a name no well-known place has, every mention speaking."""
    return len(found) >= _MENTIONS and _unknown_or_small(name, gazetteer) \
        and all(_speaks(text, ents[i]) for i in found)


def _unknown_or_small(name: str, gazetteer: Gazetteer) -> bool:
    """The gazetteer does not know the name, or knows it only as a small town."""
    place = gazetteer.lookup(name)
    return place is None or is_small_town(place)


def _speaks(text: str, ent: Ent) -> bool:
    """The mention is the subject ("Besana said") or the speaker after the verb ("said
    Besana")."""
    return bool(_SPEAKS.match(text, ent.end)
                or _SPOKEN_BY.search(text, max(0, ent.start - 12), ent.start))
