"""Raw spaCy vs Trawl's enrichment on a gold facet set: quality (P/R/F1) and extraction time.

    python bench/eval_facets.py [GOLD.jsonl] [--scorer facet_eval.py] [--runs 3]
                                [--timing-corpus FILE.jsonl] [--keep DIR] [--errors] [--ablate]

"Raw" uses the same NER-only pipeline and the same text (title, blank line, body) with its
entities as facets without further work: PERSON/ORG -> actor, GPE/LOC/FAC -> place, text
stripped. "Trawl" is `Enricher.enrich`. Both prediction files are scored by the shared
scorer (../shared/eval/facet_eval.py by default). Times are medians of --runs warm runs
(model and gazetteer loaded beforehand; their load times are printed apart).
--errors also prints, per document and facet, Trawl's false positives (values matching no
gold mention) and misses (gold entities no value matches), using the scorer's own matching.
--ablate also prints, for each rule of `indexer.entities.RULES`, what removing it costs in
P/R/F1 (full pipeline minus the pipeline without it: positive means the rule helps) and the
rule's own time in ms per document (the model's spans are computed once and reused);
with --ablate-corpus, also the number of actor/place values each rule changes there.
--without RULE (may be repeated) scores Trawl with those rules left out of the table, so that
one rule's effect can be read in full (its --errors lists, its counts of predicted values).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.document import Document  # noqa: E402
from indexer.enrich import Enricher, build_facets, model_text  # noqa: E402
from indexer.entities import RULES, resolve_entities  # noqa: E402
from indexer.extract import extract_record  # noqa: E402
from indexer.model import load_bare_model, load_model  # noqa: E402

SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
RAW_FACETS = {"PERSON": "actor", "ORG": "actor", "GPE": "place", "LOC": "place", "FAC": "place"}


def read_documents(path: Path) -> list[Document]:
    """Documents of a JSON-lines file with id, title, text and optional published."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            published = str(row.get("published") or "")[:10]
            docs.append(Document(id=str(row["id"]), title=row.get("title") or "",
                                 text=row.get("text") or "",
                                 published=date.fromisoformat(published) if published else None))
    return docs


def raw_predictions(nlp, docs: list[Document]) -> list[dict]:
    """The model's entities used as facets as they come."""
    out = []
    texts = (model_text(doc)[0] for doc in docs)
    for doc, parsed in zip(docs, nlp.pipe(texts, batch_size=64), strict=True):
        values: dict[str, list[str]] = {"actor": [], "place": []}
        for ent in parsed.ents:
            facet = RAW_FACETS.get(ent.label_)
            if facet and ent.text.strip() and ent.text.strip() not in values[facet]:
                values[facet].append(ent.text.strip())
        out.append({"id": doc.id, **values})
    return out


def trawl_predictions(enricher: Enricher, docs: list[Document]) -> list[dict]:
    """Trawl's records as `trawl extract --explain` prints them (the scorer also matches a
    value through the mention texts behind it)."""
    return [extract_record(doc, facets, explain=True) for doc, facets in enricher.enrich(docs)]


def rules_without(names: list[str]) -> tuple:
    """`RULES` less the named rules; a name that is no rule's is an error."""
    unknown = sorted(set(names) - {name for name, _ in RULES})
    if unknown:
        raise ValueError(f"no such rule: {', '.join(unknown)}")
    return tuple(rule for rule in RULES if rule[0] not in names)


class _RulesEnricher(Enricher):
    """The enricher under another rule table (`--without`)."""

    def __init__(self, nlp, rules: tuple):
        super().__init__(nlp)
        self.rules = rules

    def facets(self, doc, raw, body_offset):
        ents = resolve_entities(model_text(doc)[0], raw, self.gazetteer, self.watch_places,
                                self.rules, body_start=body_offset)
        return build_facets(ents, body_offset, doc.published)


class _RawRecorder(Enricher):
    """The enricher, keeping each document's model spans so rule variants can rerun on them."""

    def __init__(self, nlp):
        super().__init__(nlp)
        self.raws: list[tuple] = []

    def facets(self, doc, raw, body_offset):
        self.raws.append((doc, list(raw), body_offset))
        return super().facets(doc, raw, body_offset)


def rule_predictions(enricher: Enricher, raws: list[tuple], rules,
                     seconds: dict[str, float] | None = None) -> list[dict]:
    """Facet values of each document under a given rule table."""
    out = []
    for doc, raw, body_offset in raws:
        ents = resolve_entities(model_text(doc)[0], raw, enricher.gazetteer,
                                enricher.watch_places, rules, seconds, body_offset)
        facets = build_facets(ents, body_offset, doc.published)
        out.append(extract_record(doc, facets, explain=True))
    return out


def facet_values(records: list[dict]) -> set[tuple]:
    """(document id, facet, value) of every actor, place and date value of `trawl extract`
    records."""
    return {(r["id"], facet, v) for r in records for facet in ("actor", "place", "date")
            for v in r.get(facet) or ()}


def place_countries(records: list[dict]) -> dict[tuple, str]:
    """(document id, place) -> its country, from `trawl extract` records."""
    return {(r["id"], place): country for r in records
            for place, country in r.get("countries", {}).items()}


def moved_countries(before: dict[tuple, str], after: dict[tuple, str]) -> int:
    """Places whose country differs between the runs (given, taken away or changed)."""
    return sum(1 for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def ablate(scorer: Path, gold: Path, nlp, docs: list[Document], out_dir: Path,
           other: list[Document]) -> None:
    """One line per rule: P/R/F1 lost without it, per facet, its time per document, and how
    many actor/place values and place countries it changes on `other` documents (no gold: a
    rule silent on the gold may still act elsewhere)."""
    recorder, elsewhere = _RawRecorder(nlp), _RawRecorder(nlp)
    list(recorder.enrich(docs))
    list(elsewhere.enrich(other))
    records = rule_predictions(elsewhere, elsewhere.raws, RULES)
    before, before_countries = facet_values(records), place_countries(records)
    seconds: dict[str, float] = {}
    full = score(scorer, gold, rule_predictions(recorder, recorder.raws, RULES, seconds),
                 out_dir / "ablate-full.jsonl")
    metrics = ("precision", "recall", "f1")
    print(f"\nablation on {len(docs)} documents: full minus without-rule (+ = the rule helps)")
    print(f"{'rule':22}" + "".join(f" {f[:5]}-{m[:2]:>2}" for f in ("actors", "places")
                                    for m in metrics) + "   ms/doc  changed countries")
    for name, _ in RULES:
        rules = tuple(r for r in RULES if r[0] != name)
        cut = score(scorer, gold, rule_predictions(recorder, recorder.raws, rules),
                    out_dir / "ablate-without.jsonl")
        deltas = "".join(f" {full[f][m] - cut[f][m]:>+8.3f}" for f in ("actors", "places")
                         for m in metrics)
        records = rule_predictions(elsewhere, elsewhere.raws, rules)
        changed = len(before ^ facet_values(records))
        moved = moved_countries(before_countries, place_countries(records))
        print(f"{name:22}{deltas} {seconds[name] * 1000 / len(docs):8.3f} {changed:8} {moved:9}")


def median_seconds(run, runs: int) -> float:
    """Median wall time of several runs of a function."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def score(scorer: Path, gold: Path, predictions: list[dict], path: Path) -> dict:
    """Write predictions as JSON lines and run the shared scorer on them."""
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions),
                    encoding="utf-8")
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(path)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def load_scorer(scorer: Path):
    """The shared scorer as a module, so the error dump matches exactly as it scores."""
    spec = importlib.util.spec_from_file_location("facet_eval", scorer)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def facet_errors(scorer, gold: Path, predictions: list[dict]) -> list[tuple]:
    """(document id, facet, false positives, missed gold aliases) for each document and facet
    with an error, matched as the scorer counts: a value also through the texts behind it in
    the document (`trawl extract --explain`, the scorer's `surface_forms`), so a canonical
    name is no error ("UK" -> "United Kingdom")."""
    kind = "gum" if "gum" in gold.name else "re3d"
    truth = scorer.load_gold(str(gold), kind)
    by_id = {p["id"]: p for p in predictions}
    out = []
    for doc_id, per in truth.items():
        for facet in ("actors", "places"):
            wrong, missed = _errors(scorer, by_id.get(doc_id, {}), facet, *per[facet])
            if wrong or missed:
                out.append((doc_id, facet, wrong, missed))
    return out


def _errors(scorer, pred: dict, facet: str, ents: dict, mentions: list[str]):
    """One document's false positives and missed gold entities (their aliases) in a facet."""
    forms = {v: scorer.surface_forms(pred, facet[:-1], v)
             for v in dict.fromkeys(pred.get(facet[:-1]) or [])}
    wrong = [v for v, fs in forms.items() if not _any_match(scorer, fs, mentions)]
    every_form = [f for fs in forms.values() for f in fs]
    missed = [sorted(a) for a in ents.values() if not _any_match(scorer, every_form, a)]
    return wrong, missed


def _any_match(scorer, forms: list[str], texts) -> bool:
    return any(scorer.matches(f, t) for f in forms for t in texts)


def print_errors(errors: list[tuple]) -> None:
    """One block per document and facet: FP values, then missed gold entities (aliases)."""
    totals = {"FP": 0, "MISS": 0}
    for doc_id, facet, wrong, missed in errors:
        print(f"{doc_id[:70]} [{facet}]")
        for value in wrong:
            print(f"   FP   {value}")
        for aliases in missed:
            print(f"   MISS {' | '.join(aliases)}")
        totals["FP"] += len(wrong)
        totals["MISS"] += len(missed)
    print(", ".join(f"{k}: {v}" for k, v in totals.items()), "\n")


def print_table(raw: dict, trawl: dict, times: tuple[float, float], docs: int) -> None:
    """Side-by-side P/R/F1 per facet, then the time of each and their ratio."""
    print(f"{'facet':8} {'metric':10} {'raw spaCy':>10} {'Trawl':>10} {'change':>8}")
    for facet in ("actors", "places"):
        for metric in ("precision", "recall", "f1", "predicted"):
            a, b = raw[facet][metric], trawl[facet][metric]
            print(f"{facet:8} {metric:10} {a:>10} {b:>10} {b - a:>+8.3f}"
                  if isinstance(a, float) else f"{facet:8} {metric:10} {a:>10} {b:>10}")
        print(f"{facet:8} {'gold':10} {raw[facet]['gold']:>10}")
    raw_s, trawl_s = times
    print(f"\nextraction time over {docs} documents (median): raw {raw_s:.3f} s, "
          f"Trawl {trawl_s:.3f} s, Trawl/raw = {trawl_s / raw_s:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(SHARED_EVAL / "re3d-dev.jsonl"))
    parser.add_argument("--scorer", default=str(SHARED_EVAL / "facet_eval.py"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timing-corpus", help="JSON lines to time on (default: the gold file)")
    parser.add_argument("--keep", help="directory to keep the two prediction files in")
    parser.add_argument("--ablate", action="store_true",
                        help="print each rule's contribution to P/R/F1 and its time")
    parser.add_argument("--ablate-corpus", action="append", default=[],
                        help="JSON lines (no gold; may be given more than once) on which --ablate "
                        "also counts the actor/place values and countries each rule changes")
    parser.add_argument("--without", action="append", default=[], metavar="RULE",
                        help="leave this rule out of Trawl's table (may be given more than once)")
    parser.add_argument("--errors", action="store_true",
                        help="print Trawl's false positives and misses per document")
    args = parser.parse_args(argv)
    try:
        rules = rules_without(args.without)
    except ValueError as error:
        parser.error(str(error))
    gold, scorer = Path(args.gold), Path(args.scorer)
    docs = read_documents(gold)
    start = time.perf_counter()
    bare = load_bare_model()
    enricher = _RulesEnricher(load_model(), rules) if args.without else Enricher(load_model())
    print(f"load: model x2 + gazetteer {time.perf_counter() - start:.2f} s")
    out_dir = Path(args.keep or tempfile.mkdtemp(prefix="trawl-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    raw = score(scorer, gold, raw_predictions(bare, docs), out_dir / "raw.jsonl")
    predicted = trawl_predictions(enricher, docs)
    trawl = score(scorer, gold, predicted, out_dir / "trawl.jsonl")
    if args.errors:
        print_errors(facet_errors(load_scorer(scorer), gold, predicted))
    timed = read_documents(Path(args.timing_corpus)) if args.timing_corpus else docs
    trawl_predictions(enricher, timed[:5])  # warm up both
    raw_predictions(bare, timed[:5])
    times = (median_seconds(lambda: raw_predictions(bare, timed), args.runs),
             median_seconds(lambda: trawl_predictions(enricher, timed), args.runs))
    print(f"gold: {gold} ({raw['documents']} documents); predictions in {out_dir}\n")
    print_table(raw, trawl, times, len(timed))
    if args.ablate:
        other = [doc for path in args.ablate_corpus for doc in read_documents(Path(path))]
        ablate(scorer, gold, enricher.nlp, docs, out_dir, other)
    return 0


if __name__ == "__main__":
    sys.exit(main())
