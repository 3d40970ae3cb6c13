"""Evidence of one entity ("why is this a value"): its aliases with counts, country, rules,
documents over time and sample mentions with snippets, for GET /api/entities/{facet}/{name}."""

from __future__ import annotations

import json

import numpy as np

from search.generation import Generation
from search.timeline import build_timeline

SAMPLE_DOCUMENTS = 5
SNIPPET_CHARS = 80


def describe_entity(gen: Generation, facet: str, name: str) -> dict | None:
    """The evidence of the entity a name (canonical or any alias) stands for, or None."""
    entities = gen.entities.get(facet)
    ids = gen.facets[facet].lookup(name) if entities else []
    if len(ids) != 1:
        return None
    entity = entities.entities[ids[0]]
    docs = gen.facets[facet].docs_of(ids)
    docs = np.unique(docs[gen.live[docs]])
    mask = np.zeros(gen.doc_count, dtype=bool)
    mask[docs] = True
    timeline, unit = build_timeline(gen.published, mask, None)
    return {
        "facet": facet, "id": entity.id, "name": entity.name,
        "aliases": [{"name": alias, "documents": count} for alias, count in entity.aliases],
        "documents": int(len(docs)),
        "country": gen.country_of(entity.name) if facet == "place" else None,
        "rules": list(entity.rules),
        "boilerplate": entity.id in gen.boilerplate.get(facet, {}),
        "timeline": timeline, "timeline_unit": unit,
        "mentions": _sample_mentions(gen, facet, set(entity.alias_names), docs),
    }


def _sample_mentions(gen: Generation, facet: str, aliases: set[str],
                     docs: np.ndarray) -> list[dict]:
    """The first mention of the entity in each of the first few documents, with its snippet."""
    found = []
    for docnum in docs[:SAMPLE_DOCUMENTS].tolist():
        stored = gen.stored(int(docnum))
        body = stored.get("body", "")
        try:
            mentions = json.loads(stored.get("mentions") or "[]")
        except ValueError:
            mentions = []
        for start, end, kind, value in mentions:
            if kind == facet and value in aliases:
                found.append({
                    "document": stored.get("id", ""), "title": stored.get("title", ""),
                    "text": body[start:end], "value": value,
                    "snippet": body[max(0, start - SNIPPET_CHARS):end + SNIPPET_CHARS].strip(),
                })
                break
    return found
