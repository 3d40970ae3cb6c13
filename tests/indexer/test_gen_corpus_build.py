"""bench/gen_corpus.py's build in several commits (one segment per commit and process, the
pool kept in memory) answers every case of the bench mix as one commit with sorted runs on
disk (the way the generated indexes were built before) does."""

from __future__ import annotations

from bench.bench_search import make_cases
from bench.gen_corpus import RUN_LIMIT_MB, build_index
from search.engine import search
from search.index import open_index
from search.model import SearchRequest

DOCS = 240


def _answers(index_dir) -> list[tuple]:
    ix = open_index(index_dir)
    cases, _ = make_cases(DOCS, 1, ix.generation().schema, 0)
    answers = []
    for case in cases:
        result = search(ix, SearchRequest.from_params(case.params))
        answers.append((result.total, {name: [(v.value, v.count) for v in counts.values]
                                       for name, counts in result.facets.items()},
                        [(b.period, b.count) for b in result.timeline]))
    return answers


def test_batched_commits_answer_as_one_commit_does(tmp_path):
    progress = []
    build_index(str(tmp_path / "batched"), DOCS, procs=1, batch=100,
                progress=lambda done, seconds: progress.append(done))
    build_index(str(tmp_path / "one"), DOCS, procs=1, limitmb=RUN_LIMIT_MB, batch=DOCS)
    assert progress == [100, 200, 240]
    batched = open_index(tmp_path / "batched").generation()
    assert batched.live_count == DOCS and len(batched.reader.leaf_readers()) == 3
    answers = _answers(tmp_path / "batched")
    assert len({total for total, _, _ in answers}) > 3  # not trivially one answer
    assert answers == _answers(tmp_path / "one")
