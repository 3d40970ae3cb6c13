"""Evidence of one entity ("why is this a value"): its aliases with counts, country, rules,
documents over time and sample mentions with snippets, for GET /api/entities/{facet}/{name}."""

from __future__ import annotations

import json

import numpy as np

from search.entity_table import ENTITY_FACETS
from search.generation import Generation
from search.timeline import publication_timeline

SAMPLE_DOCUMENTS = 5
SNIPPET_CHARS = 80


def describe_entity(gen: Generation, facet: str, name: str) -> dict | None:
    """The evidence of the entity a name (canonical or any alias) stands for, or None."""
    entities = gen.entities.get(facet)
    ids = gen.facets[facet].lookup(name) if entities else []
    if len(ids) != 1:
        return None
    entity = entities.entities[ids[0]]
    why = dict(entity.why)
    docs = gen.facets[facet].docs_of(ids)
    docs = np.unique(docs[gen.live[docs]])
    mask = np.zeros(gen.doc_count, dtype=bool)
    mask[docs] = True
    timeline, unit = publication_timeline(gen, mask, len(docs), None)
    return {
        "facet": facet, "id": entity.id, "name": entity.name,
        "aliases": [{"name": alias, "documents": count, "why": why.get(alias, "")}
                    for alias, count in entity.aliases],
        "documents": int(len(docs)),
        "country": gen.country_of(entity.name) if facet == "place" else None,
        "corrections": sorted({reason.split()[1] for reason in why.values()
                               if reason.startswith("correction ")}),
        "rules": list(entity.rules),
        "boilerplate": entity.id in gen.boilerplate.get(facet, {}),
        "timeline": timeline, "timeline_unit": unit,
        "mentions": _sample_mentions(gen, set(entity.alias_names), docs, why),
    }


def list_entities(gen: Generation, facet: str, prefix: str = "", limit: int = 20,
                  changed: bool = False) -> list[dict]:
    """Entities of a facet whose name or an alias starts with `prefix` (a word of it), most
    documents first; `changed` keeps those the rules merged or a correction touched."""
    table = gen.facets[facet]
    entities = gen.entities[facet].entities
    ids = table.search_labels(prefix) if prefix.strip() else range(table.size)
    counts = np.diff(table.value_ptr)
    rows = sorted((i for i in ids if not changed or entities[i].rules),
                  key=lambda i: (-int(counts[i]), table.values[i]))[:limit]
    return [{"name": entities[i].name, "documents": int(counts[i]),
             "aliases": [{"name": a, "documents": n} for a, n in entities[i].aliases],
             "rules": list(entities[i].rules)} for i in rows]


def _sample_mentions(gen: Generation, aliases: set[str], docs: np.ndarray,
                     why: dict[str, str]) -> list[dict]:
    """The first mention of the entity in each of the first few documents, with its snippet
    and the rule (or correction) that made that value part of the entity."""
    found = []
    for docnum in docs[:SAMPLE_DOCUMENTS].tolist():
        stored = gen.stored(int(docnum))
        body = stored.get("body", "")
        try:
            mentions = json.loads(stored.get("mentions") or "[]")
        except ValueError:
            mentions = []
        for start, end, kind, value in mentions:
            if kind in ENTITY_FACETS and value in aliases:
                found.append({
                    "document": stored.get("id", ""), "title": stored.get("title", ""),
                    "text": body[start:end], "value": value, "facet": kind,
                    "rule": why.get(value, "its own name"),
                    "snippet": body[max(0, start - SNIPPET_CHARS):end + SNIPPET_CHARS].strip(),
                })
                break
    return found
