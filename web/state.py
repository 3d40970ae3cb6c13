"""The open index shared by every request: opened once at startup, or on first use if it was missing."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request

from search.backend import BackendUnavailable, open_backend
from search.errors import IndexMissing
from web.settings import Settings

_open_lock = threading.Lock()


def make_lifespan(settings: Settings):
    """A lifespan that opens the index once; a missing index is reported per request (503)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.index = None
        try:
            app.state.index = open_backend(settings.backend_config)
        except (IndexMissing, BackendUnavailable):
            pass  # each request retries and answers 503 (how to build an index, or which
            # search engine does not answer)
        yield

    return lifespan


def index_of(request: Request):
    """The app's search backend (search.backend), opening it now if it did not exist at startup; IndexMissing if absent."""
    app = request.app
    index = getattr(app.state, "index", None)
    if index is None:
        with _open_lock:
            index = getattr(app.state, "index", None)
            if index is None:
                index = open_backend(app.state.settings.backend_config)
                app.state.index = index
    return index
