"""The entity rules' word lists, kept as data in indexer/data/ and read once: rule_words.txt
(most rules), type_cues.txt (the type prior), role_words.txt (role mentions).

What is data and what is code: every word a rule matches (nouns, verbs, prepositions,
titles, openers, prefixes) is an entry here, and a rule's pattern is built from its lists
with `alternation`. Patterns that stay literal in the modules are grammar, not vocabulary:
name shapes (capitalised words, acronyms, initials), punctuation and quotes, the Arabic
article particles of transliterated names, determiners, and the date grammar of
`indexer.dates` (a small parser whose tokens are its syntax).

Each file holds sections: a "[name]" line, comment lines, then one entry per line (entries
may contain spaces: "armed forces"). `word_list(name)` gives a section in file order.
"""

from __future__ import annotations

import re
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


def alternation(name: str, escape: bool = True) -> str:
    """A word list as a regex alternation, longest entry first, so a rule's pattern keeps
    only its grammar in code and its words in the data file."""
    words = sorted(word_list(name), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in words)
