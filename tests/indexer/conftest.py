"""Fixtures of the CLI tests: a tiny rule-based spaCy pipeline on disk and a folder of news."""

from __future__ import annotations

from pathlib import Path

import pytest
from builder_kit import save_tiny_model, write_md


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
