"""`bench/eval_facets.py --without RULE`: the rule table it scores."""

from __future__ import annotations

import pytest

from bench.eval_facets import main, rules_without
from indexer.entities import RULE_NAMES


def test_without_leaves_the_named_rules_out_in_order():
    rules = rules_without(["alias", "speaker"])
    assert [name for name, _ in rules] == [n for n in RULE_NAMES if n not in ("alias", "speaker")]


def test_without_nothing_is_the_whole_table():
    assert [name for name, _ in rules_without([])] == list(RULE_NAMES)


def test_an_unknown_rule_is_a_clear_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--without", "no-such-rule"])
    assert exit_info.value.code == 2
    assert "no such rule: no-such-rule" in capsys.readouterr().err
