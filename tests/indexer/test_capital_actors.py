"""The `capital-government` rule alone (class 6: a capital standing for its government)."""

from __future__ import annotations

import pytest

from indexer import entities
from tests.indexer.test_rules import classified


def _governments(text: str, patterns: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    ctx, ents = classified(text, patterns)
    return [(e.text, e.value) for e in entities.rule_capital_governments(ctx, ents)
            if e.rule == "capital-government" and e.facet == "actor"]


def test_a_capital_that_acts_is_its_government():
    assert _governments("But Damascus has intensified attacks on Idlib.",
                        [("GPE", "Damascus"), ("GPE", "Idlib")]) == [("Damascus", "Syrian Government")]
    assert _governments("Tehran on Sunday rejected the claim.", [("GPE", "Tehran")]) == [
        ("Tehran", "Iranian Government")]


def test_a_capital_listed_before_one_that_acts_is_a_government_too():
    assert _governments("Tehran and Damascus launched a joint offensive.",
                        [("GPE", "Tehran"), ("GPE", "Damascus")]) == [
        ("Tehran", "Iranian Government"), ("Damascus", "Syrian Government")]


@pytest.mark.parametrize("text", [
    "Damascus was shelled on Friday.",           # the city suffers, no act of its government
    "In Damascus, officials said it was calm.",  # officials in the city
    "Aleppo rejected the plan.",                 # a city, no capital
    "They met in Damascus and Tehran agreed.",   # a place before "and", no listed actor
])
def test_the_city_stays_a_place_elsewhere(text):
    patterns = [("GPE", name) for name in ("Damascus", "Tehran", "Aleppo") if name in text]
    ctx, ents = classified(text, patterns)
    out = entities.rule_capital_governments(ctx, ents)
    assert [e.facet for e in out if e.text in ("Damascus", "Aleppo")] == ["place"]


def test_a_capital_after_a_preposition_is_the_place_another_subject_acts_in():
    ctx, ents = classified("Reports from Damascus said Iran agreed.", [("GPE", "Damascus")])
    assert entities.rule_capital_governments(ctx, ents) is ents


@pytest.mark.parametrize("text", [
    "Rebels accuse Damascus of seeking war.",
    "They plan to shell Idlib and blame Damascus. Rebels deny it.",
    "The envoy urged Damascus to stop.",
])
def test_a_capital_a_verb_acts_on_is_its_government(text):
    # class 6: the object of "accuse ... of", "blame", "urge ... to" is the government
    assert _governments(text, [("GPE", "Damascus")]) == [("Damascus", "Syrian Government")]


@pytest.mark.parametrize("text", [
    "Rebels accuse Damascus residents of hoarding.",  # the people of the city
    "The envoy urged Damascus officials to stop.",
])
def test_a_capital_before_other_words_of_its_object_stays_a_place(text):
    assert _governments(text, [("GPE", "Damascus")]) == []


@pytest.mark.parametrize("text", [
    "Damascus had partially suspended the pact.",        # an adverb before the act
    "Damascus's launch of shells came a day later.",     # a government's act owned
    "Others rejected Damascus’s “preposterous statement” at once.",
])
def test_a_capital_acting_after_an_adverb_or_owning_an_act_is_its_government(text):
    assert _governments(text, [("GPE", "Damascus")]) == [("Damascus", "Syrian Government")]


@pytest.mark.parametrize("text", [
    "Damascus's old city was shelled.",   # the city's own parts
    "Damascus quickly became crowded.",   # no act of a government after the adverb
])
def test_a_capital_owning_no_act_stays_the_city(text):
    assert _governments(text, [("GPE", "Damascus")]) == []


@pytest.mark.parametrize(("text", "names"), [
    ("The strike was later denied by Damascus.", ["Damascus"]),          # the passive's agent
    ("He asked for Damascus to follow through.", ["Damascus"]),         # an infinitive's subject
    ("Envoys are urging Damascus and Tehran to talk.", ["Damascus", "Tehran"]),  # listed after
    ("We call on Damascus, which ignored the warnings.", ["Damascus"]),
    ("Damascus last year cracked down on them.", ["Damascus"]),         # a time filler
    ("Damascus and Tehran have held talks.", ["Damascus", "Tehran"]),
    ("It strained Damascus's ties with Tehran.", ["Damascus", "Tehran"]),  # owned; a relation
])
def test_more_ways_a_capital_acts(text, names):
    # class 6: the same government, phrased as news phrases it
    patterns = [("GPE", name) for name in ("Damascus", "Tehran") if name in text]
    assert [t for t, _ in _governments(text, patterns)] == names


@pytest.mark.parametrize("text", [
    "Flights for Damascus left at noon.",           # no infinitive: the destination
    "The city was visited by Damascus residents.",  # no act of a government before "by"
    "Envoys are urging Damascus residents to leave.",
])
def test_a_capital_in_those_phrasings_without_the_act_stays_a_place(text):
    assert _governments(text, [("GPE", "Damascus")]) == []


@pytest.mark.parametrize(("text", "found"), [
    ("The government in Damascus blamed the rebels.", [("government in Damascus", "Syrian Government")]),
    ("They said the regime in Damascus must go.", [("regime in Damascus", "Syrian Government")]),
    ("Talks in Damascus went on.", []),                  # no government's noun before "in"
    ("The government in Aleppo was formed.", []),       # no capital
])
def test_a_government_named_by_its_seat_is_the_countrys(text, found):
    # class 6: the capital's own mention stays the place beside the government's mention
    patterns = [("GPE", name) for name in ("Damascus", "Aleppo") if name in text]
    ctx, ents = classified(text, patterns)
    out = entities.rule_capital_governments(ctx, ents)
    assert [(e.text, e.value) for e in out if e.facet == "actor"] == found
    assert [e.text for e in out if e.facet == "place"] == [p for _, p in patterns]


@pytest.mark.parametrize(("text", "names"), [
    ("Relations between Damascus and Tehran soured.", ["Damascus", "Tehran"]),  # a relation
    ("He came to mend ties with Damascus, Syria said.", ["Damascus"]),
    ("Drills aimed at Damascus's nuclear and missile threats began.", ["Damascus"]),  # owned
    ("In response, Damascus slapped a ban on imports.", ["Damascus"]),
    ("The summit commended Damascus for its efforts.", ["Damascus"]),   # acted on, "for"
    ("Few expect an apology from Damascus for it.", ["Damascus"]),       # its act, "from"
    ("It was a decision by Damascus.", ["Damascus"]),
    ("The EU imposed sanctions on Damascus and Tehran.", ["Damascus", "Tehran"]),  # a measure
])
def test_a_capital_after_a_preposition_in_a_relation_or_an_act_is_its_government(text, names):
    # class 6: "relations between Addis Ababa and Cairo", "aimed at Pyongyang's threats"
    patterns = [("GPE", name) for name in ("Damascus", "Tehran") if name in text]
    assert [t for t, _ in _governments(text, patterns)] == names


@pytest.mark.parametrize("text", [
    "The road between Damascus and Tehran is long.",   # no relation's noun
    "Talks in Damascus went on.",                      # a relation's noun, but "in"
    "Relations between Damascus residents and police improved.",
    "Pressure from Damascus residents grew.",          # a noun the capital modifies
    "Missile strikes on Damascus killed ten.",         # an attack hits the city
    "Flights from Damascus were cancelled.",
])
def test_a_capital_beside_a_relation_noun_without_between_or_with_stays_a_place(text):
    patterns = [("GPE", name) for name in ("Damascus", "Tehran") if name in text]
    assert _governments(text, patterns) == []
