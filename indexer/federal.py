"""A federation's government named by its common noun (error class 6 of issue 10, mentions tied
to what the document names): "the federal government" in a report on the United States is the
US Government, in one on Australia the Australian Government. News writes it so once the
country is clear, and readers take it so; the mention gets the value the country's own
government has everywhere (`names.national_body`: "US Government", as "the U.S. government"
gets), so one body keeps one value. The country is the one federation (data
`federal_countries`) among the countries of the document's places; with none or several, the
mention is left alone. "a federal government", "the federal government of Iraq" (its own
value) and a span some rule made of the words are left alone too.
"""

from __future__ import annotations

import re

from indexer.names import national_body
from indexer.rule_data import word_list
from indexer.spans import Ent, SpanIndex

#: countries whose national government news calls "the federal government"
FEDERAL_COUNTRIES = frozenset(word_list("federal_countries"))
#: "the federal government" written bare: not "of" a place after it
_FEDERAL = re.compile(r"\b[Tt]he ([Ff]ederal [Gg]overnment)\b(?!\s+of\b|-)")


def federal_government_mentions(text: str, ents: list[Ent], country_of) -> list[Ent]:
    """Mentions of the document's one federation's government ("the federal government"),
    none when the text has no such words or its places name no federation or several."""
    matches = list(_FEDERAL.finditer(text)) if "ederal" in text else []
    if not matches:
        return []
    federations = {e.country for e in ents if e.facet == "place" and e.country in FEDERAL_COUNTRIES}
    if len(federations) != 1:
        return []
    value = national_body(f"Government of {federations.pop()}", country_of)
    taken = SpanIndex(ents)
    return [Ent(m.start(1), m.end(1), m[1], "ORG", facet="actor", value=value, rule="federal",
                fixed=True) for m in matches if not taken.overlaps_range(m.start(1), m.end(1))]
