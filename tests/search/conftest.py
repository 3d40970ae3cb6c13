"""Fixtures of the search tests: `make_index(docs)` and the module-wide corpus index.

Indexes are written exactly as the builder writes them (search.schema.document_fields,
store.create_generation/publish), with facets given by hand: no spaCy involved.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from search_corpus import CORPUS, write_generation

from search.index import open_index


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
