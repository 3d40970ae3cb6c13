"""Fixtures of the search tests: `make_index(docs)` and the module-wide corpus index.

Indexes are written exactly as the builder writes them (search.schema.document_fields,
store.create_generation/publish), with facets given by hand: no spaCy involved.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from search_corpus import CORPUS, to_document, write_generation

from search.backend import open_backend
from search.index import open_index
from search.schema import document_fields

BACKENDS = ("whoosh", "typesense")


@pytest.fixture
def make_index(tmp_path_factory):
    """make_index(docs) -> index directory holding exactly `docs`."""
    def make(docs: list[dict]) -> Path:
        return write_generation(tmp_path_factory.mktemp("index"), docs)
    return make


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    return write_generation(tmp_path_factory.mktemp("corpus"), CORPUS)


@pytest.fixture(scope="module")
def ix(corpus_dir):
    return open_index(corpus_dir)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, corpus_dir):
    """The corpus behind each backend (search.backend.SearchBackend): the contract suite.

    A test marked `@pytest.mark.differs("typesense", "why")` is expected to fail there."""
    if request.param == "whoosh":
        return open_index(corpus_dir)
    load = request.getfixturevalue("typesense_config")
    return open_backend(load("corpus", (document_fields(*to_document(d)) for d in CORPUS)))



@pytest.fixture(params=BACKENDS)
def make_backend(request, make_index):
    """make_backend(docs) -> a backend holding exactly `docs`, for each backend."""
    def make(docs: list[dict]):
        if request.param == "whoosh":
            return open_index(make_index(docs))
        load = request.getfixturevalue("typesense_config")
        return open_backend(load(f"docs-{request.node.name.split('[')[0][-40:]}",
                                 [document_fields(*to_document(d)) for d in docs]))
    return make
