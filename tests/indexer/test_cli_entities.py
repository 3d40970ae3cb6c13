"""`trawl entities` end to end with the real CLI and index builder (a tiny rule-based spaCy
pipeline): corrections made, kept across `trawl index` and `--rebuild`, exported as a
watchlist `--aliases` reads, imported into another index; bad input exits 1."""

from __future__ import annotations

import json

import pytest
from builder_kit import write_md

from indexer.cli import build_parser, main
from indexer.watchlist import parse_yaml


def trawl(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--index", "ix", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def actors(capsys) -> dict[str, int]:
    status, out, _ = trawl(capsys, "entities", "list", "actor", "--json")
    assert status == 0
    return {row["name"]: row["documents"] for row in json.loads(out)}


def test_corrections_from_the_cli_survive_index_and_rebuild(workdir, model, capsys):
    assert trawl(capsys, "index", "news", "--model", model)[0] == 0
    assert actors(capsys) == {"Bashar al-Assad": 1, "Hayat Tahrir al-Sham": 1}
    status, out, _ = trawl(capsys, "entities", "merge", "actor", "Bashar al-Assad",
                           "Hayat Tahrir al-Sham")
    assert status == 0 and out.startswith('c1: merge actor "Bashar al-Assad" into')
    assert actors(capsys) == {"Hayat Tahrir al-Sham": 2}

    write_md(workdir / "news", "c.md", "More", "Bashar al-Assad spoke.", published="2024-12-06")
    assert trawl(capsys, "index", "news", "--model", model)[0] == 0
    assert actors(capsys) == {"Hayat Tahrir al-Sham": 3}
    assert trawl(capsys, "index", "news", "--rebuild", "--model", model)[0] == 0
    assert actors(capsys) == {"Hayat Tahrir al-Sham": 3}

    status, out, _ = trawl(capsys, "entities", "show", "actor", "Bashar al-Assad", "--json")
    shown = json.loads(out)
    assert shown["name"] == "Hayat Tahrir al-Sham" and shown["corrections"] == ["c1"]
    status, out, _ = trawl(capsys, "entities", "log", "--json")
    log = json.loads(out)
    assert [(c["id"], c["via"], c["status"]) for c in log["corrections"]] == [
        ("c1", "cli", "applied")]

    status, out, _ = trawl(capsys, "entities", "export")
    entries = parse_yaml(out, "export")
    assert [(e.name, e.type, e.aliases) for e in entries] == [
        ("Hayat Tahrir al-Sham", "actor", ("Bashar al-Assad",))]

    assert trawl(capsys, "entities", "undo")[0] == 0
    assert actors(capsys) == {"Bashar al-Assad": 2, "Hayat Tahrir al-Sham": 1}


def test_import_makes_another_files_changes_here(workdir, model, capsys):
    assert trawl(capsys, "index", "news", "--model", model)[0] == 0
    (workdir / "team.yaml").write_text(
        "version: 1\ncorrections:\n"
        "- {id: c1, op: rename, facet: actor, value: Bashar al-Assad, name: B. al-Assad}\n"
        "- {id: c2, op: drop, facet: actor, value: Nobody}\n"
        "- {id: c3, op: retype, facet: place, value: Hama, to: actor}\n"
        "- {id: c4, op: undo, target: c3}\n", encoding="utf-8")
    status, out, _ = trawl(capsys, "entities", "import", "team.yaml")
    assert status == 0
    assert "skipped c2" in out and "imported 1 of 2 change(s)" in out
    assert actors(capsys) == {"B. al-Assad": 1, "Hayat Tahrir al-Sham": 1}


@pytest.mark.parametrize(("argv", "message"), [
    (("merge", "actor", "Nobody", "Hayat Tahrir al-Sham"), "no actor named 'Nobody'"),
    (("merge", "actor", "Hayat Tahrir al-Sham", "Aleppo"), "is a place, not an actor"),
    (("rename", "actor", "Hayat Tahrir al-Sham", "Bashar al-Assad"), "merge into it"),
    (("undo",), "no change to undo"),
    (("merge", "actor", "Bashar al-Assad", "Hayat Tahrir al-Sham", "--if-version", "abc"),
     "changed since you read them"),
    (("show", "actor", "Nobody"), "no actor named 'Nobody'"),
])
def test_bad_input_exits_1_with_one_line_and_changes_nothing(workdir, model, capsys, argv,
                                                              message):
    assert trawl(capsys, "index", "news", "--model", model)[0] == 0
    status, out, err = trawl(capsys, "entities", *argv)
    assert status == 1 and out == ""
    assert err.startswith("trawl: error: ") and message in err and err.count("\n") == 1
    assert not (workdir / "ix" / "corrections.yaml").exists()


def test_a_malformed_file_stops_log_and_edits_but_not_search(workdir, model, capsys):
    assert trawl(capsys, "index", "news", "--model", model)[0] == 0
    (workdir / "ix" / "corrections.yaml").write_text("corrections: [oops", encoding="utf-8")
    status, _, err = trawl(capsys, "entities", "log")
    assert status == 1 and "not valid YAML" in err
    status, _, err = trawl(capsys, "entities", "drop", "actor", "Bashar al-Assad")
    assert status == 1 and "corrections.yaml" in err
    assert trawl(capsys, "search", "Aleppo")[0] == 0


def test_serve_binds_localhost_and_is_read_only_by_default(monkeypatch):
    monkeypatch.delenv("TRAWL_ALLOW_EDITS", raising=False)
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.allow_edits) == ("127.0.0.1", False)
    assert build_parser().parse_args(["serve", "--allow-edits"]).allow_edits is True
