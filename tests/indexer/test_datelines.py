"""The `dateline` rule alone (class 2: the capitals a report opens with name its place)."""

from __future__ import annotations

import pytest

from indexer import entities
from indexer.gazetteer import default_gazetteer
from tests.indexer.test_rules import classified


def _places(text: str, patterns=(), body_start: int = 0) -> list[tuple[str, str | None]]:
    ctx, ents = classified(text, list(patterns), body_start)
    return [(e.text, e.value) for e in entities.rule_datelines(ctx, ents) if e.facet == "place"]


@pytest.mark.parametrize(("text", "found"), [
    # a known place before a bracket, a dash or a comma: its title-cased value
    ("ALEPPO (Reuters) - Shelling went on.", [("ALEPPO", "Aleppo")]),
    ("IDLIB -- Shelling went on.", [("IDLIB", "Idlib")]),
    # an unknown town with the country it lies in after a comma
    ("KEFRIN, Syria - Shelling went on.", [("KEFRIN", "Kefrin")]),
    # or with a US state's news abbreviation (class 2, datelines missed)
    ("CAPE KEFRIN, Fla. (AP) — The launch slipped.", [("CAPE KEFRIN", "Cape Kefrin")]),
    ("BIG KEFRIN, Calif.-A new wildfire spread.", [("BIG KEFRIN", "Big Kefrin")]),
    # a bullet ends it too (a Singapore paper's style: "KUALA LUMPUR • The number of")
    ("ALEPPO • Shelling went on.", [("ALEPPO", "Aleppo")]),
])
def test_a_dateline_in_capitals_is_a_place(text, found):
    assert _places(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("HAVANA TIMES — The talks resumed.", [("HAVANA TIMES", "actor", "Havana Times")]),
    ("ALEPPO TRIBUNE -- Shelling went on.", [("ALEPPO TRIBUNE", "actor", "Aleppo Tribune")]),
    # one word is the place, whatever it is called
    ("ALEPPO -- Shelling went on.", [("ALEPPO", "place", "Aleppo")]),
])
def test_an_outlet_opening_the_body_in_capitals_credits_it(text, found):
    # class 2 (organisations missed): the run ends in an outlet's word
    ctx, ents = classified(text, [])
    assert [(e.text, e.facet, e.value) for e in entities.rule_datelines(ctx, ents)] == found


@pytest.mark.parametrize(("text", "found"), [
    # class 2: a known place in title case, a comma and a month's day ("La Paz, Nov 8 (Prensa
    # Latina)"); without the date, or unknown, no dateline
    ("Aleppo, Nov 8 (Kestra) Shelling went on.", [("Aleppo", "Aleppo")]),
    ("Aleppo, February 22 (KHC)-- Shelling went on.", [("Aleppo", "Aleppo")]),
    ("Aleppo, the city, was shelled.", []),
    ("Kefrin, Nov 8 (Kestra) Shelling went on.", []),
])
def test_a_dateline_in_title_case_needs_its_date(text, found):
    assert _places(text) == found


@pytest.mark.parametrize(("text", "patterns", "found"), [
    # class 2: a known place in title case and a bracketed credit before a dash or a colon,
    # whatever the model made of the place ("Geneva (ICRC) –" tagged an organisation)
    ("Saraqib (Kestra) – Shelling went on.", [("ORG", "Saraqib")], [("Saraqib", "Saraqib")]),
    ("Aleppo (Kestra News):Shelling went on.", [], [("Aleppo", "Aleppo")]),
    # unknown, or no dash after the credit: no dateline
    ("Kefrin Watch (KW) – Shelling went on.", [], []),
    ("Aleppo (the city) was shelled.", [], []),
])
def test_a_dateline_in_title_case_before_a_credit(text, patterns, found):
    assert _places(text, patterns) == found


def test_a_dateline_swallows_the_model_s_piece_of_it():
    # "KUALA LUMPUR, Dec 4 —" with "KUALA" tagged an organisation: one place, Kuala Lumpur
    ctx, ents = classified("KUALA LUMPUR, Dec 4 — A minister spoke.", [("ORG", "KUALA")])
    out = entities.rule_datelines(entities.DocContext(ctx.text, default_gazetteer()), ents)
    assert [(e.text, e.facet, e.value) for e in out if e.facet in ("actor", "place")] == [
        ("KUALA LUMPUR", "place", "Kuala Lumpur")]


@pytest.mark.parametrize(("text", "patterns"), [
    ("KEFRIN - Shelling went on.", []),  # nothing makes it a place
    ("MINUSCA has learned of the attack.", []),  # no dateline punctuation
    ("QUESTION: Did you discuss Aleppo?", [("GPE", "Aleppo")]),
    ("The town of ALEPPO - a city.", []),  # not at the body's start
    # an outlet's web address before the dateline's place ("REPUBLIKA.CO.ID, DAMASCUS --")
    ("KEFRA.CO.ID, ALEPPO -- Shelling went on.", []),
    ("KEFRANEWS.COM, ALEPPO -- Shelling went on.", []),
])
def test_no_dateline(text, patterns):
    assert [name for name, _ in _places(text, patterns) if name.isupper()] == []


def test_the_dateline_is_read_after_the_title():
    text = "Shelling Goes On\n\nALEPPO, Syria - Shelling went on."
    assert _places(text, [("GPE", "Syria")], body_start=18) == [("Syria", "Syria"),
                                                                ("ALEPPO", "Aleppo")]


def test_a_span_the_model_found_is_left_alone():
    ctx, ents = classified("ALEPPO - Shelling went on.", [("GPE", "ALEPPO")])
    assert entities.rule_datelines(ctx, ents) is ents


def _credits(text: str, patterns=(), body_start: int = 0) -> list[tuple[str, str | None]]:
    ctx, ents = classified(text, list(patterns), body_start)
    return [(e.text, e.facet) for e in entities.rule_dateline_credits(ctx, ents)
            if e.rule == "dateline-credit"]


@pytest.mark.parametrize(("text", "patterns", "found"), [
    # the agency a dateline credits, after a date, whatever the model made of it
    ("SEOUL, Oct. 19 (Kestra) -- Shells fell.", [("NORP", "Kestra")], [("Kestra", "actor")]),
    # a shared credit is one actor per agency, as written
    ("Buenos Aires, Aug. 4, (dpa/KNA) - A strike began.", [], [("dpa", "actor"),
                                                             ("KNA", "actor")]),
    ("ALEPPO (Kestra) – Shelling went on.", [], [("Kestra", "actor")]),
    # between slashes, after the place's country and a date with its year
    ("ADDIS ABABA, Ethiopia, June 9, 2017/KPO/ -- The chair spoke.", [], [("KPO", "actor")]),
    # a day with its full stop, the credit closed by one ("MOSCOW, September 4. /TASS/.")
    ("MOSCOW, September 4. /KASS/. The crew left.", [], [("KASS", "actor")]),
    # after the place's region, with no date ("DEIR AL-BALAH, Gaza Strip (AP) —")
    ("ALEPPO, Aleppo Governorate (Kestra) — Shelling went on.", [], [("Kestra", "actor")]),
    # a credit may hold a number after its first word, whatever the model made of it
    ("ERBIL (Kestra 24) – A drone struck.", [("GPE", "Kestra")], [("Kestra 24", "actor")]),
    # an actor span over it stays; no dateline, a bracket in a sentence, a number: nothing
    ("ALEPPO (Kestra) – Shelling went on.", [("ORG", "Kestra")], []),
    ("Talks on the plan (Kestra) - began.", [], []),
    ("The vote (2019) - a first.", [], []),
    # a release's date in the bracket credits no one
    ("ALEPPO (September 25, 2012) — Shelling went on.", [("DATE", "September 25, 2012")], []),
    ("ALEPPO (March 2019) — Shelling went on.", [], []),
    # a day before its month, and a building in the bracket: where the release was issued
    ("SEOUL, 19 Oct (Kestra) -- Shells fell.", [], [("Kestra", "actor")]),
    ("NEW YORK, 7 July (UN Headquarters) -- The Council met.", [("ORG", "UN")],
     [("UN Headquarters", "place")]),
    # no dash when the first sentence opens after the bracket, and a day's year after a
    # space ("Tripoli, 11 June 2022 (Lana) UN Support Mission ..."); the sentence after a
    # bracket must open with a capital
    ("ALEPPO, 11 June 2022 (Kestra) The Council met.", [], [("Kestra", "actor")]),
    ("Aleppo, (Kestra independent) Two soldiers died.", [], [("Kestra independent", "actor")]),
    ("Talks on the plan (Kestra) began.", [], []),
])
def test_a_dateline_credit_is_an_actor(text, patterns, found):
    assert _credits(text, patterns) == found


def test_the_credit_is_read_after_the_title():
    text = "Shelling Goes On\n\nALEPPO (Kestra) - Shelling went on."
    assert _credits(text, body_start=18) == [("Kestra", "actor")]


def _colon_places(text: str, patterns=()) -> list[tuple[str, str | None, str | None]]:
    ctx, ents = classified(text, list(patterns))
    return [(e.text, e.facet, e.rule) for e in entities.rule_colon_datelines(ctx, ents)
            if e.rule == "dateline"]


@pytest.mark.parametrize(("text", "patterns"), [
    # a known place before a colon, whatever the model made of it
    ("Aleppo: The shelling went on.", [("PERSON", "Aleppo")]),
    ("ALEPPO: The shelling went on.", []),
    # an unknown name the model tags a place at another mention
    ("Kefrin: The shelling hit Kefrin again.", [("PERSON", "Kefrin"), ("GPE", "Kefrin")]),
])
def test_a_dateline_before_a_colon_is_a_place(text, patterns):
    assert _colon_places(text, patterns) == [(text.split(":")[0], "place", "dateline")]


@pytest.mark.parametrize(("text", "patterns"), [
    ("Kefrin: We shelled nothing.", [("PERSON", "Kefrin")]),  # a speaker's label
    ("Summary: Aleppo was shelled.", [("GPE", "Aleppo")]),
    ("The town of Aleppo: a city.", []),  # not at the body's start
])
def test_no_colon_dateline(text, patterns):
    assert _colon_places(text, patterns) == []


@pytest.mark.parametrize("text", [
    # class 2: an unknown town placed by its state and country in brackets (ANI's dateline)
    "Kefrin (Zorba) [Syria]: The shelling went on.",
    "Kefrin (Zorba) [Syria], February 8 (ANI): The shelling went on.",
])
def test_a_town_with_its_state_and_country_in_brackets_is_a_place(text):
    assert _colon_places(text, [("ORG", "Kefrin")]) == [("Kefrin", "place", "dateline")]


@pytest.mark.parametrize(("text", "found"), [
    # a credit closing the text
    ("Prices will fall, the tracker said. (Kestra)", [("Kestra", "actor")]),
    ("Prices will fall. (AFP/Kestra)\n", [("AFP", "actor"), ("Kestra", "actor")]),
    # a word English writes in lower case credits no one; nor does a bracket inside the text
    ("Prices will fall. (File)", []),
    ("Prices (Kestra) will fall.", []),
])
def test_a_credit_closing_the_text(text, found):
    assert _credits(text) == found


def test_a_source_line_closing_the_text_is_a_credit():
    assert _credits("Shells fell on Monday.\n\nSource: Kestra of Zanu") == [
        ("Kestra of Zanu", "actor")]
    assert _credits("Shells fell on Monday.\n\nSource: the army") == []
