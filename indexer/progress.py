"""Progress of an indexing run on stderr: a live bar on a terminal, plain lines otherwise.

It says when the model is loading (the first seconds of a run that otherwise look idle).
When the number of documents is known beforehand (see `indexer.load.count_documents`), the
bar and the lines show the total, the percentage and the time left. Rates are averages since
the model was ready, so a first batch arriving at once does not claim a speed the run never
has.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from indexer.build import BuildReport
from indexer.document import Problem

#: seconds between two plain progress lines (when stderr is not a terminal)
PLAIN_EVERY_SECONDS = 10.0


def problem_line(kind: str, problem: Problem) -> str:
    """"skipped path:line: reason" (or "failed ..."), the form every problem is printed in."""
    return f"{kind} {problem}"


def plain_line(report: BuildReport, total: int | None, elapsed: float) -> str:
    """"progress: 120 of 291 documents (41%), 9.1 docs/s, about 19 s left (...)"."""
    done = report.processed
    rate = done / elapsed if elapsed > 0 else 0.0
    counts = f"({report.indexed} indexed, {report.unchanged} unchanged, {report.failed} failed)"
    if not total:
        return f"progress: {done} documents, {rate:.1f} docs/s {counts} in {elapsed:.0f} s"
    percent = min(100, round(100 * done / total))
    left = f", about {max(0, total - done) / rate:.0f} s left" if rate > 0 else ""
    return f"progress: {done} of {total} documents ({percent}%), {rate:.1f} docs/s{left} {counts}"


class ConsoleProgress:
    """Shows a tqdm bar on a terminal, a line every `every_seconds` otherwise."""

    def __init__(self, stream: TextIO | None = None, bar: bool | None = None,
                 total: int | None = None, every_seconds: float = PLAIN_EVERY_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.stream = stream or sys.stderr
        self.bar_enabled = self.stream.isatty() if bar is None else bar
        self.total = total
        self.every_seconds = every_seconds
        self.clock = clock
        self._bar = None
        self._started = clock()
        self._last_line_at = self._started

    def model_loading(self, model: str) -> None:
        self.status(f"loading the spaCy model {model} (a few seconds)...")

    def model_loaded(self, seconds: float) -> None:
        """The model is ready: rates count from now."""
        self.status(f"model loaded in {seconds:.1f} s; indexing")
        self._started = self._last_line_at = self.clock()
        if self._bar is not None:
            self._bar.reset(total=self.total)
        elif self.bar_enabled:
            self._open_bar()

    def advance(self, report: BuildReport) -> None:
        if self.bar_enabled:
            self._update_bar(report)
            return
        now = self.clock()
        if now - self._last_line_at >= self.every_seconds:
            self._last_line_at = now
            print(plain_line(report, self.total, now - self._started), file=self.stream,
                  flush=True)

    def status(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def problem(self, kind: str, problem: Problem) -> None:
        self.status(problem_line(kind, problem))

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def _open_bar(self) -> None:
        from tqdm import tqdm

        # smoothing=0: the rate and time left are averages over the run, not the last burst
        self._bar = tqdm(desc="indexing", unit=" docs", total=self.total, file=self.stream,
                         dynamic_ncols=True, mininterval=0.2, smoothing=0)

    def _update_bar(self, report: BuildReport) -> None:
        if self._bar is None:
            self._open_bar()
        self._bar.set_postfix_str(f"unchanged {report.unchanged}, skipped {report.skipped}, "
                                  f"failed {report.failed}", refresh=False)
        self._bar.update(report.processed - self._bar.n)
