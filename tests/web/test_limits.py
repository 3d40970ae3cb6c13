"""Searches run in a bounded number of slots off the event loop: an expensive or hostile
request is answered without starving /healthz, and a full server says 503 with Retry-After."""

from __future__ import annotations

import random
import string
from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx
from live_server import live_server

from web.app import create_app
from web.settings import Settings

#: generous: the requests below took 20-27 s (and one killed the server) before the caps
ANSWER_TIMEOUT_S = 10.0


def _nonsense_words(count: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choices(string.ascii_lowercase, k=8)) for _ in range(count)]


def test_hostile_queries_are_answered_and_healthz_stays_up(index_dir):
    hostile = {
        "111 unknown words": " ".join(_nonsense_words(111)),
        "83 unknown words OR-ed": " OR ".join(_nonsense_words(83, seed=8)),
        "huge phrase slop": '"police said"~1000000000',
    }
    with live_server(index_dir) as server, ThreadPoolExecutor(4) as pool:
        def get(path: str, **params) -> httpx.Response:
            return httpx.get(server.url + path, params=params, timeout=ANSWER_TIMEOUT_S)

        futures = {name: [pool.submit(get, "/api/search", q=q), pool.submit(get, "/", q=q)]
                   for name, q in hostile.items()}
        health = [get("/healthz") for _ in range(5)]
        cheap = get("/api/search", q="aleppo")
        answers = {name: [f.result().status_code for f in pair] for name, pair in futures.items()}
    assert all(r.status_code == 200 for r in health)
    assert cheap.json()["total"] == 3
    assert answers["111 unknown words"] == [200, 200]
    assert answers["83 unknown words OR-ed"] == [200, 200]
    assert answers["huge phrase slop"] == [400, 400]


def test_a_full_server_answers_503_with_retry_after_and_healthz_still_answers(index_dir):
    app = create_app(Settings(index_dir=index_dir, search_slots=1, queue_wait_s=0.05))

    async def scenario() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            first = await client.get("/api/search", params={"q": "aleppo"})  # makes the limiter
            limiter = app.state.search_limiter
            holder = object()
            await limiter.acquire_on_behalf_of(holder)  # a search that is still running
            busy = await client.get("/api/search", params={"q": "aleppo"})
            page = await client.get("/", params={"q": "aleppo"})
            health = await client.get("/healthz")
            limiter.release_on_behalf_of(holder)
            after = await client.get("/api/search", params={"q": "aleppo"})
            return [first, busy, page, health, after]

    first, busy, page, health, after = anyio.run(scenario)
    assert first.status_code == 200 and after.status_code == 200
    assert busy.status_code == 503 and busy.headers["Retry-After"] == "2"
    assert busy.json()["error"]["code"] == "server_busy"
    assert "1 search slots stayed busy" in busy.json()["error"]["message"]
    assert page.status_code == 503 and "Busy, try again" in page.text
    assert health.status_code == 200

