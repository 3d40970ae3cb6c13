"""Which rule did what to a name in one document: the spans whose text holds SUBSTR, after the
model and after each rule of `indexer.entities.RULES` that changed them (text, label, facet,
value). For reading a tuning set's errors one at a time.

    .venv/bin/python bench/trace_rules.py FILE.jsonl DOC_ID SUBSTR [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.document import Document  # noqa: E402
from indexer.enrich import Enricher, model_text  # noqa: E402
from indexer.entities import RULES, DocContext, run_rules, spans_from_model  # noqa: E402


def find_document(path: Path, doc_id: str) -> Document:
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        if str(row.get("id")) == doc_id:
            return Document(id=doc_id, title=row.get("title") or "", text=row.get("text") or "")
    raise SystemExit(f"trace_rules: no document {doc_id!r} in {path}")


def trace(enricher: Enricher, doc: Document, substr: str) -> list[tuple[str, list[tuple]]]:
    """(step, spans holding `substr`) for the model and each rule that changed them."""
    text, body = model_text(doc)
    raw = [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in enricher.nlp(text).ents]
    ctx = DocContext(text, enricher.gazetteer, enricher.watch_places, body_start=body)
    ents = spans_from_model(text, raw, ctx.watch_places)

    def holding(spans):
        return sorted((e.start, e.text, e.label, e.facet, e.value) for e in spans if substr in e.text)

    steps = [("model", holding(ents))]
    for name, rule in RULES:
        ents = run_rules(ctx, ents, ((name, rule),))
        if holding(ents) != steps[-1][1]:
            steps.append((name, holding(ents)))
    return steps


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("doc_id")
    parser.add_argument("substr")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    enricher = Enricher.from_config(model=args.model)
    for step, spans in trace(enricher, find_document(args.file, args.doc_id), args.substr):
        print(f"{step}: {spans}")


if __name__ == "__main__":
    main()
