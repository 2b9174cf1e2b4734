"""How the reading processes of a batch start.

A spawned worker is a new interpreter that imports the readers again: about 0.15 s of a core
per worker before it reads a file, on every batch. On Linux a worker can instead be forked
from this process, which has them imported already; but forking is safe only while no other
thread runs (a thread holding a lock at the fork leaves the child's copy locked for ever). So
a batch forks its workers before the rules start loading in their thread, and only when this
process has no thread but the main one; otherwise (the web server's threads, a library user's
program, Windows and macOS, where forking is unavailable or unsafe) the workers are spawned.
Both read the same files to the same reports (tests/test_parallel.py runs both).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
from typing import Any

FORCED = "KINERJA_XL_START"  # "spawn" or "fork": how the workers start, for tests and doubts


def start_method() -> str:
    """'fork' where it is safe and available, else 'spawn'."""
    forced = os.environ.get(FORCED)
    if forced in ("spawn", "fork"):
        return forced
    forkable = (
        sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
    )
    return "fork" if forkable and threading.active_count() == 1 else "spawn"


def pool_context() -> Any:
    """The multiprocessing context of a reading pool. Before a fork, what this process has
    buffered for stdout and stderr is written out, so that no child writes it a second time."""
    method = start_method()
    if method == "fork":
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe
                pass
    return multiprocessing.get_context(method)


def worker_started() -> None:
    """A worker begins as a spawned one would, whichever way it started: the cycle collector
    on (a batch pauses it in this process) and the termination signals at their defaults (the
    command line turns them into an interrupt, which is this process's to handle)."""
    gc.enable()
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
