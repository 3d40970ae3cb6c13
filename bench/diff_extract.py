"""What changed between two `trawl extract` outputs of one corpus (two revisions, or a rule
on and off), counted per part of the corpus: actor, place and date values given or taken away, and
places whose country changed. Parts are line numbers modulo --parts, so a corpus split by
line (tuning / review / held-out quarters) is reported part by part; --list prints the
changed values of the parts named, and nothing of the others (a held-out part is counted,
not read).

    .venv/bin/python bench/diff_extract.py BEFORE.jsonl AFTER.jsonl \\
        --parts 4 --names tune,tune,review,heldout --list tune,review
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_facets import facet_values, place_countries  # noqa: E402


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def part_names(records: list[dict], parts: int, names: list[str]) -> dict[str, str]:
    """Document id -> the name of its part (line number modulo `parts`)."""
    return {r["id"]: names[i % parts] for i, r in enumerate(records)}


def changes(before: list[dict], after: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """(the values given or taken away, the places whose country changed: id, place, old,
    new), each sorted."""
    old, new = place_countries(before), place_countries(after)
    moved = sorted((doc, place, old.get((doc, place)), new.get((doc, place)))
                   for doc, place in old.keys() | new.keys()
                   if old.get((doc, place)) != new.get((doc, place)))
    return sorted(facet_values(before) ^ facet_values(after)), moved


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--parts", type=int, default=1)
    parser.add_argument("--names", default="", help="comma-separated part names, one per part")
    parser.add_argument("--list", default="", help="comma-separated part names to list")
    args = parser.parse_args(argv)
    names = args.names.split(",") if args.names else [str(i) for i in range(args.parts)]
    if len(names) != args.parts:
        parser.error(f"--names gives {len(names)} names for {args.parts} parts")
    before, after = read_records(args.before), read_records(args.after)
    parts = part_names(before, args.parts, names)
    changed, moved = changes(before, after)
    _print_listed(changed, moved, facet_values(after), parts,
                  set(filter(None, args.list.split(","))))
    _print_counts(changed, moved, parts, list(dict.fromkeys(names)))


def _print_listed(changed: list[tuple], moved: list[tuple], kept: set[tuple],
                  parts: dict[str, str], listed: set[str]) -> None:
    """The changes in the listed parts, one per line."""
    for doc, facet, value in changed:
        if parts[doc] in listed:
            print(f"{doc} {facet} {'+' if (doc, facet, value) in kept else '-'} {value}")
    for doc, place, old, new in moved:
        if parts[doc] in listed:
            print(f"{doc} country of {place}: {old} -> {new}")


def _print_counts(changed: list[tuple], moved: list[tuple], parts: dict[str, str],
                  names: list[str]) -> None:
    values = Counter(parts[doc] for doc, _, _ in changed)
    countries = Counter(parts[doc] for doc, *_ in moved)
    for name in names:
        print(f"{name:10} values changed {values[name]:5}   countries changed {countries[name]:4}")
    print(f"{'total':10} values changed {len(changed):5}   countries changed {len(moved):4}")

if __name__ == "__main__":
    main()
