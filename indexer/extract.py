"""`trawl extract`: what the index would store for each document, as JSON-ready records."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from indexer.document import Document, Facets, Problem
from indexer.failsafe import enrich_safely
from indexer.load import load_paths
from search.schema import FACETS, document_fields

#: called with ("skipped" | "failed", problem) for each input that produced no record
ProblemHandler = Callable[[str, Problem], None]


def extract_records(paths: Sequence[str], enricher, *, explain: bool = False,
                    on_problem: ProblemHandler | None = None) -> Iterator[dict]:
    """Load and enrich the documents under `paths`; one record per document, in input order."""
    report = on_problem or (lambda kind, problem: None)

    def documents() -> Iterator[Document]:
        for item in load_paths(paths):
            if isinstance(item, Problem):
                report("skipped", item)
            else:
                yield item

    for doc, result in enrich_safely(enricher, documents()):
        if isinstance(result, Exception):
            report("failed", Problem(doc.path, None, f"document {doc.id!r} could not be "
                                                     f"enriched: {type(result).__name__}: {result}"))
        else:
            yield extract_record(doc, result, explain=explain)


def extract_record(doc: Document, facets: Facets, *, explain: bool = False) -> dict:
    """id, title, published and the facet values exactly as `document_fields` stores them."""
    fields = document_fields(doc, facets)
    record: dict = {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
    }
    for name in FACETS:
        record[name] = list(fields[name])
    record["countries"] = dict(facets.countries)
    if explain:
        record["explain"] = explain_values(record, facets)
    return record


def explain_values(record: dict, facets: Facets) -> dict:
    """facet -> value -> the body mentions that produced it (empty if only the title had it),
    each with "rule" (the step that last set it: "model", a ruler source or a rule's own
    label) and "rules" (the names of the `RULES` entries that produced or changed it)."""
    explained: dict[str, dict[str, list[dict]]] = {
        name: {value: [] for value in record[name]} for name in FACETS}
    for mention in facets.mentions:
        values = explained.get(mention.facet, {})
        if mention.value in values:
            values[mention.value].append({"text": mention.text, "start": mention.start,
                                          "end": mention.end, "rule": mention.rule,
                                          "rules": list(mention.rules)})
    return explained
