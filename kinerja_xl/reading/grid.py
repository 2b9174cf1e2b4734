"""The cell grid every reader produces: values that remember where they came from.

A `Grid` is deliberately sparse (a dict keyed by (row, column)) so that a sheet with one
stray cell at row 1,000,000 costs one entry, not a million empty rows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache

CellValue = str | int | float | bool | datetime | date | time | None

_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384  # Excel's grid
MAX_CELL_LETTERS = 32_767  # the most text Excel holds in a cell


class BoundedText:
    """One cell's text as a reader collects it, never longer than Excel's 32,767 letters: an
    .ods cell that repeats <text:s text:c="1000"/> two million times (two billion spaces, in a
    416 KB file) costs 32,767 letters, not gigabytes. Every reader collects text through it."""

    __slots__ = ("pieces", "room")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.room = MAX_CELL_LETTERS

    def add(self, data: str) -> None:
        if self.room <= 0:
            return
        if len(data) > self.room:
            data = data[: self.room]
        self.pieces.append(data)
        self.room -= len(data)

    def text(self) -> str:
        return "".join(self.pieces)


def within_cell(text: str) -> str:
    """A text as a cell can hold it: its first 32,767 letters."""
    return text if len(text) <= MAX_CELL_LETTERS else text[:MAX_CELL_LETTERS]


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
    """'B7' -> (7, 2). Raises ValueError for anything else, and for a reference outside Excel's
    grid ('E0', 'A1048577', 'XFE1'), which no cell can have."""
    match = _A1.match(ref.strip().upper())
    if not match:
        raise ValueError(f"not an A1 reference: {ref!r}")
    row, col = int(match.group(2)), column_index(match.group(1))
    if not inside_grid(row, col):
        raise ValueError(f"cell {ref!r} is outside Excel's grid")
    return row, col


def inside_grid(row: int, col: int) -> bool:
    return 1 <= row <= MAX_ROW and 1 <= col <= MAX_COLUMN


@dataclass(slots=True)
class Cell:
    row: int
    col: int
    value: CellValue
    number_format: str = "General"
    formula: str | None = None
    error: str | None = None  # "#REF!", "#DIV/0!" … as Excel stored it
    # text() of the value, made on first use: the layout rules ask a cell for it many times
    _text: str | None = field(default=None, repr=False, compare=False)

    @property
    def ref(self) -> str:
        return a1(self.row, self.col)

    @property
    def missing_formula_value(self) -> bool:
        """A formula whose file was never recalculated: no cached value to read."""
        return self.formula is not None and self.value is None and self.error is None

    @property
    def is_percent_format(self) -> bool:
        return "%" in self.number_format and "%" in _strip_quoted(self.number_format)

    def text(self) -> str:
        """The value as a stripped string ('' for empty)."""
        text = self._text
        if text is None:
            value = self.value
            if value is None:
                text = self.error or ""
            elif isinstance(value, float) and value.is_integer():
                text = str(int(value))
            else:
                text = str(value).strip()
            self._text = text
        return text


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


class Spans:
    """A set of whole numbers kept as ranges: `<col min="1" max="16384" hidden="1"/>` is one
    entry, not 16,384, however many times a hostile file repeats it."""

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int]] = []
        self._sorted = True

    def add(self, low: int, high: int | None = None) -> None:
        self._ranges.append((low, low if high is None else high))
        self._sorted = False

    def _merged(self) -> list[tuple[int, int]]:
        if not self._sorted:
            merged: list[tuple[int, int]] = []
            for low, high in sorted(self._ranges):
                if merged and low <= merged[-1][1] + 1:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], high))
                else:
                    merged.append((low, high))
            self._ranges, self._sorted = merged, True
        return self._ranges

    def __contains__(self, number: object) -> bool:
        ranges = self._merged()
        if not isinstance(number, int) or not ranges:
            return False
        index = bisect_right(ranges, (number, 1 << 62)) - 1
        return index >= 0 and ranges[index][0] <= number <= ranges[index][1]

    def __rand__(self, numbers: set[int]) -> set[int]:  # {3, 4} & spans
        return {n for n in numbers if n in self}

    def __bool__(self) -> bool:
        return bool(self._ranges)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Spans) and self._merged() == other._merged()

    def __repr__(self) -> str:
        return f"Spans({self._merged()})"


class MergeIndex:
    """Which cell a vertical merge covers, by binary search over each column's merges: a merge
    costs one entry however many rows it spans (a hostile file's 4,000 tall merges stay small)."""

    def __init__(self, merges: list[CellRange], max_rows: int) -> None:
        by_column: dict[int, list[tuple[int, int, int]]] = {}
        for merged in merges:
            rows = merged.max_row - merged.min_row + 1
            if rows == 1 or rows > max_rows:
                continue
            by_column.setdefault(merged.min_col, []).append(
                (merged.min_row, merged.max_row, merged.min_row)
            )
        self._starts = {c: [m[0] for m in sorted(ms)] for c, ms in by_column.items()}
        self._merges = {c: sorted(ms) for c, ms in by_column.items()}

    def anchor_row(self, row: int, col: int) -> int | None:
        """The top row of the vertical merge that covers (row, col) below its top, if any."""
        starts = self._starts.get(col)
        if not starts:
            return None
        index = bisect_right(starts, row) - 1
        if index < 0:
            return None
        top, bottom, _anchor = self._merges[col][index]
        return top if top < row <= bottom else None


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    merges: list[CellRange] = field(default_factory=list)
    state: str = "visible"  # visible | hidden | veryHidden
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: Spans = field(default_factory=Spans)
    problem: str | None = None  # the sheet is listed but could not be read

    def get(self, row: int, col: int) -> Cell | None:
        return self.cells.get((row, col))

    def rows(self) -> dict[int, list[Cell]]:
        """Non-empty cells grouped by row, rows and cells in order."""
        by_row: dict[int, list[Cell]] = {}
        for (row, _col), cell in sorted(self.cells.items()):
            by_row.setdefault(row, []).append(cell)
        return by_row


LONGEST_SHEET_NAME = 100  # letters: Excel allows 31, a crafted file any number


@dataclass
class Workbook:
    path: str
    file_format: str  # xlsx | xls | ods
    sheets: list[Sheet] = field(default_factory=list)
    external_links: list[str] = field(default_factory=list)  # parts linking to other files
    dde_links: list[str] = field(default_factory=list)  # 'cmd|/c calc': DDE, not files
    has_macros: bool = False
    # custom document properties (docProps/custom.xml), name -> text: how kinerja-xl knows its
    # own outputs (outputs/own.py)
    properties: dict[str, str] = field(default_factory=dict)
    # core document properties: who saved it last and when ('lastModifiedBy', 'modified')
    core: dict[str, str] = field(default_factory=dict)

    def distinct_sheet_names(self) -> None:
        """A sheet named like one before it (a crafted file: Excel allows no two alike) is
        'RKT (2)', so that a name says which sheet every issue, link and mark is about; a name
        longer than LONGEST_SHEET_NAME letters (Excel allows 31) is cut there with '…' first:
        every issue, Masalah row and link repeats it."""
        seen: set[str] = set()
        for sheet in self.sheets:
            if len(sheet.name) > LONGEST_SHEET_NAME:
                sheet.name = sheet.name[: LONGEST_SHEET_NAME - 1] + "…"
            name, number = sheet.name, 2
            while name in seen:
                name, number = f"{sheet.name} ({number})", number + 1
            sheet.name = name
            seen.add(name)
