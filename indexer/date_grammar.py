"""Calendar dates written with month names, years and weekdays, alone or in lists and ranges.

The grammar behind `indexer.dates`: "March 15, 2011", "15 March", "2011 and 2012",
"March 3-5, 2024", "between 2015 and 2017", "Monday and Tuesday". A mention is tokenised into
months, days, years, weekdays and separators; any other word rejects it, which is what keeps
durations ("13 years") and quantities ("1,000") out. Values are tuples: (year,),
(year, month) or (year, month, day).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MIN_YEAR = 1000
MAX_YEAR = 2100
#: a yearless day or month up to this far after publication is upcoming, not last year's
#: (news mentions deadlines and elections 2-3 months ahead without a year; yearless past
#: dates from the previous year sit 6+ months "ahead" in the Wikinews sample)
FUTURE_WINDOW_DAYS = 92
FUTURE_WINDOW_MONTHS = 3
#: a range ("March 3-5") lists every unit up to this many; longer ones keep their endpoints
MAX_RANGE_UNITS = 7

MONTHS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = {name: i for i, names in enumerate(
    [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed", "weds"),
     ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
     ("sunday", "sun")]) for name in names}
RANGE_WORDS = frozenset({"-", "–", "—", "to", "through", "thru", "until", "till"})
LIST_WORDS = frozenset({"and", "or", "&"})
SKIP_WORDS = frozenset({"of", "the", "from"})

_TOKEN_RE = re.compile(r"\d+(?:st|nd|rd|th)?|[a-z]+\.?|[-–—,&]|\S")

Value = tuple  # (year,) | (year, month) | (year, month, day)


def parse_calendar_dates(text: str, pub: date | None) -> list[Value]:
    """The dates a normalised mention names; [] unless every word fits the date grammar."""
    tokens = _tokenise(text)
    if not tokens:
        return []
    is_range = tokens[0] == ("between", 0)
    groups, separators = _group_tokens(tokens[1:] if is_range else tokens)
    values = _complete_groups(groups, pub) if groups else None
    if not values:
        return []
    out: list[Value] = []
    for i, value in enumerate(values):
        if i and (is_range or separators[i - 1] == "~"):
            out.extend(_between(values[i - 1], value))
        out.append(value)
    return list(dict.fromkeys(valid_days(out)))


def weekday_date(weekday: int, modifier: str, pub: date) -> date:
    """News convention: bare = latest on or before publication; next/coming = first after."""
    if modifier in ("next", "coming", "this coming"):
        return pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    if modifier == "this":  # the day of that name in publication's Monday-Sunday week
        return pub + timedelta(days=weekday - pub.weekday())
    back = (pub.weekday() - weekday) % 7
    return pub - timedelta(days=back or (7 if modifier else 0))


def add_months(year: int, month: int, delta: int) -> Value:
    """(year, month) moved by delta months."""
    index = year * 12 + month - 1 + delta
    return (index // 12, index % 12 + 1)


def day_value(day: date) -> Value:
    return (day.year, day.month, day.day)


def valid_days(values: list[Value]) -> list[Value]:
    """Drops impossible days such as February 30 or month 13."""
    return [v for v in values if len(v) < 3 or 1 <= v[2] <= _month_days(v[0], v[1])]


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0


def _tokenise(text: str) -> list[tuple[str, int]] | None:
    tokens: list[tuple[str, int]] = []
    for raw in _TOKEN_RE.findall(text):
        token = _word_token(raw, first=not tokens)
        if token is None:
            return None
        if token != _SKIP:
            tokens.append(token)
    return tokens


_SKIP = ("", 0)


def _word_token(raw: str, first: bool) -> tuple[str, int] | None:
    """One raw word as a grammar token; _SKIP for filler words, None for a foreign word."""
    word = raw.rstrip(".")
    if word[:1].isdigit():
        return _number_token(word)
    if word in MONTHS:
        return ("M", MONTHS[word])
    if word in WEEKDAYS:
        return ("W", WEEKDAYS[word])
    separator = _separator(raw)
    if separator:
        return (separator, 0)
    if word == "between" and first:
        return ("between", 0)
    return _SKIP if word in SKIP_WORDS else None


def _separator(raw: str) -> str:
    """"~" for a range word, "&" for a list word, "," for a comma, else ""."""
    if raw in RANGE_WORDS:
        return "~"
    if raw in LIST_WORDS:
        return "&"
    return "," if raw == "," else ""


def _number_token(word: str) -> tuple[str, int]:
    """Y for a plain year in range, D for a possible day of month, X for anything else."""
    digits = word.rstrip("stndrh")
    if not digits.isdigit():
        return ("X", 0)
    number = int(digits)
    if len(digits) == 4 and digits == word and MIN_YEAR <= number <= MAX_YEAR:
        return ("Y", number)
    return ("D", number) if len(digits) <= 2 and 1 <= number <= 31 else ("X", 0)


def _group_tokens(tokens: list) -> tuple[list[dict], list[str]]:
    """Splits tokens at list/range separators; a comma before a year belongs to its date."""
    groups: list[dict] = [{}]
    separators: list[str] = []
    for i, (kind, value) in enumerate(tokens):
        current = groups[-1]
        if kind == ",":
            if _comma_joins(current, tokens[i + 1][0] if i + 1 < len(tokens) else "~"):
                continue
            kind = "&"
        if not _add_token(groups, separators, kind, value):
            return [], []
    return (groups, separators) if groups[-1] else ([], [])


def _comma_joins(current: dict, following: str) -> bool:
    """A comma that stays inside a date: before a separator, after a lone weekday, or before
    the year the current date lacks."""
    return following in "~&" or set(current) == {"W"} or (following == "Y" and "Y" not in current)


def _add_token(groups: list[dict], separators: list[str], kind: str, value: int) -> bool:
    """Adds one token to the groups; False when it breaks the grammar."""
    current = groups[-1]
    if kind in "~&":
        if not current:
            return False
        groups.append({})
        separators.append(kind)
        return True
    if kind in current or kind == "X":
        return False
    current[kind] = value
    return True


def _complete_groups(groups: list[dict], pub: date | None) -> list[Value] | None:
    """Lends months and years between neighbours ("March 3-5, 2024"), then infers the rest."""
    values: list[Value] = []
    for i, group in enumerate(groups):
        _lend_month_year(group, (groups[i - 1::-1] if i else []), groups[i + 1:])
        if set(group) == {"W"}:
            value = _weekday_value(group["W"], values[-1] if values else None, pub)
        else:
            value = _group_value(group, pub)
        if value is None:
            return None
        values.append(value)
    return values


def _lend_month_year(group: dict, earlier: list[dict], later: list[dict]) -> None:
    """A day takes the nearest month (earlier first), a month the nearest year (later first)."""
    if "D" in group and "M" not in group:
        group.update(next(({"M": g["M"]} for g in [*earlier, *later] if "M" in g), {}))
    if "M" in group and "Y" not in group:
        group.update(next(({"Y": g["Y"]} for g in [*later, *earlier] if "Y" in g), {}))


def _weekday_value(weekday: int, previous: Value | None, pub: date | None) -> Value | None:
    """A bare weekday; in "Wednesday through Friday" later ones follow the one before."""
    if pub is None:
        return None
    if previous is not None and len(previous) == 3:
        start = date(*previous)
        return day_value(start + timedelta(days=(weekday - start.weekday()) % 7))
    return day_value(weekday_date(weekday, "", pub))


def _group_value(group: dict, pub: date | None) -> Value | None:
    month, year = group.get("M"), group.get("Y")
    if month is None:
        return (year,) if year and "D" not in group else None
    if year is None and pub is None:
        return None
    if "D" not in group:
        return (year, month) if year else _infer_month_year(month, pub)
    return (year, month, group["D"]) if year else _infer_day_year(month, group["D"], pub)


def _infer_month_year(month: int, pub: date) -> Value:
    """The latest such month up to publication, unless it is at most 3 months ahead."""
    if (month - pub.month) % 12 <= FUTURE_WINDOW_MONTHS:
        return (pub.year + (month < pub.month), month)
    return (pub.year - (month > pub.month), month)


def _infer_day_year(month: int, day: int, pub: date) -> Value | None:
    """The latest such day up to publication, unless it is at most ~3 months ahead."""
    for year in (pub.year + 1, pub.year, pub.year - 1):
        if day <= _month_days(year, month) and (date(year, month, day) - pub).days <= FUTURE_WINDOW_DAYS:
            return (year, month, day)
    return None


def _between(start: Value, end: Value) -> list[Value]:
    """The units strictly between two range ends, when the range is short and well formed."""
    if len(start) != len(end) or valid_days([start, end]) != [start, end] or start >= end:
        return []
    if len(start) == 1:
        units = [(y,) for y in range(start[0] + 1, end[0])]
    elif len(start) == 2:
        span = (end[0] - start[0]) * 12 + end[1] - start[1]
        units = [add_months(start[0], start[1], k) for k in range(1, span)]
    else:
        first, last = date(*start), date(*end)
        units = [day_value(first + timedelta(days=k)) for k in range(1, (last - first).days)]
    return units if len(units) + 2 <= MAX_RANGE_UNITS else []
