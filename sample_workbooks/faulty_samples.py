"""sample_workbooks/faulty/: at least one fault for every error code of the contract.

* KPU Kabupaten Balangan - RKT 2024.xlsx: every in-table fault, written with openpyxl so that
  two formulas carry no cached value (as a script-written file does);
* Surat Pengantar KPU Kabupaten Tabalong.xlsx: a workbook with no plan table in it;
* KPU Kabupaten Barito Kuala - RKT 2024.xlsx: a CSV export renamed to .xlsx.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl

FIXED_DATE = datetime(2024, 1, 2, 8, 0, 0)

RKT_ROWS = [
    ["RENCANA KINERJA TAHUN 2024 KPU KABUPATEN BALANGAN"],
    [],
    ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
    ["1", "Terwujudnya Kesadaran Pemilih", "Persentase Partisipasi Pemilih", "120%"],
    [None, None, "Nilai Akuntabilitas Kinerja", "E"],
    [None, None, "Persentase pemilih terdaftar yang terverifikasi", "B"],
    [None, None, "Indeks Reformasi Birokrasi", None],
    [None, None, "Indeks Kepuasan Layanan Informasi", "sangat puas"],
    [None, None, None, "90%"],
    [None, None, "Persentase dokumen perencanaan tepat waktu", "=0.9"],
    [None, None, "Jumlah dokumen perencanaan", "-2 dokumen"],
    [None, None, "Persentase dokumen perencanaan tepat waktu", "95%"],
    [None, None, "Jumlah laporan keuangan", "100%"],
]
ANGGARAN_ROWS = [
    ["No", "Program", "Anggaran"],
    ["1", "Dukungan Manajemen", "Rp. 1.000.000.000"],
    ["2", "Penyelenggaraan Pemilu", "Rp. satu juta"],
    ["3", "Operasional Kantor", -5_000_000],
    ["4", "Pengelolaan Logistik", "=C2/2"],
    [None, "JUMLAH", 2_000_000_000],
]
IKU_ROWS = [
    ["No", "Uraian", "Cara Penghitungan", "Sumber Data"],
    ["PROGRAM DUKUNGAN MANAJEMEN [076.1.WA]"],
    ["1.", "Persentase dokumen keuangan yang tepat waktu", "Menghitung dokumen tepat waktu", None],
    ["2.", "Persentase pegawai yang kompeten", None, "Data kepegawaian"],
]


def write_faulty_samples(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in (("RKT", RKT_ROWS), ("Anggaran", ANGGARAN_ROWS), ("IKU", IKU_ROWS)):
        sheet = book.create_sheet(name)
        for values in rows:
            sheet.append(values)
        sheet.column_dimensions["B"].width = sheet.column_dimensions["C"].width = 45
    book["IKU"].merge_cells("A2:D2")
    book.properties.created = book.properties.modified = FIXED_DATE
    book.save(folder / "KPU Kabupaten Balangan - RKT 2024.xlsx")

    letter = openpyxl.Workbook()
    sheet = letter.active
    sheet.title = "Surat"
    for line in (
        "KOMISI PEMILIHAN UMUM KABUPATEN TABALONG",
        "Nomor: 12/PL.01/2024",
        "Bersama ini kami sampaikan Rencana Kinerja Tahun 2024.",
        "Hormat kami,",
    ):
        sheet.append([line])
    letter.properties.created = letter.properties.modified = FIXED_DATE
    letter.save(folder / "Surat Pengantar KPU Kabupaten Tabalong.xlsx")

    (folder / "KPU Kabupaten Barito Kuala - RKT 2024.xlsx").write_text(
        "No;Sasaran Strategis;Indikator Kinerja;Target\n1;Terwujudnya A;Persentase a;90%\n",
        encoding="utf-8",
    )
