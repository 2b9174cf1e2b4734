"""Caches keyed by an office's texts keep short texts only (kinerja_xl/caching.py)."""

from __future__ import annotations

from kinerja_xl.layouts.locate import role_of
from kinerja_xl.layouts.normalise import clean_text
from kinerja_xl.reading import caching
from kinerja_xl.reading.caching import LONGEST_KEPT, forget_long_texts, text_cache


def test_a_text_is_computed_once_and_a_long_one_kept_apart_within_a_budget(monkeypatch):
    """A long text that 60,000 cells show (one shared string) is computed once, not once per
    cell (issue 20, item 4); past the letters budget a long text is computed every time."""
    calls = []

    @text_cache(maxsize=16)
    def length(text: str, extra: int = 0) -> int:
        calls.append(text[:5])
        return len(text) + extra

    long_text = "x" * (LONGEST_KEPT + 1)
    assert [length("abc"), length("abc"), length("abc", extra=1)] == [3, 3, 4]
    assert [length(long_text) for _ in range(1000)] == [LONGEST_KEPT + 1] * 1000
    assert calls == ["abc", "abc", "xxxxx"]  # the keyword call is a key of its own
    assert length.cache_info().currsize == 2  # type: ignore[attr-defined]  # short texts only

    forget_long_texts()
    monkeypatch.setattr(caching, "LONG_LETTERS_KEPT", LONGEST_KEPT + 1)  # room for one
    other = "y" * (LONGEST_KEPT + 1)
    calls.clear()
    assert [length(long_text), length(other), length(other), length(long_text)] == [1001] * 4
    assert calls == ["xxxxx", "yyyyy", "yyyyy"]  # the first is kept, the second never is
    forget_long_texts()
    length(long_text)
    assert calls[-1] == "xxxxx"  # forgotten


def test_the_readers_caches_answer_alike_for_long_texts():
    hostile = "Indikator " + "  kinerja\u200b" * 5000
    assert role_of(hostile) is None
    assert clean_text(hostile) == "Indikator " + " ".join(["kinerja"] * 5000)
    assert role_of("INDIKATOR\nKINERJA") == "indikator"
