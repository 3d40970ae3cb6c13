"""The entity record the rules pass around: a span of the document text and what it became.

Rules take and return lists of `Ent` (immutable; changed with `replace` below), never
spaCy objects, so they are testable on hand-made spans.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

#: spaCy label -> facet, before any rule runs
LABEL_FACETS = {"PERSON": "actor", "ORG": "actor", "GPE": "place", "LOC": "place",
                "FAC": "place", "DATE": "date"}
#: labels of the spans whose text `indexer.dates` resolves to date values: the model labels
#: a day with its time of day TIME as often as DATE ("late Tuesday", "Sunday morning"), and
#: a time alone ("3 a.m.") resolves to nothing
DATE_LABELS = frozenset({"DATE", "TIME"})
#: the model's labels of places by name (a facility's, FAC, names a building)
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: labels whose spans may still be places or actors the model mislabelled
RESCUABLE_LABELS = frozenset({"NORP", "LANGUAGE", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


@dataclass(frozen=True)
class Ent:
    """One entity span (offsets into the text the model saw) and its facet value so far."""

    start: int
    end: int
    text: str
    label: str
    facet: str | None = None  # "actor" | "place" | "date" | None (not a facet value)
    value: str | None = None  # canonical value
    rule: str = "model"
    country: str | None = None
    #: True when a rule decided the facet from outside evidence (watchlist, alias, gazetteer)
    fixed: bool = False
    #: the canonical name of the shipped well-known entity this span names, if any
    known: str | None = None
    #: names of the `RULES` that produced or changed this span's facet or value, in order
    rules: tuple[str, ...] = ()

    @cached_property
    def key(self) -> str:
        """Case-insensitive surface form, for "same name, same facet" rules (worked out once
        per span: the rules compare keys many times; `replace` forgets it with the text)."""
        return " ".join(self.text.lower().split())


#: the names `replace` accepts
_FIELDS = frozenset(Ent.__dataclass_fields__)


def replace(ent: Ent, /, **changes) -> Ent:
    """A copy of the span with some fields changed: `dataclasses.replace` for `Ent`, which
    has no `__post_init__` and no init-less field, so copying its fields is the same thing.
    The rules make many copies per document, and the generic function's checks and
    per-field frozen writes are work this record does not need."""
    if type(ent) is not Ent or not _FIELDS.issuperset(changes):
        raise TypeError(f"replace() takes an Ent and its fields, not {sorted(changes)}")
    copy = object.__new__(Ent)
    fields = copy.__dict__  # a frozen dataclass forbids setattr, not its own dict
    fields.update(ent.__dict__)
    fields.update(changes)
    if "text" in changes:
        fields.pop("key", None)  # the cached `key` of the old text
    return copy


def overlaps(a: Ent, b: Ent) -> bool:
    """True when two spans share at least one character."""
    return a.start < b.end and b.start < a.end


def replaced_by(ents: list[Ent], found: list[Ent]) -> list[Ent]:
    """The spans without those sharing a character with a found span, plus the found spans:
    what a rule returns when its spans replace whatever the model made of the same words."""
    return [e for e in ents if not any(overlaps(e, f) for f in found)] + found


def with_found(ents: list[Ent], found: list[Ent]) -> list[Ent]:
    """The spans without those lying inside a found span, plus the found spans: what a rule
    returns when its new span swallows the model's pieces (a nationality inside "Greek
    Reporter" or "Yemeni capital")."""
    return [e for e in ents if not any(f.start <= e.start and e.end <= f.end for f in found)] \
        + found


class SpanIndex:
    """Answers "does this span overlap any of these?" in O(log n), so scanning a long
    document's text against its entities stays linear rather than quadratic."""

    def __init__(self, ents: list[Ent]):
        ordered = sorted(ents, key=lambda e: e.start)
        self._starts = [e.start for e in ordered]
        self._max_ends = list(accumulate((e.end for e in ordered), max))

    def overlaps(self, span: Ent) -> bool:
        """True when the span shares a character with any indexed span (as `overlaps`)."""
        return self.overlaps_range(span.start, span.end)

    def overlaps_range(self, start: int, end: int) -> bool:
        """`overlaps` for the offsets of a span."""
        before = bisect_left(self._starts, end)  # spans that start before it ends
        return before > 0 and self._max_ends[before - 1] > start
