"""The hand-built corpus of the search tests and the helpers that index it.

Written exactly as the builder writes (search.schema.document_fields,
store.create_generation/publish), with facets given by hand: no spaCy involved.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from indexer.document import Document, Facets, Mention
from search import store
from search.schema import document_fields

#: d1..d7. Facet counts over all of them:
#:   actor: UN 3 (d1 d2 d7), Bashar al-Assad 2 (d1 d3), PKK 2 (d4 d5), Abdullah Öcalan 1 (d4)
#:   place: Aleppo 3 (d1 d6 d7), Syria 2 (d1 d2), Damascus, Geneva, Istanbul, İmralı 1 each
#:   date:  2024 (d1), 2024-10-31 (d1), 2024-11 (d2), 2024-12-01 (d7), 2021-05-26 (d3),
#:          2013 (d4), 2013-03-21 (d4), 2013-05-31 (d5), 2011 (d6), 2011-03 (d7)
CORPUS = [
    {"id": "d1", "title": "Protest in Aleppo",
     "text": "Thousands of protesters gathered in Aleppo on Friday. Police watched the crowd.",
     "published": date(2024, 11, 1), "source": "Reuters",
     "actor": ["Bashar al-Assad", "UN"], "place": ["Aleppo", "Syria"],
     "date": ["2024-10-31", "2024"], "countries": {"Aleppo": "Syria", "Syria": "Syria"}},
    {"id": "d2", "title": "Ceasefire talks in Geneva",
     "text": "Negotiators from the UN met in Geneva to discuss a ceasefire in Syria.",
     "published": date(2024, 11, 15), "source": "AP",
     "actor": ["UN"], "place": ["Geneva", "Syria"], "date": ["2024-11"],
     "countries": {"Geneva": "Switzerland", "Syria": "Syria"}},
    {"id": "d3", "title": "Elections in Damascus",
     "text": "Voters in Damascus went to the polls. Bashar al-Assad claimed victory.",
     "published": date(2021, 5, 27), "source": "AFP",
     "actor": ["Bashar al-Assad"], "place": ["Damascus"], "date": ["2021-05-26"],
     "countries": {"Damascus": "Syria"}},
    {"id": "d4", "title": "Öcalan statement",
     "text": "Abdullah Öcalan issued a statement from İmralı prison about the PKK.",
     "published": date(2013, 3, 21), "source": "BBC",
     "actor": ["Abdullah Öcalan", "PKK"], "place": ["İmralı"], "date": ["2013-03-21", "2013"],
     "countries": {"İmralı": "Turkey"}},
    {"id": "d5", "title": "Protest crackdown",
     "text": "Security forces dispersed a protest in Istanbul. "
             "A leaflet said <script>alert(1)</script> & more.",
     "published": date(2013, 6, 1), "source": "Reuters",
     "actor": ["PKK"], "place": ["Istanbul"], "date": ["2013-05-31"],
     "countries": {"Istanbul": "Turkey"}},
    {"id": "d6", "title": "Undated report",
     "text": "A report about aid convoys in Aleppo.",
     "published": None, "source": "",
     "actor": [], "place": ["Aleppo"], "date": ["2011"], "countries": {"Aleppo": "Syria"}},
    {"id": "d7", "title": "Aid convoy reaches Aleppo",
     "text": "An aid convoy reached Aleppo after the ceasefire.",
     "published": date(2024, 12, 2), "source": "AP",
     "actor": ["UN"], "place": ["Aleppo"], "date": ["2024-12-01", "2011-03"],
     "countries": {"Aleppo": "Syria"}},
]


def to_document(spec: dict) -> tuple[Document, Facets]:
    """A corpus entry as the (Document, Facets) pair the builder would index."""
    doc = Document(id=spec["id"], title=spec.get("title", ""), text=spec.get("text", ""),
                   published=spec.get("published"), source=spec.get("source", ""),
                   url=spec.get("url", f"https://example.org/{spec['id']}"),
                   path=f"{spec['id']}.md", meta=spec.get("meta", {}))
    mentions = [Mention(*m) for m in spec.get("mentions", [])]
    facets = Facets(actor=list(spec.get("actor", [])), place=list(spec.get("place", [])),
                    date=list(spec.get("date", [])), countries=dict(spec.get("countries", {})),
                    mentions=mentions)
    return doc, facets


def write_generation(index_dir: Path, docs: list[dict]) -> Path:
    """Write `docs` as a new generation and make it live (what `trawl index --rebuild` does)."""
    generation, ix = store.create_generation(index_dir)
    writer = ix.writer()
    for spec in docs:
        writer.add_document(**document_fields(*to_document(spec)))
    writer.commit()
    store.publish(index_dir, generation)
    return index_dir


def add_to_live(index_dir: Path, docs: list[dict] = (), delete_ids: list[str] = ()) -> None:
    """One incremental commit into the live generation: add and delete documents."""
    writer = store.open_live(index_dir).writer()
    for doc_id in delete_ids:
        writer.delete_by_term("id", doc_id)
    for spec in docs:
        writer.add_document(**document_fields(*to_document(spec)))
    writer.commit()
