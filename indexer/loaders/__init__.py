"""Loaders per input format; `indexer.load.load_paths` is the entry point that uses them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from indexer.document import Document, Problem
from indexer.loaders.csvfile import load_csv
from indexer.loaders.html import load_html
from indexer.loaders.jsonfile import load_json, load_json_lines
from indexer.loaders.source import SourceFile
from indexer.loaders.text import load_text

Loader = Callable[[SourceFile], Iterator[Document | Problem]]

#: file extension (lower case) -> the loader that reads it
LOADERS: dict[str, Loader] = {
    ".txt": load_text,
    ".md": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".jsonl": load_json_lines,
    ".ndjson": load_json_lines,
    ".json": load_json,
    ".csv": load_csv,
}
