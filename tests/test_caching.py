"""Caches keyed by an office's texts keep short texts only (kinerja_xl/caching.py)."""

from __future__ import annotations

from kinerja_xl.layouts.locate import role_of
from kinerja_xl.layouts.normalise import clean_text
from kinerja_xl.reading.caching import LONGEST_KEPT, text_cache


def test_a_short_text_is_computed_once_and_a_long_one_every_time_without_being_kept():
    calls = []

    @text_cache(maxsize=16)
    def length(text: str, extra: int = 0) -> int:
        calls.append(text[:5])
        return len(text) + extra

    long_text = "x" * (LONGEST_KEPT + 1)
    assert [length("abc"), length("abc"), length("abc", extra=1)] == [3, 3, 4]
    assert [length(long_text), length(long_text)] == [LONGEST_KEPT + 1] * 2
    assert calls == ["abc", "abc", "xxxxx", "xxxxx"]  # the keyword call is a key of its own
    assert length.cache_info().currsize == 2  # type: ignore[attr-defined]


def test_the_readers_caches_answer_alike_for_long_texts():
    hostile = "Indikator " + "  kinerja\u200b" * 5000
    assert role_of(hostile) is None
    assert clean_text(hostile) == "Indikator " + " ".join(["kinerja"] * 5000)
    assert role_of("INDIKATOR\nKINERJA") == "indikator"
