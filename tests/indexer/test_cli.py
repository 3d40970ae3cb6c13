"""The `trawl` command line: index, extract, stats, serve wiring, errors and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from builder_kit import stored_documents, write_md

from indexer.cli import build_parser, main
from indexer.entities import RULE_NAMES
from indexer.lock import IndexLock
from search.schema import FACETS

REPO = Path(__file__).resolve().parents[2]
SUMMARY = re.compile(r"indexed (\d+), unchanged (\d+), skipped (\d+), failed (\d+), "
                     r"pruned (\d+) in \d+\.\d s \(\d+\.\d docs/s\)")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def summary_counts(out: str) -> list[int]:
    match = SUMMARY.search(out)
    assert match, out
    return [int(n) for n in match.groups()]


def without_model_lines(err: str, model: str) -> list[str]:
    """stderr without the two model lines, which must come first when the model is loaded."""
    lines = err.splitlines()
    assert lines[0] == f"loading the spaCy model {model} (a few seconds)..."
    assert re.fullmatch(r"model loaded in \d+\.\d s; indexing", lines[1])
    return lines[2:]


def test_index_prints_a_summary_and_builds_the_index(workdir, model, capsys):
    status, out, err = run(capsys, "--index", "ix", "index", "news", "--model", model)
    assert (status, without_model_lines(err, model)) == (0, [])
    assert summary_counts(out) == [2, 0, 0, 0, 0]
    assert sorted(stored_documents(workdir / "ix")) == ["a.md", "b.md"]
    status, out, err = run(capsys, "--index", "ix", "index", "news", "--model", model)
    assert (status, summary_counts(out)) == (0, [0, 2, 0, 0, 0])
    assert err == ""  # an unchanged rerun never loads the model


def test_index_dir_comes_from_the_environment(workdir, model, capsys, monkeypatch):
    monkeypatch.setenv("TRAWL_INDEX", str(workdir / "env-ix"))
    assert run(capsys, "index", "news", "--model", model)[0] == 0
    assert sorted(stored_documents(workdir / "env-ix")) == ["a.md", "b.md"]
    assert build_parser().parse_args(["stats"]).index == str(workdir / "env-ix")
    monkeypatch.delenv("TRAWL_INDEX")
    assert build_parser().parse_args(["stats"]).index == "index"


def test_options_default_to_trawl_environment_variables(monkeypatch):
    for name in ("TRAWL_WORKERS", "TRAWL_BATCH_SIZE", "TRAWL_HOST", "TRAWL_PORT"):
        monkeypatch.delenv(name, raising=False)
    index = build_parser().parse_args(["index", "news"])
    serve = build_parser().parse_args(["serve"])
    assert (index.workers, index.batch_size, serve.host, serve.port) == (1, 64, "127.0.0.1", 8000)
    monkeypatch.setenv("TRAWL_WORKERS", "3")
    monkeypatch.setenv("TRAWL_BATCH_SIZE", "16")
    monkeypatch.setenv("TRAWL_HOST", "0.0.0.0")
    monkeypatch.setenv("TRAWL_PORT", "9001")
    index = build_parser().parse_args(["index", "news"])
    serve = build_parser().parse_args(["serve"])
    assert (index.workers, index.batch_size, serve.host, serve.port) == (3, 16, "0.0.0.0", 9001)
    assert build_parser().parse_args(["index", "news", "--workers", "2"]).workers == 2


def test_bad_files_are_reported_and_skipped(workdir, model, capsys):
    (workdir / "news" / "bad.jsonl").write_text('{"id": "j1", "title": "T", "text": "Hama"}\n'
                                               "{not json\n", encoding="utf-8")
    (workdir / "news" / "blob.txt").write_bytes(b"\x00\x01binary")
    status, out, err = run(capsys, "--index", "ix", "index", "news", "--model", model)
    assert status == 0
    assert summary_counts(out) == [3, 0, 2, 0, 0]
    problems = without_model_lines(err, model)
    assert len(problems) == 2
    assert problems[0].startswith("skipped news/bad.jsonl:2: ")
    assert problems[1] == "skipped news/blob.txt: binary file"


def test_nothing_indexable_exits_1(workdir, model, capsys):
    status, out, err = run(capsys, "--index", "ix", "index", "nowhere", "--model", model)
    assert status == 1
    assert summary_counts(out) == [0, 0, 1, 0, 0]
    assert err.splitlines() == ["skipped nowhere: no such file or folder",
                                "trawl: error: nothing could be indexed (the index was not changed)"]


def test_a_locked_index_is_one_line_error(workdir, model, capsys):
    with IndexLock(workdir / "ix"):
        status, out, err = run(capsys, "--index", "ix", "index", "news", "--model", model)
    assert (status, out) == (1, "")
    assert err == (f"trawl: error: index is locked by PID {os.getpid()} "
                   "(another trawl index is running)\n")


def test_a_missing_model_is_one_line_error(workdir, capsys):
    status, out, err = run(capsys, "--index", "ix", "index", "news", "--model",
                           "no_such_trawl_model")
    assert (status, out) == (1, "")
    assert err == ("trawl: error: spaCy model 'no_such_trawl_model' is not installed: "
                   "pip install no-such-trawl-model\n")


def test_an_unchanged_rerun_does_not_load_the_model(workdir, model, capsys):
    assert run(capsys, "--index", "ix", "index", "news", "--model", model)[0] == 0
    status, out, _ = run(capsys, "--index", "ix", "index", "news", "--model", "no_such_trawl_model")
    assert (status, summary_counts(out)) == (0, [0, 2, 0, 0, 0])


@pytest.mark.parametrize("argv", [
    ["index"], ["index", "news", "--workers", "0"], ["index", "news", "--batch-size", "x"],
    ["stats", "--top", "many"], ["frobnicate"], [],
])
def test_usage_errors_exit_2(workdir, capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert capsys.readouterr().err.startswith("usage: trawl")


def test_extract_prints_what_index_stores(workdir, model, capsys):
    status, out, err = run(capsys, "extract", "news", "--model", model)
    assert (status, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert records == [
        {"id": "a.md", "title": "Rebels enter Aleppo", "published": "2024-11-30",
         "actor": ["Hayat Tahrir al-Sham"], "place": ["Aleppo"], "date": ["2024-11-29"],
         "countries": {"Aleppo": "Syria"}},
        {"id": "b.md", "title": "Troops leave Hama", "published": "2024-12-05",
         "actor": ["Bashar al-Assad"], "place": ["Hama"], "date": [],
         "countries": {"Hama": "Syria"}},
    ]
    assert not (workdir / "index").exists()
    assert run(capsys, "--index", "ix", "index", "news", "--model", model)[0] == 0
    stored = stored_documents(workdir / "ix")
    for record in records:
        doc = stored[record["id"]]
        assert {name: doc[name] for name in FACETS} == {name: record[name] for name in FACETS}
        assert json.loads(doc["place_country"]) == record["countries"]


def test_extract_explain_names_the_mentions_behind_each_value(workdir, model, capsys):
    status, out, _ = run(capsys, "extract", "news/a.md", "--model", model, "--explain")
    assert status == 0
    record = json.loads(out)
    hts = record["explain"]["actor"]["Hayat Tahrir al-Sham"][0]
    assert record["explain"] == {
        "actor": {"Hayat Tahrir al-Sham": [
            {"text": "Hayat Tahrir al-Sham", "start": 0, "end": 20, "rule": hts["rule"],
             "rules": hts["rules"]}]},
        "place": {"Aleppo": [{"text": "Aleppo", "start": 29, "end": 35, "rule": "model",
                              "rules": ["classify"]}]},
        "date": {"2024-11-29": [{"text": "29 November 2024", "start": 39, "end": 55,
                                 "rule": "date", "rules": []}]},
    }
    assert set(hts["rules"]) <= set(RULE_NAMES)


def test_extract_reports_problems_on_stderr(workdir, model, capsys):
    status, out, err = run(capsys, "extract", "news/a.md", "missing.md", "--model", model)
    assert status == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a.md"]
    assert err == "skipped missing.md: no such file or folder\n"
    status, out, err = run(capsys, "extract", "missing.md", "--model", model)
    assert (status, out) == (1, "")
    assert err.splitlines()[-1] == "trawl: error: no documents could be extracted"


def test_stats_json_and_text(workdir, model, capsys):
    run(capsys, "--index", "ix", "index", "news", "--model", model)
    status, out, err = run(capsys, "--index", "ix", "stats", "--json", "--top", "1")
    assert (status, err) == (0, "")
    stats = json.loads(out)
    assert stats["documents"] == 2
    assert stats["size_bytes"] > 0
    assert stats["generation"] == os.readlink(workdir / "ix" / "live")
    assert (stats["published_from"], stats["published_to"]) == ("2024-11-30", "2024-12-05")
    assert stats["top"] == {"actor": [{"value": "Bashar al-Assad", "count": 1}],
                            "place": [{"value": "Aleppo", "count": 1}],
                            "date": [{"value": "2024-11-29", "count": 1}],
                            "country": [{"value": "Syria", "count": 2}]}
    status, out, _ = run(capsys, "--index", "ix", "stats", "--top", "2")
    assert status == 0
    assert "documents:   2\n" in out
    assert "top place:   Aleppo (1), Hama (1)\n" in out
    assert "published:   2024-11-30 .. 2024-12-05\n" in out


def test_stats_counts_skip_replaced_documents(workdir, model, capsys):
    run(capsys, "--index", "ix", "index", "news", "--model", model)
    write_md(workdir / "news", "b.md", "Troops leave Hama", "Nobody lost Hama.")
    run(capsys, "--index", "ix", "index", "news", "--model", model)
    status, out, _ = run(capsys, "--index", "ix", "stats", "--json")
    assert json.loads(out)["top"]["actor"] == [{"value": "Hayat Tahrir al-Sham", "count": 1}]


def test_stats_on_a_missing_index_is_one_line_error(workdir, capsys):
    status, out, err = run(capsys, "--index", "nowhere", "stats")
    assert (status, out) == (1, "")
    assert err == ("trawl: error: no Trawl index in nowhere/ - build one with: "
                   "trawl --index nowhere index PATH...\n")


def test_serve_hands_the_index_and_address_to_the_web_server(workdir, capsys, monkeypatch):
    server = pytest.importorskip("web.server")
    monkeypatch.delenv("TRAWL_HOST", raising=False)
    monkeypatch.delenv("TRAWL_PORT", raising=False)
    monkeypatch.setenv("TRAWL_ALLOWED_HOSTS", "news.example, intranet")
    monkeypatch.delenv("TRAWL_ALLOW_EDITS", raising=False)
    monkeypatch.delenv("TRAWL_EDIT_TOKEN", raising=False)
    monkeypatch.delenv("TRAWL_SERVE_WORKERS", raising=False)
    calls = []
    monkeypatch.setattr(server, "run", lambda *args, **kw: calls.append((*args, kw)) or 0)
    assert main(["--index", "ix", "serve", "--port", "8123", "--reload"]) == 0
    assert main(["--index", "ix", "serve", "--allowed-host", "other.example", "--workers", "3"]) == 0
    monkeypatch.setenv("TRAWL_EDIT_TOKEN", "s3cret")
    monkeypatch.setenv("TRAWL_SERVE_WORKERS", "2")
    assert main(["--index", "ix", "serve", "--allow-edits"]) == 0
    local = ("news.example", "intranet")
    assert calls == [  # the backend: None for the embedded index
        ("ix", "127.0.0.1", 8123, True, local, False, None, {"workers": 1, "backend": None}),
        ("ix", "127.0.0.1", 8000, False, (*local, "other.example"), False, None,
         {"workers": 3, "backend": None}),
        ("ix", "127.0.0.1", 8000, False, local, True, "s3cret", {"workers": 2, "backend": None})]


def test_the_console_entry_point_runs_as_a_module(workdir, model):
    result = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "--index", "ix", "index", "news", "--model", model],
        cwd=workdir, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    assert (result.returncode, without_model_lines(result.stderr, model)) == (0, [])
    assert summary_counts(result.stdout) == [2, 0, 0, 0, 0]


def test_search_is_delegated_to_the_search_command(workdir, model, capsys):
    pytest.importorskip("indexer.cli_search")
    run(capsys, "--index", "ix", "index", "news", "--model", model)
    status, out, err = run(capsys, "--index", "ix", "search", "Hama", "--json")
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert (result["total"], [hit["id"] for hit in result["hits"]]) == (1, ["b.md"])
    status, out, err = run(capsys, "--index", "ix", "search", "bad((")
    assert (status, out) == (1, "")
    assert err.startswith("trawl: error: ") and len(err.splitlines()) == 1
