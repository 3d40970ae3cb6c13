"""Date facet values: one spaCy DATE mention -> "YYYY", "YYYY-MM" or "YYYY-MM-DD", or nothing.

Explicit rules instead of a general date parser: the inputs are short entity spans, and the
hard part is refusing what is not a calendar date ("two weeks", "the 1990s", "the same day"),
which permissive parsers (dateutil's fuzzy mode, dateparser) turn into made-up days.
Relative forms resolve against the publication date; without one only absolute dates count.
Decisions: a bare weekday is the latest such day on or before publication, a "next"/"coming"
one the first after it; a yearless date is the latest one up to publication unless it falls
at most ~3 months ahead; "N weeks ago" is a day; week-long and vaguer spans ("this week",
"the weekend", seasons without a year, decades, centuries), round counts of years ago
("900 years ago") and anaphora ("the same day", "the day before", "the next year") are not
dates; numeric dates count only in an unambiguous day/month order. A time of day around a day
("3 a.m. on Saturday", "late Tuesday", "Friday at noon") names that day; alone ("midnight")
it names none. The model labels such mentions TIME as often as DATE: both are resolved, a
TIME mention only to a day (`indexer.enrich`); a four-digit time of day before a time zone,
which the model calls a date ("(1137 UTC)"), is taken as TIME (`clock_time`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from indexer.date_grammar import (
    MAX_YEAR,
    MIN_YEAR,
    MONTHS,
    WEEKDAYS,
    Value,
    add_months,
    day_value,
    parse_calendar_dates,
    valid_days,
    weekday_date,
)
from indexer.rule_data import alternation, alternation_of

#: a four-digit time of day, then a time zone or "hours": "(1137 UTC)", "at 1429 UTC"
_CLOCK_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_ZONE_AFTER = re.compile(r"\s*(?:" + alternation("clock_time_zones") + r")\b")


def clock_time(text: str, start: int, end: int) -> bool:
    """A four-digit number the time zone after it makes a time of day, no year: Wikinews
    gives the UTC time of local events that way ("7:37 p.m. local time (1137 UTC)"), which
    the model tags a date, and which would be the year 1137."""
    return bool(_CLOCK_TIME.fullmatch(text, start, end)) and bool(_ZONE_AFTER.match(text, end))


#: "N years ago" beyond this is a round approximation ("900 years ago"), not a year
MAX_YEARS_AGO = 10

DAY_OFFSETS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
               "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
HOLIDAYS = {"christmas eve": "december 24", "christmas day": "december 25",
            "christmas": "december 25", "boxing day": "december 26",
            "new year's eve": "december 31", "new year's day": "january 1",
            "halloween": "october 31", "valentine's day": "february 14"}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                "twelve": 12}
RELATIVE_SHIFTS = {"this": 0, "last": -1, "next": 1}
NEXT_WORDS = ("next", "coming", "this coming")

_MONTH_ALT = alternation_of(MONTHS, escape=False)
_WEEKDAY_ALT = alternation_of(WEEKDAYS, escape=False)
_MODIFIER_ALT = "last|past|this past|next|coming|this coming|this"
_SPACE_RE = re.compile(r"\s+")
#: a time of day ("3 a.m.", "10:30 pm", "noon"): no part of which day a mention names
_CLOCK = r"(?:(?:about|around|at) )?(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?|noon|midnight|dawn|dusk)"
_PREFIX_RE = re.compile(
    r"^(?:in|on|by|since|until|till|from|at|during|as of|before|after|for|of|about|around"
    r"|roughly|approximately|circa|c\.|as early as|as late as|q[1-4]|early|earlier|late|later"
    r"|mid|end of|start of|beginning of|middle of|the years?"
    r"|the (?:end|start|beginning|middle|close|turn|first half|second half"
    r"|(?:first|second|third|fourth|last|final) (?:week|weeks|days|quarter|months|half)) of"
    r"|(?:the )?(?:spring|summer|autumn|fall|winter)(?: of)?"
    # the time of day before the day: "overnight Thursday", "3 a.m. on Saturday", "noon Friday"
    r"|overnight|shortly before|shortly after|" + _CLOCK + r"(?: local time)?(?:,? on)?"
    # a weekday naming the day of an explicit date: "Friday, January 4", "next Wednesday, July 31"
    r"|(?:(?:the )?(?:" + _MODIFIER_ALT + r"|preceding|following) )?(?:" + _WEEKDAY_ALT + r")"
    r"\.?,?(?=\s+(?:\d|(?:" + _MONTH_ALT + r")\b|yesterday|today|tomorrow))"
    r")(?:\s+|-)")
_SUFFIX_RE = re.compile(r"(?:'s|\s+(?:morning|afternoon|evening|night|overnight)"
                        r"|,?\s+at\s+(?:about\s+|around\s+)?" + _CLOCK + r"(?: local time)?)$")
_HOLIDAY_RE = re.compile(r"\b(" + alternation_of(HOLIDAYS, escape=False) + r")\b")
# "the next year" / "the last month" are anaphora or durations, not the calendar's next year
_REL_YEAR_RE = re.compile(r"(?:\bof\s+)?(?<!the )\b(this|last|next) year\b")
_REL_MONTH_RE = re.compile(r"(?:\bof\s+)?(?<!the )\b(this|last|next) month\b")
_AGO_RE = re.compile(r"^(\d{1,3}|" + "|".join(NUMBER_WORDS) + r") (day|week|month|year)s? ago$")
_WEEKDAY_RE = re.compile(r"^(?:(" + _MODIFIER_ALT + r") )?(" + _WEEKDAY_ALT + r")\.?$")
_MONTH_NAME_RE = re.compile(r"^(" + _MODIFIER_ALT + r") (" + _MONTH_ALT + r")\.?$")
_ISO_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC_DMY_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YEAR_MONTH_RE = re.compile(r"^(\d{4})[-–/](\d{2})$")


def resolve_date(text: str, published: date | None) -> str | None:
    """The one facet value a DATE mention names: its first resolvable line, a list or range as
    the period enclosing it ("March 3-5, 2024" -> "2024-03"), or None when it is not a date."""
    for line in _lines(text):
        values = _resolve_line(line, _as_date(published))
        if values:
            return _enclosing(values)
    return None


def resolve_dates(text: str, published: date | None, past: bool = False) -> list[str]:
    """Every facet value a DATE mention names, in text order: lists and short ranges give
    one value per item ("March 3-5, 2024" -> three days), longer ranges their two ends.
    `past`: the mention has no year and its sentence is about the past (`indexer.tense`), so
    a date after publication is the one a year before."""
    values: list[str] = []
    for line in _lines(text):
        values.extend(v for v in _resolve_line(line, _as_date(published)) if v not in values)
    pub = _as_date(published)
    return [_year_before(v, pub) for v in values] if past and pub else values


def _year_before(value: str, pub: date) -> str:
    """A month or day after publication, a year earlier ("2020-01" published in November
    2020 -> "2019-01"); February 29 of a leap year stays as it is."""
    if len(value) < len("YYYY-MM") or value <= pub.isoformat()[:len(value)]:
        return value
    earlier = f"{int(value[:4]) - 1}{value[4:]}"
    try:
        date.fromisoformat(earlier if len(earlier) > len("YYYY-MM") else earlier + "-01")
    except ValueError:
        return value
    return earlier


def _lines(text: str) -> list[str]:
    """The mention's lines: spaCy spans can run across a dateline into the next paragraph."""
    if not isinstance(text, str):
        raise TypeError(f"a DATE mention must be a str, not {type(text).__name__}")
    return text.splitlines()


def _as_date(published: date | None) -> date | None:
    return published.date() if isinstance(published, datetime) else published


def _enclosing(values: list[str]) -> str:
    """The longest common year/month/day prefix of several values, else the first one."""
    common = []
    for column in zip(*(v.split("-") for v in values), strict=False):
        if len(set(column)) > 1:
            break
        common.append(column[0])
    return "-".join(common) if common else values[0]


def _resolve_line(line: str, pub: date | None) -> list[str]:
    text = _strip_affixes(_normalise(line))
    if not text:
        return []
    values = _resolve_relative(text, pub)
    if values is None:
        if pub is not None:
            text = _substitute_relative(text, pub)
        values = _resolve_numeric(text)
    if values is None:
        values = parse_calendar_dates(_HOLIDAY_RE.sub(lambda m: HOLIDAYS[m[1]], text), pub)
    return [_format(v) for v in values if MIN_YEAR <= v[0] <= MAX_YEAR]


def _normalise(line: str) -> str:
    text = line.replace("\u2019", "'").replace("\u2018", "'").lower()
    return _SPACE_RE.sub(" ", text).strip(" \"'\u201c\u201d()[],;:!?*")


def _strip_affixes(text: str) -> str:
    """Drops prepositions, part-of-period words ("early", "the end of") and time of day."""
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX_RE.sub("", text).strip(" ,.-–—")
        if text not in DAY_OFFSETS:  # "late last night" is "last night", not "last"
            text = _SUFFIX_RE.sub("", text)
    return text


def _substitute_relative(text: str, pub: date) -> str:
    """Writes "last year" / "this month" as the calendar year or month they name."""
    text = _REL_YEAR_RE.sub(lambda m: f" {pub.year + RELATIVE_SHIFTS[m[1]]}", text)
    return _REL_MONTH_RE.sub(lambda m: " {} {}".format(*_month_words(pub, m[1])), text).strip()


def _month_words(pub: date, modifier: str) -> tuple[str, int]:
    year, month = add_months(pub.year, pub.month, RELATIVE_SHIFTS[modifier])
    return calendar.month_name[month].lower(), year


def _resolve_relative(text: str, pub: date | None) -> list[Value] | None:
    """Days, weekdays and months named relative to publication; None when no rule applies."""
    match = _WEEKDAY_RE.match(text) or _MONTH_NAME_RE.match(text) or _AGO_RE.match(text)
    if match is None and text not in DAY_OFFSETS:
        return None
    if pub is None:
        return []
    if match is None:
        return [day_value(pub + timedelta(days=DAY_OFFSETS[text]))]
    if match.re is _AGO_RE:
        return _resolve_ago(match, pub)
    if match.re is _WEEKDAY_RE:
        return [day_value(weekday_date(WEEKDAYS[match[2]], match[1] or "", pub))]
    return [_month_near(MONTHS[match[2]], match[1], pub)]


def _resolve_ago(match: re.Match, pub: date) -> list[Value]:
    count, unit = NUMBER_WORDS.get(match[1]) or int(match[1]), match[2]
    if unit in ("day", "week"):
        return [day_value(pub - timedelta(days=count * (7 if unit == "week" else 1)))]
    if unit == "month":
        return [add_months(pub.year, pub.month, -count)]
    return [(pub.year - count,)] if count <= MAX_YEARS_AGO else []


def _month_near(month: int, modifier: str, pub: date) -> Value:
    """"last March" is the latest March before publication's month, "next March" the first
    after it, "this March" the one in publication's year."""
    if modifier in NEXT_WORDS:
        return (pub.year + (month <= pub.month), month)
    if modifier == "this":
        return (pub.year, month)
    return (pub.year - (month >= pub.month), month)


def _resolve_numeric(text: str) -> list[Value] | None:
    """All-digit forms: ISO days, unambiguous day/month orders, ISO months, "2019-20" spans."""
    if match := _ISO_RE.match(text):
        return valid_days([(int(match[1]), int(match[2]), int(match[3]))])
    if match := _NUMERIC_DMY_RE.match(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first > 12 >= second or first == second:
            return valid_days([(year, second, first)])
        return valid_days([(year, first, second)]) if second > 12 >= first else []
    if match := _YEAR_MONTH_RE.match(text):
        year, tail = int(match[1]), int(match[2])
        if tail == (year + 1) % 100:  # "2019-20": a season or fiscal year spanning two years
            return [(year,), (year + 1,)]
        return [(year, tail)] if 1 <= tail <= 12 else []
    return None


def _format(value: Value) -> str:
    return "-".join([f"{value[0]:04d}", *(f"{part:02d}" for part in value[1:])])
