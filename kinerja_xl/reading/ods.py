"""The reader for .ods (OpenDocument spreadsheets), over content.xml with the same
DTD-refusing expat parser as the .xlsx reader: values (numbers, percentages, currency, dates,
booleans, text with its spaces, tabs and line breaks), the stored result of a formula, error
results, merges, hidden sheets, rows and columns.

ODS compresses blank space as repeats (`number-rows-repeated="1048000"`): a repeat advances a
counter and costs nothing; only cells that hold something are kept, and each one counts
against the same cell limit as an .xlsx cell — a repeated value counts every repeat before it
is expanded. A stray cell at row 80,006 is one cell.
"""

from __future__ import annotations

import io
import math
import zipfile
from datetime import date, datetime, time
from typing import Any

from .grid import MAX_CELL_LETTERS, Cell, CellRange, Sheet, Workbook, within_cell
from .ooxml import MAX_SHEETS, CellLimitExceeded, SheetLimitExceeded, safe_expat

NUMERIC_TYPES = {"float", "percentage", "currency"}
# what adds only text to a cell: skipped at once when the cell's text is full
TEXT_ONLY = (":s", ":tab", ":line-break", ":span", ":p")
MAX_COLUMN = 16_384
MAX_ROW = 1_048_576


def read_ods(path: str, data: bytes, max_cells: int, max_sheets: int = MAX_SHEETS) -> Workbook:
    reader = _ContentReader(max_cells, max_sheets)
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as stream:
        safe_expat(reader).ParseFile(stream)
    workbook = Workbook(path=path, file_format="ods")
    workbook.sheets = reader.sheets
    return workbook


def _local(name: str) -> str:
    return name.rpartition(":")[2]


class _ContentReader:
    """expat callbacks over content.xml that fill one `Sheet` per table."""

    def __init__(self, max_cells: int, max_sheets: int = MAX_SHEETS) -> None:
        self.budget = max_cells
        self.max_sheets = max_sheets
        self.sheets: list[Sheet] = []
        self.hidden_table_styles: set[str] = set()
        self.style: str | None = None  # the automatic style being read
        self.sheet: Sheet | None = None
        self.row = 0  # rows before the current one
        self.col = 0  # columns before the current cell
        self.column_position = 0  # for <table-column> (hidden columns)
        self.row_repeat = 1
        self.row_hidden = False
        self.cell: dict[str, str] | None = None  # attributes of the open cell
        self.paragraphs: list[list[str]] = []
        self.room = 0  # letters the open cell's text may still take (Excel's 32,767 in all)
        self.depth_in_annotation = 0

    # --- elements ---------------------------------------------------------------------

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if (
            self.room <= 0
            and self.cell is not None
            and not self.depth_in_annotation
            and name.endswith(TEXT_ONLY)
        ):
            return  # the cell's text is full: two million <text:s/> cost a call each, no more
        tag = _local(name)
        attrs = {}
        for key, value in attributes.items():
            local = _local(key)
            # LibreOffice's calcext:value-type says "error" where office:value-type says "float"
            attrs["calc-type" if local == "value-type" and key.startswith("calcext") else local] = (
                value
            )
        if self.depth_in_annotation:  # a comment's text is not the cell's
            self.depth_in_annotation += 1
            return
        handler = getattr(self, f"_start_{tag.replace('-', '_')}", None)
        if handler is not None:
            handler(attrs)

    def end(self, name: str) -> None:
        if self.depth_in_annotation:
            self.depth_in_annotation -= 1
            return
        tag = _local(name)
        if tag == "table-row":
            self.row += self.row_repeat
        elif tag in ("table-cell", "covered-table-cell") and self.cell is not None:
            self._finish_cell()
        elif tag == "table":
            self.sheet = None

    def text(self, data: str) -> None:
        if self.cell is not None and self.paragraphs and not self.depth_in_annotation:
            self._add(data)

    def _add(self, piece: str) -> None:
        """Text of the open cell, up to Excel's 32,767 letters as it is collected."""
        if self.room <= 0:
            return
        if len(piece) > self.room:
            piece = piece[: self.room]
        self.paragraphs[-1].append(piece)
        self.room -= len(piece)

    # automatic styles: which table styles hide their sheet
    def _start_style(self, attrs: dict[str, str]) -> None:
        self.style = attrs.get("name") if attrs.get("family") == "table" else None

    def _start_table_properties(self, attrs: dict[str, str]) -> None:
        if self.style and attrs.get("display") == "false":
            self.hidden_table_styles.add(self.style)

    def _start_table(self, attrs: dict[str, str]) -> None:
        state = "hidden" if attrs.get("style-name") in self.hidden_table_styles else "visible"
        self.sheet = Sheet(name=attrs.get("name", f"Sheet{len(self.sheets) + 1}"), state=state)
        self.sheets.append(self.sheet)
        if len(self.sheets) > self.max_sheets:
            raise SheetLimitExceeded(len(self.sheets))
        self.row = self.col = self.column_position = 0

    def _start_table_column(self, attrs: dict[str, str]) -> None:
        repeat = _count(attrs.get("number-columns-repeated"))
        if self.sheet is not None and attrs.get("visibility") in ("collapse", "filter"):
            low = self.column_position + 1
            self.sheet.hidden_cols.add(low, min(low + repeat - 1, MAX_COLUMN))
        self.column_position += repeat

    def _start_table_row(self, attrs: dict[str, str]) -> None:
        self.row_repeat = _count(attrs.get("number-rows-repeated"))
        self.row_hidden = attrs.get("visibility") in ("collapse", "filter")
        self.col = 0

    def _start_table_cell(self, attrs: dict[str, str]) -> None:
        self.cell = attrs
        self.paragraphs = []
        self.room = MAX_CELL_LETTERS

    _start_covered_table_cell = _start_table_cell

    def _start_p(self, attrs: dict[str, str]) -> None:
        if self.cell is not None and self.room > 0:
            if self.paragraphs:
                self.room -= 1  # the line break between two paragraphs
            self.paragraphs.append([])

    def _start_s(self, attrs: dict[str, str]) -> None:  # <text:s text:c="3"/>: spaces
        if self.cell is not None and self.paragraphs:
            self._add(" " * min(_count(attrs.get("c")), self.room))

    def _start_tab(self, attrs: dict[str, str]) -> None:
        if self.cell is not None and self.paragraphs:
            self._add("\t")

    def _start_line_break(self, attrs: dict[str, str]) -> None:
        if self.cell is not None and self.paragraphs:
            self._add("\n")

    def _start_annotation(self, attrs: dict[str, str]) -> None:
        self.depth_in_annotation = 1

    # --- one cell -----------------------------------------------------------------------

    def _finish_cell(self) -> None:
        attrs, self.cell = self.cell or {}, None
        repeat = _count(attrs.get("number-columns-repeated"))
        top, left = self.row + 1, self.col + 1
        self.col += repeat
        if self.sheet is None or top > MAX_ROW or left > MAX_COLUMN:
            return
        across = _count(attrs.get("number-columns-spanned"))
        down = _count(attrs.get("number-rows-spanned"))
        if across > 1 or down > 1:
            self._spend(1)
            self.sheet.merges.append(
                CellRange(
                    top, left, min(top + down - 1, MAX_ROW), min(left + across - 1, MAX_COLUMN)
                )
            )
        value, number_format, error = self._value(attrs)
        formula = attrs.get("formula")
        if value is None and error is None:
            return
        rows = min(self.row_repeat, MAX_ROW - top + 1)
        columns = min(repeat, MAX_COLUMN - left + 1)
        self._spend(rows * columns)  # before a single repeat is expanded
        for r in range(top, top + rows):
            if self.row_hidden:
                self.sheet.hidden_rows.add(r)
            for c in range(left, left + columns):
                self.sheet.cells[(r, c)] = Cell(r, c, value, number_format, formula, error)

    def _value(self, attrs: dict[str, str]) -> tuple[Any, str, str | None]:
        kind = attrs.get("value-type")
        text = "\n".join("".join(p) for p in self.paragraphs)
        if attrs.get("calc-type") == "error" or _is_error_result(attrs, text):
            return None, "General", text.strip() or "#VALUE!"
        if kind in NUMERIC_TYPES:
            number = _number(attrs.get("value"))
            if number is None:
                return None, "General", "#NUM!"
            if kind == "percentage":
                fmt = "0%" if float(number * 100).is_integer() else "0.00%"
                return number, fmt, None
            return number, '"Rp"#,##0' if kind == "currency" else "General", None
        if kind == "date":
            moment = _date(attrs.get("date-value", ""))
            return (
                (moment, "yyyy-mm-dd", None) if moment is not None else (None, "General", "#####")
            )
        if kind == "time":
            return text or attrs.get("time-value"), "General", None
        if kind == "boolean":
            return attrs.get("boolean-value", "").lower() == "true", "General", None
        if kind == "string" and attrs.get("string-value") is not None:
            return within_cell(attrs["string-value"]), "General", None
        return (text if text != "" else None), "General", None

    def _spend(self, cells: int) -> None:
        self.budget -= cells
        if self.budget < 0:
            raise CellLimitExceeded(self.sheet.name if self.sheet else "?")


def _count(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _number(value: str | None) -> int | float | None:
    try:
        number = float(value or "")
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _date(value: str) -> datetime | date | None:
    try:
        if "T" in value:
            return datetime.fromisoformat(value)
        return datetime.combine(date.fromisoformat(value), time(0))
    except ValueError:
        return None


def _is_error_result(attrs: dict[str, str], text: str) -> bool:
    """LibreOffice marks a formula's error result (calcext:value-type="error") and shows it as
    '#DIV/0!', 'Err:502' …"""
    return attrs.get("formula") is not None and (
        text.startswith("#") and text.endswith(("!", "?", "A")) or text.startswith("Err:")
    )
