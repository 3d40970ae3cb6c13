"""`trawl standout`: the actors, places and dates unusually frequent among a search's results."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from indexer.cli_search import add_selection_options, request_of
from search.backend import config_of, open_backend
from search.serialize import standout_to_json
from search.standout import MIN_SUPPORT, StandOutResult, parse_min_support, stand_out


def configure(parser: argparse.ArgumentParser) -> None:
    add_selection_options(parser)
    parser.add_argument("--limit", dest="facet_size", default="10", metavar="N",
                        help="values per facet (default 10)")
    parser.add_argument("--min-count", default=str(MIN_SUPPORT), metavar="N",
                        help=f"result documents a value needs (default {MIN_SUPPORT})")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    result = stand_out(open_backend(config_of(args)), request_of(args), parse_min_support(args.min_count))
    if args.json:
        json.dump(standout_to_json(result), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(format_standout(result))
    return 0


def format_standout(result: StandOutResult) -> str:
    """Per facet, a table of value, count in the results, count in the index, lift and G."""
    lines = [f"What stands out in {result.total:,} of {result.documents:,} documents "
             "(G-test; x = times the usual share):"]
    for facet, values in result.facets.items():
        lines.append(f"\n{facet}:")
        if not values:
            lines.append("  (nothing stands out)")
        width = max((len(v.label) for v in values), default=0)
        lines += [f"  {v.label:<{width}}  {v.count:>6,} of {v.corpus:<6,} x{v.lift:<6g} G {v.score:g}"
                  for v in values]
    return "\n".join(lines) + "\n"
