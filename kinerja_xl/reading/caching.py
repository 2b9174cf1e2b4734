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
    """`functools.lru_cache(maxsize)` for a function of a text (or of two: a word pair), then
    small values, keeping no text longer than `LONGEST_KEPT`."""

    def decorate(function: Callable[..., Result]) -> Callable[..., Result]:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text: str | None, *rest: Any, **kwargs: Any) -> Result:
            # the texts come first (a word pair: both); what follows is small (a width, a flag)
            if (text is not None and len(text) > LONGEST_KEPT) or (
                rest and type(rest[0]) is str and len(rest[0]) > LONGEST_KEPT
            ):
                return function(text, *rest, **kwargs)
            return cached(text, *rest, **kwargs)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return call

    return decorate
