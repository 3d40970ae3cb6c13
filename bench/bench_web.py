"""Throughput, latency and memory of `trawl serve` over real HTTP, with 1 and 2 worker processes.

    nice -n 10 .venv/bin/python -m bench.bench_web --index bench/data/docs-100000 \
        [--workers 1,2] [--concurrency 1,4,16] [--seconds 20] [--rounds 2]

Starts one `trawl serve` per worker count on loopback (ports --port, --port+1, ...), each
over the same index (`--docs N` builds or reuses bench/data/docs-N instead; to bench another
checkout's index without writing to it, hard-link it there: cp -al OTHER/bench/data/docs-N
bench/data/), and warms each with one pass over the query mix. Then, for each concurrency,
loads the servers in turn (the order alternates round by round: the machine is shared and
noisy) with an asyncio client that keeps that many requests in flight, cycling through the
128 cases of bench_search (one-word, two-word, phrase and empty queries with 0-3 filters)
on /api/search, for --seconds or --max-requests, whichever comes first. Each request opens
its own connection (--keepalive keeps them), so the kernel spreads requests over the workers
that are free to accept. The client speaks HTTP/1.1 over asyncio streams itself: httpx cost
about 4 ms of CPU per request, a third of a core taken from the two the server runs on.

Prints per server and concurrency: requests/s, p50/p95/p99, errors, the CPU seconds each
worker spent (and so the cores the server got, and requests per CPU second, which shows
whether a worker does more work per request or only got less CPU) and the client's own CPU; then the memory of each worker from
/proc/PID/smaps_rollup (RSS, anonymous = the process's own heap, file-backed = index
pages shared through the page cache); then the issue's targets, met or not.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

from bench.bench_search import DATA_DIR, _ensure_index, make_cases
from search.schema import make_schema

REPO = Path(__file__).resolve().parent.parent
CASES_PER_KIND = 8  # bench_search's default: 4 kinds x 4 filter counts x 8 = 128 cases
TARGET_SPEEDUP = 1.8
TARGET_P99_MS = 300.0
TARGET_RSS_MB = 400.0
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    workers: int
    url: str
    process: subprocess.Popen
    log: Path
    ready_s: float = 0.0


@dataclass
class Load:
    """One measured run: latencies in ms, errors, wall and CPU seconds."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    client_cpu_s: float = 0.0
    worker_cpu_s: list[float] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    index_dir = args.index or DATA_DIR / f"docs-{args.docs}"
    if args.index is None:
        _ensure_index(index_dir, args.docs, rebuild=False)
    logs = Path(tempfile.mkdtemp(prefix="bench-web-"))
    servers = [start_server(index_dir, n, args.port + k, logs) for k, n in enumerate(args.workers)]
    try:
        for server in servers:
            wait_until_up(server, args.start_timeout)
        docs = httpx.get(servers[0].url + "/healthz").json()["documents"]
        cases = [c.params for c in make_cases(docs, CASES_PER_KIND, make_schema(), 0)[0]]
        print(f"index: {index_dir} ({docs:,} documents); {len(cases)} cases on {args.path}; "
              + ", ".join(f"{s.workers} worker(s) ready in {s.ready_s:.1f} s" for s in servers),
              flush=True)
        for server in servers:  # every worker sees the mix once before anything is timed
            asyncio.run(load(server, cases, 16, 2 * len(cases), 600.0, args))
        results = run_rounds(servers, cases, args)
        print_loads(servers, results, args)
        memory = {s.workers: [smaps(pid) for pid in worker_pids(s)] for s in servers}
        print_memory(memory)
        print_targets(results, memory, args)
    finally:
        for server in servers:
            stop_server(server)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path,
                        help="an index directory (served as is; like any reader, the servers "
                             "may store its entity structures in it: search.entity_cache)")
    parser.add_argument("--docs", type=int, default=10_000,
                        help="without --index: the generated bench/data/docs-N (built if missing)")
    parser.add_argument("--workers", type=_ints, default=[1, 2], help="comma-separated")
    parser.add_argument("--concurrency", type=_ints, default=[1, 4, 16], help="comma-separated")
    parser.add_argument("--seconds", type=float, default=20.0, help="per run")
    parser.add_argument("--max-requests", type=int, default=5_000, help="per run")
    parser.add_argument("--rounds", type=int, default=2, help="runs per server and concurrency")
    parser.add_argument("--path", default="/api/search", help="/api/search or / (the HTML page)")
    parser.add_argument("--keepalive", action="store_true",
                        help="reuse connections (each stays with the worker that accepted it)")
    parser.add_argument("--port", type=int, default=8630, help="first port (loopback)")
    parser.add_argument("--start-timeout", type=float, default=600.0)
    return parser


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def start_server(index_dir: Path, workers: int, port: int, logs: Path) -> Server:
    """`trawl serve --workers N` on 127.0.0.1:port, its output in a log file."""
    log = logs / f"serve-{workers}.log"
    command = [sys.executable, "-m", "indexer.cli", "--index", str(index_dir), "serve",
               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    server = Server(workers, f"http://127.0.0.1:{port}", process, log)
    server.ready_s = time.perf_counter()
    return server


def wait_until_up(server: Server, timeout_s: float) -> None:
    """Until every worker process has answered /healthz (time to ready kept in ready_s)."""
    started, deadline = server.ready_s, time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"server exited:\n{server.log.read_text()[-3000:]}")
        if _all_workers_answer(server):
            server.ready_s = time.perf_counter() - started
            return
        time.sleep(0.2)
    raise SystemExit(f"server not ready within {timeout_s:.0f} s: see {server.log}")


def _all_workers_answer(server: Server) -> bool:
    pids = worker_pids(server)
    if len(pids) < server.workers:
        return False
    seen = set()
    for _ in range(8 * server.workers):
        try:
            with httpx.Client(timeout=5.0) as client:  # a new connection each time
                seen.add(client.get(server.url + "/healthz").json()["worker"])
        except (httpx.TransportError, ValueError, KeyError):
            return False
        if seen >= set(pids):
            return True
    return False


def worker_pids(server: Server) -> list[int]:
    """The processes that serve: the server itself with one worker, else its children."""
    if server.workers == 1:
        return [server.process.pid]
    return sorted(_children(server.process.pid))


def _children(pid: int) -> set[int]:
    children: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        children.update(int(c) for c in (task / "children").read_text().split())
    return {c for c in children if b"multiprocessing.spawn" in _cmdline(c)}


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def stop_server(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


def run_rounds(servers: list[Server], cases: list[dict], args) -> dict[tuple[int, int], Load]:
    """Every (workers, concurrency) run, servers alternating first and second per round."""
    results: dict[tuple[int, int], Load] = {}
    for concurrency in args.concurrency:
        for r in range(args.rounds):
            for server in servers if r % 2 == 0 else servers[::-1]:
                run = asyncio.run(load(server, cases, concurrency, args.max_requests,
                                       args.seconds, args))
                merged = results.setdefault((server.workers, concurrency), Load())
                _merge(merged, run)
                print(f"  {server.workers} worker(s), concurrency {concurrency:>2}, round {r + 1}: "
                      f"{len(run.latencies) / run.seconds:6.1f} requests/s", flush=True)
    return results


def _merge(total: Load, run: Load) -> None:
    total.latencies += run.latencies
    total.errors += run.errors
    total.seconds += run.seconds
    total.client_cpu_s += run.client_cpu_s
    total.worker_cpu_s = [a + b for a, b in
                          itertools.zip_longest(total.worker_cpu_s, run.worker_cpu_s, fillvalue=0)]


async def load(server: Server, cases: list[dict], concurrency: int, max_requests: int,
               seconds: float, args) -> Load:
    """`concurrency` clients cycling through `cases` until the time or request budget ends."""
    result, pids = Load(), worker_pids(server)
    targets = [f"{args.path}?{urlencode(params)}" for params in cases]
    counter = itertools.count()
    deadline = time.monotonic() + seconds
    cpu_before, client_before = [_cpu_s(p) for p in pids], time.process_time()
    started = time.perf_counter()

    async def one_client() -> None:
        connection = Connection(server.url, args.keepalive)
        while time.monotonic() < deadline and (n := next(counter)) < max_requests:
            await _request(connection, targets[n % len(targets)], result)
        await connection.close()

    await asyncio.gather(*(one_client() for _ in range(concurrency)))
    result.seconds = time.perf_counter() - started
    result.client_cpu_s = time.process_time() - client_before
    result.worker_cpu_s = [_cpu_s(p) - b for p, b in zip(pids, cpu_before, strict=True)]
    return result


async def _request(connection: Connection, target: str, result: Load) -> None:
    started = time.perf_counter()
    try:
        ok = await connection.get(target) == 200
    except (OSError, asyncio.IncompleteReadError, ValueError):
        ok = False
        await connection.close()
    result.latencies.append((time.perf_counter() - started) * 1000)
    result.errors += not ok


class Connection:
    """A minimal HTTP/1.1 client connection: GET, read the whole body, give the status."""

    def __init__(self, url: str, keepalive: bool):
        where = urlsplit(url)
        self.host, self.port, self.keepalive = where.hostname, where.port, keepalive
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, target: str) -> int:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        close = "keep-alive" if self.keepalive else "close"
        writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                     f"Connection: {close}\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = _content_length(head)
        if length is None or not self.keepalive:
            await (reader.read() if length is None else reader.readexactly(length))
            await self.close()
        else:
            await reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.streams is not None:
            writer = self.streams[1]
            self.streams = None
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass


def _content_length(head: bytes) -> int | None:
    for line in head.lower().split(b"\r\n"):
        if line.startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return None


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def smaps(pid: int) -> dict[str, float]:
    """MB of a process's memory by kind, from /proc/PID/smaps_rollup."""
    kb = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        kb[name] = int(value.split()[0])
    return {"rss": kb["Rss"] / 1024, "pss": kb["Pss"] / 1024,
            "anonymous": kb["Anonymous"] / 1024,
            "file": (kb["Rss"] - kb["Anonymous"]) / 1024,
            "shared": (kb["Shared_Clean"] + kb["Shared_Dirty"]) / 1024}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def print_loads(servers: list[Server], results: dict[tuple[int, int], Load], args) -> None:
    print(f"\n| workers | concurrency | requests | requests/s | p50 | p95 | p99 | errors "
          f"| CPU s per worker | cores used | requests per CPU s | client CPU |\n|{'---|' * 12}")
    for concurrency in args.concurrency:
        for server in servers:
            run = results[(server.workers, concurrency)]
            lat, cpu_s = run.latencies, sum(run.worker_cpu_s)
            cpu = " + ".join(f"{s:.1f}" for s in run.worker_cpu_s)
            print(f"| {server.workers} | {concurrency} | {len(lat)} | "
                  f"{len(lat) / run.seconds:.1f} | {statistics.median(lat):.0f} ms | "
                  f"{percentile(lat, 0.95):.0f} ms | {percentile(lat, 0.99):.0f} ms | "
                  f"{run.errors} | {cpu} | {cpu_s / run.seconds:.2f} | "
                  f"{len(lat) / cpu_s:.1f} | {100 * run.client_cpu_s / run.seconds:.0f}% |")
    print("(cores used: the workers' CPU seconds per second of the run; below the worker count "
          "at full load means other work on the machine took the rest)")


def print_memory(memory: dict[int, list[dict[str, float]]]) -> None:
    print("\n| server | worker | RSS | anonymous (own) | file-backed (index, page cache) | PSS |"
          f"\n|{'---|' * 6}")
    for workers, rows in memory.items():
        for k, m in enumerate(rows, 1):
            print(f"| {workers} worker(s) | {k} | {m['rss']:.0f} MB | {m['anonymous']:.0f} MB | "
                  f"{m['file']:.0f} MB | {m['pss']:.0f} MB |")


def print_targets(results: dict[tuple[int, int], Load],
                  memory: dict[int, list[dict[str, float]]], args) -> None:
    top = max(args.concurrency)
    rate = {w: len(r.latencies) / r.seconds for (w, c), r in results.items() if c == top}
    if 1 in rate and 2 in rate:
        speedup = rate[2] / rate[1]
        print(f"\nthroughput 2 / 1 workers at concurrency {top}: {speedup:.2f}x "
              f"(target >= {TARGET_SPEEDUP}: {'met' if speedup >= TARGET_SPEEDUP else 'NOT met'})")
    for (workers, c), run in sorted(results.items()):
        if c == top:
            p99 = percentile(run.latencies, 0.99)
            print(f"p99 at concurrency {top}, {workers} worker(s): {p99:.0f} ms (target < "
                  f"{TARGET_P99_MS:.0f}: {'met' if p99 < TARGET_P99_MS else 'NOT met'})")
    largest = max(m["rss"] for rows in memory.values() for m in rows)
    print(f"largest worker RSS: {largest:.0f} MB (target < {TARGET_RSS_MB:.0f}: "
          f"{'met' if largest < TARGET_RSS_MB else 'NOT met'})")


if __name__ == "__main__":
    raise SystemExit(main())
