"""A parsed value that remembers how it was written: a target (a percentage, a number, a grade,
an opinion, a count) and a rupiah amount. The parsers that make them are in layouts/normalise.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    """A target, realisasi or capaian as an office wrote it and as read: `value` a number, or a
    grade or opinion code; `unit` persen, angka, predikat, opini … or a count's word; `problem`
    why it could not be read (None when it could)."""

    text: str  # as written (or as Excel displays a formatted number)
    value: float | int | str | None
    unit: str | None  # persen | angka | predikat | opini | kategori | <count word>
    problem: str | None = None  # unparseable | date | error | formula-no-value

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "unit": self.unit}


@dataclass(frozen=True)
class Amount:
    """A rupiah amount as an office wrote it and as read: `value` in whole rupiah (never a
    float); `problem` why it could not be read or added up (None when it can)."""

    text: str
    value: int | None
    problem: str | None = (
        None  # unparseable | fraction | date | error | formula-no-value | implausible
    )

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value}

    @property
    def countable(self) -> bool:
        """Whole rupiah of 0 or more: a line that may be added up. Every sum of a budget (the
        check's message, the JSON total, every sheet of the provincial workbook) adds these
        lines and no others, and counts the others beside it."""
        return self.value is not None and self.value >= 0 and self.problem is None
