"""The Starlette application factory: routes, static files, error mapping, security headers."""

from __future__ import annotations

import os

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from web import api, corrections, feed, pages, views
from web.errors import EXCEPTION_HANDLERS
from web.security import SecurityHeadersMiddleware
from web.settings import Settings, settings_from_env
from web.state import make_lifespan
from web.templating import STATIC_DIR, make_templates


class TrawlApp(Starlette):
    """Starlette with the security headers outermost, so that they are on the 500 answers
    Starlette's own error middleware (outside all user middleware) sends too."""

    def build_middleware_stack(self):
        return SecurityHeadersMiddleware(super().build_middleware_stack())


def create_app(settings: Settings) -> Starlette:
    """A Trawl web app serving the index in `settings.index_dir` (opened once, at startup)."""
    app = TrawlApp(
        routes=[
            *api.ROUTES,
            *pages.ROUTES,
            *views.ROUTES,
            *corrections.ROUTES,
            *feed.ROUTES,
            Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
        ],
        exception_handlers=EXCEPTION_HANDLERS,
        # any other Host is a 400 before routing: no redirect to it, no DNS-rebinding reads
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts),
                               www_redirect=False)],
        lifespan=make_lifespan(settings),
    )
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.index = None
    #: the secret behind the correction forms' token (web.corrections), new per process
    app.state.form_secret = os.urandom(32)
    return app


def create_app_from_env() -> Starlette:
    """Factory for `uvicorn --factory` (used by --reload): settings from TRAWL_* variables."""
    return create_app(settings_from_env())
