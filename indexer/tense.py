"""Class 7 (dates): a yearless month or day in a sentence about the past names the past.

A date without its year is resolved against the publication date: the latest such date up to
publication, unless it falls at most about three months ahead, for news names deadlines and
elections a few months ahead without a year (`indexer.date_grammar`). In a sentence told in
the past tense with nothing pointing ahead, the date is the past one: "Trump said he banned
travel from China in January" (published in November), "In March, he debuted as ..." (published
in December), "PBS revealed that in December, the Crown Prince accepted ...". The cues are
words, read from the sentence without a parser (the pipeline runs the model's NER only): a
past-tense auxiliary or a verb's "-ed" form (`past_cues`), and nothing that points ahead
anywhere in the sentence: modals, "is to", "scheduled", "until" ... (`future_cues`), and no
limit right before the date ("to May 1", "by October 31": `future_prepositions`).
Only the words before the date count as past cues, or those after it when the date opens the
sentence ("In March, he debuted"), so a quotation's speech verb after it is no evidence ('"the
real choice for voters in November," Jorgensen argued'). A date with its year, a weekday and
a relative date ("next month", "last March") carry their own direction and are left alone.
"""

from __future__ import annotations

import re

from indexer.date_grammar import MONTHS
from indexer.rule_data import alternation, alternation_of
from indexer.spans import Ent, replace

#: the rule name a past-tense date carries: `indexer.enrich` resolves it to the past
PAST = "past-tense"

_MONTH = re.compile(r"\b(?:" + alternation_of(MONTHS, escape=False) + r")\b\.?", re.I)
#: a year, or a word that gives the date its own direction
_OWN_DIRECTION = re.compile(r"\d{4}|\b(?:next|this|coming|last|past|previous)\b", re.I)
_FUTURE = re.compile(r"(?:^|[^\w'’])(?:" + alternation("future_cues") + r")\b", re.I)
_LIMIT_BEFORE = re.compile(r"\b(?:" + alternation("future_prepositions") + r")\s+$", re.I)
_PAST = re.compile(r"\b(?:(?:" + alternation("past_cues") + r")|[a-z]{2,}ed)\b")
#: where a sentence ends: a full stop, question or exclamation mark before a blank and a
#: capital, not after an initial or a short title ("U.S. vessel", "Mr. Smith"), or a line
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b(?:Mrs|Gen|Sgt|Col))"
                           r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n")


def past_tense_dates(text: str, ents: list[Ent]) -> list[Ent]:
    """Yearless month dates in past-tense sentences, marked to be resolved to the past."""
    if not any(_yearless_month(e) for e in ents):
        return ents
    return [replace(e, rule=PAST) if _yearless_month(e) and _told_in_past(text, e) else e
            for e in ents]


def _yearless_month(ent: Ent) -> bool:
    return ent.facet == "date" and ent.label == "DATE" and bool(_MONTH.search(ent.text)) \
        and not _OWN_DIRECTION.search(ent.text)


def _told_in_past(text: str, ent: Ent) -> bool:
    start, end = sentence_bounds(text, ent.start, ent.end)
    if _FUTURE.search(text, start, end) or _LIMIT_BEFORE.search(text, start, ent.start):
        return False
    before = text[start:ent.start]
    evidence = text[ent.end:end] if not before.strip(" \t\"'“‘(") or _opener(before) else before
    return bool(_PAST.search(evidence))


def _opener(before: str) -> bool:
    """Only a preposition stands before the date at the sentence's opening ("In March, ...")."""
    return len(before.split()) == 1 and before.strip().istitle()


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence holding the span (read by `sports-club` too)."""
    opening = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)),
                  default=max(0, start - 400))
    closing = _SENTENCE_END.search(text, end, end + 400)
    return opening, closing.start() + 1 if closing else min(len(text), end + 400)
