"""The index contract: field names, analyzers, and the one definition of the facet names.

The indexer writes documents with `document_fields()`; the read side relies on the same
names. Facet fields index each canonical value as one whole term (spaces kept, case kept),
so a facet term is exactly the value shown to the user.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from whoosh.analysis import (
    CharsetFilter,
    CompositeAnalyzer,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    Token,
    Tokenizer,
)
from whoosh.fields import DATETIME, ID, STORED, TEXT, FieldType, Schema
from whoosh.formats import Existence
from whoosh.support.charset import accent_map

from search.acronyms import (
    CAPITALS_BEFORE,
    AcronymStopFilter,
    MarkAcronyms,
    RestoreAcronyms,
    in_capitals,
)
from search.salience import CENTRAL_FIELDS, central_values

#: The entity facets, in display order. The only place these names are defined.
FACETS: tuple[str, ...] = ("actor", "place", "date")
#: Country of each place value, a facet for rolling places up by country.
COUNTRY_FIELD = "country"
#: Separator inside the stored `place_country` pairs.
SCHEMA_VERSION = 1


class ListTokenizer(Tokenizer):
    """Yields each element of a list (or a single string) as one token, untouched."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, mode="", **kwargs):
        values = [value] if isinstance(value, str) else list(value)
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, text in enumerate(values):
            token.text = text
            token.boost = 1.0
            if keeporiginal:
                token.original = text
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(text)
            yield token


class FACET(FieldType):
    """A multi-valued keyword field whose values keep spaces and case (one term per value)."""

    def __init__(self, stored: bool = True):
        self.analyzer = ListTokenizer()
        self.format = Existence()
        self.stored = stored
        self.unique = False
        self.scorable = False

    def to_bytes(self, value):
        return value.encode("utf-8") if isinstance(value, str) else value


class CombiningMarkFilter(Filter):
    """Drops combining marks: lower-casing 'İ' gives 'i' + U+0307, which the accent map keeps,
    so without this 'İmralı' would not match 'imrali'."""

    def __call__(self, tokens):
        for token in tokens:
            if not token.text.isascii():
                token.text = "".join(c for c in token.text if not unicodedata.combining(c))
            yield token


#: words (with their context) whose analysis an indexing analyzer remembers, at most
MEMO_WORDS = 500_000


class TextAnalyzer(CompositeAnalyzer):
    """The filter chain of `text_analyzer()`, which indexes faster: what the chain makes of
    a token depends only on the token and on whether the token before it is in capitals
    (search.acronyms), so indexing (mode "index", stemming on) runs the chain once per such
    pair and remembers the term and whether it is stopped; only the positions are counted
    per document, as the stop filter renumbers them. Queries and unstemmed analysis run the
    chain itself. Identical tokens either way (tests/search/test_schema.py)."""

    def __call__(self, value, no_morph=False, mode="", **kwargs):
        if no_morph or mode != "index":
            return super().__call__(value, no_morph=no_morph, mode=mode, **kwargs)
        return self._indexed(self.items[0](value, mode=mode, **kwargs))

    def _indexed(self, tokens):
        memo = self.__dict__.setdefault("_memo", {})
        previous_in_capitals = False
        pos = None
        for token in tokens:
            word = token.text
            found = memo.get((word, previous_in_capitals))
            if found is None:
                found = self._learn(memo, word, previous_in_capitals)
            previous_in_capitals = in_capitals(word)
            token.text, token.stopped = found
            if not token.stopped:
                if token.positions:
                    pos = token.pos if pos is None else pos + 1
                    token.pos = pos
                yield token
            elif not token.removestops:
                yield token

    def _learn(self, memo: dict, word: str, previous_in_capitals: bool) -> tuple[str, bool]:
        """(term, stopped) of `word` after a word in capitals or not, from the chain."""
        text = CAPITALS_BEFORE + word if previous_in_capitals else word
        found = [(t.text, t.stopped) for t in super().__call__(text, removestops=False)][-1]
        if len(memo) >= MEMO_WORDS:
            memo.clear()
        memo[(word, previous_in_capitals)] = found
        return found

    def __getstate__(self):
        return {key: value for key, value in self.__dict__.items() if key != "_memo"}


def text_analyzer():
    """English stemming with accent folding, so 'Öcalan' and 'Ocalan' match each other;
    acronyms that are also common words ("US", "WHO") kept as written (search.acronyms)."""
    return TextAnalyzer(RegexTokenizer(), MarkAcronyms(), LowercaseFilter(), AcronymStopFilter(),
                        StemFilter(), CharsetFilter(accent_map), CombiningMarkFilter(),
                        RestoreAcronyms())


def make_schema() -> Schema:
    """The Whoosh schema of a Trawl index."""
    fields = {
        "id": ID(stored=True, unique=True),
        "title": TEXT(stored=True, analyzer=text_analyzer(), field_boost=2.0),
        "body": TEXT(stored=True, analyzer=text_analyzer()),
        "source": TEXT(stored=True, analyzer=text_analyzer()),
        "url": STORED(),
        "published": DATETIME(stored=True, sortable=True),
        # path of the source file relative to the indexed root (for --prune), and content hash
        "path": ID(stored=True),
        "content_hash": ID(stored=True),
        # place -> country pairs, JSON; metadata fields the loader kept; entity mentions (JSON)
        "place_country": STORED(),
        "meta": STORED(),
        "mentions": STORED(),
        COUNTRY_FIELD: FACET(),
    }
    for name in FACETS:
        fields[name] = FACET()
    for name in CENTRAL_FIELDS.values():
        fields[name] = FACET(stored=False)
    return Schema(**fields)


def as_datetime(value: date | None) -> datetime | None:
    """Whoosh DATETIME wants datetimes; Trawl's publication dates are calendar days."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


def document_fields(doc, facets) -> dict:
    """The field dict to give `writer.add_document()` for a loaded document and its facets.

    `doc` is an `indexer.document.Document`, `facets` an `indexer.document.Facets`.
    """
    fields = {
        "id": doc.id,
        "title": doc.title,
        "body": doc.text,
        "source": doc.source or "",
        "url": doc.url or "",
        "path": doc.path or "",
        "content_hash": doc.content_hash,
        "place_country": json.dumps(facets.countries, ensure_ascii=False),
        "meta": json.dumps(doc.meta, ensure_ascii=False, default=str),
        "mentions": json.dumps([m.as_list() for m in facets.mentions], ensure_ascii=False),
        COUNTRY_FIELD: _unique(facets.countries.values()),
    }
    published = as_datetime(doc.published)
    if published is not None:
        fields["published"] = published
    for name in FACETS:
        fields[name] = _unique(getattr(facets, name))
    mentions = [m.as_list() for m in facets.mentions]
    for facet, name in CENTRAL_FIELDS.items():
        fields[name] = central_values(doc.title, doc.text, mentions, facet)
    return fields


def _unique(values: Iterable[str]) -> Sequence[str]:
    return list(dict.fromkeys(v for v in values if v))
