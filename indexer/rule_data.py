"""The entity rules' word lists, kept as data in indexer/data/rule_words.txt and read once.

The file holds sections: a "[name]" line, comment lines, then one entry per line (entries
may contain spaces: "armed forces"). `word_list(name)` gives a section in file order.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

RULE_WORDS = Path(__file__).resolve().parent / "data" / "rule_words.txt"


@cache
def _sections() -> dict[str, tuple[str, ...]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in RULE_WORDS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif line and not line.startswith("#") and current is not None:
            current.append(line)
    return {name: tuple(entries) for name, entries in sections.items()}


def word_list(name: str) -> tuple[str, ...]:
    """The entries of one word list, in file order; KeyError names an unknown list."""
    return _sections()[name]
