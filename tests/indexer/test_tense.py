"""The `past-tense` rule alone and through the facets (class 7: a yearless date in a sentence
about the past names the past)."""

from __future__ import annotations

from datetime import date

import pytest
from entity_kit import ruler_nlp, small_gazetteer

from indexer import entities
from indexer.dates import resolve_dates
from indexer.document import Document
from indexer.enrich import Enricher
from tests.indexer.test_rules import spans

#: published in November: a yearless January is two months ahead, within the window that
#: reads it as the coming one
PUBLISHED = date(2020, 11, 2)


def _dates(text: str, mention: str) -> list[str]:
    enricher = Enricher(ruler_nlp([("DATE", mention)]), gazetteer=small_gazetteer())
    doc = Document(id="t", title="", published=PUBLISHED, text=text)
    return next(iter(enricher.enrich([doc])))[1].date


@pytest.mark.parametrize(("text", "mention", "value"), [
    # a past-tense verb before the date, and nothing pointing ahead
    pytest.param("Trump said he banned travel from China in January, which Biden opposed.",
                 "January", "2020-01", id="past-verb"),
    # the date opens the sentence: the verb after it counts
    pytest.param("He left the company. In December, he debuted as a villain.", "December",
                 "2019-12", id="opener"),
    # an initial's full stop ends no sentence ("U.S."), so the past verb before it counts
    pytest.param("Records showed a bomber had attacked a U.S. vessel in late December, "
                 "but nobody knew.", "late December", "2019-12", id="initials"),
    # something points ahead: a modal, "scheduled", "until", a limit right before the date
    pytest.param("The court said the trial would start in January.", "January", "2021-01",
                 id="modal"),
    pytest.param("The hearing, announced yesterday, is scheduled for January 20.",
                 "January 20", "2021-01-20", id="scheduled"),
    pytest.param("The governor extended the lockdown to January 15.", "January 15",
                 "2021-01-15", id="limit"),
    # a quotation's speech verb after the date is no evidence
    pytest.param('"We are the real choice for voters in January," she argued.', "January",
                 "2021-01", id="speech-verb-after"),
])
def test_a_yearless_date_in_a_past_sentence_is_the_past_one(text, mention, value):
    assert _dates(text, mention) == [value]


def test_dates_with_their_own_direction_are_left_alone():
    text = "He resigned last December and moved in December 2019."
    ctx, ents = spans(text, [("DATE", "last December"), ("DATE", "December 2019")])
    assert entities.rule_past_tense(ctx, ents) is ents


def test_a_past_date_before_publication_stays_and_a_leap_day_is_kept():
    assert resolve_dates("March", PUBLISHED, past=True) == ["2020-03"]
    assert resolve_dates("February 29", date(2019, 12, 30), past=True) == ["2020-02-29"]
