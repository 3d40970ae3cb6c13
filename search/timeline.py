"""Counts of matching documents per publication day, month or year, gaps filled with zeros."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import numpy as np

from search.generation import NO_DAY
from search.model import MentionedTimeline, TimelineBucket

#: spans up to this many days are shown per day, up to MONTHLY_MAX_DAYS per month
DAILY_MAX_DAYS = 62
MONTHLY_MAX_DAYS = 5 * 366
#: a requested unit giving more bars than this is coarsened (the result says which unit);
#: years are not, so documents outside the densest MAX_BUCKETS years (a typo'd 9999-12-31
#: next to a 2019 archive) are left out of the timeline (still counted and found)
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
    return _buckets(_densest_periods(_period_index(days, unit), MAX_BUCKETS), unit), unit


def _densest_periods(periods: np.ndarray, width: int) -> np.ndarray:
    """The periods inside the `width` consecutive periods holding the most documents
    (the earliest such window on a tie); all of them when they span no more than `width`."""
    ordered = np.sort(periods)
    if int(ordered[-1] - ordered[0]) < width:
        return ordered
    inside = np.searchsorted(ordered, ordered + width) - np.arange(len(ordered))
    low = int(ordered[int(np.argmax(inside))])
    return ordered[(ordered >= low) & (ordered < low + width)]


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


def _buckets(periods: np.ndarray, unit: str) -> list[TimelineBucket]:
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


#: a facet date value by its length: (precision level, what completes it to its first day)
_DATE_SHAPES = {4: (1, "-01-01"), 7: (2, "-01"), 10: (3, "")}
#: the mentioned-dates timeline spans this central share of the placed mentions; the dates
#: before and after it (a history paragraph's 1517, a forecast's 2100) are counted apart
MENTIONED_SHARE = 0.96
#: the automatic unit is coarsened until it can place at least this share of the mentions
PLACED_SHARE = 0.8


def build_mentioned_timeline(gen, mask: np.ndarray, unit: str | None) -> MentionedTimeline:
    """Per period, the documents in `mask` that mention a date in it ("when it happened",
    beside the publication timeline's "when it was reported").

    A document counts once per period however many of its dates fall in it; a date less
    precise than the unit ("2024" in a monthly timeline) is not placed. The bars span the
    central MENTIONED_SHARE of the placed mentions, so a few outlying dates do not stretch
    them over centuries."""
    dates = gen.facets["date"]
    starts, precision = gen.queries.get(("date_value_starts",), lambda: date_value_starts(dates))
    rows = np.flatnonzero(mask)
    lengths = dates.doc_ptr[rows + 1] - dates.doc_ptr[rows]
    values = dates.doc_values[_pair_positions(dates.doc_ptr, rows, lengths)]
    docs = np.repeat(rows, lengths)
    if not len(values) or not precision[values].any():
        return MentionedTimeline([], unit or "year")
    days = starts[values[precision[values] > 0]]
    trim = int(len(days) * (1 - MENTIONED_SHARE) / 2)  # mentions left out at each end
    low, high = (int(d) for d in np.partition(days, [trim, len(days) - 1 - trim])[
        [trim, len(days) - 1 - trim]])
    levels = precision[values][precision[values] > 0]
    automatic = unit is None
    unit = unit or _automatic_unit(high - low)
    while unit in _COARSER and (_bucket_count(low, high, unit) > MAX_BUCKETS or (
            automatic and np.mean(levels >= _LEVEL[unit]) < PLACED_SHARE)):
        unit = _COARSER[unit]
    placed = precision[values] >= _LEVEL[unit]
    periods = _period_index(starts[values[placed]], unit)
    first, last = (int(p) for p in _period_index(np.array([low, high]), unit))
    last = min(last, first + MAX_BUCKETS - 1)
    docs = docs[placed]
    inside = (periods >= first) & (periods <= last)
    counts = _documents_per_period(docs[inside], periods[inside] - first, last - first + 1)
    earlier, later = _outside_counts(docs, periods, inside, first, last, len(mask))
    return MentionedTimeline([_bucket(first + i, unit, int(c)) for i, c in enumerate(counts.tolist())],
                             unit, earlier, later)


def _documents_per_period(docs: np.ndarray, periods: np.ndarray, width: int) -> np.ndarray:
    """How many distinct documents have a date in each period, from (doc, period) pairs
    sorted by document: one key per pair, sorted (nearly in order already: a stable sort
    finds the runs), duplicates dropped, counted per period."""
    keys = np.sort(docs.astype(np.int64) * width + periods, kind="stable")
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    return np.bincount(keys % width, minlength=width)


def _outside_counts(docs: np.ndarray, periods: np.ndarray, inside: np.ndarray, first: int,
                    last: int, size: int) -> tuple[int, int]:
    """Documents with a date before / after the bars and none within them."""
    in_window = np.zeros(size, dtype=bool)
    in_window[docs[inside]] = True
    counts = []
    for outside in (periods < first, periods > last):
        seen = np.zeros(size, dtype=bool)
        seen[docs[outside]] = True
        counts.append(int(np.count_nonzero(seen & ~in_window)))
    return counts[0], counts[1]


#: precision levels (as in _DATE_SHAPES): a date is placed in a unit when at least that precise
_LEVEL = {"year": 1, "month": 2, "day": 3}


def date_value_starts(dates) -> tuple[np.ndarray, np.ndarray]:
    """For each date facet value: its first day (days since 1970) and its precision level
    (1 year, 2 month, 3 day; 0 for a value that is not a date)."""
    starts = np.zeros(dates.size, dtype=np.int64)
    precision = np.zeros(dates.size, dtype=np.int8)
    for vid, value in enumerate(dates.values):
        level, completion = _DATE_SHAPES.get(len(value), (0, None))
        try:
            first = date.fromisoformat(value + completion) if level else None
        except ValueError:
            continue
        if first is not None:
            starts[vid] = (first - _EPOCH).days
            precision[vid] = level
    return starts, precision


def _pair_positions(ptr: np.ndarray, rows: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Positions in a CSR value array of every value of `rows`, row by row."""
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(ptr[rows] - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(int(lengths.sum()))
