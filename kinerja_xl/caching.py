"""Caches keyed by an office's texts.

The same indicators, programs and header words come back in every office's plan, so the rules
remember what they computed for each text. A cache keeps its keys, though: the few hundred
letters of a real indicator cost nothing, but a hostile workbook's cells of 32,767 letters
would each stay in memory for the rest of the batch. Texts that long are computed every time
and never kept.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

LONGEST_KEPT = 1_000  # letters; a real indicator, program or header is a few hundred at most

Result = TypeVar("Result")


def text_cache(maxsize: int) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """`functools.lru_cache(maxsize)` for a function of texts (and small values), keeping no
    text longer than `LONGEST_KEPT`."""

    def decorate(function: Callable[..., Result]) -> Callable[..., Result]:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(*args: Any, **kwargs: Any) -> Result:
            for arg in (*args, *kwargs.values()):
                if type(arg) is str and len(arg) > LONGEST_KEPT:
                    return function(*args, **kwargs)
            return cached(*args, **kwargs)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return call

    return decorate
