"""Progress of an indexing run on stderr: a live bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from indexer.build import BuildReport
from indexer.document import Problem

#: documents between two plain progress lines (when stderr is not a terminal)
PLAIN_EVERY_DOCS = 1000


def problem_line(kind: str, problem: Problem) -> str:
    """"skipped path:line: reason" (or "failed ..."), the form every problem is printed in."""
    return f"{kind} {problem}"


class ConsoleProgress:
    """Shows a tqdm bar on a terminal, a line every PLAIN_EVERY_DOCS documents otherwise."""

    def __init__(self, stream: TextIO | None = None, bar: bool | None = None):
        self.stream = stream or sys.stderr
        self.bar_enabled = self.stream.isatty() if bar is None else bar
        self._bar = None
        self._last_line_at = 0
        self._started = time.perf_counter()

    def advance(self, report: BuildReport) -> None:
        done = report.processed
        if self.bar_enabled:
            self._update_bar(report)
        elif done - self._last_line_at >= PLAIN_EVERY_DOCS:
            self._last_line_at = done
            elapsed = time.perf_counter() - self._started
            print(f"progress: {done} documents ({report.indexed} indexed, {report.unchanged} "
                  f"unchanged, {report.failed} failed) in {elapsed:.0f} s", file=self.stream,
                  flush=True)

    def problem(self, kind: str, problem: Problem) -> None:
        line = problem_line(kind, problem)
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def _update_bar(self, report: BuildReport) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(desc="indexing", unit=" docs", file=self.stream, dynamic_ncols=True,
                             mininterval=0.2)
        self._bar.set_postfix_str(f"unchanged {report.unchanged}, skipped {report.skipped}, "
                                  f"failed {report.failed}", refresh=False)
        self._bar.update(report.processed - self._bar.n)
