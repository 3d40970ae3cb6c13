"""A real Trawl server (web.server.run under uvicorn) in a subprocess, on a free local port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from search.backend import BackendConfig
from web.server import backend_env

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 30.0
RUN_SERVER = ("import sys; from web.server import run; from search.backend import backend_config; "
              "c = backend_config(index=sys.argv[1]); "
              "sys.exit(run(sys.argv[1], port=int(sys.argv[2]), allow_edits=sys.argv[3] == '1', "
              "edit_token=sys.argv[4] or None, workers=int(sys.argv[5]), "
              "backend=None if c.kind == 'whoosh' else c))")


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(index_dir: Path, allow_edits: bool = False, edit_token: str = "",
                workers: int = 1, backend: BackendConfig | None = None) -> Iterator[LiveServer]:
    """Start `web.server.run` on `index_dir` (or on `backend`, given by TRAWL_* variables)
    with `workers` processes, wait until /healthz answers, stop it with SIGTERM.
    `allow_edits` / `edit_token` turn the correction endpoints on (off by default)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", RUN_SERVER, str(index_dir), str(port),
         "1" if allow_edits else "0", edit_token, str(workers)],
        cwd=REPO, env={**os.environ, **backend_env(backend)}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    server = LiveServer(f"http://127.0.0.1:{port}", process)
    try:
        wait_until_up(server)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_up(server: LiveServer) -> None:
    """Poll /healthz until it answers 200; fail with the server's output if it dies or hangs."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            out, err = server.process.communicate()
            raise RuntimeError(f"server exited with {server.process.returncode}:\n{out}\n{err}")
        try:
            if httpx.get(server.url + "/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server did not answer on {server.url} within {START_TIMEOUT_S} s")
