"""Enrichment: run spaCy NER over documents in batches and turn its spans into facets.

`Enricher.enrich(docs)` yields (Document, Facets) in input order. The model sees the title
and the body as one text ("<title>\\n\\n<body>"), cut into chunks of at most CHUNK_CHARS at
paragraph or sentence boundaries so memory stays bounded on long documents; entity offsets
are mapped back to the whole text. Facet values come from the title and the body; the
mention list (for `trawl extract --explain` and highlighting) holds body mentions only, with
offsets into `Document.text`.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Iterable, Iterator

from indexer.document import Document, Facets, Mention
from indexer.entities import RawEnt, resolve_entities
from indexer.gazetteer import Gazetteer, default_gazetteer
from indexer.model import load_model
from indexer.spans import Ent
from indexer.watchlist import META_PLACES

ALIASES_ENV = "TRAWL_ALIASES"
#: longest text handed to the model in one piece (spaCy's own limit is 1,000,000)
CHUNK_CHARS = 20_000
TITLE_SEPARATOR = "\n\n"
_SENTENCE_END = re.compile(r"[.!?][\"')\]’”]?\s+")


def chunk_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering the text, cut at a paragraph break, else a line break,
    else a sentence end, else a space, in the second half of each window."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = _cut_point(window)
        pieces.append((start, window[:cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def _cut_point(window: str) -> int:
    half = len(window) // 2
    for separator in ("\n\n", "\n"):
        at = window.rfind(separator, half)
        if at >= 0:
            return at + len(separator)
    ends = [m.end() for m in _SENTENCE_END.finditer(window, half)]
    if ends:
        return ends[-1]
    at = window.rfind(" ", half)
    return at + 1 if at >= 0 else len(window)


def model_text(doc: Document) -> tuple[str, int]:
    """The text the model reads for a document and where the body starts in it."""
    if not doc.title.strip():
        return doc.text, 0
    return doc.title + TITLE_SEPARATOR + doc.text, len(doc.title) + len(TITLE_SEPARATOR)


class Enricher:
    """Turns Documents into Facets with a loaded spaCy pipeline and Trawl's entity rules."""

    def __init__(self, nlp, batch_size: int = 64, workers: int = 1,
                 gazetteer: Gazetteer | None = None, chunk_chars: int = CHUNK_CHARS):
        self.nlp = nlp
        self.batch_size = batch_size
        self.workers = max(1, int(workers))
        self.gazetteer = gazetteer or default_gazetteer()
        self.chunk_chars = chunk_chars
        self.watch_places: dict[str, str] = dict(nlp.meta.get(META_PLACES, {}))

    @classmethod
    def from_config(cls, model: str | None = None, aliases: str | None = None,
                    workers: int = 1, batch_size: int = 64) -> Enricher:
        """An Enricher for a model name and watchlist file ($TRAWL_ALIASES when not given)."""
        aliases = aliases or os.environ.get(ALIASES_ENV) or None
        return cls(load_model(model, watchlist=aliases), batch_size=batch_size, workers=workers)

    def enrich(self, docs: Iterable[Document]) -> Iterator[tuple[Document, Facets]]:
        """(document, facets) for each document, in input order."""
        pending: deque[tuple[Document, int, list[RawEnt]]] = deque()

        def chunks() -> Iterator[tuple[str, tuple[int, bool]]]:
            for doc in docs:
                text, body_offset = model_text(doc)
                pending.append((doc, body_offset, []))
                pieces = chunk_text(text, self.chunk_chars)
                for i, (offset, piece) in enumerate(pieces):
                    yield piece, (offset, i == len(pieces) - 1)

        stream = self.nlp.pipe(chunks(), as_tuples=True, batch_size=self.batch_size,
                               n_process=self.workers)
        for spacy_doc, (offset, last) in stream:
            pending[0][2].extend((e.start_char + offset, e.end_char + offset, e.label_,
                                  e.ent_id_) for e in spacy_doc.ents)
            if last:
                doc, body_offset, raw = pending.popleft()
                yield doc, self.facets(doc, raw, body_offset)

    def facets(self, doc: Document, raw: list[RawEnt], body_offset: int) -> Facets:
        """Facets of one document from the model's spans over its model text."""
        text, _ = model_text(doc)
        ents = resolve_entities(text, raw, self.gazetteer, self.watch_places,
                                body_start=body_offset)
        return build_facets(ents, body_offset, doc.published)


def build_facets(ents: list[Ent], body_offset: int, published) -> Facets:
    """Facet values in order of first appearance, countries, and the body's mentions. A DATE
    mention that names several days (a list, or a range: "October 25-26, 2016", "from 1 to
    28 November") gives one value per day it names, so a range is found by its start day and
    its end day (and every day between, for ranges of up to a week)."""
    facets = Facets()
    seen: set[tuple[str, str]] = set()
    for ent, value in _facet_values(ents, published):
        key = (ent.facet, value.casefold())
        if key not in seen:
            seen.add(key)
            getattr(facets, ent.facet).append(value)
        value = next(v for v in getattr(facets, ent.facet) if v.casefold() == key[1])
        if ent.facet == "place" and ent.country:
            facets.countries.setdefault(value, ent.country)
        if ent.start >= body_offset:
            facets.mentions.append(Mention(ent.start - body_offset, ent.end - body_offset,
                                           ent.text, ent.facet, value, ent.rule, ent.rules))
    return facets


#: len("YYYY-MM-DD"): a time of day names a day, never a year or a month alone ("2053
#: Wednesday night, UTC" is 20:53)
_DAY_LENGTH = 10


def _facet_values(ents: list[Ent], published):
    """(span, value) for every value a span gives: one for an actor or place, each day of a
    date mention (of a TIME mention, only days)."""
    from indexer.dates import resolve_dates
    from indexer.tense import PAST

    for ent in ents:
        if ent.facet == "date":
            yield from ((ent, value) for value in resolve_dates(ent.text, published,
                                                                past=ent.rule == PAST)
                        if ent.label != "TIME" or len(value) == _DAY_LENGTH)
        elif ent.facet in ("actor", "place") and ent.value:
            yield ent, ent.value
