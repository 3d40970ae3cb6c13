"""`trawl serve --workers N`: several real server processes on one port, each serving the
index on its own, all following a new generation; a killed one is replaced, SIGTERM stops all."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import anyio
import httpx
import pytest
from live_server import LiveServer, live_server
from web_corpus import ARMY, ARTICLES, build_index

from indexer.cli import main
from search import store
from web.server import RELOAD_WITH_WORKERS, run

#: how long the workers get to show up, to follow a generation, to be replaced
SETTLE_S = 30.0


def child_pids(pid: int) -> set[int]:
    """Live child processes of `pid` (Linux /proc), the server's workers among them."""
    children: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        children.update(int(c) for c in (task / "children").read_text().split())
    return children


def health_by_worker(server: LiveServer, requests: int = 48) -> dict[int, dict]:
    """/healthz answers keyed by the process that gave them: many concurrent connections,
    each new, with a search in between, so that every worker gets some of them."""
    answers: dict[int, dict] = {}

    async def one(client: httpx.AsyncClient) -> None:
        await client.get(server.url + "/api/search", params={"q": "aleppo"})
        health = (await client.get(server.url + "/healthz")).json()
        answers[health["worker"]] = health

    async def many() -> None:
        for _ in range(requests // 8):
            async with anyio.create_task_group() as tasks:
                for _ in range(8):
                    client = httpx.AsyncClient(timeout=10.0, limits=httpx.Limits(max_keepalive_connections=0))
                    tasks.start_soon(_closing, client, one)

    anyio.run(many)
    return answers


async def _closing(client: httpx.AsyncClient, step) -> None:
    async with client:
        await step(client)


def two_workers(server: LiveServer) -> dict[int, dict] | None:
    """The /healthz answers of two distinct processes, both children of the server, or None."""
    answers = health_by_worker(server)
    if len(answers) == 2 and set(answers) <= child_pids(server.process.pid):
        return answers
    return None


def wait_for(condition, what: str):
    """Poll `condition()` until it returns something true; fail naming `what` after SETTLE_S."""
    deadline = time.monotonic() + SETTLE_S
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"not within {SETTLE_S:.0f} s: {what}")


def test_every_worker_serves_and_follows_a_new_generation(tmp_path):
    index_dir = build_index(tmp_path / "index", ARTICLES[:6])
    first = store.generation_name(index_dir)
    with live_server(index_dir, workers=2) as server:
        seen = wait_for(lambda: two_workers(server), "two worker processes answering")
        workers = set(seen)
        assert server.process.pid not in workers
        for pid in workers:  # few malloc arenas (web.server.limit_malloc_arenas)
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
            assert any(v.startswith(b"MALLOC_ARENA_MAX=") for v in environ)
        assert {(h["generation"], h["documents"]) for h in seen.values()} == {(first, 6)}

        build_index(index_dir, ARTICLES)  # a rebuild publishes a new generation
        second = store.generation_name(index_dir)
        assert second != first

        def all_on_second() -> bool:
            answers = health_by_worker(server)
            return set(answers) == workers and all(
                (h["generation"], h["documents"]) == (second, 8) for h in answers.values())

        wait_for(all_on_second, f"both workers {sorted(workers)} serving {second}")
        search = httpx.get(server.url + "/api/search", params={"q": "aleppo"}).json()
        assert search["total"] == 3


def test_a_correction_made_through_one_worker_reaches_every_worker(tmp_path):
    index_dir = build_index(tmp_path / "index", ARTICLES)
    merge = {"op": "merge", "facet": "actor", "value": "Hezbollah", "into": ARMY}
    with live_server(index_dir, allow_edits=True, workers=2) as server:
        wait_for(lambda: two_workers(server), "two worker processes answering")
        made = httpx.post(server.url + "/api/corrections", json=merge)
        assert made.status_code == 200, made.text

        def all_corrected() -> bool:
            answers = two_workers(server)
            return bool(answers) and all(h["corrections"]["version"] == made.json()["version"]
                                         for h in answers.values())

        wait_for(all_corrected, "both workers applying the correction")


def test_a_killed_worker_is_replaced_and_sigterm_stops_them_all(index_dir):
    with live_server(index_dir, workers=2) as server:
        victim = min(wait_for(lambda: two_workers(server), "two worker processes answering"))
        os.kill(victim, signal.SIGKILL)

        def replaced() -> set[int] | None:
            answering = two_workers(server)
            return set(answering) if answering and victim not in answering else None

        survivors = wait_for(replaced, f"a new worker in place of {victim}")
        assert all(httpx.get(server.url + "/api/search", params={"q": "aleppo"}).json()["total"]
                   == 3 for _ in range(4))
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=SETTLE_S)
        assert server.process.returncode == 0
        assert not [pid for pid in survivors if Path(f"/proc/{pid}").exists()
                    and "zombie" not in Path(f"/proc/{pid}/status").read_text()]
    _, err = server.process.communicate()
    assert f"Child process [{victim}] died" in err


def test_worker_count_is_checked_by_the_command_line(index_dir, capsys):
    for bad in ("0", "65", "two"):
        with pytest.raises(SystemExit) as exit_:
            main(["--index", str(index_dir), "serve", "--workers", bad])
        assert exit_.value.code == 2
        assert "argument --workers" in capsys.readouterr().err
    assert run(index_dir, port=1, reload=True, workers=2) == 1
    assert capsys.readouterr().err == RELOAD_WITH_WORKERS + "\n"
