"""How English writes a word, from spaCy's word probabilities (spacy-lookups-data)."""

import math

import pytest

from indexer import casing


@pytest.mark.parametrize("word", ["heartbroken", "Backlash", "aides", "Infection", "focus"])
def test_common_words_are_written_in_lower_case(word):
    assert casing.is_lower_case_word(word)


@pytest.mark.parametrize("word", ["Reuters", "Hezbollah", "Bush", "Trump", "Rice", "Turkey",
                                  "Zzyzxqv"])
def test_names_and_unknown_words_are_not(word):
    assert not casing.is_lower_case_word(word)


def test_the_cache_file_holds_what_the_table_gives(tmp_path, monkeypatch):
    monkeypatch.setenv(casing.CACHE_ENV, str(tmp_path))
    casing.lower_case_log_odds.cache_clear()
    try:
        first = casing.lower_case_log_odds()
        (cache_file,) = tmp_path.iterdir()
        casing.lower_case_log_odds.cache_clear()
        assert casing.lower_case_log_odds() == first  # read back exactly, infinities too
        lines = cache_file.read_text(encoding="utf-8").splitlines()
        assert {line.split("\t")[0] for line in lines} == set(first)
        assert "heartbroken" in first and "reuters" not in first
        assert math.inf in first.values() and min(first.values()) >= 0.0
    finally:
        casing.lower_case_log_odds.cache_clear()


@pytest.mark.parametrize("broken", ["heartbroken\n", ""])
def test_a_broken_cache_file_is_rebuilt(tmp_path, monkeypatch, broken):
    monkeypatch.setenv(casing.CACHE_ENV, str(tmp_path))
    casing.lower_case_log_odds.cache_clear()
    try:
        casing._cache_path().write_text(broken, encoding="utf-8")
        assert casing.is_lower_case_word("heartbroken") and casing.is_name_word("Reuters")
        assert len(casing.lower_case_log_odds()) > 100_000
    finally:
        casing.lower_case_log_odds.cache_clear()


@pytest.mark.parametrize("word,odds,common", [("Overcast", 3.0, True), ("Overcast", math.e ** 2, False),
                                              ("focus", math.e ** 2, True), ("Reuters", 1.0, False)])
def test_one_table_answers_every_bar(word, odds, common):
    assert casing.is_lower_case_word(word, odds) is common


@pytest.mark.parametrize("word,name", [("Blinken", True), ("Kabul", True), ("Sergey", True),
                                       ("Source", False), ("Army", False), ("Tinker", False)])
def test_name_words_are_written_capitalised_at_least_as_often(word, name):
    assert casing.is_name_word(word) is name
