"""Sample plans of four more Kalimantan Selatan offices, each in a different layout, and one
(Kotabaru) with the mistakes offices really make. Contents are illustrative, modelled on the
seed plans; the layouts are the point."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import xlsxwriter

FIXED_DATE = datetime(2024, 1, 2, 8, 0, 0)


def new_book(path: Path) -> xlsxwriter.Workbook:
    """A workbook with a fixed creation date, so that regenerating gives the same bytes."""
    book = xlsxwriter.Workbook(path)
    book.set_properties({"created": FIXED_DATE, "author": "kinerja-xl samples"})
    return book


SEKRETARIAT_PLAN = [
    # (sasaran kegiatan, [(indikator, target)], program, amount)
    (
        "Terlaksananya Perencanaan Program dan Anggaran yang Efektif dan Efisien",
        [("Persentase dokumen perencanaan program dan anggaran yang tepat waktu", 0.95)],
        "Perencanaan Program dan Anggaran",
        612_400_000,
    ),
    (
        "Terbentuknya Badan Adhoc yang tepat jumlah dan waktu",
        [("Persentase badan adhoc yang dibentuk tepat waktu", 1.0)],
        "Pembentukan Badan Adhoc",
        9_845_210_000,
    ),
    (
        "Terlaksananya Pemungutan dan Penghitungan Suara dengan baik",
        [
            ("Persentase TPS yang melaksanakan pemungutan suara sesuai jadwal", 1.0),
            ("Jumlah laporan hasil penghitungan suara", "13 laporan"),
        ],
        "Pemungutan dan Penghitungan Suara",
        2_114_650_000,
    ),
    (
        "Operasional perkantoran dan dukungan sarana prasarana yang efektif",
        [
            ("Persentase fasilitas perkantoran yang berfungsi dengan baik", 0.9),
            ("Persentase satker yang menyelesaikan pembayaran gaji pegawai tepat waktu", 1.0),
        ],
        "Operasional Perkantoran dan Dukungan Sarana Prasarana",
        1_380_975_000,
    ),
]

KPU_PLAN = [
    (
        "Mewujudkan Komisi Pemilihan Umum yang mandiri, Profesional dan Berintegritas",
        [
            (
                "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
                [
                    ("Indeks Reformasi Birokrasi", 78),
                    ("Nilai Akuntabilitas Kinerja", "BB"),
                    ("Opini BPK atas Laporan Keuangan", "WTP"),
                    ("Nilai Keterbukaan Informasi Publik", 92),
                ],
            ),
        ],
    ),
    (
        "Menyelenggarakan Pemilu/Pemilihan Serentak yang Demokratis, Tepat Waktu, Efisien dan Efektif",
        [
            (
                "Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi",
                [
                    ("Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", 0.8),
                    ("Persentase Partisipasi Pemilih Perempuan dalam Pemilu/Pemilihan", 0.8),
                ],
            ),
            (
                "Terwujudnya koordinasi penyelenggaraan kepemiluan yang sesuai dengan Standar Pelayanan "
                "Publik",
                [
                    (
                        "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih Tetap",
                        0.002,
                    ),
                ],
            ),
        ],
    ),
]


def write_other_offices(folder: Path) -> None:
    tapin(folder)
    tanah_laut(folder)
    banjar_xls(folder)
    hulu_sungai_selatan_ods(folder)
    kotabaru_with_mistakes(folder)


def _formats(book):
    return {
        "wrap": book.add_format({"text_wrap": True, "valign": "top", "border": 1}),
        "head": book.add_format({"bold": True, "align": "center", "border": 1, "text_wrap": True}),
        "title": book.add_format({"bold": True}),
        "pct": book.add_format({"num_format": "0%", "border": 1}),
        "pct2": book.add_format({"num_format": "0.0%", "border": 1}),
        "rp": book.add_format({"num_format": '"Rp"#,##0', "border": 1}),
    }


def tapin(folder: Path) -> None:
    """One sheet holds everything; sasaran cells merged over their indicators; targets are
    numbers in percent-formatted cells; a Satuan column; amounts are numbers with a JUMLAH
    formula (cached value stored)."""
    book = new_book(folder / "KPU Kabupaten Tapin - RKT 2024.xlsx")
    f = _formats(book)
    ws = book.add_worksheet("RKT 2024")
    ws.set_column(0, 0, 5)
    ws.set_column(1, 2, 50)
    ws.set_column(3, 4, 12)
    ws.write(0, 0, "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2024", f["title"])
    ws.write(1, 0, "KOMISI PEMILIHAN UMUM KABUPATEN TAPIN", f["title"])
    row = 3
    for col, text in enumerate(
        ["NO ", "SASARAN STRATEGIS ", "INDIKATOR KINERJA ", "TARGET ", "SATUAN"]
    ):
        ws.write_string(row, col, text, f["head"])
    row += 1
    for goal_no, (goal, sasarans) in enumerate(KPU_PLAN, start=1):
        ws.write_number(row, 0, goal_no, f["wrap"])
        ws.merge_range(row, 1, row, 4, goal, f["wrap"])
        row += 1
        for sasaran, indicators in sasarans:
            if len(indicators) > 1:
                ws.merge_range(row, 1, row + len(indicators) - 1, 1, sasaran, f["wrap"])
            else:
                ws.write_string(row, 1, sasaran, f["wrap"])
            for indicator, target in indicators:
                ws.write_string(row, 2, indicator, f["wrap"])
                is_pct = isinstance(target, float)
                fmt = f["pct2"] if is_pct and target < 0.01 else f["pct"] if is_pct else f["wrap"]
                if isinstance(target, str):
                    ws.write_string(row, 3, target, fmt)
                else:
                    ws.write_number(row, 3, target, fmt)
                unit = (
                    "persen"
                    if is_pct
                    else (
                        "predikat" if target == "BB" else "opini" if target == "WTP" else "indeks"
                    )
                )
                ws.write_string(row, 4, unit, f["wrap"])
                row += 1
    row += 2
    ws.write(
        row, 0, "RENCANA KINERJA TAHUNAN SEKRETARIAT KPU KABUPATEN TAPIN TAHUN 2024", f["title"]
    )
    row += 2
    for col, text in enumerate(["NO", "SASARAN KEGIATAN", "INDIKATOR KINERJA", "TARGET"]):
        ws.write_string(row, col, text, f["head"])
    row += 1
    for number, (sasaran, indicators, _program, _amount) in enumerate(SEKRETARIAT_PLAN, start=1):
        for i, (indicator, target) in enumerate(indicators):
            if i == 0:
                ws.write_number(row, 0, number, f["wrap"])
                ws.write_string(row, 1, sasaran, f["wrap"])
            ws.write_string(row, 2, indicator, f["wrap"])
            if isinstance(target, str):
                ws.write_string(row, 3, target, f["wrap"])
            else:
                ws.write_number(row, 3, target, f["pct"])
            row += 1
    row += 2
    for col, text in enumerate(["NO", "PROGRAM", "ANGGARAN (Rp)"]):
        ws.write_string(row, col, text, f["head"])
    row += 1
    first = row
    for number, (_s, _i, program, amount) in enumerate(SEKRETARIAT_PLAN, start=1):
        ws.write_number(row, 0, number, f["wrap"])
        ws.write_string(row, 1, program, f["wrap"])
        ws.write_number(row, 2, amount, f["rp"])
        row += 1
    total = sum(p[3] for p in SEKRETARIAT_PLAN)
    ws.write_string(row, 1, "JUMLAH", f["head"])
    ws.write_formula(row, 2, f"=SUM(C{first + 1}:C{row})", f["rp"], total)
    row += 3
    ws.write(row, 2, "Rantau, 15 Januari 2024")
    ws.write(row + 1, 2, "KETUA KPU KABUPATEN TAPIN")
    book.close()


def tanah_laut(folder: Path) -> None:
    """Several sheets; header text with line breaks and 'No.'; numbering row '1 2 3 4'; the
    header repeated after a page break; targets as text with odd spacing ('90 %', '95,5%');
    amounts as text in several spellings; an IKU sheet with an extra column."""
    book = new_book(folder / "KPU Kabupaten Tanah Laut - RKT dan IKU 2024.xlsx")
    f = _formats(book)
    ws = book.add_worksheet("Sekretariat")
    ws.set_column(0, 3, 40)
    ws.write(0, 1, "RENCANA KINERJA TAHUN 2024", f["title"])
    ws.write(1, 1, "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN TANAH LAUT", f["title"])
    header = ["No.", "Sasaran\nKegiatan", "Indikator\nKinerja", "Target"]
    row = 3
    ws.write_row(row, 0, header, f["head"])
    ws.write_row(row + 1, 0, [1, 2, 3, 4], f["head"])
    row += 2
    texts = ["90 %", "100%", "95,5%", "13 laporan", "100 %", "90\u00a0%"]
    k = 0
    for number, (sasaran, indicators, _p, _a) in enumerate(SEKRETARIAT_PLAN, start=1):
        for i, (indicator, _target) in enumerate(indicators):
            if number == 3 and i == 1:  # a page break falls inside sasaran 3
                ws.write_row(row, 0, header, f["head"])
                ws.write_row(row + 1, 0, [1, 2, 3, 4], f["head"])
                row += 2
            ws.write_row(
                row,
                0,
                [f"{number}." if i == 0 else "", sasaran if i == 0 else "", indicator, texts[k]],
                f["wrap"],
            )
            k += 1
            row += 1
    ws.write(row + 1, 2, "Pelaihari, 10 Januari 2024")
    ws.write(row + 2, 2, "SEKRETARIS KPU KABUPATEN TANAH LAUT")

    ws = book.add_worksheet("Anggaran")
    ws.set_column(0, 2, 45)
    ws.write_row(0, 0, ["NO", "PROGRAM / KEGIATAN", "PAGU ANGGARAN"], f["head"])
    ws.write_row(0, 0, ["NO", "PROGRAM", "PAGU ANGGARAN"], f["head"])
    spellings = ["Rp612.400.000", "9845210000", "Rp. 2.114.650.000,-", "Rp 1.380.975.000"]
    for i, (_s, _ind, program, _amount) in enumerate(SEKRETARIAT_PLAN, start=1):
        ws.write_row(i, 0, [str(i), program, spellings[i - 1]], f["wrap"])
    total = sum(p[3] for p in SEKRETARIAT_PLAN)
    n = len(SEKRETARIAT_PLAN) + 1
    ws.write_row(n, 0, ["", "TOTAL", "Rp " + f"{total:,}".replace(",", ".")], f["head"])

    ws = book.add_worksheet("IKU")
    ws.set_column(0, 4, 35)
    ws.write(0, 0, "INDIKATOR KINERJA UTAMA KPU KABUPATEN TANAH LAUT TAHUN 2024", f["title"])
    ws.write_row(
        2,
        0,
        [
            "No",
            "Indikator Kinerja Utama",
            "Formulasi / Cara Perhitungan",
            "Sumber Data",
            "Penanggung Jawab",
        ],
        f["head"],
    )
    ws.merge_range(3, 0, 3, 4, "PROGRAM DUKUNGAN MANAJEMEN (076.01.WA)", f["wrap"])
    ws.write_row(
        4,
        0,
        [
            "1",
            "Persentase dokumen perencanaan yang tepat waktu",
            "Jumlah dokumen tepat waktu dibagi jumlah dokumen x 100%",
            "Subbagian Perencanaan",
            "Kasubbag Perencanaan",
        ],
        f["wrap"],
    )
    ws.write_row(
        5,
        0,
        [
            "2",
            "Persentase fasilitas perkantoran yang berfungsi dengan baik",
            "Jumlah fasilitas yang berfungsi dibagi seluruh fasilitas x 100%",
            "Subbagian Umum",
            "Kasubbag Umum",
        ],
        f["wrap"],
    )
    book.close()


def banjar_xls(folder: Path) -> None:
    """An old .xls (Excel 97-2003): RKT Sekretariat and Anggaran side by side on one sheet;
    targets typed as text."""
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("Sekretariat")
    ws.write(0, 0, "RENCANA KINERJA TAHUN 2024 SEKRETARIAT KPU KABUPATEN BANJAR")
    for col, text in enumerate(["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target"]):
        ws.write(2, col, text)
    for col, text in enumerate(["No", "Program", "Anggaran"]):
        ws.write(2, 5 + col, text)
    row = 3
    for number, (sasaran, indicators, program, amount) in enumerate(SEKRETARIAT_PLAN, start=1):
        ws.write(row, 5, number)
        ws.write(row, 6, program)
        ws.write(row, 7, amount)
        for i, (indicator, target) in enumerate(indicators):
            if i == 0:
                ws.write(row, 0, f"{number}.")
                ws.write(row, 1, sasaran)
            ws.write(row, 2, indicator)
            text = target if isinstance(target, str) else f"{round(target * 100)}%"
            ws.write(row, 3, text)
            row += 1
    ws.write(row + 2, 2, "Martapura, 12 Januari 2024")
    ws.write(row + 3, 2, "KETUA KPU KABUPATEN BANJAR")
    book.save(str(folder / "KPU Kabupaten Banjar - RKT Sekretariat 2024.xls"))


def hulu_sungai_selatan_ods(folder: Path) -> None:
    """An .ods from LibreOffice: an IKU with program rows written as '076.01.CQ - PROGRAM …'."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="IKU 2024")
    rows = [
        ["INDIKATOR KINERJA UTAMA TAHUN 2024"],
        ["KOMISI PEMILIHAN UMUM KABUPATEN HULU SUNGAI SELATAN"],
        [],
        ["NO", "URAIAN", "CARA PENGHITUNGAN", "SUMBER DATA"],
        ["PROGRAM PENYELENGGARAAN PEMILU DALAM PROSES KONSOLIDASI DEMOKRASI [076.01.CQ]"],
        [
            "1",
            "Persentase TPS yang melaksanakan pemungutan suara sesuai jadwal",
            "TPS sesuai jadwal dibagi jumlah TPS x 100%",
            "Divisi Teknis Penyelenggaraan",
        ],
        [
            "2",
            "Jumlah dokumen pelaksanaan kegiatan logistik",
            "Menghitung jumlah dokumen logistik",
            "Divisi Keuangan, Umum, Rumah Tangga dan Logistik",
        ],
        ["PROGRAM DUKUNGAN MANAJEMEN [076.01.WA]"],
        [
            "1",
            "Persentase peningkatan kapasitas SDM yang berkompeten",
            "Pegawai yang kompeten dibagi jumlah pegawai x 100%",
            "Subbagian SDM",
        ],
        [],
        ["Kandangan, 8 Januari 2024"],
        ["KETUA KPU KABUPATEN HULU SUNGAI SELATAN"],
    ]
    for values in rows:
        tr = TableRow()
        for value in values:
            tc = TableCell(valuetype="string")
            tc.addElement(P(text=value))
            tr.addElement(tc)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(folder / "KPU Kabupaten Hulu Sungai Selatan - IKU 2024.ods"))


def kotabaru_with_mistakes(folder: Path) -> None:
    """Mistakes offices really make: a percentage for a count, a target over 100 %, a grade
    that does not exist, a missing target, a total that does not add up, an amount in words."""
    book = new_book(folder / "KPU Kabupaten Kotabaru - RKT 2024.xlsx")
    f = _formats(book)
    ws = book.add_worksheet("RKT")
    ws.set_column(0, 3, 40)
    ws.write(0, 0, "RENCANA KINERJA TAHUN 2024 KPU KABUPATEN KOTA BARU", f["title"])
    ws.write_row(2, 0, ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"], f["head"])
    rows = [
        [
            "1",
            "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
            "Indeks Reformasi Birokrasi",
            "80",
        ],
        ["", "", "Nilai Akuntabilitas Kinerja", "E"],
        ["", "", "Opini BPK atas Laporan Keuangan", "WTP"],
        [
            "2",
            "Terwujudnya Kesadaran Pemilih yang tinggi",
            "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
            "120%",
        ],
        ["", "", "Jumlah laporan pelaksanaan sosialisasi", "100%"],
        ["", "", "Persentase Pemilih Pemula yang mengikuti sosialisasi", ""],
    ]
    for i, values in enumerate(rows, start=3):
        ws.write_row(i, 0, values, f["wrap"])
    ws = book.add_worksheet("Anggaran")
    ws.set_column(0, 2, 40)
    ws.write_row(0, 0, ["No", "Program", "Anggaran"], f["head"])
    ws.write_row(1, 0, ["1", "Dukungan Manajemen", "Rp. 1.250.000.000"], f["wrap"])
    ws.write_row(2, 0, ["2", "Penyelenggaraan Pemilu", "satu miliar"], f["wrap"])
    ws.write_row(3, 0, ["", "JUMLAH", "Rp. 2.500.000.000"], f["head"])
    book.close()
