"""How often one document gives one entity several actor values: a pair of a document's actor
values is counted when one is a short form of the other, its words the start or the end of
the other's ("De Zoysa" / "Louis De Zoysa", "Labour" / "Labour Party", "Port Authority" /
"Port Authority of New York and New Jersey"), or the same words in another case. It is a proxy
for the "one real entity under several values" problem within a document (entity resolution
joins values across documents at index time); a pair may also be two entities ("Biden" /
"Hunter Biden" beside "Joe Biden": the surname alone stays apart when two people bear it), so
the figure is for comparing revisions side by side, not a count of errors.

    .venv/bin/python bench/split_values.py EXTRACT.jsonl [MORE.jsonl ...] \\
        --parts 4 --names tune,tune,review,heldout
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path


def short_form(short: str, full: str) -> bool:
    """The words of `short` start or end `full` (case-folded), and `full` is longer."""
    a, b = short.casefold().split(), full.casefold().split()
    return 0 < len(a) < len(b) and (b[:len(a)] == a or b[-len(a):] == a)


def split_pairs(values: list[str]) -> int:
    """Pairs of values of which one is a short form of the other or its case variant."""
    pairs = 0
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            pairs += short_form(a, b) or short_form(b, a) or (a != b and a.casefold() == b.casefold())
    return pairs


def count(path: Path, parts: int, names: list[str]) -> Counter:
    found: Counter = Counter()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    for i, line in enumerate(lines):
        record = json.loads(line)
        part = names[i % parts]
        found[part, "documents"] += 1
        found[part, "actor values"] += len(record.get("actor") or [])
        found[part, "split pairs"] += split_pairs(record.get("actor") or [])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extracts", nargs="+", type=Path, help="`trawl extract` outputs")
    parser.add_argument("--parts", type=int, default=1)
    parser.add_argument("--names", default="all", help="comma-separated names of the parts")
    args = parser.parse_args(argv)
    names = args.names.split(",")
    if len(names) != args.parts:
        parser.error("--names needs one name per part")
    print(f"{'extract':40} {'part':10} {'documents':>9} {'actor values':>12} {'split pairs':>11}")
    for path in args.extracts:
        found = count(path, args.parts, names)
        for part in dict.fromkeys(names):
            print(f"{path.name:40} {part:10} {found[part, 'documents']:>9} "
                  f"{found[part, 'actor values']:>12} {found[part, 'split pairs']:>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
