"""How often one document gives one entity several actor values: a pair of a document's actor
values is counted when one is a short form of the other, its words the start or the end of
the other's ("De Zoysa" / "Louis De Zoysa", "Labour" / "Labour Party", "Port Authority" /
"Port Authority of New York and New Jersey"), the same words in another case, or the same
words after one country written two ways ("U.S. Senate" / "United States Senate", by the
gazetteer). It is a proxy
for the "one real entity under several values" problem within a document (entity resolution
joins values across documents at index time); a pair may also be two entities ("Biden" /
"Hunter Biden" beside "Joe Biden": the surname alone stays apart when two people bear it), so
the figure is for comparing revisions side by side, not a count of errors.

    .venv/bin/python bench/split_values.py EXTRACT.jsonl [MORE.jsonl ...] \\
        --parts 4 --names tune,tune,review,heldout [--list tune,review]

--list prints each pair of the parts it names ("id | value | value") before the counts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def short_form(short: str, full: str) -> bool:
    """The words of `short` start or end `full` (case-folded), and `full` is longer."""
    a, b = short.casefold().split(), full.casefold().split()
    return 0 < len(a) < len(b) and (b[:len(a)] == a or b[-len(a):] == a)


def country_variant(a: str, b: str, country_of) -> bool:
    """The same words after a leading country written two ways ("U.S. troops" / "United
    States troops"); country_of: name -> its country or None."""
    leads = _country_leads(a, country_of)
    return a.casefold() != b.casefold() and any(
        leads.get(rest) == country for rest, country in _country_leads(b, country_of).items())


def _country_leads(value: str, country_of) -> dict[str, str]:
    """The rest of the value (case-folded) after each leading country name it may open
    with (up to four words) -> that country."""
    words = value.split()
    found = {}
    for n in range(1, min(4, len(words) - 1) + 1):
        country = country_of(" ".join(words[:n]))
        if country:
            found[" ".join(words[n:]).casefold()] = country
    return found


def pairs(values: list[str], country_of=lambda _: None) -> Iterator[tuple[str, str]]:
    """The pairs of values of which one is a short form of the other, its case variant or its
    country variant."""
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            if short_form(a, b) or short_form(b, a) \
                    or (a != b and a.casefold() == b.casefold()) or country_variant(a, b, country_of):
                yield a, b


def split_pairs(values: list[str], country_of=lambda _: None) -> int:
    """How many such pairs the values hold."""
    return sum(1 for _ in pairs(values, country_of))


def count(path: Path, parts: int, names: list[str], listed: frozenset[str] = frozenset()) -> Counter:
    """Documents, actor values and split pairs per part; the pairs of the parts in `listed`
    are printed, one line each ("id | value | value")."""
    from indexer.gazetteer import default_gazetteer

    country_of = default_gazetteer().country_of
    found: Counter = Counter()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    for i, line in enumerate(lines):
        record = json.loads(line)
        part = names[i % parts]
        found[part, "documents"] += 1
        found[part, "actor values"] += len(record.get("actor") or [])
        for a, b in pairs(record.get("actor") or [], country_of):
            found[part, "split pairs"] += 1
            if part in listed:
                print(f"{record.get('id')} | {a} | {b}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extracts", nargs="+", type=Path, help="`trawl extract` outputs")
    parser.add_argument("--parts", type=int, default=1)
    parser.add_argument("--names", default="all", help="comma-separated names of the parts")
    parser.add_argument("--list", default="", help="comma-separated parts whose pairs are "
                        "printed (keep a held-out part out of it)")
    args = parser.parse_args(argv)
    names = args.names.split(",")
    listed = frozenset(filter(None, args.list.split(",")))
    if len(names) != args.parts:
        parser.error("--names needs one name per part")
    if listed - set(names):
        parser.error(f"--list names no part: {', '.join(sorted(listed - set(names)))}")
    for path in args.extracts:
        found = count(path, args.parts, names, listed)
        print(f"{'extract':40} {'part':10} {'documents':>9} {'actor values':>12} {'split pairs':>11}")
        for part in dict.fromkeys(names):
            print(f"{path.name:40} {part:10} {found[part, 'documents']:>9} "
                  f"{found[part, 'actor values']:>12} {found[part, 'split pairs']:>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
