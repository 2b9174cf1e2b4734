"""Open a workbook safely, by its content rather than its name, within size limits.

Everything that can go wrong while opening ends in one `UnreadableWorkbook` with a reason key
(see `messages.UNREADABLE_REASONS`), never in a traceback. The input file is only ever
opened for reading.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException

from .grid import Cell, CellRange, Sheet, Workbook
from .ooxml import CellLimitExceeded, read_ooxml, safe_expat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class ReadLimits:
    """Caps checked before the heavy parse. Real plans are a few hundred KB inflated."""

    max_inflated_mb: int = 200
    max_ratio: int = 200  # inflated / compressed, for parts above 1 MB
    max_cells: int = 200_000  # a real plan has a few thousand

    @classmethod
    def from_env(cls) -> ReadLimits:
        """KINERJA_XL_MAX_MB / KINERJA_XL_MAX_CELLS raise the limits for an odd big file."""
        return cls(
            max_inflated_mb=int(os.environ.get("KINERJA_XL_MAX_MB", cls.max_inflated_mb)),
            max_cells=int(os.environ.get("KINERJA_XL_MAX_CELLS", cls.max_cells)),
        )


class UnreadableWorkbook(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def open_workbook(path: str | os.PathLike[str], limits: ReadLimits | None = None) -> Workbook:
    limits = limits or ReadLimits.from_env()
    data = _read_bytes(os.fspath(path))
    try:
        return _open_by_content(os.fspath(path), data, limits)
    except UnreadableWorkbook:
        raise
    except DefusedXmlException as exc:
        raise UnreadableWorkbook("unsafe-xml", type(exc).__name__) from exc
    except CellLimitExceeded as exc:
        raise UnreadableWorkbook("too-many-cells", str(exc)) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UnreadableWorkbook("truncated", str(exc)) from exc
    except (ParseError, KeyError, ValueError, IndexError) as exc:
        raise UnreadableWorkbook("corrupt", str(exc)[:200]) from exc
    except Exception as exc:  # calamine raises its own types; any of them means "cannot read"
        raise UnreadableWorkbook("corrupt", f"{type(exc).__name__}: {str(exc)[:200]}") from exc


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError as exc:
        raise UnreadableWorkbook("not-found") from exc
    except PermissionError as exc:
        raise UnreadableWorkbook("permission") from exc
    except IsADirectoryError as exc:
        raise UnreadableWorkbook("is-directory") from exc
    except OSError as exc:
        raise UnreadableWorkbook("os-error", exc.strerror or str(exc)) from exc


def _open_by_content(path: str, data: bytes, limits: ReadLimits) -> Workbook:
    if not data.strip(b"\x00 \t\r\n"):
        raise UnreadableWorkbook("empty")
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise UnreadableWorkbook("encrypted")
        return _read_with_calamine(path, data, "xls", limits)
    if data.startswith(ZIP_MAGIC):
        return _open_zip(path, data, limits)
    raise UnreadableWorkbook("not-a-workbook", _describe_non_workbook(data))


def _open_zip(path: str, data: bytes, limits: ReadLimits) -> Workbook:
    archive = zipfile.ZipFile(io.BytesIO(data))
    _check_inflated_sizes(archive, limits)
    names = set(archive.namelist())
    if "xl/workbook.xml" in names or any(n.endswith("workbook.xml") for n in names):
        return read_ooxml(archive, path, limits.max_cells)
    if "xl/workbook.bin" in names:
        return _read_with_calamine(path, data, "xlsb", limits)
    if "content.xml" in names and ODS_MIMETYPE in _mimetype(archive):
        return _read_with_calamine(path, data, "ods", limits)
    if "word/document.xml" in names:
        raise UnreadableWorkbook("not-a-workbook", "Word")
    if "ppt/presentation.xml" in names:
        raise UnreadableWorkbook("not-a-workbook", "PowerPoint")
    raise UnreadableWorkbook("not-a-workbook", "zip")


def _mimetype(archive: zipfile.ZipFile) -> bytes:
    try:
        return archive.read("mimetype")[:100]
    except KeyError:
        return ODS_MIMETYPE if "META-INF/manifest.xml" in archive.namelist() else b""


def _check_inflated_sizes(archive: zipfile.ZipFile, limits: ReadLimits) -> None:
    """Refuse zip bombs from the zip directory alone, before inflating anything.

    Python's zipfile stops at the declared size, so the declared sizes bound the work.
    """
    cap = limits.max_inflated_mb * 1024 * 1024
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > limits.max_ratio:
            raise UnreadableWorkbook("too-large", f"{info.filename}: ×{ratio:.0f}")
        if total > cap:
            raise UnreadableWorkbook("too-large", f"> {limits.max_inflated_mb} MB")


def _describe_non_workbook(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "PDF"
    if head.startswith((b"<!doctype html", b"<html", b"<table")):
        return "HTML"
    if head.startswith(b"<?xml"):
        return "XML"
    try:
        text = data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return "biner"
    return "CSV" if text.count(",") + text.count(";") + text.count("\t") > 2 else "teks"


def _read_with_calamine(path: str, data: bytes, file_format: str, limits: ReadLimits) -> Workbook:
    import python_calamine as calamine

    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError as exc:
        raise UnreadableWorkbook("encrypted") from exc
    workbook = Workbook(path=path, file_format=file_format)
    budget = limits.max_cells
    for meta in book.sheets_metadata:
        if "WorkSheet" not in str(meta.typ):
            continue
        state = {"Visible": "visible", "Hidden": "hidden"}.get(
            str(meta.visible).rsplit(".", 1)[-1], "veryHidden"
        )
        sheet = Sheet(name=meta.name, state=state)
        try:
            source = book.get_sheet_by_name(meta.name)
            budget -= source.height * source.width
            if budget < 0:
                raise UnreadableWorkbook("too-many-cells", meta.name)
            _fill_from_rows(sheet, source.to_python(skip_empty_area=False))
            sheet.merges = [
                CellRange(r1 + 1, c1 + 1, r2 + 1, c2 + 1)
                for (r1, c1), (r2, c2) in (source.merged_cell_ranges or [])
            ]
        except UnreadableWorkbook:
            raise
        except Exception as exc:
            sheet.problem = f"{type(exc).__name__}: {str(exc)[:120]}"
        workbook.sheets.append(sheet)
    _add_formats_and_errors(workbook, data, limits.max_cells)
    return workbook


def _add_formats_and_errors(workbook: Workbook, data: bytes, max_cells: int) -> None:
    """What calamine does not give, once the file is known to be within the cell limit: number
    formats (.xls through xlrd, .ods percentages from content.xml), .xls error cells and .ods
    merged cells."""
    merges: dict[str, list[CellRange]] = {}
    if workbook.file_format == "xls":
        formats, errors = _xls_formats_and_errors(data)
    elif workbook.file_format == "ods":
        details = _ods_details(data, max_cells)
        formats, errors = (details.percent_cells if details else None), None
        merges = details.merges if details else {}
    else:
        return
    for sheet in workbook.sheets:
        if not sheet.merges and merges.get(sheet.name):
            sheet.merges = merges[sheet.name]
        if formats is not None:
            _apply_number_formats(sheet, formats.get(sheet.name, {}))
        if errors is not None:
            _apply_errors(sheet, errors.get(sheet.name, {}))


CellDetails = dict[str, dict[tuple[int, int], str]]  # sheet -> (row, col) -> a detail


def _xls_formats_and_errors(data: bytes) -> tuple[CellDetails | None, CellDetails | None]:
    """What calamine does not give for an .xls, read with xlrd: the number format of each
    number cell (a 0.9 formatted as 90 % is a target of 90 %) and the error cells ("#REF!",
    which calamine turns into blanks). (None, None) when xlrd cannot read the file: the values
    from calamine still stand."""
    import xlrd

    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO()
        )
        formats: CellDetails = {}
        errors: CellDetails = {}
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            found = formats.setdefault(sheet.name, {})
            failed = errors.setdefault(sheet.name, {})
            for row in range(sheet.nrows):
                for col, cell in enumerate(sheet.row(row)):
                    if cell.ctype == xlrd.XL_CELL_NUMBER:
                        xf = book.xf_list[cell.xf_index]
                        found[(row + 1, col + 1)] = book.format_map[xf.format_key].format_str
                    elif cell.ctype == xlrd.XL_CELL_ERROR:
                        failed[(row + 1, col + 1)] = xlrd.error_text_from_code.get(
                            cell.value, "#VALUE!"
                        )
            book.unload_sheet(index)
    except Exception:
        return None, None
    return formats, errors


def _ods_details(data: bytes, max_cells: int = 200_000) -> _OdsDetailsReader | None:
    """From content.xml, by the same DTD-refusing parser: the cells an .ods stores as
    percentages (office:value-type="percentage"; "0%" or "0.00%") and its merged cells
    (number-columns-spanned / number-rows-spanned), neither of which calamine gives."""
    reader = _OdsDetailsReader(max_cells)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as stream:
            safe_expat(reader).ParseFile(stream)
    except Exception:
        return None
    return reader


class _OdsDetailsReader:
    """expat callbacks over content.xml: where each percentage cell and each merge is, counting
    repeated rows and columns (a run repeated more than MAX_REPEAT times is blank filler)."""

    MAX_REPEAT = 1000

    def __init__(self, max_cells: int) -> None:
        self.budget = max_cells  # no more entries than the workbook may have cells
        self.percent_cells: CellDetails = {}
        self.merges: dict[str, list[CellRange]] = {}
        self.sheet: dict[tuple[int, int], str] = {}
        self.sheet_merges: list[CellRange] = []
        self.row = 0
        self.col = 0
        self.row_repeat = 1

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag not in ("table", "table-row", "table-cell", "covered-table-cell"):
            return
        attrs = {key.rpartition(":")[2]: value for key, value in attributes.items()}
        if tag == "table":
            self.sheet = self.percent_cells.setdefault(attrs.get("name", ""), {})
            self.sheet_merges = self.merges.setdefault(attrs.get("name", ""), [])
            self.row = 0
        elif tag == "table-row":
            self.row_repeat = int(attrs.get("number-rows-repeated", "1") or 1)
            self.col = 0
        else:
            repeat = int(attrs.get("number-columns-repeated", "1") or 1)
            across = int(attrs.get("number-columns-spanned", "1") or 1)
            down = int(attrs.get("number-rows-spanned", "1") or 1)
            if (across > 1 or down > 1) and len(self.sheet_merges) < self.MAX_REPEAT:
                top, left = self.row + 1, self.col + 1
                self.sheet_merges.append(CellRange(top, left, top + down - 1, left + across - 1))
            if attrs.get("value-type") == "percentage" and (
                repeat * self.row_repeat <= min(self.MAX_REPEAT, self.budget)
            ):
                self.budget -= repeat * self.row_repeat
                value = float(attrs.get("value", "0") or 0)
                fmt = "0%" if float(value * 100).is_integer() else "0.00%"
                for r in range(self.row_repeat):
                    for c in range(repeat):
                        self.sheet[(self.row + 1 + r, self.col + 1 + c)] = fmt
            self.col += repeat

    def end(self, name: str) -> None:
        if name.rpartition(":")[2] == "table-row":
            self.row += self.row_repeat

    def text(self, data: str) -> None:
        pass


def _apply_errors(sheet: Sheet, errors: dict[tuple[int, int], str]) -> None:
    for (row, col), error in errors.items():
        cell = sheet.cells.get((row, col))
        if cell is None or cell.value is None or cell.value == "":
            sheet.cells[(row, col)] = Cell(row, col, None, error=error)


def _apply_number_formats(sheet: Sheet, formats: dict[tuple[int, int], str]) -> None:
    for key, number_format in formats.items():
        cell = sheet.cells.get(key)
        if cell is not None and isinstance(cell.value, int | float) and number_format:
            cell.number_format = number_format


def _fill_from_rows(sheet: Sheet, rows: list[list[Any]]) -> None:
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
                value = int(value)
            elif isinstance(value, timedelta):
                value = str(value)
            elif not isinstance(value, str | int | float | bool | datetime | date | time):
                value = str(value)
            sheet.cells[(r, c)] = Cell(r, c, value)  # type: ignore[arg-type]
