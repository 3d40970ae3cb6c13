"""SearchResult -> the JSON API body. The web page renders the same SearchResult."""

from __future__ import annotations

from datetime import date

from search.model import FacetCounts, FacetValue, FilterOffer, Hit, SearchResult, TimelineBucket
from search.params import echo
from search.standout import StandOutResult


def result_to_json(result: SearchResult) -> dict:
    """The JSON body of /api/search: request echo, total, hits, facets, timeline, suggestion."""
    req = result.request
    return {
        "query": echo(req),
        "total": result.total,
        "page": req.page,
        "size": req.size,
        "hits": [hit_to_json(hit) for hit in result.hits],
        "facets": {name: facet_to_json(counts) for name, counts in result.facets.items()},
        "timeline": [bucket_to_json(b) for b in result.timeline],
        "timeline_unit": result.timeline_unit,
        "mentioned_timeline": mentioned_to_json(result.mentioned),
        "suggestion": result.suggestion,
        "filter_offers": [offer_to_json(o) for o in result.filter_offers],
    }


def offer_to_json(offer: FilterOffer) -> dict:
    return {"facet": offer.facet, "value": offer.value, "label": offer.label,
            "count": offer.count, "toggle": offer.toggle}


def hit_to_json(hit: Hit) -> dict:
    return {
        "id": hit.id,
        "title": hit.title,
        "published": _iso(hit.published),
        "source": hit.source,
        "url": hit.url,
        "score": hit.score,
        "snippets": list(hit.snippets),
        "actor": list(hit.actor),
        "place": list(hit.place),
        "date": list(hit.date),
        "country": list(hit.country),
    }


def facet_to_json(counts: FacetCounts) -> dict:
    return {"values": [value_to_json(v) for v in counts.values], "truncated": counts.truncated,
            "hidden": counts.hidden}


def value_to_json(value: FacetValue) -> dict:
    return {
        "value": value.value,
        "label": value.label,
        "count": value.count,
        "selected": value.selected,
        "excluded": value.excluded,
        "toggle": value.toggle,
        "exclude_toggle": value.exclude_toggle,
        "aliases": list(value.aliases),
        "boilerplate": value.boilerplate,
    }


def mentioned_to_json(mentioned) -> dict | None:
    if mentioned is None:
        return None
    return {"unit": mentioned.unit, "buckets": [bucket_to_json(b) for b in mentioned.buckets],
            "earlier": mentioned.earlier, "later": mentioned.later}


def bucket_to_json(bucket: TimelineBucket) -> dict:
    return {"period": bucket.period, "count": bucket.count,
            "start": _iso(bucket.start), "end": _iso(bucket.end)}


def entity_to_json(entity: dict) -> dict:
    """The JSON body of /api/entities/{facet}/{name}."""
    return {**entity, "timeline": [bucket_to_json(b) for b in entity["timeline"]]}


def document_to_json(document: dict) -> dict:
    """A get_document() dict with its date as an ISO string."""
    return {**document, "published": _iso(document.get("published"))}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def standout_to_json(result: StandOutResult) -> dict:
    """The JSON body of /api/standout: per facet, the unusual values with their evidence."""
    return {
        "query": echo(result.request),
        "total": result.total,
        "documents": result.documents,
        "facets": {facet: [{"value": v.value, "label": v.label, "count": v.count,
                            "corpus": v.corpus, "lift": v.lift, "score": v.score}
                           for v in values]
                   for facet, values in result.facets.items()},
    }
