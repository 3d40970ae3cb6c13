"""`trawl entities`: list and show entities, correct them (merge, split, retype, country,
drop, rename), undo and read the log. Corrections go to `<index>/corrections.yaml`
(indexer.corrections) and apply to the served generation without reindexing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

import yaml

from indexer.corrections import Edit, correct
from search.corrections import CorrectionError, active, parse_corrections, read_corrections
from search.entity_corrections import corrected_watchlist
from search.entity_evidence import describe_entity, list_entities
from search.errors import TrawlError
from search.index import open_index

FACETS = ("actor", "place")
#: command -> (positional arguments after the facet, help)
EDITS: dict[str, tuple[tuple[str, ...], str]] = {
    "merge": (("value", "into"), "merge the entity VALUE into the entity INTO"),
    "split": (("value",), "split the alias VALUE off its entity"),
    "retype": (("value", "to"), "move the entity VALUE to the other facet (TO: actor or place)"),
    "country": (("value", "country"), "set the country of the place VALUE"),
    "drop": (("value",), "drop the entity VALUE as junk (out of facets and filters)"),
    "rename": (("value", "name"), "give the entity VALUE the canonical name NAME"),
}


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="entities_command", required=True, metavar="ACTION")
    p = sub.add_parser("list", help="entities of a facet, most documents first")
    p.add_argument("facet", choices=FACETS)
    p.add_argument("--prefix", default="", help="names (or aliases) starting with this")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N (default 20)")
    p.add_argument("--changed", action="store_true",
                   help="only entities the rules merged or a correction touched")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_list)
    p = sub.add_parser("show", help="one entity: aliases and why, country, documents, mentions")
    p.add_argument("facet", choices=FACETS)
    p.add_argument("name", help="the canonical name or any alias")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_show)
    for command, (names, text) in EDITS.items():
        p = sub.add_parser(command, help=text, description=text)
        p.add_argument("facet", choices=("place",) if command == "country" else FACETS)
        for name in names:
            p.add_argument(name, metavar=name.upper())
        _add_version(p)
        p.set_defaults(handler=run_edit, op=command)
    p = sub.add_parser("undo", help="undo the last change, or the change with id ID")
    p.add_argument("target", nargs="?", default="", metavar="ID")
    _add_version(p)
    p.set_defaults(handler=run_edit, op="undo")
    p = sub.add_parser("log", help="every correction with its status (applied, undone, skipped)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_log)
    p = sub.add_parser("export", help="the corrected entities as a watchlist (YAML, for "
                                      "`trawl index --aliases`)")
    p.set_defaults(handler=run_export)
    p = sub.add_parser("import", help="make the changes of another corrections file here "
                                      "(each checked; those that do not apply are reported)")
    p.add_argument("file", metavar="FILE", help="a corrections.yaml (e.g. from version control)")
    p.set_defaults(handler=run_import)


def _add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--if-version", metavar="V", default=None,
                        help="refuse the change unless the file is still at version V "
                             "(printed by `trawl entities log`)")


def run_list(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    rows = list_entities(open_index(args.index).generation(), args.facet, args.prefix,
                         max(1, args.limit), args.changed)
    if args.json:
        _dump(rows, out)
        return 0
    for row in rows:
        others = [a["name"] for a in row["aliases"] if a["name"] != row["name"]]
        extra = f"  (also: {', '.join(others)})" if others else ""
        out.write(f"{row['documents']:>7,}  {row['name']}{extra}\n")
    return 0


def run_show(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    found = describe_entity(open_index(args.index).generation(), args.facet, args.name)
    if found is None:
        raise TrawlError(f"no {args.facet} named {args.name!r}")
    if args.json:
        _dump({**found, "timeline": [[b.period, b.count] for b in found["timeline"]]}, out)
        return 0
    out.write(f"{found['name']} ({found['facet']}, {found['documents']:,} documents"
              f"{', ' + found['country'] if found.get('country') else ''})\n")
    for alias in found["aliases"]:
        why = f"  [{alias['why']}]" if alias.get("why") else ""
        out.write(f"  {alias['documents']:>6,}  {alias['name']}{why}\n")
    for mention in found["mentions"]:
        snippet = " ".join(mention["snippet"].split())
        out.write(f"  - {mention['document']}: ...{snippet}... (as \"{mention['text']}\", "
                  f"{mention['rule']})\n")
    return 0


def run_edit(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    index = open_index(args.index)
    names = ("target",) if args.op == "undo" else ("facet", *EDITS[args.op][0])
    fields = {"op": args.op, **{name: getattr(args, name) for name in names}}
    edit = correct(args.index, index.generation(), fields, "cli", args.if_version)
    out.write(format_edit(edit))
    return 0


def format_edit(edit: Edit) -> str:
    lines = [f"{edit.entry.id}: {edit.entry.describe()} (file version {edit.version})"]
    lines += [f"  note: {cid} no longer applies: {status}" for cid, status in edit.skipped.items()]
    return "\n".join(lines) + "\n"


def run_log(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    index = open_index(args.index)
    gen = index.generation()
    found = read_corrections(args.index)
    if found.problem:
        raise TrawlError(f"{found.problem} (the index is served without corrections)")
    entries = [{**e.as_dict(), "status": gen.correction_status.get(e.id, "")}
               for e in found.entries]
    if args.json:
        _dump({"version": found.version, "corrections": entries}, out)
        return 0
    out.write(f"version {found.version}, {len(entries)} correction(s)\n")
    for entry, raw in zip(found.entries, entries, strict=True):
        out.write(f"{entry.id:>5}  {entry.when or '-':20}  {entry.via:7}  {entry.describe()}"
                  f"  [{raw['status']}]\n")
    return 0


def run_export(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    entries = corrected_watchlist(open_index(args.index).generation().entities)
    out.write("# Entities shaped by corrections, as a watchlist: "
              "trawl index --aliases FILE --rebuild PATH...\n")
    out.write(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False) if entries else "[]\n")
    return 0


def run_import(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Make the changes in effect in another corrections file, in order, as new entries."""
    out = out or sys.stdout
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise TrawlError(f"{args.file}: cannot be read: {err}") from None
    changes, _ = active(parse_corrections(text, args.file))
    index = open_index(args.index)
    made = 0
    for entry in changes:
        fields = {k: v for k, v in entry.as_dict().items() if k not in ("id", "when", "via")}
        try:
            edit = correct(args.index, index.generation(), fields, "file")
        except CorrectionError as err:
            out.write(f"skipped {entry.id} ({entry.describe()}): {err}\n")
            continue
        index.refresh()
        made += 1
        out.write(format_edit(edit))
    out.write(f"imported {made} of {len(changes)} change(s)\n")
    return 0


def _dump(data, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")
