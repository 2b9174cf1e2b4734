"""The rest of the yearly SAKIP cycle, each document from a different Kalimantan Selatan office
and in the layout that document is usually printed in:

* Hulu Sungai Tengah — Perjanjian Kinerja (PK): no NO or SASARAN column, "Sasaran 1 : …" rows
  written across the table, "Target %" as a header, a Program | Anggaran table and the two
  parties' signatures;
* Tanah Bumbu — Rencana Aksi: "TARGET TRIWULAN" merged over TW I … TW IV beside the annual
  target, "-" for a quarter without a target, the two-line header repeated after a page break;
* Hulu Sungai Utara — a five-year IKU matrix of the Renstra 2020-2024: "TARGET" merged over the
  five plan years beside a "Kondisi Awal" baseline;
* Tapin — Laporan Kinerja (LKj): "KINERJA 2024" over Target | Realisasi | Capaian (%), capaian as
  formulas with their stored values, a "lower is better" indicator (voters missing from the
  DPT), footnotes under the table. One target differs from Tapin's RKT (Indeks Reformasi
  Birokrasi 78 in the RKT, 75 here), which the province must see as `target-inconsistent`.

Contents are illustrative, modelled on the seed plans; the layouts are the point.
"""

from __future__ import annotations

from pathlib import Path

from other_offices import KPU_PLAN, _formats, new_book


def write_sakip_samples(folder: Path) -> None:
    hulu_sungai_tengah_pk(folder)
    tanah_bumbu_rencana_aksi(folder)
    hulu_sungai_utara_iku_matrix(folder)
    tapin_lkj(folder)


PK_SASARAN = [
    (
        "Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi",
        [
            ("Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", 79),
            ("Persentase Partisipasi Pemilih Perempuan dalam Pemilu/Pemilihan", 79),
        ],
    ),
    (
        "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
        [
            ("Indeks Reformasi Birokrasi", 76),
            ("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", 100),
        ],
    ),
]
PK_PROGRAMS = [
    ("Program Dukungan Manajemen", "Rp. 6.482.115.000,00"),
    ("Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", "Rp. 1.975.300.000,00"),
]


def hulu_sungai_tengah_pk(folder: Path) -> None:
    book = new_book(folder / "KPU Kabupaten Hulu Sungai Tengah - PK 2024.xlsx")
    f = _formats(book)
    ws = book.add_worksheet("PK 2024")
    ws.set_column(0, 0, 62)
    ws.set_column(1, 1, 22)
    ws.merge_range(0, 0, 0, 1, "PERJANJIAN KINERJA TAHUN 2024", f["title"])
    ws.merge_range(1, 0, 1, 1, "KOMISI PEMILIHAN UMUM KABUPATEN HULU SUNGAI TENGAH", f["title"])
    row = 3
    ws.write_row(row, 0, ["INDIKATOR KINERJA", "Target %"], f["head"])
    ws.write_row(row + 1, 0, ["(1)", "(2)"], f["head"])
    row += 2
    for number, (sasaran, indicators) in enumerate(PK_SASARAN, start=1):
        ws.merge_range(row, 0, row, 1, f"Sasaran {number} : {sasaran}", f["wrap"])
        row += 1
        for indicator, target in indicators:
            ws.write_string(row, 0, indicator, f["wrap"])
            ws.write_number(row, 1, target, f["wrap"])
            row += 1
    row += 1
    ws.write_row(row, 0, ["PROGRAM", "ANGGARAN"], f["head"])
    row += 1
    for number, (program, amount) in enumerate(PK_PROGRAMS, start=1):
        ws.write_row(row, 0, [f"{number}. {program}", amount], f["wrap"])
        row += 1
    ws.write_row(row, 0, ["JUMLAH", "Rp. 8.457.415.000,00"], f["head"])
    row += 2
    ws.write(row, 1, "Barabai, 2 Januari 2024")
    ws.write(row + 1, 0, "PIHAK KEDUA,")
    ws.write(row + 1, 1, "PIHAK PERTAMA,")
    ws.write(row + 2, 0, "KETUA KPU PROVINSI KALIMANTAN SELATAN")
    ws.write(row + 2, 1, "KETUA KPU KABUPATEN HULU SUNGAI TENGAH")
    book.close()


RENCANA_AKSI = [
    (
        "Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi",
        [
            (
                "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
                "80%",
                ["-", "-", "80%", "-"],
            ),
            (
                "Jumlah kegiatan sosialisasi pendidikan pemilih",
                "24 kegiatan",
                ["6", "12", "18", "24"],
            ),
        ],
    ),
    (
        "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
        [
            ("Nilai Akuntabilitas Kinerja", "BB", ["-", "-", "-", "BB"]),
            ("Opini BPK atas Laporan Keuangan", "WTP", ["-", "WTP", "-", "-"]),
        ],
    ),
    (
        "Terlaksananya Perencanaan Program dan Anggaran yang Efektif dan Efisien",
        [
            (
                "Persentase dokumen perencanaan program dan anggaran yang tepat waktu",
                "95%",
                ["25%", "50%", "75%", "95%"],
            ),
        ],
    ),
]
RA_HEAD = ["No", "Sasaran", "Indikator Kinerja", "Target 2024", "TARGET TRIWULAN"]
QUARTERS = ["TW I", "TW II", "TW III", "TW IV"]


def tanah_bumbu_rencana_aksi(folder: Path) -> None:
    book = new_book(folder / "KPU Kabupaten Tanah Bumbu - Rencana Aksi 2024.xlsx")
    f = _formats(book)
    ws = book.add_worksheet("Rencana Aksi")
    ws.set_column(0, 0, 5)
    ws.set_column(1, 2, 40)
    ws.set_column(3, 7, 11)
    ws.write(0, 0, "RENCANA AKSI KINERJA TAHUN 2024", f["title"])
    ws.write(1, 0, "KOMISI PEMILIHAN UMUM KABUPATEN TANAH BUMBU", f["title"])
    row = 3

    def header(at: int) -> int:
        for col, text in enumerate(RA_HEAD[:4]):
            ws.merge_range(at, col, at + 1, col, text, f["head"])
        ws.merge_range(at, 4, at, 7, RA_HEAD[4], f["head"])
        ws.write_row(at + 1, 4, QUARTERS, f["head"])
        return at + 2

    row = header(row)
    breaks = []
    for number, (sasaran, indicators) in enumerate(RENCANA_AKSI, start=1):
        if number == 3:  # a page break: Excel repeats the two header lines at the top
            breaks.append(row)
            row = header(row)
        if len(indicators) > 1:
            ws.merge_range(row, 0, row + len(indicators) - 1, 0, str(number), f["wrap"])
            ws.merge_range(row, 1, row + len(indicators) - 1, 1, sasaran, f["wrap"])
        else:
            ws.write_string(row, 0, str(number), f["wrap"])
            ws.write_string(row, 1, sasaran, f["wrap"])
        for indicator, target, quarters in indicators:
            ws.write_row(row, 2, [indicator, target, *quarters], f["wrap"])
            row += 1
    ws.set_h_pagebreaks(breaks)
    ws.write(row + 1, 2, "Batulicin, 5 Januari 2024")
    ws.write(row + 2, 2, "SEKRETARIS KPU KABUPATEN TANAH BUMBU")
    book.close()


IKU_MATRIX = [
    (
        "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
        "Jumlah pemilih yang menggunakan hak pilih dibagi jumlah pemilih dalam DPT x 100%",
        "Rekapitulasi hasil penghitungan suara",
        0.74,
        [0.75, 0.76, 0.77, 0.78, 0.80],
    ),
    (
        "Indeks Reformasi Birokrasi",
        "Hasil penilaian mandiri pelaksanaan reformasi birokrasi (PMPRB)",
        "Laporan PMPRB",
        68,
        [70, 72, 74, 76, 78],
    ),
    (
        "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih Tetap",
        "Jumlah pemilih yang tidak masuk DPT dibagi jumlah pemilih dalam DPT x 100%",
        "Sidalih",
        0.005,
        [0.004, 0.004, 0.003, 0.003, 0.002],
    ),
]


def hulu_sungai_utara_iku_matrix(folder: Path) -> None:
    book = new_book(folder / "KPU Kabupaten Hulu Sungai Utara - IKU 2020-2024.xlsx")
    f = _formats(book)
    ws = book.add_worksheet("Matriks IKU")
    ws.set_column(0, 0, 5)
    ws.set_column(1, 3, 34)
    ws.set_column(4, 9, 9)
    ws.write(0, 0, "MATRIKS INDIKATOR KINERJA UTAMA (IKU) TAHUN 2020-2024", f["title"])
    ws.write(1, 0, "KOMISI PEMILIHAN UMUM KABUPATEN HULU SUNGAI UTARA", f["title"])
    head = ["No", "Indikator Kinerja Utama", "Formulasi Perhitungan", "Sumber Data"]
    for col, text in enumerate([*head, "Kondisi Awal 2019"]):
        ws.merge_range(3, col, 4, col, text, f["head"])
    ws.merge_range(3, 5, 3, 9, "TARGET", f["head"])
    for col, year in enumerate(range(2020, 2025), start=5):
        ws.write_number(4, col, year, f["head"])
    row = 5
    for number, (indicator, formula, source, baseline, targets) in enumerate(IKU_MATRIX, start=1):
        ws.write_row(row, 0, [str(number), indicator, formula, source], f["wrap"])
        for col, value in enumerate([baseline, *targets], start=4):
            is_percent = isinstance(value, float)
            fmt = (
                f["pct2"] if is_percent and value < 0.01 else f["pct"] if is_percent else f["wrap"]
            )
            ws.write_number(row, col, value, fmt)
        row += 1
    ws.write(row + 1, 1, "Amuntai, 10 Februari 2020")
    ws.write(row + 2, 1, "KETUA KPU KABUPATEN HULU SUNGAI UTARA")
    book.close()


# (realisasi, capaian as typed; None: a formula with its stored value), by RKT indicator
TAPIN_RESULTS = {
    "Indeks Reformasi Birokrasi": (76.2, None),
    "Nilai Akuntabilitas Kinerja": ("BB", 100),
    "Opini BPK atas Laporan Keuangan": ("WTP", 100),
    "Nilai Keterbukaan Informasi Publik": (94.5, None),
    "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan": (0.763, None),
    "Persentase Partisipasi Pemilih Perempuan dalam Pemilu/Pemilihan": (0.781, None),
    "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih Tetap": (
        0.0015,
        None,
    ),
}
CHANGED_IN_LKJ = {"Indeks Reformasi Birokrasi": 75}  # the RKT says 78


def tapin_lkj(folder: Path) -> None:
    book = new_book(folder / "KPU Kabupaten Tapin - LKj 2024.xlsx")
    f = _formats(book)
    capaian = book.add_format({"num_format": "0.00", "border": 1})
    ws = book.add_worksheet("Pengukuran Kinerja")
    ws.set_column(0, 0, 5)
    ws.set_column(1, 2, 44)
    ws.set_column(3, 6, 11)
    ws.set_column(7, 7, 30)
    ws.write(0, 0, "LAPORAN KINERJA (LKj) TAHUN 2024", f["title"])
    ws.write(1, 0, "KOMISI PEMILIHAN UMUM KABUPATEN TAPIN", f["title"])
    ws.write(2, 0, "Tabel 3.1 Pengukuran Kinerja Tahun 2024")
    for col, text in enumerate(["No", "Sasaran Strategis", "Indikator Kinerja"]):
        ws.merge_range(4, col, 5, col, text, f["head"])
    ws.merge_range(4, 3, 4, 5, "KINERJA 2024", f["head"])
    ws.write_row(5, 3, ["Target", "Realisasi", "Capaian (%)"], f["head"])
    ws.merge_range(4, 6, 5, 6, "Kategori", f["head"])
    ws.merge_range(4, 7, 5, 7, "Keterangan", f["head"])
    row, number = 6, 0
    for _goal, sasarans in KPU_PLAN:
        for sasaran, indicators in sasarans:
            number += 1
            if len(indicators) > 1:
                ws.merge_range(row, 0, row + len(indicators) - 1, 0, str(number), f["wrap"])
                ws.merge_range(row, 1, row + len(indicators) - 1, 1, sasaran, f["wrap"])
            else:
                ws.write_string(row, 0, str(number), f["wrap"])
                ws.write_string(row, 1, sasaran, f["wrap"])
            for indicator, target in indicators:
                target = CHANGED_IN_LKJ.get(indicator, target)
                realisasi, stated = TAPIN_RESULTS[indicator]
                _result_row(ws, f, capaian, row, indicator, target, realisasi, stated)
                row += 1
    ws.write(
        row, 0, "*) Keterangan: capaian indikator DPT dihitung (2 x target - realisasi) / target"
    )
    ws.write(row + 1, 0, "Sumber: Sidalih dan rekapitulasi hasil Pemilu 2024")
    ws.write(row + 3, 2, "Rantau, 20 Januari 2025")
    ws.write(row + 4, 2, "KETUA KPU KABUPATEN TAPIN")
    book.close()


def _result_row(ws, f, capaian, row, indicator, target, realisasi, stated) -> None:
    ws.write_string(row, 2, indicator, f["wrap"])
    is_percent = isinstance(target, float)
    fmt = f["pct2"] if is_percent and target < 0.01 else f["pct"] if is_percent else f["wrap"]
    for col, value in ((3, target), (4, realisasi)):
        if isinstance(value, str):
            ws.write_string(row, col, value, f["wrap"])
        else:
            ws.write_number(row, col, value, f["pct2"] if is_percent else fmt)
    lower = "Tidak Masuk" in indicator
    if stated is not None:
        ws.write_number(row, 5, stated, capaian)
        value = stated
    elif lower:  # (2 × target − realisasi) / target × 100
        value = (2 * target - realisasi) / target * 100
        ws.write_formula(row, 5, f"=(2*D{row + 1}-E{row + 1})/D{row + 1}*100", capaian, value)
    else:
        value = realisasi / target * 100
        ws.write_formula(row, 5, f"=E{row + 1}/D{row + 1}*100", capaian, value)
    ws.write_string(row, 6, "Sangat Baik" if value >= 100 else "Baik", f["wrap"])
    ws.write_string(row, 7, "Semakin kecil semakin baik" if lower else "", f["wrap"])
