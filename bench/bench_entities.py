"""Cost of entity resolution when a generation opens: each step's time and the arrays it adds;
then opening with the stored entity structures, and corrections (a merge, a place's country)
applied and visible.

    .venv/bin/python -m bench.bench_entities --index bench/data/docs-100000 [--repeat 3]

Nothing is written to --index: the stored structures go to a temporary directory and the
correction is applied from memory, exactly as a corrections file on disk would be.

Opens the index once (surface facet tables as search() builds them), then times, on the same
tables, entity resolution (rules + union-find), the entity facet tables and the boilerplate
flags, best of --repeat runs (the machine is shared and noisy). CPU seconds are printed beside
wall seconds; memory is the bytes of the numpy arrays the entity tables add over the surface
tables (none when nothing merges: they share the surface arrays).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from search import SearchRequest, store
from search.boilerplate import flag_boilerplate
from search.corrections import Correction, CorrectionsFile
from search.engine import search
from search.entity_table import entity_facet_table, resolve_entities
from search.generation import Generation
from search.index import open_index

ARRAYS = ("value_ptr", "value_docs", "doc_ptr", "doc_values", "doc_rows", "rank")


def timed(step):
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def added_bytes(surface, table) -> int:
    """Bytes of the arrays of `table` that are not shared with `surface`."""
    return sum(getattr(table, a).nbytes for a in ARRAYS
               if getattr(table, a) is not getattr(surface, a))


def run(index: str, repeat: int) -> None:
    gen, wall, cpu = timed(lambda: open_index(index, cache=False).generation())
    print(f"generation opened: {wall:.2f} s wall, {cpu:.2f} s CPU ({gen.doc_count} documents, "
          f"{gen.build_seconds:.2f} s in Generation)")
    best: dict[str, tuple[float, float]] = {}

    def keep(step: str, cost: list[float]) -> None:
        best[step] = min(best.get(step, tuple(cost)), tuple(cost))

    for _ in range(repeat):
        entities, *cost = timed(lambda: resolve_entities(gen.surface, gen.doc_count,
                                                         gen._read_mentions))
        keep("resolve (rules, union-find, records)", cost)
        tables, *cost = timed(lambda e=entities: {
            f: entity_facet_table(gen.surface[f], e[f], gen.doc_count) for f in e})
        keep("entity facet tables", cost)
        _, *cost = timed(lambda e=entities, t=tables: {
            f: flag_boilerplate(t[f], e[f], gen.live, gen._read_doc) for f in e})
        keep("boilerplate flags", cost)
    for step, (wall, cpu) in best.items():
        print(f"  {step:38} {wall * 1000:8.0f} ms wall {cpu * 1000:8.0f} ms CPU")
    for facet, table in tables.items():
        merged = [e for e in entities[facet].entities if len(e.aliases) > 1]
        print(f"  {facet}: {gen.surface[facet].size} values -> {table.size} entities "
              f"({len(merged)} merged), arrays added "
              f"{added_bytes(gen.surface[facet], table) / 2**20:.1f} MB")


def opening(index: str, repeat: int) -> Generation:
    """A generation opened without and with the stored entity structures, alternating, each
    after the previous one's background speller finished; best of `repeat`."""
    whoosh_index = store.open_live(index)
    name = store.generation_name(index)
    with tempfile.TemporaryDirectory() as tmp:
        gen = Generation(whoosh_index, name, Path(tmp))  # resolves and stores
        gen.speller.ready(60)
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        runs: dict[str, list[tuple[float, float]]] = {"resolving": [], "stored": []}
        for _ in range(repeat):
            for kind, directory in (("resolving", None), ("stored", Path(tmp))):
                opened, wall, _ = timed(lambda d=directory: Generation(whoosh_index, name, d))
                opened.speller.ready(60)
                runs[kind].append((wall, opened.entity_seconds))
    (cold, cold_part), (warm, warm_part) = min(runs["resolving"]), min(runs["stored"])
    print(f"opening a generation ({gen.doc_count:,} documents), best of {repeat}: "
          f"{cold:.2f} s resolving entities ({cold_part * 1000:.0f} ms of it), {warm:.2f} s "
          f"with the stored structures ({warm_part * 1000:.0f} ms of it; file "
          f"{size / 2**20:.1f} MB)")
    return gen


def correcting(gen: Generation, repeat: int) -> None:
    """Merge the second most frequent actor into the first; time applying it; show it."""
    before = search_counts(gen, "actor")
    (first, n1), (second, n2) = list(before.items())[:2]
    found = CorrectionsFile((Correction("c1", "merge", "actor", second, into=first),), "x")
    view, wall, cpu = min((timed(lambda: gen.with_corrections(found)) for _ in range(repeat)),
                          key=lambda r: r[1])
    after = search_counts(view, "actor")
    print(f"correction: merge actor {second!r} ({n2}) into {first!r} ({n1}) applied in "
          f"{wall * 1000:.0f} ms wall ({cpu * 1000:.0f} ms CPU); {first!r} now {after[first]} "
          f"documents, {second!r} listed: {second in after}; status "
          f"{view.correction_status['c1']!r}")


def country_correcting(gen: Generation, repeat: int) -> None:
    """Give the most frequent place another country; time reading the places' countries
    (once per commit, stored beside the generation) and applying the correction; show it."""
    place, n = next(iter(search_counts(gen, "place").items()))
    triples, wall, _ = timed(gen.place_countries)
    print(f"places' countries read: {len(triples.docs):,} (document, place) pairs in "
          f"{wall:.2f} s (done once per commit, by `trawl index`)")
    found = CorrectionsFile((Correction("c1", "country", "place", place, country="Atlantis"),),
                            "x")
    view, wall, cpu = min((timed(lambda: gen.with_corrections(found)) for _ in range(repeat)),
                          key=lambda r: r[1])
    print(f"correction: country of place {place!r} ({n}) set to 'Atlantis', applied in "
          f"{wall * 1000:.0f} ms wall ({cpu * 1000:.0f} ms CPU); country 'Atlantis' now "
          f"{search_counts(view, 'country').get('Atlantis')} documents")


def search_counts(gen: Generation, facet: str) -> dict[str, int]:
    class One:  # search() on this generation (TrawlIndex.generation's contract)
        def generation(self):
            return gen
    result = search(One(), SearchRequest.from_params({"facet_size": "50"}))
    return {v.value: v.count for v in result.facets[facet].values}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    run(args.index, args.repeat)
    gen = opening(args.index, args.repeat)
    correcting(gen, args.repeat)
    country_correcting(gen, args.repeat)


if __name__ == "__main__":
    main()
