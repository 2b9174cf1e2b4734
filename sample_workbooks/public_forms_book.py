"""The building blocks of public_forms.py: a workbook that writes its own ground truth.

Every cell a sample writes is placed through `Sheet`, which returns its A1 reference; the sample
then records what a reader must find there (`Table.indicator`, `Table.line`). The truth and the
workbook therefore cannot drift apart: a cell moved in the layout moves in the truth too.

openpyxl writes a formula with no cached value (as a script does); real files were saved by
Excel, which stores the value it computed. `Book.save` writes each formula's value into the file
afterwards, and fixes every timestamp, so that the same code makes the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

FIXED_DATE = datetime(2024, 1, 2, 8, 0, 0)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
GREY = PatternFill("solid", fgColor="D9D9D9")
GREEN = PatternFill("solid", fgColor="D1E7DD")

PERCENT = "0%"
PERCENT2 = "0.00%"
THOUSANDS = "#,##0"
RUPIAH = '"Rp"#,##0'
JUTA = "#,##0.0"
TWO_DECIMALS = "0.00"


def ref(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


# --- what a typed value means --------------------------------------------------------------

GRADES = {"AA", "A", "BB", "B", "CC", "C", "D"}
OPINIONS = {"WTP", "WDP", "TW", "TMP"}
NUMBER_UNIT = re.compile(r"^(-?\d+(?:[.,]\d+)?)\s*(%|[A-Za-z][A-Za-z/ .]*)?$")


def meaning(text: str | float | int | None) -> tuple[Any, str | None]:
    """What a value the samples type means: (value, unit). "95%" and "95 %" -> (95, "persen"),
    "0,16%" -> (0.16, "persen"), "24 kegiatan" -> (24, "kegiatan"), "38 Kab/Kota" -> (38,
    "Kab/Kota"), "78,4" -> (78.4, None), "BB" -> ("BB", "predikat"), "-" or "" -> (None, None).
    Only the forms these samples use; the reader's own parser is what is being measured."""
    if text is None:
        return None, None
    if isinstance(text, int | float):
        return text, None
    text = text.strip()
    if text in ("", "-"):
        return None, None
    if text in GRADES:
        return text, "predikat"
    if text in OPINIONS:
        return text, "opini"
    match = NUMBER_UNIT.match(text)
    if not match:
        raise ValueError(f"the samples do not type {text!r}")
    number = float(match.group(1).replace(",", "."))
    value: Any = int(number) if number.is_integer() else number
    unit = match.group(2)
    if unit == "%":
        return value, "persen"
    return value, unit.strip() if unit else None


def expect(cell: str, text: str | float | int | None, *, percent_cell: bool = False) -> dict:
    """The truth of a field from what was typed in its cell. A number in a percent-formatted
    cell (0.78 shown as 78%) means 78 percent."""
    if percent_cell and isinstance(text, int | float):
        value = round(text * 100, 6)
        return {
            "cell": cell,
            "value": int(value) if float(value).is_integer() else value,
            "unit": "persen",
        }
    value, unit = meaning(text)
    found: dict[str, Any] = {"cell": cell, "value": value}
    if unit:
        found["unit"] = unit
    return found


def unit_of(field: dict) -> str | None:
    return field.get("unit") if field else None


# --- the truth ---------------------------------------------------------------------------------


@dataclass
class Table:
    """One table a reader must find, and every indicator or budget line in it."""

    sheet: str
    kind: str
    document: str
    header_row: int
    kinds: list[str] | None = None  # other kinds a reader may name it by
    documents: list[str] | None = None  # other documents a reader may name it by
    total: int | None = None
    periods_hold: str | None = None  # "realisasi" where a quarter's columns report results
    indicators: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    note: str | None = None

    def indicator(self, row: int, **fields: dict | None) -> None:
        self.indicators.append({"row": row, "fields": _present(fields)})

    def line(self, row: int, level: str, **fields: dict | None) -> None:
        self.lines.append({"row": row, "level": level, "fields": _present(fields)})

    def to_dict(self) -> dict:
        found: dict[str, Any] = {
            "sheet": self.sheet,
            "kind": self.kind,
            "kinds": self.kinds or [self.kind],
            "document": self.document,
            "documents": self.documents or [self.document],
            "header_row": self.header_row,
            "rows": len(self.indicators) + len(self.lines),
        }
        if self.total is not None:
            found["total"] = self.total
        if self.periods_hold:
            found["periods_hold"] = self.periods_hold
        if self.note:
            found["note"] = self.note
        if self.indicators:
            found["indicators"] = self.indicators
        if self.lines:
            found["lines"] = self.lines
        return found


def _present(fields: dict[str, dict | None]) -> dict[str, dict]:
    """Fields named in Python (period_TW_I, realisasi_2022) under their truth names ("period
    TW I", "realisasi 2022"); a field with no cell is not part of the truth."""
    return {name.replace("_", " "): spec for name, spec in fields.items() if spec is not None}


# --- the workbook ------------------------------------------------------------------------------


class Sheet:
    def __init__(self, book: Book, title: str):
        self.book = book
        self.ws = book.wb.create_sheet(title)
        self.title = title

    def put(
        self,
        row: int,
        col: int,
        value: Any,
        *,
        fmt: str | None = None,
        bold: bool = False,
        italic: bool = False,
        box: bool = True,
        wrap: bool = True,
        center: bool = False,
        fill: PatternFill | None = None,
    ) -> str:
        cell = self.ws.cell(row=row, column=col)
        cell.value = value
        if fmt:
            cell.number_format = fmt
        if bold or italic:
            cell.font = Font(name="Calibri", size=11, bold=bold, italic=italic)
        if box:
            cell.border = BOX
        cell.alignment = Alignment(
            wrap_text=wrap, vertical="top", horizontal="center" if center else None
        )
        if fill:
            cell.fill = fill
        return cell.coordinate

    def row(self, row: int, col: int, values: list[Any], **style: Any) -> list[str]:
        return [self.put(row, col + i, value, **style) for i, value in enumerate(values)]

    def merge(self, row: int, col: int, row2: int, col2: int, value: Any, **style: Any) -> str:
        anchor = self.put(row, col, value, **style)
        for r in range(row, row2 + 1):  # the merged area's border, as Excel draws it
            for c in range(col, col2 + 1):
                if (r, c) != (row, col) and style.get("box", True):
                    self.ws.cell(row=r, column=c).border = BOX
        self.ws.merge_cells(start_row=row, start_column=col, end_row=row2, end_column=col2)
        return anchor

    def formula(self, row: int, col: int, formula: str, cached: float | int, **style: Any) -> str:
        at = self.put(row, col, formula, **style)
        self.book.cached.setdefault(self.title, {})[at] = cached
        return at

    def title_line(self, row: int, text: str, span: int, *, bold: bool = True) -> str:
        return self.merge(row, 1, row, span, text, bold=bold, box=False, center=True, wrap=False)

    def text(self, row: int, col: int, text: str, **style: Any) -> str:
        style.setdefault("box", False)
        style.setdefault("wrap", False)
        return self.put(row, col, text, **style)

    def widths(self, *widths: float) -> None:
        for col, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(col)].width = width

    def page_break_before(self, row: int) -> None:
        self.ws.row_breaks.append(Break(id=row - 1))

    def landscape(
        self, repeat_rows: str | None = None, fit_width: bool = True, orientation: str = "landscape"
    ) -> None:
        self.ws.page_setup.orientation = orientation
        self.ws.page_setup.paperSize = self.ws.PAPERSIZE_A4
        if fit_width:
            self.ws.page_setup.fitToWidth = 1
            self.ws.page_setup.fitToHeight = 0
            self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        if repeat_rows:
            self.ws.print_title_rows = repeat_rows

    def signature(self, row: int, col: int, lines: list[str]) -> int:
        """A signature block: place and date, the office, four empty lines, the name, NIP."""
        for line in lines:
            if line:
                self.text(row, col, line, center=True)
            row += 1
        return row


class Book:
    """One sample: its workbook, and the truth a reader must find in it."""

    def __init__(
        self,
        file: str,
        *,
        layout: str,
        follows: str,
        sources: list[str],
        office: str | None,
        office_code: str | None,
        year: int | None,
        about: str,
    ):
        self.file = file
        self.wb = openpyxl.Workbook()
        self.wb.remove(self.wb.active)
        self.cached: dict[str, dict[str, float | int]] = {}
        self.tables: list[Table] = []
        self.faults: list[dict] = []
        self.truth: dict[str, Any] = {
            "file": file,
            "layout": layout,
            "follows": follows,
            "sources": sources,
            "about": about,
            "office": office,
            "office_code": office_code,
            "year": year,
        }

    def sheet(self, title: str) -> Sheet:
        return Sheet(self, title)

    def table(self, sheet: Sheet, kind: str, document: str, header_row: int, **more: Any) -> Table:
        table = Table(sheet.title, kind, document, header_row, **more)
        self.tables.append(table)
        return table

    def fault(self, code: str, sheet: Sheet, cell: str, why: str) -> None:
        self.faults.append({"code": code, "sheet": sheet.title, "cell": cell, "why": why})

    def to_dict(self) -> dict:
        return {
            **self.truth,
            "clean": not self.faults,
            "faults": self.faults,
            "tables": [table.to_dict() for table in self.tables],
        }

    def save(self, folder: Path) -> Path:
        for ws in self.wb.worksheets:
            _fit_rows(ws)
        self.wb.properties.creator = "kinerja-xl samples"
        self.wb.properties.created = self.wb.properties.modified = FIXED_DATE
        buffer = io.BytesIO()
        self.wb.save(buffer)
        path = folder / self.file
        path.write_bytes(_fixed(buffer.getvalue(), self._cached_by_part()))
        return path

    def _cached_by_part(self) -> dict[str, dict[str, float | int]]:
        return {
            f"xl/worksheets/sheet{index}.xml": self.cached.get(ws.title, {})
            for index, ws in enumerate(self.wb.worksheets, start=1)
        }


def _fit_rows(ws) -> None:
    """Row heights as Excel stores them once a person has made wrapped text readable: enough
    lines for the longest text in the row (a merged cell spread over its columns and rows)."""
    spans = {}
    for area in ws.merged_cells.ranges:
        width = sum(_width(ws, c) for c in range(area.min_col, area.max_col + 1))
        spans[(area.min_row, area.min_col)] = (width, area.max_row - area.min_row + 1)
    needed: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            text = cell.value
            if not isinstance(text, str) or text.startswith("=") or not cell.alignment.wrap_text:
                continue
            width, rows = spans.get((cell.row, cell.column), (_width(ws, cell.column), 1))
            chars = max(1.0, width * (0.85 if cell.font and cell.font.bold else 1.0))
            lines = sum(max(1, -(-len(part) // int(chars))) for part in text.split("\n"))
            per_row = -(-lines // rows)
            for r in range(cell.row, cell.row + rows):
                needed[r] = max(needed.get(r, 1), per_row)
    for row, lines in needed.items():
        if lines > 1:
            ws.row_dimensions[row].height = 15 * lines


def _width(ws, col: int) -> float:
    return ws.column_dimensions[get_column_letter(col)].width or 8.43


STAMP = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _fixed(data: bytes, cached: dict[str, dict[str, float | int]]) -> bytes:
    """The workbook as Excel would have saved it: each formula with its computed value, and
    fixed timestamps in the zip and the document properties."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename in cached and cached[info.filename]:
                content = _with_values(content.decode("utf-8"), cached[info.filename]).encode()
            if info.filename == "docProps/core.xml":
                stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
                content = STAMP.sub(rf"\g<1>{stamp}\g<2>", content.decode()).encode()
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def _with_values(xml: str, values: dict[str, float | int]) -> str:
    for at, value in values.items():
        pattern = re.compile(rf'(<c r="{at}"[^>]*>)(<f>.*?</f>)<v ?/>(</c>)')
        xml, count = pattern.subn(lambda m, v=value: f"{m[1]}{m[2]}<v>{_number(v)}</v>{m[3]}", xml)
        if count != 1:
            raise ValueError(f"no formula at {at} to give the value {value}")
    return xml


def _number(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
