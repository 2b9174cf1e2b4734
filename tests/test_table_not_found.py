"""Columns found by what they hold, and every "no table" explains itself: which rows came near
to a header, and why each was not one — in Bahasa Indonesia and in English, through the
catalogue, in check and in inspect."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kinerja_xl.cli import app
from kinerja_xl.pipeline import check_files

PLAN_ROWS = [
    [1, "Terwujudnya A", "Persentase partisipasi pemilih", "80%"],
    [2, "Terwujudnya B", "Indeks Reformasi Birokrasi", 78],
    [3, "Terwujudnya C", "Nilai Akuntabilitas Kinerja", "BB"],
]


def found(report):
    return [(t.kind, t.rows) for t in report.tables]


def test_a_column_its_header_leaves_unnamed_is_named_by_what_it_holds(xlsx):
    """ "Ukuran Keberhasilan" is no word kinerja-xl knows; the percentages, the index and the
    grade under it are targets."""
    path = xlsx(
        [["No", "Sasaran Strategis", "Indikator Kinerja", "Ukuran Keberhasilan"]] + PLAN_ROWS
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (table.kind, table.rows, table.columns["target"]) == ("rkt", 3, 4)
    assert [r.target.text for r in table.records] == ["80%", "78", "BB"]
    assert report.issues == []


def test_a_blank_headed_column_of_amounts_beside_program_is_the_budget(xlsx):
    path = xlsx(
        [
            ["No", "Program", None],
            [1, "Program Dukungan Manajemen", "Rp 814.815.000"],
            [2, "Program Penyelenggaraan Pemilu", "Rp 1.250.000.000"],
            [3, "Program Sosialisasi", 250_000_000],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (table.kind, table.total) == ("anggaran", 2_314_815_000)


def test_no_table_names_the_rows_that_came_near_and_what_they_lack(xlsx):
    path = xlsx(
        [
            ["RENCANA KINERJA TAHUNAN 2025"],
            [],
            [],
            [],
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Keterangan"],
            [1, "Terwujudnya A", "Persentase partisipasi pemilih", "Dilaksanakan oleh subbagian"],
        ],
        name="RKT",
    )
    (report,) = check_files([path])
    (issue,) = [i for i in report.issues if i.code == "table-not-found"]
    assert (
        "lembar 'RKT' baris 5 menyebut 'No', 'Sasaran Strategis' dan 'Indikator Kinerja', "
        "tetapi tidak ada kolom target (mis. 'Target')"
    ) in issue.message("id")
    assert (
        "sheet 'RKT' row 5 names 'No', 'Sasaran Strategis' and 'Indikator Kinerja', but no "
        "column names a target (e.g. 'Target')"
    ) in issue.message("en")


def test_no_table_when_the_target_column_holds_no_target_and_it_says_so(xlsx):
    """Row 5 names INDIKATOR and TARGET, but what is under TARGET are sentences."""
    path = xlsx(
        [["Tabel 1"], [], [], []]
        + [["No", "Indikator Kinerja", "Target"]]
        + [
            [n, f"Indikator nomor {n}", "Dilaksanakan sesuai jadwal yang ditetapkan"]
            for n in (1, 2, 3)
        ],
        name="PK",
    )
    (report,) = check_files([path])
    assert report.tables == []
    (issue,) = [i for i in report.issues if i.code == "table-not-found"]
    assert (
        "sheet 'PK' row 5 names 'No', 'Indikator Kinerja' and 'Target', but no column below "
        "holds targets"
    ) in issue.message("en")
    assert "tetapi tidak ada kolom di bawahnya yang berisi target" in issue.message("id")


def test_inspect_and_check_say_the_same_in_json(xlsx):
    path = xlsx([["No", "Program", "Keterangan"], [1, "Program Dukungan Manajemen", "-"]])
    runner = CliRunner()
    for command in ("check", "inspect"):
        result = runner.invoke(app, [command, str(path), "--format", "json", "--lang", "en"])
        (report,) = json.loads(result.stdout)["files"]
        (issue,) = [i for i in report["issues"] if i["code"] == "table-not-found"]
        assert "row 1 names 'No' and 'Program', but no column names an amount" in issue["message"]


def test_a_workbook_of_no_header_at_all_says_only_what_to_do(xlsx):
    path = xlsx([["Surat pengantar"], ["Dengan hormat, bersama ini kami kirimkan RKT."]])
    (report,) = check_files([path])
    (issue,) = [i for i in report.issues if i.code == "table-not-found"]
    assert "Baris yang hampir" not in issue.message("id")
    assert issue.message("en").startswith("No RKT, IKU or Anggaran table in this workbook. Make")


def test_a_header_of_quarter_targets_alone_says_the_year_s_target_is_missing(xlsx):
    """ "Target TW I … TW IV" are periods: with no target for the year the row makes no table,
    and the reason names the target, not a column of another kind of table."""
    path = xlsx(
        [
            [
                "No",
                "Indikator Kinerja",
                "Target TW I",
                "Target TW II",
                "Target TW III",
                "Target TW IV",
            ],
            [1, "Persentase partisipasi pemilih", "-", "-", "-", "80%"],
            [2, "Jumlah kegiatan sosialisasi", 6, 12, 18, 24],
        ],
        name="Rencana Aksi",
    )
    (report,) = check_files([path])
    assert report.tables == []
    (issue,) = [i for i in report.issues if i.code == "table-not-found"]
    english = issue.message("en")
    assert "'Target TW IV', but no column names a target (e.g. 'Target')" in english
    assert "cara" not in issue.message("id") and "sumber" not in issue.message("id")


def test_a_header_that_names_every_need_yet_makes_no_table_says_so(xlsx):
    """An indicator, a program and an amount: an indicator's budget is no table kinerja-xl
    reads, and the reason says that much rather than an empty list of what is missing."""
    path = xlsx(
        [
            ["No", "Program", "Indikator Kinerja", "Anggaran"],
            [1, "Program Dukungan Manajemen", "Persentase layanan", "Rp 814.815.000"],
        ],
        name="Anggaran",
    )
    (report,) = check_files([path])
    assert report.tables == []
    (issue,) = [i for i in report.issues if i.code == "table-not-found"]
    assert (
        "sheet 'Anggaran' row 1 names 'No', 'Program', 'Indikator Kinerja' and 'Anggaran', but "
        "those columns make no RKT, IKU or Anggaran table"
    ) in issue.message("en")
    assert "tetapi kolom-kolom itu tidak membentuk tabel RKT, IKU atau Anggaran" in issue.message(
        "id"
    )


def test_a_plan_whose_indicator_column_reads_indikator_kinerja_utama_is_read(xlsx):
    """ "Indikator Kinerja Utama" is the indicator column of a PK with no Sasaran column."""
    path = xlsx(
        [
            ["PERJANJIAN KINERJA TAHUN 2024"],
            [],
            ["No", "Indikator Kinerja Utama", "Target", "Satuan"],
            [1, "Persentase partisipasi pemilih", 80, "%"],
            [2, "Jumlah kegiatan sosialisasi pendidikan pemilih", 24, "kegiatan"],
        ],
        name="PK",
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (table.kind, table.header_row, table.rows) == ("rkt", 3, 2)
    assert [(r.get("indikator"), r.target.value) for r in table.records] == [
        ("Persentase partisipasi pemilih", 80),
        ("Jumlah kegiatan sosialisasi pendidikan pemilih", 24),
    ]
    assert report.issues == []


CUMULATIVE_QUARTERS = [
    ["s.d. TW I", "s.d. TW II", "s.d. TW III", "s.d. TW IV"],
    [
        "Realisasi s.d. TW I",
        "Realisasi s.d. TW II",
        "Realisasi s.d. TW III",
        "Realisasi s.d. TW IV",
    ],
    ["TW I (Kumulatif)", "TW II (Kumulatif)", "TW III (Kumulatif)", "TW IV (Kumulatif)"],
]


@pytest.mark.parametrize("quarters", CUMULATIVE_QUARTERS)
def test_a_realisasi_by_quarter_that_does_not_add_up_is_no_year_s_realisasi(xlsx, quarters):
    """Quarters not said to be cumulative: 6 kegiatan a quarter is not the year's 6 of 24 (the
    year's realisasi stays unread rather than wrong); quarters "s.d." or "(Kumulatif)" under a
    merged "Realisasi" are each a quarter's, and the last is the year's."""
    rows = [
        ["No", "Indikator Kinerja", "Target 2024", "Realisasi", None, None, None],
        [None, None, None, "TW I", "TW II", "TW III", "TW IV"],
        [1, "Jumlah kegiatan sosialisasi pendidikan pemilih", "24 kegiatan", 6, 6, 6, 6],
    ]
    merges = ["D1:G1", "A1:A2", "B1:B2", "C1:C2"]
    (report,) = check_files([xlsx(rows, name="Monitoring", merges=merges)])
    (record,) = report.tables[0].records
    assert record.realisasi is None
    assert [p.value for p in record.realisasi_periods.values()] == [6, 6, 6, 6]
    rows[1] = [None, None, None, *quarters]
    rows[2] = [1, "Jumlah kegiatan sosialisasi pendidikan pemilih", "24 kegiatan", 6, 12, 18, 24]
    (report,) = check_files([xlsx(rows, name="Monitoring", merges=merges)])
    (record,) = report.tables[0].records
    assert list(record.realisasi_periods) == ["TW I", "TW II", "TW III", "TW IV"]
    assert [p.value for p in record.realisasi_periods.values()] == [6, 12, 18, 24]
    assert (record.realisasi.value, record.cells["realisasi"]) == (24, "G3")
