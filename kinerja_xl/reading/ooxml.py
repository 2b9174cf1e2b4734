"""A small, strict reader for .xlsx/.xlsm (Office Open XML) workbooks.

Why not openpyxl for reading: we need, in one pass, the cached value *and* the fact that a
cell holds a formula (openpyxl gives one or the other per load), number formats, merges,
hidden rows/columns/sheets and error cells; we must never trust the declared dimension and
never drop a sheet whose part is missing (openpyxl does both silently). Every XML part goes
through one expat parser that refuses any DTD (raising defusedxml's DTDForbidden or
EntitiesForbidden), so entity bombs and external entities never expand. openpyxl is still used to
write the marked-up copy (`markup.py`), which is what it is best at.
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden

from .caching import text_cache
from .grid import (
    BoundedText,
    Cell,
    CellRange,
    CellValue,
    Sheet,
    Workbook,
    a1,
    column_index,
    inside_grid,
    parse_a1,
)

REL_OFFICE_DOCUMENT = "officeDocument"
_BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
_DATE_FORMAT_IDS = set(range(14, 23)) | {45, 46, 47}


class CellLimitExceeded(Exception):
    """The sheet holds more cells than the configured limit."""


SheetFilter = Callable[[dict[str, str], str], bool]  # (custom properties, sheet name) -> read?
MAX_SHEETS = 1_000  # a plan has a handful; the marked-up copy of 10,001 took minutes


class SheetLimitExceeded(Exception):
    """The workbook has more sheets than the configured limit (the count is the message)."""


def read_ooxml(
    archive: zipfile.ZipFile,
    path: str,
    max_cells: int,
    sheets: SheetFilter | None = None,
    max_sheets: int = MAX_SHEETS,
    cells: bool = True,
) -> Workbook:
    """The workbook's sheets and cells; with `cells=False` its sheets, merges and properties
    only."""
    workbook_part = _workbook_part(archive)
    rels = _relationships(archive, workbook_part)
    sheet_entries, date1904 = _sheet_entries(archive, workbook_part, max_sheets)
    shared = (
        _shared_strings(archive, _target_of(rels, "sharedStrings", workbook_part)) if cells else []
    )
    formats = _cell_formats(archive, _target_of(rels, "styles", workbook_part)) if cells else []
    names = set(archive.namelist())
    files, dde = _external_links(archive, names)
    workbook = Workbook(
        path=path,
        file_format="xlsx",
        external_links=files,
        dde_links=dde,
        has_macros=any(n.lower().endswith("vbaproject.bin") for n in names),
        properties=custom_properties(archive),
        core=core_properties(archive),
    )
    budget = [max_cells]
    for name, rel_id, state in sheet_entries:
        if sheets is not None and not sheets(workbook.properties, name):
            continue
        sheet = Sheet(name=name, state=state)
        part = _resolve(workbook_part, rels.get(rel_id, ("", ""))[1])
        if part not in names:
            sheet.problem = "sheet-part-missing"
        elif rels[rel_id][0] == "worksheet" and not cells:
            _read_merges(archive, part, sheet, budget)
        elif rels[rel_id][0] == "worksheet":
            _read_sheet(archive, part, sheet, shared, formats, date1904, budget)
        else:
            continue  # chart sheets and dialog sheets hold no cells
        workbook.sheets.append(sheet)
    return workbook


def _external_links(archive: zipfile.ZipFile, names: set[str]) -> tuple[list[str], list[str]]:
    """The external link parts that link to other files, and the DDE links ('cmd|/c calc'):
    a DDE link asks another program for data (and may start it), it is no file."""
    files, dde = [], []
    for name in sorted(n for n in names if n.startswith("xl/externalLinks/externalLink")):
        try:
            found = _start_tags(archive, name, {"ddeLink"})
        except expat.ExpatError:
            found = []
        if found:
            dde += [f"{a.get('ddeService', '')}|{a.get('ddeTopic', '')}"[:200] for _t, a in found]
        else:
            files.append(name)
    return files, dde


# elements kept of a small part (relationships, the workbook's list of sheets): a real one has
# a few dozen; a crafted one listing 1,500,000 sheets in a 25 MB file cost 900 MB when all
# were kept before any count was looked at
MOST_TAGS = 100_000


def _start_tags(
    archive: zipfile.ZipFile, part: str, wanted: set[str], keep: int = MOST_TAGS
) -> list[tuple[str, dict[str, str]]]:
    """(local name, attributes) of each element named in `wanted`, in document order, the first
    `keep` of them: enough for the small parts (relationships, workbook), read by the same
    DTD-refusing parser."""
    return _tags(archive, part, wanted, keep).found


def _tags(archive: zipfile.ZipFile, part: str, wanted: set[str], keep: int) -> _TagCollector:
    collector = _TagCollector(wanted, keep)
    with archive.open(part) as stream:
        safe_expat(collector).ParseFile(stream)
    return collector


class _TagCollector:
    """The first `keep` elements named in `wanted`; `count` counts them all."""

    def __init__(self, wanted: set[str], keep: int = MOST_TAGS) -> None:
        self.wanted = wanted
        self.keep = keep
        self.found: list[tuple[str, dict[str, str]]] = []
        self.count = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag in self.wanted:
            self.count += 1
            if self.count <= self.keep:
                self.found.append((tag, attrs))

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


CUSTOM_PROPERTIES = "docProps/custom.xml"
MAX_CUSTOM_PROPERTIES = 256 * 1024  # a real one is a few hundred bytes


def custom_properties(archive: zipfile.ZipFile) -> dict[str, str]:
    """name -> text of each custom document property (docProps/custom.xml), read by the same
    DTD-refusing parser; {} when there are none or the part is malformed or too big."""
    collector = _PropertyCollector()
    return collector.found if _parse_small_part(archive, CUSTOM_PROPERTIES, collector) else {}


def _parse_small_part(archive: zipfile.ZipFile, name: str, collector: Any) -> bool:
    """Parse a small XML part into `collector` with the DTD-refusing parser: False when the
    part is missing, larger than a property part may be, or malformed."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return False
    if info.file_size > MAX_CUSTOM_PROPERTIES:
        return False
    try:
        with archive.open(info) as stream:
            safe_expat(collector).ParseFile(stream)
    except (expat.ExpatError, DTDForbidden, EntitiesForbidden, zipfile.BadZipFile, OSError):
        return False
    except (ValueError, EOFError, zlib.error):
        return False
    return True


CORE_PROPERTIES = "docProps/core.xml"
CORE_WANTED = ("modified", "lastModifiedBy")


def core_properties(archive: zipfile.ZipFile) -> dict[str, str]:
    """The core properties that say who saved the file last and when ('modified',
    'lastModifiedBy' of docProps/core.xml, as written); {} when there are none."""
    collector = _CoreCollector()
    if not _parse_small_part(archive, CORE_PROPERTIES, collector):
        return {}
    return {name: text.strip()[:200] for name, text in collector.found.items()}


class _CoreCollector:
    def __init__(self) -> None:
        self.found: dict[str, str] = {}
        self.name: str | None = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        self.name = local if local in CORE_WANTED else None
        if self.name is not None:
            self.found[self.name] = ""

    def end(self, name: str) -> None:
        self.name = None

    def text(self, data: str) -> None:
        if self.name is not None and len(self.found[self.name]) < 1000:
            self.found[self.name] += data


class _PropertyCollector:
    """expat callbacks for docProps/custom.xml: <property name="…"><vt:lpwstr>text</…>."""

    def __init__(self) -> None:
        self.found: dict[str, str] = {}
        self.name: str | None = None
        self.pieces: list[str] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name.rpartition(":")[2] == "property":
            self.name, self.pieces = attrs.get("name"), []

    def end(self, name: str) -> None:
        if name.rpartition(":")[2] == "property" and self.name is not None:
            self.found.setdefault(self.name, "".join(self.pieces)[:1000])
            self.name = None

    def text(self, data: str) -> None:
        if self.name is not None and len(self.pieces) < 100:
            self.pieces.append(data)


def _workbook_part(archive: zipfile.ZipFile) -> str:
    try:
        relationships = _start_tags(archive, "_rels/.rels", {"Relationship"})
    except KeyError:  # no package relationships: the usual place
        return "xl/workbook.xml"
    for _tag, attrs in relationships:
        if attrs.get("Type", "").endswith("/" + REL_OFFICE_DOCUMENT):
            return attrs.get("Target", "").lstrip("/")
    return "xl/workbook.xml"


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """rId -> (relationship kind, target) for the given part."""
    folder, base = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", base + ".rels")
    found: dict[str, tuple[str, str]] = {}
    if rels_part not in archive.namelist():
        return found
    for _tag, attrs in _start_tags(archive, rels_part, {"Relationship"}):
        kind = attrs.get("Type", "").rsplit("/", 1)[-1]
        found[attrs.get("Id", "")] = (kind, attrs.get("Target", ""))
    return found


def _target_of(rels: dict[str, tuple[str, str]], kind: str, base_part: str) -> str | None:
    for rel_kind, target in rels.values():
        if rel_kind == kind:
            return _resolve(base_part, target)
    return None


def _resolve(base_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def _sheet_entries(
    archive: zipfile.ZipFile, workbook_part: str, max_sheets: int = MAX_SHEETS
) -> tuple[list[tuple[str, str, str]], bool]:
    """The workbook's sheets (name, relationship, state) and its date system; past `max_sheets`
    sheets, SheetLimitExceeded with their count (counted, not kept)."""
    # <workbookPr> comes before <sheets>: at most one is kept ahead of the sheets
    found = _tags(archive, workbook_part, {"workbookPr", "sheet"}, max_sheets + 1)
    sheets = found.count - sum(1 for tag, _a in found.found if tag == "workbookPr")
    if sheets > max_sheets:  # before a single sheet is read
        raise SheetLimitExceeded(sheets)
    entries: list[tuple[str, str, str]] = []
    date1904 = False
    for tag, attrs in found.found:
        if tag == "workbookPr":
            date1904 = attrs.get("date1904", "0").lower() in ("1", "true")
        else:
            rel_id = next((v for k, v in attrs.items() if k.rpartition(":")[2] == "id"), "")
            entries.append((attrs.get("name", "?"), rel_id, attrs.get("state", "visible")))
    return entries, date1904


def _shared_strings(archive: zipfile.ZipFile, part: str | None) -> list[str]:
    if not part or part not in archive.namelist():
        return []
    reader = _SharedStringsReader()
    with archive.open(part) as stream:
        safe_expat(reader).ParseFile(stream)
    return reader.strings


def _cell_formats(archive: zipfile.ZipFile, part: str | None) -> list[str]:
    """Style index -> number format code."""
    if not part or part not in archive.namelist():
        return []
    reader = _StylesReader()
    with archive.open(part) as stream:
        safe_expat(reader).ParseFile(stream)
    return reader.formats


LONGEST_FORMAT = 255  # letters of a number format: Excel's own limit


class _StylesReader:
    """expat callbacks for styles.xml: the number format of each cell style (cellXfs/xf).
    Real workbooks carry hundreds of styles; this reads them without building a tree."""

    def __init__(self) -> None:
        self.custom: dict[int, str] = {}
        self.formats: list[str] = []
        self.in_cell_xfs = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag == "cellXfs":
            self.in_cell_xfs = True
        elif tag == "numFmt":
            code = attrs.get("formatCode", "General")[:LONGEST_FORMAT]
            self.custom[int(attrs.get("numFmtId", "0"))] = code
        elif tag == "xf" and self.in_cell_xfs:
            fmt_id = int(attrs.get("numFmtId", "0"))
            self.formats.append(self.custom.get(fmt_id) or _BUILTIN_FORMATS.get(fmt_id, "General"))

    def end(self, name: str) -> None:
        if name.rpartition(":")[2] == "cellXfs":
            self.in_cell_xfs = False

    def text(self, data: str) -> None:
        pass


@text_cache(maxsize=1024)  # a workbook uses a handful of formats for thousands of cells
def is_date_format(fmt: str) -> bool:
    cleaned = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt or "").lower()
    if cleaned in ("general", "@", ""):
        return False
    return bool(re.search(r"[dmyhs]", cleaned)) and "0" not in cleaned.replace("0.0e", "")


def _read_sheet(
    archive: zipfile.ZipFile,
    part: str,
    sheet: Sheet,
    shared: list[str],
    formats: list[str],
    date1904: bool,
    budget: list[int],
) -> None:
    reader = _SheetReader(sheet, shared, formats, date1904, budget)
    with archive.open(part) as stream:
        safe_expat(reader).ParseFile(stream)


def _read_merges(archive: zipfile.ZipFile, part: str, sheet: Sheet, budget: list[int]) -> None:
    reader = _MergeReader(sheet, budget)
    with archive.open(part) as stream:
        safe_expat(reader).ParseFile(stream)


def safe_expat(handler: Any) -> Any:
    """An expat parser wired to `handler` that refuses any DTD (so no entity can expand).

    Sheets and shared strings are the big parts; expat callbacks are about twice as fast as
    ElementTree's iterparse, and a spreadsheet part never has a reason to carry a DTD."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_dtd(name: str, *_args: Any) -> None:
        raise DTDForbidden(name, None, None)

    def refuse_entity(name: str, *_args: Any) -> None:
        raise EntitiesForbidden(name, None, None, None, None, None)

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_entity
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    return parser


class _MergeReader:
    """expat callbacks that keep a sheet's merges only (`cells=False`)."""

    def __init__(self, sheet: Sheet, budget: list[int]) -> None:
        self.sheet, self.budget = sheet, budget

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name.endswith("mergeCell") and attrs.get("ref"):
            self.budget[0] -= 1  # counted like a cell, as when the cells are read
            if self.budget[0] < 0:
                raise CellLimitExceeded(self.sheet.name)
            self.sheet.merges.append(CellRange.from_ref(attrs["ref"]))

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


class _SheetReader:
    """expat callbacks that fill a `Sheet`, keeping only cells with a value or a formula."""

    def __init__(
        self, sheet: Sheet, shared: list[str], formats: list[str], date1904: bool, budget: list[int]
    ) -> None:
        self.sheet, self.shared, self.formats, self.date1904 = sheet, shared, formats, date1904
        self.budget = budget
        self.row = 0
        self.next_col = 1
        self.cell: tuple[int, int, str, int] | None = None
        # each text collected within Excel's 32,767 letters, however much the XML holds
        self.value: BoundedText | None = None
        self.formula: BoundedText | None = None
        self.inline: BoundedText | None = None
        self.collect: BoundedText | None = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag == "c":
            ref = attrs.get("r")
            row, col = parse_a1(ref) if ref else (self.row, self.next_col)
            if not inside_grid(row, col):  # a cell after <row r="0">, or past column XFD
                raise ValueError(f"cell {a1(row, col) if row > 0 else ref} is outside Excel's grid")
            self.next_col = col + 1
            self.cell = (row, col, attrs.get("t", "n"), int(attrs.get("s", 0) or 0))
            self.value, self.formula, self.inline = None, None, None
        elif tag == "v" and self.cell:
            self.value = self.collect = BoundedText()
        elif tag == "f" and self.cell:
            self.formula = self.collect = BoundedText()
        elif tag == "t" and self.cell:
            if self.inline is None:
                self.inline = BoundedText()
            self.collect = self.inline
        elif tag == "row":
            self.row = int(attrs.get("r") or self.row + 1)
            self.next_col = 1
            if attrs.get("hidden") in ("1", "true"):
                self.sheet.hidden_rows.add(self.row)
        elif tag == "col" and attrs.get("hidden") in ("1", "true"):
            low, high = int(attrs.get("min", 1)), int(attrs.get("max", 1))
            self.sheet.hidden_cols.add(low, min(high, 16384))
        elif tag == "mergeCell" and attrs.get("ref"):
            self._spend(1)  # a merge is kept as its range: one entry, counted like a cell
            self.sheet.merges.append(CellRange.from_ref(attrs["ref"]))

    def text(self, data: str) -> None:
        if self.collect is not None:
            self.collect.add(data)

    def end(self, name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag in ("v", "f", "t"):
            self.collect = None
        elif tag == "c" and self.cell:
            self._finish_cell()

    def _finish_cell(self) -> None:
        assert self.cell is not None
        row, col, cell_type, style = self.cell
        self.cell = None
        raw = self.value.text() if self.value is not None else None
        formula = "=" + self.formula.text() if self.formula is not None else None
        inline = self.inline.text() if self.inline is not None else ""
        number_format = self.formats[style] if style < len(self.formats) else "General"
        value, error = _convert(cell_type, raw, inline, self.shared, number_format, self.date1904)
        if value is None and error is None and formula is None:
            return
        self._spend(1)
        self.sheet.cells[(row, col)] = Cell(row, col, value, number_format, formula, error)

    def _spend(self, cells: int) -> None:
        self.budget[0] -= cells
        if self.budget[0] < 0:
            raise CellLimitExceeded(self.sheet.name)


class _SharedStringsReader:
    def __init__(self) -> None:
        self.strings: list[str] = []
        self.pieces = BoundedText()
        self.collect = False
        self.phonetic = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag == "t" and not self.phonetic:
            self.collect = True
        elif tag == "rPh":
            self.phonetic += 1

    def text(self, data: str) -> None:
        if self.collect:
            self.pieces.add(data)

    def end(self, name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag == "t":
            self.collect = False
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "si":
            self.strings.append(unescape_text(self.pieces.text()))
            self.pieces = BoundedText()


EXCEL_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
SURROGATE = re.compile("[\ud800-\udfff]")


def unescape_text(text: str) -> str:
    """Excel stores characters XML cannot hold as _xHHHH_ ("\x01" -> "_x0001_") and a typed
    "_x0041_" as "_x005F_x0041_"; Excel shows the characters, so do we. A character outside
    the basic plane may come as its two UTF-16 halves (_xD83D__xDE00_): they are joined; a half
    on its own (which no text can hold) becomes '\ufffd'."""
    if "_x" not in text:
        return text
    text = EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        text = SURROGATE.sub("\ufffd", text)
    return text


def _convert(
    cell_type: str,
    raw: str | None,
    inline: str,
    shared: list[str],
    number_format: str,
    date1904: bool,
) -> tuple[CellValue, str | None]:
    if cell_type == "inlineStr":
        text = unescape_text(inline)
        return (text if text != "" else None), None
    if raw is None or raw == "":
        return None, None
    if cell_type == "s":
        index = int(raw)
        if not 0 <= index < len(shared):
            raise ValueError(f"shared string {index} does not exist")
        return shared[index], None
    if cell_type == "str":
        return unescape_text(raw), None
    if cell_type == "d":
        return raw, None
    if cell_type == "b":
        return raw.strip() in ("1", "true"), None
    if cell_type == "e":
        return None, raw.strip()
    number = float(raw)
    if not math.isfinite(number):  # "NaN", "INF": no spreadsheet stores these as a value
        return None, "#NUM!"
    if is_date_format(number_format):
        date = excel_serial_to_datetime(number, date1904)
        return (date, None) if date is not None else (None, DATE_OUT_OF_RANGE)
    return (int(number) if number.is_integer() and abs(number) < 2**53 else number), None


DATE_OUT_OF_RANGE = "#####"  # what Excel shows for a date it cannot draw


def excel_serial_to_datetime(serial: float, date1904: bool = False) -> datetime | None:
    """The date of an Excel serial number, or None when it is no date (negative, or past the
    year 9999: Excel shows such a cell as '#####')."""
    epoch = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    if not 0 <= serial < 2_958_466:
        return None
    return epoch + timedelta(days=serial)


__all__ = [
    "read_ooxml",
    "CellLimitExceeded",
    "column_index",
    "excel_serial_to_datetime",
    "safe_expat",
]
