"""Caches keyed by an office's texts.

The same indicators, programs and header words come back in every office's plan, so the rules
remember what they computed for each text. A cache keeps its keys, though: the few hundred
letters of a real indicator cost nothing, but a hostile workbook's cells of 32,767 letters
would each stay in memory for the rest of the batch. So texts longer than `LONGEST_KEPT` are
remembered apart, within one budget of letters shared by every cache (`LONG_LETTERS_KEPT`):
a long text that 60,000 cells show (one shared string) is still cleaned once, not once per
cell, and what all the long texts cost in memory stays bounded. Past the budget, a long text
is computed every time and never kept; `forget_long_texts()` empties them all (at the end of a
batch).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

LONGEST_KEPT = 1_000  # letters; a real indicator, program or header is a few hundred at most
LONG_LETTERS_KEPT = 16_000_000  # letters of long texts remembered at once, over every cache

Result = TypeVar("Result")

_long_caches: list[dict[tuple[Any, ...], Any]] = []
_long_letters = [0]


def forget_long_texts() -> None:
    """Empty what every cache remembers of long texts."""
    for cache in _long_caches:
        cache.clear()
    _long_letters[0] = 0


def text_cache(maxsize: int) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """`functools.lru_cache(maxsize)` for a function of a text (or of two: a word pair), then
    small values; texts longer than `LONGEST_KEPT` are remembered within the shared budget."""

    def decorate(function: Callable[..., Result]) -> Callable[..., Result]:
        cached = lru_cache(maxsize=maxsize)(function)
        long: dict[tuple[Any, ...], Any] = {}
        _long_caches.append(long)

        @wraps(function)
        def call(text: str | None, *rest: Any, **kwargs: Any) -> Result:
            if (
                not rest
                and not kwargs
                and (text is None or type(text) is str and len(text) <= LONGEST_KEPT)
            ):
                return cached(text)  # most calls: one short text (a cell's, a header's)
            # the texts come first (a word pair: both); what follows is small (a width, a flag)
            letters = len(text) if text is not None and type(text) is str else 0
            if rest and type(rest[0]) is str:
                letters = max(letters, len(rest[0]))
            if letters <= LONGEST_KEPT:
                return cached(text, *rest, **kwargs)
            key = (text, *rest, *sorted(kwargs.items()))
            try:
                return long[key]  # type: ignore[no-any-return]
            except KeyError:
                pass
            result = function(text, *rest, **kwargs)
            if _long_letters[0] + letters <= LONG_LETTERS_KEPT:
                _long_letters[0] += letters
                long[key] = result
            return result

        def cache_clear() -> None:
            cached.cache_clear()
            long.clear()

        call.cache_clear = cache_clear  # type: ignore[attr-defined]
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return call

    return decorate
