"""Relatives of the official forms, worded and laid out as other offices do (each in a small
workbook): a Rencana Aksi titled after the PK it splits, an LKj whose "Capaian Kinerja 2024"
stands over Target | Realisasi | %, an e-SAKIP export that gives the realisasi only by quarter."""

from __future__ import annotations

from conftest import build_xlsx

from kinerja_xl.pipeline import check_files


def codes(report):
    return [(i.code, i.cell) for i in report.issues]


def test_a_rencana_aksi_titled_after_its_pk_is_a_rencana_aksi_held_to_the_pk(tmp_path):
    """ "RENCANA AKSI PERJANJIAN KINERJA" names the PK it splits by quarter: it is a Rencana
    Aksi, and its 90 % against the PK's 95 % is seen."""
    path = build_xlsx(
        tmp_path / "KPU Kabupaten Lebak - PK dan Renaksi 2024.xlsx",
        {
            "PK": [
                ["PERJANJIAN KINERJA TAHUN 2024"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"],
                [1, "Meningkatnya kualitas pemilu", "Persentase partisipasi pemilih", "%", "80"],
                [
                    2,
                    "Meningkatnya kepastian hukum",
                    "Persentase sengketa yang dimenangkan",
                    "%",
                    "95",
                ],
            ],
            "Renaksi": [
                ["RENCANA AKSI PERJANJIAN KINERJA TAHUN 2024"],
                ["No", "Indikator Kinerja", "Target 2024", "Target Triwulan", None, None, None],
                [None, None, None, "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
                [1, "Persentase partisipasi pemilih", "80%", "-", "80%", "-", "-"],
                [2, "Persentase sengketa yang dimenangkan", "90%", "-", "90%", "90%", "90%"],
            ],
        },
        merges={"Renaksi": ["D2:G2", "A2:A3", "B2:B3", "C2:C3"]},
    )
    (report,) = check_files([path], year=2024)
    assert [(t.sheet, t.document) for t in report.tables] == [
        ("PK", "PK"),
        ("Renaksi", "Rencana Aksi"),
    ]
    assert codes(report) == [("target-inconsistent", "C5")]
    renaksi = report.tables[1]
    assert [p.value if p else None for p in renaksi.records[1].periods.values()] == [
        None,
        90,
        90,
        90,
    ]


def test_a_heading_of_the_year_over_target_realisasi_and_percent(xlsx):
    """ "Capaian Kinerja Tahun 2024" over "Target | Realisasi | %", past years after it: the
    target is the target (not a capaian), the "%" is the stated capaian, 2022 and 2023 kept
    beside."""
    rows = [
        ["No", "Indikator Kinerja Utama", "Capaian Kinerja Tahun 2024", None, None]
        + ["Realisasi Tahun Sebelumnya", None],
        [None, None, "Target", "Realisasi", "%", "2022", "2023"],
        [1, "Persentase partisipasi pemilih", "77,5%", "81,2%", "104,77", "-", "-"],
        [2, "Indeks Reformasi Birokrasi", "75", "77,25", "110", "70,1", "72,5"],
    ]
    path = xlsx(rows, name="Capaian Kinerja", merges=["C1:E1", "F1:G1", "A1:A2", "B1:B2"])
    (report,) = check_files([path], year=2024)
    (table,) = report.tables
    read = [
        (r.target.value, r.realisasi.value, r.capaian.value, r.cells["capaian"], r.extras)
        for r in table.records
    ]
    assert read == [
        (
            77.5,
            81.2,
            104.77,
            "E3",
            {"Realisasi Tahun Sebelumnya › 2022": "-", "Realisasi Tahun Sebelumnya › 2023": "-"},
        ),
        (
            75,
            77.25,
            110,
            "E4",
            {
                "Realisasi Tahun Sebelumnya › 2022": "70,1",
                "Realisasi Tahun Sebelumnya › 2023": "72,5",
            },
        ),
    ]
    assert codes(report) == [("capaian-mismatch", "E4")]  # 77,25 of 75 is 103 %, not 110 %


def test_a_realisasi_given_only_by_quarter(xlsx):
    """An e-SAKIP export: the header at A1, "Sasaran / Indikator Kinerja" in one column, the
    realisasi by quarter and no year's. A percentage's, an index's or a grade's year is its last
    quarter's; a count's is not taken (each quarter's own, or a running total?), and it is no
    missing realisasi either."""
    rows = [
        ["No", "Sasaran / Indikator Kinerja", "Satuan", "Target Tahunan", "Realisasi TW I"]
        + ["Realisasi TW II", "Realisasi TW III", "Realisasi TW IV", "Capaian (%)"],
        [None, "Sasaran 1: Meningkatnya partisipasi masyarakat dalam pemilu"],
        ["1", "Persentase partisipasi pemilih", "%", "78", "-", "-", "-", "80,5", "103,21"],
        ["2", "Jumlah kegiatan sosialisasi pemilu", "Kegiatan", "20", "5", "5", "5", "5", "100"],
        ["3", "Nilai AKIP", "Predikat", "BB", "-", "-", "BB", "-", "100"],
        ["4", "Indeks Reformasi Birokrasi", "Nilai", "80", "-", "-", "-", "82", "90"],
    ]
    (report,) = check_files([xlsx(rows, name="Sheet1")], year=2024)
    (table,) = report.tables
    years = [
        (r.realisasi.text if r.realisasi else None, r.cells.get("realisasi")) for r in table.records
    ]
    assert years == [("80,5", "H3"), (None, None), ("BB", "G5"), ("82", "H6")]
    assert codes(report) == [("capaian-mismatch", "I6")]  # 82 of 80 is 102,5 %, not 90 %


def test_a_header_typed_over_two_rows_without_merging_them(xlsx):
    """ "SASARAN" over "STRATEGIS", "INDIKATOR" over "KINERJA", "TARGET" over "2025", no cell
    merged: one header, not a first record reading 'STRATEGIS | KINERJA | 2025'."""
    rows = [
        ["RENCANA KINERJA TAHUNAN 2025"],
        [],
        ["NO", "SASARAN", "INDIKATOR", "TARGET"],
        [None, "STRATEGIS", "KINERJA", "2025"],
        ["1", "Terwujudnya data pemilih yang akurat", "Persentase DPT tepat waktu", "100 %"],
        [None, None, "Jumlah KPU Kabupaten/Kota yang memutakhirkan data", "13 Kab/Kota"],
    ]
    (report,) = check_files([xlsx(rows, name="RKT")], year=2025)
    (table,) = report.tables
    assert [(r.get("sasaran"), r.target.text) for r in table.records] == [
        ("Terwujudnya data pemilih yang akurat", "100 %"),
        ("Terwujudnya data pemilih yang akurat", "13 Kab/Kota"),
    ]
    assert table.row_kinds["header"] == 1 and codes(report) == []


def test_the_factors_under_a_renja_evaluation_are_notes(xlsx):
    rows = [
        ["No", "Indikator Kinerja", "Target", "Realisasi"],
        [1, "Persentase partisipasi pemilih", "80%", "82%"],
        [],
        ["Faktor pendorong keberhasilan pencapaian:"],
        ["Faktor penghambat pencapaian kinerja:"],
        ["Tindak lanjut yang diperlukan dalam triwulan berikutnya:"],
    ]
    (report,) = check_files([xlsx(rows, name="Evaluasi Renja")], year=2024)
    assert report.tables[0].rows == 1 and codes(report) == []


def test_a_rencana_kerja_dan_anggaran_is_a_budget_document(tmp_path):
    path = build_xlsx(
        tmp_path / "KPU Kabupaten Sorong - RKA 2025.xlsx",
        {
            "RKA Satker": [
                ["RENCANA KERJA DAN ANGGARAN KEMENTERIAN NEGARA/LEMBAGA"],
                ["KODE", "URAIAN", "JUMLAH BIAYA"],
                ["076.01.WA", "Program Dukungan Manajemen", 176_400_000],
            ]
        },
    )
    (report,) = check_files([path], year=2025)
    assert [(t.kind, t.document) for t in report.tables] == [("anggaran", "DIPA")]


def test_a_no_column_typed_with_a_zero_and_sasaran_as_lines_across(xlsx):
    """ "N0 | Indikator Kinerja Utama | Satuan | Target | Realisasi | Capaian (%)" with each
    sasaran on a line across the table: the numbers are the rows' and every row is accounted
    for (the lines across were counted blank)."""
    rows = [
        ["N0", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian (%)"],
        ["Sasaran Strategis 1. Meningkatnya partisipasi pemilih"],
        ["1", "Persentase partisipasi pemilih", "%", "77", "79,5", "103,25"],
        ["2", "Persentase pemilih muda yang menggunakan hak pilih", "%", "70", "68", "97,14"],
        ["Sasaran Strategis 2. Meningkatnya akuntabilitas kinerja"],
        ["3", "Nilai SAKIP", "Predikat", "B", "BB", "100"],
    ]
    path = xlsx(rows, name="Pengukuran", merges=["A2:F2", "A5:F5"])
    (report,) = check_files([path], year=2024)
    (table,) = report.tables
    assert [(r.number, r.get("sasaran")) for r in table.records] == [
        ("1", "Meningkatnya partisipasi pemilih"),
        ("2", "Meningkatnya partisipasi pemilih"),
        ("3", "Meningkatnya akuntabilitas kinerja"),
    ]
    assert "blank" not in table.row_kinds and codes(report) == []


def test_a_column_left_of_the_indicator_with_a_heading_of_its_own_is_kept(xlsx):
    """ "Kinerja | Indikator Kinerja Utama | Target | Realisasi | Capaian | Kategori" (an LKj's
    sasaran kegiatan under a heading kinerja-xl does not know): kept beside each record, as the
    columns right of the indicator are, never dropped."""
    rows = [
        ["Kinerja", "Indikator Kinerja Utama", "Target", "Realisasi", "Capaian", "Kategori"],
        ["Meningkatnya Pembinaan Perbendaharaan", "Persentase pejabat terlatih", "80%", "80%"]
        + ["100%", "Berhasil"],
        ["Terlaksananya Sistem Akuntansi", "Jumlah laporan keuangan", "2 Lap", "2 Lap", "100%"]
        + ["Berhasil"],
    ]
    (report,) = check_files([xlsx(rows, name="Tabel 3.1")], year=2024)
    (table,) = report.tables
    assert [r.extras for r in table.records] == [
        {"Kinerja": "Meningkatnya Pembinaan Perbendaharaan", "Kategori": "Berhasil"},
        {"Kinerja": "Terlaksananya Sistem Akuntansi", "Kategori": "Berhasil"},
    ]
    assert [r.target.text for r in table.records] == ["80%", "2 Lap"] and codes(report) == []


def test_a_body_of_the_regency_named_in_its_title_is_no_kpu_office(tmp_path):
    """The file name says only 'Kab Tapin'; the title says whose it is: the regency's office
    for national unity and politics (a 'Badan …'), not KPU Kabupaten Tapin."""
    path = build_xlsx(
        tmp_path / "Perjanjian Kinerja 2024 - Kab Tapin.xlsx",
        {
            "PK": [
                ["PERJANJIAN KINERJA TAHUN 2024"],
                ["BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN TAPIN"],
                [],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                [1, "Meningkatnya partisipasi politik", "Persentase partisipasi pemilih", "80%"],
            ]
        },
    )
    (report,) = check_files([path], year=2024)
    assert report.office is None
    (issue,) = report.issues
    assert issue.code == "office-unknown"
    assert "BADAN KESATUAN BANGSA DAN POLITIK" in issue.message("id")


def test_a_renstra_matrix_that_names_its_levels_before_its_codes_and_programs(xlsx):
    """Permendagri 86/2017's T-C.27: "Tujuan | Sasaran | Kode | Program dan Kegiatan |
    Indikator Kinerja | Target …": the tujuan and sasaran are the plan's (they were cut off into
    a header of their own by the Kode and Program columns between them and the indicator)."""
    rows = [
        ["Tujuan", "Sasaran", "Kode", "Program dan Kegiatan", "Indikator Kinerja", "Target 2025"],
        [
            "Meningkatnya demokrasi",
            "Meningkatnya partisipasi",
            "01.02",
            "Program Pendidikan Pemilih",
        ]
        + ["Persentase partisipasi pemilih", "80%"],
    ]
    (report,) = check_files([xlsx(rows, name="T-C.27")], year=2025)
    (table,) = report.tables
    (record,) = table.records
    assert (record.get("tujuan"), record.get("sasaran"), record.target.text) == (
        "Meningkatnya demokrasi",
        "Meningkatnya partisipasi",
        "80%",
    )
    assert record.extras == {"Kode": "01.02", "Program dan Kegiatan": "Program Pendidikan Pemilih"}
    assert codes(report) == []


def test_an_export_s_file_name_with_underscores_gives_its_year(tmp_path):
    """ "esakip_export_kpu_kab_pati_2024.xlsx": no title, the header at A1; the year is the
    file name's (an underscore is no letter of a word)."""
    path = build_xlsx(
        tmp_path / "esakip_export_kpu_kab_pati_2024.xlsx",
        {
            "Sheet1": [
                ["No", "Sasaran / Indikator Kinerja", "Target Tahunan", "Realisasi TW IV"],
                ["1", "Persentase partisipasi pemilih", "78%", "80,5%"],
            ]
        },
    )
    (report,) = check_files([path])
    assert (report.office, report.year) == ("KPU Kabupaten Pati", 2024)


def test_a_stale_sub_total_is_its_own_fault_not_its_parents(xlsx):
    """Sub-totals at every level, one of them stale (4257.EBA says 260 million, its line 250):
    the mismatch is at that sub-total only; the kegiatan above it, which its lines add up to,
    is right."""
    rows = [
        ["No", "Kode", "Program / Kegiatan / KRO / RO", "Pagu (Rp)", "Realisasi (Rp)"],
        [None, None, "JUMLAH", 670_000_000, 653_500_000],
        ["A", "076.01.WA", "Program Dukungan Manajemen", 370_000_000, 363_500_000],
        ["1", "4257", "Penyelenggaraan Dukungan Manajemen", 370_000_000, 363_500_000],
        ["a", "4257.EBA", "Layanan Dukungan Manajemen Internal", 260_000_000, 245_500_000],
        [None, "4257.EBA.962", "Layanan Umum", 250_000_000, 245_500_000],
        ["b", "4257.EBB", "Layanan Sarana dan Prasarana Internal", 120_000_000, 118_000_000],
        [None, "4257.EBB.951", "Layanan Sarana Internal", 120_000_000, 118_000_000],
        ["B", "076.06.DH", "Program Penyelenggaraan Pemilu", 300_000_000, 290_000_000],
        ["1", "4252", "Pelaksanaan Tahapan Pemilu", 300_000_000, 290_000_000],
        ["a", "4252.QDC", "Fasilitasi dan Pembinaan Lembaga", 300_000_000, 290_000_000],
        [None, "4252.QDC.001", "Bimbingan teknis PPK dan PPS", 300_000_000, 290_000_000],
    ]
    (report,) = check_files([xlsx(rows, name="Realisasi Anggaran")], year=2024)
    assert [(t.kind, t.total) for t in report.tables] == [("anggaran", 670_000_000)]
    assert codes(report) == [("budget-total-mismatch", "D5")]
