"""search.backend.backend_config: options win over TRAWL_* variables, which win over defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.backend import backend_config
from search.errors import TrawlError


def test_defaults_then_variables_then_options():
    assert backend_config(environ={}).index_dir == Path("index")
    assert backend_config(environ={}).kind == "whoosh"
    env = {"TRAWL_INDEX": "/srv/idx", "TRAWL_TYPESENSE_COLLECTION": "news"}
    assert backend_config(environ=env).index_dir == Path("/srv/idx")
    assert backend_config("here", environ=env).index_dir == Path("here")
    assert backend_config(environ=env).collection == "news"
    assert backend_config(collection="other", environ=env).collection == "other"


def test_typesense_needs_urls_and_a_key():
    env = {"TRAWL_BACKEND": "typesense", "TRAWL_TYPESENSE_URL": "http://a:8108/, http://b:8108"}
    with pytest.raises(TrawlError, match="needs --typesense-url"):
        backend_config(environ=env)
    config = backend_config(typesense_key="k", environ=env)
    assert config.typesense_urls == ("http://a:8108", "http://b:8108")
    assert config.typesense_key == "k"


def test_an_unknown_backend_is_named():
    with pytest.raises(TrawlError, match="unknown backend 'solr'"):
        backend_config(backend="solr", environ={})
