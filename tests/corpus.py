"""A corpus of bad inputs, generated (never hand-made binaries): one builder per case, each with
the behaviour `check` must show. `docs/robustness.md` lists the same cases.

    python tests/corpus.py OUT_DIR      # writes every case into OUT_DIR
"""

from __future__ import annotations

import io
import shutil
import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import openpyxl
import xlsxwriter

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "sample_workbooks"
BANJARMASIN = SAMPLES / "KPU Kota Banjarmasin - RKT 2024.xlsx"
HEAD = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
PLAN = [HEAD, ["1", "Terwujudnya A", "Persentase a", "90%"], [None, None, "Indeks b", 80]]


@dataclass(frozen=True)
class Case:
    name: str  # file name written into the corpus folder
    build: Callable[[Path], None]
    exit_code: int  # of `kinerja-xl check FILE`
    codes: tuple[str, ...]  # issue codes expected (in any order; others may not appear)
    says: str  # what a person is told (a fragment of the Indonesian message)
    where: tuple[str | None, str | None] = (None, None)  # (sheet, cell) of the first issue
    rows: int | None = None  # data rows expected when readable


def _xlsx(rows, name="RKT", **options) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = name
        for values in rows:
            sheet.append(values)
        for ref in options.get("merges", []):
            sheet.merge_cells(ref)
        for row in options.get("hidden_rows", []):
            sheet.row_dimensions[row].hidden = True
        if options.get("hidden_sheet"):
            visible = book.create_sheet("Sampul", 0)
            visible.append(["Rencana Kinerja"])
            sheet.sheet_state = "hidden"
        book.save(path)

    return build


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _rewrite_zip(source_builder, change: Callable[[dict[str, bytes]], None]):
    """Build a workbook, then change its zip parts (add, drop or replace some)."""

    def build(path: Path) -> None:
        source_builder(path)
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        change(parts)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)

    return build


def _truncated(path: Path) -> None:
    path.write_bytes(BANJARMASIN.read_bytes()[:4000])


def _encrypted(path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with open(BANJARMASIN, "rb") as source:
        OOXMLFile(source).encrypt("rahasia", out)
    path.write_bytes(out.getvalue())


def _xls_named_xlsx(path: Path) -> None:
    shutil.copy(SAMPLES / "KPU Kabupaten Banjar - RKT Sekretariat 2024.xls", path)


def _ods_named_xlsx(path: Path) -> None:
    shutil.copy(SAMPLES / "KPU Kabupaten Hulu Sungai Selatan - IKU 2024.ods", path)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


def _zip_bomb(path: Path, inflated_mb: int = 300) -> None:
    """A valid-looking workbook whose one sheet inflates to hundreds of MB."""
    _xlsx(PLAN)(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    row = (
        b'<row><c t="inlineStr"><is><t>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</t></is></c></row>'
    )
    chunk = row * 20_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<sheetData>"
            )
            for _ in range(inflated_mb * 1024 * 1024 // len(chunk)):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")


def _huge_dimension(parts: dict[str, bytes]) -> None:
    sheet = parts["xl/worksheets/sheet1.xml"]
    start = sheet.index(b"<dimension")
    end = sheet.index(b"/>", start) + 2
    parts["xl/worksheets/sheet1.xml"] = (
        sheet[:start] + b'<dimension ref="A1:XFD1048576"/>' + sheet[end:]
    )


def _missing_sheet_part(parts: dict[str, bytes]) -> None:
    del parts["xl/worksheets/sheet2.xml"]


def _two_sheets(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "RKT"
    for values in PLAN:
        book.active.append(values)
    book.create_sheet("Anggaran").append(["No", "Program", "Anggaran"])
    book.save(path)


def _with_macros(parts: dict[str, bytes]) -> None:
    parts["xl/vbaProject.bin"] = b'\xd0\xcf\x11\xe0 Sub AutoOpen(): Shell "calc": End Sub'


def _with_external_link(parts: dict[str, bytes]) -> None:
    parts["xl/externalLinks/externalLink1.xml"] = (
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<externalBook><sheetNames><sheetName val="Data"/></sheetNames></externalBook></externalLink>'
    )


def _no_cached_formulas(path: Path) -> None:
    _xlsx([HEAD, ["1", "Terwujudnya A", "Persentase a", "=45+45"], [None, None, "Indeks b", 80]])(
        path
    )


def _error_cells(path: Path) -> None:
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("RKT")
    sheet.write_row(0, 0, HEAD)
    sheet.write_row(1, 0, ["1", "Terwujudnya A", "Persentase a"])
    sheet.write_formula(1, 3, "=1/0", None, "#DIV/0!")
    sheet.write_row(2, 0, ["", "", "Indeks b"])
    sheet.write_formula(2, 3, "=#REF!", None, "#REF!")
    sheet.write_row(3, 0, ["", "", "Persentase c"])
    sheet.write_formula(3, 3, "=NA()", None, "#N/A")
    book.close()


def _dates_as_targets(path: Path) -> None:
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("RKT")
    sheet.write_row(0, 0, HEAD)
    sheet.write_row(1, 0, ["1", "Terwujudnya A", "Persentase a"])
    sheet.write_datetime(1, 3, datetime(2024, 9, 1), book.add_format({"num_format": "dd/mm/yyyy"}))
    book.close()


def _sparse(path: Path) -> None:
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("RKT")
    for r, values in enumerate(PLAN):
        sheet.write_row(r, 0, values)
    sheet.write_string(999_999, 0, "catatan yang tersesat")
    book.close()


def _long_text(path: Path) -> None:
    _xlsx([HEAD, ["1", "Terwujudnya A", "Persentase " + "a" * 32_756, "90%"]])(path)


def _invisible_spaces(path: Path) -> None:
    _xlsx(
        [
            HEAD,
            ["1", "Terwujudnya\u00a0A", "Persentase\u200b a", "90\u00a0%"],
            [None, None, "Persentase b", "7\u200b7 %"],
        ],
        name="RKT",
    )(path)
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("Anggaran")
    for values in (
        ["No", "Program", "Anggaran"],
        ["1", "Program A", "Rp.\u00a0814.815.000,00"],
        ["2", "Program B", "Rp\u200b1.000"],
    ):
        sheet.append(values)
    book.save(path)


def _merged_header(path: Path) -> None:
    _xlsx(
        [
            ["RENCANA KINERJA TAHUN 2024"],
            [],
            ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
            [],
            ["1", "Terwujudnya A", "Persentase a", "90%"],
        ],
        merges=["A1:D2", "A3:A4", "B3:B4", "C3:C4", "D3:D4"],
    )(path)


def _word_named_xlsx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")


def _many_cells(path: Path) -> None:
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("RKT")
    for r, values in enumerate(PLAN):
        sheet.write_row(r, 0, values)
    for r in range(10, 250_010):  # 250,000 cells: past the default limit of 200,000
        sheet.write_number(r, 5, r)
    book.close()


def _shared_string_out_of_range(parts: dict[str, bytes]) -> None:
    """A cell that points at shared string 99999, which the workbook does not have."""
    sheet = parts["xl/worksheets/sheet1.xml"]
    cell = b'<c r="A1" t="inlineStr"><is><t>No</t></is></c>'
    assert cell in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(cell, b'<c r="A1" t="s"><v>99999</v></c>', 1)


# --- round two: files that took a whole batch down, or cost without bound ---------------


def _varint(number: int) -> bytes:
    out = bytearray()
    while True:
        low, number = number & 0x7F, number >> 7
        out.append(low | (0x80 if number else 0))
        if not number:
            return bytes(out)


def _record(kind: int, payload: bytes = b"") -> bytes:
    """One BIFF12 record (MS-XLSB 2.1.4): type and size as 7-bit varints, then the payload."""
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    return head + _varint(len(payload)) + payload


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def xlsb(cells: dict[tuple[int, int], str | float], sheet_rel: str = "rId1"):
    """A minimal .xlsb (no library writes them): one sheet RKT with these cells (0-based)."""

    def build(path: Path) -> None:
        book = _record(0x83) + _record(0x8F)  # BrtBeginBook, BrtBeginBundleShs
        book += _record(0x9C, struct.pack("<II", 0, 1) + _wide(sheet_rel) + _wide("RKT"))
        book += _record(0x90) + _record(0x9D) + _record(0x84)
        last_row = max(r for r, _ in cells)
        last_col = max(c for _, c in cells)
        sheet = _record(0x81) + _record(0x94, struct.pack("<IIII", 0, last_row, 0, last_col))
        sheet += _record(0x91)  # BrtBeginSheetData
        for row in sorted({r for r, _ in cells}):
            sheet += _record(0x00, struct.pack("<I", row) + bytes(13))  # BrtRowHdr
            for (r, col), value in sorted(cells.items()):
                if r != row:
                    continue
                head = struct.pack("<I", col) + bytes(4)
                if isinstance(value, str):
                    sheet += _record(0x06, head + _wide(value))  # BrtCellSt
                else:
                    sheet += _record(0x05, head + struct.pack("<d", value))  # BrtCellReal
        sheet += _record(0x92) + _record(0x82)
        rels = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.bin"/></Relationships>'
        )
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.bin", book)
            archive.writestr("xl/_rels/workbook.bin.rels", rels)
            archive.writestr("xl/worksheets/sheet1.bin", sheet)

    return build


XLSB_PLAN = {
    (r, c): value
    for r, row in enumerate([HEAD, ["1", "Terwujudnya A", "Persentase a", "90%"]])
    for c, value in enumerate(row)
}


def _replace_in_sheet(old: bytes, new: bytes):
    def change(parts: dict[str, bytes]) -> None:
        for name in ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"):
            if name in parts and old in parts[name]:
                parts[name] = parts[name].replace(old, new)
                return
        raise AssertionError(f"{old!r} not found")

    return change


def _insert_before(tag: bytes, xml: bytes):
    def change(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet1.xml"]
        assert tag in sheet, tag
        parts["xl/worksheets/sheet1.xml"] = sheet.replace(tag, xml + tag, 1)

    return change


def _many_tall_merges(parts: dict[str, bytes]) -> None:
    """4,000 merges, each 10,000 rows tall, beside a small plan: a 34 KB file (40 columns of
    100 merges, within Excel's grid: a merge outside it makes the file unreadable)."""
    from openpyxl.utils import get_column_letter

    merges = b"".join(
        f'<mergeCell ref="{col}{row}:{col}{row + 9_999}"/>'.encode()
        for index in range(4_000)
        for col, row in [(get_column_letter(6 + index // 100), 10 + (index % 100) * 10_000)]
    )
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="4000">' + merges + b"</mergeCells>", 1
    )


def _many_hidden_columns(parts: dict[str, bytes]) -> None:
    cols = b"".join(  # varied, as a real file's would be (identical ones compress past the guard)
        f'<col min="{1 + i % 7}" max="{16384 - i % 4093}" width="{9 + (i * 7919) % 97 / 10}" '
        f'hidden="1" customWidth="1"/>'.encode()
        for i in range(20_000)
    )
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"<sheetData", b"<cols>" + cols + b"</cols><sheetData", 1
    )


def _whole_sheet_merge(parts: dict[str, bytes]) -> None:
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"</sheetData>",
        b'</sheetData><mergeCells count="1"><mergeCell ref="F1:XFD1048576"/></mergeCells>',
        1,
    )


def _strict(parts: dict[str, bytes]) -> None:
    """Strict Open XML: the same package with the ISO namespaces (openpyxl drops its sheets)."""
    pairs = [
        (
            b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        ),
        (
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        ),
    ]
    for name in list(parts):
        if name.endswith((".xml", ".rels")):
            for old, new in pairs:
                parts[name] = parts[name].replace(old, new)


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="RKT">{rows}</table:table>
</office:spreadsheet></office:body></office:document-content>"""


def _ods_row(values: list[str | None]) -> str:
    cells = "".join(
        "<table:table-cell/>"
        if value is None
        else f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
        for value in values
    )
    return f"<table:table-row>{cells}</table:table-row>"


def ods(rows: list[list[str | None]], far: tuple[int, int, str] | None = None):
    """An .ods written by hand (as LibreOffice writes one): `far` = (row, col, text) of one stray
    cell reached through repeated empty rows and columns."""

    def build(path: Path) -> None:
        body = "".join(_ods_row(r) for r in rows)
        if far:
            row, col, text = far
            body += f'<table:table-row table:number-rows-repeated="{row - len(rows) - 1}"><table:table-cell/></table:table-row>'
            before = (
                f'<table:table-cell table:number-columns-repeated="{col - 1}"/>' if col > 1 else ""
            )
            body += (
                f"<table:table-row>{before}"
                f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell></table:table-row>'
            )
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("content.xml", ODS_CONTENT.format(rows=body))
            archive.writestr("META-INF/manifest.xml", "<manifest/>")

    return build


def xls(rows: list[list[str | None]], far: tuple[int, int, str] | None = None):
    """An .xls written with xlwt; `far` = (row, col, text), 1-based, of one stray cell."""

    def build(path: Path) -> None:
        import xlwt

        book = xlwt.Workbook()
        sheet = book.add_sheet("RKT")
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if value is not None:
                    sheet.write(r, c, value)
        if far:
            sheet.write(far[0] - 1, far[1] - 1, far[2])
        book.save(str(path))

    return build


# a plan of eight cells (as text, the way every format can hold it); a stray "x" makes nine
NINE_CELLS: list[list[str | None]] = [HEAD, ["1", "Terwujudnya A", "Persentase a", "90%"]]
PLAN_TEXT: list[list[str | None]] = [*NINE_CELLS, [None, None, "Indeks b", "80"]]


def _stray_x(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "RKT"
    for values in NINE_CELLS:
        sheet.append(values)
    sheet["A60000"] = "x"
    book.save(path)


def _date_formatted_number(path: Path) -> None:
    """99999999 under a date format: a date past the year 9999, which Excel shows as #####."""
    _xlsx([HEAD, ["1", "Terwujudnya A", "Jumlah dokumen", 99_999_999]])(path)
    book = openpyxl.load_workbook(path)
    book.active["D2"].number_format = "dd/mm/yyyy"
    book.save(path)


def _budget(rows: list[list]) -> Callable[[Path], None]:
    return _xlsx([["No", "Program", "Anggaran"], *rows], name="Anggaran")


CASES: list[Case] = [
    Case("kosong.xlsx", _bytes(b""), 2, ("file-unreadable",), "berkas kosong"),
    Case(
        "teks.xlsx",
        _bytes(b"Rencana kinerja, lihat lampiran.\n"),
        2,
        ("file-unreadable",),
        "bukan buku kerja",
    ),
    Case(
        "ekspor.xlsx",
        _bytes(b"No,Sasaran,Indikator,Target\n1,A,Persentase a,90%\n2,B,Persentase b,80%\n"),
        2,
        ("file-unreadable",),
        "CSV",
    ),
    Case(
        "halaman.xls",
        _bytes(b"<html><body><table><tr><td>RKT</td></tr></table></body></html>"),
        2,
        ("file-unreadable",),
        "HTML",
    ),
    Case("acak.xlsx", _bytes(bytes(range(256)) * 8), 2, ("file-unreadable",), "bukan buku kerja"),
    Case("dokumen-word.xlsx", _word_named_xlsx, 2, ("file-unreadable",), "Word"),
    Case("terpotong.xlsx", _truncated, 2, ("file-unreadable",), "terpotong"),
    Case("berpassword.xlsx", _encrypted, 2, ("file-unreadable",), "kata sandi"),
    Case("xls-bernama-xlsx.xlsx", _xls_named_xlsx, 0, (), "", rows=10),
    Case("ods-bernama-xlsx.xlsx", _ods_named_xlsx, 0, (), "", rows=3),
    Case(
        "bom-xml.xlsx",
        _rewrite_zip(_xlsx(PLAN), lambda p: p.update({"xl/worksheets/sheet1.xml": BILLION_LAUGHS})),
        2,
        ("file-unreadable",),
        "tidak aman",
    ),
    Case("bom-zip.xlsx", _zip_bomb, 2, ("file-unreadable",), "terlalu besar"),
    Case("dimensi-raksasa.xlsx", _rewrite_zip(_xlsx(PLAN), _huge_dimension), 0, (), "", rows=2),
    Case(
        "sel-di-baris-sejuta.xlsx",
        _sparse,
        0,
        ("row-unplaced",),
        "tidak dapat ditempatkan",
        ("RKT", "A1000000"),
        rows=2,
    ),
    Case("terlalu-banyak-sel.xlsx", _many_cells, 2, ("file-unreadable",), "terlalu banyak sel"),
    Case(
        "rumus-tanpa-nilai.xlsx",
        _no_cached_formulas,
        1,
        ("formula-no-value",),
        "tanpa nilai tersimpan",
        ("RKT", "D2"),
        rows=2,
    ),
    Case(
        "sel-galat.xlsx",
        _error_cells,
        1,
        ("target-unparseable",),
        "galat Excel",
        ("RKT", "D2"),
        rows=3,
    ),
    Case(
        "tanggal-sebagai-target.xlsx",
        _dates_as_targets,
        1,
        ("target-unparseable",),
        "tanggal",
        ("RKT", "D2"),
        rows=1,
    ),
    Case("makro.xlsm", _rewrite_zip(_xlsx(PLAN), _with_macros), 0, (), "", rows=2),
    Case(
        "tautan-eksternal.xlsx",
        _rewrite_zip(_xlsx(PLAN), _with_external_link),
        0,
        ("external-link",),
        "tautan ke berkas lain",
        rows=2,
    ),
    Case(
        "lembar-tersembunyi.xlsx",
        _xlsx(PLAN, hidden_sheet=True),
        0,
        ("hidden-content",),
        "disembunyikan",
        ("RKT", None),
        rows=2,
    ),
    Case(
        "baris-tersembunyi.xlsx",
        _xlsx(PLAN, hidden_rows=[3]),
        0,
        ("hidden-content",),
        "disembunyikan",
        ("RKT", "A3"),
        rows=2,
    ),
    Case("judul-gabungan.xlsx", _merged_header, 0, (), "", rows=1),
    Case("teks-32767.xlsx", _long_text, 0, (), "", rows=1),
    Case("spasi-tak-terlihat.xlsx", _invisible_spaces, 0, (), "", rows=4),
    Case(
        "lembar-hilang.xlsx",
        _rewrite_zip(_two_sheets, _missing_sheet_part),
        1,
        ("sheet-unreadable",),
        "tidak dapat dibaca",
        ("Anggaran", None),
        rows=2,
    ),
    Case(
        "string-tak-ada.xlsx",
        _rewrite_zip(_xlsx(PLAN), _shared_string_out_of_range),
        2,
        ("file-unreadable",),
        "rusak",
    ),
    # round two
    Case("xlsb-rencana.xlsb", xlsb(XLSB_PLAN), 0, (), "", rows=1),
    Case(
        "xlsb-sel-XFD1048576.xlsb",
        xlsb({**XLSB_PLAN, (1_048_575, 16_383): "x"}),
        2,
        ("file-unreadable",),
        "pembaca berhenti",
    ),
    Case(
        "xlsb-bernama-xlsx.xlsx",
        xlsb({**XLSB_PLAN, (1_048_575, 16_383): "x"}),
        2,
        ("file-unreadable",),
        "pembaca berhenti",
    ),
    Case(
        "xlsb-tanpa-relasi.xlsb",
        xlsb(XLSB_PLAN, sheet_rel="rId9"),
        2,
        ("file-unreadable",),
        "rusak",
    ),
    Case(
        "anggaran-tak-masuk-akal.xlsx",
        _budget([["1", "Program A", "Rp 81.481.500.081.481.500.000"], ["2", "Program B", 1000]]),
        1,
        ("budget-unparseable",),
        "seribu triliun",
        ("Anggaran", "C2"),
        rows=2,
    ),
    Case(
        "surogat-tunggal.xlsx",
        _rewrite_zip(
            _xlsx([HEAD, ["1", "Terwujudnya A", "Persentase ZZSURZZ a", "90%"]]),
            _replace_in_sheet(b"ZZSURZZ", b"_xD83D_"),
        ),
        0,
        (),
        "",
        rows=1,
    ),
    Case(
        "tanggal-99999999.xlsx",
        _date_formatted_number,
        1,
        ("target-unparseable",),
        "galat Excel",
        ("RKT", "D2"),
        rows=1,
    ),
    Case(
        "nan-sebagai-target.xlsx",
        _rewrite_zip(
            _xlsx([HEAD, ["1", "Terwujudnya A", "Persentase a", 12345]]),
            _replace_in_sheet(b"<v>12345</v>", b"<v>NaN</v>"),
        ),
        1,
        ("target-unparseable",),
        "galat Excel",
        ("RKT", "D2"),
        rows=1,
    ),
    Case("4000-gabungan.xlsx", _rewrite_zip(_xlsx(PLAN), _many_tall_merges), 0, (), "", rows=2),
    Case(
        "20000-kolom-tersembunyi.xlsx",
        _rewrite_zip(_xlsx(PLAN), _many_hidden_columns),
        0,
        ("hidden-content",),
        "disembunyikan",
        ("RKT", "A1"),
        rows=2,
    ),
    Case(
        "gabungan-satu-lembar.xlsx",
        _rewrite_zip(_xlsx(PLAN), _whole_sheet_merge),
        0,
        (),
        "",
        rows=2,
    ),
    Case("ods-sel-jauh.ods", ods(PLAN_TEXT, far=(80_006, 1_001, "x")), 0, (), "", rows=2),
    Case("xls-sel-IV65536.xls", xls(PLAN_TEXT, far=(65_536, 256, "x")), 0, (), "", rows=2),
    Case(
        "x-di-A60000.xlsx",
        _stray_x,
        0,
        ("row-unplaced",),
        "tidak dapat ditempatkan",
        ("RKT", "A60000"),
        rows=1,
    ),
    Case(
        "x-di-A60000.xls",
        xls(NINE_CELLS, far=(60_000, 1, "x")),
        0,
        ("row-unplaced",),
        "tidak dapat ditempatkan",
        ("RKT", "A60000"),
        rows=1,
    ),
    Case(
        "x-di-A60000.ods",
        ods(NINE_CELLS, far=(60_000, 1, "x")),
        0,
        ("row-unplaced",),
        "tidak dapat ditempatkan",
        ("RKT", "A60000"),
        rows=1,
    ),
    Case("strict-ooxml.xlsx", _rewrite_zip(_xlsx(PLAN), _strict), 0, (), "", rows=2),
    Case(
        "jumlah-rumus-tanpa-nilai.xlsx",
        _budget(
            [["1", "Program A", 1000], ["2", "Program B", 2000], [None, "JUMLAH", "=SUM(C2:C3)"]]
        ),
        1,
        ("formula-no-value",),
        "tanpa nilai tersimpan",
        ("Anggaran", "C4"),
        rows=2,
    ),
]


def write_corpus(folder: Path, cases: list[Case] = CASES) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in cases:
        path = folder / case.name
        case.build(path)
        paths[case.name] = path
    return paths


if __name__ == "__main__":
    written = write_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus"))
    print("\n".join(str(p) for p in written.values()))
