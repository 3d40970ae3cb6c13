"""The rules' word lists as data: sections of entries, comments and blank lines skipped, a
list defined twice refused, and alternations that try the longest entry first."""

from __future__ import annotations

import re

import pytest

from indexer.rule_data import alternation, parse_sections, word_list


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
    words = alternation("institutions").split("|")
    assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)
    assert r"armed\ forces" in words and "army" in words
