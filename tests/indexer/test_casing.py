"""How English writes a word, from spaCy's word probabilities (spacy-lookups-data)."""

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
    casing.lower_case_words.cache_clear()
    try:
        first = casing.lower_case_words()
        (cache_file,) = tmp_path.iterdir()
        casing.lower_case_words.cache_clear()
        assert casing.lower_case_words() == first
        assert set(cache_file.read_text(encoding="utf-8").split()) == first
        assert "heartbroken" in first and "reuters" not in first
    finally:
        casing.lower_case_words.cache_clear()


@pytest.mark.parametrize("word,name", [("Blinken", True), ("Kabul", True), ("Sergey", True),
                                       ("Source", False), ("Army", False), ("Tinker", False)])
def test_name_words_are_written_capitalised_at_least_as_often(word, name):
    assert casing.is_name_word(word) is name
