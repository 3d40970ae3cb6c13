"""`trawl serve`: check the index, say where Trawl listens, run uvicorn.

With `workers` > 1, uvicorn's supervisor binds the port once and starts that many server
processes on it (the kernel hands each new connection to one of them); it restarts a process
that dies and stops them all, gracefully, on SIGINT or SIGTERM. Each process opens the index
itself, read-only: the segment files are memory-mapped (search.whoosh_adapter), so the
processes share them through the page cache, and each notices a new generation on its own
(search.index). The limits of web.limits hold per process.
"""

from __future__ import annotations

import ctypes
import errno
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from search import store
from search.backend import BackendConfig, BackendUnavailable, open_backend
from search.errors import IndexMissing
from web.app import create_app
from web.settings import (
    ALLOW_EDITS_ENV,
    ALLOWED_HOSTS_ENV,
    DEFAULT_HOST,
    DEFAULT_PORT,
    DEFAULT_SERVE_WORKERS,
    EDIT_TOKEN_ENV,
    WILDCARD_ADDRESSES,
    Settings,
    allowed_hosts_for,
)

#: glibc malloc arenas per server process. glibc gives each thread that contends for the heap
#: an arena of its own (up to 8 per core) and numpy's short-lived result arrays fragment them:
#: at 100k documents under 16 concurrent clients a worker held 376 MB of its own memory with
#: the default and 242 MB with 2 arenas, at the same throughput (bench/bench_web.py)
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt parameter number, from glibc's malloc.h
RELOAD_DIRS = [str(Path(__file__).resolve().parent.parent / pkg) for pkg in ("web", "search")]


def index_problem(index_dir: str | os.PathLike,
                  backend: BackendConfig | None = None) -> str | None:
    """Why the index cannot be served (missing or empty, with how to build one), or None."""
    config = backend or BackendConfig(index_dir=Path(index_dir))
    where = f"{index_dir}/" if config.kind == "whoosh" else config.label
    build = f"Build one with:  trawl --index {index_dir} index PATH...   (e.g. samples/)"
    try:
        count = _document_count(index_dir, config)
    except IndexMissing:
        return f"trawl: there is no index in {where}.\n{build}"
    except BackendUnavailable as exc:
        return f"trawl: {exc}"
    if count == 0:
        return f"trawl: the index in {where} holds no documents.\n{build}"
    return None


def _document_count(index_dir, config: BackendConfig) -> int:
    """The embedded index's count from Whoosh alone (the serving processes build the search
    structures); a clustered backend's from the backend."""
    if config.kind == "whoosh":
        return store.open_live(index_dir).doc_count()
    return open_backend(config).document_count()


def port_problem(host: str, port: int) -> str | None:
    """Why Trawl cannot listen on host:port (taken, or not an address here), or None. Checked
    before anything says it is serving: uvicorn would only fail after its start-up lines."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                return (f"trawl: port {port} on {host} is taken (another server is running "
                        "there?); choose another: trawl serve --port N, or make serve PORT=N")
            return f"trawl: cannot listen on {host}:{port}: {err.strerror or err}"
    return None


def run(
    index_dir: str | os.PathLike,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    reload: bool = False,
    allowed_hosts: Sequence[str] = (),
    allow_edits: bool = False,
    edit_token: str | None = None,
    workers: int = DEFAULT_SERVE_WORKERS,
    backend: BackendConfig | None = None,
) -> int:
    """Serve `index_dir` with `workers` processes until interrupted; 1 with a clear message
    when there is nothing to serve.

    `allowed_hosts` are Host names answered besides the local ones and `host` itself;
    corrections may be written with `allow_edits` or an `edit_token` (which every write
    must then carry).
    """
    allow_edits = allow_edits or bool(edit_token)
    problem = (RELOAD_WITH_WORKERS if reload and workers > 1 else None) \
        or index_problem(index_dir, backend) or port_problem(host, port)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    hosts = allowed_hosts_for(host, allowed_hosts)
    if host in WILDCARD_ADDRESSES:
        print(exposure_warning(host, hosts), file=sys.stderr, flush=True)
    print(serving_line(backend.label if backend else index_dir, host, port, workers),
          flush=True)
    if allow_edits:
        print("corrections may be made from the web app and POST /api/corrections"
              + (" (with the edit token)" if edit_token else ""), flush=True)
    limit_malloc_arenas()
    try:
        if reload or workers > 1:
            _run_by_import(index_dir, host, port, hosts, reload, workers, allow_edits,
                           edit_token, backend)
        else:
            app = create_app(Settings(index_dir=Path(index_dir), host=host, port=port,
                                      allowed_hosts=hosts, allow_edits=allow_edits,
                                      edit_token=edit_token, backend=backend))
            uvicorn.run(app, host=host, port=port)
    except SystemExit as exc:  # uvicorn exits this way when the port is taken
        return exc.code if isinstance(exc.code, int) else 1
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl-C after a graceful shutdown
        pass
    return 0


RELOAD_WITH_WORKERS = ("trawl: --reload runs one server process that restarts on code "
                       "changes; use it without --workers")


def limit_malloc_arenas() -> None:
    """At most MALLOC_ARENAS malloc arenas in this process and in the worker processes it
    starts (they read MALLOC_ARENA_MAX when they start), unless the operator set it; without
    glibc, nothing changes."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return
    os.environ["MALLOC_ARENA_MAX"] = str(MALLOC_ARENAS)
    try:
        ctypes.CDLL(None).mallopt(_M_ARENA_MAX, MALLOC_ARENAS)
    except (OSError, AttributeError):  # not glibc: its own allocator, its own policy
        pass


def serving_line(index_dir: str | os.PathLike, host: str, port: int, workers: int) -> str:
    """The one line saying what is served where (and by how many processes)."""
    line = f"Trawl is serving {index_dir} at http://{host}:{port}/"
    return line if workers == 1 else f"{line} with {workers} worker processes"


def _run_by_import(index_dir, host: str, port: int, hosts: Sequence[str], reload: bool,
                   workers: int, allow_edits: bool, edit_token: str | None,
                   backend: BackendConfig | None = None) -> None:
    """uvicorn's reloader or its worker supervisor: each starts processes that import the app
    afresh, so they get the settings by environment (web.app.create_app_from_env)."""
    os.environ.update(TRAWL_INDEX=str(index_dir), TRAWL_HOST=host, TRAWL_PORT=str(port),
                      **{ALLOWED_HOSTS_ENV: ",".join(hosts),
                         ALLOW_EDITS_ENV: "1" if allow_edits else "0"},
                      **backend_env(backend))
    if edit_token:
        os.environ[EDIT_TOKEN_ENV] = edit_token
    if reload:
        uvicorn.run("web.app:create_app_from_env", factory=True, host=host, port=port,
                    reload=True, reload_dirs=RELOAD_DIRS)
    else:
        uvicorn.run("web.app:create_app_from_env", factory=True, host=host, port=port,
                    workers=workers)


def backend_env(backend: BackendConfig | None) -> dict[str, str]:
    """The TRAWL_* variables that name `backend` (for the reloader's fresh process)."""
    if backend is None or backend.kind != "typesense":
        return {}
    return {"TRAWL_BACKEND": backend.kind, "TRAWL_TYPESENSE_URL": ",".join(backend.typesense_urls),
            "TRAWL_TYPESENSE_KEY": backend.typesense_key,
            "TRAWL_TYPESENSE_COLLECTION": backend.collection}


def exposure_warning(host: str, hosts: Sequence[str]) -> str:
    """What listening on every interface means, said once on stderr at startup."""
    return (f"trawl: warning: listening on {host or 'every interface'}: any machine that can "
            f"reach this one can read the index and export it (there is no login).\n"
            f"trawl: warning: only requests naming one of these hosts are answered: "
            f"{', '.join(hosts)}; add the names clients use with --allowed-host NAME "
            f"(or ${ALLOWED_HOSTS_ENV}=a,b).")


if __name__ == "__main__":  # `python -m web.server check-port HOST PORT` (make serve)
    if len(sys.argv) == 4 and sys.argv[1] == "check-port":
        message = port_problem(sys.argv[2], int(sys.argv[3]))
        if message:
            print(message, file=sys.stderr)
        sys.exit(1 if message else 0)
    sys.exit("usage: python -m web.server check-port HOST PORT")
