"""Whoosh writing in a child process, so it overlaps with entity extraction in the parent.

NER runs in the parent (and its spaCy workers); the parent sends each batch of finished field
dicts down a pipe and goes on with the next batch while the child indexes this one. The child
holds at most INBOX_MESSAGES batches unread; beyond that the parent waits, so memory stays
bounded however far NER runs ahead.

Safety: the child ignores SIGINT (the parent decides: on Ctrl-C it tells the child to cancel
the Whoosh writer), and dies with the parent (PR_SET_PDEATHSIG on Linux, plus a poll on the
parent's PID), so a killed indexer never leaves a writer behind. Whoosh writes a commit's
table of contents last, so killing the child at any moment keeps the previous commit readable.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import queue
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index

from indexer.lock import keep_in_forks
from search.errors import TrawlError
from search.store import INDEX_NAME

WRITER_PROCESS_NAME = "trawl-writer"
#: memory Whoosh's posting pool may use before spilling runs to disk
WRITER_LIMIT_MB = 256
#: documents sent to the child per message
SEND_BATCH_DOCS = 32
#: how often the child checks that its parent still lives, when the pipe is quiet
PARENT_POLL_S = 1.0
#: messages the child may hold unread (each up to SEND_BATCH_DOCS documents)
INBOX_MESSAGES = 64
#: the writer yields the CPU to NER, the critical path; it catches up while NER waits on it
WRITER_NICENESS = 5
#: how long `cancel` waits for the child to cancel before killing it
CANCEL_WAIT_S = 10.0
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class CommitPolicy:
    """When the child commits before the end: every `every` documents, and/or, with
    `idle_min` set, whenever it has nothing else to do and holds at least that many.

    Idle commits move Whoosh's costly segment writing off the end of the run into the time
    NER keeps the parent busy; they suit a generation nobody reads yet (Whoosh's merge policy
    keeps the segment count logarithmic). Readers of a live index would rebuild their caches
    after every commit, so incremental runs commit every few thousand documents only.
    """

    every: int | None = None
    idle_min: int | None = None
    #: whether the last commit may merge segments (it is the one the parent waits for)
    final_merge: bool = True

    def due(self, pending: int, idle: bool) -> bool:
        if self.every and pending >= self.every:
            return True
        return bool(self.idle_min and idle and pending >= self.idle_min)


class IndexWriteError(TrawlError):
    """The index could not be written (disk full, permissions, a broken index...)."""

    code = "index_write_failed"


class BackgroundWriter:
    """Adds, replaces and deletes documents of one Whoosh index from a child process."""

    def __init__(self, index_path: str | os.PathLike, policy: CommitPolicy | None = None):
        self.index_path = Path(index_path)
        self.policy = policy or CommitPolicy()
        self._batch: list[tuple[dict, bool]] = []
        self._conn = None
        self._process = None
        self._send_cut_short = False

    def start(self) -> BackgroundWriter:
        ctx = mp.get_context("fork")
        parent_end, child_end = ctx.Pipe()
        args = (str(self.index_path), child_end, parent_end, self.policy, os.getpid())
        with keep_in_forks():  # the child keeps the index lock until it is done
            self._process = ctx.Process(target=_serve, args=args, name=WRITER_PROCESS_NAME,
                                        daemon=True)
            self._process.start()
        child_end.close()
        self._conn = parent_end
        return self

    def add(self, fields: dict, replace: bool = False) -> None:
        """Queue one document; `replace` deletes the committed document with its id first."""
        self._batch.append((fields, replace))
        if len(self._batch) >= SEND_BATCH_DOCS:
            self._flush()

    def delete(self, ids: list[str]) -> None:
        """Delete committed documents by id."""
        self._flush()
        self._send(("delete", ids))

    def finish(self) -> int:
        """Commit everything and wait for the child; returns the index's document count."""
        self._flush()
        self._send(("commit", None))
        kind, value = self._reply()
        self._close()
        if kind == "error":
            raise IndexWriteError(value)
        return value

    def cancel(self) -> None:
        """Discard everything not committed: the child cancels the Whoosh writer and exits.

        If a send was cut short (Ctrl-C in the middle of it) the pipe holds half a message, so
        the child is killed instead, which is just as safe: nothing uncommitted is ever read.
        """
        if self._conn is not None and not self._send_cut_short:
            with contextlib.suppress(OSError):
                self._conn.send(("cancel", None))
        self._close(wait_s=CANCEL_WAIT_S if not self._send_cut_short else 0)

    def _flush(self) -> None:
        if self._batch:
            batch, self._batch = self._batch, []
            self._send(("put", batch))

    def _send(self, message: tuple) -> None:
        if self._conn.poll():  # the child only speaks first when it failed (or died: EOF)
            kind, value = self._reply()
            raise IndexWriteError(value if kind == "error" else f"writer said {kind!r}")
        self._send_cut_short = True
        try:
            self._conn.send(message)
        except (BrokenPipeError, ConnectionResetError):
            raise IndexWriteError(self._died()) from None
        self._send_cut_short = False

    def _reply(self) -> tuple[str, object]:
        """The child's next message; its death (EOF) is an IndexWriteError, not an EOFError."""
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            raise IndexWriteError(self._died()) from None

    def _died(self) -> str:
        with contextlib.suppress(EOFError, OSError):
            if self._conn.poll(1.0):
                kind, value = self._conn.recv()
                if kind == "error":
                    return value
        return "the index writer process died unexpectedly"

    def _close(self, wait_s: float = 60.0) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            self._process.join(wait_s)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None


def _serve(path: str, conn, parent_end, policy: CommitPolicy, parent_pid: int) -> None:
    """The child: apply messages until "commit" (reply with the count) or "cancel".

    A thread moves messages from the pipe to an in-memory inbox, so the parent never waits
    while this process commits; an empty inbox means NER is the bottleneck right now, which
    makes it a free moment for an idle commit.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent_end.close()  # the copy inherited by fork; the parent's own end stays open
    _die_with_parent(parent_pid)
    os.nice(WRITER_NICENESS)
    inbox: queue.Queue[tuple] = queue.Queue(maxsize=INBOX_MESSAGES)
    threading.Thread(target=_pump, args=(conn, inbox, parent_pid), daemon=True).start()
    session = None
    try:
        session = _Session(path, policy)
        while True:
            kind, payload = inbox.get()
            if kind == "put":
                session.put(payload, idle=inbox.empty())
            elif kind == "delete":
                session.delete(payload)
            elif kind == "commit":
                conn.send(("done", session.commit(merge=policy.final_merge)))
                return
            elif kind in ("cancel", "eof"):
                break
    except Exception as exc:  # reported to the parent, which fails the run with it
        with contextlib.suppress(OSError):
            conn.send(("error", f"cannot write the index: {type(exc).__name__}: {exc}"))
    if session is not None:
        session.cancel()


def _pump(conn, inbox: queue.Queue, parent_pid: int) -> None:
    """Read the pipe into the inbox; ("eof", None) when the parent is gone."""
    try:
        while True:
            while not conn.poll(PARENT_POLL_S):
                if os.getppid() != parent_pid:
                    raise EOFError
            inbox.put(conn.recv())
    except (EOFError, OSError):
        inbox.put(("eof", None))


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this process when the parent dies (elsewhere the poll covers it)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)


class _Session:
    """One Whoosh writer at a time, opened at the first change and reopened after each
    commit; a run that changes nothing commits nothing (readers keep their caches).

    Deletions go through the writer's own cached searcher over the committed segments, which
    is where every document being replaced or pruned lives.
    """

    def __init__(self, path: str, policy: CommitPolicy):
        self.ix = whoosh_index.open_dir(path, indexname=INDEX_NAME)
        self.policy = policy
        self.writer = None
        self.pending = 0

    def _writer(self):
        if self.writer is None:
            self.writer = self.ix.writer(limitmb=WRITER_LIMIT_MB)
            self.pending = 0
        return self.writer

    def put(self, batch: list[tuple[dict, bool]], idle: bool = False) -> None:
        writer = self._writer()
        for fields, replace in batch:
            if replace:
                writer.delete_by_term("id", fields["id"])
            writer.add_document(**fields)
        self.pending += len(batch)
        if self.policy.due(self.pending, idle):
            self.commit()

    def delete(self, ids: list[str]) -> None:
        writer = self._writer()
        for doc_id in ids:
            writer.delete_by_term("id", doc_id)

    def commit(self, merge: bool = True) -> int:
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.commit(merge=merge)
        return self.ix.doc_count()

    def cancel(self) -> None:
        if self.writer is not None:
            with contextlib.suppress(Exception):  # best effort: uncommitted work is lost anyway
                self.writer.cancel()
