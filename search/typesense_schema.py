"""Trawl's documents as Typesense documents: the collection schema and the field mapping.

Text is indexed pre-analysed: `title_terms` and `body_terms` hold the tokens Trawl's own
analyzer makes (stems, folded accents, acronyms kept), and queries are analysed the same
way (search.typesense_query), so a word matches the same documents on both backends.
Typesense only sees whole tokens: prefix search and typo tolerance are switched off.
The stored `title`, `body` and JSON fields are kept unindexed for display and highlighting.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from search.facets import LABEL_SEPARATOR
from search.folding import fold
from search.salience import CENTRAL_FIELDS
from search.schema import COUNTRY_FIELD, FACETS, text_analyzer

#: days since 1970 for documents without a publication date, in each sort direction
UNDATED_NEWEST, UNDATED_OLDEST = -(2**31) + 1, 2**31 - 1
_EPOCH = date(1970, 1, 1)
#: stored, unindexed string fields of the contract (search.schema.document_fields)
STORED_ONLY = ("title", "body", "source", "url", "path", "content_hash", "place_country",
               "meta", "mentions")
FACET_FIELDS = (*FACETS, COUNTRY_FIELD)
_ANALYZER = text_analyzer()
#: split facet values into words here too, so a facet value search for "ass" finds
#: "Bashar al-Assad" (search.facet_table's word starts); text fields are pre-analysed
TOKEN_SEPARATORS = ("-", "/", ".", "'")


def collection_schema(name: str) -> dict:
    """The Typesense collection for a Trawl index named `name`."""
    fields = [{"name": f, "type": "string", "index": False, "optional": True}
              for f in STORED_ONLY]
    fields += [{"name": "title_terms", "type": "string"},
               {"name": "body_terms", "type": "string"},
               {"name": "place_label", "type": "string[]", "facet": True, "optional": True},
               {"name": "date_prefix", "type": "string[]", "facet": True, "optional": True},
               {"name": "published_day", "type": "int32", "facet": True, "optional": True},
               {"name": "sort_newest", "type": "int32"},
               {"name": "sort_oldest", "type": "int32"}]
    fields += [{"name": f, "type": "string[]", "facet": True, "optional": True}
               for f in FACET_FIELDS]
    fields += [{"name": f, "type": "string[]", "optional": True}
               for f in CENTRAL_FIELDS.values()]
    return {"name": name, "fields": fields, "default_sorting_field": "sort_newest",
            "token_separators": list(TOKEN_SEPARATORS)}


def analysed(text: str) -> str:
    """The tokens Trawl's text analyzer makes of `text`, separated by spaces."""
    return " ".join(token.text for token in _ANALYZER(text or ""))


def to_document(fields: dict) -> dict:
    """The Typesense document of a `search.schema.document_fields` dict."""
    doc = {name: fields.get(name) or "" for name in STORED_ONLY}
    doc["id"] = fields["id"]
    doc["title_terms"] = analysed(fields.get("title", ""))
    doc["body_terms"] = analysed(fields.get("body", ""))
    for name in (*FACET_FIELDS, *CENTRAL_FIELDS.values()):
        doc[name] = list(fields.get(name) or [])
    doc["date_prefix"] = sorted({v[:n] for v in doc["date"] for n in (4, 7, 10) if len(v) >= n})
    doc["place_label"] = place_labels(doc["place"], json.loads(fields.get("place_country") or "{}"))
    day = _day(fields.get("published"))
    if day is not None:
        doc["published_day"] = day
    doc["sort_newest"] = UNDATED_NEWEST if day is None else day
    doc["sort_oldest"] = UNDATED_OLDEST if day is None else day
    return doc


def place_labels(places: list[str], countries: dict[str, str]) -> list[str]:
    """"Aleppo · Syria" for each place with a country (search.facets.label_of's form)."""
    labels = []
    for place in places:
        country = countries.get(place)
        has_own = country and fold(country) != fold(place)
        labels.append(f"{place}{LABEL_SEPARATOR}{country}" if has_own else place)
    return labels


def value_of_label(label: str) -> str:
    """The place of a place label (the part before the country)."""
    return label.rsplit(LABEL_SEPARATOR, 1)[0]


def _day(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    return (value - _EPOCH).days


def day_to_date(day: int | None) -> date | None:
    if day is None:
        return None
    return date.fromordinal(_EPOCH.toordinal() + int(day))
