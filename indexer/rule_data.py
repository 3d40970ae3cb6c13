"""The entity rules' word lists, kept as data in indexer/data/ and read once: rule_words.txt
(most rules), type_cues.txt (the type prior), role_words.txt (role mentions).

Each file holds sections: a "[name]" line, comment lines, then one entry per line (entries
may contain spaces: "armed forces"). `word_list(name)` gives a section in file order.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
RULE_WORDS = DATA / "rule_words.txt"
RULE_FILES = (RULE_WORDS, DATA / "type_cues.txt", DATA / "role_words.txt")


@cache
def _sections() -> dict[str, tuple[str, ...]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    lines = (line.strip() for path in RULE_FILES
             for line in path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if line.startswith("[") and line.endswith("]"):
            if line[1:-1] in sections:
                raise ValueError(f"word list {line} is defined twice in {DATA}")
            current = sections[line[1:-1]] = []
        elif line and not line.startswith("#") and current is not None:
            current.append(line)
    return {name: tuple(entries) for name, entries in sections.items()}


def word_list(name: str) -> tuple[str, ...]:
    """The entries of one word list, in file order; KeyError names an unknown list."""
    return _sections()[name]
