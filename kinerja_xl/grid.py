"""The cell grid every reader produces: values that remember where they came from.

A `Grid` is deliberately sparse (a dict keyed by (row, column)) so that a sheet with one
stray cell at row 1,000,000 costs one entry, not a million empty rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache

CellValue = str | int | float | bool | datetime | date | time | None

_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def column_letter(col: int) -> str:
    """1 -> 'A', 27 -> 'AA'."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """'A' -> 1, 'AA' -> 27."""
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index


def a1(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}"


@lru_cache(maxsize=65536)  # every workbook has an A1, a B7 …: the same references recur
def parse_a1(ref: str) -> tuple[int, int]:
    """'B7' -> (7, 2). Raises ValueError for anything else."""
    match = _A1.match(ref.strip().upper())
    if not match:
        raise ValueError(f"not an A1 reference: {ref!r}")
    return int(match.group(2)), column_index(match.group(1))


@dataclass(slots=True)
class Cell:
    row: int
    col: int
    value: CellValue
    number_format: str = "General"
    formula: str | None = None
    error: str | None = None  # "#REF!", "#DIV/0!" … as Excel stored it

    @property
    def ref(self) -> str:
        return a1(self.row, self.col)

    @property
    def missing_formula_value(self) -> bool:
        """A formula whose file was never recalculated: no cached value to read."""
        return self.formula is not None and self.value is None and self.error is None

    @property
    def is_percent_format(self) -> bool:
        return "%" in _strip_quoted(self.number_format)

    def text(self) -> str:
        """The value as a stripped string ('' for empty)."""
        if self.value is None:
            return self.error or ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()


def _strip_quoted(fmt: str) -> str:
    return re.sub(r'"[^"]*"|\\.', "", fmt or "")


@dataclass(slots=True)
class CellRange:
    min_row: int
    min_col: int
    max_row: int
    max_col: int

    @classmethod
    def from_ref(cls, ref: str) -> CellRange:
        start, _, end = ref.partition(":")
        r1, c1 = parse_a1(start)
        r2, c2 = parse_a1(end or start)
        return cls(min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2))

    def __contains__(self, rc: tuple[int, int]) -> bool:
        row, col = rc
        return self.min_row <= row <= self.max_row and self.min_col <= col <= self.max_col


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    merges: list[CellRange] = field(default_factory=list)
    state: str = "visible"  # visible | hidden | veryHidden
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    problem: str | None = None  # the sheet is listed but could not be read

    def get(self, row: int, col: int) -> Cell | None:
        return self.cells.get((row, col))

    def rows(self) -> dict[int, list[Cell]]:
        """Non-empty cells grouped by row, rows and cells in order."""
        by_row: dict[int, list[Cell]] = {}
        for (row, _col), cell in sorted(self.cells.items()):
            by_row.setdefault(row, []).append(cell)
        return by_row


@dataclass
class Workbook:
    path: str
    file_format: str  # xlsx | xls | ods
    sheets: list[Sheet] = field(default_factory=list)
    external_links: list[str] = field(default_factory=list)
    has_macros: bool = False
