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
from dataclasses import dataclass, replace
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.sharedstrings import SharedStringTable
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from ..reading.caching import LONGEST_KEPT, text_cache
from ..reading.discover import display_name
from .fitting import balanced_widths, lines_of, text_pixels, word_pixels
from .printing import (
    LEGIBLE_SCALE,
    PageInfo,
    choose_layout,
    print_xlsxwriter,
    printable_pixels,
)
from .write import excel_escaped, needs_quote_prefix, work_folder

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
    "int-bold": {"num_format": "0", "bold": True, "top": 1, "valign": "top"},
    "number": {"num_format": "General", "valign": "top"},
    "rupiah": {"num_format": RUPIAH, "valign": "top"},
    "rupiah-bold": {"num_format": RUPIAH, "bold": True, "top": 1, "valign": "top"},
    # "0.##%" would show 90 % as "90.%": whole and fractional percentages get their own format
    "percent": {"num_format": "0%", "valign": "top"},
    "percent-decimal": {"num_format": "0.00%", "valign": "top"},
    "bold": {"bold": True, "valign": "top"},
    "wrap-bold": {"bold": True, "text_wrap": True, "valign": "top"},
    "wrap-bold-italic": {"bold": True, "italic": True, "text_wrap": True, "valign": "top"},
    "wrap-indent": {"text_wrap": True, "valign": "top", "indent": 1},
    "muted": {"italic": True, "font_color": "#595959", "valign": "top"},
    "link": {"font_color": "#0563C1", "underline": 1, "valign": "top"},
    "title": {"bold": True, "font_size": 13},
    "note": {"italic": True, "text_wrap": True, "valign": "top"},
}
# Fills laid over a column's own style ("wrap+error"): a problem shows where it is.
FILLS: dict[str, dict[str, Any]] = {
    "error": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
    "warning": {"bg_color": "#FFEB9C", "font_color": "#7F6000"},
    "ok": {"bg_color": "#C6EFCE", "font_color": "#006100"},
    "missing": {"bg_color": "#E7E6E6", "font_color": "#3A3838"},
    "highlight": {"bg_color": "#FFEB9C"},
    "header-error": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
}


def new_workbook(path: str, streaming: bool = False) -> xlsxwriter.Workbook:
    """`streaming` writes each row to disk as soon as the next one starts (xlsxwriter's
    constant_memory): fast and bounded in memory, but every sheet must be written top to bottom.
    xlsxwriter's own temporary files go beside `path` (the output's working folder), not into
    the system's temporary folder, so that they go when it goes."""
    options = {**WORKBOOK_OPTIONS, "constant_memory": streaming, "tmpdir": work_folder(path)}
    return xlsxwriter.Workbook(path, options)


@dataclass(frozen=True)
class Link:
    """A cell that shows `text` and opens `url` (e.g. the office's file at a cell)."""

    text: str
    url: str


class Styles:
    """Formats made once per workbook; each has a twin with the quote prefix. A name may
    combine a style and a fill ("wrap+error"); `define` adds a style made for one workbook
    (a number format that says "(belum lengkap)" in the workbook's language)."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self._cache: dict[tuple[str, bool], Any] = {}
        self._defined: dict[str, dict[str, Any]] = {}

    def define(self, name: str, properties: dict[str, Any]) -> str:
        self._defined[name] = properties
        return name

    def get(self, name: str, quoted: bool = False) -> Any:
        key = (name, quoted)
        if key not in self._cache:
            properties: dict[str, Any] = {}
            for part in name.split("+"):
                properties.update(self._defined.get(part) or STYLES.get(part) or FILLS[part])
            if quoted:
                properties["quote_prefix"] = True
            self._cache[key] = self.book.add_format(properties)
        return self._cache[key]


_NEEDS_WORK = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]|_x[0-9a-fA-F]{4}_")


def _inline_text(value: str, known: dict[str, str]) -> str:
    """The XML after a text cell's reference and style; remembered in `known` (a sheet's: the
    same offices, files, statuses and indicators fill most of a province's rows)."""
    text = _escaped(value) if _NEEDS_WORK.search(value) else value
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    fragment = f' t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if len(value) <= LONGEST_KEPT:
        known[value] = fragment
    return fragment


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
    """XML text as Excel stores it; a lone surrogate (a file name that is not UTF-8) as '�'."""
    text = excel_escaped(display_name(text))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _internals_present() -> bool:
    """Whether this xlsxwriter still has what `StreamingSheet.write_cells` builds on: the row
    buffer (`_write_single_row`, `previous_row`, `table`), the file handle, the dimension
    check and the format index. A release that renames any of them gets the public path."""
    probe = Worksheet()
    methods = [
        getattr(Worksheet, "_write_single_row", None),
        getattr(Worksheet, "_check_dimensions", None),
        getattr(Format, "_get_xf_index", None),
        getattr(SharedStringTable, "_get_shared_string_index", None),
    ]
    attributes = ("previous_row", "table", "fh", "constant_memory", "str_table")
    return all(callable(m) for m in methods) and all(hasattr(probe, a) for a in attributes)


# Checked once; tests/test_xlsx_out.py forces it off to prove the public path writes the same.
FAST_PATH = _internals_present()


class StreamingSheet(Worksheet):
    """xlsxwriter's worksheet with one more method, `write_cells`, that writes a whole data row
    at once in constant-memory mode.

    xlsxwriter spends about 6 µs on every cell (argument checks, a tuple per cell, attribute
    lists, several regular expressions and a file write), which is most of the time of a
    national merge; `write_cells` builds the row's XML in one string, exactly as xlsxwriter
    would (tests/test_xlsx_out.py compares the two, part by part), with one difference: a text
    that looks like "<r>…</r>" is escaped like any other, where xlsxwriter would copy it into
    the file as markup. Workbook structure, styles, links, filters and print settings stay
    xlsxwriter's. Outside constant-memory mode, or with an xlsxwriter whose internals differ
    (`FAST_PATH`), it writes cell by cell with the public API, to the same effect.
    """

    def __init__(self) -> None:
        super().__init__()
        self._style_cache: dict[Any, str] = {None: ""}
        self._inline_texts: dict[str, str] = {}
        self._shared_texts: dict[str, str] = {}  # long text -> ' t="s"><v>N</v></c>'

    def write_cells(
        self,
        row: int,
        values: Sequence[Any],
        formats: Sequence[Any],
        height: float | None = None,
    ) -> None:
        """Row `row` (0-based): values[c] in column c with formats[c]. None or "" with a format
        is a formatted blank; with no format it is skipped. A `Link` becomes a hyperlink."""
        if not self.constant_memory or not FAST_PATH:
            self._write_cells_one_by_one(row, values, formats, height)
            return
        if row < self.previous_row or (row == self.previous_row and self.table.get(row)):
            raise ValueError(f"rows must be written top to bottom (row {row + 1})")
        if row > self.previous_row:
            self._write_single_row(row)  # what xlsxwriter still holds of the row before
        number = row + 1
        names = _column_names(len(values))
        styles = self._style_cache
        inline = self._inline_texts
        cells = []
        first = last = -1
        for col, value in enumerate(values):
            fmt = formats[col]
            if value is None or value == "":
                if fmt is None:
                    continue
                cells.append(f'<c r="{names[col]}{number}"{self._style_attributes(fmt)}/>')
            elif type(value) is str and len(value) <= LONGEST_KEPT:  # the common case, inline
                text = inline.get(value) or _inline_text(value, inline)
                style = styles.get(fmt)
                if style is None:
                    style = self._style_attributes(fmt)
                cells.append(f'<c r="{names[col]}{number}"{style}{text}')
            elif type(value) is str and (text := self._shared_text(value)):
                style = styles.get(fmt)
                if style is None:
                    style = self._style_attributes(fmt)
                cells.append(f'<c r="{names[col]}{number}"{style}{text}')
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

    def _shared_text(self, value: str) -> str:
        """A long text as a shared string: written once in the workbook however many cells
        show it (a 30,000-letter indicator in 30,000 rows is one entry, not 900 MB of XML);
        '' for a text xlsxwriter's table would not keep as it is (one shaped like rich-text
        markup, or holding U+FFFE/U+FFFF), which is written inline."""
        fragment = self._shared_texts.get(value)
        if fragment is None:
            fragment = ""
            text = _within_cell_limit(display_name(value))
            markup = text.startswith("<r>") and text.endswith("</r>")
            if not markup and "\ufffe" not in text and "\uffff" not in text:
                index = self.str_table._get_shared_string_index(text)
                fragment = f' t="s"><v>{index}</v></c>'
            self._shared_texts[value] = fragment
        return fragment

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
        """The public API's way, with the text handled as `write_cells` handles it."""
        if height is not None:
            self.set_row(row, height)
        for col, value in enumerate(values):
            fmt = formats[col]
            if value is None or value == "":
                if fmt is not None:
                    self.write_blank(row, col, None, fmt)
            elif isinstance(value, Link):
                self.write_url(row, col, value.url, fmt, _public_text(value.text))
            elif isinstance(value, bool):
                self.write_boolean(row, col, value, fmt)
            elif isinstance(value, int | float) and math.isfinite(value):
                self.write_number(row, col, value, fmt)
            else:
                self._write_text(row, col, _public_text(str(value)), fmt)

    def _write_text(self, row: int, col: int, text: str, fmt: Any) -> None:
        """Text shaped "<r>…</r>" goes in as plain runs of a rich string (xlsxwriter wants three
        at least): written as a string, xlsxwriter would copy it into the file as markup. The
        reader sees the same text either way."""
        if text.startswith("<r>") and text.endswith("</r>"):
            self.write_rich_string(row, col, text[:1], text[1:3], text[3:], fmt)
        else:
            self.write_string(row, col, text, fmt)


def _public_text(text: str) -> str:
    """What the public API may be given: no lone surrogate, within Excel's cell limit
    (xlsxwriter escapes control characters and "_x…_" itself)."""
    return _within_cell_limit(display_name(text))


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
    printed: bool = True  # columns for scripts (codes) stay to the right, off the printed page


def write_table(
    book: xlsxwriter.Workbook,
    styles: Styles,
    name: str,
    columns: list[Column],
    rows: list[list[Any]],
    row_styles: Sequence[Sequence[str | None]] | None = None,
    page: PageInfo | None = None,
    key_columns: int = 1,
    header_styles: Sequence[str | None] | None = None,
    filter_rows: int | None = None,
    one_page: bool = True,
) -> Any:
    """A data sheet, written top to bottom: header in row 1 (tall enough for its wrapped
    titles), frozen, filtered (over the first `filter_rows` data rows, default all), sensible
    widths, and print settings that keep it legible on A4 (`printing.py`).

    `row_styles[r][c]` lays a fill ("error", "warning" …) over the column's style, or names a
    style of its own; `header_styles[c]` does the same for a column title."""
    if page is not None:
        columns = _legible(columns, rows)
    sheet = book.add_worksheet(name, worksheet_class=StreamingSheet)
    sheet.set_row(0, header_height(columns))
    for col, column in enumerate(columns):
        if column.title:
            extra = header_styles[col] if header_styles and col < len(header_styles) else None
            style = f"header+{extra}" if extra else "header"
            sheet.write_string(0, col, column.title, styles.get(style))
        sheet.set_column(col, col, column.width)
    plain = [styles.get(column.style) for column in columns]
    wrapped = [c for c, column in enumerate(columns) if column.style in WRAPPING]
    height = header_height(columns)
    for r, values in enumerate(rows, start=1):
        overrides = row_styles[r - 1] if row_styles else None
        formats = _cell_formats(values, overrides, columns, plain, styles)
        wrapping = wrapped
        if overrides and any(o and o.startswith("wrap") for o in overrides):
            wrapping = [  # a cell a row's own style wraps (a total in words) counts too
                c
                for c, column in enumerate(columns)
                if column.style in WRAPPING
                or (c < len(overrides) and (overrides[c] or "").startswith("wrap"))
            ]
        row_height = _row_height(values, columns, wrapping)
        height += row_height or LINE_HEIGHT
        sheet.write_cells(r, values, formats, row_height)
    sheet.freeze_panes(1, 0)
    filtered = len(rows) if filter_rows is None else filter_rows
    sheet.autofilter(0, 0, max(filtered, 1), len(columns) - 1)
    printed = [c for c in columns if c.printed]
    if page is not None:
        widths = [c.width for c in printed]
        tall = height if one_page else None  # a chart under the rows: its own page
        print_xlsxwriter(sheet, widths, page, key_columns=key_columns, height=tall)
    if len(printed) < len(columns):
        sheet.print_area(0, 0, max(len(rows), 1), len(printed) - 1)
    return sheet


WRAPPING = {"wrap", "note"}


def _legible(columns: list[Column], rows: list[list[Any]]) -> list[Column]:
    """The printed wrapped columns' widths shared out (`fitting.balanced_widths`) so that the
    sheet prints at 8 points or more (`printing.LEGIBLE_SCALE`) with rows as short as its
    text allows; a sheet legible as it is keeps its widths."""
    printed = [c for c in columns if c.printed]
    widths = [c.width for c in printed]
    if choose_layout(widths).scale >= LEGIBLE_SCALE:
        return columns  # legible as it is
    wrapped = [i for i, c in enumerate(printed) if c.style in WRAPPING]
    budget = printable_pixels(True) / LEGIBLE_SCALE
    texts = [
        [row[i] if i < len(row) and type(row[i]) is str else None for i in wrapped] for row in rows
    ]
    titles = [printed[i].title for i in wrapped]
    balanced = iter(balanced_widths(widths, wrapped, texts, titles, budget))
    return [replace(c, width=next(balanced)) if c.printed else c for c in columns]


def _cell_formats(
    values: Sequence[Any],
    overrides: Sequence[str | None] | None,
    columns: list[Column],
    plain: list[Any],
    styles: Styles,
) -> list[Any]:
    """The format of each cell: the column's, with the row's override laid over it (a fill) or
    in its place (a style); text that Excel would turn live gets the quote-prefixed twin; an
    empty cell only keeps an override."""
    formats = []
    reach = len(overrides) if overrides else 0
    for c, value in enumerate(values):
        override = overrides[c] if c < reach else None  # type: ignore[index]
        if override is None and type(value) is str and value and not needs_quote_prefix(value):
            formats.append(plain[c])  # most cells: text in the column's own style
            continue
        style = _combined(columns[c].style, override) if override else None
        if value is None or value == "":
            formats.append(styles.get(style) if style else None)
        elif type(value) is str and needs_quote_prefix(value):
            formats.append(styles.get(style or columns[c].style, quoted=True))
        elif isinstance(value, Link):
            formats.append(styles.get(_combined("link", override) if override else "link"))
        else:
            formats.append(styles.get(style) if style else plain[c])
    return formats


def _combined(column_style: str, override: str) -> str:
    """A fill goes over the column's style; anything else is a style of its own."""
    return f"{column_style}+{override}" if override in FILLS else override


LINE_HEIGHT = 15  # points: a row of one line of the default 11-point font
WRAPPED_LINE = 13.5  # points each wrapped line of it takes (Calibri: 18 of Excel's 24 px)


TALLEST_ROW = 409  # points: Excel's limit


def lines_height(lines: int) -> float:
    """The height, in points, of a row of `lines` wrapped lines of 11-point Calibri, as Excel
    sizes it (18 px a line and 2 px of margin at 96 dpi): 15 for one line, 28.5 for two; never
    past Excel's 409."""
    return min(LINE_HEIGHT + WRAPPED_LINE * (lines - 1), TALLEST_ROW)


@text_cache(maxsize=1 << 16)  # the same indicator and program names recur in every office
def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines `text` takes in a column `width` characters wide, wrapped at spaces as
    Excel and LibreOffice do (a word longer than the line is broken), measured in Calibri's
    metrics (`fitting.py`)."""
    return lines_of(word_pixels(text, bold), width, text_pixels(" ", bold))


def header_height(columns: list[Column]) -> float:
    """Row 1 tall enough for every wrapped title (bold text is a little wider)."""
    lines = max((wrapped_lines(c.title, c.width, bold=True) for c in columns), default=1)
    return lines_height(lines) + 3


def _row_height(values: Sequence[Any], columns: list[Column], wrapped: list[int]) -> float | None:
    """Neither Excel nor LibreOffice grows a written row to fit wrapped text: estimate it from
    the longest wrapped cell."""
    lines = 1
    for c in wrapped:
        text = values[c] if c < len(values) else None
        if type(text) is str and len(text) > columns[c].width:
            lines = max(lines, wrapped_lines(text, columns[c].width))
    return lines_height(lines) if lines > 1 else None
