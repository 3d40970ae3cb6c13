"""A capital standing for its country's government (error class 6 of issue 10, mentions tied
to the body they mean): "New Delhi on Sunday rejected Islamabad's statement", "Pyongyang also
staged eight rounds of artillery fire", "Athens expelled the Libyan ambassador", "Kampala and
Kinshasa launched a joint offensive". News names a government by its seat when the government
acts; such a mention is an actor mention of the country's government, with the value that
government has everywhere (`names.national_body`: "Indian Government", as "the Indian
government" gets), so that one body keeps one value. Only the gazetteer's capital of the
country the mention is placed in, right before a verb of a government's act (data
`government_act_verbs`, maybe after "also" or "has", `government_act_fillers`, "on Sunday" or
an adverb: "Seoul had partially suspended"), with its possessive before a noun of such an act
("Pyongyang's launch", data `government_act_nouns`), or after a verb that acts on a
government, its complement following ("accuse Kiev of seeking", data
`government_object_verbs`), after a government's act or a measure against one and its
preposition ("an apology from Tokyo", "sanctions on Moscow", data `government_act_nouns_from`,
`government_pressure_nouns`), in a relation between governments ("relations between Addis
Ababa and Cairo", "ties with Tokyo", data `relation_nouns`), and a capital listed with such a
one ("Kampala and Kinshasa launched"); after a preposition only as an act's owner, after an
act's or a measure's noun or in a relation ("reports from Damascus said", "talks in Damascus
and Tehran agreed" name the city). The city in any other sentence ("Kabul was rocked by
blasts", "in Kabul, officials said") stays the place.
"""

from __future__ import annotations

import re

from indexer.gazetteer import Gazetteer, place_key
from indexer.names import national_body
from indexer.rule_data import alternation
from indexer.spans import Ent, replace

#: what may stand between the capital and its verb: "also", "has", "on Sunday", an adverb
#: ("Seoul had partially suspended")
_BETWEEN = (r"(?:[ \t]+(?:" + alternation("government_act_fillers")
            + r"|on[ \t]+[A-Z][a-z]+day|[a-z]{3,}ly))*")
#: the capital is the subject of a government's act ("Beijing slapped")
_ACTS = re.compile(_BETWEEN + r"[ \t]+(?:" + alternation("government_act_verbs") + r")\b")
#: its possessive owns one ("Pyongyang's launch", "Islamabad's "preposterous statement"",
#: "Pyongyang's nuclear and missile threats")
_OWNS_ACT = re.compile(r"['’]s[ \t]+[\"“]?(?:[a-z]+[ \t]+(?:and[ \t]+[a-z]+[ \t]+)?)?(?:"
                       + alternation("government_act_nouns") + r")\b")
#: "Kampala and Kinshasa launched": a capital listed before another that acts
_AND = re.compile(r"[ \t]+and[ \t]+")
#: "accuse Kiev of", "urged Ankara to", "blame Kiev.": a verb acting on a government before
#: the capital, a preposition of its complement (maybe after another capital listed with
#: "and": "urging Belgrade and Pristina to"), ", which" or the sentence's end after it
_OBJECT_BEFORE = re.compile(r"\b(?:" + alternation("government_object_verbs") + r")[ \t]+$")
_OBJECT_AFTER = re.compile(r"(?:[ \t]+and[ \t]+[A-Z][\w'’-]*)?[ \t]+(?:of|to|for)\b|[.;]"
                           r"|,[ \t]+which\b")
#: "was later denied by Moscow": a government's act in the passive, its agent after "by"
_AGENT_BEFORE = re.compile(r"\b(?:" + alternation("government_act_verbs") + r")[ \t]+by[ \t]+$")
#: "a request for Washington to follow through": the subject of an infinitive after "for"
_FOR_BEFORE = re.compile(r"\bfor[ \t]+$")
_INFINITIVE_AFTER = re.compile(r"[ \t]+to[ \t]+[a-z]")
#: "relations between Addis Ababa and Cairo", "mend ties with Tokyo": a relation between
#: governments (data `relation_nouns`), "between" or "with", then the capital
_RELATION_BEFORE = re.compile(r"\b(?:" + alternation("relation_nouns") + r")[ \t]+(?:between|with)"
                              r"[ \t]+$", re.I)
#: "an apology from Tokyo", "a decision by Ankara", "sanctions on Moscow": a government's act
#: or a measure against one, then the preposition and the capital
_ACT_NOUN_BEFORE = re.compile(r"\b(?:(?:" + alternation("government_act_nouns_from")
                              + r")[ \t]+(?:from|by)|(?:" + alternation("government_pressure_nouns")
                              + r")[ \t]+on)[ \t]+$", re.I)
#: what follows the capital after such a noun: the other party after "and", punctuation or
#: a preposition ("ties with Tokyo over ..."), not a noun it modifies ("Damascus residents")
_UNMODIFIED_AFTER = re.compile(r"[ \t]+and[ \t]|[ \t]*(?:[,.;:)]|$)|[ \t]+(?:over|on|in|amid|after"
                               r"|since|as|for|at|to|have|has|had|were|was|are|is)\b")
#: a preposition before the capital: the place is meant, the verb has another subject ("reports
#: from Damascus said", "talks in Damascus and Tehran agreed")
_PREPOSITION_BEFORE = re.compile(r"\b(?:" + alternation("locative_prepositions") + r")\s+$",
                                 re.I)


def capital_governments(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """The spans with each acting capital's mention made its government's."""
    acting = _acting(text, ents, [i for i, e in enumerate(ents) if _capital_mention(e, gazetteer)])
    if not acting:
        return ents
    return [_government(e, gazetteer) if i in acting else e for i, e in enumerate(ents)]


def _acting(text: str, ents: list[Ent], capitals: list[int]) -> set[int]:
    """The capitals (indices) that act as their government (after a preposition, only in a
    relation, an act's or a measure's phrase, or owning an act), and those listed with them."""
    related = {i for i in capitals if _related(text, ents[i])}
    capitals = [i for i in capitals
                if not _PREPOSITION_BEFORE.search(text, max(0, ents[i].start - 12), ents[i].start)]
    acting = related | {i for i in capitals if _acts(text, ents[i])}
    return acting | {i for i in capitals for j in acting if _listed_together(text, ents[i], ents[j])}


def _related(text: str, ent: Ent) -> bool:
    """After a preposition too: the capital owns a government's act ("aimed at Pyongyang's
    nuclear and missile threats"), makes one or suffers a measure ("an apology from Tokyo",
    "sanctions on Moscow"), or stands in a relation between governments ("relations between
    Addis Ababa and Cairo", "ties with Tokyo")."""
    if _OWNS_ACT.match(text, ent.end):
        return True
    before = max(0, ent.start - 40)
    return bool(_ACT_NOUN_BEFORE.search(text, before, ent.start)
                or _RELATION_BEFORE.search(text, before, ent.start)) \
        and bool(_UNMODIFIED_AFTER.match(text, ent.end))


def _acts(text: str, ent: Ent) -> bool:
    """The capital before a government's verb, acted on, or its agent."""
    return bool(_ACTS.match(text, ent.end)) or _acted_on(text, ent) or _agent(text, ent)


def _acted_on(text: str, ent: Ent) -> bool:
    """The capital is the object of a verb that acts on a government, with "of", "to" or
    "for" or its sentence's end after it ("accuse Kiev of seeking", "blame Kiev.")."""
    return bool(_OBJECT_BEFORE.search(text, max(0, ent.start - 20), ent.start)
                and _OBJECT_AFTER.match(text, ent.end))


def _agent(text: str, ent: Ent) -> bool:
    """The capital does a government's act in the passive ("denied by Moscow") or is the
    subject of an infinitive after "for" ("a request for Washington to follow through")."""
    before = text[max(0, ent.start - 20):ent.start]
    return bool(_AGENT_BEFORE.search(before)
                or (_FOR_BEFORE.search(before) and _INFINITIVE_AFTER.match(text, ent.end)))


def _capital_mention(ent: Ent, gazetteer: Gazetteer) -> bool:
    """A place mention of the capital of the country it is placed in."""
    if ent.facet != "place" or not ent.country:
        return False
    capital = gazetteer.capital_of(ent.country)
    return capital is not None and place_key(capital) in (place_key(ent.text),
                                                          place_key(ent.value or ""))


def _listed_together(text: str, ent: Ent, other: Ent) -> bool:
    """ "Kampala and Kinshasa": the two capitals joined by "and", in either order."""
    first, second = (ent, other) if ent.start < other.start else (other, ent)
    return first.end < second.start and bool(_AND.fullmatch(text, first.end, second.start))


def _government(ent: Ent, gazetteer: Gazetteer) -> Ent:
    return replace(ent, label="ORG", facet="actor", value=_government_value(ent, gazetteer),
                   country=None, rule="capital-government", fixed=True)


def _government_value(ent: Ent, gazetteer: Gazetteer) -> str:
    """The value of the government of the capital's country ("Congolese Government")."""
    return national_body(f"Government of {ent.country}", gazetteer.country_of)


#: "the government in Kinshasa", "the regime in Damascus", "the internationally-recognised
#: government in Tripoli": a government's noun and "in" right before the capital
_SEAT_BEFORE = re.compile(r"\b(?:" + alternation("government_seat_nouns") + r")[ \t]+in[ \t]+$",
                          re.I)


def seat_governments(text: str, ents: list[Ent], gazetteer: Gazetteer) -> list[Ent]:
    """Actor mentions of a government named by its seat ("the government in Kinshasa": the
    Congolese Government, class 6), from the government's noun to the capital's name; the
    capital's own mention stays the place."""
    found = []
    for ent in ents:
        seat = _SEAT_BEFORE.search(text, max(0, ent.start - 24), ent.start) \
            if _capital_mention(ent, gazetteer) else None
        if seat:
            found.append(Ent(seat.start(), ent.end, text[seat.start():ent.end], "ORG",
                             facet="actor", value=_government_value(ent, gazetteer),
                             rule="capital-government", fixed=True))
    return found
