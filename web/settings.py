"""Configuration of the web app: one frozen object, built from the environment or by tests."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_INDEX_DIR = "index"
DEFAULT_HOST = "127.0.0.1"  # local only unless the operator asks for more
DEFAULT_PORT = 8000
#: documents fetched per search() call while streaming an export
EXPORT_BATCH_SIZE = 100
#: searches running at once (each holds a worker thread); more wait for a slot
SEARCH_SLOTS = 8
#: how long a request waits for a search slot before it is answered 503
QUEUE_WAIT_S = 10.0


@dataclass(frozen=True)
class Settings:
    """Everything `create_app` needs; tests build their own instead of patching globals."""

    index_dir: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    export_batch_size: int = EXPORT_BATCH_SIZE
    search_slots: int = SEARCH_SLOTS
    queue_wait_s: float = QUEUE_WAIT_S


def settings_from_env(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from TRAWL_INDEX, TRAWL_HOST and TRAWL_PORT, with defaults for what is unset."""
    env = os.environ if environ is None else environ
    port = env.get("TRAWL_PORT", "")
    return Settings(
        index_dir=Path(env.get("TRAWL_INDEX") or DEFAULT_INDEX_DIR),
        host=env.get("TRAWL_HOST") or DEFAULT_HOST,
        port=int(port) if port.isdigit() else DEFAULT_PORT,
    )
