"""Run one step in a child process that may die.

A native reader can end the whole process on a hostile file: python-calamine aborts (signal 6)
when an .xlsb asks it for hundreds of GiB, and no `except` catches that. Such a step runs here,
in a child with its memory and CPU time capped; if the child dies, the caller gets
`ChildDied` with the reason, and the batch goes on.

    python -m kinerja_xl.reading.isolated      # the child: reads (function, arguments) from stdin
"""

from __future__ import annotations

import importlib
import os
import pickle
import signal
import subprocess
import sys
from typing import Any

MEMORY_LIMIT_MB = 2048  # a plan-sized workbook needs a few tens of MB
CPU_SECONDS = 120
WALL_SECONDS = 300


class ChildDied(Exception):
    """The child ended without an answer; `reason` says how (a signal, a limit, a timeout)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def call(target: str, *args: Any) -> Any:
    """`target` ('module:function') called with `args` in a child process; its result, or the
    exception it raised, as if it had been called here."""
    payload = pickle.dumps((target, args))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kinerja_xl.reading.isolated"],
            input=payload,
            capture_output=True,
            timeout=WALL_SECONDS,
            preexec_fn=_limits if os.name == "posix" else None,  # noqa: PLW1509
        )
    except subprocess.TimeoutExpired as exc:
        raise ChildDied(f"timeout {WALL_SECONDS} s") from exc
    if done.returncode != 0 or not done.stdout:
        raise ChildDied(_how_it_ended(done.returncode))
    ok, value = pickle.loads(done.stdout)
    if not ok:
        raise value
    return value


def _limits() -> None:
    import resource

    memory = int(os.environ.get("KINERJA_XL_CHILD_MB", MEMORY_LIMIT_MB)) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def _how_it_ended(code: int) -> str:
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"


def _child() -> None:
    target, args = pickle.loads(sys.stdin.buffer.read())
    module, _, name = target.partition(":")
    function = getattr(importlib.import_module(module), name)
    try:
        answer: tuple[bool, Any] = (True, function(*args))
    except Exception as exc:  # handed back to the parent, which raises it
        answer = (False, exc)
    sys.stdout.buffer.write(pickle.dumps(answer))


if __name__ == "__main__":
    _child()
