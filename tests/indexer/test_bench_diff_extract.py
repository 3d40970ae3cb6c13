"""bench/diff_extract.py: changes between two extract outputs, counted per part."""

import json

from bench import diff_extract


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_changes_are_counted_per_part_and_listed_only_where_asked(tmp_path, capsys):
    before = [{"id": "a", "actor": ["Ann"], "place": ["Orwell"], "countries": {"Orwell": "X"}},
              {"id": "b", "actor": ["Bo"], "place": [], "countries": {}}]
    after = [{"id": "a", "actor": ["Ann", "Cy"], "place": ["Orwell"], "countries": {"Orwell": "Y"}},
             {"id": "b", "actor": [], "place": [], "countries": {}}]
    _write(tmp_path / "before.jsonl", before)
    _write(tmp_path / "after.jsonl", after)
    diff_extract.main([str(tmp_path / "before.jsonl"), str(tmp_path / "after.jsonl"),
                       "--parts", "2", "--names", "tune,heldout", "--list", "tune"])
    out = capsys.readouterr().out.splitlines()
    assert out == ["a actor + Cy", "a country of Orwell: X -> Y",
                   "tune       values changed     1   countries changed    1",
                   "heldout    values changed     1   countries changed    0",
                   "total      values changed     2   countries changed    1"]
