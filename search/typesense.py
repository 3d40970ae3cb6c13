"""The Typesense backend: search() over a Typesense node or Raft cluster (search.backend).

One request is one multi_search: the page of hits with the counts of facets nothing selects,
the publication days for the timeline, one search per facet with a selection (that facet's
own selection dropped: disjunctive counts), and one count per selected or excluded value.
Snippets come from Trawl's own highlighter over the stored text, so they read the same as
the embedded engine's. Searches go through the client's node list: a node that does not
answer is retried on the next one.
"""

from __future__ import annotations

import json
from urllib.parse import quote, urlsplit

import httpx
import numpy as np
import typesense
from typesense import exceptions as ts_errors

from search.backend import BackendConfig, BackendUnavailable, Unsupported
from search.errors import IndexMissing, InvalidRequest, TrawlError
from search.folding import fold
from search.highlight import Highlighter
from search.model import FacetValue, Hit, SearchRequest, SearchResult
from search.params import FILTER_FACETS
from search.place_countries import countries_of
from search.schema import FACETS, text_analyzer
from search.timeline import build_timeline
from search.typesense_facets import EXTRA_VALUES, FacetPlan, facet_counts, facet_field, facet_value
from search.typesense_query import TypesenseQuery, request_filters, translate, value_filter
from search.typesense_schema import day_to_date

MAX_DOCUMENT_MATCHES = 500
#: publication days one timeline reads (27 years of daily counts)
TIMELINE_MAX_DAYS = 10_000
#: Typesense's largest page
MAX_PER_PAGE = 250
#: per request and node: a refused connection (a dead node) fails at once; a heavy
#: multi-search over 100,000 documents on a busy machine can take seconds
CONNECTION_TIMEOUT_S = 15.0
NUM_RETRIES = 3
RETRY_INTERVAL_S = 0.2
SORT_BY = {"relevance": "_text_match:desc,sort_newest:desc", "newest": "sort_newest:desc",
           "oldest": "sort_oldest:asc"}
HIT_FIELDS = "id,title,body,source,url,published_day,actor,place,date,country,place_country"
_ANALYZER = text_analyzer()


def make_client(config: BackendConfig) -> typesense.Client:
    """A client over every configured node, retrying the next node when one fails."""
    nodes = []
    for url in config.typesense_urls:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        nodes.append({"host": parts.hostname, "port": parts.port or 8108,
                      "protocol": parts.scheme})
    return typesense.Client({"nodes": nodes, "api_key": config.typesense_key,
                             "connection_timeout_seconds": CONNECTION_TIMEOUT_S,
                             "num_retries": NUM_RETRIES,
                             "retry_interval_seconds": RETRY_INTERVAL_S})


#: failures of the nodes (after the client tried each): the cluster is not answering
#: (the client speaks HTTP through httpx, whose connection errors it re-raises)
UNAVAILABLE = (ts_errors.ServiceUnavailable, ts_errors.HTTPStatus0Error, ts_errors.Timeout,
               ts_errors.ServerError, httpx.TransportError)


def call(action, *args, **kwargs):
    """A client call; no node answering is BackendUnavailable, a refused request a
    TrawlError with Typesense's reason (ObjectNotFound passes through for the caller)."""
    try:
        return action(*args, **kwargs)
    except ts_errors.ObjectNotFound:
        raise
    except (*UNAVAILABLE, OSError) as exc:
        if isinstance(exc, ts_errors.TypesenseClientError) and not isinstance(exc, UNAVAILABLE):
            raise TrawlError(f"typesense refused the request: {exc}") from exc
        raise BackendUnavailable(f"typesense did not answer: {type(exc).__name__}: "
                                 f"{exc}") from exc


def _analyze(word: str) -> list[str]:
    return [token.text for token in _ANALYZER(word)]


class TypesenseBackend:
    """Searches the collection behind `config.collection` (an alias) on a Typesense cluster."""

    def __init__(self, client: typesense.Client, config: BackendConfig):
        self.client = client
        self.config = config
        self.alias = config.collection

    @classmethod
    def connect(cls, config: BackendConfig) -> TypesenseBackend:
        backend = cls(make_client(config), config)
        if backend.generation_name() is None:
            raise IndexMissing(f"typesense has no Trawl index named {config.collection!r} "
                               f"at {', '.join(config.typesense_urls)}")
        return backend

    # -- the backend protocol -------------------------------------------------------------
    def search(self, req: SearchRequest) -> SearchResult:
        tq = translate(req.q)
        plan = FacetPlan(req)
        searches = [self._page_search(req, tq, plan), self._timeline_search(req, tq),
                    *(self._search(tq, req, s) for s in plan.searches())]
        main, days, *rest = self._multi(searches)
        published = _timeline_days(days)
        timeline, unit = build_timeline(published, np.ones(len(published), bool), req.timeline)
        highlighter = Highlighter(tq.terms, _analyze)
        return SearchResult(
            request=req,
            total=int(main["found"]),
            hits=[_hit(h, highlighter, req.sort, tq) for h in main.get("hits", [])],
            facets=facet_counts(req, plan, main, rest),
            timeline=timeline,
            timeline_unit=unit,
        )

    def facet_values(self, name: str, prefix: str, req: SearchRequest,
                     limit: int = 20) -> list[FacetValue]:
        if name not in FILTER_FACETS:
            raise InvalidRequest(f"unknown facet {name!r} (facets: {', '.join(FILTER_FACETS)})")
        tq = translate(req.q)
        field = facet_field(name)
        params = self._params(tq, request_filters(req, skip_facet=name))
        params.update(per_page=0, facet_by=field, max_facet_values=max(limit, 1))
        if prefix.strip():
            params["facet_query"] = f"{field}:{prefix.replace(',', ' ').strip()}"
        (found,) = self._multi([params])
        values = [facet_value(req, name, entry["value"], int(entry["count"]))
                  for entry in found.get("facet_counts", [{}])[0].get("counts", [])]
        listed = {fold(v.value) for v in values}
        values += [facet_value(req, name, asked, 0)  # selected or excluded: always listed
                   for asked in (*getattr(req, name), *getattr(req, f"not_{name}"))
                   if fold(asked) not in listed and _starts_word(asked, prefix)]
        values.sort(key=lambda v: (-v.count, fold(v.value), v.value))
        return values[:max(limit, 0)]

    def get_document(self, doc_id: str, q: str = "") -> dict | None:
        try:
            # the client puts the id in the URL as it is: "reports/a" would be another path
            doc = call(self.client.collections[self.alias].documents[quote(doc_id, safe="")]
                       .retrieve)
        except ts_errors.ObjectNotFound:
            return None
        body = doc.get("body", "")
        matches = []
        if q.strip():
            highlighter = Highlighter(translate(q).terms, _analyze)
            matches = [list(span) for span in highlighter.spans(body, MAX_DOCUMENT_MATCHES)]
        return {
            "id": doc["id"], "title": doc.get("title", ""), "text": body,
            "published": day_to_date(doc.get("published_day")),
            "source": doc.get("source", ""), "url": doc.get("url", ""),
            "meta": _json(doc.get("meta"), {}),
            **{facet: list(doc.get(facet) or []) for facet in FACETS},
            "countries": _json(doc.get("place_country"), {}),
            "mentions": _json(doc.get("mentions"), []),
            "matches": matches,
        }

    def more_like_this(self, doc_id: str, n: int = 5) -> list[Hit]:
        """Documents sharing the most actors and places with this one, newest first on ties
        (ranked here among the 250 newest documents sharing any)."""
        doc = self.get_document(doc_id)
        if doc is None or not (doc["actor"] or doc["place"]):
            return []
        shared = [value_filter(f, tuple(doc[f])) for f in ("actor", "place") if doc[f]]
        params = {"q": "*", "query_by": "title_terms", "sort_by": SORTS_NEWEST,
                  "filter_by": " || ".join(shared), "per_page": MAX_PER_PAGE,
                  "include_fields": HIT_FIELDS}
        (found,) = self._multi([params])
        own = {f: set(doc[f]) for f in ("actor", "place")}
        hits = [h["document"] for h in found.get("hits", []) if h["document"]["id"] != doc_id]
        ranked = sorted(hits, key=lambda d: -sum(len(own[f] & set(d.get(f) or []))
                                                 for f in own))[:n]
        empty = Highlighter((), _analyze)
        return [_hit({"document": d}, empty, "newest", TypesenseQuery()) for d in ranked]

    def document_count(self) -> int:
        name = self.generation_name()
        if name is None:
            return 0
        return int(call(self.client.collections[name].retrieve)["num_documents"])

    def generation_name(self) -> str | None:
        """The collection the alias points to (a new one after each --rebuild)."""
        try:
            return call(self.client.aliases[self.alias].retrieve)["collection_name"]
        except ts_errors.ObjectNotFound:
            return None

    def generation(self):
        """Entity pages and 'what stands out' read the embedded engine's tables."""
        raise Unsupported("entity pages and 'what stands out' need the embedded backend "
                          "(--backend whoosh); the typesense backend serves searches, "
                          "facets, documents and exports")

    # -- requests -------------------------------------------------------------------------
    def _params(self, tq: TypesenseQuery, filters: list[str]) -> dict:
        params = {"q": tq.q, "query_by": "title_terms,body_terms", "query_by_weights": "2,1",
                  "prefix": "false", "num_typos": 0, "drop_tokens_threshold": 0,
                  "typo_tokens_threshold": 0, "split_join_tokens": "off",
                  "highlight_fields": "none"}
        clauses = [*tq.filters, *filters]
        if clauses:
            params["filter_by"] = " && ".join(clauses)
        return params

    def _page_search(self, req: SearchRequest, tq: TypesenseQuery, plan: FacetPlan) -> dict:
        params = self._params(tq, request_filters(req))
        params.update(per_page=min(req.size, MAX_PER_PAGE), page=req.page,
                      sort_by=SORT_BY[req.sort], include_fields=HIT_FIELDS)
        if plan.plain_facets:
            params.update(facet_by=",".join(plan.plain_facets),
                          max_facet_values=req.facet_size + EXTRA_VALUES)
        return params

    def _timeline_search(self, req: SearchRequest, tq: TypesenseQuery) -> dict:
        params = self._params(tq, request_filters(req))
        params.update(per_page=0, facet_by="published_day", max_facet_values=TIMELINE_MAX_DAYS)
        return params

    def _search(self, tq: TypesenseQuery, req: SearchRequest, spec: dict) -> dict:
        params = self._params(tq, spec["filters"])
        params.update(per_page=0)
        if spec.get("facet_by"):
            params.update(facet_by=spec["facet_by"],
                          max_facet_values=req.facet_size + EXTRA_VALUES)
        return params

    def _multi(self, searches: list[dict]) -> list[dict]:
        for search in searches:
            search["collection"] = self.alias
        answer = call(self.client.multi_search.perform, {"searches": searches}, {})
        results = answer["results"]
        for result in results:
            if "error" in result:
                raise _error(result)
        return results


SORTS_NEWEST = SORT_BY["newest"]


def _starts_word(value: str, prefix: str) -> bool:
    """Whether `value` or a word of it starts with `prefix` (case and accents ignored)."""
    start = fold(prefix.strip())
    return any(word.startswith(start) for word in [fold(value), *fold(value).split()])


def _error(result: dict) -> TrawlError:
    if result.get("code") == 404:
        return IndexMissing(f"typesense: {result['error']}")
    return BackendUnavailable(f"typesense: {result['error']}")


def _timeline_days(result: dict) -> np.ndarray:
    """One entry per matching dated document: its publication day (as build_timeline reads)."""
    counts = result.get("facet_counts", [{}])[0].get("counts", [])
    days = np.array([int(c["value"]) for c in counts], dtype=np.int64)
    return np.repeat(days, [int(c["count"]) for c in counts])


def _hit(found: dict, highlighter: Highlighter, sort: str, tq: TypesenseQuery) -> Hit:
    doc = found["document"]
    scored = sort == "relevance" and tq.q != "*" and "text_match" in found
    return Hit(
        id=doc["id"], title=doc.get("title", ""),
        published=day_to_date(doc.get("published_day")),
        source=doc.get("source", ""), url=doc.get("url", ""),
        score=float(found["text_match"]) if scored else None,
        snippets=highlighter.snippets(doc.get("body", "")),
        actor=list(doc.get("actor") or []), place=list(doc.get("place") or []),
        date=list(doc.get("date") or []), country=countries_of(doc),
    )


def _json(raw, default):
    try:
        return json.loads(raw) if raw else default
    except (TypeError, ValueError):
        return default
