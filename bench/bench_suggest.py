"""Cost of "did you mean" on a generated corpus: Trawl's speller against Whoosh's corrector.

    .venv/bin/python -m bench.bench_suggest [--docs 100000] [--words 200]
    .venv/bin/python -m bench.bench_suggest --index DIR [--try WORD...]   (a real index)

Reuses (or builds) bench/data/docs-N/ like bench_search. Misspells corpus words and names by
one or two random edits, then times, alternating word by word (the machine is shared):
  - Trawl: search() of the misspelled word, which respells it when it finds too little
    (search.suggest over the generation's Speller, outside the index lock);
  - the speller's `nearest(word)` alone;
  - Whoosh: `searcher.corrector("spell_body").suggest(word, limit=1, maxdist=2)`, what
    Trawl did before (under the lock all searches share).
Prints the speller's build time, p50/p95/max per engine, and how often each found the word
that was misspelled.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from bench.bench_search import open_bench_index
from bench.gen_corpus import make_lexicon
from search.engine import search
from search.index import open_index
from search.model import SearchRequest

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def misspell(word: str, rng: random.Random) -> str:
    """`word` with one edit (two for words longer than four letters): replace, drop or swap."""
    for _ in range(1 if len(word) <= 4 else 2):
        at = rng.randrange(len(word) - 1)
        kind = rng.choice(("replace", "drop", "swap"))
        if kind == "replace":
            word = word[:at] + rng.choice(LETTERS) + word[at + 1:]
        elif kind == "drop":
            word = word[:at] + word[at + 1:]
        else:
            word = word[:at] + word[at + 1] + word[at] + word[at + 2:]
    return word


def cases(count: int, seed: int = 11) -> list[tuple[str, str]]:
    """(intended, misspelled) pairs: half common words, half words of actor and place names."""
    rng = random.Random(seed)
    lexicon = make_lexicon()
    names = [w.lower() for name in lexicon.actors + lexicon.places for w in name.split()]
    words = [w for w in lexicon.words[:5000] if len(w) >= 4]
    pool = [rng.choice(words) for _ in range(count // 2)] + [rng.choice(names)
                                                             for _ in range(count - count // 2)]
    return [(word, misspell(word, rng)) for word in pool]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--index", help="an existing index to respell --try words in instead")
    parser.add_argument("--try", dest="tries", nargs="+", default=["Putn", "idlb", "Damscus"],
                        metavar="WORD", help="misspellings to respell in --index")
    args = parser.parse_args(argv)
    if args.index:
        return respell_examples(open_index(args.index), args.tries)
    ix = open_bench_index(args.docs)
    gen = ix.generation()
    gen.speller.ready(600)
    print(f"corpus: {gen.live_count:,} documents; speller vocabulary built in the background "
          f"in {gen.speller.build_seconds:.2f} s")
    trawl, alone, whoosh = [], [], []
    trawl_right = alone_right = whoosh_right = 0
    for intended, word in cases(args.words):
        started = time.perf_counter()
        nearest = gen.speller.nearest(word, time.monotonic() + 1.0)
        alone.append(time.perf_counter() - started)
        alone_right += nearest == intended
        started = time.perf_counter()
        suggestion = search(ix, SearchRequest(q=word, size=1)).suggestion
        trawl.append(time.perf_counter() - started)
        trawl_right += suggestion == intended
        if "spell_body" in gen.schema:  # an index written before search/spell_vocab.py
            started = time.perf_counter()
            with gen.lock:
                found = gen.searcher.corrector("spell_body").suggest(word, limit=1, maxdist=2)
            whoosh.append(time.perf_counter() - started)
            whoosh_right += bool(found) and found[0] == intended
    rows = [("Trawl search() + speller", trawl, trawl_right),
            ("Trawl speller alone", alone, alone_right)]
    if whoosh:
        rows.append(("Whoosh corrector alone", whoosh, whoosh_right))
    else:
        print("(this index has no Whoosh spelling fields, so no Whoosh corrector to compare)")
    for name, times, right in rows:
        times.sort()
        print(f"{name:26} p50 {statistics.median(times) * 1000:7.1f} ms   "
              f"p95 {times[int(len(times) * 0.95)] * 1000:7.1f} ms   "
              f"max {times[-1] * 1000:7.1f} ms   intended word {right}/{len(times)}")
    if whoosh:
        print(f"ratio at p50: {statistics.median(whoosh) / statistics.median(trawl):.1f}x")
    return 0


def respell_examples(ix, words: list[str], repeat: int = 5) -> int:
    """Each word's suggestion from search() on a real index, with the median time."""
    ix.generation().speller.ready(600)
    for word in words:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            suggestion = search(ix, SearchRequest(q=word, size=1)).suggestion
            times.append(time.perf_counter() - started)
        print(f"{word!r:14} -> {suggestion!r:14} search() median "
              f"{statistics.median(times) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
