"""A header of several lines with merged cells is read as one path per column ("TAHUN 2024 ›
REALISASI", "REALISASI › 2022"): the year in a path decides which figures are the year's and
which are history; a quarter makes a period; "-" in a year's or a quarter's column is no target
for that period, never an error."""

from __future__ import annotations

from kinerja_xl.layouts.locate import find_headers
from kinerja_xl.pipeline import check_files
from kinerja_xl.reading.read import open_workbook


def codes(report):
    return [(i.code, i.sheet, i.cell) for i in report.issues]


def test_an_lkj_with_past_years_under_realisasi_and_the_year_under_its_own_heading(xlsx):
    """REALISASI over 2022 | 2023 beside TAHUN 2024 over TARGET | REALISASI | CAPAIAN (%): the
    year's realisasi is 2024's, the past years are kept beside the record, "-" in a past year
    is no error, and the stated capaian is read and checked."""
    path = xlsx(
        [
            ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "REALISASI", None, "TAHUN 2024"],
            [None, None, None, 2022, 2023, "TARGET", "REALISASI", "CAPAIAN (%)"],
            [1, "Terwujudnya A", "Persentase partisipasi pemilih", "-", "-", "78%", "81%", 103.85],
            [None, None, "Indeks Reformasi Birokrasi", 71.25, 74.1, 80, 77.85, 110],
        ],
        merges=["D1:E1", "F1:H1", "A1:A2", "B1:B2", "C1:C2"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (table.kind, table.header_row, table.rows) == ("rkt", 1, 2)
    first, second = table.records
    assert (first.target.value, first.realisasi.value, first.capaian.value) == (78, 81, 103.85)
    assert first.cells["realisasi"] == "G3" and first.cells["capaian"] == "H3"
    assert first.extras == {"REALISASI › 2022": "-", "REALISASI › 2023": "-"}
    assert second.extras == {"REALISASI › 2022": "71,25", "REALISASI › 2023": "74,1"}
    assert second.realisasi.value == 77.85
    # 77,85 / 80 = 97,3 %, not the 110 % stated; nothing about the "-" of past years
    assert codes(report) == [("capaian-mismatch", "Lembar1", "H4")]
    assert table.row_kinds == {"header": 1, "record": 2}


def test_an_evaluation_form_with_k_and_rp_under_each_figure_and_a_numbering_row(xlsx):
    """Permendagri 86/2017's evaluation: Target Renstra, the year's target, the realisasi of
    each quarter and of the year, each a K | Rp pair under a numbering row '13=9+10+11+12'."""
    header = [
        "No",
        "Program/Kegiatan",
        "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
        "Target Renstra pada Tahun 2024 (Akhir Periode Renstra)",
        None,
        "Target Kinerja dan Anggaran Renja Tahun Berjalan (2024) yang Dievaluasi",
        None,
        "Realisasi Kinerja Pada Triwulan",
        None,
        None,
        None,
        "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi",
        None,
    ]
    path = xlsx(
        [
            header,
            [None] * 7 + ["I", None, "II", None],
            [1, 2, 3, 4, None, 5, None, 6, None, 7, None, "8=6+7", None],
            [None, None, None, "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp"],
            [
                1,
                "Program Dukungan Manajemen",
                "Persentase laporan tepat waktu",
                "100%",
                5_000_000,
                "100%",
                1_000_000,
                "-",
                400_000,
                "100%",
                500_000,
                "100%",
                900_000,
            ],
        ],
        merges=["D1:E1", "F1:G1", "H1:K1", "H2:I2", "J2:K2", "L1:M1", "A1:A2", "B1:B2"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (table.kind, table.header_row) == ("rkt", 1)
    assert table.row_kinds == {"header": 2, "numbering": 1, "record": 1}
    (record,) = table.records
    assert record.cells["target"] == "F5" and record.cells["realisasi"] == "L5"
    assert record.realisasi_periods == {"TW I": None, "TW II": record.realisasi}
    assert record.cells["realisasi TW II"] == "J5"
    assert record.extras["Target Renstra pada Tahun 2024 (Akhir Periode Renstra) › K"] == "100%"
    assert codes(report) == []


def test_a_rencana_aksi_headed_target_tw1_to_tw4_has_quarters(xlsx):
    path = xlsx(
        [
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Target Tahunan"]
            + [f"Target TW{q}" for q in range(1, 5)],
            [1, "Terwujudnya A", "Persentase partisipasi pemilih", "78%", "78%", "-", "-", "-"],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    (record,) = table.records
    assert record.target.value == 78 and record.cells["target"] == "D2"
    assert list(record.periods) == ["TW I", "TW II", "TW III", "TW IV"]
    assert record.periods["TW I"].value == 78 and record.periods["TW II"] is None
    assert codes(report) == []


def test_a_dash_in_the_plan_years_target_is_no_target_that_year(xlsx):
    """A five-year IKU: "-" in a year without an election."""
    path = xlsx(
        [
            ["No", "Indikator Kinerja Utama", "Formulasi Perhitungan", "Sumber Data", "Target"],
            [None, None, None, None, 2025, 2026, 2027, 2028, 2029],
            ["1", "Persentase partisipasi pemilih", "(a/b) x 100%", "Sidalih"]
            + ["-", "-", "-", "-", "80%"],
        ]
    )
    (report,) = check_files([path])
    (record,) = report.tables[0].records
    assert record.periods["2025"] is None and record.periods["2029"].value == 80
    assert record.cells["period 2025"] == "E3"
    assert codes(report) == []
    (report,) = check_files([path], year=2026)
    assert codes(report) == []
    (report,) = check_files([path], year=2029)
    assert report.tables[0].records[0].target.value == 80


def test_a_path_names_each_column_of_a_three_line_header(tmp_path):
    from conftest import build_xlsx

    path = build_xlsx(
        tmp_path / "renja.xlsx",
        {
            "S": [
                ["Kode", "Kegiatan", "Indikator", "Target", "Realisasi Kinerja Pada Triwulan"],
                [None, None, None, None, "I", None, "II", None],
                [None, None, None, None, "K", "Rp", "K", "Rp"],
            ]
        },
        merges={"S": ["E1:H1", "E2:F2", "G2:H2"]},
    )
    (sheet,) = open_workbook(path).sheets
    (match,) = find_headers(sheet)
    assert match.columns == {"indikator": 3, "target": 4}
    assert match.side_roles == {"kode": 1, "program": 2}
    assert match.result_periods == {5: "TW I", 7: "TW II"}
    assert match.extras == {
        1: "Kode",
        2: "Kegiatan",
        6: "Realisasi Kinerja Pada Triwulan › I › Rp",
        8: "Realisasi Kinerja Pada Triwulan › II › Rp",
    }
