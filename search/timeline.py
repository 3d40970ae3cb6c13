"""Counts of matching documents per publication day, month or year, gaps filled with zeros."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import numpy as np

from search.generation import NO_DAY
from search.model import TimelineBucket

#: spans up to this many days are shown per day, up to MONTHLY_MAX_DAYS per month
DAILY_MAX_DAYS = 62
MONTHLY_MAX_DAYS = 5 * 366
#: a requested unit giving more bars than this is coarsened (the result says which unit)
MAX_BUCKETS = 1000
_EPOCH = date(1970, 1, 1)
_COARSER = {"day": "month", "month": "year"}


def build_timeline(published: np.ndarray, mask: np.ndarray,
                   unit: str | None) -> tuple[list[TimelineBucket], str]:
    """(buckets, unit) for the publication days of the documents in `mask`."""
    days = published[mask]
    days = days[days != NO_DAY].astype(np.int64)
    if not len(days):
        return [], unit or "month"
    first, last = int(days.min()), int(days.max())
    unit = unit or _automatic_unit(last - first)
    while unit in _COARSER and _bucket_count(first, last, unit) > MAX_BUCKETS:
        unit = _COARSER[unit]
    return _buckets(days, unit), unit


def _automatic_unit(span_days: int) -> str:
    if span_days <= DAILY_MAX_DAYS:
        return "day"
    return "month" if span_days <= MONTHLY_MAX_DAYS else "year"


def _period_index(days: np.ndarray, unit: str) -> np.ndarray:
    """Days since 1970 -> days, months or years since 1970."""
    if unit == "day":
        return days
    stamps = days.astype("datetime64[D]")
    return stamps.astype("datetime64[M]" if unit == "month" else "datetime64[Y]").astype(np.int64)


def _bucket_count(first: int, last: int, unit: str) -> int:
    ends = _period_index(np.array([first, last], dtype=np.int64), unit)
    return int(ends[1] - ends[0]) + 1


def _buckets(days: np.ndarray, unit: str) -> list[TimelineBucket]:
    periods = _period_index(days, unit)
    start = int(periods.min())
    counts = np.bincount(periods - start)
    return [_bucket(start + i, unit, int(c)) for i, c in enumerate(counts.tolist())]


def _bucket(index: int, unit: str, count: int) -> TimelineBucket:
    if unit == "day":
        day = _EPOCH + timedelta(days=index)
        return TimelineBucket(day.isoformat(), count, day, day)
    if unit == "month":
        year, month = 1970 + index // 12, index % 12 + 1
        last = calendar.monthrange(year, month)[1]
        return TimelineBucket(f"{year:04d}-{month:02d}", count, date(year, month, 1),
                              date(year, month, last))
    year = 1970 + index
    return TimelineBucket(f"{year:04d}", count, date(year, 1, 1), date(year, 12, 31))
