"""The documents a text query matches, as a boolean mask, with BM25F scores, in numpy.

Whoosh's collectors score every match one Python call at a time and cannot hand back the
whole match set cheaply; facet counts need exactly that set. So the query tree Whoosh's
parser builds is evaluated here over cached posting arrays: AND/OR/NOT become mask
operations, scores are Whoosh's BM25F formula computed for all matches at once, phrases
are verified on the positions of their candidate documents only.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field

import numpy as np
from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.support.levenshtein import distance

from search.errors import InvalidQuery
from search.folding import fold
from search.generation import SCORED_FIELDS, Generation
from search.phrase import phrase_documents
from search.query import FACET_QUERY_FIELDS, ParsedQuery

BM25_B, BM25_K1 = 0.75, 1.2
#: a wildcard or fuzzy term may stand for at most this many words of the index
MAX_EXPANDED_TERMS = 2000
SCORE_DTYPE = np.float32


@dataclass
class Match:
    """Documents matching a text query (deleted ones excluded) and their scores."""

    mask: np.ndarray
    scores: np.ndarray | None  # None: every match scores the same (e.g. the empty query)
    terms: frozenset[str] = field(default_factory=frozenset)  # text terms to highlight
    count: int = 0


def match_query(gen: Generation, parsed: ParsedQuery) -> Match:
    """Evaluate a parsed query on a generation (cached per generation and query)."""
    if parsed.matches_all:
        return Match(gen.live, None, frozenset(), gen.live_count)
    return gen.queries.get(("match", repr(parsed.query)), lambda: _evaluate(gen, parsed.query))


def _evaluate(gen: Generation, query: wq.Query) -> Match:
    evaluator = _Evaluator(gen, within=_matches_first(gen, query))
    mask, scores = evaluator.eval(query)
    mask = mask & gen.live
    if scores is not None:
        scores = np.where(mask, scores, 0).astype(SCORE_DTYPE, copy=False)
    return Match(mask, scores, frozenset(evaluator.terms), int(mask.sum()))


def _matches_first(gen: Generation, query: wq.Query) -> np.ndarray | None:
    """The documents a conjunction of words matches, found without scoring (their masks
    only), so that its words are then scored in those documents only: a score counts only
    where the whole query matches (_evaluate), and a frequent word ANDed with a rarer one
    holds many documents the query does not match. None for any other query."""
    if not isinstance(query, _CONJUNCTIONS) or not _words_only(query):
        return None
    return _Evaluator(gen, scoring=False).eval(query)[0]


def _words_only(q: wq.Query) -> bool:
    """Whether a query is made of single terms only (whose masks cost no more than reading
    their postings: no phrase or expansion evaluated twice)."""
    if isinstance(q, wq.Term):
        return True
    if isinstance(q, _COMBINATIONS):
        return all(_words_only(child) for child in q.children())
    return False


class _Evaluator:
    """Walks a Whoosh query tree; each node gives (mask, scores or None). Without
    `scoring`, terms give no scores; with `within`, terms are scored in those documents
    only (elsewhere their score stays 0)."""

    def __init__(self, gen: Generation, scoring: bool = True, within: np.ndarray | None = None):
        self.gen = gen
        self.size = gen.doc_count
        self.terms: set[str] = set()
        self._negated = 0
        self.scoring = scoring
        self.within = within

    def eval(self, q: wq.Query) -> tuple[np.ndarray, np.ndarray | None]:
        for kind, method in _DISPATCH:
            if isinstance(q, kind):
                return getattr(self, method)(q)
        return self._fallback(q)

    def _none(self) -> tuple[np.ndarray, None]:
        return np.zeros(self.size, dtype=bool), None

    def _nothing(self, q: wq.Query) -> tuple[np.ndarray, None]:
        return self._none()

    def _all(self, q: wq.Query) -> tuple[np.ndarray, None]:
        return self.gen.live.copy(), None

    def _and(self, q: wq.Query) -> tuple[np.ndarray, np.ndarray | None]:
        positive = [s for s in q.subqueries if not isinstance(s, wq.Not)]
        negative = [s.query for s in q.subqueries if isinstance(s, wq.Not)]
        mask, scores = self.eval(positive[0]) if positive else self._all(q)
        for sub in positive[1:]:
            sub_mask, sub_scores = self.eval(sub)
            mask &= sub_mask
            scores = _add(scores, sub_scores)
        for sub in negative:
            mask &= ~self._eval_negated(sub)
        return mask, scores

    def _or(self, q: wq.Query) -> tuple[np.ndarray, np.ndarray | None]:
        mask, scores = self._none()
        for sub in q.subqueries:
            sub_mask, sub_scores = self.eval(sub)
            mask |= sub_mask
            scores = _add(scores, sub_scores)
        return mask, scores

    def _not(self, q: wq.Not) -> tuple[np.ndarray, None]:
        return ~self._eval_negated(q.query), None

    def _eval_negated(self, q: wq.Query) -> np.ndarray:
        self._negated += 1
        try:
            return self.eval(q)[0]
        finally:
            self._negated -= 1

    def _and_not(self, q: wq.AndNot) -> tuple[np.ndarray, np.ndarray | None]:
        mask, scores = self.eval(q.a)
        return mask & ~self._eval_negated(q.b), scores

    def _and_maybe(self, q: wq.AndMaybe) -> tuple[np.ndarray, np.ndarray | None]:
        mask, scores = self.eval(q.a)
        _, extra = self.eval(q.b)
        return mask, _add(scores, extra)

    def _require(self, q: wq.Require) -> tuple[np.ndarray, np.ndarray | None]:
        mask, scores = self.eval(q.a)
        return mask & self.eval(q.b)[0], scores

    def _constant(self, q: wq.WrappingQuery) -> tuple[np.ndarray, np.ndarray]:
        mask, _ = self.eval(q.child)
        return mask, mask * SCORE_DTYPE(getattr(q, "score", 1.0))

    def _term(self, q: wq.Term) -> tuple[np.ndarray, np.ndarray | None]:
        if q.fieldname in FACET_QUERY_FIELDS:
            return self._facet_values(q.fieldname, self._facet_ids(q.fieldname, q.text), q.boost)
        text = _as_text(q.text)
        if q.fieldname not in SCORED_FIELDS:
            return self._none()
        self._remember(q.fieldname, text)
        docnums, weights = self.gen.postings(q.fieldname, text)
        mask = np.zeros(self.size, dtype=bool)
        mask[docnums] = True
        if not self.scoring:
            return mask, None
        if self.within is not None:
            scored = self.within[docnums]
            docnums, weights = docnums[scored], weights[scored]
        scores = np.zeros(self.size, dtype=SCORE_DTYPE)
        scores[docnums] = self._bm25(q.fieldname, text, docnums, weights) * q.boost
        return mask, scores

    def _bm25(self, fieldname: str, text: str, docnums: np.ndarray,
              weights: np.ndarray) -> np.ndarray:
        """Whoosh's BM25F for one term, for all its documents at once."""
        gen = self.gen
        idf = np.log(gen.doc_count / (gen.doc_frequency(fieldname, text) + 1)) + 1
        k1_norm = gen.derived(("bm25 length norms", fieldname), lambda: length_norms(gen, fieldname))
        return (idf * (weights * (BM25_K1 + 1)) / (weights + k1_norm[docnums])).astype(SCORE_DTYPE)

    def _facet_ids(self, fieldname: str, text: str) -> list[int]:
        table = self.gen.facets[fieldname]
        text = _as_text(text)
        return table.lookup_prefix_date(text) if fieldname == "date" else table.lookup(text)

    def _facet_values(self, fieldname: str, ids: list[int],
                      boost: float) -> tuple[np.ndarray, np.ndarray]:
        mask = self.gen.facets[fieldname].mask_of(ids, self.size)
        return mask, mask * SCORE_DTYPE(boost)

    def _phrase(self, q: wq.Phrase) -> tuple[np.ndarray, np.ndarray | None]:
        """Documents holding the words in order (see search.phrase), scored like an AND."""
        words = [_as_text(w) for w in q.words]
        if q.fieldname in FACET_QUERY_FIELDS:
            return self._facet_values(q.fieldname, self._facet_ids(q.fieldname, " ".join(words)),
                                      q.boost)
        if len(words) == 1 or q.fieldname not in SCORED_FIELDS:
            return self._term(wq.Term(q.fieldname, words[0], boost=q.boost))
        keep, postings = phrase_documents(self.gen, q.fieldname, words, max(q.slop, 1))
        mask = np.zeros(self.size, dtype=bool)
        mask[keep] = True
        scores = np.zeros(self.size, dtype=SCORE_DTYPE)
        for word, posting in zip(words, postings, strict=True):
            self._remember(q.fieldname, word)
            rows = np.searchsorted(posting.docnums, keep)
            scores[keep] += self._bm25(q.fieldname, word, keep, posting.weights[rows])
        return mask, scores * SCORE_DTYPE(q.boost)

    def _multi(self, q: wq.MultiTerm) -> tuple[np.ndarray, np.ndarray]:
        """Wildcard, prefix and fuzzy terms: the union of the words they stand for, each
        match scoring the term's boost (as Whoosh's constant-score expansions do)."""
        if q.fieldname in FACET_QUERY_FIELDS:
            return self._facet_values(q.fieldname, self._facet_pattern(q), q.boost)
        mask = np.zeros(self.size, dtype=bool)
        if q.fieldname not in SCORED_FIELDS:
            return mask, mask.astype(SCORE_DTYPE)
        for text in self._expand(q):
            self._remember(q.fieldname, text)
            mask[self.gen.postings(q.fieldname, text)[0]] = True
        return mask, mask * SCORE_DTYPE(q.boost)

    def _expand(self, q: wq.MultiTerm) -> list[str]:
        """The indexed words a multi-term stands for.

        Fuzzy terms keep their first letter (a fuzzy match over the whole vocabulary costs
        ten times more) and are matched against the field's own (stemmed) terms: Whoosh's
        segment readers look in the unstemmed spelling words, which are not in the postings.
        """
        with self.gen.lock:
            if isinstance(q, wq.FuzzyTerm):
                texts = IndexReader.terms_within(self.gen.reader, q.fieldname, q.text, q.maxdist,
                                                 prefix=max(q.prefixlength, 1))
            else:
                texts = (text for _, text in q.expanded_terms(self.gen.reader))
            return [_as_text(t) for t in _limited(texts, q)]

    def _facet_pattern(self, q: wq.MultiTerm) -> list[int]:
        """Facet values matching a wildcard/prefix/fuzzy term, case-insensitively."""
        table = self.gen.facets[q.fieldname]
        if isinstance(q, wq.Prefix):
            wanted = q.text.casefold()
            return [i for i, v in enumerate(table.values) if v.casefold().startswith(wanted)]
        if isinstance(q, wq.Wildcard):
            pattern = q.text.casefold()
            return [i for i, v in enumerate(table.values)
                    if fnmatch.fnmatchcase(v.casefold(), pattern)]
        wanted = fold(q.text)
        maxdist = getattr(q, "maxdist", 1)
        return [i for i, v in enumerate(table.folded)
                if v[:1] == wanted[:1] and distance(v, wanted, limit=maxdist) <= maxdist]

    def _remember(self, fieldname: str, text: str) -> None:
        if not self._negated and fieldname in ("title", "body"):
            self.terms.add(text)

    def _fallback(self, q: wq.Query) -> tuple[np.ndarray, None]:
        """Any other query type: let Whoosh find its documents (no scores)."""
        mask = np.zeros(self.size, dtype=bool)
        with self.gen.lock:
            docs = np.fromiter(self.gen.searcher.docs_for_query(q), dtype=np.int64)
        mask[docs] = True
        return mask, None


_DISPATCH = (
    (wq.qcore._NullQuery, "_nothing"),
    (wq.Every, "_all"),
    (wq.Not, "_not"),
    (wq.AndNot, "_and_not"),
    (wq.AndMaybe, "_and_maybe"),
    (wq.Require, "_require"),
    (wq.And, "_and"),
    (wq.Or, "_or"),
    (wq.DisjunctionMax, "_or"),
    (wq.ConstantScoreQuery, "_constant"),
    (wq.Phrase, "_phrase"),
    (wq.Term, "_term"),
    (wq.MultiTerm, "_multi"),
)


def length_norms(gen: Generation, fieldname: str) -> np.ndarray:
    """BM25_K1 times the length normalisation of BM25F, per document (float32, computed as
    Whoosh's scorer computes it for one document)."""
    norm = (1 - BM25_B) + BM25_B * gen.lengths[fieldname] / gen.average_length[fieldname]
    return BM25_K1 * norm


_CONJUNCTIONS = (wq.And, wq.AndNot, wq.Require)
_COMBINATIONS = (wq.And, wq.Or, wq.Not, wq.AndNot, wq.AndMaybe, wq.Require, wq.DisjunctionMax)


def _add(a: np.ndarray | None, b: np.ndarray | None) -> np.ndarray | None:
    """a + b, in place in `a`; None stands for no scores. Every node's arrays are its own
    (each eval() returns new arrays), so `b` may become the sum."""
    if a is None:
        return b
    if b is not None:
        a += b
    return a


def _as_text(text: str | bytes) -> str:
    return text.decode("utf-8") if isinstance(text, bytes) else text


def _limited(texts, q: wq.Query) -> list:
    found = []
    for text in texts:
        found.append(text)
        if len(found) > MAX_EXPANDED_TERMS:
            raise InvalidQuery(f"{q.text!r} stands for more than {MAX_EXPANDED_TERMS} words "
                               "of the index; make it more precise")
    return found
