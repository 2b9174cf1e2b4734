"""Open a workbook safely, by its content rather than its name, within size limits.

Everything that can go wrong while opening ends in one `UnreadableWorkbook` with a reason key
(see `messages.UNREADABLE_REASONS`), never in a traceback. The input file is only ever
opened for reading.
"""

from __future__ import annotations

import io
import math
import os
import stat
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException

from .grid import Cell, Sheet, Workbook, column_letter, inside_grid, within_cell
from .ooxml import MAX_SHEETS, CellLimitExceeded, SheetFilter, SheetLimitExceeded, read_ooxml

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_STREAM = "EncryptedPackage"  # an encrypted .xlsx inside an OLE container
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class ReadLimits:
    """Caps checked before the heavy parse. Real plans are a few hundred KB inflated."""

    max_inflated_mb: int = 200
    max_ratio: int = 200  # inflated / compressed, for parts above 1 MB
    max_cells: int = 200_000  # a real plan has a few thousand
    max_sheets: int = MAX_SHEETS  # a real plan has a handful

    @classmethod
    def from_env(cls) -> ReadLimits:
        """KINERJA_XL_MAX_MB / _MAX_CELLS / _MAX_SHEETS raise the limits for an odd big file."""
        return cls(
            max_inflated_mb=int(os.environ.get("KINERJA_XL_MAX_MB", cls.max_inflated_mb)),
            max_cells=int(os.environ.get("KINERJA_XL_MAX_CELLS", cls.max_cells)),
            max_sheets=int(os.environ.get("KINERJA_XL_MAX_SHEETS", cls.max_sheets)),
        )


class UnreadableWorkbook(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[Any, ...]:  # crosses process boundaries (isolated.py)
        return (UnreadableWorkbook, (self.reason, self.detail))


PASS_THROUGH = (KeyboardInterrupt, SystemExit, GeneratorExit)


def open_workbook(
    path: str | os.PathLike[str],
    limits: ReadLimits | None = None,
    sheets: SheetFilter | None = None,
    cells: bool = True,
) -> Workbook:
    """`sheets(properties, name)`: whether to read a sheet of an .xlsx, knowing its custom
    properties (kinerja-xl's own provincial workbook is read back from a few sheets only).
    `cells=False`: of an .xlsx, its sheets, merges and properties only (what the marked-up
    copy needs to know before openpyxl opens it); other formats are read whole."""
    limits = limits or ReadLimits.from_env()
    data = _read_bytes(os.fspath(path), limits)
    try:
        workbook = _open_by_content(os.fspath(path), data, limits, sheets, cells)
        workbook.distinct_sheet_names()
        return workbook
    except UnreadableWorkbook:
        raise
    except SheetLimitExceeded as exc:
        raise UnreadableWorkbook("too-many-sheets", f"{exc} > {limits.max_sheets}") from exc
    except DefusedXmlException as exc:
        raise UnreadableWorkbook("unsafe-xml", type(exc).__name__) from exc
    except CellLimitExceeded as exc:
        raise UnreadableWorkbook("too-many-cells", str(exc)) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UnreadableWorkbook("truncated", str(exc)) from exc
    except MemoryError as exc:
        raise UnreadableWorkbook("out-of-memory") from exc
    except (ExpatError, KeyError, ValueError, IndexError, OverflowError) as exc:
        raise UnreadableWorkbook("corrupt", str(exc)[:200]) from exc
    except BaseException as exc:  # a native reader's panic is a BaseException (pyo3)
        if isinstance(exc, PASS_THROUGH):
            raise
        raise UnreadableWorkbook("corrupt", f"{type(exc).__name__}: {str(exc)[:200]}") from exc


def _read_bytes(path: str, limits: ReadLimits) -> bytes:
    """The file's bytes: regular files only (a FIFO or a device such as /dev/zero would hang or
    fill the memory), and never more than the size limit."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError as exc:
        raise UnreadableWorkbook("not-found") from exc
    except PermissionError as exc:
        raise UnreadableWorkbook("permission") from exc
    except IsADirectoryError as exc:
        raise UnreadableWorkbook("is-directory") from exc
    except OSError as exc:
        raise UnreadableWorkbook("os-error", exc.strerror or str(exc)) from exc
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableWorkbook("is-directory")
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableWorkbook("not-regular", _file_type(status.st_mode))
        cap = limits.max_inflated_mb * 1024 * 1024
        if status.st_size > cap:
            raise UnreadableWorkbook("file-too-large", f"{status.st_size // (1024 * 1024)} MB")
        try:
            data = handle.read(cap + 1)
        except OSError as exc:
            raise UnreadableWorkbook("os-error", exc.strerror or str(exc)) from exc
    if len(data) > cap:  # it grew while being read
        raise UnreadableWorkbook("file-too-large", f"> {limits.max_inflated_mb} MB")
    return data


def _file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "perangkat karakter"),
        (stat.S_ISBLK, "perangkat blok"),
        (stat.S_ISSOCK, "soket"),
    ):
        if test(mode):
            return name
    return "?"


def _open_by_content(
    path: str,
    data: bytes,
    limits: ReadLimits,
    sheets: SheetFilter | None = None,
    cells: bool = True,
) -> Workbook:
    if not data.strip(b"\x00 \t\r\n"):
        raise UnreadableWorkbook("empty")
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in _ole_streams(data):
            raise UnreadableWorkbook("encrypted")
        from .xls import XlsEncrypted, read_xls  # the .xls and .ods readers load when needed

        try:
            return read_xls(path, data, limits.max_cells, limits.max_sheets)
        except XlsEncrypted as exc:
            raise UnreadableWorkbook("encrypted") from exc
    if data.startswith(ZIP_MAGIC):
        return _open_zip(path, data, limits, sheets, cells)
    raise UnreadableWorkbook("not-a-workbook", _describe_non_workbook(data))


def _ole_streams(data: bytes) -> set[str]:
    """The names in an OLE file's directory (xlrd's reader of the container): an encrypted
    .xlsx is an OLE file holding a stream named EncryptedPackage, where a plain .xls whose text
    says "EncryptedPackage" (stored as UTF-16, like any text with a non-Latin letter) holds only
    a Workbook stream. Nothing for a container too damaged to list."""
    from xlrd.compdoc import CompDoc

    try:
        return {entry.name for entry in CompDoc(data, logfile=io.StringIO()).dirlist}
    except Exception:
        return set()


# bytes of a zip's central directory: a workbook's is a few KB (1,000 sheets, about 200 KB);
# zipfile holds an object for each entry before anything can be looked at (400,000 empty parts
# in a 36 MB file were 390 MB)
MAX_ZIP_DIRECTORY = 4 * 1024 * 1024


def _open_zip(
    path: str,
    data: bytes,
    limits: ReadLimits,
    sheets: SheetFilter | None = None,
    cells: bool = True,
) -> Workbook:
    directory = _directory_size(data)
    if directory > MAX_ZIP_DIRECTORY:
        raise UnreadableWorkbook("too-many-parts", f"{directory // 1024} KB")
    archive = zipfile.ZipFile(io.BytesIO(data))
    _check_inflated_sizes(archive, limits)
    names = set(archive.namelist())
    if "xl/workbook.xml" in names or any(n.endswith("workbook.xml") for n in names):
        return read_ooxml(archive, path, limits.max_cells, sheets, limits.max_sheets, cells)
    if "xl/workbook.bin" in names:
        return _read_xlsb_in_a_child(path, limits)
    if "content.xml" in names and ODS_MIMETYPE in _mimetype(archive):
        from .ods import read_ods

        return read_ods(path, data, limits.max_cells, limits.max_sheets)
    if "word/document.xml" in names:
        raise UnreadableWorkbook("not-a-workbook", "Word")
    if "ppt/presentation.xml" in names:
        raise UnreadableWorkbook("not-a-workbook", "PowerPoint")
    raise UnreadableWorkbook("not-a-workbook", "zip")


END_RECORD, ZIP64_LOCATOR, ZIP64_END = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06"


def _directory_size(data: bytes) -> int:
    """The size of the central directory as the zip's end record gives it (the zip64 record's
    when there is one), which is what zipfile reads; 0 when there is no end record (zipfile
    then says the file is no zip)."""
    tail_start = max(0, len(data) - 22 - 65_535)  # the end record, then a comment of ≤ 64 KB
    at = data.rfind(END_RECORD, tail_start)
    if at < 0:
        return 0
    size = int.from_bytes(data[at + 12 : at + 16], "little")
    locator = at - 20
    if locator >= 0 and data[locator : locator + 4] == ZIP64_LOCATOR:
        offset = int.from_bytes(data[locator + 8 : locator + 16], "little")
        record = data[offset : offset + 56]
        if record[:4] == ZIP64_END:
            size = max(size, int.from_bytes(record[40:48], "little"))
    return size


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
            raise UnreadableWorkbook("too-compressed", f"{info.filename}: ×{ratio:.0f}")
        if total > cap:
            raise UnreadableWorkbook("too-large", f"> {limits.max_inflated_mb} MB")


def _read_xlsb_in_a_child(path: str, limits: ReadLimits) -> Workbook:
    """.xlsb is read by python-calamine, which aborts the whole process on some hostile files
    (a cell at XFD1048576 asks it for hundreds of GiB): it runs in a child that may die."""
    from .isolated import ChildDied, call

    try:
        workbook: Workbook = call("kinerja_xl.reading.read:read_xlsb", path, limits)
    except ChildDied as exc:
        raise UnreadableWorkbook("reader-crashed", exc.reason) from exc
    return workbook


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


def read_xlsb(path: str, limits: ReadLimits) -> Workbook:
    """An .xlsb through python-calamine (values only). Call it through
    `_read_xlsb_in_a_child`, never directly in a process that must survive."""
    try:
        return _read_xlsb(path, limits)
    except UnreadableWorkbook:
        raise
    except BaseException as exc:  # a panic in calamine (pyo3's PanicException)
        if isinstance(exc, PASS_THROUGH):
            raise
        raise UnreadableWorkbook("corrupt", f"{type(exc).__name__}: {str(exc)[:200]}") from None


def _read_xlsb(path: str, limits: ReadLimits) -> Workbook:
    import python_calamine as calamine

    data = _read_bytes(path, limits)
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError as exc:
        raise UnreadableWorkbook("encrypted") from exc
    if len(book.sheets_metadata) > limits.max_sheets:
        count = len(book.sheets_metadata)
        raise UnreadableWorkbook("too-many-sheets", f"{count} > {limits.max_sheets}")
    workbook = Workbook(path=path, file_format="xlsb")
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
            budget = _fill_from_rows(sheet, source.to_python(skip_empty_area=False), budget)
        except UnreadableWorkbook:
            raise
        except Exception as exc:
            sheet.problem = f"{type(exc).__name__}: {str(exc)[:120]}"
        workbook.sheets.append(sheet)
    return workbook


def _fill_from_rows(sheet: Sheet, rows: list[list[Any]], budget: int) -> int:
    """The non-empty cells, each counted against the cell limit (as in every other format)."""
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            if not inside_grid(r, c):  # an .xlsb's record may name any column (past XFD)
                raise ValueError(f"cell {column_letter(c)}{r} is outside Excel's grid")
            budget -= 1
            if budget < 0:
                raise UnreadableWorkbook("too-many-cells", sheet.name)
            if isinstance(value, float) and not math.isfinite(value):
                sheet.cells[(r, c)] = Cell(r, c, None, error="#NUM!")
                continue
            if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
                value = int(value)
            elif isinstance(value, str):
                value = within_cell(value)
            elif isinstance(value, timedelta):
                value = str(value)
            elif not isinstance(value, str | int | float | bool | datetime | date | time):
                value = str(value)
            sheet.cells[(r, c)] = Cell(r, c, value)  # type: ignore[arg-type]
    return budget
