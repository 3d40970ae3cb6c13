"""Helpers for the builder and CLI tests: a tiny rule-based pipeline, corpora, index readers."""

from __future__ import annotations

import json
from pathlib import Path

from search import store

#: what the tiny pipeline recognises (a rule-based stand-in for the statistical NER)
PATTERNS = [
    {"label": "GPE", "pattern": "Aleppo"},
    {"label": "GPE", "pattern": "Hama"},
    {"label": "ORG", "pattern": "Hayat Tahrir al-Sham"},
    {"label": "PERSON", "pattern": "Bashar al-Assad"},
    {"label": "DATE", "pattern": "29 November 2024"},
]


#: the bodies of the three reports of the build tests' `corpus` fixture (conftest.py)
BODY_A = "Hayat Tahrir al-Sham entered Aleppo on 29 November 2024."
BODY_B = "Government troops left Hama."
BODY_C = "Bashar al-Assad spoke in Aleppo."


def counts(report) -> dict:
    """A build report's counters, for comparing whole runs."""
    return {k: getattr(report, k) for k in
            ("indexed", "unchanged", "skipped", "failed", "pruned", "documents", "rebuilt")}


def tiny_nlp():
    """spaCy's blank English with an entity ruler named "ner" (what Trawl's loader requires)."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(PATTERNS)
    return nlp


def save_tiny_model(path: Path) -> Path:
    """The tiny pipeline on disk, for `--model PATH`."""
    tiny_nlp().to_disk(path)
    return path


class CountingEnricher:
    """Wraps a real Enricher and records the ids of the documents it was asked to enrich."""

    def __init__(self, inner, fail_ids: tuple[str, ...] = ()):
        self.inner = inner
        self.fail_ids = set(fail_ids)
        self.enriched: list[str] = []

    def enrich(self, docs):
        for doc, facets in self.inner.enrich(docs):
            if doc.id in self.fail_ids:
                raise ValueError(f"cannot enrich {doc.id}")
            self.enriched.append(doc.id)
            yield doc, facets


def write_md(folder: Path, name: str, title: str, body: str, published: str = "2024-11-30",
             doc_id: str | None = None) -> Path:
    """A Markdown report with front matter."""
    folder.mkdir(parents=True, exist_ok=True)
    front = [f"title: {title}", f"published: {published}", "source: Test Wire"]
    if doc_id:
        front.append(f"id: {doc_id}")
    path = folder / name
    path.write_text("---\n" + "\n".join(front) + "\n---\n" + body + "\n", encoding="utf-8")
    return path


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def news_records(count: int, words: int = 60, prefix: str = "n") -> list[dict]:
    """`count` JSON-lines records mentioning the tiny pipeline's entities."""
    filler = " ".join(f"word{i % 97}" for i in range(words))
    return [{"id": f"{prefix}{i}", "title": f"Report {i} from Aleppo", "published": "2024-12-01",
             "text": f"Hayat Tahrir al-Sham reached Hama. {filler} Bashar al-Assad fled."}
            for i in range(count)]


def stored_documents(index_dir: Path) -> dict[str, dict]:
    """id -> stored fields of every document in the live index."""
    ix = store.open_live(index_dir)
    with ix.reader() as reader:
        return {fields["id"]: fields for fields in reader.all_stored_fields()}


def search_ids(index_dir: Path, field: str, text: str) -> list[str]:
    """Ids of the live documents whose `field` holds the term `text`, sorted."""
    from whoosh.query import Term

    ix = store.open_live(index_dir)
    with ix.searcher() as searcher:
        return sorted(hit["id"] for hit in searcher.search(Term(field, text), limit=None))


def generation_dirs(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.glob(store.GENERATION_PREFIX + "*"))
