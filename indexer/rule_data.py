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
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
RULE_WORDS = DATA / "rule_words.txt"
RULE_FILES = (RULE_WORDS, DATA / "type_cues.txt", DATA / "role_words.txt")


@cache
def _sections() -> dict[str, tuple[str, ...]]:
    lines = (line for path in RULE_FILES for line in path.read_text(encoding="utf-8").splitlines())
    return parse_sections(lines)


def parse_sections(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Section name -> its entries, from the lines of one or more word-list files read in a
    row; lines before the first "[name]" belong to no list. ValueError names a list that is
    defined twice."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in map(str.strip, lines):
        name = _section_name(line)
        if name is not None:
            current = _new_section(sections, name)
        elif _is_entry(line) and current is not None:
            current.append(line)
    return {name: tuple(entries) for name, entries in sections.items()}


def _section_name(line: str) -> str | None:
    """The name of a "[name]" line, None for any other line."""
    return line[1:-1] if line.startswith("[") and line.endswith("]") else None


def _is_entry(line: str) -> bool:
    """A line that is neither blank nor a comment."""
    return bool(line) and not line.startswith("#")


def _new_section(sections: dict[str, list[str]], name: str) -> list[str]:
    if name in sections:
        raise ValueError(f"word list [{name}] is defined twice in {DATA}")
    sections[name] = []
    return sections[name]


def word_list(name: str) -> tuple[str, ...]:
    """The entries of one word list, in file order; KeyError names an unknown list."""
    return _sections()[name]


def alternation(name: str, escape: bool = True) -> str:
    """A word list as a regex alternation, longest entry first, so a rule's pattern keeps
    only its grammar in code and its words in the data file."""
    return alternation_of(word_list(name), escape)


def alternation_of(words: Iterable[str], escape: bool = True) -> str:
    """Words as a regex alternation, longest first (a longer word wins over its prefix).

    Literal words are written as a prefix tree ("town(?:ship)?|..."), which matches the same
    text as the flat longest-first list (each node tries its longer words before the word
    that ends there) and costs the scanner less: it tests a position's first letter once,
    not once per word. Words that differ only in case where one begins the other fall back to
    the flat list, whose order a case-blind pattern would otherwise not keep."""
    ordered = sorted(words, key=len, reverse=True)
    if not escape:
        return "|".join(ordered)
    if _case_clash(ordered):
        return "|".join(map(re.escape, ordered))
    return _tree_pattern(_prefix_tree(ordered))


def _case_clash(words: list[str]) -> bool:
    """True when a word begins another only when case is ignored ("Town", "townships")."""
    by_lower: dict[str, list[str]] = {}
    for word in words:
        by_lower.setdefault(word.lower(), []).append(word)
    return any(not word.startswith(shorter)
               for word in words for end in range(1, len(word) + 1)
               for shorter in by_lower.get(word.lower()[:end], ()) if shorter != word)


#: the key that marks a word's end in a `_prefix_tree` node
_END = ""


def _prefix_tree(words: list[str]) -> dict:
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return tree


def _tree_pattern(node: dict) -> str:
    """The regex of a prefix-tree node: its branches, optional where a word ends there."""
    branches = [re.escape(char) + _tree_pattern(child)
                for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if _END in node else "")


@cache
def body_endings() -> frozenset[str]:
    """Capitalised last words of a body's name (Committee, Council, League, Board...): the
    `purpose_heads` and `org_endings` lists together."""
    return frozenset(word_list("purpose_heads")) | frozenset(word_list("org_endings"))


@cache
def institution_words() -> frozenset[str]:
    """Words of institutions' names, lower case, that no locative makes a place: the
    `institution_words` list and the parliaments named by their own word,
    `legislature_words`."""
    return frozenset(word_list("institution_words")) | frozenset(word_list("legislature_words"))


@cache
def place_leads() -> frozenset[str]:
    """Words that open places' names and name the place's kind ("Port", "Fort", "Camp",
    "Barangay"): the `place_name_leads` and `landmark_leads` lists together."""
    return frozenset(word_list("place_name_leads")) | frozenset(word_list("landmark_leads"))
