"""The official forms' habits, each in a small workbook: a column that holds several levels
("Tujuan / Sasaran / Indikator Kinerja"), codes of eight levels with their details, a stale
sub-total, a five-year matrix with its funding, an e-SAKIP export's headings, activities and
cumulative quarters, a score written with its word, a signature block opened by "Disusun"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kinerja_xl.checking.rulebook import load_rules
from kinerja_xl.layouts.locate import role_of
from kinerja_xl.pipeline import check_files


def codes(report):
    return [(i.code, i.cell) for i in report.issues if i.severity == "error"]


def test_a_column_of_several_levels_is_named_by_its_most_detailed():
    assert role_of("Tujuan / Sasaran / Indikator Kinerja") == "indikator"
    assert role_of("Sasaran Program (Outcome)/ Sasaran Kegiatan (Output)/ Indikator") == "indikator"
    assert role_of("PROGRAM/ KEGIATAN/ KRO/ RO/ KOMPONEN/ SUBKOMP/ AKUN/ DETIL") == "program"
    assert role_of("Persentase KPU Kabupaten/Kota yang menetapkan DPT tepat waktu") is None


def test_a_kertas_kerja_counts_its_programs_once_whatever_the_depth(xlsx):
    """RKA-K/L: JUMLAH SELURUHNYA first, program → kegiatan → KRO → RO → komponen → sub
    komponen → akun → detail lines without a code, volume × harga satuan."""
    path = xlsx(
        [
            ["KODE", "PROGRAM/ KEGIATAN/ KRO/ RO/ KOMPONEN", "PERHITUNGAN TAHUN 2025"],
            [None, None, "VOLUME", "HARGA SATUAN", "JUMLAH BIAYA"],
            [None, "JUMLAH SELURUHNYA", None, None, 120_000],
            ["076.01.WA", "Program Dukungan Manajemen", None, None, 120_000],
            ["4257", "Penyelenggaraan Dukungan Manajemen", None, None, 120_000],
            ["4257.EBA", "Layanan Dukungan Manajemen Internal", "1 Layanan", None, 120_000],
            ["4257.EBA.994", "Layanan Perkantoran", "1 Layanan", None, 120_000],
            ["001", "Gaji dan Tunjangan", None, None, 120_000],
            ["A", "TANPA SUB KOMPONEN", None, None, 120_000],
            ["511111", "Belanja Gaji Pokok PNS", None, None, 120_000],
            [None, "- Gaji Pokok PNS", "12 BLN", 5_000, 60_000],
            [None, "- Tunjangan", "12 BLN", 5_000, 60_000],
        ],
        merges=["C1:E1", "A1:A2", "B1:B2"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (table.kind, table.rows, table.total) == ("anggaran", 9, 120_000)
    assert [r.detail for r in table.records] == [False] + [True] * 8
    detail = table.records[-1]
    assert detail.extras == {"PERHITUNGAN TAHUN 2025 › VOLUME": "12 BLN", "HARGA SATUAN": "5000"}
    assert codes(report) == []


def test_a_stale_sub_total_is_said_at_its_cell_and_the_total_counts_the_programs(xlsx):
    path = xlsx(
        [
            ["No", "Kode", "Uraian", "Pagu (Rp)"],
            ["I", "076.01.WA", "Program Dukungan Manajemen", 300],
            ["1", "4257", "Penyelenggaraan Dukungan Manajemen", 300],
            ["a", "4257.EBA", "Layanan Dukungan Manajemen Internal", 200],
            ["1)", "4257.EBA.994", "Layanan Perkantoran", 200],
            ["b", "4257.EBB", "Layanan Sarana dan Prasarana", 100],
            ["1)", "4257.EBB.951", "Layanan Sarana Internal", 50],
            ["2)", "4257.EBB.971", "Layanan Prasarana Internal", 40],
            ["JUMLAH", None, None, 300],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert table.total == 300
    assert codes(report) == [("budget-total-mismatch", "D6")]  # 100, where its RO add to 90


def test_a_renstra_matrix_with_its_funding_gives_a_plan_and_a_budget_by_year(xlsx):
    path = xlsx(
        [
            ["Program/ Kegiatan", "Sasaran Program (Outcome)/ Indikator Kinerja", "Target"]
            + [None] * 4
            + ["Alokasi (dalam juta rupiah)"],
            [None, None, 2020, 2021, 2022, 2023, 2024, 2020, 2021, 2022, 2023, 2024],
            ["076.01.WA Program Dukungan Manajemen"]
            + [None] * 6
            + [18412.5, 19227.1, 21806.4, 26115.9, 31402.3],
            [None, "Sasaran Program: Terwujudnya Sumber Daya Manusia yang profesional"],
            [None, "Indeks Reformasi Birokrasi", 70, 72, 75, 78, 80],
            [None, "Persentase Partisipasi Pemilih", "-", "-", "-", "-", "80%"],
        ],
        merges=["C1:G1", "H1:L1", "A1:A2", "B1:B2"],
    )
    (report,) = check_files([path], year=2024)
    plan, budget = report.tables
    assert (plan.kind, plan.rows, budget.kind, budget.rows) == ("rkt", 2, "anggaran", 1)
    assert [r.target.text for r in plan.records] == ["80", "80%"]
    assert plan.records[0].get("sasaran").startswith("Terwujudnya")
    (line,) = budget.records
    assert line.amount.value == 31_402_300_000 and line.cells["anggaran"] == "L3"
    assert line.periods["2020"].value == 18_412_500_000
    assert codes(report) == []
    assert "row-unplaced" not in {i.code for i in report.issues}


def test_an_esakip_export_headings_activities_and_cumulative_quarters(xlsx):
    path = xlsx(
        [
            ["No", "Tujuan / Sasaran / Indikator Kinerja", "Target", "Satuan"]
            + ["Alokasi Target (Kumulatif)", None, None, None, "Realisasi (Kumulatif)"],
            [None, None, None, None] + ["TW I", "TW II", "TW III", "TW IV"] * 2,
            [None, "T1 - Meningkatnya kualitas penyelenggaraan pemilu"],
            [None, "Sasaran: S1 - Meningkatnya partisipasi pemilih"],
            [1, "IK1.1 - Jumlah laporan pemutakhiran data pemilih", 12, "Laporan"]
            + [3, 6, 9, 12, 3, 6, 9, 11],
            [None, " - Pemutakhiran Data Pemilih Berkelanjutan"],
            [None, " - Rapat koordinasi"],
        ],
        merges=["E1:H1", "I1:L1", "A1:A2", "B1:B2", "C1:C2", "D1:D2"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    (record,) = table.records
    assert record.get("tujuan") == "Meningkatnya kualitas penyelenggaraan pemilu"
    assert record.get("sasaran").endswith("Meningkatnya partisipasi pemilih")
    assert record.realisasi.value == 11 and record.cells["realisasi"] == "L5"
    assert [p.value for p in record.periods.values()] == [3, 6, 9, 12]
    assert table.row_kinds["item"] == 2
    assert codes(report) == []


@pytest.mark.parametrize(
    ("target", "realisasi"),
    [
        ("80 Poin", "82 Poin"),
        ("80 poin", "82"),
        ("80 Nilai", "82 nilai"),
        ("80 point", 82),
        ("80 Skor", "82 skor"),
    ],
)
def test_a_score_written_with_its_word_fits_an_index(xlsx, target, realisasi):
    """ "80 Poin", "80 Nilai": an index's 80, whatever the word (schemas/units.yaml's
    score_words), for its target and its realisasi."""
    path = xlsx(
        [
            ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET KINERJA", "REALISASI"],
            [1, "Terwujudnya SDM", "Indeks Reformasi Birokrasi", target, realisasi],
        ]
    )
    (report,) = check_files([path])
    assert report.issues == []
    (record,) = report.tables[0].records
    assert (record.target.value, record.realisasi.value) == (80, 82)


def test_a_score_word_is_knowledge_a_province_can_teach(xlsx, tmp_path):
    """A word units.yaml does not know is a count, and a count is no index's target; taught in
    a copy of schemas/ (--schemas), the same target fits."""
    path = xlsx(
        [
            ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET KINERJA"],
            [1, "Terwujudnya SDM", "Indeks Reformasi Birokrasi", "80 Angka Indeks"],
        ]
    )
    (report,) = check_files([path])
    assert [i.code for i in report.issues] == ["target-unit-mismatch"]
    folder = tmp_path / "schemas"
    shutil.copytree(Path(__file__).resolve().parents[1] / "schemas", folder)
    units = folder / "units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("score_words: [", "score_words: [angka indeks, "), "utf-8")
    (report,) = check_files([path], rules=load_rules(folder))
    assert report.issues == []


def test_a_signature_block_opened_by_disusun_ends_the_table(xlsx):
    path = xlsx(
        [
            ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
            [1, "Terwujudnya SDM", "Indeks Reformasi Birokrasi", 80],
            [],
            [None, None, "Disusun", "Dievaluasi"],
            [None, None, "Surabaya, 15 Januari 2025", "Surabaya, 15 Januari 2025"],
        ]
    )
    (report,) = check_files([path])
    assert report.tables[0].rows == 1 and codes(report) == []
