"""Ctrl-C and `kill` with spaCy worker processes: the indexer alone decides, and exits promptly.

A terminal's Ctrl-C reaches every process of the group. spaCy's workers (`--workers N`) would
each die with a traceback, and the queues feeding them would then block interpreter exit.
So, for the duration of a command: processes forked by this one ignore SIGINT and die with
it (PR_SET_PDEATHSIG on Linux, so a `kill -9` leaves no orphan behind); on SIGINT the
workers are stopped quietly before KeyboardInterrupt unwinds the run (the index writer is
left to cancel cleanly); and once the run is cleaned up, `exit_now` skips the joins of the
dead workers' queue threads.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import signal
import sys
import warnings

from indexer.writer import WRITER_PROCESS_NAME

_PR_SET_PDEATHSIG = 1
_active = False


def guard_children() -> None:
    """From now on, forked children ignore Ctrl-C and die with this process."""
    global _active
    if not _active:
        _active = True
        os.register_at_fork(after_in_child=_in_child)
        signal.signal(signal.SIGINT, _on_sigint)


def _in_child() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _on_sigint(signum, frame) -> None:
    """Stop spaCy's workers (not the index writer), then interrupt the run."""
    warnings.filterwarnings("ignore", message=r"\[W127\]")  # "workers did not complete"
    for child in mp.active_children():
        if child.name != WRITER_PROCESS_NAME:
            child.terminate()
    raise KeyboardInterrupt


def exit_now(status: int) -> None:
    """Flush and leave without waiting for threads of killed workers' queues."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)
