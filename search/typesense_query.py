"""Trawl queries and filters as Typesense `q` and `filter_by`.

The query string is read by Trawl's own parser (search.query), so syntax errors are the same
InvalidQuery on both backends; its Whoosh tree is then written as Typesense words (already
analysed: they match `*_terms` tokens), quoted phrases, `-word` exclusions and facet filters.
What Typesense cannot express (OR, wildcards, fuzzy words, a text field prefix) is an
InvalidQuery naming the construct and the backend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from whoosh import query as wq

from search.errors import InvalidQuery
from search.model import SearchRequest
from search.params import ABOUT_PARAMS, FILTER_FACETS
from search.query import TEXT_FIELDS, parse_query
from search.salience import CENTRAL_FIELDS
from search.schema import make_schema

_SCHEMA = make_schema()
_EPOCH = date(1970, 1, 1)
#: the Typesense field a facet filter value is matched against
FILTER_FIELD = {"date": "date_prefix"}


@dataclass
class TypesenseQuery:
    """`q` words, extra `filter_by` clauses from field terms, and the terms to highlight."""

    words: list[str] = field(default_factory=list)
    filters: list[str] = field(default_factory=list)
    terms: set[str] = field(default_factory=set)

    @property
    def q(self) -> str:
        return " ".join(self.words) if any(not w.startswith("-") for w in self.words) else "*"


def translate(text: str) -> TypesenseQuery:
    """The Typesense form of a Trawl query string; raises InvalidQuery."""
    parsed = parse_query(text, _SCHEMA)
    out = TypesenseQuery()
    if parsed.query is not None:
        _add(parsed.query, out, negated=False)
    if out.words and all(w.startswith("-") for w in out.words):
        raise InvalidQuery("the typesense backend needs a word to search for besides "
                           "the excluded ones")
    return out


def _add(node: wq.Query, out: TypesenseQuery, negated: bool) -> None:
    """Translate one node of the parsed query into `out`, by the first case that takes it."""
    for takes, translate in _CASES:
        if takes(node):
            translate(node, out, negated)
            return
    raise InvalidQuery(f"{_describe(node)} is not supported by the typesense backend "
                       "(words, \"phrases\", -exclusions and actor:/place:/date:/country: "
                       "are); use the embedded backend for it")


def _add_all(node: wq.And, out: TypesenseQuery, negated: bool) -> None:
    for sub in node.subqueries:
        _add(sub, out, negated)


def _add_negated(node: wq.Not, out: TypesenseQuery, negated: bool) -> None:
    _add(node.query, out, not negated)


def _add_first(node: wq.Or, out: TypesenseQuery, negated: bool) -> None:
    _add(node.subqueries[0], out, negated)  # the per-field copies of one word or phrase


def _add_word(node: wq.Term, out: TypesenseQuery, negated: bool) -> None:
    out.words.append(("-" if negated else "") + node.text)
    if not negated:
        out.terms.add(node.text)


def _add_phrase(node: wq.Phrase, out: TypesenseQuery, negated: bool) -> None:
    out.words.append(("-" if negated else "") + '"' + " ".join(node.words) + '"')
    if not negated:
        out.terms.update(node.words)


def _add_filter(node: wq.Term, out: TypesenseQuery, negated: bool) -> None:
    out.filters.append(value_filter(node.fieldname, (node.text,), negated))


#: (does the case take this node, how it is translated), in the order they are tried
_CASES = (
    (lambda n: isinstance(n, wq.And), _add_all),
    (lambda n: isinstance(n, wq.Not), _add_negated),
    (lambda n: isinstance(n, wq.Or) and _same_text(n.subqueries), _add_first),
    (lambda n: isinstance(n, wq.Term) and n.fieldname in TEXT_FIELDS and _plain(n), _add_word),
    (lambda n: isinstance(n, wq.Phrase) and n.fieldname in TEXT_FIELDS, _add_phrase),
    (lambda n: isinstance(n, wq.Term) and n.fieldname in FILTER_FACETS, _add_filter),
)


def _plain(node: wq.Term) -> bool:
    return type(node) is wq.Term


def _same_text(nodes: list[wq.Query]) -> bool:
    """The per-field copies the multi-field parser makes of one word or phrase."""
    keys = {(type(n), getattr(n, "text", None), tuple(getattr(n, "words", ()) or ()))
            for n in nodes}
    return len(keys) == 1 and all(getattr(n, "fieldname", None) in TEXT_FIELDS for n in nodes)


def _describe(node: wq.Query) -> str:
    kinds = {wq.Or: "OR", wq.Wildcard: "a wildcard", wq.Prefix: "a wildcard",
             wq.FuzzyTerm: "a fuzzy word (~)"}
    for kind, name in kinds.items():
        if isinstance(node, kind):
            return name
    fieldname = getattr(node, "fieldname", None)
    return f"searching the {fieldname} field" if fieldname else type(node).__name__


def _quoted(value: str) -> str:
    return "`" + value.replace("`", "") + "`"


def value_filter(facet: str, values: tuple[str, ...], negated: bool = False) -> str:
    """`actor:=[`A`,`B`]` (any of the values) or `actor:!=[...]` (none of them)."""
    name = FILTER_FIELD.get(facet, facet)
    return f"{name}:{'!=' if negated else '='}[{','.join(_quoted(v) for v in values)}]"


def request_filters(req: SearchRequest, skip_facet: str | None = None,
                    lift_exclusions: str | None = None) -> list[str]:
    """`filter_by` clauses of a request: facets AND-ed (values OR-ed), exclusions, about,
    the publication range; without `skip_facet`'s selection (disjunctive counts) and
    `lift_exclusions`'s exclusions, as search.filters.Filters.apply."""
    return [*_facet_clauses(req, skip_facet, lift_exclusions), *_about_clauses(req),
            *_published_clause(req)]


def _facet_clauses(req: SearchRequest, skip_facet: str | None,
                   lift_exclusions: str | None) -> list[str]:
    clauses = []
    for facet in FILTER_FACETS:
        if getattr(req, facet) and facet != skip_facet:
            clauses.append(value_filter(facet, getattr(req, facet)))
        if getattr(req, f"not_{facet}") and facet != lift_exclusions:
            clauses.append(value_filter(facet, getattr(req, f"not_{facet}"), negated=True))
    return clauses


def _about_clauses(req: SearchRequest) -> list[str]:
    """ "about" filters read the documents' central entities."""
    clauses = []
    for name in ABOUT_PARAMS:
        if getattr(req, name):
            central = CENTRAL_FIELDS[name.removeprefix("not_").removeprefix("about_")]
            clauses.append(f"{central}:{'!=' if name.startswith('not_') else '='}"
                           f"[{','.join(_quoted(v) for v in getattr(req, name))}]")
    return clauses


def _published_clause(req: SearchRequest) -> list[str]:
    """The publication range in days since 1970, open ends at Typesense's int32 limits."""
    if not (req.date_from or req.date_to):
        return []
    low = (req.date_from - _EPOCH).days if req.date_from else -(2**31) + 2
    high = (req.date_to - _EPOCH).days if req.date_to else 2**31 - 2
    return [f"published_day:[{low}..{high}]"]
