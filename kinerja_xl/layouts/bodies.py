"""What a column holds, read from the cells under its header: targets (percentages, grades,
opinions, counts with their unit, small numbers), rupiah amounts, budget codes, long texts.

A header says what a column is; its body confirms it. Where a header leaves a column unnamed
("Ukuran", a blank cell), its body may name it; where a header names a column whose body holds
something else (TARGET over sentences), the header is not taken, and the reason is said.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..knowledge.programs import FORM as PROGRAM_FORM
from ..reading.caching import text_cache
from ..reading.grid import Cell
from .normalise import clean_text, parse_target_text

SAMPLE = 30  # body cells looked at per column
DASHES = {"-", "–", "—", "--", "n/a", "na", "x"}
# a budget code: a program's (knowledge.programs), a kegiatan's, KRO's, RO's, an akun's
CODE = re.compile(rf"^({PROGRAM_FORM}|\d{{4}}(\.[A-Z]{{3}}(\.\d{{3}})?)?|\d{{6}})$")
RUPIAH_TEXT = re.compile(r"^(rp\.?\s*)?\d{1,3}([.,]\d{3}){2,}([.,]\d{2})?$", re.I)
TARGET_UNITS = {"persen", "angka", "predikat", "opini", "kategori"}
LONG_TEXT = 25  # letters: an indicator, a sasaran, a program's name


@dataclass
class Body:
    """How many of a column's body cells hold each kind of value."""

    counts: Counter[str]

    @property
    def filled(self) -> int:
        return sum(n for kind, n in self.counts.items() if kind != "dash")

    def share(self, *kinds: str) -> float:
        filled = self.filled
        return sum(self.counts[k] for k in kinds) / filled if filled else 0.0

    def holds(self, what: str) -> bool:
        """Does the column hold `what` (target, amount, text, code)? Three cells at least, most
        of them of that kind."""
        if self.filled < 3 and not (what == "target" and self.filled and self.counts["dash"]):
            return False
        return self.share(*HOLDS[what]) >= 0.6

    def holds_nothing_of(self, what: str) -> bool:
        """Three cells or more and none of them `what`: the header's word is not the column's."""
        return self.filled >= 3 and self.share(*HOLDS[what]) == 0


HOLDS = {
    "target": ("percent", "grade", "count", "number"),
    "amount": ("money",),
    "text": ("long",),
    "code": ("code",),
}


def holds_none_of(cells: list[Cell], what: str) -> bool:
    """Three filled cells or more, none of them `what`: read only as far as the first that is
    (a target column's first cell is a target, almost always)."""
    kinds, filled = HOLDS[what], 0
    for cell in cells[:SAMPLE]:
        kind = kind_of_value(cell)
        if kind in kinds:
            return False
        if kind not in ("empty", "dash"):
            filled += 1
    return filled >= 3


def body_of(cells: list[Cell]) -> Body:
    counts: Counter[str] = Counter(kind_of_value(cell) for cell in cells[:SAMPLE])
    counts.pop("empty", None)
    return Body(counts)


def kind_of_value(cell: Cell) -> str:
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return "empty"
    if isinstance(value, bool):
        return "short"
    if isinstance(value, int | float):
        if cell.is_percent_format:
            return "percent"
        return "money" if abs(value) >= 100_000 else "number"
    return _kind_of_text(clean_text(value))


@text_cache(maxsize=8192)
def _kind_of_text(text: str) -> str:
    if text.lower() in DASHES:
        return "dash"
    if CODE.match(text):
        return "code"
    if RUPIAH_TEXT.match(text) or text.lower().startswith("rp"):
        return "money"
    if len(text) <= 40:
        target = parse_target_text(text)
        if target.problem is None and target.unit is not None:
            if target.unit == "persen":
                return "percent"
            if target.unit in ("predikat", "opini", "kategori"):
                return "grade"
            if target.unit == "angka":
                return (
                    "money"
                    if isinstance(target.value, int | float) and target.value >= 100_000
                    else "number"
                )
            return "count"  # "12 laporan", "38 Kab/Kota"
    return "long" if len(text) >= LONG_TEXT or len(text.split()) >= 4 else "short"
