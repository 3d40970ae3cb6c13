"""`trawl serve`: check the index, say where Trawl listens, run uvicorn."""

from __future__ import annotations

import errno
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from search.backend import BackendConfig, BackendUnavailable, open_backend
from search.errors import IndexMissing
from web.app import create_app
from web.settings import (
    ALLOW_EDITS_ENV,
    ALLOWED_HOSTS_ENV,
    DEFAULT_HOST,
    DEFAULT_PORT,
    WILDCARD_ADDRESSES,
    Settings,
    allowed_hosts_for,
)

RELOAD_DIRS = [str(Path(__file__).resolve().parent.parent / pkg) for pkg in ("web", "search")]


def index_problem(index_dir: str | os.PathLike,
                  backend: BackendConfig | None = None) -> str | None:
    """Why the index cannot be served (missing or empty, with how to build one), or None."""
    config = backend or BackendConfig(index_dir=Path(index_dir))
    where = f"{index_dir}/" if config.kind == "whoosh" else config.label
    build = f"Build one with:  trawl --index {index_dir} index PATH...   (e.g. samples/)"
    try:
        index = open_backend(config)
    except IndexMissing:
        return f"trawl: there is no index in {where}.\n{build}"
    except BackendUnavailable as exc:
        return f"trawl: {exc}"
    if index.document_count() == 0:
        return f"trawl: the index in {where} holds no documents.\n{build}"
    return None


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
    backend: BackendConfig | None = None,
) -> int:
    """Serve `index_dir` until interrupted; 1 with a clear message when there is nothing to serve.

    `allowed_hosts` are Host names answered besides the local ones and `host` itself;
    corrections may be written with `allow_edits` or an `edit_token` (which every write
    must then carry).
    """
    allow_edits = allow_edits or bool(edit_token)
    problem = index_problem(index_dir, backend) or port_problem(host, port)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    hosts = allowed_hosts_for(host, allowed_hosts)
    if host in WILDCARD_ADDRESSES:
        print(exposure_warning(host, hosts), file=sys.stderr, flush=True)
    print(f"Trawl is serving {backend.label if backend else index_dir} at http://{host}:{port}/",
          flush=True)
    if allow_edits:
        print("corrections may be made from the web app and POST /api/corrections"
              + (" (with the edit token)" if edit_token else ""), flush=True)
    try:
        if reload:
            # the reloader imports the app in a fresh process: hand it the settings by environment
            os.environ.update(TRAWL_INDEX=str(index_dir), TRAWL_HOST=host, TRAWL_PORT=str(port),
                              **{ALLOWED_HOSTS_ENV: ",".join(hosts),
                                 ALLOW_EDITS_ENV: "1" if allow_edits else "0"},
                              **backend_env(backend))
            uvicorn.run("web.app:create_app_from_env", factory=True, host=host, port=port,
                        reload=True, reload_dirs=RELOAD_DIRS)
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
