"""The rules' word lists as data: sections of entries, comments and blank lines skipped, a
list defined twice refused, and alternations that try the longest entry first (as prefix
trees that match what the flat list matches)."""

from __future__ import annotations

import re

import pytest

from indexer.rule_data import alternation, alternation_of, parse_sections, word_list


def test_sections_hold_their_entries_in_file_order():
    lines = ["# a file comment", "stray before any list", "[fruit]", "# what fruit is for",
             "  pear  ", "", "green apple", "[empty]", "[tools]", "saw"]
    assert parse_sections(lines) == {"fruit": ("pear", "green apple"), "empty": (),
                                     "tools": ("saw",)}


def test_lists_run_on_across_files_read_in_a_row():
    first, second = ["[fruit]", "pear"], ["plum", "[tools]", "saw"]
    assert parse_sections(first + second) == {"fruit": ("pear", "plum"), "tools": ("saw",)}


def test_a_list_defined_twice_is_refused():
    with pytest.raises(ValueError, match=r"word list \[fruit\] is defined twice"):
        parse_sections(["[fruit]", "pear", "[tools]", "[fruit]"])


def test_word_list_names_an_unknown_list():
    assert "army" in word_list("institutions")
    with pytest.raises(KeyError):
        word_list("no such list")


def test_alternation_tries_the_longest_entry_first():
    pattern = re.compile(rf"\b(?:{alternation('institutions')})\b")
    assert pattern.search("the armed forces said").group() == "armed forces"
    assert pattern.search("the army said").group() == "army"


def _flat(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _probe_text(words) -> str:
    """Every word, each of its prefixes and each word run on into the next, case changed."""
    pieces = [w[:end] for w in words for end in range(1, len(w) + 1)]
    pieces += [a + b for a, b in zip(words, words[1:], strict=False)]
    return " ".join(pieces + [p.upper() for p in pieces] + [p.title() for p in pieces])


@pytest.mark.parametrize("flags", [0, re.I])
def test_every_lists_prefix_tree_matches_what_the_flat_list_matches(flags):
    from indexer.rule_data import _sections

    for name, words in _sections().items():
        text = _probe_text(words)
        for tail in ("", r"\b", r"s\b"):
            tree = re.compile(rf"(?:{alternation(name)}){tail}", flags)
            flat = re.compile(rf"(?:{_flat(words)}){tail}", flags)
            assert [m.span() for m in tree.finditer(text)] == \
                [m.span() for m in flat.finditer(text)], name


def test_a_prefix_tree_tries_a_longer_word_before_the_one_it_extends():
    tree = alternation_of(["town", "towns", "township", "city"])
    assert tree == "(?:city|town(?:s(?:hip)?)?)"
    assert re.match(rf"(?:{tree}) hall", "township hall").group() == "township hall"
    assert re.match(rf"(?:{tree})s", "towns").group() == "towns"


def test_words_that_begin_each_other_only_case_blind_keep_the_flat_list():
    # a prefix tree would try "Town" before "townships" in a case-blind pattern
    assert alternation_of(["Town", "townships"]) == "townships|Town"
    assert re.match(r"(?i:townships|Town)", "TOWNSHIPS").group() == "TOWNSHIPS"
