"""bench/bench_peers.py's peer engines (tantivy, SQLite FTS5) answer the bench's requests
over the same generated documents with the same totals as Trawl."""

from __future__ import annotations

import pytest

from bench.bench_peers import open_engines, print_table, run_cases
from bench.bench_search import make_cases
from bench.gen_corpus import build_index
from bench.peers import match_words, periods
from search.index import open_index

DOCS = 300


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("trawl")
    seconds = build_index(str(index_dir), DOCS, procs=1)
    work = tmp_path_factory.mktemp("peers")
    runners, facts = open_engines(["trawl", "tantivy", "sqlite-fts5"], index_dir, work, DOCS,
                                  {"seconds": seconds})
    return index_dir, runners, facts


def test_peers_agree_with_trawl_on_every_case_of_the_mix(engines):
    index_dir, runners, facts = engines
    cases, _ = make_cases(DOCS, 1, open_index(index_dir).generation().schema, 0)
    times, totals = run_cases(runners, cases)
    assert len(times["tantivy"]) == len(cases)
    assert len(set(totals["trawl"])) > 3  # the mix is not trivially one answer
    assert totals["tantivy"] == totals["trawl"]
    assert totals["sqlite-fts5"] == totals["trawl"]
    assert facts["tantivy"]["size"] > 0 and facts["sqlite-fts5"]["size"] > 0


def test_the_table_names_every_engine_and_kind_and_each_differing_query(engines, capsys):
    index_dir, runners, facts = engines
    cases, _ = make_cases(DOCS, 1, open_index(index_dir).generation().schema, 0)
    times, totals = run_cases(runners, cases)
    totals["tantivy"][0] += 1  # one disagreement, to see it printed with its query
    print_table(cases, times, totals, facts, DOCS)
    out = capsys.readouterr().out
    for name in runners:
        assert f"| {name} |" in out
    for kind in ("one word", "two words", "phrase", "empty"):
        assert f"| {kind} (4) |" in out
    assert f"| tantivy | {facts['tantivy']['build_s']:,.0f} s" in out
    assert f"{len(cases) - 1} of {len(cases)} |" in out
    assert f"tantivy differs: {cases[0].params} Trawl {totals['trawl'][0]:,}" in out
    assert "sqlite-fts5 differs" not in out


def test_no_query_starts_once_the_budget_is_spent(engines, capsys):
    index_dir, runners, _ = engines
    cases, _ = make_cases(DOCS, 1, open_index(index_dir).generation().schema, 0)
    times, totals = run_cases(runners, cases, budget=-1)
    assert all(ms == [] for ms in times.values()) and all(t == [] for t in totals.values())
    assert f"0 of {len(cases)} queries ran" in capsys.readouterr().out


def test_date_periods_and_query_parts():
    assert periods(["2011-03-02", "2011-04"]) == ["2011", "2011-03", "2011-03-02", "2011-04"]
    assert match_words('aid "red cross" camp') == ["aid", '"red cross"', "camp"]
    assert match_words("") == []
