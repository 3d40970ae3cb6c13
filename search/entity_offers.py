"""Filters a query suggests: a query word that is a known entity offers its facet filter.

`US` offers place "United States", `HTS` actor "Hayat Tahrir al-Sham": the evidence is the
index itself - a facet value with that name, or the entity mentions stored with the first
matching documents, where the word as written became a facet value. Each offer carries the
exact number of documents its link finds.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import numpy as np

from search.acronyms import acronym_words
from search.facets import label_of
from search.filters import build_filters
from search.generation import Generation
from search.model import FilterOffer, SearchRequest
from search.params import is_selected, query_string, toggled

#: facets a query word can name (dates are not names)
NAMED_FACETS = ("actor", "place", "country")
MAX_OFFERS = 3
#: matching documents whose stored mentions are read for evidence
EVIDENCE_DOCS = 10
MAX_CANDIDATE_CHARS = 100
_QUOTED = re.compile(r'"([^"]+)"')
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_PLAIN_WORD = re.compile(r"^[\w][\w.'’&-]*$")


def query_candidates(q: str) -> list[str]:
    """Names a query might be: its quoted phrases, the whole plain query, its plain words."""
    phrases = [p.strip() for p in _QUOTED.findall(q)]
    rest = _QUOTED.sub(" ", q)
    words = [w for w in rest.split() if _PLAIN_WORD.match(w) and w not in _OPERATORS]
    whole = [" ".join(words)] if len(words) > 1 and len(words) == len(rest.split()) else []
    seen: dict[str, str] = {}
    for text in (*phrases, *whole, *words):
        if text and len(text) <= MAX_CANDIDATE_CHARS:
            seen.setdefault(text.casefold(), text)
    return list(seen.values())


def offer_filters(gen: Generation, req: SearchRequest, matched: np.ndarray,
                  final: np.ndarray) -> list[FilterOffer]:
    """Up to MAX_OFFERS facet filters named by the query, not already selected, each with
    the number of documents the search finds once it is added."""
    candidates = query_candidates(req.q)
    if not candidates:
        return []
    offers: dict[tuple[str, str], None] = {}
    evidence = None
    for text in candidates:
        named = _facet_values_named(gen, text)
        if not named:
            evidence = evidence if evidence is not None else _mention_evidence(gen, final)
            named = _mentioned_as(evidence, text)
        for key in named:
            if not is_selected(req, *key):
                offers.setdefault(key, None)
    return [_offer(gen, req, matched, facet, value)
            for facet, value in list(offers)[:MAX_OFFERS]]


def _facet_values_named(gen: Generation, text: str) -> list[tuple[str, str]]:
    """(facet, value) of the facet values whose name is `text`, case-insensitively."""
    found = []
    for facet in NAMED_FACETS:
        table = gen.facets[facet]
        found.extend((facet, table.values[v]) for v in table.lookup(text)[:1])
    return found


def _mention_evidence(gen: Generation, final: np.ndarray) -> list[tuple[str, str, str]]:
    """(text as written, facet, value) of the mentions of the first matching documents."""
    found = []
    for docnum in np.flatnonzero(final)[:EVIDENCE_DOCS].tolist():
        stored = gen.stored(docnum)
        body = stored.get("body") or ""
        try:
            mentions = json.loads(stored.get("mentions") or "[]")
        except (TypeError, ValueError):
            continue
        found.extend((body[start:end], facet, value) for start, end, facet, value in mentions
                     if facet in NAMED_FACETS and 0 <= start < end <= len(body))
    return found


def _mentioned_as(evidence: list[tuple[str, str, str]], text: str) -> list[tuple[str, str]]:
    """The value most often made of `text` as written (capitals matter for the acronyms that
    are also common words: "who" is not "WHO")."""
    exact = text.casefold() in acronym_words()
    counts = Counter((facet, value) for written, facet, value in evidence
                     if (written == text if exact else written.casefold() == text.casefold()))
    return [key for key, _ in counts.most_common(1)]


def _offer(gen: Generation, req: SearchRequest, matched: np.ndarray, facet: str,
           value: str) -> FilterOffer:
    after = toggled(req, facet, value)
    count = int(np.count_nonzero(build_filters(gen, after).apply(matched)))
    return FilterOffer(facet=facet, value=value, label=label_of(gen, facet, value),
                       count=count, toggle=query_string(after))
