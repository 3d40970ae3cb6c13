"""What Trawl's rules cost next to the model they run on: the bare spaCy pipeline, the entity
ruler, and the rules (resolve_entities + facet building) timed separately on the same texts.
(The model's NER is not slowed by the ruler's spans, so model + ruler + rules is Trawl.)

    .venv/bin/python bench/profile_rules.py [FILE.jsonl ...] [--runs 5] [--tagger]

Separating the two gives a steadier figure than one end-to-end ratio on a shared machine,
where a busy neighbour can shift a whole run by ±5 %. Prints medians in ms per document.
--tagger also prints what the model's tagger (with the tok2vec it needs) would add to the
bare pipeline, the two timed in alternating runs: the price of any rule that reads
part-of-speech tags.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_facets import SHARED_EVAL, median_seconds, read_documents  # noqa: E402
from indexer.enrich import build_facets, model_text  # noqa: E402
from indexer.entities import forget_learnt_values, resolve_entities  # noqa: E402
from indexer.gazetteer import default_gazetteer  # noqa: E402
from indexer.model import NOT_NEEDED, load_bare_model, load_model, model_name  # noqa: E402
from indexer.watchlist import RULER_NAME, UNGLUE_NAME  # noqa: E402

DEFAULT_FILES = [SHARED_EVAL / "re3d-dev.jsonl",
                 SHARED_EVAL.parent / "corpus" / "wikinews-2019-2020.jsonl"]


def profile(path: Path, runs: int, limit: int) -> None:
    docs = read_documents(path)[:limit]
    texts = [model_text(doc) for doc in docs]
    bare, nlp, gazetteer = load_bare_model(), load_model(), default_gazetteer()
    places = nlp.meta.get("trawl_watch_places", {})
    model_s = median_seconds(lambda: list(bare.pipe([t for t, _ in texts], batch_size=64)), runs)
    parts = [nlp.get_pipe(RULER_NAME), nlp.get_pipe(UNGLUE_NAME)]

    def ruler():
        for text, _ in texts:
            doc = nlp.make_doc(text)
            for part in parts:
                doc = part(doc)

    tokenise_s = median_seconds(lambda: [nlp.make_doc(t) for t, _ in texts], runs)
    ruler_s = max(median_seconds(ruler, runs) - tokenise_s, 0.0)
    parsed = list(nlp.pipe([t for t, _ in texts], batch_size=64))
    raws = [[(e.start_char, e.end_char, e.label_, e.ent_id_) for e in p.ents] for p in parsed]

    def rules():
        forget_learnt_values()  # every run a first pass: no value remembered from the last
        for (text, body), raw, doc in zip(texts, raws, docs, strict=True):
            build_facets(resolve_entities(text, raw, gazetteer, places, body_start=body), body,
                         doc.published)

    rules_s = median_seconds(rules, runs)
    per_doc = 1000 / len(docs)
    extra = ruler_s + rules_s
    print(f"{path.name}: {len(docs)} documents, {sum(len(t) for t, _ in texts):,} characters")
    print(f"  bare spaCy pipeline      {model_s * per_doc:7.2f} ms/doc")
    print(f"  + entity ruler           {ruler_s * per_doc:7.2f} ms/doc (its two components, tokenising excluded)")
    print(f"  + rules and facets       {rules_s * per_doc:7.2f} ms/doc")
    print(f"  Trawl / bare spaCy       {(model_s + extra) / model_s:7.3f}")


def tagger_cost(path: Path, runs: int, limit: int) -> None:
    """Bare pipeline against the same pipeline with tok2vec + tagger, alternating runs."""
    import spacy

    texts = [model_text(doc)[0] for doc in read_documents(path)[:limit]]
    bare = load_bare_model()
    tagged = spacy.load(model_name(None), exclude=[c for c in NOT_NEEDED if c != "tagger"])
    times: dict[str, list[float]] = {"bare": [], "tagged": []}
    for _ in range(runs):
        for name, nlp in (("bare", bare), ("tagged", tagged)):
            started = time.perf_counter()
            list(nlp.pipe(texts, batch_size=64))
            times[name].append(time.perf_counter() - started)
    bare_s, tagged_s = (statistics.median(times[n]) for n in ("bare", "tagged"))
    print(f"{path.name}: {len(texts)} documents; pipelines {bare.pipe_names} / {tagged.pipe_names}")
    print(f"  bare {bare_s:.2f} s, with the tagger {tagged_s:.2f} s: x{tagged_s / bare_s:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=100, help="documents per file")
    parser.add_argument("--tagger", action="store_true",
                        help="also time the pipeline with the tagger (a POS-reading rule's cost)")
    args = parser.parse_args(argv)
    for path in args.files:
        profile(path, args.runs, args.limit)
        if args.tagger:
            tagger_cost(path, args.runs, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
