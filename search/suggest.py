"""'Did you mean': respell the words of a query that finds (almost) nothing.

Whoosh's `correct_query` rewrites the query from its parsed tokens and repeats fields on
multi-field queries ("title:x" came back as "title:x title:x"), so the words of the string
itself are corrected here, with Whoosh's correctors over the unstemmed spelling words of
title and body, keeping the user's operators, quotes and fields untouched.
"""

from __future__ import annotations

import re

import numpy as np

from search.errors import InvalidQuery
from search.filters import Filters
from search.folding import fold
from search.generation import Generation
from search.matching import match_query
from search.model import SearchRequest
from search.query import TEXT_FIELDS, parse_query

#: a suggestion is offered when a query finds fewer documents than this
SUGGEST_BELOW_TOTAL = 3
MAX_EDIT_DISTANCE = 2
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "REQUIRE"}
_WORD = re.compile(r"(?:(?P<field>[A-Za-z_]+):)?(?P<word>(?<![\w*?~])[^\W\d_][\w'-]*)(?![\w*?~:])")


def suggest(gen: Generation, req: SearchRequest, total: int, filters: Filters) -> str | None:
    """A respelled query that finds more documents under the same filters, or None."""
    if not req.q or total >= SUGGEST_BELOW_TOTAL:
        return None
    corrected = respell(gen, req.q)
    if corrected == req.q:
        return None
    try:
        parsed = parse_query(corrected, gen.schema)
    except InvalidQuery:
        return None
    found = int(np.count_nonzero(filters.apply(match_query(gen, parsed).mask)))
    return corrected if found > total else None


def respell(gen: Generation, text: str) -> str:
    """The query string with each unknown word of the text fields replaced by its nearest
    indexed spelling (case of the first letter kept)."""
    def replace(match: re.Match) -> str:
        field, word = match.group("field"), match.group("word")
        if (field and field not in TEXT_FIELDS) or word in _OPERATORS:
            return match.group(0)
        better = _respell_word(gen, word)
        if better is None:
            return match.group(0)
        if word[:1].isupper():
            better = better[:1].upper() + better[1:]
        return f"{field}:{better}" if field else better

    return _WORD.sub(replace, text)


def _respell_word(gen: Generation, word: str) -> str | None:
    analyzer = gen.schema["body"].analyzer
    terms = [token.text for token in analyzer(word)]
    if not terms or all(_known(gen, term) for term in terms):
        return None
    with gen.lock:
        for field in ("body", "title"):
            found = gen.searcher.corrector(field).suggest(fold(word), limit=1,
                                                          maxdist=MAX_EDIT_DISTANCE)
            if found:
                return found[0]
    return None


def _known(gen: Generation, term: str) -> bool:
    return any(gen.doc_frequency(field, term) > 0 for field in TEXT_FIELDS)
