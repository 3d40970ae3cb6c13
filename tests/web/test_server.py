"""`web.server.run`: refuses a missing or empty index with advice, serves a real one."""

from __future__ import annotations

import signal
from pathlib import Path

import httpx
from live_server import live_server

from search import store
from web.server import run
from web.settings import Settings, settings_from_env


def test_settings_come_from_trawl_variables_with_local_defaults(tmp_path):
    assert settings_from_env({}) == Settings(index_dir=Path("index"), host="127.0.0.1", port=8000)
    env = {"TRAWL_INDEX": str(tmp_path), "TRAWL_HOST": "0.0.0.0", "TRAWL_PORT": "9001"}
    assert settings_from_env(env) == Settings(index_dir=tmp_path, host="0.0.0.0", port=9001)
    assert settings_from_env({"TRAWL_PORT": "http"}).port == 8000


def test_missing_index_prints_how_to_build_one_and_returns_1(tmp_path, capsys):
    assert run(tmp_path / "nothing", port=1) == 1
    err = capsys.readouterr().err
    assert err == (f"trawl: there is no index in {tmp_path / 'nothing'}/.\n"
                   f"Build one with:  trawl --index {tmp_path / 'nothing'} index PATH...   "
                   "(e.g. samples/)\n")


def test_empty_index_is_refused_too(tmp_path, capsys):
    path, ix = store.create_generation(tmp_path)
    ix.writer().commit()
    store.publish(tmp_path, path)
    assert run(tmp_path, port=1) == 1
    assert capsys.readouterr().err.startswith(f"trawl: the index in {tmp_path}/ holds no documents.")


def test_run_serves_the_index_and_says_where(index_dir):
    with live_server(index_dir) as server:
        assert httpx.get(server.url + "/healthz").json()["documents"] == 8
        page = httpx.get(server.url + "/?q=aleppo")
        assert page.status_code == 200 and "3 documents" in page.text
        server.process.send_signal(signal.SIGINT)  # Ctrl-C: graceful stop, exit status 0
        out, _ = server.process.communicate(timeout=10)
    assert server.process.returncode == 0
    assert out.splitlines()[0] == f"Trawl is serving {index_dir} at {server.url}/"


def test_a_taken_port_is_said_before_anything_claims_to_serve(index_dir, capsys):
    import socket
    import subprocess
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert run(index_dir, host="127.0.0.1", port=port) == 1
        out, err = capsys.readouterr()
        assert out == ""  # no "Trawl is serving ..."
        assert err == (f"trawl: port {port} on 127.0.0.1 is taken (another server is running "
                       "there?); choose another: trawl serve --port N, or make serve PORT=N\n")
        check = subprocess.run([sys.executable, "-m", "web.server", "check-port", "127.0.0.1",
                                str(port)], capture_output=True, text=True, timeout=60)
        assert (check.returncode, check.stdout) == (1, "")
        assert check.stderr.startswith(f"trawl: port {port} on 127.0.0.1 is taken")
    free = subprocess.run([sys.executable, "-m", "web.server", "check-port", "127.0.0.1",
                           str(port)], capture_output=True, text=True, timeout=60)
    assert (free.returncode, free.stderr) == (0, "")
