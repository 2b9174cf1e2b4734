"""Writing sheets with xlsxwriter so that office text always stays text.

xlsxwriter turns strings that start with '=' into formulas and 'http…' into links unless told
not to; we turn both off, write every string with `write_string`, and give text that starts
with =, +, -, @, a tab or a line break the quote prefix, so that a later edit in Excel does not
turn it live either.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from .write import excel_escaped, needs_quote_prefix

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


_NEEDS_WORK = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")


def _xml_text(text: str) -> str:
    if not _NEEDS_WORK.search(text):
        return text
    return _escaped(text)


def _within_cell_limit(text: str) -> str:
    """Excel holds at most 32,767 UTF-16 units in a cell (an emoji counts two)."""
    if len(text) <= 16383:
        return text
    encoded = text.encode("utf-16-le")
    if len(encoded) <= 2 * 32767:
        return text
    return encoded[: 2 * 32767].decode("utf-16-le", errors="ignore")


def _escaped(text: str) -> str:
    return excel_escaped(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class StreamingSheet(Worksheet):
    """xlsxwriter's worksheet with one more method, `write_cells`, that writes a whole data row
    at once in constant-memory mode.

    xlsxwriter spends about 6 µs on every cell (argument checks, a tuple per cell, attribute
    lists, several regular expressions and a file write), which is most of the time of a
    national merge; `write_cells` builds the row's XML in one string, exactly as xlsxwriter
    would (tests/test_xlsx_out.py compares the two, part by part), with one difference: a text
    that looks like "<r>…</r>" is escaped like any other, where xlsxwriter would copy it into
    the file as markup. Workbook structure, styles, links, filters and print settings stay
    xlsxwriter's. Outside constant-memory mode it writes cell by cell with the public API.
    """

    def __init__(self) -> None:
        super().__init__()
        self._style_cache: dict[Any, str] = {None: ""}

    def write_cells(
        self,
        row: int,
        values: Sequence[Any],
        formats: Sequence[Any],
        height: float | None = None,
    ) -> None:
        """Row `row` (0-based): values[c] in column c with formats[c]. None or "" with a format
        is a formatted blank; with no format it is skipped. A `Link` becomes a hyperlink."""
        if not self.constant_memory:
            self._write_cells_one_by_one(row, values, formats, height)
            return
        if row < self.previous_row or (row == self.previous_row and self.table.get(row)):
            raise ValueError(f"rows must be written top to bottom (row {row + 1})")
        if row > self.previous_row:
            self._write_single_row(row)  # what xlsxwriter still holds of the row before
        number = row + 1
        names = _column_names(len(values))
        styles = self._style_cache
        needs_work = _NEEDS_WORK.search
        cells = []
        first = last = -1
        for col, value in enumerate(values):
            fmt = formats[col]
            if value is None or value == "":
                if fmt is None:
                    continue
                cells.append(f'<c r="{names[col]}{number}"{self._style_attributes(fmt)}/>')
            elif type(value) is str and len(value) <= 16383:  # the common case, inline
                text = _escaped(value) if needs_work(value) else value
                space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
                style = styles.get(fmt)
                if style is None:
                    style = self._style_attributes(fmt)
                cells.append(
                    f'<c r="{names[col]}{number}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'
                )
            else:
                cells.append(self._cell(row, col, value, fmt))
            if first < 0:
                first = col
            last = col
        if first < 0:
            return
        if self._check_dimensions(row, first) or self._check_dimensions(row, last):
            raise ValueError(f"row {number} is beyond what an Excel sheet can hold")
        if height is None:
            self.fh.write(f'<row r="{number}">{"".join(cells)}</row>')
        else:
            points = int(height * 4.0 / 3.0 + 0.5) * 0.75  # xlsxwriter's rounding to pixels
            self.fh.write(
                f'<row r="{number}" ht="{points:.16g}" customHeight="1">{"".join(cells)}</row>'
            )

    def _cell(self, row: int, col: int, value: Any, fmt: Any) -> str:
        ref = f"{_column_names(col + 1)[col]}{row + 1}"
        style = self._style_attributes(fmt)
        kind = type(value)
        if kind is str:
            text = _xml_text(_within_cell_limit(value))
            space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
            return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'
        if kind is bool:
            return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
        if kind is int or (kind is float and math.isfinite(value)):
            return f'<c r="{ref}"{style}><v>{value:.16G}</v></c>'
        if isinstance(value, Link) and self.write_url(row, col, value.url, fmt, value.text) == 0:
            self.table[row].pop(col, None)  # the link is kept; the cell is written here
            return self._cell(row, col, value.text, fmt)
        return self._cell(row, col, str(value.text if isinstance(value, Link) else value), fmt)

    def _style_attributes(self, fmt: Any) -> str:
        """' s="N"' for a format (xlsxwriter numbers formats as they are first used)."""
        attribute = self._style_cache.get(fmt)
        if attribute is None:
            attribute = self._style_cache[fmt] = f' s="{fmt._get_xf_index()}"'
        return attribute

    def _write_cells_one_by_one(
        self, row: int, values: Sequence[Any], formats: Sequence[Any], height: float | None
    ) -> None:
        if height is not None:
            self.set_row(row, height)
        for col, value in enumerate(values):
            fmt = formats[col]
            if value is None or value == "":
                if fmt is not None:
                    self.write_blank(row, col, None, fmt)
            elif isinstance(value, Link):
                self.write_url(row, col, value.url, fmt, value.text)
            elif isinstance(value, bool):
                self.write_boolean(row, col, value, fmt)
            elif isinstance(value, int | float):
                self.write_number(row, col, value, fmt)
            else:
                self.write_string(row, col, str(value)[:32767], fmt)


_COLUMN_NAMES: list[str] = []


def _column_names(count: int) -> list[str]:
    """["A", "B", …] at least `count` long."""
    while len(_COLUMN_NAMES) < count:
        _COLUMN_NAMES.append(xl_col_to_name(len(_COLUMN_NAMES)))
    return _COLUMN_NAMES


@dataclass
class Column:
    title: str
    width: float = 14
    style: str = "text"


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
    sheet = book.add_worksheet(name, worksheet_class=StreamingSheet)
    for col, column in enumerate(columns):
        if column.title:
            sheet.write_string(0, col, column.title, styles.get("header"))
        sheet.set_column(col, col, column.width)
    plain = [styles.get(column.style) for column in columns]
    wrapped = [c for c, column in enumerate(columns) if column.style == "wrap"]
    for r, values in enumerate(rows, start=1):
        overrides = row_styles[r - 1] if row_styles else None
        formats = _cell_formats(values, overrides, columns, plain, styles)
        sheet.write_cells(r, values, formats, _row_height(values, columns, wrapped))
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages down as needed
    sheet.repeat_rows(0)  # the header on every printed page
    last = (filter_columns or len(columns)) - 1
    sheet.autofilter(0, 0, max(len(rows), 1), last)
    return sheet


def _cell_formats(
    values: Sequence[Any],
    overrides: Sequence[str | None] | None,
    columns: list[Column],
    plain: list[Any],
    styles: Styles,
) -> list[Any]:
    """The format of each cell: the column's, or the row's override (a fill); text that Excel
    would turn live gets the quote-prefixed twin; an empty cell only keeps an override's fill."""
    formats = []
    for c, value in enumerate(values):
        style = overrides[c] if overrides else None
        if value is None or value == "":
            formats.append(styles.get(style) if style else None)
        elif type(value) is str and needs_quote_prefix(value):
            formats.append(styles.get(style or columns[c].style, quoted=True))
        elif isinstance(value, Link):
            formats.append(styles.get("link"))
        else:
            formats.append(styles.get(style) if style else plain[c])
    return formats


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
