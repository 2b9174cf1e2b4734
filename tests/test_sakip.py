"""The rest of the SAKIP cycle: PK, Renstra and IKU matrices, Rencana Aksi quarters, LKj
realisasi and capaian, DIPA and Renja budgets, and one office's documents in agreement.
Each layout and rule with a small workbook built here."""

from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import build_xlsx
from typer.testing import CliRunner

from kinerja_xl.cli import app
from kinerja_xl.pipeline import check_files, inspect_file

runner = CliRunner()


def found(report):
    return [(i.code, i.severity, i.sheet, i.cell) for i in report.issues]


# --- PK: INDIKATOR KINERJA | Target under "Sasaran 1 : …" ------------------------------


def test_a_pk_without_no_or_sasaran_columns(tmp_path):
    path = build_xlsx(
        tmp_path / "KPU Kabupaten Tapin - PK 2024.xlsx",
        {
            "PK": [
                ["PERJANJIAN KINERJA TAHUN 2024"],
                ["KOMISI PEMILIHAN UMUM KABUPATEN TAPIN"],
                [],
                ["INDIKATOR KINERJA", "Target %"],
                ["Sasaran 1 : Meningkatnya partisipasi pemilih"],
                ["Persentase Partisipasi Pemilih", 80],
                ["Persentase Partisipasi Pemilih Perempuan", 78],
                ["Sasaran 2 : Terwujudnya tata kelola yang baik"],
                ["Indeks Reformasi Birokrasi", 75],
            ]
        },
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (report.document, table.document, table.kind) == ("PK", "PK", "rkt")
    rows = [
        (r.get("sasaran"), r.get("indikator"), r.target.text, r.target.unit) for r in table.records
    ]
    assert rows == [
        ("Meningkatnya partisipasi pemilih", "Persentase Partisipasi Pemilih", "80", "persen"),
        (
            "Meningkatnya partisipasi pemilih",
            "Persentase Partisipasi Pemilih Perempuan",
            "78",
            "persen",
        ),
        ("Terwujudnya tata kelola yang baik", "Indeks Reformasi Birokrasi", "75", "angka"),
    ]
    assert report.issues == []


# --- periods: quarters, plan years ---------------------------------------------------------


def test_a_rencana_aksi_with_quarters_beside_the_annual_target(tmp_path):
    path = build_xlsx(
        tmp_path / "KPU Kabupaten Tanah Laut - Rencana Aksi 2024.xlsx",
        {
            "Rencana Aksi": [
                ["RENCANA AKSI TAHUN 2024"],
                ["No", "Sasaran", "Indikator Kinerja", "Target", "TARGET TRIWULAN"],
                [None, None, None, None, "TW I", "TW II", "TW III", "TW IV"],
                [
                    "1",
                    "Meningkatnya partisipasi",
                    "Persentase Partisipasi Pemilih",
                    "80%",
                    "-",
                    "20%",
                    "50%",
                    "80%",
                ],
                [None, None, "Jumlah laporan kinerja", "4 laporan", "1", "2", "3", "4"],
                ["No", "Sasaran", "Indikator Kinerja", "Target", "TARGET TRIWULAN"],  # a page break
                [None, None, None, None, "TW I", "TW II", "TW III", "TW IV"],
                [None, None, "Indeks Reformasi Birokrasi", "75", "-", "-", "-", "75"],
            ]
        },
        merges={"Rencana Aksi": ["E2:H2", "E6:H6"]},
    )
    report = inspect_file(path)
    (table,) = report.tables
    assert table.document == "Rencana Aksi" and table.rows == 3  # no period line is a record
    first = table.records[0]
    assert first.target.text == "80%" and first.cells["target"] == "D4"
    assert first.periods["TW I"] is None
    assert [first.periods[q].value for q in ("TW II", "TW III", "TW IV")] == [20, 50, 80]
    assert table.records[2].periods["TW IV"].value == 75
    data = report.to_dict(records=True)["tables"][0]
    assert data["periods"] == ["TW I", "TW II", "TW III", "TW IV"]
    assert data["records"][0]["periods"]["TW I"] is None
    assert data["records"][0]["periods"]["TW II"] == {"text": "20%", "value": 20, "unit": "persen"}


@pytest.mark.parametrize(
    "quarters",
    [
        ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
        ["TW I", "TW II", "TW III", "TW IV"],
        ["Q1", "Q2", "Q3", "Q4"],
    ],
)
def test_a_rencana_aksi_with_its_quarters_on_the_one_header_line(tmp_path, quarters):
    path = build_xlsx(
        tmp_path / "KPU Kabupaten Tapin - Rencana Aksi 2024.xlsx",
        {
            "Sheet1": [
                ["RENCANA AKSI KPU KABUPATEN TAPIN TAHUN 2024"],
                ["No", "Sasaran", "Indikator Kinerja", "Target Tahunan", *quarters],
                ["1", "Meningkatnya partisipasi", "Persentase Partisipasi Pemilih", "77,5%"]
                + ["10%", "30%", "60%", "77,5%"],
                [None, None, "Indeks Reformasi Birokrasi", "75", "-", "-", "-", "75"],
            ]
        },
    )
    report = inspect_file(path)
    (table,) = report.tables
    assert table.document == "Rencana Aksi" and table.rows == 2
    first, second = table.records
    assert (first.target.value, first.cells["target"]) == (77.5, "D3")
    assert [first.periods[q].value for q in ("TW I", "TW II", "TW III", "TW IV")] == [
        10,
        30,
        60,
        77.5,
    ]
    assert first.cells["period TW III"] == "G3"
    assert second.periods["TW I"] is None and second.periods["TW IV"].value == 75
    assert report.issues == []


def five_year_iku(tmp_path):
    return build_xlsx(
        tmp_path / "KPU Kabupaten Hulu Sungai Tengah - IKU 2025-2029.xlsx",
        {
            "IKU": [
                ["INDIKATOR KINERJA UTAMA 2025-2029"],
                [
                    "No",
                    "Indikator Kinerja Utama",
                    "Formulasi Perhitungan",
                    "Sumber Data",
                    "Kondisi Awal",
                    "TARGET",
                ],
                [None, None, None, None, None, 2025, 2026, 2027, 2028, 2029],
                [
                    "1",
                    "Persentase Partisipasi Pemilih",
                    "(a/b) x 100%",
                    "Sidalih",
                    "77%",
                    "78%",
                    "79%",
                    "80%",
                    "81%",
                    "82%",
                ],
                [
                    "2",
                    "Indeks Reformasi Birokrasi",
                    "nilai evaluasi",
                    "KemenPAN-RB",
                    "70",
                    "72",
                    "74",
                    "76",
                    "78",
                    "80",
                ],
            ]
        },
        merges={"IKU": ["F2:J2"]},
    )


def test_a_five_year_matrix_keeps_every_year_and_targets_the_plan_year(tmp_path):
    path = five_year_iku(tmp_path)
    report = inspect_file(path)
    (table,) = report.tables
    assert (table.kind, table.document, table.rows) == ("iku", "IKU", 2)
    first = table.records[0]
    assert list(first.periods) == ["2025", "2026", "2027", "2028", "2029"]
    assert (first.target.text, first.cells["target"]) == ("78%", "F4")  # the plan's first year
    assert first.extras["Kondisi Awal"] == "77%"  # a baseline, not a target
    assert report.year == 2025  # "2025-2029": the plan's first year, unless a year is asked
    (checked,) = check_files([path], year=2027)
    record = checked.tables[0].records[0]
    assert (record.target.text, record.cells["target"]) == ("80%", "H4")
    assert checked.year == 2027  # the matrix is the plan of the year asked
    (elsewhere,) = check_files([path], year=2031)  # a year the matrix does not have
    assert (elsewhere.year, elsewhere.tables[0].records[0].target.text) == (2025, "78%")
    asked = runner.invoke(app, ["check", str(path), "--year", "2027", "--format", "json"])
    assert json.loads(asked.stdout)["files"][0]["year"] == 2027
    merged = runner.invoke(app, ["inspect", str(path), "--format", "json"])
    entry = json.loads(merged.stdout)["files"][0]["tables"][0]["records"][1]
    assert entry["periods"]["2029"] == {"text": "80", "value": 80, "unit": "angka"}


def test_a_renstra_matrix_with_a_target_column_per_year_on_one_header_line(tmp_path):
    years = ["2025", "2026", "2027", "2028", "2029"]
    path = build_xlsx(
        tmp_path / "KPU Kabupaten Balangan - Renstra 2025-2029.xlsx",
        {
            "Matriks": [
                ["MATRIKS RENCANA STRATEGIS KPU KABUPATEN BALANGAN 2025-2029"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan"]
                + [f"Target {y}" for y in years],
                ["1", "Meningkatnya partisipasi", "Persentase Partisipasi Pemilih", "%"]
                + ["77", "77,5", "78", "78,5", "79"],
            ]
        },
    )
    report = inspect_file(path)
    (table,) = report.tables
    assert list(table.periods.values()) == years
    (record,) = table.records
    assert [record.periods[y].value for y in years] == [77, 77.5, 78, 78.5, 79]
    assert (record.target.value, record.cells["target"]) == (77, "E3")  # the first year's
    (asked,) = check_files([path], year=2027)
    (record,) = asked.tables[0].records
    assert (asked.year, record.target.value, record.cells["target"]) == (2027, 78, "G3")


# --- LKj: realisasi and capaian ------------------------------------------------------------


def lkj(tmp_path, rows, name="KPU Kabupaten Banjar - LKj 2024.xlsx"):
    return build_xlsx(
        tmp_path / name,
        {
            "Pengukuran Kinerja": [
                ["LAPORAN KINERJA TAHUN 2024"],
                ["KOMISI PEMILIHAN UMUM KABUPATEN BANJAR"],
                [
                    "No",
                    "Sasaran Strategis",
                    "Indikator Kinerja",
                    "KINERJA",
                    None,
                    None,
                    "Keterangan",
                ],
                [None, None, None, "Target", "Realisasi", "Capaian (%)"],
                *rows,
                ["*) Keterangan: data Sidalih per Desember 2024"],
            ]
        },
        merges={"Pengukuran Kinerja": ["D3:F3"]},
    )


def test_an_lkj_reads_realisasi_and_capaian_under_a_merged_header(tmp_path):
    path = lkj(
        tmp_path,
        [
            [
                "1",
                "Meningkatnya partisipasi",
                "Persentase Partisipasi Pemilih",
                "77%",
                "80,5%",
                "104,55",
            ],
            [
                None,
                None,
                "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih Tetap",
                "0,16%",
                "0,12%",
                125,
                "lebih rendah lebih baik",
            ],
        ],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (report.document, table.rows, table.row_kinds["note"]) == ("LKj", 2, 1)
    higher, lower = table.records
    assert (higher.realisasi.value, higher.capaian.value, higher.direction) == (
        80.5,
        104.55,
        "higher",
    )
    assert higher.capaian_dihitung == pytest.approx(104.55, abs=0.01)
    assert lower.direction == "lower" and lower.capaian_dihitung == pytest.approx(125.0)
    assert report.issues == []
    data = report.to_dict(records=True)["tables"][0]["records"][1]
    assert data["realisasi"] == {"text": "0,12%", "value": 0.12, "unit": "persen"}
    assert data["capaian"] == {"text": "125", "value": 125, "unit": "persen"}
    assert data["capaian_dihitung"] == pytest.approx(125.0)


@pytest.mark.parametrize(
    "header",
    [
        # last year's results left of this year's target, the Renstra's end target at the right
        ["Realisasi 2023", "Target 2024", "Realisasi 2024", "Capaian 2024", "Capaian 2023"],
        # this year's first, last year's after
        ["Target 2024", "Realisasi 2024", "Capaian 2024", "Realisasi 2023", "Capaian 2023"],
    ],
)
def test_an_lkj_beside_last_years_results_reads_this_years(tmp_path, header):
    values = {
        "Realisasi 2023": "70%",
        "Target 2024": "77,5%",
        "Realisasi 2024": "80,1%",
        "Capaian 2024": "103,35%",
        "Capaian 2023": "95%",
    }
    path = build_xlsx(
        tmp_path / "KPU Kabupaten Banjar - LKj 2024.xlsx",
        {
            "LKj": [
                ["LAPORAN KINERJA KPU KABUPATEN BANJAR TAHUN 2024"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", *header],
                ["1", "Meningkatnya partisipasi", "Persentase Partisipasi Pemilih"]
                + [values[h] for h in header],
            ]
        },
    )
    (report,) = check_files([path])
    (table,) = report.tables
    (record,) = table.records
    assert (record.target.text, record.realisasi.text, record.capaian.text) == (
        "77,5%",
        "80,1%",
        "103,35%",
    )
    assert record.capaian_dihitung == pytest.approx(103.35, abs=0.01)
    # last year's columns are kept beside the record, not lost
    assert sorted(record.extras.values()) == ["70%", "95%"]
    assert report.issues == []


def test_lkj_rules_realisasi_like_a_target_capaian_checked_missing_realisasi(tmp_path):
    path = lkj(
        tmp_path,
        [
            ["1", "S", "Persentase Partisipasi Pemilih", "77%", "120%", None],
            [None, None, "Nilai Akuntabilitas Kinerja", "B", "E", None],
            [None, None, "Indeks Reformasi Birokrasi", "70", None, None],
            [None, None, "Persentase dokumen tepat waktu", "100%", "90%", "95"],
            [None, None, "Jumlah pelanggaran kode etik", "2", "1", "150"],  # lower is better
            [None, None, "Jumlah laporan yang disusun", "4", "2,5", "62,5"],  # no half a report
        ],
    )
    (report,) = check_files([path])
    assert found(report) == [
        ("realisasi-out-of-range", "error", "Pengukuran Kinerja", "E5"),
        ("realisasi-invalid-category", "error", "Pengukuran Kinerja", "E6"),
        ("realisasi-missing", "error", "Pengukuran Kinerja", "E7"),
        ("capaian-mismatch", "warning", "Pengukuran Kinerja", "F8"),
        ("realisasi-out-of-range", "error", "Pengukuran Kinerja", "E10"),
    ]
    mismatch = report.issues[3].message("id")
    assert "Capaian tertulis 95, tetapi dari target dan realisasi capaiannya 90%" in mismatch
    assert "realisasi / target * 100" in mismatch
    assert report.tables[0].records[4].capaian_dihitung == pytest.approx(150.0)  # no mismatch


def test_a_grade_or_opinion_target_that_is_no_code_is_an_invalid_category(tmp_path):
    path = build_xlsx(
        tmp_path / "RKT Tapin.xlsx",
        {
            "RKT": [
                ["No", "Sasaran", "Indikator Kinerja", "Target"],
                ["1", "S", "Opini BPK atas Laporan Keuangan", "WTPP"],
                [None, None, "Opini BPK atas Laporan Keuangan KPU", "sangat baik"],
                [None, None, "Nilai Akuntabilitas Kinerja", "E"],
                [None, None, "Indeks Kepuasan", "sangat baik"],
            ]
        },
    )
    (report,) = check_files([path])
    assert [(i.code, i.cell) for i in report.issues] == [
        ("target-invalid-category", "D2"),
        ("target-invalid-category", "D3"),
        ("target-invalid-category", "D4"),
        ("target-unparseable", "D5"),  # not a grade or opinion indicator: no list to be off
    ]


# --- one office's documents in agreement --------------------------------------------------


def test_an_offices_rkt_and_lkj_disagreeing_on_a_target(tmp_path):
    rkt = build_xlsx(
        tmp_path / "KPU Kabupaten Banjar - RKT 2024.xlsx",
        {
            "RKT": [
                ["RENCANA KINERJA TAHUN 2024"],
                ["KOMISI PEMILIHAN UMUM KABUPATEN BANJAR"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                ["1", "Meningkatnya partisipasi", "Persentase Partisipasi Pemilih", "77%"],
                [None, None, "Indeks Reformasi Birokrasi", "70"],
            ]
        },
    )
    report_lkj = lkj(
        tmp_path,
        [
            [
                "1",
                "Meningkatnya partisipasi",
                "Persentase Partisipasi Pemilih",
                "80%",
                "81%",
                "101,25",
            ],
            [None, None, "Indeks Reformasi Birokrasi", "70", "72", "102,86"],
        ],
    )
    out = tmp_path / "Konsolidasi.xlsx"
    result = runner.invoke(
        app, ["consolidate", str(rkt), str(report_lkj), "-o", str(out), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    reports = {r.document: r for r in check_files([rkt, report_lkj])}
    assert reports["RKT"].issues == []
    (issue,) = reports["LKj"].issues
    assert (issue.code, issue.sheet, issue.cell, issue.value) == (
        "target-inconsistent",
        "Pengukuran Kinerja",
        "D5",
        "80%",
    )
    assert "di RKT (KPU Kabupaten Banjar - RKT 2024.xlsx, RKT!D4) 77%" in issue.message("id")
    book = openpyxl.load_workbook(out)
    rkt_rows = list(book["RKT"].iter_rows(min_row=2, values_only=True))
    assert {row[2] for row in rkt_rows} == {"RKT KPU", "LKj KPU"} and len(rkt_rows) == 4
    capaian = [
        dict(zip([c.value for c in book["Capaian"][1]], row, strict=False))
        for row in book["Capaian"].iter_rows(min_row=2, values_only=True)
    ]
    assert [(c["Indikator"], c["Target"], c["Realisasi"]) for c in capaian] == [
        ("Persentase Partisipasi Pemilih", "80%", "81%"),
        ("Indeks Reformasi Birokrasi", "70", "72"),
    ]
    masalah = [row[5] for row in book["Masalah"].iter_rows(min_row=2, values_only=True)]
    assert masalah == ["target-inconsistent"]


# --- budgets of the DIPA / RKA-K/L and a Renja matrix -------------------------------------


def test_a_dipa_with_program_kegiatan_kro_ro_is_counted_once(tmp_path):
    path = build_xlsx(
        tmp_path / "KPU Kota Banjarbaru - DIPA 2024.xlsx",
        {
            "DIPA": [
                ["DAFTAR ISIAN PELAKSANAAN ANGGARAN (DIPA) TAHUN 2024"],
                ["Kode", "PROGRAM / KEGIATAN / KRO / RO", "Pagu"],
                ["076.01.WA", "Program Dukungan Manajemen", 3_000_000],
                ["4257", "Penyelenggaraan Administrasi", 3_000_000],
                ["4257.EBA", "Layanan Dukungan Manajemen Internal", 3_000_000],
                ["4257.EBA.994", "Layanan Perkantoran", 3_000_000],
                [None, "JUMLAH PAGU SATKER", 3_000_000],
            ]
        },
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (table.kind, table.document, table.rows, table.total) == (
        "anggaran",
        "DIPA",
        4,
        3_000_000,
    )
    assert [r.detail for r in table.records] == [False, True, True, True]
    assert report.issues == []  # the declared total agrees


def test_a_renja_matrix_gives_its_plan_rows_and_its_budget(tmp_path):
    path = build_xlsx(
        tmp_path / "KPU Kabupaten Tabalong - Renja 2025.xlsx",
        {
            "Renja": [
                ["RENCANA KERJA TAHUN 2025"],
                [
                    "Kode",
                    "Program/KRO",
                    "Sasaran",
                    "Indikator",
                    "Target",
                    "Satuan",
                    "Pagu Indikatif",
                ],
                [
                    "076.01.WA",
                    "Program Dukungan Manajemen",
                    "Terwujudnya tata kelola",
                    "Indeks Reformasi Birokrasi",
                    "75",
                    "indeks",
                    2_500_000,
                ],
                [
                    "4257.EBA",
                    "Layanan Dukungan Manajemen",
                    "Terwujudnya tata kelola",
                    "Persentase laporan tepat waktu",
                    "100%",
                    "persen",
                    1_000_000,
                ],
            ]
        },
    )
    (report,) = check_files([path])
    kinds = [(t.kind, t.document, t.rows) for t in report.tables]
    assert kinds == [("rkt", "Renja", 2), ("anggaran", "Renja", 2)]
    plan, budget = report.tables
    assert [r.get("indikator") for r in plan.records] == [
        "Indeks Reformasi Birokrasi",
        "Persentase laporan tepat waktu",
    ]
    assert [(r.get("program"), r.amount.value, r.cells["anggaran"]) for r in budget.records] == [
        ("Program Dukungan Manajemen", 2_500_000, "G3"),
        ("Layanan Dukungan Manajemen", 1_000_000, "G4"),
    ]


# --- across offices: one document speaks for each office --------------------------------


def pk_with_budget(tmp_path, office, target, amount):
    return build_xlsx(
        tmp_path / f"KPU Kabupaten {office} - PK 2024.xlsx",
        {
            "PK": [
                ["PERJANJIAN KINERJA TAHUN 2024"],
                [f"KOMISI PEMILIHAN UMUM KABUPATEN {office.upper()}"],
                ["INDIKATOR KINERJA", "Target"],
                ["Sasaran 1 : Meningkatnya partisipasi pemilih"],
                ["Persentase Partisipasi Pemilih", target],
                [],
                ["PROGRAM", "ANGGARAN"],
                ["Program Dukungan Manajemen", amount],
                ["JUMLAH", amount],
            ]
        },
    )


def rkt_with_budget(tmp_path, office, target, amount):
    return build_xlsx(
        tmp_path / f"KPU Kabupaten {office} - RKT 2024.xlsx",
        {
            "RKT": [
                ["RENCANA KINERJA TAHUN 2024"],
                [f"KOMISI PEMILIHAN UMUM KABUPATEN {office.upper()}"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                ["1", "Meningkatnya partisipasi", "Persentase Partisipasi Pemilih", target],
            ],
            "Anggaran": [
                ["No", "Program", "Anggaran"],
                ["1", "Program Dukungan Manajemen", amount],
                [None, "JUMLAH", amount],
            ],
        },
    )


def test_an_office_that_sent_its_rkt_and_its_pk_is_compared_once(tmp_path):
    """Tapin sent its RKT and its PK (same budget): the Rekap counts its budget once and the
    comparison takes its RKT's target. Banjar sent only a PK: its PK speaks for it, and the
    comparison says so. A PK is no RKT and no Anggaran in Status Kiriman."""
    files = [
        rkt_with_budget(tmp_path, "Tapin", "80%", "Rp 1.000.000.000"),
        pk_with_budget(tmp_path, "Tapin", "79%", "Rp 1.000.000.000"),
        pk_with_budget(tmp_path, "Banjar", "80%", "Rp 700.000.000"),
    ]
    out = tmp_path / "Konsolidasi.xlsx"
    result = runner.invoke(
        app,
        ["consolidate", *map(str, files), "-o", str(out), "--province", "Kalimantan Selatan"],
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)

    def rows(name):
        header = [c.value for c in book[name][1]]
        return [
            dict(zip(header, row, strict=False))
            for row in book[name].iter_rows(min_row=2, values_only=True)
        ]

    # every row is still in its data sheet: 3 plan rows, 3 budget lines
    assert len(rows("RKT")) == 3 and len(rows("Anggaran")) == 3
    (program, total) = rows("Rekap Anggaran")
    assert (program["KPU Kabupaten Tapin"], program["KPU Kabupaten Banjar"]) == (
        1_000_000_000,
        700_000_000,
    )
    assert total["Total"] == 1_700_000_000
    (shared,) = rows("Perbandingan Target")
    assert (shared["KPU Kabupaten Tapin"], shared["KPU Kabupaten Banjar"]) == ("80%", "80%")
    assert shared["Target umum"] == "80%"
    assert shared["Keterangan"] == "Dari PK: KPU Kabupaten Banjar."
    status = {r["Satker"]: r for r in rows("Status Kiriman")[:13]}
    assert (
        status["KPU Kabupaten Banjar"]["RKT KPU"],
        status["KPU Kabupaten Banjar"]["Anggaran"],
    ) == (  # not sent, and what came in their place (issue 25)
        "PK (bukan RKT)",
        "Anggaran dalam PK",
    )
    assert (
        status["KPU Kabupaten Tapin"]["RKT KPU"],
        status["KPU Kabupaten Tapin"]["Anggaran"],
    ) == (
        "Siap",
        "Siap",
    )


# --- the capaian formulas are the province's ------------------------------------------------


def test_a_province_that_computes_lower_is_better_another_way(tmp_path):
    import shutil

    from kinerja_xl.checking.rulebook import default_schema_folder, load_rules

    rules = tmp_path / "aturan"
    shutil.copytree(default_schema_folder(), rules)
    units = (rules / "units.yaml").read_text(encoding="utf-8")
    units = units.replace(
        "lower: (2 * target - realisasi) / target * 100", "lower: target / realisasi × 100"
    )
    (rules / "units.yaml").write_text(units, encoding="utf-8")
    path = lkj(tmp_path, [["1", "S", "Jumlah pelanggaran kode etik", "2", "1", "150"]])
    (report,) = check_files([path], load_rules(rules))
    assert report.tables[0].records[0].capaian_dihitung == pytest.approx(200.0)
    (issue,) = report.issues
    assert (issue.code, issue.cell) == ("capaian-mismatch", "F5")
    assert "target / realisasi × 100" in issue.message("id")


@pytest.mark.parametrize(
    "formula",
    ["__import__('os').system('true')", "realisasi ** 1000000", "open('x')", "target +"],
)
def test_a_formula_that_is_more_than_arithmetic_is_refused_at_load(tmp_path, formula):
    import shutil

    from kinerja_xl.checking.rulebook import RulesError, default_schema_folder, load_rules

    rules = tmp_path / "aturan"
    shutil.copytree(default_schema_folder(), rules)
    units = (rules / "units.yaml").read_text(encoding="utf-8")
    units = units.replace("higher: realisasi / target * 100", f'higher: "{formula}"')
    (rules / "units.yaml").write_text(units, encoding="utf-8")
    with pytest.raises(RulesError) as refused:
        load_rules(rules)
    assert "units.yaml" in refused.value.message("en")
    result = runner.invoke(app, ["check", str(tmp_path), "--schemas", str(rules)])
    assert result.exit_code == 2 and "units.yaml" in result.output


# --- end to end over sample_workbooks/ -------------------------------------------------------


def test_the_sakip_samples_read_checked_and_consolidated(tmp_path):
    from conftest import SAMPLES

    names = {
        "PK": "KPU Kabupaten Hulu Sungai Tengah - PK 2024.xlsx",
        "Rencana Aksi": "KPU Kabupaten Tanah Bumbu - Rencana Aksi 2024.xlsx",
        "IKU": "KPU Kabupaten Hulu Sungai Utara - IKU 2020-2024.xlsx",
        "LKj": "KPU Kabupaten Tapin - LKj 2024.xlsx",
    }
    paths = [SAMPLES / name for name in names.values()]
    paths.append(SAMPLES / "KPU Kabupaten Tapin - RKT 2024.xlsx")
    by_document = {r.document: r for r in check_files(paths, year=2024)}
    assert {d: by_document[d].office for d in names} == {
        "PK": "KPU Kabupaten Hulu Sungai Tengah",
        "Rencana Aksi": "KPU Kabupaten Tanah Bumbu",
        "IKU": "KPU Kabupaten Hulu Sungai Utara",
        "LKj": "KPU Kabupaten Tapin",
    }
    # PK: plan rows under "Sasaran n :" lines, and its program budget
    pk = by_document["PK"]
    assert [(t.kind, t.rows) for t in pk.tables] == [("rkt", 4), ("anggaran", 2)]
    assert pk.tables[1].total == 8_457_415_000 and pk.issues == []
    # Rencana Aksi: quarters kept, "-" is no target, the repeated two-line header is no record
    ra = by_document["Rencana Aksi"].tables[0]
    assert ra.rows == 5 and list(ra.periods.values()) == ["TW I", "TW II", "TW III", "TW IV"]
    first = ra.records[0]
    assert (first.target.text, first.periods["TW I"], first.periods["TW III"].value) == (
        "80%",
        None,
        80,
    )
    # the five-year matrix asked for 2024 is the 2024 plan
    matrix = by_document["IKU"]
    assert matrix.year == 2024
    assert [r.target.text for r in matrix.tables[0].records] == ["80%", "78", "0,2%"]
    # the LKj: lower is better for the DPT indicator, capaian stated = computed, and the one
    # target changed from the RKT
    lkj_report = by_document["LKj"]
    dpt = lkj_report.tables[0].records[-1]
    assert (dpt.direction, dpt.capaian.value, dpt.capaian_dihitung) == (
        "lower",
        pytest.approx(125.0),
        pytest.approx(125.0),
    )
    assert [(i.code, i.cell) for i in lkj_report.issues] == [("target-inconsistent", "D7")]
    assert "RKT 2024!D6" in lkj_report.issues[0].message("id")


def test_inspect_computes_a_reports_capaian_as_check_does():
    """`inspect` only reads, but a report's records carry the computed capaian (and the
    direction it was computed in) just as `check`'s do, without importing pandera."""
    import subprocess
    import sys

    from conftest import SAMPLES

    import kinerja_xl as kx

    path = SAMPLES / "KPU Kabupaten Tapin - LKj 2024.xlsx"
    inspected = kx.inspect(path).files[0].tables[0].records
    (checked,) = check_files([path])
    expected = [(r.direction, r.capaian_dihitung) for r in checked.tables[0].records]
    assert [(r.direction, r.capaian_dihitung) for r in inspected] == expected
    assert ("lower", 125.0) in expected and ("higher", 95.38) in expected
    shown = kx.inspect(path).to_dict(records=True)["files"][0]["tables"][0]["records"]
    assert [r["capaian_dihitung"] for r in shown] == [c for _, c in expected]
    probe = "import sys, kinerja_xl as kx; kx.inspect(sys.argv[1]); print('pandera' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
