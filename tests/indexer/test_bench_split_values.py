"""bench/split_values.py: pairs of a document's actor values that may name one entity."""

import json

import pytest

from bench import split_values


def test_short_forms_and_case_variants_are_counted_per_part(tmp_path, capsys):
    records = [{"id": "a", "actor": ["Louis De Zoysa", "De Zoysa", "Labour", "Labour Party"]},
               {"id": "b", "actor": ["Ann Lee", "Bo Lee", "US Senate", "us senate"]}]
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    split_values.main([str(path), "--parts", "2", "--names", "tune,heldout"])
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[1:] for line in out[1:]] == [
        ["tune", "1", "4", "2"], ["heldout", "1", "4", "1"]]


def test_a_word_inside_a_longer_name_is_no_short_form():
    assert split_values.short_form("De Zoysa", "Louis De Zoysa")
    assert split_values.short_form("Port Authority", "Port Authority of New York")
    assert not split_values.short_form("Lee", "Ann Lee Smith")
    assert not split_values.short_form("Ann Lee", "Ann Lee")


def test_one_country_written_two_ways_is_a_split_pair():
    country_of = {"U.S.": "United States", "United States": "United States",
                  "UK": "United Kingdom"}.get
    assert split_values.country_variant("U.S. Senate", "United States Senate", country_of)
    assert not split_values.country_variant("U.S. Senate", "UK Senate", country_of)
    assert not split_values.country_variant("U.S. Senate", "U.S. Senate", country_of)
    assert split_values.split_pairs(["U.S. troops", "United States troops", "UK troops"],
                                    country_of) == 1


def test_list_prints_the_pairs_of_the_parts_it_names_only(tmp_path, capsys):
    records = [{"id": "a", "actor": ["Louis De Zoysa", "De Zoysa"]},
               {"id": "b", "actor": ["Labour", "Labour Party"]}]
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    split_values.main([str(path), "--parts", "2", "--names", "tune,heldout", "--list", "tune"])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "a | Louis De Zoysa | De Zoysa"
    assert not any(line.startswith("b |") for line in out)


def test_list_names_an_unknown_part_is_an_error(tmp_path, capsys):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"id": "a", "actor": []}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        split_values.main([str(path), "--parts", "1", "--names", "tune", "--list", "review"])
    assert "--list names no part: review" in capsys.readouterr().err
