"""The backend seam: what the CLI, the API and the web page need of a search engine.

`search()`'s request/result contract (search.model) sits above this seam, so every client
runs unchanged on any backend. Two implementations: the embedded Whoosh + numpy engine
(`search.index.TrawlIndex`, the default) and a Typesense cluster (`search.typesense`).
Write side: `indexer.build` streams documents into a `DocumentWriter`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from search.errors import TrawlError
from search.model import FacetValue, Hit, SearchRequest, SearchResult

BACKENDS = ("whoosh", "typesense")
DEFAULT_BACKEND = "whoosh"
DEFAULT_INDEX_DIR = "index"
#: the Typesense alias searches read; `--rebuild` moves it to a new collection
DEFAULT_COLLECTION = "trawl"


class Unsupported(TrawlError):
    """A feature the configured backend does not have (e.g. entity pages on Typesense)."""

    code = "unsupported_by_backend"


class BackendUnavailable(TrawlError):
    """No node of a clustered backend answered (after the client tried every node)."""

    code = "backend_unavailable"


@runtime_checkable
class SearchBackend(Protocol):
    """The read side every backend offers; the embedded-only analyses (entity pages, what
    stands out) call `generation()`, which a remote backend answers with `Unsupported`."""

    def search(self, req: SearchRequest) -> SearchResult: ...

    def facet_values(self, name: str, prefix: str, req: SearchRequest,
                     limit: int = 20) -> list[FacetValue]: ...

    def get_document(self, doc_id: str, q: str = "") -> dict | None: ...

    def more_like_this(self, doc_id: str, n: int = 5) -> list[Hit]: ...

    def document_count(self) -> int: ...

    def generation_name(self) -> str | None: ...


class DocumentWriter(Protocol):
    """The write side: index (upsert) and delete documents, then commit and publish."""

    def add(self, fields: dict, replace: bool = False) -> None: ...

    def delete(self, ids: list[str]) -> None: ...

    def finish(self) -> int: ...

    def cancel(self) -> None: ...


@dataclass(frozen=True)
class BackendConfig:
    """Which engine serves searches, built once from options, then TRAWL_* variables,
    then defaults (`backend_config`)."""

    index_dir: Path = Path(DEFAULT_INDEX_DIR)
    kind: str = DEFAULT_BACKEND
    #: Typesense nodes (one URL per node of a cluster) and the API key
    typesense_urls: tuple[str, ...] = field(default_factory=tuple)
    typesense_key: str = ""
    collection: str = DEFAULT_COLLECTION

    @property
    def label(self) -> str:
        """Where searches go, for messages: the index directory or the Typesense nodes."""
        if self.kind == "typesense":
            return f"typesense {','.join(self.typesense_urls)} ({self.collection})"
        return str(self.index_dir)


def split_urls(value: str | None) -> tuple[str, ...]:
    """Node URLs from a comma-separated list."""
    return tuple(u.strip().rstrip("/") for u in (value or "").split(",") if u.strip())


def backend_config(index: str | None = None, backend: str | None = None,
                   typesense_url: str | None = None, typesense_key: str | None = None,
                   collection: str | None = None,
                   environ: Mapping[str, str] | None = None) -> BackendConfig:
    """Options win over TRAWL_INDEX / TRAWL_BACKEND / TRAWL_TYPESENSE_URL /
    TRAWL_TYPESENSE_KEY / TRAWL_TYPESENSE_COLLECTION, which win over the defaults;
    raises TrawlError when incomplete."""
    env = os.environ if environ is None else environ

    def chosen(option: str | None, variable: str, default: str | None = None) -> str | None:
        return option or env.get(variable) or default

    kind = chosen(backend, "TRAWL_BACKEND", DEFAULT_BACKEND)
    if kind not in BACKENDS:
        raise TrawlError(f"unknown backend {kind!r} (backends: {', '.join(BACKENDS)})")
    config = BackendConfig(
        index_dir=Path(chosen(index, "TRAWL_INDEX", str(DEFAULT_INDEX_DIR))),
        kind=kind,
        typesense_urls=split_urls(chosen(typesense_url, "TRAWL_TYPESENSE_URL")),
        typesense_key=chosen(typesense_key, "TRAWL_TYPESENSE_KEY", ""),
        collection=chosen(collection, "TRAWL_TYPESENSE_COLLECTION", DEFAULT_COLLECTION),
    )
    if kind == "typesense" and not (config.typesense_urls and config.typesense_key):
        raise TrawlError("the typesense backend needs --typesense-url URL[,URL...] and "
                         "--typesense-key KEY (or TRAWL_TYPESENSE_URL, TRAWL_TYPESENSE_KEY)")
    return config


def config_of(args) -> BackendConfig:
    """The configuration of a parsed `trawl` command line (built once, kept on `args`)."""
    config = getattr(args, "config", None)
    if config is None:
        config = backend_config(args.index, getattr(args, "backend", None),
                                getattr(args, "typesense_url", None),
                                getattr(args, "typesense_key", None),
                                getattr(args, "typesense_collection", None))
        args.config = config
    return config


def open_backend(config: BackendConfig) -> SearchBackend:
    """The configured backend, open; IndexMissing when it holds no index yet."""
    if config.kind == "typesense":
        from search.typesense import TypesenseBackend

        return TypesenseBackend.connect(config)
    from search.index import open_index

    return open_index(config.index_dir)
