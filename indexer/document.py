"""The records that flow through the indexer: loaded documents, problems, mentions, facets."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass
class Document:
    """One article as loaded from disk, before enrichment."""

    id: str
    title: str
    text: str
    published: date | None = None
    source: str = ""
    url: str = ""
    #: path of the source file relative to the indexed root (used by --prune)
    path: str = ""
    #: metadata fields the loader kept that have no field of their own
    meta: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Hash of everything that affects what is indexed for this document."""
        payload = json.dumps(
            [self.id, self.title, self.text, str(self.published or ""), self.source, self.url,
             self.meta],
            ensure_ascii=False, sort_keys=True, default=str,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Problem:
    """A file or record that was reported and skipped."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Mention:
    """One entity mention in a document's text and the facet value it became."""

    start: int
    end: int
    text: str
    facet: str  # "actor" | "place" | "date"
    value: str  # canonical facet value
    rule: str = "model"  # which rule produced the value (for `trawl extract --explain`)
    #: the pipeline rules (`indexer.entities.RULES` names) that produced or changed it
    rules: tuple[str, ...] = ()

    def as_list(self) -> list:
        return [self.start, self.end, self.facet, self.value]


@dataclass
class Facets:
    """The facet values of one document, as the index stores them."""

    actor: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)
    date: list[str] = field(default_factory=list)
    #: place value -> country name, where known
    countries: dict[str, str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "mentions"}
