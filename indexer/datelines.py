"""Datelines (class 2, places missed): a report opens with the place it was filed from, in
capitals - "ADDIS ABABA (Reuters) –", "KABUL -", "AL FALLUJAH, Iraq --", "MULAN, WESTERN
AUSTRALIA —". The model rarely tags such a run of capitals, and the shape rule takes a lone one
for an acronym ("KANO"). The run is a place when the gazetteer knows it, or when a place it
knows follows after a comma (the town's country or state: "NURPUR, India"); its value and
country are those of the run in title case, as if the body had written it so ("Addis Ababa"). A run followed by no dateline punctuation is no
dateline ("MINUSCA has learned", "QUESTION:"); a run ending in an outlet's word is the outlet
that credits the report ("HAVANA TIMES —"), an actor.

The wire credit in brackets after the dateline's place and date ("SEOUL, Oct. 19 (Yonhap) --",
"Buenos Aires, Aug. 4, (dpa/GNA) -") names the agencies that filed the report: actors (class 2,
organisations missed), which the model often misses or takes for a nationality ("Yonhap").
"""

from __future__ import annotations

import re

from indexer.casing import is_lower_case_word
from indexer.consistency import LANDMARK_WORDS
from indexer.date_grammar import MONTHS
from indexer.dates import resolve_date
from indexer.gazetteer import Gazetteer
from indexer.name_places import OUTLET_WORDS
from indexer.names import region_after
from indexer.rule_data import alternation_of
from indexer.spans import PLACE_LABELS, Ent
from indexer.us_states import STATE_ABBREVIATIONS

#: capitals at the body's start, then the dateline's end: a comma, a bracket, a dash or a
#: bullet ("KUALA LUMPUR • The number of")
_DATELINE = re.compile(r"[ \t]*([A-Z][A-Z'’.-]+(?:[ \t][A-Z][A-Z'’.-]+){0,3})"
                       r"(?=[ \t]*(?:,|\(|[–—•]|-{1,2}[ \t]))")


#: a name in title case at the body's start, then a comma and a month's day: "La Paz, Nov 8
#: (Prensa Latina)", "La Paz, February 22 (RHC)--"
_DATED_DATELINE = re.compile(r"[ \t]*([A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}),[ \t]*(?i:"
                             + alternation_of(MONTHS) + r")\.?[ \t]+\d{1,2}\b")


#: a wire credit in brackets after a dateline's place ("(Reuters)", "(Kurdistan 24)"), its
#: words captured
_BRACKETED_CREDIT = r"\(([A-Za-z][^()\n]{1,39})\)"
#: a name in title case at the body's start, then a bracketed credit and a dash or a colon:
#: "Geneva (ICRC) –", "Pemba (MOZTIMES) –", "New York (ABC Live):"
_CREDITED_DATELINE = re.compile(r"[ \t]*([A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2})[ \t]+"
                                + _BRACKETED_CREDIT + r"[ \t]*(?:[–—:]|-{1,2})")


def dateline_place(text: str, ents: list[Ent], body_start: int,
                   gazetteer: Gazetteer) -> list[Ent]:
    """A place span for the body's dateline that no actor or place span covers yet; the
    model's piece of it ("KUALA" of "KUALA LUMPUR, Dec 4 —") is no cover (the caller lets the
    found span swallow it), nor its span of a title-cased place before a credit ("Geneva
    (ICRC) –", which the model takes for an organisation); an outlet's web address is no
    place, an outlet's name there an actor. A dateline in title case needs its date or a
    bracketed credit after it ("La Paz, Nov 8 (Prensa Latina)")."""
    match = _DATELINE.match(text, body_start) or _DATED_DATELINE.match(text, body_start)
    credited = None if match else _CREDITED_DATELINE.match(text, body_start)
    match = match or credited
    if not match or _covered(ents, *match.span(1), whole=credited is not None) \
            or _WEB_DOMAIN.fullmatch(match.group(1)):
        return []
    start, end = match.span(1)
    if _names_an_outlet(match.group(1)):
        return [Ent(start, end, match.group(1), "ORG", facet="actor", rule="dateline", fixed=True)]
    if not _is_place(match.group(1), text, end, gazetteer):
        return []
    return [Ent(start, end, match.group(1), "GPE", facet="place", rule="dateline", fixed=True)]


def _covered(ents: list[Ent], start: int, end: int, whole: bool = False) -> bool:
    """An actor or place span overlaps the run, and is no piece of it (whole: nor the run
    itself)."""
    return any(e.start < end and start < e.end and e.facet in ("actor", "place")
               and not _piece_of(e, start, end)
               and not (whole and (e.start, e.end) == (start, end)) for e in ents)


def _names_an_outlet(run: str) -> bool:
    """ "HAVANA TIMES —": a run of two words or more in capitals opening the body, ending in
    an outlet's word, is the outlet that credits the report, not its place."""
    words = run.split()
    return len(words) > 1 and words[-1].lower() in OUTLET_WORDS


#: an outlet's web address opening the dateline before its place ("REPUBLIKA.CO.ID, DAMASCUS
#: --", "TEMPO.CO, Jakarta -"): no place
_WEB_DOMAIN = re.compile(r"[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.(?:[A-Z]{2}|COM|NET|ORG|INFO|NEWS)", re.I)


def _piece_of(ent: Ent, start: int, end: int) -> bool:
    """The span lies inside the run and is shorter."""
    return start <= ent.start and ent.end <= end and ent.end - ent.start < end - start


#: a name of up to three words at the body's start, then a colon and the first sentence:
#: "Sriharikota: The Indian Space Research Organisation launched", "New Delhi: India and"
_COLON_DATELINE = re.compile(r"[ \t]*([A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}):[ \t]+"
                             r"(?=[A-Z\"“‘'])")


#: a town, its state in brackets and its country in square brackets, then a colon or a comma
#: (ANI's datelines: "Margao (Goa) [India]:", "Margao (Goa) [India], February 8 (ANI):"): the
#: brackets place the town, whatever the gazetteer knows
_REGION_DATELINE = re.compile(r"[ \t]*([A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2})[ \t]+"
                              r"\([A-Z][^()\n]{1,30}\)[ \t]*\[[A-Z][^\[\]\n]{1,30}\][ \t]*[,:]")


def colon_dateline(text: str, ents: list[Ent], body_start: int,
                   gazetteer: Gazetteer) -> list[Ent]:
    """A place span for a dateline written before a colon, as South Asian papers open their
    reports ("Sriharikota: The Indian Space Research Organisation ..."), when the gazetteer
    knows the name or the model tags another mention of it a place, or when its state and
    country follow it in brackets ("Margao (Goa) [India]:"): whatever the model made of it
    here (a person, often), the place the report was filed from. Another name ("Summary:", a
    speaker's name in a transcript) is left alone."""
    match = _COLON_DATELINE.match(text, body_start)
    if not match or not (gazetteer.lookup(match.group(1)) is not None or any(
            e.text == match.group(1) and e.label in PLACE_LABELS for e in ents)):
        match = _REGION_DATELINE.match(text, body_start)
    if not match:
        return []
    start, end = match.span(1)
    return [Ent(start, end, match.group(1), "GPE", facet="place", rule="dateline", fixed=True)]


def _is_place(name: str, text: str, end: int, gazetteer: Gazetteer) -> bool:
    """The gazetteer knows the dateline's place, or the place after it after a comma: a
    place it knows, or a US state's or Canadian province's news abbreviation ("CAPE
    CANAVERAL, Fla. (AP) —", "BIG SUR, Calif.-A new wildfire")."""
    if gazetteer.lookup(name) is not None:
        return True
    region = region_after(text, end)
    return bool(region) and (gazetteer.lookup(region) is not None
                             or region.partition("-")[0] in STATE_ABBREVIATIONS)


#: the wire credit in brackets or between slashes after a dateline's place (and its country or
#: region) and date (month first or day first: "NEW YORK, 7 July (UN Headquarters) --"):
#: "SEOUL, Oct. 19 (Yonhap) --", "Buenos Aires, Aug. 4, (dpa/GNA) -",
#: "ADDIS ABABA (Reuters) –", "ADDIS ABABA, Ethiopia, June 9, 2017/APO/ --", "MOSCOW,
#: September 4. /TASS/.", "DEIR AL-BALAH, Gaza Strip (AP) —", "Tripoli, 11 June 2022 (Lana) UN
#: Support Mission ..." (no dash needed after a bracket the first sentence follows); a credit
#: opens with a letter and may hold a number after it ("ERBIL (Kurdistan 24) –"), a bracket
#: of digits is none ("(2019)")
_CREDIT = re.compile(r"[ \t]*[A-Z][\w'’.-]*(?:[ \t](?:[a-z]{1,3}[ \t])?[A-Z][\w'’.-]*){0,3}"
                     r"(?:,[ \t]*[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}(?=,|[ \t]*[(/]))?"
                     r"(?:,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8})"
                     r"(?:,?[ \t]*\d{4}|\.)?)?,?"
                     r"[ \t]*(?:" + _BRACKETED_CREDIT + r"|/([A-Za-z][^/\n]{1,39})/)"
                     r"(?:[ \t]*(?:[–—]|-{1,2}|:|\.(?=\s))|(?<=\))[ \t]+(?=[A-Z]))")
#: one agency of a shared credit ("dpa/GNA")
_AGENCY = re.compile(r"[^/\s][^/]*[^/\s]|[^/\s]")


#: a credit closing the text, in brackets or on a source's line: "... outstrip demand.
#: (Yonhap)", "(AFP/dpa)", "Source: Voice of America"
_CLOSING_CREDIT = re.compile(r"(?:\(([A-Z][\w'’.-]*(?:[ /][A-Z][\w'’.-]*){0,2})\)"
                             r"|\n[ \t]*Source:[ \t]*([A-Z][\w'’.-]*(?:[ /](?:of[ \t])?"
                             r"[A-Z][\w'’.-]*){0,2})\.?)\s*$")


def dateline_credits(text: str, body_start: int) -> list[Ent]:
    """Actor spans for the news agencies credited in the body's dateline, or in brackets or
    on a source's line at its very end, each as written (the model often misses them or takes
    "Yonhap" for a nationality)."""
    credit = _dateline_credit(text, body_start) or _closing_credit(text, body_start)
    if credit is None:
        return []
    start, agencies = credit
    return [_credited(start + m.start(), m.group())
            for m in _AGENCY.finditer(agencies)
            if len(m.group().split()) <= 3 and not _dated(m.group())]


def _credited(start: int, name: str) -> Ent:
    """The agency a credit names, an actor; or the building it was issued at, a place
    ("NEW YORK, 7 July (UN Headquarters) --")."""
    place = name.split()[-1] in LANDMARK_WORDS  # a building's word ends it
    return Ent(start, start + len(name), name, "FAC" if place else "ORG",
               facet="place" if place else "actor", value=name, rule="dateline-credit",
               fixed=True)


def _dated(credit: str) -> bool:
    """ "NEW YORK (September 25, 2012) —": a bracket holding the release's date credits no
    one (class 3, non-names: a date made an actor)."""
    return resolve_date(credit, None) is not None


def _dateline_credit(text: str, body_start: int) -> tuple[int, str] | None:
    """(start, text) of the credit after the dateline, if there is one."""
    match = _CREDIT.match(text, body_start)
    if not match:
        return None
    group = 1 if match.group(1) else 2
    return match.start(group), match.group(group)


def _closing_credit(text: str, body_start: int) -> tuple[int, str] | None:
    """(start, text) of the credit closing the text; a bracket holding a word English writes
    in lower case ("(File)") credits no one."""
    match = _CLOSING_CREDIT.search(text, body_start)
    if not match:
        return None
    group = 1 if match.group(1) else 2
    return None if is_lower_case_word(match.group(group)) else (match.start(group),
                                                                  match.group(group))
