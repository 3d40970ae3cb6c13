"""Fixtures of the indexer tests: a tiny rule-based spaCy pipeline (on disk for the CLI, and as
an enricher that counts its calls for the build tests) and a folder of news."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder_kit import (
    BODY_A,
    BODY_B,
    BODY_C,
    CountingEnricher,
    save_tiny_model,
    tiny_nlp,
    write_md,
)


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> str:
    return str(save_tiny_model(tmp_path_factory.mktemp("model") / "tiny"))


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """The current directory for the test, holding news/a.md and news/b.md."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRAWL_INDEX", raising=False)
    write_md(tmp_path / "news", "a.md", "Rebels enter Aleppo",
             "Hayat Tahrir al-Sham entered Aleppo on 29 November 2024.")
    write_md(tmp_path / "news", "b.md", "Troops leave Hama", "Bashar al-Assad lost Hama.",
             published="2024-12-05")
    return tmp_path


@pytest.fixture(scope="module")
def enricher_core():
    from indexer.enrich import Enricher

    return Enricher(tiny_nlp(), batch_size=4)


@pytest.fixture
def enricher(enricher_core):
    return CountingEnricher(enricher_core)


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    """Three reports in tmp/news (paths in the index are relative to tmp, the working dir)."""
    monkeypatch.chdir(tmp_path)
    news = tmp_path / "news"
    write_md(news, "a.md", "Rebels enter Aleppo", BODY_A)
    write_md(news, "b.md", "Troops leave Hama", BODY_B)
    write_md(news / "sub", "c.md", "Assad speaks", BODY_C)
    return news
