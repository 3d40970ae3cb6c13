"""The open index shared by every request: opened once at startup, or on first use if it was missing."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request

from search.errors import IndexMissing
from search.index import open_index
from web.settings import Settings

_open_lock = threading.Lock()


def make_lifespan(settings: Settings):
    """A lifespan that opens the index once; a missing index is reported per request (503)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.index = None
        try:
            app.state.index = open_index(settings.index_dir)
        except IndexMissing:
            pass  # each request retries and answers 503 with how to build an index
        yield

    return lifespan


def index_of(request: Request):
    """The app's TrawlIndex, opening it now if it did not exist at startup; IndexMissing if absent."""
    app = request.app
    index = getattr(app.state, "index", None)
    if index is None:
        with _open_lock:
            index = getattr(app.state, "index", None)
            if index is None:
                index = open_index(app.state.settings.index_dir)
                app.state.index = index
    return index
