"""Reading the query string: validation with positioned messages, then Whoosh's parser.

Whoosh's parser never fails: it silently drops what it cannot read. Analysts need to know
when their query was not understood, so the string is scanned first for the mistakes that
would otherwise be read in a surprising way (unbalanced quotes or parentheses, unknown
field names, leading wildcards that would scan the whole vocabulary, runaway length).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.qparser import AndGroup, FuzzyTermPlugin, MultifieldParser, RangePlugin

from search.errors import InvalidQuery
from search.schema import COUNTRY_FIELD, FACETS

MAX_QUERY_CHARS = 1000
#: largest gap a phrase may allow between its words ("a b"~N); beyond it a phrase is an AND
MAX_PHRASE_SLOP = 100
#: largest edit distance of a fuzzy word (word~N)
MAX_FUZZY_EDITS = 2
#: literal characters required before a * or ? in a word of the text fields
MIN_WILDCARD_PREFIX_CHARS = 2
TEXT_FIELDS = ("title", "body")
QUERY_FIELDS = ("title", "body", "source", *FACETS, COUNTRY_FIELD)
FACET_QUERY_FIELDS = (*FACETS, COUNTRY_FIELD)

_FIELD_PREFIX = re.compile(r"([A-Za-z_]+):(?=[^\s:])")
_EMPTY_FIELD = re.compile(r"(?<![\w:])([A-Za-z_]+):(?=\s|$)")
_LEADING_MINUS = re.compile(r"(?:(?<=\s)|(?<=\()|^)-(?=[\w\"(])")
_WORD = re.compile(r"[^\s()\"]+")
#: an operator with nothing on one side is a word to Whoosh; written in capitals it would be
#: the acronym (search.acronyms), so it is read as the common word it was before
_DANGLING_OPERATOR = re.compile(r"^\s*(AND|OR)(?=\s|$)|(?<=\s)(AND|OR|NOT)\s*$")
_SLOP = re.compile(r'"[^"]*"~(?P<n>\d+)')
_FUZZY = re.compile(r'(?<!")(?<![\w~])[^\s()"~]+~(?P<n>\d+)')
_PARSERS: dict[int, tuple[object, MultifieldParser]] = {}
_PARSE_LOCK = threading.Lock()


@dataclass(frozen=True)
class ParsedQuery:
    """A validated query: the string as typed and its Whoosh query (None = every document)."""

    text: str
    query: wq.Query | None

    @property
    def matches_all(self) -> bool:
        return self.query is None


def parse_query(text: str, schema) -> ParsedQuery:
    """Validate and parse a query string; raises InvalidQuery saying what and where."""
    text = text.strip()
    if not text:
        return ParsedQuery("", None)
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"the query is too long ({len(text)} characters; "
                           f"at most {MAX_QUERY_CHARS})")
    if text in ("*", "*:*"):
        return ParsedQuery(text, None)
    _check_syntax(text)
    _check_costs(text)
    parsed = _parse(schema, text)
    if parsed is wq.NullQuery or isinstance(parsed, wq.qcore._NullQuery):
        raise InvalidQuery(
            f"nothing to search for in {text!r}: very common words (the, and, of...) and "
            "one-letter words are not indexed, and an operator needs words on both sides")
    if _is_every(parsed):
        return ParsedQuery(text, None)
    return ParsedQuery(text, parsed)


def _parse(schema, text: str) -> wq.Query:
    """Whoosh's reading of the query, with '-word' meaning 'NOT word' as in web search."""
    try:
        with _PARSE_LOCK:  # Whoosh parsers and analyzers keep per-call state on the objects
            text = _DANGLING_OPERATOR.sub(lambda m: m.group(0).lower(), text)
            return _parser(schema).parse(_LEADING_MINUS.sub("NOT ", text))
    except (IndexError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InvalidQuery(f"cannot read the query {text!r}: check the operators "
                           "(AND, OR, NOT) and what they apply to") from exc


def _parser(schema) -> MultifieldParser:
    """One parser per schema object (schemas are not hashable: keyed by identity)."""
    cached = _PARSERS.get(id(schema))
    if cached is not None and cached[0] is schema:
        return cached[1]
    parser = MultifieldParser(list(TEXT_FIELDS), schema, group=AndGroup)
    parser.remove_plugin_class(RangePlugin)  # publication ranges are the from/to filters
    parser.add_plugin(FuzzyTermPlugin())
    if len(_PARSERS) >= 16:
        _PARSERS.clear()
    _PARSERS[id(schema)] = (schema, parser)
    return parser


def _is_every(parsed: wq.Query) -> bool:
    if isinstance(parsed, wq.Every):
        return True
    return isinstance(parsed, wq.Or) and all(isinstance(q, wq.Every) for q in parsed.subqueries)


def _check_costs(text: str) -> None:
    """Raise InvalidQuery for the parts whose cost the user sets with a number: a phrase's
    slop ("a b"~N) and a fuzzy word's edit distance (word~N)."""
    for match in _SLOP.finditer(text):
        if int(match.group("n")) > MAX_PHRASE_SLOP:
            raise InvalidQuery(
                f"{match.group(0)!r} at position {match.start() + 1} allows too large a gap "
                f"between the words (at most ~{MAX_PHRASE_SLOP}); to find the words anywhere "
                "in a document, search for them without quotes")
    for match in _FUZZY.finditer(text):
        if int(match.group("n")) > MAX_FUZZY_EDITS:
            raise InvalidQuery(
                f"{match.group(0)!r} at position {match.start() + 1} allows too many "
                f"spelling differences (at most ~{MAX_FUZZY_EDITS})")


def _check_syntax(text: str) -> None:
    """Raise InvalidQuery for unbalanced quotes/parentheses, unknown fields, bad wildcards."""
    outside = _check_quotes(text)
    _check_parentheses(text, outside)
    for match in _FIELD_PREFIX.finditer(text):
        if outside[match.start()] and (match.start() == 0 or not text[match.start() - 1].isalnum()):
            _check_field(match.group(1), match.start())
    for match in _EMPTY_FIELD.finditer(text):
        if outside[match.start()] and match.group(1) in QUERY_FIELDS:
            raise InvalidQuery(f"nothing after {match.group(0)!r} at position {match.start() + 1}"
                               f": write {match.group(1)}:word or {match.group(1)}:\"some words\"")
    for match in _WORD.finditer(text):
        if outside[match.start()]:
            _check_wildcard(match.group(0), match.start())


def _check_quotes(text: str) -> list[bool]:
    """Whether each character lies outside double quotes; raises on an unclosed quote."""
    outside, inside, opened = [], False, -1
    for i, char in enumerate(text):
        if char == '"':
            inside, opened = not inside, i
            outside.append(False)
        else:
            outside.append(not inside)
    if inside:
        raise InvalidQuery(f'unclosed quote: the " at position {opened + 1} has no closing "')
    return outside


def _check_parentheses(text: str, outside: list[bool]) -> None:
    opened: list[int] = []
    for i, char in enumerate(text):
        if not outside[i]:
            continue
        if char == "(":
            opened.append(i)
        elif char == ")":
            if not opened:
                raise InvalidQuery(f'unmatched ")" at position {i + 1}')
            opened.pop()
    if opened:
        raise InvalidQuery(f'unclosed "(" at position {opened[-1] + 1}: add a ")"')


def _check_field(name: str, position: int) -> None:
    if name not in QUERY_FIELDS:
        raise InvalidQuery(
            f"unknown field {name!r} at position {position + 1} (fields: "
            f"{', '.join(QUERY_FIELDS)}); put the text in quotes to search for it as words")


def _check_wildcard(word: str, position: int) -> None:
    if "*" not in word and "?" not in word:
        return
    field, _, value = word.rpartition(":")
    if field in FACET_QUERY_FIELDS or word == "*":
        return  # facet values are few: any pattern is cheap there
    literal = re.split(r"[*?]", value, maxsplit=1)[0]
    if len(literal) < MIN_WILDCARD_PREFIX_CHARS:
        raise InvalidQuery(
            f"wildcard {word!r} at position {position + 1}: put at least "
            f"{MIN_WILDCARD_PREFIX_CHARS} letters before * or ? (a leading wildcard would "
            "scan every word of the index)")
