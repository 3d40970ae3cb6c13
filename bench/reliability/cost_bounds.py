"""The most expensive requests and input files found by the issue-14 campaign, with the time,
peak memory and answer size each costs now (each is bounded: refused or cheap).

    .venv/bin/python bench/reliability/cost_bounds.py

Requests go through Starlette's TestClient over a small hand-built index; files through the
loaders. Peak RSS is the process's, so it only ever grows: read it as an upper bound.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import threading
import time
import warnings
from datetime import date
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "web"))

#: a loader or request still running after this long is reported as hanging
HANG_S = 20.0


def timed(label: str, work) -> None:
    """Run `work()` in a thread; print seconds, peak RSS and what it returned."""
    out: list = []

    def run() -> None:
        try:
            out.append(work())
        except BaseException as err:  # noqa: BLE001 - what an older Trawl did is the figure
            out.append(f"raised {type(err).__name__}")
    worker = threading.Thread(target=run, daemon=True)
    started = time.perf_counter()
    worker.start()
    worker.join(HANG_S)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    what = "STILL RUNNING (hang)" if worker.is_alive() else out[0]
    print(f"| {label} | {seconds:.3f} s | {peak} MB | {what} |", flush=True)


def requests() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from web_corpus import ARTICLES, build_index

    from web.app import create_app
    from web.settings import Settings

    index_dir = build_index(Path(tempfile.mkdtemp()), ARTICLES)
    hosts = {"allowed_hosts": ("testserver",)} if "allowed_hosts" in Settings.__dataclass_fields__ else {}
    app = create_app(Settings(index_dir=index_dir, **hosts))  # (older Trawl: any Host)
    with TestClient(app) as client:
        def get(path, **kw):
            return lambda: _answer(client.get(path, follow_redirects=False, **kw))
        unknown = "&".join(str(i) for i in range(10_000))
        long_values = [(f, "V" * 290 + str(i)) for f in ("actor", "place", "country", "not_actor",
                                                         "not_place", "not_country") for i in range(35)]
        accepted = [(f, "V" * 199 + str(i)) for f in ("actor", "place", "country", "not_actor",
                                                      "not_place", "not_country") for i in range(5)]
        timed("GET /api/search with 10,000 unknown parameters", get("/api/search?" + unknown))
        timed("GET / with 210 filter values of 290 characters", get("/", params=long_values))
        timed("GET / with 30 filter values of 200 characters (largest accepted)",
              get("/", params=accepted))
        timed("GET /api/search?size=0", get("/api/search", params={"size": "0"}))
        timed("GET /api/search/ with Host: evil.example",
              get("/api/search/", headers={"Host": "evil.example"}))
        timed("POST /api/search", lambda: _answer(client.post("/api/search")))


def _answer(response) -> str:
    extra = [f"Location {response.headers['location']}"] if "location" in response.headers else []
    extra += [f"Allow {response.headers['allow']}"] if "allow" in response.headers else []
    return " ".join([str(response.status_code), f"{len(response.content):,} bytes", *extra])


def files() -> None:
    from indexer.load import load_paths
    from indexer.phrases import _cue_spans
    from search.timeline import build_timeline

    folder = Path(tempfile.mkdtemp())
    os.mkfifo(folder / "target")
    os.symlink(folder / "target", folder / "fifo.md")
    os.symlink("/dev/zero", folder / "zero.md")
    bomb = "".join(f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True))
    (folder / "bomb.md").write_text("---\na: &a [x,x,x,x,x,x,x,x,x]\n" + bomb + "---\nbody\n")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)

    def load(name):
        return lambda: "; ".join(str(item).split(": ", 1)[-1][:70] for item in load_paths([str(folder / name)]))
    for name in ("fifo.md", "zero.md", "bomb.md", "deep.json"):
        timed(f"trawl index {name}", load(name))
    for n in (10_000, 100_000):
        text = "in " + "A" * n + " said"  # no cue follows: the regex must fail fast
        timed(f"place cues over a {n:,}-character capitalised token",
              lambda text=text: f"{len(_cue_spans(text))} names")
    epoch = date(1970, 1, 1)
    published = np.array([(d - epoch).days for d in (date(2019, 5, 1), date(2020, 1, 1),
                                                     date(9999, 12, 31))], dtype=np.int32)
    timed("timeline of 2019, 2020 and 9999-12-31",
          lambda: f"{len(build_timeline(published, np.ones(3, bool), None)[0])} bars")


def main() -> None:
    print("| case | time | peak RSS | answer |\n|---|---|---|---|")
    requests()
    files()


if __name__ == "__main__":
    main()
