"""Fixtures for the web tests: small hand-built indexes and apps over them."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():  # Starlette 1.x nags about httpx; the client works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient
from web_corpus import ARTICLES, XSS_ARTICLE, build_index

from web.app import create_app
from web.settings import Settings


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    """An index of the eight regular test articles."""
    return build_index(tmp_path_factory.mktemp("web-index"), ARTICLES)


@pytest.fixture(scope="session")
def xss_index_dir(tmp_path_factory) -> Path:
    """The regular articles plus one whose title, text, source, url and facets are XSS payloads."""
    return build_index(tmp_path_factory.mktemp("web-xss-index"), [*ARTICLES, XSS_ARTICLE])


def make_client(index_dir: Path, **settings) -> TestClient:
    """A client of an app over `index_dir`; it sends `Host: testserver`, which is allowed."""
    settings.setdefault("allowed_hosts", ("testserver",))
    return TestClient(create_app(Settings(index_dir=index_dir, **settings)))


@pytest.fixture(scope="session")
def client(index_dir):
    """A client of an app over `index_dir`, lifespan started (the index opened once)."""
    with make_client(index_dir) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def xss_client(xss_index_dir):
    with make_client(xss_index_dir) as test_client:
        yield test_client


@pytest.fixture()
def empty_client(tmp_path):
    """A client of an app whose index directory holds no index."""
    with make_client(tmp_path / "no-index") as test_client:
        yield test_client
