"""Every search as an Atom feed (/feed.atom?<the search's parameters>), newest first.

An analyst follows a search in any feed reader: the feed's id is the search's permalink, each
entry links to the document page (the original's address is in the summary), carries the source as author, the
publication date as `updated`, the highlighted snippet as summary and the facet values as
categories. `new_since=YYYY-MM-DD` keeps only documents published after that day. A feed is a
chronology, so undated documents are left out. The XML is written by feedgen (escaping,
RFC 3339 dates, required elements), not by hand.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from html import escape

from feedgen.feed import FeedGenerator
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from search.errors import InvalidRequest
from search.model import Hit, SearchRequest
from search.schema import FACETS
from web.limits import run_search
from web.links import document_href, search_href
from web.params import parse_search, text_param
from web.state import index_of

MEDIA_TYPE = "application/atom+xml; charset=utf-8"
#: the parameters that shape a page of results rather than the set a feed follows
PAGE_PARAMS = ("sort", "page", "size", "new_since", "timeline", "facet_size")
_FIRST_DAY = date(1, 1, 1)


async def atom_feed(request: Request) -> Response:
    """GET /feed.atom: the newest documents matching the search parameters, as Atom."""
    asked = parse_search(request)
    req = feed_request(asked, text_param(request, "new_since"))
    result = await run_search(request, index_of(request).search, req)
    base = str(request.base_url).rstrip("/")
    return Response(build_feed(base, str(request.url), asked, result.hits),
                    media_type=MEDIA_TYPE)


def feed_request(req: SearchRequest, new_since: str) -> SearchRequest:
    """The search newest first, dated documents only, after `new_since` when given."""
    start = req.date_from or _FIRST_DAY
    if new_since:
        start = max(start, parse_day(new_since, "new_since") + timedelta(days=1))
    if req.date_to and start > req.date_to:
        raise InvalidRequest(f"new_since ({new_since}) is not before to ({req.date_to})")
    return replace(req, sort="newest", page=1, date_from=start, facet_size=1)


def parse_day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidRequest(f"{name} must be a date YYYY-MM-DD (got {text!r})") from None


def build_feed(base: str, self_url: str, req: SearchRequest, hits: list[Hit]) -> bytes:
    """The Atom document of the search `req` as asked, given its hits (newest first)."""
    followed = [(k, v) for k, v in req.to_params() if k not in PAGE_PARAMS]
    permalink = base + search_href(followed)
    feed = FeedGenerator()
    feed.id(permalink)
    feed.title(f"Trawl: {req.q}" if req.q else "Trawl: newest documents")
    feed.subtitle(_describe(req))
    feed.link(href=permalink, rel="alternate", type="text/html")
    feed.link(href=self_url, rel="self")
    feed.generator("Trawl")
    feed.updated(_moment(hits[0].published) if hits else datetime.now(UTC))
    for hit in reversed(hits):  # feedgen puts the last added first
        _entry(feed, base, hit)
    return feed.atom_str(pretty=True)


def _entry(feed: FeedGenerator, base: str, hit: Hit) -> None:
    entry = feed.add_entry()
    entry.id(base + document_href(hit.id))
    entry.title(hit.title or hit.id)
    # one link only: feedgen 1.0 drops rel/type of entry links (lkiesow/python-feedgen#135),
    # so a second one would read as a second "alternate"; the original is in the summary
    entry.link(href=base + document_href(hit.id))
    entry.updated(_moment(hit.published))
    entry.published(_moment(hit.published))
    if hit.source:
        entry.author(name=hit.source)
    summary = " … ".join(hit.snippets)
    if hit.url.startswith(("http://", "https://")):
        summary += f'<p>Original: <a href="{escape(hit.url)}">{escape(hit.url)}</a></p>'
    if summary:
        entry.summary(summary, type="html")
    for facet in FACETS:
        for value in getattr(hit, facet):
            entry.category(term=value, scheme=f"{base}/api/facets/{facet}", label=value)


def _moment(day: date | None) -> datetime:
    return datetime.combine(day or _FIRST_DAY, time(), tzinfo=UTC)


def _describe(req: SearchRequest) -> str:
    filters = [f"{name}={value}" for name, value in req.to_params()
               if name not in ("q", *PAGE_PARAMS)]
    return "Newest documents matching the search" + (f" ({', '.join(filters)})" if filters else "")


ROUTES = [Route("/feed.atom", atom_feed, methods=["GET"])]
