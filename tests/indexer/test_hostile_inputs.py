"""Hostile and malformed input files: each is reported for its own file and skipped, bounded
in time and memory, and never stops the rest of the run (issue 14, defects 3 and 4)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from pathlib import Path

import pytest
from builder_kit import news_records, save_tiny_model, stored_documents, tiny_nlp, write_jsonl

from indexer.build import build_index
from indexer.cli import main
from indexer.document import Document, Problem
from indexer.load import load_paths
from indexer.loaders import source as source_module
from indexer.writer import SEND_BATCH_DOCS, WRITER_PROCESS_NAME, IndexWriteError
from search import store

GOOD = "Good title\n\nA good body.\n"
#: a few hundred bytes that expand to 9**7 (4.8 million) list items once aliases are followed
ALIAS_BOMB = "---\n" + "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True)
) + "---\nbody\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def load_folder(files: dict[str, str]) -> tuple[list[Document], list[Problem]]:
    """Write `files` plus one good file into `in/`, load the folder, split the results."""
    folder = Path("in")
    folder.mkdir(exist_ok=True)
    for name, content in {**files, "zz_good.md": GOOD}.items():
        (folder / name).write_text(content, encoding="utf-8")
    items = list(load_paths(["in"]))
    docs = [item for item in items if isinstance(item, Document)]
    for item in docs:
        assert len(item.content_hash) == 64  # hashing never raises either
    return docs, [item for item in items if isinstance(item, Problem)]


def reasons(problems: list[Problem]) -> dict[str, str]:
    return {Path(p.path).name: p.reason for p in problems}


@pytest.mark.parametrize("name, front, expected", [
    ("recursive.md", "a: &x [*x]", "aliases (*x) are not allowed"),
    ("bomb.md", None, "aliases (*a) are not allowed"),
    ("year0.md", "published: 0000-01-01", "unparseable date '0000-01-01'"),
    ("month13.md", "published: 2024-13-45", "unparseable date '2024-13-45'"),
    ("huge.md", "k: " + "v" * 70_000, "longer than 64,000 characters"),
])
def test_hostile_front_matter_is_reported_and_the_rest_loads(name, front, expected) -> None:
    content = ALIAS_BOMB if front is None else f"---\n{front}\n---\nBody text.\n"
    docs, problems = load_folder({name: content})
    assert [d.id for d in docs] == ["zz_good.md"]
    assert expected in reasons(problems)[name]


@pytest.mark.parametrize("name, content, expected", [
    ("deep.json", "[" * 100_000 + "]" * 100_000, "malformed JSON: nested too deeply"),
    ("deep.jsonl", '{"text": "t", "m": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
     "malformed JSON: nested too deeply"),
    ("object.json", '{"text": "t", "m": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "malformed JSON: nested too deeply"),
    ("bigint.jsonl", '{"text": "t", "n": ' + "9" * 5000 + "}\n", "malformed JSON: Exceeds the limit"),
    ("surrogate.jsonl", '{"text": "bad \\ud800 here"}\n', "lone surrogate (\\ud800)"),
    ("surrogate.json", '[{"text": "ok", "title": "\\udfff"}]', "lone surrogate (\\udfff)"),
])
def test_json_that_python_cannot_hold_is_reported_per_record(name, content, expected) -> None:
    docs, problems = load_folder({name: content})
    assert [d.id for d in docs] == ["zz_good.md"]
    assert expected in reasons(problems)[name]


def test_a_bad_json_line_does_not_lose_the_next_line() -> None:
    docs, problems = load_folder({"mixed.jsonl": '{"text": "t", "n": ' + "9" * 5000 + "}\n"
                                                 '{"id": "kept", "text": "fine"}\n'})
    assert sorted(d.id for d in docs) == ["kept", "zz_good.md"]
    assert [(Path(p.path).name, p.line) for p in problems] == [("mixed.jsonl", 1)]


class _KillsTheWriter:
    """A real enricher that SIGKILLs the index writer process before its first document."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def enrich(self, docs):
        for child in multiprocessing.active_children():
            if child.name == WRITER_PROCESS_NAME:
                os.kill(child.pid, signal.SIGKILL)
                child.join(10)
        yield from self.inner.enrich(docs)


def test_a_killed_writer_is_a_trawl_error_not_an_eof_traceback(tmp_path: Path) -> None:
    from indexer.enrich import Enricher

    write_jsonl(tmp_path / "news" / "n.jsonl", news_records(SEND_BATCH_DOCS + 5))
    with pytest.raises(IndexWriteError, match="died unexpectedly"):
        build_index(tmp_path / "ix", ["news"], _KillsTheWriter(Enricher(tiny_nlp())))
    assert not store.has_index(tmp_path / "ix")  # nothing half-written was published


def test_trawl_index_reports_every_bad_file_and_indexes_the_good(tmp_path: Path, capsys) -> None:
    model = save_tiny_model(tmp_path / "tiny")
    files = {"deep.json": "[" * 100_000 + "]" * 100_000,
             "bigint.jsonl": '{"text": "t", "n": ' + "9" * 5000 + "}\n",
             "year0.md": "---\npublished: 0000-01-01\n---\nBody.\n",
             "recursive.md": "---\na: &x [*x]\n---\nBody.\n",
             "surrogate.jsonl": '{"text": "bad \\ud800 here"}\n',
             "bomb.md": ALIAS_BOMB}
    load_folder(files)
    status = main(["--index", "ix", "index", "in", "--model", str(model)])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "indexed 1, unchanged 0, skipped 6, failed 0" in out
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert sorted(Path(line.split(":")[0].split()[-1]).name for line in skipped) == sorted(files)
    assert list(stored_documents(tmp_path / "ix")) == ["zz_good.md"]


@pytest.mark.parametrize("name, content, expected", [
    ("empty.jsonl", "", "empty file (no JSON lines)"),
    ("blank.jsonl", "\n  \n", "empty file (no JSON lines)"),
    ("empty.csv", "", "empty document (no header row)"),
    ("header.csv", "title,text\n", "no rows after the header"),
])
def test_empty_record_files_are_reported(name, content, expected) -> None:
    docs, problems = load_folder({name: content})
    assert [d.id for d in docs] == ["zz_good.md"]
    assert reasons(problems) == {name: expected}


def load_within(seconds: float, *paths: str) -> tuple[list[Document], list[Problem]]:
    """load_paths in a thread, failing (not hanging) if it blocks longer than `seconds`."""
    result: list = []
    worker = threading.Thread(target=lambda: result.extend(load_paths(list(paths))), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"loading {paths} blocked for {seconds} s"
    return ([item for item in result if isinstance(item, Document)],
            [item for item in result if isinstance(item, Problem)])


def test_fifos_are_refused_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.md")
    os.mkfifo(folder / "target")
    (folder / "link.md").symlink_to(folder / "target")
    docs, problems = load_within(10, "in")
    assert [d.id for d in docs] == ["good.md"]
    assert reasons(problems) == {"pipe.md": "not a regular file (a FIFO)",
                                 "link.md": "not a regular file (a FIFO)"}
    assert reasons(load_within(10, "in/link.md")[1]) == {"link.md": "not a regular file (a FIFO)"}


def test_a_named_link_to_a_device_is_refused(tmp_path: Path) -> None:
    Path("zero.md").symlink_to("/dev/zero")
    docs, problems = load_within(10, "zero.md")
    assert (docs, reasons(problems)) == ([], {"zero.md": "not a regular file (a character device)"})


def test_links_out_of_the_indexed_folder_are_reported_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nDo not index.\n", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "inner.md").write_text(GOOD, encoding="utf-8")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "private").symlink_to(outside)
    (folder / "zero.md").symlink_to("/dev/zero")
    (folder / "inside.md").symlink_to(folder / "sub" / "inner.md")  # inside: followed
    for arg in ("in", "in/*"):
        docs, problems = load_within(10, arg)
        assert [d.id for d in docs] == ["inside.md"]  # sub/inner.md is the same file
        assert {name: reason.split(" (")[0] for name, reason in reasons(problems).items()} == {
            name: "symbolic link leads outside the indexed folder"
            for name in ("secret.txt", "private", "zero.md")}


def test_oversized_files_and_lines_are_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(source_module, "MAX_FILE_BYTES", 1000)
    docs, problems = load_folder({"big.md": "Title\n\n" + "word " * 300,
                                  "long.jsonl": '{"id": "a", "text": "short"}\n'
                                                '{"text": "' + "x" * 2000 + '"}\n'})
    assert sorted(d.id for d in docs) == ["a", "zz_good.md"]
    assert reasons(problems) == {
        "big.md": "file larger than 0 MB (one document per file is read whole)",
        "long.jsonl": "line longer than 0 MB"}


def test_a_huge_capitalised_token_costs_linear_time_in_the_place_cues() -> None:
    """A 100k-character capitalised token took over 100 s in `_CUE_AFTER` (quadratic
    backtracking); a hang detector with a generous budget, not a speed target."""
    from indexer.phrases import _cue_spans

    found: list = []
    text = "fighting in " + "A" * 100_000 + " province and in Aleppo province"
    worker = threading.Thread(target=lambda: found.extend(_cue_spans(text)), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "place cues on a 100k-character token took over 60 s"
    assert [text[s:e] for s, e in found] == ["Aleppo"]


def test_bad_files_campaign_bounded(tmp_path: Path, capsys) -> None:
    """One file of every bad kind of bench/reliability/bad_files.py among good ones."""
    from bench.reliability.bad_files import BAD_KINDS, make_corpus

    bad, good_docs = make_corpus(tmp_path / "in", rounds=1)
    model = save_tiny_model(tmp_path / "tiny")
    status = main(["--index", "ix", "index", "in", "--model", str(model)])
    out, err = capsys.readouterr()
    assert status == 0 and "Traceback" not in err
    reported = {Path(line.split(": ")[0].split(" ", 1)[1]).name.split(".")[0].split(":")[0]
                for line in err.splitlines() if line.startswith("skipped ")}
    assert {stem.removesuffix("-a").removesuffix("-b") for stem in reported} >= set(bad)
    assert len(bad) == len(BAD_KINDS)
    assert len([i for i in stored_documents(tmp_path / "ix") if "good" in i]) == good_docs


def test_many_distinct_acronyms_cost_linear_time_in_bare_acronyms() -> None:
    """17,576 distinct acronyms in 250k characters took minutes when each was looked for in
    the whole text again (its lower-case use, its definitions); a hang detector with a
    generous budget, not a speed target."""
    import itertools
    import string

    from indexer.acronym_cues import bare_acronyms
    from indexer.gazetteer import Gazetteer

    names = ["".join(p) for p in itertools.product(string.ascii_uppercase, repeat=3)]
    text = " ".join(f"The {name} said." for name in names)
    found: list = []
    worker = threading.Thread(target=lambda: found.extend(
        bare_acronyms(text, [], Gazetteer({}), lambda name: False)), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "bare acronyms over 17,576 names took over 60 s"
    # all but Roman numerals ("CIV"), roles and ships' prefixes ("CEO", "HMS") and "THE"
    assert 17_000 < len(found) < len(names)
