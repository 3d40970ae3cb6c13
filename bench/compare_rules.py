"""The rules' time in two checkouts, measured side by side: each checkout's code runs in a worker
process of its own (same virtualenv, same model), both parse the same documents once, and then
they take turns timing one pass of the rules and facet building over them, round after round,
the first to go alternating. A busy neighbour on a shared machine slows both alike, so the
median of the per-round ratios says what separate runs of `bench/profile_rules.py` cannot: a
change of a few per cent in the rules' cost.

    .venv/bin/python bench/compare_rules.py CHECKOUT_A CHECKOUT_B [FILE.jsonl] [--rounds 15]

A checkout is a directory with Trawl's code (a `git worktree` of a commit). Prints each
checkout's median ms a document and the median ratio B / A (below 1: B is cheaper).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_facets import SHARED_EVAL  # noqa: E402

DEFAULT_FILE = SHARED_EVAL.parent / "corpus" / "wikinews-2019-2020.jsonl"

#: the worker: imports the checkout's own code, parses once, then times one pass of the rules
#: (every pass a first one: no value remembered) each time a line arrives on its input. Its
#: pass is `profile_rules.py`'s `rules()` written again on purpose: an older checkout has that
#: loop only inside a function, so the worker cannot import it from the checkout it times
WORKER = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bench.eval_facets import read_documents
from indexer.enrich import build_facets, model_text
from indexer.entities import forget_learnt_values, resolve_entities
from indexer.gazetteer import default_gazetteer
from indexer.model import load_model
docs = read_documents(Path(sys.argv[2]))[:int(sys.argv[3])]
texts = [model_text(doc) for doc in docs]
nlp, gazetteer = load_model(), default_gazetteer()
places = nlp.meta.get("trawl_watch_places", {})
raws = [[(e.start_char, e.end_char, e.label_, e.ent_id_) for e in parsed.ents]
        for parsed in nlp.pipe([text for text, _ in texts], batch_size=64)]
def one_pass():
    forget_learnt_values()
    for (text, body), raw, doc in zip(texts, raws, docs):
        build_facets(resolve_entities(text, raw, gazetteer, places, body_start=body), body,
                     doc.published)
one_pass()
print(len(docs), flush=True)
for _ in sys.stdin:
    started = time.perf_counter()
    one_pass()
    print(time.perf_counter() - started, flush=True)
"""


def start_worker(checkout: Path, path: Path, limit: int) -> tuple[subprocess.Popen, int]:
    """A worker over the checkout's code, ready to time passes; with its document count."""
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(checkout), str(path), str(limit)],
                              cwd=checkout, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    ready = worker.stdout.readline()
    if not ready.strip():
        raise SystemExit(f"the worker over {checkout} did not start")
    return worker, int(ready)


def timed_pass(worker: subprocess.Popen) -> float:
    worker.stdin.write("go\n")
    worker.stdin.flush()
    return float(worker.stdout.readline())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path, help="the first checkout (the baseline)")
    parser.add_argument("b", type=Path, help="the second checkout")
    parser.add_argument("file", type=Path, nargs="?", default=DEFAULT_FILE)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--limit", type=int, default=100, help="documents read from the file")
    args = parser.parse_args(argv)
    (a, count), (b, _) = (start_worker(c.resolve(), args.file.resolve(), args.limit)
                          for c in (args.a, args.b))
    times: dict[str, list[float]] = {"a": [], "b": []}
    for round_ in range(args.rounds):
        order = (("a", a), ("b", b)) if round_ % 2 == 0 else (("b", b), ("a", a))
        for name, worker in order:
            times[name].append(timed_pass(worker))
    for worker in (a, b):
        worker.stdin.close()
        worker.wait()
    ratios = [tb / ta for ta, tb in zip(times["a"], times["b"], strict=True)]
    print(f"{args.file.name}: {count} documents, {args.rounds} rounds, turns alternating")
    for name, checkout in (("a", args.a), ("b", args.b)):
        print(f"  {name} {str(checkout):40} rules and facets "
              f"{statistics.median(times[name]) * 1000 / count:7.2f} ms/doc (median)")
    print(f"  b / a, median of the rounds' ratios {statistics.median(ratios):7.3f} "
          f"(lowest {min(ratios):.3f}, highest {max(ratios):.3f})")


if __name__ == "__main__":
    main()
