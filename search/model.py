"""Request and result types of search(): the contract of the CLI, the JSON API and the web page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

SORTS = ("relevance", "newest", "oldest")
DEFAULT_SIZE, MAX_SIZE = 20, 100
DEFAULT_FACET_SIZE, MAX_FACET_SIZE = 10, 100


#: the request fields that filter documents: facet selections, exclusions, "about" and
#: the publication range
_FILTER_FIELDS = ("actor", "place", "date", "country", "not_actor", "not_place", "not_date",
                  "not_country", "about_actor", "about_place", "not_about_actor",
                  "not_about_place", "date_from", "date_to")


@dataclass(frozen=True)
class SearchRequest:
    """A parsed, validated search. Built at the boundary by `from_params`; never raw strings after."""

    q: str = ""
    actor: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    not_actor: tuple[str, ...] = ()
    not_place: tuple[str, ...] = ()
    not_date: tuple[str, ...] = ()
    date_from: date | None = None  # param name "from"
    date_to: date | None = None  # param name "to"
    sort: str = "relevance"
    page: int = 1
    size: int = DEFAULT_SIZE
    facet_size: int = DEFAULT_FACET_SIZE
    timeline: str | None = None  # "day" | "month" | "year" | None (automatic)
    country: tuple[str, ...] = ()  # countries of places (OR), see search.params
    not_country: tuple[str, ...] = ()
    boilerplate: str = "hide"  # "hide" | "show" boilerplate values (search.boilerplate) in facets
    about_actor: tuple[str, ...] = ()  # documents an actor is central to (search.salience)
    about_place: tuple[str, ...] = ()
    not_about_actor: tuple[str, ...] = ()
    not_about_place: tuple[str, ...] = ()

    @classmethod
    def from_params(cls, params: Mapping[str, str | list[str]]) -> SearchRequest:
        """Parse query parameters (repeatable names as lists); raises InvalidRequest."""
        from search.params import from_params

        return from_params(params)

    def to_params(self) -> list[tuple[str, str]]:
        """The request as (name, value) query parameters, defaults left out."""
        from search.params import to_params

        return to_params(self)

    def query_string(self) -> str:
        """The urlencoded query string of this request (no leading '?')."""
        from search.params import query_string

        return query_string(self)

    @property
    def has_filters(self) -> bool:
        """Whether any facet filter or publication bound is active."""
        return any(getattr(self, name) for name in _FILTER_FIELDS)


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    excluded: bool = False
    toggle: str = ""  # query string that toggles this value on/off
    exclude_toggle: str = ""  # query string that toggles the exclusion of this value
    aliases: tuple[str, ...] = ()  # other names of the entity in the documents, most used first
    boilerplate: bool = False  # held mostly through credit lines / platform phrases


@dataclass(frozen=True)
class FilterOffer:
    """A facet filter the query names ("US" -> place United States), not yet selected."""

    facet: str
    value: str
    label: str
    count: int  # documents the search finds with this filter added
    toggle: str  # query string of the search with the filter added


@dataclass(frozen=True)
class FacetCounts:
    values: list[FacetValue]
    truncated: bool = False
    hidden: int = 0  # boilerplate values with matches left out of `values`
    boilerplate_toggle: str = ""  # query string that shows (or hides again) boilerplate values


@dataclass(frozen=True)
class TimelineBucket:
    period: str  # "2024", "2024-11" or "2024-11-29"
    count: int
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class MentionedTimeline:
    buckets: list[TimelineBucket]
    unit: str
    earlier: int = 0  # documents mentioning a placed date only before the first bucket
    later: int = 0  # ... only after the last one


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    published: date | None
    source: str
    url: str
    score: float | None
    snippets: list[str]  # HTML: escaped text with matches in <mark>
    actor: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)
    date: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)  # countries of its places


@dataclass(frozen=True)
class SearchResult:
    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: dict[str, FacetCounts]
    timeline: list[TimelineBucket]
    suggestion: str | None = None
    timeline_unit: str = "month"
    #: documents per period of the dates they mention (search.timeline)
    mentioned: MentionedTimeline | None = None
    filter_offers: list[FilterOffer] = field(default_factory=list)
