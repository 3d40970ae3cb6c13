"""Date facet values from DATE mentions: absolute, relative to publication, and rejected."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from indexer.dates import resolve_date, resolve_dates

FRI = date(2024, 11, 29)  # a Friday
FRI_JAN = date(2025, 1, 3)  # a Friday, just after a year boundary
MON_DEC = date(2024, 12, 30)  # a Monday, just before a year boundary
FRI_LEAP = date(2024, 3, 1)  # a Friday, the day after 29 February
SUN = date(2019, 3, 31)  # a Sunday
THU = date(2020, 2, 27)  # a Thursday


def test_anchor_weekdays_match_the_calendar():
    anchors = [FRI, FRI_JAN, MON_DEC, FRI_LEAP, SUN, THU]
    assert [d.strftime("%A") for d in anchors] == [
        "Friday", "Friday", "Monday", "Friday", "Sunday", "Thursday"]


ABSOLUTE = [
    ("2016", "2016"),
    ("1066", "1066"),
    ("March 2011", "2011-03"),
    ("March, 2011", "2011-03"),
    ("March of 2016", "2016-03"),
    ("March 15, 2011", "2011-03-15"),
    ("15 March 2011", "2011-03-15"),
    ("the 4th of July, 1976", "1976-07-04"),
    ("Dec. 31, 2024", "2024-12-31"),
    ("Sept. 5th, 2019", "2019-09-05"),
    ("2024-11-27", "2024-11-27"),
    ("2024/11/27", "2024-11-27"),
    ("27/11/2024", "2024-11-27"),
    ("11/27/2024", "2024-11-27"),
    ("27.11.2024", "2024-11-27"),
    ("2024-11", "2024-11"),
    ("mid-2019", "2019"),
    ("early 2020", "2020"),
    ("late February 1944", "1944-02"),
    ("the end of 2023", "2023"),
    ("the first half of 2021", "2021"),
    ("the beginning of October 2010", "2010-10"),
    ("in 2019", "2019"),
    ("since March 2011", "2011-03"),
    ("around 2010", "2010"),
    ("the year 2019", "2019"),
    ("2019's", "2019"),
    ("Q2 2021", "2021"),
    ("summer 2019", "2019"),
    ("the winter of 2006", "2006"),
    ("Christmas 2023", "2023-12-25"),
    ("Friday, January 4, 2019", "2019-01-04"),
    ("Friday, January 4, 2019\xa0\n\n\nThe council met", "2019-01-04"),
    ("“March 15, 2011”", "2011-03-15"),
]

ABSOLUTE_REJECTED = [
    "03/04/2024",  # day and month order unknowable
    "February 30, 2024",
    "2024-13-01",
    "0040",  # a clock time, not a year
    "2240",  # beyond MAX_YEAR
    "999",
    "1,000",
    "17",
    "the 27th",
    "the 1990s",
    "1950s",
    "the 13th century",
    "",
    "  ",
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
@pytest.mark.parametrize("published", [None, FRI])
def test_absolute_dates_need_no_publication_date(text, expected, published):
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize("text", ABSOLUTE_REJECTED)
def test_malformed_or_non_calendar_numbers_are_rejected(text):
    assert resolve_date(text, FRI) is None
    assert resolve_dates(text, FRI) == []


RELATIVE = [
    # yearless days and months: latest up to publication unless at most ~3 months ahead
    ("November 27", FRI, "2024-11-27"),
    ("Dec. 31", FRI_JAN, "2024-12-31"),
    ("December 28th", FRI_JAN, "2024-12-28"),
    ("January 5", date(2024, 12, 20), "2025-01-05"),
    ("February 20", FRI, "2025-02-20"),
    ("March 15", FRI, "2024-03-15"),
    ("15 March", FRI, "2024-03-15"),
    ("Wednesday, November 27", FRI, "2024-11-27"),
    ("next Wednesday, December 4", FRI, "2024-12-04"),
    ("February 29", date(2025, 3, 10), "2024-02-29"),
    ("December", FRI, "2024-12"),
    ("April", FRI, "2024-04"),
    ("late December", date(2019, 1, 10), "2018-12"),
    ("the end of January", date(2019, 12, 16), "2020-01"),
    ("the first week of April", date(2019, 5, 6), "2019-04"),
    ("Halloween", FRI, "2024-10-31"),
    ("Christmas Eve", FRI_JAN, "2024-12-24"),
    # years and months named relative to publication
    ("this year", FRI, "2024"),
    ("This Year's", FRI, "2024"),
    ("last year", FRI, "2023"),
    ("last year", FRI_JAN, "2024"),
    ("next year", MON_DEC, "2025"),
    ("late last year", FRI_JAN, "2024"),
    ("earlier this year", FRI, "2024"),
    ("the first half of this year", FRI, "2024"),
    ("this month", FRI, "2024-11"),
    ("last month", FRI_JAN, "2024-12"),
    ("next month", FRI, "2024-12"),
    ("next month", MON_DEC, "2025-01"),
    ("earlier this month", FRI, "2024-11"),
    ("January of last year", FRI, "2023-01"),
    ("March this year", FRI, "2024-03"),
    ("September 20 of this year", FRI, "2024-09-20"),
    ("March 20 last year", FRI_JAN, "2024-03-20"),
    ("last October", FRI, "2024-10"),
    ("last November", FRI, "2023-11"),
    ("last December", FRI, "2023-12"),
    ("this past December", FRI_JAN, "2024-12"),
    ("next March", FRI, "2025-03"),
    ("this June", FRI, "2024-06"),
    # days
    ("today", FRI, "2024-11-29"),
    ("Today", FRI, "2024-11-29"),
    ("tonight", FRI, "2024-11-29"),
    ("this morning", FRI, "2024-11-29"),
    ("yesterday", FRI, "2024-11-28"),
    ("yesterday", FRI_LEAP, "2024-02-29"),
    ("late yesterday", FRI, "2024-11-28"),
    ("early yesterday morning", date(2025, 1, 1), "2024-12-31"),
    ("last night", FRI, "2024-11-28"),
    ("tomorrow", date(2024, 12, 31), "2025-01-01"),
    ("the day before yesterday", FRI, "2024-11-27"),
    ("three days ago", FRI, "2024-11-26"),
    ("3 days ago", FRI_JAN, "2024-12-31"),
    ("a week ago", FRI, "2024-11-22"),
    ("two weeks ago", FRI, "2024-11-15"),
    ("three months ago", FRI_JAN, "2024-10"),
    ("a year ago", FRI, "2023"),
    ("two years ago", FRI, "2022"),
    ("about two years ago", FRI, "2022"),
    # weekdays: latest on or before publication; next/coming: first after it
    ("Wednesday", FRI, "2024-11-27"),
    ("on Wednesday", FRI, "2024-11-27"),
    ("last Wednesday", FRI, "2024-11-27"),
    ("Saturday", FRI, "2024-11-23"),
    ("Thursday", FRI, "2024-11-28"),
    ("Friday", FRI, "2024-11-29"),
    ("last Friday", FRI, "2024-11-22"),
    ("this past Friday", FRI, "2024-11-22"),
    ("Monday morning", FRI, "2024-11-25"),
    ("early Monday", FRI, "2024-11-25"),
    ("Friday night", FRI, "2024-11-29"),
    ("Wednesday's", FRI, "2024-11-27"),
    ("next Tuesday", FRI, "2024-12-03"),
    ("this coming Tuesday", FRI, "2024-12-03"),
    ("next Friday", FRI, "2024-12-06"),
    ("Tuesday", FRI_JAN, "2024-12-31"),
    ("Sunday", MON_DEC, "2024-12-29"),
    ("next Wednesday", MON_DEC, "2025-01-01"),
    ("Wednesday", FRI_LEAP, "2024-02-28"),
    ("this Thursday", SUN, "2019-03-28"),
    # part of a day, resolved like the bare weekday (issue 10, class 7)
    ("early on Wednesday", FRI, "2024-11-27"),
    ("late on Friday", FRI, "2024-11-29"),
    ("on Wednesday morning", FRI, "2024-11-27"),
    ("late on Thursday night", FRI, "2024-11-28"),
    ("early on Monday", FRI_JAN, "2024-12-30"),
    # a time of day before or after the day, and a part of a day before a day word
    ("overnight Thursday", FRI, "2024-11-28"),
    ("3 a.m. on Saturday", FRI, "2024-11-23"),
    ("10:30 pm local time on Tuesday", FRI, "2024-11-26"),
    ("shortly before midnight on Sunday", FRI, "2024-11-24"),
    ("Saturday at 3 p.m.", FRI, "2024-11-23"),
    ("Friday at noon", FRI, "2024-11-29"),
    ("late last night", FRI, "2024-11-28"),
    ("early this morning", FRI, "2024-11-29"),
]


@pytest.mark.parametrize(("text", "published", "expected"), RELATIVE)
def test_relative_dates_resolve_against_publication(text, published, expected):
    assert resolve_date(text, published) == expected


NOT_DATES = [
    # spans longer than a day, or vaguer
    "last week", "this week", "Earlier this week", "next week", "this weekend", "the weekend",
    "this past weekend", "recent years", "the past", "this summer", "last summer", "winter",
    "the 2010s", "two decades ago", "900 years ago", "a few days ago",
    # a time of day alone
    "3 a.m.", "midnight", "noon", "after midnight",
    # durations and quantities
    "two weeks", "13 years", "48 hours", "several months", "decades", "the past five years",
    "the last month", "the past year", "a day", "30-year-old", "64 years old", "every year",
    "annual", "three-week",
    # anaphora: the day of some other event
    "the day before", "the same day", "the next day", "the following day", "the day",
    "the next year", "that day", "two days later", "a year earlier",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_durations_vague_spans_and_anaphora_are_not_dates(text):
    assert resolve_date(text, FRI) is None


@pytest.mark.parametrize("text", [
    "yesterday", "today", "Wednesday", "next Tuesday", "last year", "this month",
    "three days ago", "November 27", "December", "late last year", "Halloween",
])
def test_relative_dates_need_a_publication_date(text):
    assert resolve_date(text, None) is None
    assert resolve_dates(text, None) == []


MULTIPLE = [
    ("March 3-5, 2024", None, ["2024-03-03", "2024-03-04", "2024-03-05"], "2024-03"),
    ("3–5 March 2024", None, ["2024-03-03", "2024-03-04", "2024-03-05"], "2024-03"),
    ("March 3 and 5, 2024", None, ["2024-03-03", "2024-03-05"], "2024-03"),
    ("March 30 to April 2, 2024", None,
     ["2024-03-30", "2024-03-31", "2024-04-01", "2024-04-02"], "2024"),
    ("1st of March to 10th of March 2024", None, ["2024-03-01", "2024-03-10"], "2024-03"),
    ("2011 and 2012", None, ["2011", "2012"], "2011"),
    ("2011, 2012 and 2013", None, ["2011", "2012", "2013"], "2011"),
    ("between 2015 and 2017", None, ["2015", "2016", "2017"], "2015"),
    ("the years 2005–2015", None, ["2005", "2015"], "2005"),
    ("2019-20", None, ["2019", "2020"], "2019"),
    ("March and April 2019", None, ["2019-03", "2019-04"], "2019"),
    ("December 30 to January 2", date(2025, 1, 5),
     ["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"], "2024-12-30"),
    ("November 27 and December 10", FRI, ["2024-11-27", "2024-12-10"], "2024"),
    ("Monday and Tuesday", FRI, ["2024-11-25", "2024-11-26"], "2024-11"),
    ("Wednesday through Friday", THU, ["2020-02-26", "2020-02-27", "2020-02-28"], "2020-02"),
    ("Tuesday, November 26, 2024\n\nFrom November 20 to 22", FRI,
     ["2024-11-26", "2024-11-20", "2024-11-21", "2024-11-22"], "2024-11-26"),
    ("Tuesday, November 26, 2024\n\nFrom November 20 to 22", None, ["2024-11-26"], "2024-11-26"),
    # ranges: their start and end days (issue 10, class 7)
    ("October 25-26, 2016", None, ["2016-10-25", "2016-10-26"], "2016-10"),
    ("from 1 to 28 November", FRI, ["2024-11-01", "2024-11-28"], "2024-11"),
    ("1 to 28 November 2019", None, ["2019-11-01", "2019-11-28"], "2019-11"),
    ("between 3 and 5 March", FRI, ["2024-03-03", "2024-03-04", "2024-03-05"], "2024-03"),
    ("between 3 and 25 March 2020", None, ["2020-03-03", "2020-03-25"], "2020-03"),
]


@pytest.mark.parametrize(("text", "published", "values", "one"), MULTIPLE)
def test_lists_and_ranges_name_every_date_and_one_enclosing_value(text, published, values, one):
    assert resolve_dates(text, published) == values
    assert resolve_date(text, published) == one


def test_single_dates_give_one_value_from_both_functions():
    assert resolve_dates("Dec. 31", FRI_JAN) == ["2024-12-31"]
    assert resolve_dates("two weeks", FRI_JAN) == []


def test_a_publication_datetime_counts_as_its_day():
    assert resolve_date("yesterday", datetime(2024, 11, 29, 23, 59)) == "2024-11-28"


def test_a_mention_that_is_not_text_is_a_clear_error():
    with pytest.raises(TypeError, match="DATE mention must be a str"):
        resolve_date(None, FRI)  # type: ignore[arg-type]
