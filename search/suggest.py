"""'Did you mean': respell the words of a query that finds (almost) nothing.

Whoosh's `correct_query` rewrites the query from its parsed tokens and repeats fields on
multi-field queries ("title:x" came back as "title:x title:x"), so the words of the string
itself are corrected here, keeping the user's operators, quotes and fields untouched. The
nearest words come from the generation's `Speller` (search/speller.py), outside the lock all
searches share, and the work is bounded: at most MAX_RESPELL_WORDS unknown words and
RESPELL_BUDGET_S of time per query, after which no suggestion is offered.
"""

from __future__ import annotations

import re
import time

import numpy as np

from search.errors import InvalidQuery
from search.filters import Filters
from search.generation import Generation
from search.matching import match_query
from search.model import SearchRequest
from search.query import TEXT_FIELDS, parse_query

#: a suggestion is offered when a query finds fewer documents than this
SUGGEST_BELOW_TOTAL = 3
#: a query with more unknown words than this gets no suggestion (it is not a typo)
MAX_RESPELL_WORDS = 8
#: time the respelling of one query may take, whatever its length
RESPELL_BUDGET_S = 0.1
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
    indexed spelling (case of the first letter kept); unchanged when the query holds more
    than MAX_RESPELL_WORDS unknown words or respelling runs out of time."""
    words = [match for match in _WORD.finditer(text) if _respellable(gen, match)]
    if not words or len(words) > MAX_RESPELL_WORDS:
        return text
    deadline = time.monotonic() + RESPELL_BUDGET_S
    pieces, end = [], 0
    for match in words:
        better = gen.speller.nearest(match.group("word"), deadline)
        if better is None:
            continue
        pieces += [text[end:match.start()], _replacement(match, better)]
        end = match.end()
    return "".join(pieces) + text[end:] if pieces else text


def _respellable(gen: Generation, match: re.Match) -> bool:
    """A word of a text field that the index does not know."""
    field, word = match.group("field"), match.group("word")
    if (field and field not in TEXT_FIELDS) or word in _OPERATORS:
        return False
    terms = [token.text for token in gen.schema["body"].analyzer(word)]
    return bool(terms) and not all(_known(gen, term) for term in terms)


def _replacement(match: re.Match, better: str) -> str:
    word, field = match.group("word"), match.group("field")
    if word[:1].isupper():
        better = better[:1].upper() + better[1:]
    return f"{field}:{better}" if field else better


def _known(gen: Generation, term: str) -> bool:
    return any(gen.doc_frequency(field, term) > 0 for field in TEXT_FIELDS)
