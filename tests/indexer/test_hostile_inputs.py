"""Hostile and malformed input files: each is reported for its own file and skipped, bounded
in time and memory, and never stops the rest of the run (issue 14, defects 3 and 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.document import Document, Problem
from indexer.load import load_paths

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
