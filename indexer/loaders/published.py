"""Parse the publication date a document's metadata gives into a `datetime.date`."""

from __future__ import annotations

from datetime import date, datetime

from dateutil import parser as dateparser

# dateutil fills missing parts from a default; parsing with two defaults that differ in
# year, month and day shows whether the text named all three (a bare "2019" or "Friday" does not).
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 2, 2))


class UnparseableDate(ValueError):
    """The value does not name one calendar day."""


def parse_published(value: object) -> date | None:
    """Read ISO dates and datetimes, RFC 2822, '4 January 2019' and the like; None when absent."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise UnparseableDate(f"unparseable date '{value}'")
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass  # not ISO 8601: try the forgiving parser below
    return _parse_free_form(text)


def _parse_free_form(text: str) -> date:
    """Parse a date written out in words or RFC 2822; it must name year, month and day."""
    try:
        first, second = (dateparser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        raise UnparseableDate(f"unparseable date '{text}'") from None
    if first.date() != second.date():
        raise UnparseableDate(f"unparseable date '{text}' (needs year, month and day)")
    return first.date()
