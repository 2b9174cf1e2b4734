"""The reader for .xls (Excel 97–2003, BIFF8), through xlrd, in one pass: values, number
formats (a 0.9 formatted as 90 % is a target of 90 %), error cells, merges, hidden sheets, rows
and columns.

xlrd keeps only the rows a sheet has (`ragged_rows`), so a stray cell at IV65536 costs one
entry, not a 65,536 × 256 grid; every cell that holds something counts against the same cell
limit as an .xlsx (a sheet gets the same answer in every format).
"""

from __future__ import annotations

import io
import math
from typing import Any

from .grid import Cell, CellRange, Sheet, Workbook, within_cell
from .ooxml import (
    DATE_OUT_OF_RANGE,
    MAX_SHEETS,
    SURROGATE,
    CellLimitExceeded,
    SheetLimitExceeded,
)

VISIBILITY = {0: "visible", 1: "hidden", 2: "veryHidden"}


class XlsEncrypted(Exception):
    """The .xls is password-protected."""


def read_xls(path: str, data: bytes, max_cells: int, max_sheets: int = MAX_SHEETS) -> Workbook:
    import xlrd

    try:
        book = xlrd.open_workbook(
            file_contents=data,
            formatting_info=True,
            on_demand=True,
            ragged_rows=True,
            logfile=io.StringIO(),
        )
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise XlsEncrypted() from exc
        raise ValueError(f"xls: {exc}") from exc
    if book.nsheets > max_sheets:
        raise SheetLimitExceeded(book.nsheets)
    workbook = Workbook(path=path, file_format="xls")
    budget = [max_cells]
    for index in range(book.nsheets):
        source = book.sheet_by_index(index)
        sheet = Sheet(name=_text(source.name), state=VISIBILITY.get(source.visibility, "hidden"))
        _read_sheet(book, source, sheet, budget)
        workbook.sheets.append(sheet)
        book.unload_sheet(index)
    return workbook


def _read_sheet(book: Any, source: Any, sheet: Sheet, budget: list[int]) -> None:
    import xlrd

    for rlo, rhi, clo, chi in source.merged_cells:
        _spend(budget, 1, sheet.name)
        sheet.merges.append(CellRange(rlo + 1, clo + 1, rhi, chi))
    for row, info in source.rowinfo_map.items():
        if info.hidden:
            sheet.hidden_rows.add(row + 1)
    for col, info in source.colinfo_map.items():
        if info.hidden:
            sheet.hidden_cols.add(col + 1)
    for r in range(source.nrows):
        for c, cell in enumerate(source.row(r)):
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            _spend(budget, 1, sheet.name)
            sheet.cells[(r + 1, c + 1)] = _cell(book, cell, r + 1, c + 1)


def _cell(book: Any, cell: Any, row: int, col: int) -> Cell:
    import xlrd

    number_format = "General"
    if cell.xf_index is not None and cell.xf_index < len(book.xf_list):
        fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key)
        number_format = fmt.format_str if fmt is not None else "General"
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return Cell(row, col, _text(cell.value), number_format)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return Cell(row, col, bool(cell.value), number_format)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        error = xlrd.error_text_from_code.get(cell.value, "#VALUE!")
        return Cell(row, col, None, number_format, error=error)
    value = float(cell.value)
    if not math.isfinite(value):
        return Cell(row, col, None, number_format, error="#NUM!")
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return Cell(row, col, xlrd.xldate_as_datetime(value, book.datemode), number_format)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return Cell(row, col, None, number_format, error=DATE_OUT_OF_RANGE)
    number = int(value) if value.is_integer() and abs(value) < 2**53 else value
    return Cell(row, col, number, number_format)


def _text(value: Any) -> str:
    """xlrd's text as Python text (an .xls holds UTF-16, where a lone half may hide), within
    Excel's 32,767 letters."""
    text = within_cell(str(value))
    return SURROGATE.sub("\ufffd", text) if SURROGATE.search(text) else text


def _spend(budget: list[int], cells: int, sheet: str) -> None:
    budget[0] -= cells
    if budget[0] < 0:
        raise CellLimitExceeded(sheet)
