"""Searches run in worker threads, a bounded number at once, so the event loop and /healthz
always stay free.

Every search-shaped call (page, API, facet values, export batches, documents) goes through
`run_search`: it waits at most `Settings.queue_wait_s` for one of `Settings.search_slots`
slots, then runs in Starlette's thread pool. A request that cannot get a slot in time is
answered 503 with Retry-After instead of queueing without end; /healthz never takes a slot.
Each search is bounded in its own right by the caps of the search package (phrase slop,
fuzzy edits, respelling work), so a slot is always given back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from search.errors import TrawlError

T = TypeVar("T")


class ServerBusy(TrawlError):
    """Every search slot stayed taken for the whole wait: try again shortly."""

    code = "server_busy"
    retry_after_s = 2


def limiter_of(request: Request) -> anyio.CapacityLimiter:
    """The app's search limiter, made on first use inside the event loop that serves it."""
    state = request.app.state
    limiter = getattr(state, "search_limiter", None)
    if limiter is None:
        limiter = state.search_limiter = anyio.CapacityLimiter(state.settings.search_slots)
    return limiter


async def run_search(request: Request, function: Callable[..., T], *args) -> T:
    """`function(*args)` in a worker thread, once a search slot is free (ServerBusy if none
    frees up within the configured wait)."""
    settings = request.app.state.settings
    limiter = limiter_of(request)
    try:
        with anyio.fail_after(settings.queue_wait_s):
            await limiter.acquire()
    except TimeoutError:
        raise ServerBusy(f"all {settings.search_slots} search slots stayed busy for "
                         f"{settings.queue_wait_s:g} s; try again in a moment") from None
    try:
        return await run_in_threadpool(function, *args)
    finally:
        limiter.release()
