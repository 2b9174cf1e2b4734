"""One small workbook per layout quirk, each asserting the exact records the reader produces."""

from __future__ import annotations

import pytest

from kinerja_xl.layouts.locate import role_of
from kinerja_xl.pipeline import check_files, inspect_file

HEAD = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]


def rkt_rows(path, table=0):
    report = inspect_file(path)
    return [
        (r.get("tujuan"), r.get("sasaran"), r.get("indikator"), r.target.text if r.target else None)
        for r in report.tables[table].records
    ]


def codes(report):
    return [(i.code, i.sheet, i.cell) for i in report.issues]


def test_titles_numbering_blank_rows_and_signature_are_not_data(xlsx):
    path = xlsx(
        [
            ["RENCANA KINERJA TAHUN 2024"],
            ["KOMISI PEMILIHAN UMUM KABUPATEN TAPIN"],
            [],
            HEAD,
            ["(1)", "(2)", "(3)", "(4)"],
            [None, "Terwujudnya A", "Persentase a", "90%"],
            [],
            [None, "Terwujudnya B", "Persentase b", "80%"],
            [],
            [None, None, "Rantau, 14 Januari 2024"],
            [None, None, "KETUA KPU KABUPATEN TAPIN"],
            [None, None, "NAMA KETUA"],
        ]
    )
    report = inspect_file(path)
    assert [(t.kind, t.header_row, t.rows) for t in report.tables] == [("rkt", 4, 2)]
    assert rkt_rows(path) == [
        (None, "Terwujudnya A", "Persentase a", "90%"),
        (None, "Terwujudnya B", "Persentase b", "80%"),
    ]
    assert report.issues == []
    assert (report.office, report.year) == ("KPU Kabupaten Tapin", 2024)


@pytest.mark.parametrize(
    "text, role",
    [
        ("TARGET (%)", "target"),
        ("Target Kinerja Tahun 2025", "target"),
        ("Target Volume", "target"),
        ("Indikator Kinerja Utama (IKU)", "uraian"),
        ("Indikator Kinerja Program / Kegiatan", "indikator"),
        ("Sasaran Strategis / Indikator Kinerja", "indikator"),
        ("Realisasi s.d. Triwulan IV", "realisasi"),
        ("Realisasi s.d. TW I", None),  # a quarter's, in a Rencana Aksi: not the year's
        ("Target Output", "target"),
        ("Nama Kegiatan", "program"),
        ("Kegiatan/Sub Kegiatan", "program"),
        ("Indikator Keluaran (Output)", "indikator"),
        ("Indikator Kinerja Program dan Kegiatan", "indikator"),
        ("URAIAN PROGRAM/KEGIATAN", "uraian"),
        ("Program / Kegiatan / Output", "program"),
        ("Program dan Kegiatan", "program"),
        ("Sasaran Strategis KPU", "sasaran_strategis"),
        ("Formulasi Perhitungan", "cara"),
        ("Pagu Anggaran (Rp)", "anggaran"),
        ("Realisasi", "realisasi"),  # an LKj column: read with the target beside it
        ("Pagu DIPA", "anggaran"),
        ("Kebutuhan Anggaran", "anggaran"),
        ("Anggaran (dalam Rp)", "anggaran"),
        ("Anggaran (Rp 000)", "anggaran"),
        ("Jumlah (Rp. 000)", "anggaran"),
        ("Pagu (dalam ribuan rupiah)", "anggaran"),
        ("Jumlah (dalam ribuan)", None),  # no word of money: not a budget column
        # the acronyms SAKIP documents print after a column name
        ("SASARAN STRATEGIS (SS)", "sasaran_strategis"),
        ("Sasaran Kegiatan (SK)", "sasaran_kegiatan"),
        ("Indikator Kinerja Sasaran (IKS)", "indikator"),
        ("Indikator Kinerja Kegiatan (IKK)", "indikator"),
        ("Jumlah (RP)", "anggaran"),  # a currency, not an acronym
        ("Pagu (IDR)", "anggaran"),
        ("Sasaran Strategis/Program", "sasaran_strategis"),
        ("Indikator Kinerja Sasaran Strategis", "indikator"),
        ("Target Capaian", "target"),
        ("Kode Kegiatan", "kode"),
        ("Uraian Program/Kegiatan/Output", "uraian"),  # a DIPA's rincian
        ("Uraian Kegiatan dan Sub Kegiatan", "uraian"),
        ("SASARAN STRATEGIS/KEGIATAN", "sasaran_strategis"),  # one column for both levels
        ("Sasaran Strategis (Outcome)", "sasaran_strategis"),
        ("Sasaran Kinerja", "sasaran_strategis"),
        ("Target Tahun Anggaran 2025", "target"),
        ("Target T.A. 2025", "target"),
        ("Target PK", "target"),  # an LKj's target, as agreed in the PK
        ("Satuan Target", "satuan"),
        ("Satuan Ukuran", "satuan"),
        ("Sumber Data/Pengumpul Data", "sumber"),
        ("Kode Kegiatan/KRO/RO", "kode"),
        ("Jumlah Pagu", "anggaran"),
    ],
)
def test_header_words_offices_print(text, role):
    assert role_of(text) == role


def test_a_dipa_rincian_with_program_and_kegiatan_codes_counts_the_programs(xlsx):
    """Kode | Uraian Program/Kegiatan/Output | Pagu (Rp): was 'no table found'. The kegiatan
    under each program add up to it, so they are its detail and the money counts once."""
    path = xlsx(
        [
            ["RINCIAN ANGGARAN KPU KABUPATEN TABALONG TAHUN ANGGARAN 2025"],
            [],
            ["Kode", "Uraian Program/Kegiatan/Output", "Pagu (Rp)"],
            ["076.01.WA", "Program Dukungan Manajemen", 8_000_000_000],
            ["4257", "Penyelenggaraan Operasional Perkantoran", 5_000_000_000],
            ["4258", "Pengelolaan Keuangan dan BMN", 3_000_000_000],
            ["076.01.CQ", "Program Penyelenggaraan Pemilu", 2_000_000_000],
            ["4259", "Fasilitasi Tahapan Pemilu", 2_000_000_000],
            [None, "JUMLAH", 10_000_000_000],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (table.kind, table.header_row, table.rows, table.total) == (
        "anggaran",
        3,
        5,
        10_000_000_000,
    )
    assert [(r.get("kode"), r.detail) for r in table.records] == [
        ("076.01.WA", False),
        ("4257", True),
        ("4258", True),
        ("076.01.CQ", False),
        ("4259", True),
    ]
    assert report.issues == []


def test_budget_with_uraian_program_kegiatan_and_pagu(xlsx):
    path = xlsx(
        [
            ["NO", "KODE", "URAIAN PROGRAM/KEGIATAN", "PAGU ANGGARAN (Rp)"],
            ["1", "076.01.WA", "Program Dukungan Manajemen", "Rp. 814.815.000,00"],
            ["2", "076.01.DH", "Program Penyelenggaraan Pemilu", 1_200_000_000],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert table.kind == "anggaran"
    assert [(r.get("program"), r.amount.value) for r in table.records] == [
        ("Program Dukungan Manajemen", 814_815_000),
        ("Program Penyelenggaraan Pemilu", 1_200_000_000),
    ]


def test_budget_written_in_thousands_of_rupiah(xlsx):
    """ "Anggaran (Rp 000)": 814.815 is Rp 814.815.000; the JUMLAH too, so nothing mismatches;
    the same with the unit on the header's second line, or in millions."""
    in_header = xlsx(
        [
            ["NO", "PROGRAM", "ANGGARAN (Rp 000)"],
            ["1", "Program Dukungan Manajemen", "814.815"],
            ["2", "Program Penyelenggaraan Pemilu", 1_200_000],
            [None, "JUMLAH", 2_014_815],
        ]
    )
    second_line = xlsx(
        [
            ["NO", "PROGRAM", "PAGU ANGGARAN"],
            [None, None, "(dalam ribuan rupiah)"],
            ["1", "Program Dukungan Manajemen", "814.815"],
            ["2", "Program Penyelenggaraan Pemilu", 1_200_000],
            [None, "JUMLAH", 2_014_815],
        ]
    )
    for path in (in_header, second_line):
        (report,) = check_files([path])
        (table,) = report.tables
        assert table.amount_scale == 1000
        assert [r.amount.value for r in table.records] == [814_815_000, 1_200_000_000]
        assert table.records[0].amount.text == "814.815"  # as the office wrote it
        assert (table.total, table.declared_total.value) == (2_014_815_000, 2_014_815_000)
        assert report.issues == []
    millions = xlsx([["NO", "PROGRAM", "ANGGARAN (JUTA RUPIAH)"], ["1", "Program A", "814,8"]])
    (report,) = check_files([millions])
    assert report.tables[0].records[0].amount.value == 814_800_000


def test_budget_in_the_rka_form_with_volume_satuan_and_harga_satuan(xlsx):
    """Volume | Satuan | Harga Satuan | Jumlah Biaya: the office's columns are kept, the amount
    is the Jumlah Biaya (not the unit price)."""
    path = xlsx(
        [
            [
                "No",
                "Kode",
                "Program/Kegiatan/Output",
                "Volume",
                "Satuan",
                "Harga Satuan",
                "Jumlah Biaya",
            ],
            [
                "1",
                "076.01.WA",
                "Program Dukungan Manajemen",
                1,
                "Layanan",
                814_815_000,
                814_815_000,
            ],
            [
                "2",
                "076.01.DH",
                "Program Penyelenggaraan Pemilu",
                12,
                "Bulan",
                100_000_000,
                1_200_000_000,
            ],
            [None, None, "JUMLAH", None, None, None, 2_014_815_000],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert table.kind == "anggaran"
    assert [(r.get("program"), r.amount.value, r.extras) for r in table.records] == [
        (
            "Program Dukungan Manajemen",
            814_815_000,
            {"Volume": "1", "Satuan": "Layanan", "Harga Satuan": "814815000"},
        ),
        (
            "Program Penyelenggaraan Pemilu",
            1_200_000_000,
            {"Volume": "12", "Satuan": "Bulan", "Harga Satuan": "100000000"},
        ),
    ]
    assert table.declared_total.value == 2_014_815_000
    assert report.issues == []


def test_rp_in_a_column_of_its_own_under_a_merged_budget_header(xlsx):
    """ "ANGGARAN" merged over two columns: "Rp" in the first, the amount in the second."""
    path = xlsx(
        [
            ["No", "Program", "Anggaran", None],
            [1, "Program Dukungan Manajemen", "Rp", 814_815_000],
            [2, "Program Penyelenggaraan Pemilu", "Rp.", "1.200.000.000"],
            [None, "JUMLAH", "Rp", 2_014_815_000],
        ],
        merges=["C1:D1"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert [(r.amount.value, r.cells["anggaran"], r.extras) for r in table.records] == [
        (814_815_000, "D2", {}),
        (1_200_000_000, "D3", {}),
    ]
    assert (table.total, table.declared_total.value) == (2_014_815_000, 2_014_815_000)
    assert report.issues == []


def test_jumlah_written_in_the_no_column_is_the_total_not_a_line(xlsx):
    """ "JUMLAH" merged over No and Program: the declared total, never a third budget line
    (which would double the office's budget in the merge)."""
    path = xlsx(
        [
            ["No", "Program", "Anggaran"],
            [1, "Program Dukungan Manajemen", 814_815_000],
            [2, "Program Penyelenggaraan Pemilu", 1_200_000_000],
            ["JUMLAH", None, 2_014_815_000],
        ],
        merges=["A4:B4"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert table.rows == 2
    assert (table.total, table.declared_total.value) == (2_014_815_000, 2_014_815_000)
    assert table.row_kinds["total"] == 1


def test_budget_outline_numbers_give_the_levels_when_there_are_no_codes(xlsx):
    """1 / 1.1 / 1.2 / 2 / 2.1: the kegiatan are detail of their program when the amounts add
    up, so the office's budget is not counted twice; when they do not, every line counts."""
    rows = [
        ["No", "Program / Kegiatan", "Anggaran"],
        ["1", "Program Dukungan Manajemen", 1_000_000_000],
        ["1.1", "Layanan Perkantoran", 600_000_000],
        ["1.2", "Pengelolaan Keuangan", 400_000_000],
        ["2", "Program Penyelenggaraan Pemilu", 500_000_000],
        ["2.1", "Sosialisasi", 500_000_000],
    ]
    (report,) = check_files([xlsx(rows)])
    (table,) = report.tables
    assert [r.detail for r in table.records] == [False, True, True, False, True]
    assert table.total == 1_500_000_000
    rows[3][2] = 300_000_000  # 600 + 300 is not 1,000: no guess
    (report,) = check_files([xlsx(rows)])
    assert not any(r.detail for r in report.tables[0].records)
    assert report.tables[0].total == 2_900_000_000


def test_numbering_in_one_cell_or_plain_digits(xlsx):
    one_cell = xlsx(
        [HEAD, [None, None, None, "(1) (2) (3) (4)"], ["1", "S", "Persentase a", "90%"]]
    )
    digits = xlsx([HEAD, [1, 2, 3, 4], ["1", "S", "Persentase a", "90%"]])
    for path in (one_cell, digits):
        report = inspect_file(path)
        assert report.tables[0].row_kinds["numbering"] == 1
        assert rkt_rows(path) == [(None, "S", "Persentase a", "90%")]


def test_header_and_numbering_repeated_after_page_break(xlsx):
    path = xlsx(
        [
            HEAD,
            ["(1)", "(2)", "(3)", "(4)"],
            [None, "Terwujudnya A", "Persentase a", "90%"],
            HEAD,
            ["(1)", "(2)", "(3)", "(4)"],
            [None, None, "Persentase b", "80%"],
        ]
    )
    report = inspect_file(path)
    assert len(report.tables) == 1
    assert rkt_rows(path) == [
        (None, "Terwujudnya A", "Persentase a", "90%"),
        (None, "Terwujudnya A", "Persentase b", "80%"),
    ]


def test_header_on_two_lines_target_over_volume_and_satuan(xlsx):
    """ "TARGET" merged over two columns, with "Volume | Satuan" under it; the other header
    cells merged down over both lines; the header repeated, both lines, after a page break."""
    two_line_head = [
        ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", None],
        [None, None, None, "Volume", "Satuan"],
    ]
    path = xlsx(
        [
            *two_line_head,
            [1, "Terwujudnya A", "Persentase partisipasi pemilih", 77.5, "%"],
            [2, None, "Jumlah dokumen perencanaan", 5, "dokumen"],
            *two_line_head,
            [3, None, "Indeks kepuasan layanan", 80, "indeks"],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1", "A5:A6", "B5:B6", "C5:C6", "D5:E5"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert table.columns["satuan"] == 5
    assert [
        (r.number, r.get("indikator"), r.target.text, r.get("satuan")) for r in table.records
    ] == [
        ("1", "Persentase partisipasi pemilih", "77,5", "%"),
        ("2", "Jumlah dokumen perencanaan", "5", "dokumen"),
        ("3", "Indeks kepuasan layanan", "80", "indeks"),
    ]
    assert dict(table.row_kinds) == {"header": 1, "header-repeat": 2, "record": 3}
    assert report.issues == []
    # a bare number beside Satuan "%" is a percentage, as "77,5%" would be
    assert (table.records[0].target.value, table.records[0].target.unit) == (77.5, "persen")
    assert table.records[1].target.unit == "angka"


def test_target_merged_over_the_number_and_its_unit(xlsx):
    """ "TARGET" merged over two columns with no Satuan header: "77,5 | %" and "5 | dokumen"."""
    path = xlsx(
        [
            ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", None],
            [1, "Terwujudnya A", "Persentase partisipasi pemilih", 77.5, "%"],
            [2, None, "Jumlah dokumen perencanaan", 5, "dokumen"],
        ],
        merges=["D1:E1"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert [(r.target.value, r.target.unit, r.get("satuan"), r.extras) for r in table.records] == [
        (77.5, "persen", "%", {}),
        (5, "angka", "dokumen", {}),
    ]
    assert report.issues == []


def test_target_columns_for_two_years_take_the_latest(xlsx):
    """ "Target 2024 | Target 2025" in one table: the plan's target is the latest year's; the
    other is kept as the office's own column."""
    path = xlsx(
        [
            ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET 2024", "TARGET 2025"],
            [1, "Terwujudnya A", "Persentase partisipasi pemilih", "75%", "77,5%"],
            [2, None, "Jumlah dokumen perencanaan", "4 dokumen", "5 dokumen"],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert [(r.target.text, r.cells["target"], r.extras) for r in table.records] == [
        ("77,5%", "E2", {"TARGET 2024": "75%"}),
        ("5 dokumen", "E3", {"TARGET 2024": "4 dokumen"}),
    ]


def test_percent_sign_written_into_the_number_format(xlsx):
    """90 shown as "90%" by a format 0"%" (or 0\\%) is 90 %, not 9000 % and not a bare 90."""
    path = xlsx(
        [
            HEAD,
            [1, "Terwujudnya A", "Persentase partisipasi pemilih", 90],
            [2, None, "Persentase laporan tepat waktu", 77.5],
            [3, None, "Persentase pegawai terlatih", 0.9],
        ],
        formats={"D2": '0"%"', "D3": "0.0\\%", "D4": "0%"},
    )
    (report,) = check_files([path])
    assert [(r.target.text, r.target.value, r.target.unit) for r in report.tables[0].records] == [
        ("90%", 90, "persen"),
        ("77,5%", 77.5, "persen"),
        ("90%", 90, "persen"),
    ]


def test_a_first_data_row_of_short_words_is_not_taken_for_a_second_header_line(xlsx):
    path = xlsx([HEAD, ["1", "Terwujudnya A", "Indeks kepuasan", "Nilai"]])
    (report,) = check_files([path])
    assert rkt_rows(path) == [(None, "Terwujudnya A", "Indeks kepuasan", "Nilai")]
    assert report.tables[0].row_kinds["record"] == 1


def test_iku_with_sasaran_strategis_formulasi_and_penanggung_jawab(xlsx):
    """The Renstra form of an IKU: sasaran strategis first (merged down over its indicators),
    "Indikator Kinerja Utama", "Formulasi Perhitungan", and columns of the office's own."""
    path = xlsx(
        [
            ["INDIKATOR KINERJA UTAMA (IKU) TAHUN 2025"],
            [
                "No",
                "Sasaran Strategis",
                "Indikator Kinerja Utama",
                "Alasan",
                "Formulasi Perhitungan",
                "Sumber Data",
                "Penanggung Jawab",
            ],
            [
                "1",
                "Meningkatnya partisipasi",
                "Persentase partisipasi pemilih",
                "Mengukur",
                "Pemilih yang memilih / DPT x 100%",
                "Formulir D Hasil",
                "Divisi Sosdiklih",
            ],
            ["2", None, "Indeks kepuasan layanan", None, "Survei", "Laporan survei", "Sekretaris"],
            [None, "Terwujudnya tata kelola yang baik"],
            ["3", None, "Nilai SAKIP", None, "Hasil evaluasi", "LHE SAKIP", "Sekretaris"],
        ],
        merges=["B3:B4"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert table.kind == "iku"
    assert [
        (r.get("indikator"), r.get("cara"), r.get("sumber"), r.extras.get("Sasaran Strategis"))
        for r in table.records
    ] == [
        (
            "Persentase partisipasi pemilih",
            "Pemilih yang memilih / DPT x 100%",
            "Formulir D Hasil",
            "Meningkatnya partisipasi",
        ),
        ("Indeks kepuasan layanan", "Survei", "Laporan survei", "Meningkatnya partisipasi"),
        ("Nilai SAKIP", "Hasil evaluasi", "LHE SAKIP", "Terwujudnya tata kelola yang baik"),
    ]
    assert table.records[0].extras["Penanggung Jawab"] == "Divisi Sosdiklih"
    assert dict(table.row_kinds) == {"record": 3, "group": 1}
    assert report.issues == []


def test_a_plan_with_a_sumber_data_column_stays_a_plan(xlsx):
    """Sasaran, indicator and target make a plan (RKT/PK) even with a "Sumber Data" column,
    which is kept as the office's column; without sasaran and target it is an IKU."""
    plan = xlsx(
        [
            [*HEAD, "SUMBER DATA"],
            [1, "Terwujudnya A", "Persentase partisipasi pemilih", "77,5%", "Formulir D"],
        ]
    )
    (report,) = check_files([plan])
    (table,) = report.tables
    assert table.kind == "rkt"
    assert table.records[0].extras == {"SUMBER DATA": "Formulir D"}
    assert table.records[0].target.text == "77,5%"
    iku = xlsx([["NO", "URAIAN", "SUMBER DATA"], [1, "Persentase partisipasi pemilih", "KPU"]])
    assert check_files([iku])[0].tables[0].kind == "iku"


def test_iku_with_the_program_in_a_column_of_its_own(xlsx):
    path = xlsx(
        [
            ["No", "Program", "Indikator Kinerja Utama", "Cara Penghitungan", "Sumber Data"],
            [
                1,
                "Program Dukungan Manajemen (076.01.WA)",
                "Persentase pegawai terlatih",
                "Pegawai terlatih / pegawai x 100%",
                "Subbag SDM",
            ],
            [2, None, "Nilai SAKIP", "Hasil evaluasi", "LHE SAKIP"],
            [
                3,
                "Program Penyelenggaraan Pemilu (076.01.CQ)",
                "Persentase TPS tepat waktu",
                "TPS tepat waktu / TPS x 100%",
                "Divisi Teknis",
            ],
        ],
        merges=["B2:B3"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert table.kind == "iku"
    assert [
        (r.get("program"), r.get("kode_program"), r.get("indikator")) for r in table.records
    ] == [
        ("Program Dukungan Manajemen", "076.01.WA", "Persentase pegawai terlatih"),
        ("Program Dukungan Manajemen", "076.01.WA", "Nilai SAKIP"),
        ("Program Penyelenggaraan Pemilu", "076.01.CQ", "Persentase TPS tepat waktu"),
    ]
    assert report.issues == []


IKU_WITH_TARGETS = [
    ["INDIKATOR KINERJA UTAMA KPU KABUPATEN TABALONG TAHUN 2025"],
    [],
    ["No", "Indikator Kinerja Utama", "Satuan", "Target", "Formulasi Perhitungan", "Sumber Data"],
    [1, "Persentase partisipasi pemilih", "Persen", 80, "Pemilih / DPT x 100%", "Formulir C"],
    [2, "Jumlah dokumen perencanaan", "Dokumen", "3", "Dihitung", "Subbag Program"],
    [3, "Persentase pemutakhiran data", "%", "150", "Dihitung", "Sidalih"],
    [4, "Opini BPK atas laporan keuangan", None, "XYZ", "LHP BPK", "BPK"],
    [5, "Jumlah laporan kinerja", "Laporan", "-5", "Dihitung", "Subbag Program"],
]


def test_an_iku_that_states_targets_has_them_read_with_their_satuan_and_checked(xlsx):
    """Some offices give their IKU a Satuan and a Target column: the satuan is the office's
    (80 | Persen is 80 %), and the targets answer to the same rules as a plan's."""
    (report,) = check_files([xlsx(IKU_WITH_TARGETS)])
    (table,) = report.tables
    assert table.kind == "iku"
    assert [
        (r.get("satuan"), r.target.text, r.target.value, r.target.unit) for r in table.records
    ] == [
        ("Persen", "80", 80, "persen"),
        ("Dokumen", "3", 3, "angka"),
        ("%", "150", 150, "persen"),
        (None, "XYZ", "XYZ", "kategori"),
        ("Laporan", "-5", -5, "angka"),
    ]
    assert codes(report) == [
        ("target-out-of-range", "Lembar1", "D6"),
        ("target-invalid-category", "Lembar1", "D7"),
        ("target-out-of-range", "Lembar1", "D8"),
    ]


def test_an_iku_without_a_target_column_is_not_asked_for_targets(xlsx):
    rows = [[v for i, v in enumerate(row) if i not in (2, 3)] for row in IKU_WITH_TARGETS]
    (report,) = check_files([xlsx(rows)])
    assert report.tables[0].kind == "iku" and report.tables[0].rows == 5
    assert codes(report) == []


def test_a_renja_gives_its_program_indicators_and_its_budget_in_one_table(xlsx):
    """A Renja: each program or kegiatan with its indicator, target and pagu indikatif on one
    row. The indicators are read as a plan, the amounts as a budget; nothing is lost."""
    path = xlsx(
        [
            ["RENCANA KERJA (RENJA) KPU KABUPATEN TAPIN TAHUN 2025"],
            [],
            [
                "No",
                "Program / Kegiatan",
                "Indikator Kinerja Program / Kegiatan",
                "Target",
                "Pagu Indikatif (Rp)",
            ],
            [
                1,
                "Program Dukungan Manajemen",
                "Persentase layanan dukungan",
                "Baik",
                "Rp 2.000.000.000",
            ],
            [
                None,
                "Kegiatan Pengelolaan Keuangan",
                "Jumlah laporan keuangan",
                "4 laporan",
                "Rp 500.000.000",
            ],
            [
                2,
                "Program Penyelenggaraan Pemilu",
                "Persentase TPS tepat waktu",
                "100%",
                "Rp 1.000.000.000",
            ],
            [None, None, "JUMLAH", None, "Rp 3.500.000.000"],
        ]
    )
    (report,) = check_files([path])
    plan, budget = report.tables
    assert (plan.kind, budget.kind, report.document) == ("rkt", "anggaran", "Renja")
    assert [(r.get("indikator"), r.target.text) for r in plan.records] == [
        ("Persentase layanan dukungan", "Baik"),
        ("Jumlah laporan keuangan", "4 laporan"),
        ("Persentase TPS tepat waktu", "100%"),
    ]
    assert [(r.get("program"), r.amount.value) for r in budget.records] == [
        ("Program Dukungan Manajemen", 2_000_000_000),
        ("Kegiatan Pengelolaan Keuangan", 500_000_000),
        ("Program Penyelenggaraan Pemilu", 1_000_000_000),
    ]
    assert budget.total == budget.declared_total.value == 3_500_000_000
    assert codes(report) == [("target-unparseable", "Lembar1", "D4")]


def test_a_budget_realisation_keeps_realisasi_sisa_and_percent_beside_each_line(xlsx):
    """ "Pagu | Realisasi | Sisa | %" (a realisation report): the Pagu is the amount; the office's
    other columns stay beside each line, however many follow on (they were cut after two)."""
    path = xlsx(
        [
            ["LAPORAN REALISASI ANGGARAN KPU KABUPATEN BANJAR TAHUN 2024"],
            ["No", "Program", "Pagu", "Realisasi", "Sisa", "%", None, None, "catatan lepas"],
            [1, "Program Dukungan Manajemen", 2_000_000_000, 1_900_000_000, 100_000_000, "95%"],
            [2, "Program Penyelenggaraan Pemilu", 1_000_000_000, 990_000_000, 10_000_000, "99%"],
            [None, "JUMLAH", 3_000_000_000, 2_890_000_000, 110_000_000, "96,33%"],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert table.kind == "anggaran" and table.total == table.declared_total.value
    assert [(r.amount.value, r.extras) for r in table.records] == [
        (2_000_000_000, {"Realisasi": "1900000000", "Sisa": "100000000", "%": "95%"}),
        (1_000_000_000, {"Realisasi": "990000000", "Sisa": "10000000", "%": "99%"}),
    ]
    assert codes(report) == []


def test_an_lkj_realisasi_up_to_the_last_quarter_is_the_years(xlsx):
    path = xlsx(
        [
            [
                "No",
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Target",
                "Realisasi s.d. Triwulan IV",
                "% Capaian",
            ],
            [
                1,
                "Meningkatnya partisipasi",
                "Persentase partisipasi pemilih",
                "80%",
                "82%",
                "102,5%",
            ],
        ]
    )
    (report,) = check_files([path])
    (record,) = report.tables[0].records
    assert (record.target.value, record.realisasi.value, record.capaian.value) == (80, 82, 102.5)
    assert record.cells["realisasi"] == "E2" and record.extras == {}
    assert codes(report) == []


@pytest.mark.parametrize("mark", ["1.1", "1)", "(a)", "-", "•", "IKU 2:", "SS 1"])
def test_the_offices_numbering_before_an_indicator_does_not_hide_its_kind(xlsx, mark):
    """ "1) Persentase …" is still a percentage indicator: a grade as its target is an error,
    and it is the same indicator as another office's "Persentase …"."""
    path = xlsx([HEAD, [1, "Terwujudnya A", f"{mark} Persentase partisipasi pemilih", "BB"]])
    (report,) = check_files([path])
    assert codes(report) == [("target-unit-mismatch", "Lembar1", "D2")]
    from kinerja_xl.checking.matching import indicator_key

    record = report.tables[0].records[0]
    assert record.get("indikator") == f"{mark} Persentase partisipasi pemilih"  # as written
    assert indicator_key(record.get("indikator")) == "persentase partisipasi pemilih"


MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


def test_a_monthly_action_plan_has_its_months_as_a_second_header_line(xlsx):
    """ "Rencana Aksi Bulanan" merged over Jan … Des, the other headers merged down over both
    lines: the month line is the header's (it was read as a record whose target was
    'Target'), and every month's value stays beside the indicator."""
    path = xlsx(
        [
            ["RENCANA AKSI KPU KABUPATEN TANAH BUMBU TAHUN 2025"],
            [],
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Rencana Aksi Bulanan"],
            [None, None, None, None, *MONTHS],
            [1, "Terwujudnya A", "Persentase laporan tepat waktu", "100%", *["100%"] * 12],
        ],
        merges=["E3:P3", "A3:A4", "B3:B4", "C3:C4", "D3:D4"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    (record,) = table.records
    assert (record.get("indikator"), record.target.text) == (
        "Persentase laporan tepat waktu",
        "100%",
    )
    assert record.extras == dict.fromkeys(MONTHS, "100%")
    assert table.row_kinds["record"] == 1 and codes(report) == []


def test_a_header_line_of_unknown_words_under_merged_headers_is_never_a_record(xlsx):
    """ "Kuantitas | Kualitas" under "TARGET", the other headers merged down over both lines:
    whatever the words, the row is the header's (its indicator is the header's own cell)."""
    path = xlsx(
        [
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", None],
            [None, None, None, "Kuantitas", "Kualitas"],
            [1, "Terwujudnya A", "Persentase laporan tepat waktu", "100%", "Tepat waktu"],
        ],
        merges=["D1:E1", "A1:A2", "B1:B2", "C1:C2"],
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert [r.get("indikator") for r in table.records] == ["Persentase laporan tepat waktu"]
    (record,) = table.records
    assert record.get("satuan") is None and record.extras == {"Kualitas": "Tepat waktu"}
    assert table.row_kinds == {"header": 1, "record": 1}
    assert codes(report) == []


def test_one_sasaran_indikator_column_the_sasaran_heading_its_indicators(xlsx):
    """ "Sasaran Strategis / Indikator Kinerja" in one column: "1 | Meningkatnya …" without a
    target heads the indicators "a. | Persentase … | 80%" below it. An indicator whose target
    was forgotten is still an indicator, and reported."""
    path = xlsx(
        [
            ["No", "Sasaran Strategis / Indikator Kinerja", "Target"],
            ["1", "Meningkatnya kualitas penyelenggaraan pemilu", None],
            ["a.", "Persentase partisipasi pemilih", "80%"],
            ["b.", "Persentase TPS tepat waktu", None],
            ["2", "Terwujudnya akuntabilitas kinerja", None],
            ["a.", "Nilai SAKIP", "BB"],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert [(r.get("sasaran"), r.get("indikator")) for r in table.records] == [
        ("Meningkatnya kualitas penyelenggaraan pemilu", "Persentase partisipasi pemilih"),
        ("Meningkatnya kualitas penyelenggaraan pemilu", "Persentase TPS tepat waktu"),
        ("Terwujudnya akuntabilitas kinerja", "Nilai SAKIP"),
    ]
    assert table.row_kinds == {"group": 2, "record": 3}
    assert codes(report) == [("target-missing", "Lembar1", "C4")]


def test_tujuan_written_across_the_table_is_the_goal_of_the_rows_below(xlsx):
    path = xlsx(
        [
            HEAD,
            ["Tujuan 1: Mewujudkan penyelenggara pemilu yang berintegritas"],
            ["I", "Meningkatnya kualitas penyelenggaraan"],
            [1, None, "Persentase partisipasi pemilih", "77,5%"],
            ["TUJUAN 2 : Meningkatkan tata kelola organisasi"],
            ["II", "Terwujudnya tata kelola yang baik"],
            [1, None, "Nilai SAKIP", "BB"],
        ],
        merges=["A2:D2", "A5:D5"],
    )
    (report,) = check_files([path])
    assert rkt_rows(path) == [
        (
            "Mewujudkan penyelenggara pemilu yang berintegritas",
            "Meningkatnya kualitas penyelenggaraan",
            "Persentase partisipasi pemilih",
            "77,5%",
        ),
        (
            "Meningkatkan tata kelola organisasi",
            "Terwujudnya tata kelola yang baik",
            "Nilai SAKIP",
            "BB",
        ),
    ]
    assert report.issues == []


def test_sasaran_written_across_the_table_is_the_sasaran_of_the_rows_below(xlsx):
    path = xlsx(
        [
            HEAD,
            ["Sasaran Strategis 1: Meningkatnya kualitas penyelenggaraan"],
            [1, None, "Persentase partisipasi pemilih", "77,5%"],
            ["SASARAN 2 : Terwujudnya tata kelola"],
            [1, None, "Nilai SAKIP", "BB"],
        ],
        merges=["A2:D2", "A4:D4"],
    )
    (report,) = check_files([path])
    assert rkt_rows(path) == [
        (None, "Meningkatnya kualitas penyelenggaraan", "Persentase partisipasi pemilih", "77,5%"),
        (None, "Terwujudnya tata kelola", "Nilai SAKIP", "BB"),
    ]
    assert report.issues == []


def test_cell_split_by_a_page_break_is_joined_to_the_row_above(xlsx):
    path = xlsx(
        [
            HEAD,
            [
                None,
                "Terwujudnya koordinasi",
                "Persentase Pemilih yang Berhak Memilih Tetapi",
                "0,16%",
            ],
            HEAD,
            [None, "yang sesuai standar", "Tidak Masuk dalam Daftar Pemilih Tetap", None],
            [None, None, "Persentase c", "100%"],
        ]
    )
    assert rkt_rows(path) == [
        (
            None,
            "Terwujudnya koordinasi yang sesuai standar",
            "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih Tetap",
            "0,16%",
        ),
        (None, "Terwujudnya koordinasi yang sesuai standar", "Persentase c", "100%"),
    ]


def test_goal_rows_give_their_tujuan_and_a_goal_row_with_an_indicator_is_kept(xlsx):
    path = xlsx(
        [
            HEAD,
            ["1", "Mewujudkan KPU yang mandiri"],
            [None, "Terwujudnya A", "Persentase a", "90%"],
            ["2", "Mewujudkan Pemilu yang adil", "Persentase b", "100%"],
            [None, "Terwujudnya C", "Persentase c", "95%"],
        ],
        merges=["B2:D2"],
    )
    report = inspect_file(path)
    assert rkt_rows(path) == [
        ("Mewujudkan KPU yang mandiri", "Terwujudnya A", "Persentase a", "90%"),
        ("Mewujudkan Pemilu yang adil", None, "Persentase b", "100%"),
        ("Mewujudkan Pemilu yang adil", "Terwujudnya C", "Persentase c", "95%"),
    ]
    assert report.tables[0].row_kinds["group"] == 1
    assert report.tables[0].records[0].cells["tujuan"] == "B2"


def test_merged_sasaran_applies_to_every_indicator_under_it(xlsx):
    path = xlsx(
        [
            HEAD,
            ["1", "Terwujudnya A", "Persentase a", "90%"],
            [None, None, "Indeks b", 80],
            [None, None, "Nilai Akuntabilitas Kinerja", "B"],
            ["2", "Terwujudnya D", "Opini BPK", "WTP"],
        ],
        merges=["B2:B4", "A2:A4"],
    )
    report = inspect_file(path)
    assert rkt_rows(path) == [
        (None, "Terwujudnya A", "Persentase a", "90%"),
        (None, "Terwujudnya A", "Indeks b", "80"),
        (None, "Terwujudnya A", "Nilai Akuntabilitas Kinerja", "B"),
        (None, "Terwujudnya D", "Opini BPK", "WTP"),
    ]
    assert [r.cells["sasaran"] for r in report.tables[0].records] == ["B2", "B2", "B2", "B5"]


def test_sasaran_written_only_on_its_first_row(xlsx):
    path = xlsx(
        [
            ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target"],
            ["1.", "Terlaksananya A", "Persentase a", "100%"],
            [None, None, "Persentase b", "95%"],
            ["2.", "Terbentuknya B", "Persentase c", "100%"],
        ]
    )
    assert inspect_file(path).tables[0].kind == "rkt-sekretariat"
    assert rkt_rows(path) == [
        (None, "Terlaksananya A", "Persentase a", "100%"),
        (None, "Terlaksananya A", "Persentase b", "95%"),
        (None, "Terbentuknya B", "Persentase c", "100%"),
    ]


def test_percent_formatted_number_is_a_percentage(xlsx):
    path = xlsx(
        [HEAD, ["1", "S", "Persentase a", 0.9], ["", "", "Persentase b", 0.0016]],
        formats={"D2": "0%", "D3": "0.00%"},
    )
    targets = [r.target for r in inspect_file(path).tables[0].records]
    assert [(t.text, t.value, t.unit) for t in targets] == [
        ("90%", 90, "persen"),
        ("0,16%", 0.16, "persen"),
    ]


def test_iku_program_rows_and_split_last_column(xlsx):
    path = xlsx(
        [
            ["No.", "Uraian", "Cara Penghitungan", "Sumber Data"],
            ["1", "2", "3", "4"],
            ["PROGRAM PENYELENGGARAAN PEMILU [076.01.CQ]"],
            ["1.", "Jumlah dokumen a", "Menghitung a", "Data a"],
            ["PROGRAM DUKUNGAN MANAJEMEN [076.01.WA]"],
            [
                "1.",
                "Persentase b",
                "Menghitung b",
                "Data bersumber dari Divisi Perencanaan, Data, dan",
            ],
            [],
            [None, None, None, "Informasi KPU Kota Banjarbaru."],
        ],
        merges=["A3:D3", "A5:D5"],
    )
    report = inspect_file(path)
    rows = [
        (
            r.get("kode_program"),
            r.get("program"),
            r.get("indikator"),
            r.get("cara"),
            r.get("sumber"),
        )
        for r in report.tables[0].records
    ]
    assert rows == [
        (
            "076.01.CQ",
            "PROGRAM PENYELENGGARAAN PEMILU",
            "Jumlah dokumen a",
            "Menghitung a",
            "Data a",
        ),
        (
            "076.01.WA",
            "PROGRAM DUKUNGAN MANAJEMEN",
            "Persentase b",
            "Menghitung b",
            "Data bersumber dari Divisi Perencanaan, Data, dan Informasi KPU Kota Banjarbaru.",
        ),
    ]
    assert report.tables[0].row_kinds["continuation"] == 1


def test_anggaran_amounts_in_every_spelling_and_the_declared_total(tmp_path):
    import xlsxwriter

    path = tmp_path / "anggaran.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("Anggaran")
    rp = book.add_format({"num_format": '"Rp"#,##0'})
    ws.write_row(0, 0, ["No", "Program", "Anggaran"])
    ws.write_row(1, 0, ["1", "Program A", "Rp. 814.815.000,00"])
    ws.write_row(2, 0, ["2", "Program B", "Rp814.815.000"])
    ws.write_row(3, 0, ["3", "Program C", "814815000"])
    ws.write_row(4, 0, ["4", "Program D"])
    ws.write_number(4, 2, 1_000_000, rp)
    ws.write_row(5, 0, ["5", "Program E"])
    ws.write_formula(5, 2, "=C5*2", rp, 2_000_000)
    ws.write_row(6, 0, ["", "JUMLAH"])
    ws.write_formula(6, 2, "=SUM(C2:C6)", rp, 2_447_445_000)
    book.close()
    table = inspect_file(path).tables[0]
    amounts = [r.amount.value for r in table.records]
    assert amounts == [814_815_000, 814_815_000, 814_815_000, 1_000_000, 2_000_000]
    assert all(type(a) is int for a in amounts)
    assert table.total == 2_447_445_000 and type(table.total) is int
    assert (table.declared_total.value, table.declared_total_cell) == (2_447_445_000, "C7")
    assert table.rows == 5


def test_header_words_vary_and_extra_columns_are_kept(xlsx):
    path = xlsx(
        [
            ["No. ", "SASARAN\nSTRATEGIS ", "Indikator  Kinerja", "target", "Satuan", "Keterangan"],
            ["1", "S", "Persentase a", "90", "persen", "catatan"],
        ]
    )
    table = inspect_file(path).tables[0]
    assert table.kind == "rkt"
    record = table.records[0]
    assert record.get("satuan") == "persen"
    assert record.extras == {"Keterangan": "catatan"}


def test_table_beside_another_table(xlsx):
    path = xlsx(
        [
            [
                "No",
                "Sasaran Kegiatan",
                "Indikator Kinerja",
                "Target",
                None,
                "No",
                "Program",
                "Anggaran",
            ],
            ["1.", "Terlaksananya A", "Persentase a", "100%", None, "1", "Program A", 5_000],
            [None, None, "Persentase b", "90%", None, "2", "Program B", 7_000],
        ]
    )
    report = inspect_file(path)
    assert [(t.kind, t.first_col, t.last_col, t.rows) for t in report.tables] == [
        ("rkt-sekretariat", 1, 4, 2),
        ("anggaran", 6, 8, 2),
    ]
    assert report.tables[1].total == 12_000
    assert [r.cells["anggaran"] for r in report.tables[1].records] == ["H2", "H3"]


def test_table_found_wherever_it_starts(xlsx):
    path = xlsx(
        [
            [],
            [],
            [None, None, None, "No", "Program", "Anggaran"],
            [None, None, None, "1", "Program A", 1_000],
        ]
    )
    table = inspect_file(path).tables[0]
    assert (table.kind, table.header_row, table.first_col, table.records[0].cells["program"]) == (
        "anggaran",
        3,
        4,
        "E4",
    )


def test_a_row_that_cannot_be_placed_is_reported(xlsx):
    path = xlsx([HEAD, ["1", "S", "Persentase a", "90%"], ["lihat lampiran berikut"]])
    report = inspect_file(path)
    assert codes(report) == [("row-unplaced", "Lembar1", "A3")]
    assert report.tables[0].row_kinds["unplaced"] == 1


def test_footnotes_under_a_table_are_notes_not_records(xlsx):
    path = xlsx(
        [
            HEAD,
            ["1", "S", "Persentase a", "90%"],
            ["*) Keterangan: angka sementara"],
            ["Sumber: Sidalih"],
            ["Catatan: lihat lampiran"],
        ]
    )
    report = inspect_file(path)
    assert codes(report) == [] and report.tables[0].rows == 1
    assert report.tables[0].row_kinds["note"] == 3


def test_every_non_blank_row_is_accounted_for(xlsx):
    path = xlsx(
        [
            ["RENCANA KINERJA TAHUN 2024"],
            HEAD,
            ["(1)", "(2)", "(3)", "(4)"],
            ["1", "Mewujudkan X"],
            [None, "Terwujudnya A", "Persentase a", "90%"],
            [],
            HEAD,
            [None, None, "Persentase b", "80%"],
            ["Catatan"],
        ]
    )
    table = inspect_file(path).tables[0]
    assert dict(table.row_kinds) == {
        "numbering": 1,
        "group": 1,
        "record": 2,
        "blank": 1,
        "header-repeat": 1,
        "unplaced": 1,
    }


def test_no_table_anywhere(xlsx):
    report = inspect_file(xlsx([["Surat pengantar"], ["Dengan hormat, ..."]]))
    assert codes(report) == [("table-not-found", None, None)]


def test_reading_never_changes_the_workbook(xlsx):
    from conftest import digest

    path = xlsx([HEAD, ["1", "S", "Persentase a", "90%"]])
    before = digest(path)
    inspect_file(path)
    assert digest(path) == before


def test_targets_with_a_comparator_keep_their_text(xlsx):
    path = xlsx(
        [
            HEAD,
            ["1", "S", "Persentase a", "≥ 90%"],
            [None, None, "Indeks b", "minimal 80"],
            [None, None, "Persentase c", ">=0,16%"],
        ]
    )
    targets = [r.target for r in inspect_file(path).tables[0].records]
    assert [(t.text, t.value, t.unit) for t in targets] == [
        ("≥ 90%", 90, "persen"),
        ("minimal 80", 80, "angka"),
        (">=0,16%", 0.16, "persen"),
    ]


def test_budget_headers_in_other_words(xlsx):
    for header in (
        ["No", "Uraian", "Jumlah (Rp)"],
        ["NO", "PROGRAM/KEGIATAN", "NILAI (Rp)"],
        ["No.", "Kegiatan", "Pagu Anggaran (Rp.)"],
    ):
        table = inspect_file(
            xlsx([header, ["1", "Program A", 1_000], ["2", "Program B", 2_000]])
        ).tables[0]
        assert (table.kind, table.rows, table.total) == ("anggaran", 2, 3_000), header
        assert table.records[0].get("program") == "Program A"


def test_other_names_for_the_indicator_and_calculation_columns(xlsx):
    pk = inspect_file(
        xlsx(
            [
                ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target"],
                ["1", "Terwujudnya A", "Persentase a", "90%"],
            ]
        )
    ).tables[0]
    assert (pk.kind, pk.records[0].get("indikator")) == ("rkt", "Persentase a")
    iku = inspect_file(
        xlsx(
            [
                ["No", "Indikator Kinerja Utama", "Penjelasan / Formulasi", "Sumber Data"],
                ["1", "Persentase a", "a / b x 100%", "Laporan"],
            ]
        )
    ).tables[0]
    assert (iku.kind, iku.records[0].get("cara")) == ("iku", "a / b x 100%")


def test_a_cell_split_over_two_rows_mid_page_is_joined(xlsx):
    """PDF-to-Excel conversions split long cells over rows even away from page breaks."""
    path = xlsx(
        [
            HEAD,
            [
                None,
                "Terwujudnya koordinasi",
                "Persentase Pemilih yang Berhak Memilih Tetapi",
                "0,16%",
            ],
            [None, "yang sesuai standar", "Tidak Masuk dalam Daftar Pemilih Tetap", None],
            [
                None,
                None,
                "persentase pemilih muda",
                None,
            ],  # an indicator of its own: target missing
        ]
    )
    assert rkt_rows(path) == [
        (
            None,
            "Terwujudnya koordinasi yang sesuai standar",
            "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih Tetap",
            "0,16%",
        ),
        (None, "Terwujudnya koordinasi yang sesuai standar", "persentase pemilih muda", None),
    ]


def test_split_cells_in_iku_and_anggaran(xlsx):
    iku = inspect_file(
        xlsx(
            [
                ["No", "Uraian", "Cara Penghitungan", "Sumber Data"],
                [
                    "1.",
                    "Persentase terwujudnya data pemilih",
                    "Menghitung data yang",
                    "Data dari Divisi",
                ],
                [None, "secara berkelanjutan", "dimutakhirkan", None],
                ["2.", "Persentase SDM kompeten", "Menghitung SDM", "Data SDM"],
            ]
        )
    ).tables[0]
    assert [(r.get("indikator"), r.get("cara")) for r in iku.records] == [
        (
            "Persentase terwujudnya data pemilih secara berkelanjutan",
            "Menghitung data yang dimutakhirkan",
        ),
        ("Persentase SDM kompeten", "Menghitung SDM"),
    ]
    anggaran = inspect_file(
        xlsx(
            [
                ["No", "Program", "Anggaran"],
                ["1", "Pengucapan Sumpah Janji Presiden dan", 16_026_000],
                [None, "Wakil Presiden", None],
                ["2", "Penetapan Hasil Pemilu", 19_950_000],
            ]
        )
    ).tables[0]
    assert [r.get("program") for r in anggaran.records] == [
        "Pengucapan Sumpah Janji Presiden dan Wakil Presiden",
        "Penetapan Hasil Pemilu",
    ]


def test_a_budget_with_program_and_kegiatan_lines_is_not_counted_twice(xlsx):
    path = xlsx(
        [
            ["Kode", "Program / Kegiatan", "Anggaran"],
            ["076.01.WA", "Program Dukungan Manajemen", 3_000],
            ["4257", "Penyelenggaraan Administrasi", 1_000],
            ["4258", "Layanan Perkantoran", 2_000],
            ["076.01.CQ", "Program Penyelenggaraan Pemilu", 500],
            ["4259", "Pemungutan Suara", 500],
            [None, "JUMLAH", 3_500],
        ]
    )
    (report,) = check_files([path])
    table = report.tables[0]
    assert [(r.get("kode"), r.detail) for r in table.records] == [
        ("076.01.WA", False),
        ("4257", True),
        ("4258", True),
        ("076.01.CQ", False),
        ("4259", True),
    ]
    assert table.total == 3_500 and report.issues == []


def test_codes_that_do_not_add_up_stay_flat(xlsx):
    path = xlsx(
        [
            ["Kode", "Program", "Anggaran"],
            ["076.01.WA", "Program Dukungan Manajemen", 3_000],
            ["4257", "Penyelenggaraan Administrasi", 1_000],  # 1,000 is not 3,000: no hierarchy
        ]
    )
    table = inspect_file(path).tables[0]
    assert [r.detail for r in table.records] == [False, False] and table.total == 4_000


def test_namespace_prefixes_as_the_open_xml_sdk_writes_them(tmp_path):
    """<x:worksheet xmlns:x="…"><x:sheetData><x:row><x:c …>: the same workbook, read the same."""
    import re
    import zipfile

    from conftest import BANJARMASIN

    prefixed = tmp_path / "KPU Kota Banjarmasin - RKT 2024 (sdk).xlsx"
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    with zipfile.ZipFile(BANJARMASIN) as source, zipfile.ZipFile(prefixed, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if (
                item.filename.startswith("xl/")
                and item.filename.endswith(".xml")
                and (main.encode() in data)
            ):
                text = re.sub(r"<(/?)([A-Za-z]\w*)([\s>/])", r"<\1x:\2\3", data.decode())
                data = text.replace(main, main.replace("xmlns=", "xmlns:x=")).encode()
            target.writestr(item, data)
    with zipfile.ZipFile(prefixed) as package:
        assert b"<x:sheetData>" in package.read("xl/worksheets/sheet1.xml")
    (plain_report,) = check_files([BANJARMASIN])
    (prefixed_report,) = check_files([prefixed])
    assert sum(t.rows for t in plain_report.tables) > 30
    assert [r.to_dict(t.kind) for t in prefixed_report.tables for r in t.records] == [
        r.to_dict(t.kind) for t in plain_report.tables for r in t.records
    ]
    assert prefixed_report.issues == plain_report.issues


def test_percent_formatted_numbers_in_an_xls(tmp_path):
    """An .xls keeps number formats too: 0.9 shown as 90 % is a target of 90 %."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("RKT")
    for col, title in enumerate(HEAD):
        sheet.write(0, col, title)
    rows = [
        ("Persentase partisipasi pemilih", 0.9, "0%"),
        ("Persentase laporan tepat waktu", 0.0016, "0.00%"),
        ("Jumlah dokumen perencanaan", 5, "General"),
    ]
    for row, (indicator, target, number_format) in enumerate(rows, start=1):
        sheet.write(row, 0, row)
        sheet.write(row, 1, "Terwujudnya A")
        sheet.write(row, 2, indicator)
        sheet.write(row, 3, target, xlwt.easyxf(num_format_str=number_format))
    path = tmp_path / "RKT Tapin.xls"
    book.save(str(path))
    (report,) = check_files([path])
    assert [(r.target.text, r.target.value, r.target.unit) for r in report.tables[0].records] == [
        ("90%", 90, "persen"),
        ("0,16%", 0.16, "persen"),
        ("5", 5, "angka"),
    ]
    assert report.issues == []


def test_percentages_in_an_ods(tmp_path):
    """An .ods stores a percentage as value-type "percentage": 0.9 is a target of 90 %,
    counted through repeated (empty) rows and columns."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    def text_cell(text):
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=text))
        return cell

    doc = OpenDocumentSpreadsheet()
    table = Table(name="RKT")
    table.addElement(TableRow(numberrowsrepeated=2))  # two empty rows above the header
    header = TableRow()
    header.addElement(TableCell(numbercolumnsrepeated=2))  # the table starts in column C
    for title in HEAD:
        header.addElement(text_cell(title))
    table.addElement(header)
    for number, (indicator, value, kind) in enumerate(
        [("Persentase partisipasi pemilih", 0.9, "percentage"), ("Jumlah dokumen", 5, "float")],
        start=1,
    ):
        row = TableRow()
        row.addElement(TableCell(numbercolumnsrepeated=2))
        for text in (str(number), "Terwujudnya A", indicator):
            row.addElement(text_cell(text))
        row.addElement(TableCell(valuetype=kind, value=value))
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "RKT.ods"
    doc.save(str(path))
    (report,) = check_files([path])
    (table_read,) = report.tables
    assert table_read.header_row == 3
    assert [(r.target.text, r.target.value, r.target.unit) for r in table_read.records] == [
        ("90%", 90, "persen"),
        ("5", 5, "angka"),
    ]


def test_error_cells_in_an_xls_are_errors_not_blanks(tmp_path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("RKT")
    for col, title in enumerate(HEAD):
        sheet.write(0, col, title)
    sheet.write(1, 0, 1)
    sheet.write(1, 1, "Terwujudnya A")
    sheet.write(1, 2, "Persentase partisipasi pemilih")
    sheet.row(1).set_cell_error(3, "#REF!")
    path = tmp_path / "RKT Tapin.xls"
    book.save(str(path))
    (report,) = check_files([path])
    assert report.tables[0].records[0].target.problem == "error"
    assert codes(report) == [("target-unparseable", "RKT", "D2")]
    assert "#REF!" in report.issues[0].message()


def test_merged_cells_in_an_ods(tmp_path):
    """calamine gives no merges for .ods; content.xml does: "TARGET" spanned over the number
    and its unit, and a sasaran spanned down over two rows."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    def cell(value=None, **spans):
        if isinstance(value, int | float):
            made = TableCell(valuetype="float", value=value, **spans)
        else:
            made = TableCell(valuetype="string", **spans) if value else TableCell(**spans)
        if value is not None:
            made.addElement(P(text=str(value)))
        return made

    doc = OpenDocumentSpreadsheet()
    table = Table(name="RKT")
    rows = [
        [
            cell("NO"),
            cell("SASARAN STRATEGIS"),
            cell("INDIKATOR KINERJA"),
            cell("TARGET", numbercolumnsspanned=2),
            CoveredTableCell(),
        ],
        [
            cell("1"),
            cell("Terwujudnya A", numberrowsspanned=2),
            cell("Persentase partisipasi"),
            cell(77.5),
            cell("%"),
        ],
        [cell("2"), CoveredTableCell(), cell("Jumlah dokumen"), cell(5), cell("dokumen")],
    ]
    for values in rows:
        row = TableRow()
        for made in values:
            row.addElement(made)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "RKT.ods"
    doc.save(str(path))
    (report,) = check_files([path])
    (read,) = report.tables
    assert [
        (r.get("sasaran"), r.target.value, r.target.unit, r.get("satuan")) for r in read.records
    ] == [
        ("Terwujudnya A", 77.5, "persen", "%"),
        ("Terwujudnya A", 5, "angka", "dokumen"),
    ]
    from kinerja_xl.reading.read import open_workbook

    merges = {
        (m.min_row, m.min_col, m.max_row, m.max_col) for m in open_workbook(path).sheets[0].merges
    }
    assert merges == {(1, 4, 1, 5), (2, 2, 3, 2)}


@pytest.mark.parametrize(
    ("jumlah", "label_at"),
    [("2.064.815.000", 3), ("2.000.000.000", 3), ("2.064.815.000", 2), ("2.064.815.000", 0)],
)
def test_a_plan_with_its_budget_in_one_grid_and_jumlah_under_the_target(xlsx, jumlah, label_at):
    """ "… | Target | Program/Kegiatan | Anggaran (Rp)", the budget's JUMLAH label written in a
    plan column (Target, Indikator, No): a total row of the budget, never a plan record or a
    budget line."""
    total_row = [None] * 6
    total_row[label_at], total_row[5] = "JUMLAH", jumlah
    path = xlsx(
        [
            ["RENCANA KINERJA TAHUNAN KPU KABUPATEN TANAH LAUT TAHUN 2025"],
            [*HEAD, "Program/Kegiatan", "Anggaran (Rp)"],
            ["1", "Meningkatnya partisipasi", "Persentase Partisipasi Pemilih", "80%"]
            + ["Penyelenggaraan Pemilu", "Rp. 814.815.000,00"],
            [None, None, "Persentase pemilih pemula", "75%", None, None],
            ["2", "Terwujudnya tata kelola", "Nilai SAKIP", "BB"]
            + ["Dukungan Manajemen", "1.250.000.000"],
            total_row,
        ]
    )
    (report,) = check_files([path])
    plan, budget = report.tables
    assert (plan.kind, plan.rows, plan.row_kinds["total"]) == ("rkt", 3, 1)
    assert [r.amount.value for r in budget.records] == [814_815_000, 1_250_000_000]
    assert (budget.declared_total.value, budget.declared_total_cell) == (
        int(jumlah.replace(".", "")),
        "F6",
    )
    if jumlah == "2.064.815.000":
        assert report.issues == []
    else:
        assert codes(report) == [("budget-total-mismatch", "Lembar1", "F6")]


def test_side_by_side_budget_whose_jumlah_label_stands_left_of_it(xlsx):
    path = xlsx(
        [
            ["RENCANA KINERJA TAHUNAN KPU KABUPATEN BANJAR TAHUN 2025"],
            [*HEAD, None, "No", "Program", "Anggaran"],
            ["1", "Meningkatnya partisipasi", "Persentase Partisipasi Pemilih", "80%", None]
            + ["1", "Penyelenggaraan Pemilu", 814_815_000],
            [None, None, "Persentase pemilih pemula", "75%", None]
            + ["2", "Dukungan Manajemen", 1_250_000_000],
            [None, None, None, "JUMLAH", None, None, None, 2_000_000_000],
        ]
    )
    (report,) = check_files([path])
    plan, budget = report.tables
    assert (plan.kind, plan.rows, budget.kind, budget.rows) == ("rkt", 2, "anggaran", 2)
    assert budget.total == 2_064_815_000 and budget.declared_total.value == 2_000_000_000
    assert codes(report) == [("budget-total-mismatch", "Lembar1", "H5")]


@pytest.mark.parametrize(
    ("numbers", "names"),
    [
        # programs numbered 1, 2, their kegiatan a, b
        (
            ["1", "a", "b", "2", "a"],
            ["Dukungan Manajemen", "Keuangan", "Logistik", "Pemilu", "Sosialisasi"],
        ),
        # no numbers: each line says what it is
        (
            [None] * 5,
            ["Program Dukungan Manajemen", "Kegiatan Keuangan", "Kegiatan Logistik"]
            + ["Program Pemilu", "Kegiatan Sosialisasi"],
        ),
    ],
)
def test_a_budget_listing_each_program_then_its_kegiatan_counts_the_money_once(
    xlsx, numbers, names
):
    amounts = [1_000_000_000, 600_000_000, 400_000_000, 500_000_000, 500_000_000]
    path = xlsx(
        [
            ["RINCIAN ANGGARAN KPU KABUPATEN TAPIN TAHUN 2025"],
            ["No", "Program/Kegiatan", "Anggaran (Rp)"],
            *[[n, name, a] for n, name, a in zip(numbers, names, amounts, strict=True)],
            [None, "JUMLAH", 1_500_000_000],
        ]
    )
    (report,) = check_files([path])
    (budget,) = report.tables
    assert [r.detail for r in budget.records] == [False, True, True, False, True]
    assert budget.total == 1_500_000_000 and report.issues == []


def test_a_lettered_budget_that_does_not_add_up_stays_flat(xlsx):
    """A wrong guess must never hide money: when a program's amount is not the sum of its
    kegiatan, every line counts and the JUMLAH disagrees visibly."""
    path = xlsx(
        [
            ["RINCIAN ANGGARAN KPU KABUPATEN TAPIN TAHUN 2025"],
            ["No", "Program/Kegiatan", "Anggaran (Rp)"],
            ["1", "Dukungan Manajemen", 1_000_000_000],
            ["a", "Keuangan", 600_000_000],
            ["b", "Logistik", 300_000_000],
            [None, "JUMLAH", 1_000_000_000],
        ]
    )
    (report,) = check_files([path])
    (budget,) = report.tables
    assert [r.detail for r in budget.records] == [False, False, False]
    assert budget.total == 1_900_000_000
    assert codes(report) == [("budget-total-mismatch", "Lembar1", "C6")]


def test_an_indicator_that_begins_with_jumlah_is_an_indicator(xlsx):
    """ "Jumlah dokumen perencanaan" is an indicator; "JUMLAH" alone is a sum row, counted as
    such in the row accounting."""
    path = xlsx(
        [
            HEAD,
            ["1", "Terwujudnya tata kelola", "Jumlah dokumen perencanaan", 5],
            ["2", "Terwujudnya tata kelola", "Jumlah laporan kinerja", "4 laporan"],
            [None, None, "JUMLAH", 9],
        ]
    )
    assert rkt_rows(path) == [
        (None, "Terwujudnya tata kelola", "Jumlah dokumen perencanaan", "5"),
        (None, "Terwujudnya tata kelola", "Jumlah laporan kinerja", "4 laporan"),
    ]
    assert inspect_file(path).tables[0].row_kinds == {"record": 2, "total": 1}


@pytest.mark.parametrize(
    ("headers", "chosen"),
    [
        (["Pagu Awal (Rp)", "Pagu Revisi (Rp)"], "D"),
        (["Anggaran Setelah Revisi", "Anggaran Sebelum Revisi"], "C"),
        (["Pagu 2024", "Pagu 2025"], "D"),
    ],
)
def test_a_budget_beside_its_revision_reads_the_budget_as_it_stands(xlsx, headers, chosen):
    """Two amount columns, the original and its revision (or two years): one table, whose
    amount is the revised (or latest) column; the other is kept beside each line."""
    path = xlsx(
        [
            ["RINCIAN ANGGARAN KPU KABUPATEN TAPIN TAHUN 2025"],
            ["No", "Program", *headers],
            ["1", "Dukungan Manajemen", 1_000_000_000, 1_100_000_000],
            ["2", "Penyelenggaraan Pemilu", 500_000_000, 450_000_000],
            [None, "JUMLAH", 1_500_000_000, 1_550_000_000],
        ]
    )
    (report,) = check_files([path])
    (budget,) = report.tables
    column = ord(chosen) - ord("A") + 1
    assert budget.columns["anggaran"] == column
    first_amounts = {"C": 1_000_000_000, "D": 1_100_000_000}
    assert budget.records[0].amount.value == first_amounts[chosen]
    assert budget.records[0].cells["anggaran"] == f"{chosen}3"
    (kept,) = budget.records[0].extras  # the other column, beside the line
    assert kept in headers and kept != headers[column - 3]
    assert budget.declared_total.value == {"C": 1_500_000_000, "D": 1_550_000_000}[chosen]
    assert report.issues == []


def test_a_count_target_is_whole_and_a_decimal_comma_before_thousands_is_explained(xlsx):
    """'2,5 dokumen' is no count; '1,250 orang' is 1,25 people in Indonesian (the office meant
    1.250): both are out of range, and the message says what the comma means. A whole count,
    and a percentage under a Jumlah indicator (only a unit warning), are not."""
    path = xlsx(
        [
            HEAD,
            ["1", "Terwujudnya A", "Jumlah pemilih pemula yang disosialisasikan", "1,250 orang"],
            [None, None, "Jumlah dokumen laporan", "2,5 dokumen"],
            [None, None, "Jumlah kegiatan sosialisasi", "12 kegiatan"],
            [None, None, "Jumlah layanan tepat waktu", "100%"],
            [None, None, "Jumlah laporan keuangan", 4.0],
        ]
    )
    (report,) = check_files([path])
    assert [(i.code, i.cell) for i in report.issues] == [
        ("target-out-of-range", "D2"),
        ("target-out-of-range", "D3"),
        ("target-unit-mismatch", "D5"),
    ]
    comma, half = report.issues[0], report.issues[1]
    assert "Koma adalah tanda desimal" in comma.message("id")
    assert "1.250 or 1250" in comma.message("en")
    assert "Koma" not in half.message("id")


@pytest.mark.parametrize(
    "first_subtotal, expected",
    [("Rp 750.000.000", []), ("Rp 800.000.000", [("budget-total-mismatch", "C5")])],
)
def test_a_budgets_sub_jumlah_rows_are_no_lines_and_are_checked_against_theirs(
    xlsx, first_subtotal, expected
):
    """Programs as headings, their kegiatan, a "Sub Jumlah" under each and a JUMLAH TOTAL: the
    subtotals are not lines (the money counts once), and one that does not add up is said."""
    path = xlsx(
        [
            ["No", "Program/Kegiatan", "Anggaran (Rp)"],
            ["I", "Program Dukungan Manajemen", None],
            ["1", "Layanan Perkantoran", "Rp 500.000.000"],
            ["2", "Layanan Sarana dan Prasarana", "Rp 250.000.000"],
            [None, "Sub Jumlah", first_subtotal],
            ["II", "Program Penyelenggaraan Pemilu", None],
            ["1", "Fasilitasi Tahapan", "Rp 100.000.000"],
            [None, "Sub Total", "Rp 100.000.000"],
            [None, "JUMLAH TOTAL", "Rp 850.000.000"],
        ]
    )
    (report,) = check_files([path])
    (table,) = report.tables
    assert (table.rows, table.total, table.row_kinds["subtotal"]) == (3, 850_000_000, 2)
    assert [(i.code, i.cell) for i in report.issues] == expected
    if expected:
        assert "Rp750.000.000" in report.issues[0].message("en")
