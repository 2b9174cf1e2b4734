"""Generate the sample workbooks in this folder (the generated files are committed).

    python sample_workbooks/make_samples.py

Banjarmasin (RKT KPU, RKT Sekretariat, Anggaran) and Banjarbaru (IKU) follow the two seed
documents line by line, page breaks included. The other offices use deliberately different
layouts, the way real offices type their plans: merged or repeated sasaran, numbers as text or
as formatted cells, headers repeated after page breaks, one sheet or several, .xls and .ods.
Kotabaru carries the mistakes offices really make. The rest of the SAKIP cycle (a PK, a
Rencana Aksi, a five-year IKU matrix, an LKj) comes from four more offices (sakip_samples.py).
The official forms of other provinces, as their offices and applications fill them (a Renja
evaluation, an LKj comparison, a Renstra matrix with its funding, an RKA-K/L kertas kerja, an
e-SAKIP export, …), are in public/ (public_forms.py; their ground truth beside it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from other_offices import new_book  # noqa: E402
from sample_content import (  # noqa: E402
    BANJARBARU_IKU,
    BANJARMASIN_ANGGARAN,
    BANJARMASIN_RKT_KPU,
    BANJARMASIN_SEKRETARIAT,
)

HERE = Path(__file__).resolve().parent
HEAD = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]
HEAD_SEK = ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target"]
NUMBERING = ["(1)", "(2)", "(3)", "(4)"]


class Sheet:
    """A thin xlsxwriter wrapper that writes rows top to bottom and keeps the row count."""

    def __init__(self, book: xlsxwriter.Workbook, name: str, widths=(6, 45, 55, 14)):
        self.book, self.ws, self.row = book, book.add_worksheet(name), 0
        self.wrap = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
        self.bold = book.add_format(
            {"bold": True, "align": "center", "border": 1, "text_wrap": True}
        )
        self.title = book.add_format({"bold": True, "align": "center"})
        for col, width in enumerate(widths):
            self.ws.set_column(col, col, width)

    def blank(self, n: int = 1) -> None:
        self.row += n

    def titled(self, text: str, span: int = 4, col: int = 0) -> None:
        self.ws.merge_range(self.row, col, self.row, col + span - 1, text, self.title)
        self.row += 1

    def text(self, text: str, col: int = 0) -> None:
        self.ws.write_string(self.row, col, text)
        self.row += 1

    def header(self, cells, col: int = 0) -> None:
        for i, value in enumerate(cells):
            self.ws.write_string(self.row, col + i, value, self.bold)
        self.row += 1

    def cells(self, values, col: int = 0, fmt=None, formats=None) -> None:
        for i, value in enumerate(values):
            cell_format = (formats or {}).get(i, fmt or self.wrap)
            if value is None:
                self.ws.write_blank(self.row, col + i, None, cell_format)
            elif isinstance(value, tuple) and value[0] == "formula":
                self.ws.write_formula(self.row, col + i, value[1], cell_format, value[2])
            elif isinstance(value, str):
                self.ws.write_string(self.row, col + i, value, cell_format)
            else:
                self.ws.write_number(self.row, col + i, value, cell_format)
        self.row += 1

    def page_break(self) -> None:
        self.ws.set_h_pagebreaks([*getattr(self, "_breaks", []), self.row])
        self._breaks = [*getattr(self, "_breaks", []), self.row]


def rkt_rows(sheet: Sheet, rows, head) -> None:
    """rows: tuples (no, sasaran, indikator, target) or 'PAGE' for a page break with the header
    and numbering rows repeated, as Excel's 'rows to repeat at top' prints them."""
    for row in rows:
        if row == "PAGE":
            sheet.page_break()
            sheet.header(head)
            sheet.cells(NUMBERING, fmt=sheet.bold)
            continue
        sheet.cells(list(row))


def banjarmasin() -> None:
    book = new_book(HERE / "KPU Kota Banjarmasin - RKT 2024.xlsx")
    kpu = Sheet(book, "RKT KPU")
    kpu.titled("RENCANA KINERJA TAHUN 2024")
    kpu.titled("KOMISI PEMILIHAN UMUM KOTA BANJARMASIN")
    kpu.blank()
    kpu.header(HEAD)
    kpu.cells(NUMBERING, fmt=kpu.bold)
    for row in BANJARMASIN_RKT_KPU:
        if row == "PAGE":
            kpu.page_break()
            kpu.header(HEAD)
            kpu.cells(NUMBERING, fmt=kpu.bold)
        elif row[2] is None and row[3] is None and row[0]:
            kpu.ws.write_string(kpu.row, 0, row[0], kpu.wrap)
            kpu.ws.merge_range(kpu.row, 1, kpu.row, 3, row[1], kpu.wrap)
            kpu.row += 1
        else:
            kpu.cells(list(row))
    kpu.blank()
    for line in ("KETUA KOMISI PEMILIHAN UMUM", "KOTA BANJARMASIN,"):
        kpu.text(line, col=2)
    kpu.blank(3)
    kpu.text("RUSNAILAH", col=2)

    sek = Sheet(book, "RKT Sekretariat")
    sek.titled("RENCANA KINERJA TAHUN 2024")
    sek.titled("SEKRETARIAT KOMISI PEMILIHAN UMUM KOTA BANJARMASIN")
    sek.blank()
    sek.header(HEAD_SEK)
    sek.cells(NUMBERING, fmt=sek.bold)
    rkt_rows(sek, BANJARMASIN_SEKRETARIAT, HEAD_SEK)

    ang = Sheet(book, "Anggaran", widths=(6, 70, 24))
    ang.header(["", "PROGRAM", "ANGGARAN"])
    for no, program, amount in BANJARMASIN_ANGGARAN:
        ang.cells([no, program, amount])
    ang.blank()
    for line in (
        "Banjarmasin, 14 Januari 2024",
        "PIHAK PERTAMA",
        "SEKRETARIS KOMISI PEMILIHAN UMUM",
        "KOTA BANJARMASIN,",
    ):
        ang.text(line, col=1)
    ang.blank(3)
    ang.text("MUHAMMAD JAZULI", col=1)
    book.close()


def banjarbaru() -> None:
    book = new_book(HERE / "KPU Kota Banjarbaru - IKU 2024.xlsx")
    iku = Sheet(book, "IKU", widths=(6, 45, 50, 50))
    iku.text("LAMPIRAN 1")
    iku.blank()
    iku.titled("INDIKATOR KINERJA UTAMA TAHUN 2024")
    iku.blank()
    iku.text("Nama / Unit Organisasi : KPU Kota Banjarbaru")
    iku.blank()
    for line in BANJARBARU_IKU["tugas"]:
        iku.text(line)
    iku.blank()
    for program, rows in BANJARBARU_IKU["programs"]:
        iku.header(["No.", "Uraian", "Cara Penghitungan", "Sumber Data"])
        iku.cells(["1", "2", "3", "4"], fmt=iku.bold)
        iku.ws.merge_range(iku.row, 0, iku.row, 3, program, iku.wrap)
        iku.row += 1
        for row in rows:
            if row == "PAGE":
                iku.page_break()
                iku.cells([None, None, None, None])  # the empty top row of the next printed page
                continue
            iku.cells(list(row))
        iku.blank()
    iku.text("Banjarbaru, 2 Januari 2024", col=3)
    iku.text("KETUA KPU KOTA BANJARBARU", col=3)
    iku.blank(3)
    iku.text("ROZY MAULANA", col=3)
    book.close()


if __name__ == "__main__":
    from faulty_samples import write_faulty_samples
    from other_offices import write_other_offices
    from public_forms import build as write_public_forms
    from sakip_samples import write_sakip_samples

    banjarmasin()
    banjarbaru()
    write_other_offices(HERE)
    write_sakip_samples(HERE)
    write_faulty_samples(HERE / "faulty")
    write_public_forms(HERE / "public")  # official forms of other provinces (public_forms.py)
    print(
        "\n".join(sorted(p.name for p in HERE.iterdir() if p.suffix in (".xlsx", ".xls", ".ods")))
    )
