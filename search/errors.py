"""Domain errors of the read side. They know nothing of HTTP; web/ maps them to status codes."""

from __future__ import annotations


class TrawlError(Exception):
    """Base class of every error Trawl reports to a user."""

    code = "error"


class InvalidRequest(TrawlError):
    """A search parameter is malformed (bad date, unknown sort, non-numeric page...)."""

    code = "invalid_parameter"


class InvalidQuery(InvalidRequest):
    """The query string cannot be read; the message says what is wrong and where."""

    code = "invalid_query"


class IndexMissing(TrawlError):
    """There is no index at the given location (or it is empty)."""

    code = "index_missing"
