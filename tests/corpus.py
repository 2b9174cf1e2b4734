"""A corpus of bad inputs, generated (never hand-made binaries): one builder per case, each with
the behaviour `check` must show. `docs/robustness.md` lists the same cases.

    python tests/corpus.py OUT_DIR      # writes every case into OUT_DIR
"""

from __future__ import annotations

import io
import shutil
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
