"""The entity record the rules pass around: a span of the document text and what it became.

Rules take and return lists of `Ent` (immutable; changed with `dataclasses.replace`), never
spaCy objects, so they are testable on hand-made spans.
"""

from __future__ import annotations

from dataclasses import dataclass

#: spaCy label -> facet, before any rule runs
LABEL_FACETS = {"PERSON": "actor", "ORG": "actor", "GPE": "place", "LOC": "place",
                "FAC": "place", "DATE": "date"}
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

    @property
    def key(self) -> str:
        """Case-insensitive surface form, for "same name, same facet" rules."""
        return " ".join(self.text.lower().split())


def overlaps(a: Ent, b: Ent) -> bool:
    """True when two spans share at least one character."""
    return a.start < b.end and b.start < a.end
