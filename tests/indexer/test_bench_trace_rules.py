"""bench/trace_rules.py: the steps that change a name, with the real model and rules."""

import json

from bench import trace_rules


def test_a_fronted_phrase_subject_is_traced_to_the_rule_that_classifies_it(tmp_path, capsys):
    row = {"id": "d1", "title": "", "text": "Speaking in London, Starmer said the UK would act."}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    trace_rules.main([str(path), "d1", "Starmer"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("model: [") and "'Starmer'" in lines[0]
    assert lines[1].startswith("classify: ") and "'actor'" in lines[1]
