"""Memory of `indexer.casing`'s one table of lower-case odds, side by side with the three word
sets (one per bar: 1, 3 and e²) it replaced, built from the same table in the same process.

    .venv/bin/python bench/bench_casing.py
"""

from __future__ import annotations

import math
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer import casing  # noqa: E402

#: the bars the rules ask at: a name word (1), a word met once at an opening (3), a common word
BARS = (1.0, 3.0, casing.LOWER_CASE_ODDS)


def _traced(build):
    """(result, bytes allocated and kept while building it)."""
    tracemalloc.start()
    result = build()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return result, size


def main() -> None:
    casing.lower_case_log_odds()  # writes the cache file if there is none yet
    casing.lower_case_log_odds.cache_clear()
    started = time.perf_counter()
    casing.lower_case_log_odds()
    seconds = time.perf_counter() - started  # read back from the cache file, untraced
    casing.lower_case_log_odds.cache_clear()
    table, table_bytes = _traced(casing.lower_case_log_odds)
    words = sorted(table)  # fresh strings for the sets, as three cache files gave them
    sets, sets_bytes = _traced(lambda: [frozenset("".join(w) for w in words
                                                  if table[w] >= math.log(bar)) for bar in BARS])
    print(f"one table of odds      {len(table):,} words  {table_bytes / 1e6:6.1f} MB"
          f"  (read from its cache file in {seconds:.2f} s)")
    print(f"three word sets        {', '.join(f'{len(s):,}' for s in sets)} words"
          f"  {sets_bytes / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
