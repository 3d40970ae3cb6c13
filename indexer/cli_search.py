"""`trawl search`: the options, and the result as a readable table or as the API's JSON.

The options become the same query parameters the web page and the API take, so the one
parser (SearchRequest.from_params) validates all three.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shlex
import sys
from typing import TextIO

from search.backend import config_of, open_backend
from search.model import SORTS, SearchRequest, SearchResult
from search.params import ABOUT_PARAMS, FILTER_FACETS
from search.serialize import result_to_json

#: facet values shown per facet in the summary, and per hit
SUMMARY_VALUES = 5
HIT_VALUES = 3
_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)
_BOLD_INVERSE, _RESET = "\033[1;7m", "\033[0m"
#: what stored text must not send to a terminal: C0 and C1 controls (ESC starts escape
#: sequences that retitle windows, move the cursor or hide text), DEL, bidi overrides
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of `trawl search` to its subparser."""
    add_selection_options(parser)
    parser.add_argument("--sort", choices=SORTS, default="relevance")
    parser.add_argument("--page", default="1", metavar="N")
    parser.add_argument("--size", default="10", metavar="N", help="hits per page (default 10)")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="emphasise matches with terminal colours (default: on a terminal)")


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """The query and filter options that pick a set of documents (search, standout)."""
    parser.add_argument("query", nargs="*", metavar="QUERY",
                        help="keywords, \"phrases\", AND/OR/NOT, field:value (empty: everything)")
    for facet in FILTER_FACETS:
        parser.add_argument(f"--{facet}", action="append", default=[], metavar="VALUE",
                            help=f"only documents with this {facet} (repeatable: any of them)")
        parser.add_argument(f"--not-{facet}", action="append", default=[], metavar="VALUE",
                            dest=f"not_{facet}", help=f"leave out documents with this {facet}")
    for name in ABOUT_PARAMS:
        parser.add_argument(f"--{name.replace('_', '-')}", action="append", default=[],
                            metavar="VALUE", dest=name,
                            help=("leave out" if name.startswith("not_") else "only")
                            + f" documents this {name.rsplit('_', 1)[1]} is central to")
    parser.add_argument("--from", dest="date_from", metavar="DATE",
                        help="published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE",
                        help="published on or before DATE (YYYY-MM means to its last day)")


def request_of(args: argparse.Namespace) -> SearchRequest:
    """The command-line options as a validated SearchRequest (raises InvalidRequest)."""
    params: dict[str, str | list[str]] = {"q": " ".join(args.query)}
    for name in ("sort", "page", "size", "facet_size"):
        if getattr(args, name, None) is not None:
            params[name] = getattr(args, name)
    for facet in FILTER_FACETS:
        params[facet] = list(getattr(args, facet))
        params[f"not_{facet}"] = list(getattr(args, f"not_{facet}"))
    for name in ABOUT_PARAMS:
        params[name] = list(getattr(args, name))
    for name, value in (("from", args.date_from), ("to", args.date_to)):
        if value:
            params[name] = value
    return SearchRequest.from_params(params)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Search the index in `args.index` and print the result; errors are raised (TrawlError)."""
    out = out or sys.stdout
    req = request_of(args)
    result = open_backend(config_of(args)).search(req)
    if args.json:
        json.dump(result_to_json(result), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        color = args.color == "always" or (args.color == "auto" and out.isatty())
        out.write(format_table(result, color))
    return 0


def format_table(result: SearchResult, color: bool = False) -> str:
    """The result as text: a header, numbered hits with one snippet, a facet summary."""
    req = result.request
    lines = [_header(result), ""]
    first = (req.page - 1) * req.size
    for number, hit in enumerate(result.hits, start=first + 1):
        lines.extend(_hit_lines(number, hit, color))
    lines.extend(_summary(result))
    for offer in result.filter_offers:
        lines.append(f"Filter by: --{offer.facet} {printable(shlex.quote(offer.value))} "
                     f"({offer.count})")
    if result.suggestion:
        lines.append(f"Did you mean: {printable(result.suggestion)}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _hit_lines(number: int, hit, color: bool) -> list[str]:
    """One hit: its number and title, date/source/id, its facet values, one snippet."""
    published = hit.published.isoformat() if hit.published else "undated"
    details = [published, printable(hit.source), printable(hit.id)]
    lines = [f"{number:>3}. {printable(hit.title or hit.id)}",
             "     " + " · ".join(d for d in details if d)]
    facets = [f"{f}: {printable(', '.join(getattr(hit, f)[:HIT_VALUES]))}"
              for f in FILTER_FACETS if getattr(hit, f)]
    if facets:
        lines.append("     " + " | ".join(facets))
    if hit.snippets:
        lines.append("     " + terminal_text(hit.snippets[0], color))
    return [*lines, ""]


def _header(result: SearchResult) -> str:
    req = result.request
    q = printable(req.q)
    what = "" if not q else f" for {q}" if '"' in q else f' for "{q}"'
    noun = "document" if result.total == 1 else "documents"
    if not result.hits:
        return f"{result.total} {noun}{what} (no hits on page {req.page})"
    first = (req.page - 1) * req.size + 1
    return f"{result.total} {noun}{what}, showing {first}-{first + len(result.hits) - 1}"


def _summary(result: SearchResult) -> list[str]:
    lines = []
    for facet in FILTER_FACETS:
        values = result.facets[facet].values
        values = values[:SUMMARY_VALUES] + [
            v for v in values[SUMMARY_VALUES:] if v.selected or v.excluded]
        if values:
            shown = ", ".join(f"{_flag(v)}{printable(v.label)} ({v.count})" for v in values)
            lines.append(f"{facet}: {shown}")
    return lines


def _flag(value) -> str:
    """'+' before a selected value, '-' before an excluded one."""
    return "+" if value.selected else "-" if value.excluded else ""


def printable(text: str) -> str:
    """Stored text made safe to print: every control character becomes U+FFFD."""
    return _UNPRINTABLE.sub("\ufffd", text)


def terminal_text(snippet: str, color: bool) -> str:
    """A snippet's HTML as terminal text: matches bold/inverse on a terminal, else *word*;
    entities are decoded first, so `&#27;` cannot smuggle an escape in either."""
    parts = [printable(html.unescape(part)) for part in _MARK.split(snippet)]
    for i in range(1, len(parts), 2):  # the marked words
        parts[i] = f"{_BOLD_INVERSE}{parts[i]}{_RESET}" if color else f"*{parts[i]}*"
    return "".join(parts)
