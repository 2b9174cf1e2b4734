"""Memory given back after a large answer: glibc keeps what a process freed for its own reuse,
so a server that once built the page of a 20,000-row workbook would keep that high-water mark
for ever. `malloc_trim` returns the free pages to the system (Linux; elsewhere nothing)."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def trim() -> None:
    gc.collect()
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)
