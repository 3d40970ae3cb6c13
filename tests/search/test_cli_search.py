"""`trawl search`: options, the readable table, --json, and errors through the trawl CLI."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from indexer.cli import main
from indexer.cli_search import configure, run, terminal_text


def cli(index_dir, *argv: str) -> str:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index")
    configure(parser)
    out = io.StringIO()
    assert run(parser.parse_args(["--index", str(index_dir), *argv]), out) == 0
    return out.getvalue()


def test_table(corpus_dir):
    assert cli(corpus_dir, "aleppo", "--actor", "UN") == """\
2 documents for "aleppo", showing 1-2

  1. Protest in Aleppo
     2024-11-01 · Reuters · d1
     actor: Bashar al-Assad, UN | place: Aleppo, Syria | date: 2024-10-31, 2024 | country: Syria
     Thousands of protesters gathered in *Aleppo* on Friday. Police watched the crowd.

  2. Aid convoy reaches Aleppo
     2024-12-02 · AP · d7
     actor: UN | place: Aleppo | date: 2024-12-01, 2011-03 | country: Syria
     An aid convoy reached *Aleppo* after the ceasefire.

actor: +UN (2), Bashar al-Assad (1)
place: Aleppo · Syria (2), Syria (1)
date: 2024 (2), 2011 (1), 2011-03 (1), 2024-10-31 (1), 2024-12-01 (1)
country: Syria (2)
Filter by: --place Aleppo (2)
"""


def test_filters_sort_and_pages(corpus_dir):
    out = cli(corpus_dir, "--not-actor", "UN", "--from", "2013", "--to", "2021-05",
              "--sort", "oldest", "--size", "2", "--page", "2")
    assert out.splitlines()[0] == "3 documents, showing 3-3"
    assert "  3. Elections in Damascus" in out
    assert "actor: PKK (2), Abdullah Öcalan (1), Bashar al-Assad (1), -UN (0)\n" in out


def test_past_the_last_page_and_suggestion(corpus_dir):
    out = cli(corpus_dir, "alepo")
    assert out == ('0 documents for "alepo" (no hits on page 1)\n\n'
                   "Did you mean: aleppo\n")


def test_json_is_the_api_body(corpus_dir):
    body = json.loads(cli(corpus_dir, "geneva", "--json"))
    assert (body["total"], [h["id"] for h in body["hits"]]) == (1, ["d2"])
    assert body["query"]["size"] == 10
    assert sorted(body) == ["facets", "filter_offers", "hits", "mentioned_timeline", "page",
                            "query", "size", "suggestion", "timeline", "timeline_unit", "total"]


def test_colour_on_a_terminal():
    snippet = "a <mark>b</mark> &amp; c"
    assert terminal_text(snippet, color=True) == "a \033[1;7mb\033[0m & c"
    assert terminal_text(snippet, color=False) == "a *b* & c"


@pytest.mark.parametrize(("argv", "message"), [
    (["search", "(aleppo"], 'trawl: error: unclosed "(" at position 1: add a ")"\n'),
    (["search", "--from", "2024-13"],
     "trawl: error: from: '2024-13' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)\n"),
    (["search", "--page", "0"], "trawl: error: page must be 1 or more (got 0)\n"),
])
def test_errors_are_one_line_with_status_1(corpus_dir, capsys, argv, message):
    assert main(["--index", str(corpus_dir), *argv]) == 1
    assert capsys.readouterr().err == message


def test_through_the_trawl_command(corpus_dir, capsys):
    assert main(["--index", str(corpus_dir), "search", "--json", "ceasefire", "talks"]) == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)["hits"]] == ["d2"]


def test_selected_values_stay_in_the_summary_and_quoted_queries_read_well(corpus_dir):
    out = cli(corpus_dir, '"aid convoy"', "--place", "Istanbul")
    assert out.splitlines()[0] == '0 documents for "aid convoy" (no hits on page 1)'
    out = cli(corpus_dir, "--date", "2024-12-01")
    assert out.endswith(
        "date: +2024-12-01 (1), 2024 (3), 2011 (2), 2013 (2), 2011-03 (1)\n"
        "country: Syria (1)\n")


ESC_TITLE = "\x1b]0;owned\x07Evil \x1b[2J\x1b[31mtitle\u202e\x9b"


def test_stored_text_cannot_send_escape_sequences_to_the_terminal(make_index):
    index_dir = make_index([{
        "id": "evil\x1b[1m", "title": ESC_TITLE, "source": "Wire\x1b[8m",
        "text": "Evil text &#27;[31m with \x1b[5m escapes near evil words.",
        "actor": ["Actor\x1b[7m"], "place": ["Place\x07"]}])
    for argv in (["evil"], ["evil", "--color", "always"]):
        out = cli(index_dir, *argv)
        allowed = out.replace("\x1b[1;7m", "").replace("\x1b[0m", "")  # our own emphasis
        assert not any(ch in allowed for ch in "\x1b\x07\x9b\u202e"), repr(out)
        assert "Evil \ufffd[2J\ufffd[31mtitle" in out
        assert "Actor\ufffd[7m" in out and "Place\ufffd" in out


def test_undecodable_command_line_bytes_are_a_one_line_error(corpus_dir, capsys):
    """`trawl search $'\\xff'`: Python hands the byte over as a lone surrogate."""
    assert main(["--index", str(corpus_dir), "search", "aleppo\udcff"]) == 1
    assert capsys.readouterr().err == ("trawl: error: q: not valid text (a byte that is not "
                                       "UTF-8, or a lone surrogate)\n")
