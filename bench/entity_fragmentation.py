"""Fragmentation check: among the top actor and place values, which pairs look like one entity,
before entity resolution (the values as documents wrote them) and after (entities).

A pair is a candidate when a loose test independent of the merge rules says so: the same
letters once case, accents and punctuation are dropped; an acronym spelling the other's
initials; or one name's words all inside the other's (a surname, a qualifier). Candidates are
printed for a person to judge. Merged entities are listed with their aliases, those whose
aliases share no word and are no acronym of one another flagged as possible wrong merges.

    .venv/bin/python bench/entity_fragmentation.py --index /tmp/ent2-wn [--top 200]

Pairs judged by hand (bench/judgements/wikinews_same_entity.tsv) count as the same entity or
not; merged entities holding a pair judged different are reported as wrong merges.
"""

from __future__ import annotations

import argparse
import itertools
import re
import time
from pathlib import Path

import numpy as np

from search.folding import fold
from search.index import open_index

#: pairs of the Wikinews 2019-2020 corpus (plus samples/) judged by hand
JUDGEMENTS = Path(__file__).resolve().parent / "judgements" / "wikinews_same_entity.tsv"
#: (facet, prefix) of the values the issue found split
EXAMPLES = (("actor", "senate"), ("actor", "house"), ("actor", "democratic"), ("actor", "un"),
            ("actor", "united nations"), ("actor", "erdo"), ("place", "wash"), ("place", "d.c"),
            ("place", "dc"))
_WORD = re.compile(r"\w+")
#: words too common to make two names one ("House" is inside "White House")
GENERIC = frozenset({"the", "of", "and", "us", "u", "s", "united", "states", "state", "party",
                     "house", "news", "national", "new", "government", "city", "county"})


def words(name: str) -> list[str]:
    return _WORD.findall(fold(name).replace("-", " "))


def letters(name: str) -> str:
    return "".join(words(name))


def initials(name: str) -> str:
    return "".join(w[0] for w in words(name) if w not in {"of", "the", "and", "al", "for"})


def candidate(a: str, b: str) -> str | None:
    """Why two names might be one entity, or None."""
    if letters(a) == letters(b):
        return "spelling"
    for short, full in ((a, b), (b, a)):
        if short.replace(".", "").isupper() and len(words(full)) > 1 and \
                letters(short) == initials(full):
            return "acronym"
        small, large = set(words(short)) - GENERIC, set(words(full))
        if small and small < large and len(words(short)) < len(words(full)):
            return "contained"
    return None


def top_names(table, limit: int) -> list[tuple[str, int]]:
    counts = np.diff(table.value_ptr)
    order = np.lexsort((np.arange(len(counts)), -counts))[:limit]
    return [(table.values[i], int(counts[i])) for i in order.tolist()]


def candidate_pairs(names: list[tuple[str, int]], aliases) -> list[tuple[str, str, str]]:
    found = []
    for (a, _), (b, _) in itertools.combinations(names, 2):
        reasons = {candidate(x, y) for x in aliases(a) for y in aliases(b)} - {None}
        if reasons:
            found.append((a, b, sorted(reasons)[0]))
    return found


def suspicious(entity) -> bool:
    """Aliases that share no content word and are no acronym of one another."""
    names = entity.alias_names
    return any(not (set(words(x)) & set(words(y))) and candidate(x, y) != "acronym"
               for x, y in itertools.combinations(names, 2))


def value_list(table, prefix: str, limit: int = 6) -> str:
    counts = np.diff(table.value_ptr)
    ids = sorted(table.search_labels(prefix), key=lambda i: (-counts[i], table.values[i]))
    return ", ".join(f"{table.values[i]} {counts[i]}" for i in ids[:limit])


def load_judgements(path: Path | None) -> dict[tuple[str, frozenset[str]], str]:
    """(facet, {name, name}) -> "same" | "different", from a TSV: facet, judgement, name, name."""
    judged = {}
    if path is None:
        return judged
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            facet, judgement, a, b = line.split("\t")
            judged[(facet, frozenset((a, b)))] = judgement
    return judged


def judge(judged, facet: str, names_a, names_b) -> str:
    """"same" if any alias pair is judged the same entity, "different" if judged apart."""
    found = {judged.get((facet, frozenset((a, b)))) for a in names_a for b in names_b}
    return "same" if "same" in found else "different" if "different" in found else "unjudged"


def fragmentation(gen, facet: str, top: int, judged) -> dict[str, list]:
    entities = gen.entities[facet]

    def aliases(name: str) -> tuple[str, ...]:
        return entities.entities[entities.by_name[name]].alias_names

    result = {}
    for label, table, names_of in (("before", gen.surface[facet], lambda n: (n,)),
                                   ("after", gen.facets[facet], aliases)):
        for a, b, why in candidate_pairs(top_names(table, top), names_of):
            verdict = judge(judged, facet, names_of(a), names_of(b))
            result.setdefault(f"{label} {verdict}", []).append((a, b, why))
    return result


def wrong_merges(entity, judged) -> list[tuple[str, str]]:
    return [(a, b) for a, b in itertools.combinations(entity.alias_names, 2)
            if judged.get((entity.facet, frozenset((a, b)))) == "different"]


def report(index: str, top: int, judgements: Path | None) -> None:
    started = time.perf_counter()
    gen = open_index(index).generation()
    print(f"generation opened in {time.perf_counter() - started:.2f} s "
          f"({gen.live_count} documents)")
    judged = load_judgements(judgements)
    for facet in ("actor", "place"):
        pairs = fragmentation(gen, facet, top, judged)
        counts = {key: len(found) for key, found in sorted(pairs.items())}
        print(f"\n== {facet}: top {top} values, candidate pairs by judgement: {counts}")
        for key, found in sorted(pairs.items()):
            for a, b, why in found:
                print(f"  {key:18} {why:9} {a!r} ~ {b!r}")
        merged = [e for e in gen.entities[facet].entities if len(e.aliases) > 1]
        print(f"-- {facet}: {len(merged)} merged entities "
              f"({sum(len(e.aliases) for e in merged)} surface values)")
        for entity in sorted(merged, key=lambda e: (-e.doc_count, e.name)):
            wrong = wrong_merges(entity, judged)
            flag = "WRONG " if wrong else "CHECK " if suspicious(entity) else "      "
            aliases = ", ".join(f"{n} {c}" for n, c in entity.aliases)
            print(f"  {flag}{entity.name} [{entity.doc_count}] <- {aliases}  {entity.rules}")
    print("\n== the issue's examples: facet value search (as /api/facets), documents per value")
    for facet, prefix in EXAMPLES:
        for label, table in (("before", gen.surface[facet]), ("after", gen.facets[facet])):
            print(f"  {facet}?prefix={prefix} {label:6} {value_list(table, prefix)}")
    print("\n== top 10 actors (entities)")
    for name, count in top_names(gen.facets["actor"], 10):
        print(f"  {count:4} {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--top", type=int, default=200)
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS,
                        help="TSV of candidate pairs judged by hand (facet, same|different, a, b)")
    args = parser.parse_args()
    report(args.index, args.top, args.judgements if args.judgements.exists() else None)


if __name__ == "__main__":
    main()
