"""The OpenAPI 3.1 description of the JSON API, written by hand and tested against real responses."""

from __future__ import annotations

import copy
from typing import Any

from search.corrections import MAX_TEXT_CHARS as MAX_CORRECTION_CHARS
from search.corrections import OPS as CORRECTION_OPS
from search.entity_table import ENTITY_FACETS
from search.model import DEFAULT_FACET_SIZE, DEFAULT_SIZE, MAX_FACET_SIZE, MAX_SIZE, SORTS
from search.params import (
    ABOUT_PARAMS,
    BOILERPLATE_MODES,
    FILTER_FACETS,
    MAX_VALUE_CHARS,
    TIMELINE_UNITS,
)
from search.schema import FACETS

API_VERSION = "1.0.0"
STRINGS = {"type": "array", "items": {"type": "string"}}
NULLABLE_STRING = {"type": ["string", "null"]}


def _param(name: str, schema: dict, description: str, *, repeat: bool = False) -> dict:
    if repeat:
        schema = {"type": "array", "items": schema}
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema, **({"style": "form", "explode": True} if repeat else {})}


#: a day, month or year as the date filters take it, or blank (ignored); a day that does not
#: exist (2024-02-30) still matches and is a 400
DATE_SCHEMA = {"type": "string",
               "pattern": r"^\s*(([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
                          r"(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?\s*$"}


def _filter_schema(facet: str) -> dict:
    if facet == "date":
        return DATE_SCHEMA
    return {"type": "string", "maxLength": MAX_VALUE_CHARS}


SEARCH_PARAMETERS = [
    _param("q", {"type": "string"}, "Query: words, AND/OR/NOT, \"phrases\", field:value "
           "(title, source, actor, place), prefix*, fuzzy~, parentheses. Empty: every document."),
    *[_param(f, _filter_schema(f), f"Keep documents with this {f} (repeat: any of them).",
             repeat=True) for f in FILTER_FACETS],
    *[_param(f"not_{f}", _filter_schema(f), f"Drop documents with this {f}.", repeat=True)
      for f in FILTER_FACETS],
    _param("from", DATE_SCHEMA, "Published on or after: YYYY, YYYY-MM or YYYY-MM-DD."),
    _param("to", DATE_SCHEMA, "Published on or before: YYYY, YYYY-MM or YYYY-MM-DD."),
    _param("sort", {"type": "string", "enum": list(SORTS), "default": "relevance"}, "Hit order."),
    _param("page", {"type": "integer", "minimum": 1, "default": 1}, "Page number, from 1."),
    _param("size", {"type": "integer", "minimum": 1, "default": DEFAULT_SIZE},
           f"Hits per page; larger values are clamped to {MAX_SIZE}."),
    _param("facet_size", {"type": "integer", "minimum": 1, "default": DEFAULT_FACET_SIZE},
           f"Values per facet; larger values are clamped to {MAX_FACET_SIZE}."),
    _param("timeline", {"type": "string", "enum": [*TIMELINE_UNITS, "auto"]},
           "Timeline period; chosen from the span of the results when absent."),
    _param("boilerplate", {"type": "string", "enum": list(BOILERPLATE_MODES), "default": "hide"},
           "Show or hide facet values held only through credit lines and platform phrases "
           "(\"Wikinews\", \"said on Twitter\"); hidden values stay filterable."),
    *[_param(name, {"type": "string"},
             ("Drop documents " if name.startswith("not_") else "Keep documents ")
             + f"this {name.rsplit('_', 1)[1]} is central to (named in the title or lead, or "
             "mentioned often); any alias of the entity.", repeat=True)
      for name in ABOUT_PARAMS],
]

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object", "additionalProperties": False, "required": ["error"],
        "properties": {"error": {
            "type": "object", "additionalProperties": False, "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }},
    },
    "FacetValue": {
        "type": "object", "additionalProperties": False,
        "required": ["value", "label", "count", "selected", "excluded", "toggle", "exclude_toggle",
                     "aliases", "boilerplate"],
        "properties": {
            "value": {"type": "string"},
            "label": {"type": "string", "description": "Display text (a place with its country)."},
            "count": {"type": "integer", "minimum": 0},
            "selected": {"type": "boolean"},
            "excluded": {"type": "boolean"},
            "toggle": {"type": "string", "description": "Query string that toggles this value."},
            "exclude_toggle": {"type": "string",
                               "description": "Query string that toggles excluding this value."},
            "aliases": {**STRINGS, "description": "Other names of this entity in the documents "
                                                  "(any of them filters it), most used first."},
            "boilerplate": {"type": "boolean", "description": "Held only through credit lines or "
                                                             "platform phrases."},
        },
    },
    "FilterOffer": {
        "type": "object", "additionalProperties": False,
        "required": ["facet", "value", "label", "count", "toggle"],
        "properties": {
            "facet": {"type": "string", "enum": list(FILTER_FACETS)},
            "value": {"type": "string"}, "label": {"type": "string"},
            "count": {"type": "integer", "minimum": 0,
                      "description": "Documents found once the filter is added."},
            "toggle": {"type": "string", "description": "Query string with the filter added."},
        },
    },
    "FacetCounts": {
        "type": "object", "additionalProperties": False,
        "required": ["values", "truncated", "hidden"],
        "properties": {"values": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                       "truncated": {"type": "boolean"},
                       "hidden": {"type": "integer", "minimum": 0,
                                  "description": "Boilerplate values with matches left out."}},
    },
    "Hit": {
        "type": "object", "additionalProperties": False,
        "required": ["id", "title", "published", "source", "url", "score", "snippets",
                     *FILTER_FACETS],
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"},
            "published": {"type": ["string", "null"], "format": "date"},
            "source": {"type": "string"}, "url": {"type": "string"},
            "score": {"type": ["number", "null"]},
            "snippets": {**STRINGS, "description": "Escaped text; matches in <mark>."},
            **{f: STRINGS for f in FACETS},
            "country": {**STRINGS, "description": "Countries of the hit's places."},
        },
    },
    "TimelineBucket": {
        "type": "object", "additionalProperties": False,
        "required": ["period", "count", "start", "end"],
        "properties": {"period": {"type": "string"}, "count": {"type": "integer", "minimum": 0},
                       "start": {"type": ["string", "null"], "format": "date"},
                       "end": {"type": ["string", "null"], "format": "date"}},
    },
}


QUERY_ECHO = {
    "type": "object", "additionalProperties": False,
    "required": ["q", *FILTER_FACETS, *(f"not_{f}" for f in FILTER_FACETS), "from", "to", "sort",
                 "page", "size", "facet_size", "timeline", "boilerplate", *ABOUT_PARAMS],
    "properties": {
        "q": {"type": "string"},
        **{f: STRINGS for f in FILTER_FACETS},
        **{f"not_{f}": STRINGS for f in FILTER_FACETS},
        "from": {"type": ["string", "null"], "format": "date"},
        "to": {"type": ["string", "null"], "format": "date"},
        "sort": {"type": "string", "enum": list(SORTS)},
        "page": {"type": "integer", "minimum": 1},
        "size": {"type": "integer", "minimum": 1, "maximum": MAX_SIZE},
        "facet_size": {"type": "integer", "minimum": 1, "maximum": MAX_FACET_SIZE},
        "timeline": {"type": ["string", "null"], "enum": [*TIMELINE_UNITS, None]},
        "boilerplate": {"type": "string", "enum": list(BOILERPLATE_MODES)},
        **{name: STRINGS for name in ABOUT_PARAMS},
    },
}

SCHEMAS.update({
    "Query": QUERY_ECHO,
    "SearchResult": {
        "type": "object", "additionalProperties": False,
        "required": ["query", "total", "page", "size", "hits", "facets", "timeline",
                     "timeline_unit", "mentioned_timeline", "suggestion", "filter_offers"],
        "properties": {
            "query": {"$ref": "#/components/schemas/Query"},
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 0},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {
                "type": "object", "additionalProperties": False,
                "required": list(FILTER_FACETS),
                "properties": {f: {"$ref": "#/components/schemas/FacetCounts"}
                               for f in FILTER_FACETS},
            },
            "timeline": {"type": "array", "items": {"$ref": "#/components/schemas/TimelineBucket"}},
            "timeline_unit": {"type": "string", "enum": list(TIMELINE_UNITS)},
            "mentioned_timeline": {"$ref": "#/components/schemas/MentionedTimeline"},
            "suggestion": {**NULLABLE_STRING,
                           "description": "A corrected query when this one finds little."},
            "filter_offers": {
                "type": "array", "items": {"$ref": "#/components/schemas/FilterOffer"},
                "description": "Facet filters the query names (US -> place United States)."},
        },
    },
    "Document": {
        "type": "object", "additionalProperties": False,
        "required": ["id", "title", "text", "published", "source", "url", "meta", *FACETS,
                     "countries", "mentions", "matches"],
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"}, "text": {"type": "string"},
            "published": {"type": ["string", "null"], "format": "date"},
            "source": {"type": "string"}, "url": {"type": "string"},
            "meta": {"type": "object"},
            **{f: STRINGS for f in FACETS},
            "countries": {"type": "object", "additionalProperties": {"type": "string"},
                          "description": "Country of each place value, where known."},
            "mentions": {
                "type": "array",
                "description": "[start, end, facet, value]: character offsets into text.",
                "items": {"type": "array", "minItems": 4, "maxItems": 4,
                          "prefixItems": [{"type": "integer", "minimum": 0},
                                          {"type": "integer", "minimum": 0},
                                          {"type": "string", "enum": list(FACETS)},
                                          {"type": "string"}]},
            },
            "matches": {
                "type": "array",
                "description": "[start, end] of the words of text that the q parameter matches.",
                "items": {"type": "array", "minItems": 2, "maxItems": 2,
                          "items": {"type": "integer", "minimum": 0}},
            },
        },
    },
    "Entity": {
        "type": "object", "additionalProperties": False,
        "required": ["facet", "id", "name", "aliases", "documents", "country", "corrections",
                     "rules", "boilerplate", "timeline", "timeline_unit", "mentions"],
        "properties": {
            "facet": {"type": "string", "enum": list(ENTITY_FACETS)},
            "id": {"type": "integer", "minimum": 0,
                   "description": "Entity id within the served index generation."},
            "name": {"type": "string", "description": "Canonical name."},
            "aliases": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["name", "documents", "why"],
                "properties": {"name": {"type": "string"},
                               "documents": {"type": "integer", "minimum": 0},
                               "why": {"type": "string", "description": "The rule or "
                                       "correction that joined it to the entity ('' for the "
                                       "value the entity started from)."}}}},
            "documents": {"type": "integer", "minimum": 0},
            "country": {"type": ["string", "null"], "description": "Country of a place."},
            "corrections": {**STRINGS, "description": "Ids of the corrections that shaped it."},
            "rules": {**STRINGS, "description": "Merge rules that joined its values "
                                                "(search/entity_rules.py)."},
            "boilerplate": {"type": "boolean"},
            "timeline": {"type": "array", "items": {"$ref": "#/components/schemas/TimelineBucket"}},
            "timeline_unit": {"type": "string"},
            "mentions": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["document", "title", "text", "value", "facet", "rule", "snippet"],
                "properties": {k: {"type": "string"} for k in (
                    "document", "title", "text", "value", "facet", "rule", "snippet")}}},
        },
    },
    "FacetValues": {
        "type": "object", "additionalProperties": False, "required": ["facet", "prefix", "values"],
        "properties": {
            "facet": {"type": "string", "enum": list(FILTER_FACETS)},
            "prefix": {"type": "string"},
            "values": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
        },
    },
    "MentionedTimeline": {
        "description": "Matching documents per period of the dates they mention (a document "
                       "once per period; dates less precise than the unit not placed); the "
                       "bars span the central 96% of the mentions, `earlier`/`later` count the "
                       "documents whose placed dates all fall before/after them.",
        "type": "object", "additionalProperties": False,
        "required": ["unit", "buckets", "earlier", "later"],
        "properties": {
            "unit": {"type": "string", "enum": list(TIMELINE_UNITS)},
            "buckets": {"type": "array", "items": {"$ref": "#/components/schemas/TimelineBucket"}},
            "earlier": {"type": "integer", "minimum": 0},
            "later": {"type": "integer", "minimum": 0},
        },
    },
    "StandOutValue": {
        "type": "object", "additionalProperties": False,
        "required": ["value", "label", "count", "corpus", "lift", "score"],
        "properties": {
            "value": {"type": "string"}, "label": {"type": "string"},
            "count": {"type": "integer", "minimum": 1,
                      "description": "Matching documents holding the value."},
            "corpus": {"type": "integer", "minimum": 1,
                       "description": "Documents of the whole index holding it."},
            "lift": {"type": "number", "description": "Share among the results / share overall."},
            "score": {"type": "number", "minimum": 0,
                      "description": "G-test statistic (log-likelihood ratio); values ranked by it."},
        },
    },
    "StandOut": {
        "type": "object", "additionalProperties": False,
        "required": ["query", "total", "documents", "facets"],
        "properties": {
            "query": {"$ref": "#/components/schemas/Query"},
            "total": {"type": "integer", "minimum": 0},
            "documents": {"type": "integer", "minimum": 0},
            "facets": {"type": "object", "required": list(FACETS),
                       "additionalProperties": False,
                       "properties": {f: {"type": "array",
                                          "items": {"$ref": "#/components/schemas/StandOutValue"}}
                                      for f in FACETS}},
        },
    },
    "Health": {
        "type": "object", "additionalProperties": False,
        "required": ["status", "generation", "commit", "documents", "worker",
                     "corrections"],
        "properties": {"status": {"type": "string", "enum": ["ok"]},
                       "generation": NULLABLE_STRING,
                       "commit": {"type": "integer",
                                  "description": "Whoosh commit number within the generation"},
                       "documents": {"type": "integer", "minimum": 0},
                       "worker": {"type": "integer",
                                  "description": "id of the server process that answered"},
                       "corrections": {
                           "type": ["object", "null"], "additionalProperties": False,
                           "description": "null on a backend without corrections (typesense)",
                           "required": ["version", "entries", "problem"],
                           "properties": {
                               "version": {"type": "string"},
                               "entries": {"type": "integer", "minimum": 0},
                               "problem": {**NULLABLE_STRING, "description":
                                           "Why the corrections file cannot be read (the "
                                           "index is then served without corrections)."}}}},
    },
    "CorrectionEntry": {
        "type": "object", "additionalProperties": False, "required": ["id", "op"],
        "properties": {
            "id": {"type": "string"},
            "op": {"type": "string", "enum": list(CORRECTION_OPS)},
            **{k: {"type": "string"} for k in ("facet", "value", "into", "to", "country",
                                               "name", "target", "when", "via")},
            "status": {"type": "string",
                       "description": "applied, undone, or 'skipped: <why>' (its value is "
                                      "no longer in the index)."},
        },
    },
    "Corrections": {
        "type": "object", "additionalProperties": False,
        "required": ["version", "problem", "edits_enabled", "corrections"],
        "properties": {
            "version": {"type": "string", "description": "Version of the file (also the "
                        "ETag); send it back to refuse an edit made on a stale read."},
            "problem": NULLABLE_STRING,
            "edits_enabled": {"type": "boolean"},
            "corrections": {"type": "array",
                            "items": {"$ref": "#/components/schemas/CorrectionEntry"}},
        },
    },
    "CorrectionRequest": {
        "type": "object", "additionalProperties": False, "required": ["op"],
        "description": "merge: facet, value, into. split: facet, value (an alias). retype: "
                       "facet, value, to. country: facet (place), value, country. drop: "
                       "facet, value. rename: facet, value, name. undo: target (an id; the "
                       "last change when absent). Values are canonical names or any alias.",
        "properties": {
            "op": {"type": "string", "enum": list(CORRECTION_OPS)},
            "facet": {"type": "string", "enum": list(ENTITY_FACETS)},
            "to": {"type": "string", "enum": list(ENTITY_FACETS)},
            **{k: {"type": "string", "maxLength": MAX_CORRECTION_CHARS}
               for k in ("value", "into", "country", "name", "target")},
            "version": {"type": "string", "description": "Refuse the edit (409) unless the "
                        "file is still at this version (or send If-Match)."},
        },
    },
    "CorrectionMade": {
        "type": "object", "additionalProperties": False,
        "required": ["correction", "version", "skipped"],
        "properties": {
            "correction": {"$ref": "#/components/schemas/CorrectionEntry"},
            "version": {"type": "string"},
            "skipped": {"type": "object", "additionalProperties": {"type": "string"},
                        "description": "Earlier corrections this one made inapplicable."},
        },
    },
})


def _json(schema_name: str, description: str) -> dict:
    return {"description": description, "content": {
        "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}}}


ERRORS = {
    "400": _json("Error", "A parameter or the query is malformed; the message says which."),
    "503": _json("Error", "There is no index yet; the message says how to build one."),
}
NOT_FOUND = {"404": _json("Error", "Nothing has that id or name.")}


def _get(summary: str, ok: dict, parameters: list, errors: dict) -> dict:
    return {"get": {"summary": summary, "parameters": parameters,
                    "responses": {"200": ok, **errors}}}


PATHS = {
    "/api/search": _get("Search: one page of hits with facet counts, timeline and suggestion",
                        _json("SearchResult", "The search result."), SEARCH_PARAMETERS, ERRORS),
    "/api/documents/{id}": _get(
        "One document: full text, metadata, facet values and mention offsets",
        _json("Document", "The document."),
        [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
          "description": "Document id; it may contain slashes."},
         _param("q", {"type": "string"}, "A query whose matches in the text are listed.")],
        {**NOT_FOUND, "400": ERRORS["400"], "503": ERRORS["503"]}),
    "/api/facets/{name}": _get(
        "Facet value search: values starting with a prefix, counted under the search parameters",
        _json("FacetValues", "Matching values, most frequent first."),
        [{"name": "name", "in": "path", "required": True,
          "schema": {"type": "string", "enum": list(FILTER_FACETS)}},
         _param("prefix", {"type": "string"}, "Start of the value or of one of its words."),
         *SEARCH_PARAMETERS],
        {**ERRORS, **NOT_FOUND}),
    "/api/entities/{facet}/{name}": _get(
        "An actor or place entity: canonical name, aliases with counts, country, merge rules, "
        "documents over time and sample mentions",
        _json("Entity", "The entity the name (canonical or any alias) stands for."),
        [{"name": "facet", "in": "path", "required": True,
          "schema": {"type": "string", "enum": list(ENTITY_FACETS)}},
         {"name": "name", "in": "path", "required": True, "schema": {"type": "string"},
          "description": "Canonical name or any alias."}],
        {**NOT_FOUND, "503": ERRORS["503"]}),
    "/api/export": _get(
        "Every document matching the search parameters (not one page), streamed",
        {"description": "CSV with a header row (facet values joined by '; '; cells starting "
                        "with = + - @ get a leading '), or JSON lines. Columns: id, title, "
                        "published, source, url, actor, place, date, country, snippet, "
                        "search_url (permalink of the search), index_generation. Named after "
                        "the query (trawl-<query>.csv); the generation is also in the "
                        "X-Trawl-Generation header.",
         "content": {"text/csv": {"schema": {"type": "string"}},
                     "application/x-ndjson": {"schema": {"type": "string"}}}},
        [_param("format", {"type": "string", "enum": ["csv", "jsonl"], "default": "csv"},
                "Output format."),
         _param("bom", {"type": "string", "enum": ["0", "1", "true", "false"], "default": "0"},
                "1: start a CSV with a UTF-8 byte order mark, so Excel reads accents right."),
         *SEARCH_PARAMETERS],
        ERRORS),
    "/api/standout": _get(
        "What stands out: facet values unusually frequent among the matching documents "
        "compared with the whole index (G-test), up to facet_size per facet",
        _json("StandOut", "The unusual values of each facet, most unusual first."),
        [_param("min_count", {"type": "integer", "minimum": 1, "default": 3},
                "Matching documents a value needs to be listed."), *SEARCH_PARAMETERS],
        ERRORS),
    "/api/openapi.json": _get("This description", {"description": "OpenAPI 3.1 document.",
                                                  "content": {"application/json": {}}}, [], {}),
    "/api/corrections": {
        **_get("The entity corrections: every entry with its status, and the file's version",
               _json("Corrections", "The corrections (ETag: the version)."), [],
               {"503": ERRORS["503"]}),
        "post": {
            "summary": "Make a correction (merge, split, retype, country, drop, rename, undo); "
                       "applied at once, no reindexing. Off unless the server runs with "
                       "--allow-edits or TRAWL_EDIT_TOKEN.",
            "parameters": [{"name": "X-Trawl-Edit-Token", "in": "header", "required": False,
                            "schema": {"type": "string"},
                            "description": "Required when the server has TRAWL_EDIT_TOKEN."},
                           {"name": "If-Match", "in": "header", "required": False,
                            "schema": {"type": "string"},
                            "description": "The version read; a stale one is a 409."}],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/CorrectionRequest"}}}},
            "responses": {
                "200": _json("CorrectionMade", "Written and applied."),
                "400": _json("Error", "Bad input: unknown value, a merge across facets, a "
                                      "cycle, a name taken, a malformed field; nothing changed."),
                "403": _json("Error", "Edits are off, the token is missing, or the request "
                                      "came from another site."),
                "409": _json("Error", "The file changed since the version sent, or the file "
                                      "on disk is malformed; nothing changed."),
                "503": ERRORS["503"],
            },
        },
    },
    "/healthz": _get("Health: the index generation served and its document count",
                     _json("Health", "The index is open."), [], {"503": ERRORS["503"]}),
}

_DOCUMENT: dict = {
    "openapi": "3.1.0",
    "info": {
        "title": "Trawl search API",
        "version": API_VERSION,
        "description": "Full-text search with actor, place and date facets over news and "
                       "reports. The web page at / takes the same query parameters.",
    },
    "paths": PATHS,
    "components": {"schemas": SCHEMAS},
}


def openapi_document() -> dict:
    """The API description; a fresh copy each call so no caller can alter the next one's."""
    return copy.deepcopy(_DOCUMENT)
