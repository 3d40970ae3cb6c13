"""Counts of matching documents per publication day, month or year, gaps filled with zeros."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

import numpy as np

from search.facet_table import count_by_smaller_side
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
    days, counts = np.unique(published[mask], return_counts=True)
    return timeline_of_days(days, counts, unit)


def publication_timeline(gen, mask: np.ndarray, matched: int,
                         unit: str | None) -> tuple[list[TimelineBucket], str]:
    """build_timeline() of a generation's documents in `mask` (`matched` of them), counted
    on its day codes: one bincount over the smaller side of the mask."""
    days = gen.derived(("publication days",), lambda: DayCodes.of(gen.published))
    return timeline_of_days(days.days, days.count(mask, matched), unit)


@dataclass(frozen=True)
class DayCodes:
    """The publication day of every document of a generation as a small code."""

    days: np.ndarray  # the distinct days (NO_DAY too), sorted
    codes: np.ndarray  # per document, the index of its day in `days`
    totals: np.ndarray  # documents per day (deleted ones included)

    @classmethod
    def of(cls, published: np.ndarray) -> DayCodes:
        days, codes = np.unique(published, return_inverse=True)
        codes = codes.reshape(-1).astype(np.min_scalar_type(max(len(days) - 1, 0)))
        return cls(days, codes, np.bincount(codes, minlength=len(days)))

    def count(self, mask: np.ndarray, matched: int) -> np.ndarray:
        """Documents of `mask` per day."""
        return count_by_smaller_side(mask, matched, self._count, lambda: self.totals)

    def _count(self, mask: np.ndarray, matched: int) -> np.ndarray:
        return np.bincount(self.codes[mask], minlength=len(self.days))


def timeline_of_days(days: np.ndarray, counts: np.ndarray,
                     unit: str | None) -> tuple[list[TimelineBucket], str]:
    """(buckets, unit) for `counts[i]` documents published on `days[i]` (sorted, distinct)."""
    known = (days != NO_DAY) & (counts > 0)
    days, counts = days[known].astype(np.int64), counts[known]
    if not len(days):
        return [], unit or "month"
    first, last = int(days[0]), int(days[-1])
    unit = unit or _automatic_unit(last - first)
    while unit in _COARSER and _bucket_count(first, last, unit) > MAX_BUCKETS:
        unit = _COARSER[unit]
    periods, counts = _densest_periods(_period_index(days, unit), counts, MAX_BUCKETS)
    return _buckets(periods, counts, unit), unit


def _densest_periods(periods: np.ndarray, counts: np.ndarray,
                     width: int) -> tuple[np.ndarray, np.ndarray]:
    """The (periods, counts) inside the `width` consecutive periods holding the most
    documents (the earliest such window on a tie); all of them when they span no more than
    `width`. `periods` are sorted (a period may repeat), `counts[i]` documents in each."""
    if int(periods[-1] - periods[0]) < width:
        return periods, counts
    before = np.concatenate(([0], np.cumsum(counts)))  # documents before each entry
    inside = before[np.searchsorted(periods, periods + width)] - before[:-1]
    low = int(periods[int(np.argmax(inside))])
    kept = (periods >= low) & (periods < low + width)
    return periods[kept], counts[kept]


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


def _buckets(periods: np.ndarray, counts: np.ndarray, unit: str) -> list[TimelineBucket]:
    """One bucket per period from the first to the last, `counts` added up per period."""
    start = int(periods[0])
    totals = np.zeros(int(periods[-1]) - start + 1, dtype=np.int64)
    np.add.at(totals, periods - start, counts)
    return [_bucket(start + i, unit, int(c)) for i, c in enumerate(totals.tolist())]


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
    them over centuries.

    The span and the unit come from the number of documents of `mask` holding each date
    value (one facet count); the bars from the (document, date) pairs of the smaller side
    of the mask; the outliers from the documents holding a date outside the bars."""
    dates = gen.facets["date"]
    known = gen.derived(("date values",), lambda: DateValues.of(dates))
    matched = int(np.count_nonzero(mask))
    counts = np.where(known.precision > 0, dates.count(mask, matched), 0)
    placed = int(counts.sum())
    if not placed:
        return MentionedTimeline([], unit or "year")
    trim = int(placed * (1 - MENTIONED_SHARE) / 2)  # mentions left out at each end
    low, high = known.nth_days(counts, (trim, placed - 1 - trim))
    unit = _mentioned_unit(known, counts, low, high, unit)
    first, last = (int(p) for p in _period_index(np.array([low, high]), unit))
    window = _Window(unit, _LEVEL[unit], first, min(last, first + MAX_BUCKETS - 1))
    found = _Documents(dates, mask, matched)
    bars = _bars(gen, known, found, window)
    earlier, later = (_outlying(known, found, window, side) for side in (-1, 1))
    return MentionedTimeline([_bucket(window.first + i, unit, int(c))
                              for i, c in enumerate(bars.tolist())], unit, earlier, later)


@dataclass(frozen=True)
class DateValues:
    """The values of a generation's date facet as days (derived once per generation)."""

    starts: np.ndarray  # per value: its first day (days since 1970)
    precision: np.ndarray  # per value: 1 year, 2 month, 3 day, 0 not a date
    by_start: np.ndarray  # the ids of the values that are dates, by first day
    periods: dict[str, np.ndarray]  # unit -> per value: the period of its first day

    @classmethod
    def of(cls, dates) -> DateValues:
        starts, precision = date_value_starts(dates)
        placed = np.flatnonzero(precision > 0)
        return cls(starts, precision, placed[np.argsort(starts[placed], kind="stable")],
                   {unit: _period_index(starts, unit) for unit in _LEVEL})

    def nth_days(self, counts: np.ndarray, ranks: tuple[int, ...]) -> list[int]:
        """The days at these ranks (0: the earliest) among the first days of the values,
        value v counted counts[v] times."""
        ends = np.cumsum(counts[self.by_start])
        found = self.by_start[np.searchsorted(ends, np.array(ranks), side="right")]
        return [int(day) for day in self.starts[found]]

    def in_unit(self, ids: np.ndarray, window: _Window) -> tuple[np.ndarray, np.ndarray]:
        """(placed, periods) of values `ids`: whether each is precise enough for the unit,
        and the period of each placed one."""
        placed = self.precision[ids] >= window.level
        return placed, self.periods[window.unit][ids[placed]]


@dataclass(frozen=True)
class _Window:
    """The bars of a mentioned-dates timeline: periods `first` to `last` of `unit`, placing
    the dates of at least precision `level`."""

    unit: str
    level: int
    first: int
    last: int

    @property
    def width(self) -> int:
        return self.last - self.first + 1

    def holds(self, periods: np.ndarray) -> np.ndarray:
        return (periods >= self.first) & (periods <= self.last)


def _mentioned_unit(known: DateValues, counts: np.ndarray, low: int, high: int,
                    unit: str | None) -> str:
    """The requested unit, or the automatic one for the span low..high coarsened until it
    places PLACED_SHARE of the mentions; either coarsened past MAX_BUCKETS bars."""
    automatic = unit is None
    unit = unit or _automatic_unit(high - low)
    placed = int(counts.sum())
    while unit in _COARSER and (_bucket_count(low, high, unit) > MAX_BUCKETS or (
            automatic and int(counts[known.precision >= _LEVEL[unit]].sum()) / placed
            < PLACED_SHARE)):
        unit = _COARSER[unit]
    return unit


class _Documents:
    """Some documents of a generation (`matched` of them, in `mask`) and their dates: the
    (document, date value id) pairs read once, when first needed."""

    def __init__(self, dates, mask: np.ndarray, matched: int):
        self.dates, self.mask, self.matched = dates, mask, matched

    @cached_property
    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        return self.dates.pairs(self.mask, self.matched)

    def others(self) -> _Documents:
        return _Documents(self.dates, ~self.mask, len(self.mask) - self.matched)


def _bars(gen, known: DateValues, found: _Documents, window: _Window) -> np.ndarray:
    """Documents found with a date in each period of the window: counted on their
    (document, date) pairs, or when most documents are found, every document's count less
    the others'."""
    if 2 * found.matched <= len(found.mask):
        return _documents_per_period(*_window_pairs(known, found, window), window.width)
    every = gen.derived(("mentioned periods", window.unit),
                        lambda: _period_documents(found.dates, known, window.unit))
    counts = np.zeros(window.width, dtype=np.int64)
    inside = window.holds(every[0])
    counts[every[0][inside] - window.first] = every[1][inside]
    return counts - _documents_per_period(*_window_pairs(known, found.others(), window),
                                          window.width)


def _window_pairs(known: DateValues, found: _Documents,
                  window: _Window) -> tuple[np.ndarray, np.ndarray]:
    """(document, period - first) of the dates of the documents found within the window,
    by document."""
    docs, ids = found.pairs
    placed, periods = known.in_unit(ids, window)
    inside = window.holds(periods)
    return docs[placed][inside], periods[inside] - window.first


def _period_documents(dates, known: DateValues, unit: str) -> tuple[np.ndarray, np.ndarray]:
    """(periods, documents): every period of `unit` some document (deleted ones too) has a
    date in, sorted, and the number of those documents."""
    placed = known.precision[dates.doc_values] >= _LEVEL[unit]
    periods = known.periods[unit][dates.doc_values[placed]]
    if not len(periods):
        return periods, periods
    low = int(periods.min())
    width = int(periods.max()) - low + 1
    counts = _documents_per_period(dates.doc_rows[placed], periods - low, width)
    found = np.flatnonzero(counts)
    return found + low, counts[found]


def _outlying(known: DateValues, found: _Documents, window: _Window, side: int) -> int:
    """Documents found with a date before (side -1) or after (side 1) the window and none
    within it."""
    periods = known.periods[window.unit]
    beyond = (periods < window.first) if side < 0 else (periods > window.last)
    holders = _holders(found, beyond & (known.precision >= window.level))
    docs, held = found.dates.pairs(holders, int(np.count_nonzero(holders)))
    placed, held_periods = known.in_unit(held, window)
    holders[docs[placed][window.holds(held_periods)]] = False
    return int(np.count_nonzero(holders))


def _holders(found: _Documents, wanted: np.ndarray) -> np.ndarray:
    """The documents found holding one of the `wanted` values (a mask over the values):
    through those values' documents, or through the dates of the documents found when
    these are fewer. (So the outliers of a broad query cost the few documents dated outside
    its bars, not its matches.)"""
    dates = found.dates
    ids = np.flatnonzero(wanted)
    lengths = dates.value_ptr[ids + 1] - dates.value_ptr[ids]
    holders = np.zeros(len(found.mask), dtype=bool)
    if int(lengths.sum()) * len(found.mask) <= found.matched * len(dates.doc_values):
        holders[dates.value_docs[_pair_positions(dates.value_ptr, ids, lengths)]] = True
        return holders & found.mask
    docs, held = found.pairs
    holders[docs[wanted[held]]] = True
    return holders


def _documents_per_period(docs: np.ndarray, periods: np.ndarray, width: int) -> np.ndarray:
    """How many distinct documents have a date in each period, from (doc, period) pairs
    by document: one key per pair (in order already when each document's dates are, else
    sorted), repeated keys dropped, the periods of the others counted."""
    keys = docs.astype(np.int64) * width + periods
    if len(keys) and not bool(np.all(keys[1:] >= keys[:-1])):
        order = np.argsort(keys, kind="stable")
        keys, periods = keys[order], periods[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    return np.bincount(periods[first], minlength=width)


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
