"""The Jinja2 environment: autoescaping on, the link helpers available to every template."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import jinja2
from starlette.templating import Jinja2Templates

from web.links import document_href, search_href
from web.search_page import badge_href

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


def human_date(value: date | str | None) -> str:
    """"2024-11-28" or date(2024, 11, 28) -> "28 Nov 2024"; anything unreadable unchanged."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if not isinstance(value, date):
        return "" if value is None else str(value)
    return f"{value.day} {value:%b %Y}"


def make_templates() -> Jinja2Templates:
    """Templates with autoescape forced on for every file, and undefined names an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        document_href=document_href,
        search_href=search_href,
        badge_href=badge_href,
    )
    env.filters["human_date"] = human_date
    return Jinja2Templates(env=env)
