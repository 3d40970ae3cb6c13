"""Timeline buckets: the unit follows the span of the results, gaps are zero buckets."""

from __future__ import annotations

from datetime import date

import numpy as np

from search.generation import NO_DAY
from search.model import SearchRequest, TimelineBucket
from search.timeline import MAX_BUCKETS, build_timeline


def days(*dates: date | None) -> np.ndarray:
    epoch = date(1970, 1, 1)
    return np.array([(d - epoch).days if d else NO_DAY for d in dates], dtype=np.int32)


def everything(published: np.ndarray) -> np.ndarray:
    return np.ones(len(published), dtype=bool)


def test_short_span_is_daily_with_zero_gaps():
    published = days(date(2024, 3, 1), date(2024, 3, 3), date(2024, 3, 3), None)
    buckets, unit = build_timeline(published, everything(published), None)
    assert unit == "day"
    assert buckets == [
        TimelineBucket("2024-03-01", 1, date(2024, 3, 1), date(2024, 3, 1)),
        TimelineBucket("2024-03-02", 0, date(2024, 3, 2), date(2024, 3, 2)),
        TimelineBucket("2024-03-03", 2, date(2024, 3, 3), date(2024, 3, 3)),
    ]


def test_medium_span_is_monthly():
    published = days(date(2023, 11, 30), date(2024, 2, 29))
    buckets, unit = build_timeline(published, everything(published), None)
    assert unit == "month"
    assert buckets == [
        TimelineBucket("2023-11", 1, date(2023, 11, 1), date(2023, 11, 30)),
        TimelineBucket("2023-12", 0, date(2023, 12, 1), date(2023, 12, 31)),
        TimelineBucket("2024-01", 0, date(2024, 1, 1), date(2024, 1, 31)),
        TimelineBucket("2024-02", 1, date(2024, 2, 1), date(2024, 2, 29)),
    ]


def test_long_span_is_yearly_and_handles_dates_before_1970():
    published = days(date(1962, 6, 1), date(1968, 1, 1), date(1968, 5, 5))
    buckets, unit = build_timeline(published, everything(published), None)
    assert unit == "year"
    assert [(b.period, b.count) for b in buckets] == [
        ("1962", 1), ("1963", 0), ("1964", 0), ("1965", 0), ("1966", 0), ("1967", 0),
        ("1968", 2)]
    assert (buckets[0].start, buckets[0].end) == (date(1962, 1, 1), date(1962, 12, 31))


def test_requested_unit_wins_unless_it_gives_too_many_bars():
    published = days(date(2024, 3, 1), date(2024, 3, 2))
    buckets, unit = build_timeline(published, everything(published), "year")
    assert (unit, buckets) == ("year", [
        TimelineBucket("2024", 2, date(2024, 1, 1), date(2024, 12, 31))])
    published = days(date(2000, 1, 1), date(2024, 1, 1))
    buckets, unit = build_timeline(published, everything(published), "day")
    assert (unit, len(buckets)) == ("month", 289)


def test_only_masked_and_dated_documents_count():
    published = days(date(2024, 3, 1), date(2030, 1, 1), None)
    mask = np.array([True, False, True])
    buckets, unit = build_timeline(published, mask, None)
    assert (unit, [(b.period, b.count) for b in buckets]) == ("day", [("2024-03-01", 1)])
    assert build_timeline(published, np.zeros(3, dtype=bool), None) == ([], "month")


def test_search_timeline_follows_the_filters(backend):
    result = backend.search(SearchRequest.from_params({"place": "Syria"}))
    assert result.timeline_unit == "day"
    assert (result.timeline[0], result.timeline[-1], len(result.timeline)) == (
        TimelineBucket("2024-11-01", 1, date(2024, 11, 1), date(2024, 11, 1)),
        TimelineBucket("2024-11-15", 1, date(2024, 11, 15), date(2024, 11, 15)), 15)
    result = backend.search(SearchRequest.from_params({"timeline": "year"}))
    assert [(b.period, b.count) for b in result.timeline] == [
        ("2013", 2), ("2014", 0), ("2015", 0), ("2016", 0), ("2017", 0), ("2018", 0),
        ("2019", 0), ("2020", 0), ("2021", 1), ("2022", 0), ("2023", 0), ("2024", 3)]


def test_outlying_years_are_left_out_so_the_bars_stay_bounded():
    """A typo'd 9999-12-31 next to a 2019-2020 archive gave 7,981 yearly bars."""
    published = days(date(1, 1, 1), date(2019, 5, 1), date(2019, 6, 1), date(2020, 1, 1),
                     date(9999, 12, 31))
    buckets, unit = build_timeline(published, everything(published), None)
    assert unit == "year"
    assert [(b.period, b.count) for b in buckets] == [("2019", 2), ("2020", 1)]
    for requested in ("day", "month", "year"):
        assert len(build_timeline(published, everything(published), requested)[0]) <= MAX_BUCKETS


def test_a_long_archive_within_the_bound_keeps_every_year():
    published = days(date(1100, 1, 1), date(2019, 1, 1), date(2020, 1, 1))
    buckets, _ = build_timeline(published, everything(published), None)
    assert (buckets[0].period, buckets[-1].period, len(buckets)) == ("1100", "2020", 921)
