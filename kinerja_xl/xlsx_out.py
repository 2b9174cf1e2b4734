"""Writing sheets with xlsxwriter so that office text always stays text.

xlsxwriter turns strings that start with '=' into formulas and 'http…' into links unless told
not to; we turn both off, write every string with `write_string`, and give text that starts
with =, +, -, @, a tab or a line break the quote prefix, so that a later edit in Excel does not
turn it live either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import xlsxwriter

from .write import needs_quote_prefix

WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
RUPIAH = '"Rp"#,##0'
STYLES: dict[str, dict[str, Any]] = {
    "header": {
        "bold": True,
        "bg_color": "#D9E1F2",
        "border": 1,
        "text_wrap": True,
        "valign": "top",
    },
    "text": {"valign": "top"},
    "wrap": {"text_wrap": True, "valign": "top"},
    "int": {"num_format": "0", "valign": "top"},
    "number": {"num_format": "General", "valign": "top"},
    "rupiah": {"num_format": RUPIAH, "valign": "top"},
    "rupiah-bold": {"num_format": RUPIAH, "bold": True, "top": 1},
    # "0.##%" would show 90 % as "90.%": whole and fractional percentages get their own format
    "percent": {"num_format": "0%", "valign": "top"},
    "percent-decimal": {"num_format": "0.00%", "valign": "top"},
    "bold": {"bold": True},
    "highlight": {"bg_color": "#FFEB9C", "valign": "top", "text_wrap": True},
    "error": {"bg_color": "#FFC7CE", "valign": "top"},
    "warning": {"bg_color": "#FFEB9C", "valign": "top"},
    "ok": {"bg_color": "#C6EFCE", "valign": "top"},
    "link": {"font_color": "#0563C1", "underline": 1, "valign": "top"},
    "title": {"bold": True, "font_size": 13},
}


def new_workbook(path: str, streaming: bool = False) -> xlsxwriter.Workbook:
    """`streaming` writes each row to disk as soon as the next one starts (xlsxwriter's
    constant_memory): fast and bounded in memory, but every sheet must be written top to bottom."""
    return xlsxwriter.Workbook(path, {**WORKBOOK_OPTIONS, "constant_memory": streaming})


@dataclass(frozen=True)
class Link:
    """A cell that shows `text` and opens `url` (e.g. the office's file at a cell)."""

    text: str
    url: str


class Styles:
    """Formats made once per workbook; each has a twin with the quote prefix."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self._cache: dict[tuple[str, bool], Any] = {}

    def get(self, name: str, quoted: bool = False) -> Any:
        key = (name, quoted)
        if key not in self._cache:
            properties = dict(STYLES[name])
            if quoted:
                properties["quote_prefix"] = True
            self._cache[key] = self.book.add_format(properties)
        return self._cache[key]


@dataclass
class Column:
    title: str
    width: float = 14
    style: str = "text"


def write_value(sheet: Any, styles: Styles, row: int, col: int, value: Any, style: str) -> None:
    """One cell: strings always as strings (never formulas or links), numbers as numbers."""
    if isinstance(value, Link):
        sheet.write_url(row, col, value.url, styles.get("link"), value.text)
    elif value is None or value == "":
        sheet.write_blank(row, col, None, styles.get(style))
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, styles.get(style))
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, styles.get(style))
    else:
        text = str(value)[:32767]
        sheet.write_string(row, col, text, styles.get(style, needs_quote_prefix(text)))


def write_table(
    book: xlsxwriter.Workbook,
    styles: Styles,
    name: str,
    columns: list[Column],
    rows: list[list[Any]],
    row_styles: Sequence[Sequence[str | None]] | None = None,
    filter_columns: int | None = None,
) -> Any:
    """A data sheet, written top to bottom: header in row 1, frozen, filtered (over the first
    `filter_columns` columns, default all), sensible widths."""
    sheet = book.add_worksheet(name)
    for col, column in enumerate(columns):
        if column.title:
            sheet.write_string(0, col, column.title, styles.get("header"))
        sheet.set_column(col, col, column.width)
    plain = [styles.get(column.style) for column in columns]
    wrapped = [c for c, column in enumerate(columns) if column.style == "wrap"]
    for r, values in enumerate(rows, start=1):
        height = _row_height(values, columns, wrapped)
        if height:  # before the row's cells: streaming mode writes rows in order
            sheet.set_row(r, height)
        overrides = row_styles[r - 1] if row_styles else None
        for c, value in enumerate(values):
            style = overrides[c] if overrides else None
            if value is None or value == "":
                if style:  # a highlighted empty cell (e.g. a missing target) keeps its fill
                    sheet.write_blank(r, c, None, styles.get(style))
            elif type(value) is str and not needs_quote_prefix(value):
                sheet.write_string(r, c, value[:32767], styles.get(style) if style else plain[c])
            else:
                write_value(sheet, styles, r, c, value, style or columns[c].style)
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages down as needed
    sheet.repeat_rows(0)  # the header on every printed page
    last = (filter_columns or len(columns)) - 1
    sheet.autofilter(0, 0, max(len(rows), 1), last)
    return sheet


LINE_HEIGHT = 15  # points, for the default 11-point font


def _row_height(values: Sequence[Any], columns: list[Column], wrapped: list[int]) -> float | None:
    """Neither Excel nor LibreOffice grows a written row to fit wrapped text: estimate it from
    the longest wrapped cell (characters per line ≈ the column width)."""
    lines = 1
    for c in wrapped:
        text = values[c] if c < len(values) else None
        if type(text) is not str:
            continue
        per_line = int(columns[c].width * 1.1) or 1
        if "\n" in text:
            needed = sum(-(-max(len(part), 1) // per_line) for part in text.split("\n"))
        else:
            needed = -(-len(text) // per_line)
        lines = max(lines, needed)
    return min(LINE_HEIGHT * lines, 409) if lines > 1 else None
