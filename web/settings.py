"""Configuration of the web app: one frozen object, built from the environment or by tests."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from search.backend import BackendConfig, backend_config

DEFAULT_INDEX_DIR = "index"
DEFAULT_HOST = "127.0.0.1"  # local only unless the operator asks for more
DEFAULT_PORT = 8000
#: documents fetched per search() call while streaming an export
EXPORT_BATCH_SIZE = 100
#: Host names answered by default: a page on evil.example whose name resolves to 127.0.0.1
#: (DNS rebinding) sends `Host: evil.example` and is refused; IPv6 literals come bracketed
LOCAL_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "::1", "[::1]")
#: addresses that listen on every interface: reachable from other machines
WILDCARD_ADDRESSES = frozenset({"0.0.0.0", "::", ""})
ALLOWED_HOSTS_ENV = "TRAWL_ALLOWED_HOSTS"
ALLOW_EDITS_ENV = "TRAWL_ALLOW_EDITS"
EDIT_TOKEN_ENV = "TRAWL_EDIT_TOKEN"
#: `trawl serve --workers`: server processes sharing the port (not TRAWL_WORKERS, which is
#: the NER processes of `trawl index`)
SERVE_WORKERS_ENV = "TRAWL_SERVE_WORKERS"
DEFAULT_SERVE_WORKERS = 1
#: more processes than this only compete for the same cores and page cache
MAX_SERVE_WORKERS = 64
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
    #: Host header values answered (a leading "*." matches subdomains, "*" any host); others 400
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS
    #: whether the correction endpoints may write (off: a read-only deployment stays so)
    allow_edits: bool = False
    #: when set, every write must carry this token (and writing is on)
    edit_token: str | None = None
    #: the search backend; None serves the embedded index in `index_dir`
    backend: BackendConfig | None = None

    @property
    def backend_config(self) -> BackendConfig:
        return self.backend or BackendConfig(index_dir=self.index_dir)


def settings_from_env(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from TRAWL_INDEX, TRAWL_HOST, TRAWL_PORT, TRAWL_ALLOWED_HOSTS (names
    separated by commas), TRAWL_ALLOW_EDITS (1) and TRAWL_EDIT_TOKEN, with defaults for what
    is unset."""
    env = os.environ if environ is None else environ
    port = env.get("TRAWL_PORT", "")
    host = env.get("TRAWL_HOST") or DEFAULT_HOST
    token = env.get(EDIT_TOKEN_ENV) or None
    backend = backend_config(environ=env)
    return Settings(
        index_dir=backend.index_dir,
        backend=backend if backend.kind != "whoosh" else None,
        host=host,
        port=int(port) if port.isdigit() else DEFAULT_PORT,
        allowed_hosts=allowed_hosts_for(host, split_hosts(env.get(ALLOWED_HOSTS_ENV, ""))),
        allow_edits=env.get(ALLOW_EDITS_ENV) == "1" or token is not None,
        edit_token=token,
    )


def allowed_hosts_for(host: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The Host names answered when listening on `host`: the local names, the address itself
    (unless it listens everywhere, which names no host) and the operator's `extra` names."""
    own = () if host in WILDCARD_ADDRESSES else (f"[{host}]" if ":" in host else host,)
    return tuple(dict.fromkeys((*LOCAL_HOSTS, *own, *(h.strip().lower() for h in extra if h.strip()))))


def split_hosts(value: str) -> list[str]:
    """Host names from a comma-separated list (TRAWL_ALLOWED_HOSTS)."""
    return [name.strip() for name in value.split(",") if name.strip()]
