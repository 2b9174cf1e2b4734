"""`consolidate`: the provincial workbook keeps every row once, with a way back to its cell."""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest
from conftest import BANJARBARU, BANJARMASIN, SAMPLES, build_xlsx, digest
from typer.testing import CliRunner

from kinerja_xl import provincial
from kinerja_xl.cli import app
from kinerja_xl.knowledge.registry import load_registry
from kinerja_xl.layouts.normalise import clean_text
from kinerja_xl.pipeline import check_files, inspect_file
from kinerja_xl.provincial.consolidation import consolidate
from kinerja_xl.reading.read import open_workbook

runner = CliRunner()
SHEETS = ["Ringkasan", "RKT", "IKU", "Anggaran", "Rekap Anggaran", "Perbandingan Target", "Masalah"]


def run(*args):
    return runner.invoke(app, ["consolidate", *map(str, args), "--quiet"])


def data_rows(book, name):
    sheet = book[name]
    header = [c.value for c in sheet[1]]
    return [
        dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]


@pytest.fixture(scope="module")
def provincial_book(tmp_path_factory, kalsel):
    out = tmp_path_factory.mktemp("prov") / "Konsolidasi.xlsx"
    result = run(kalsel, "-o", out, "--province", "Kalimantan Selatan")
    return result, out, openpyxl.load_workbook(out)


def test_sheets_in_contract_order_and_exit_code(provincial_book):
    result, _out, book = provincial_book
    assert result.exit_code == 2  # the faulty folder holds an unreadable file
    # the contract's seven in their relative order; Status Kiriman is an addition, and so is
    # Capaian, because the samples hold an LKj (Tapin)
    assert [name for name in book.sheetnames if name in SHEETS] == SHEETS
    assert book.sheetnames == [
        SHEETS[0],
        "Status Kiriman",
        *SHEETS[1:-1],
        "Capaian",
        SHEETS[-1],
        "Data Grafik",  # hidden: the numbers of Rekap Anggaran's chart
    ]
    assert book["Data Grafik"].sheet_state == "hidden"
    for name in book.sheetnames:
        assert book[name].freeze_panes == "A2" and book[name].auto_filter.ref


def test_each_data_sheet_has_exactly_the_rows_inspect_reads(provincial_book, kalsel):
    _result, _out, book = provincial_book
    reports = [
        inspect_file(p) for p in sorted(kalsel.rglob("*")) if p.suffix in (".xlsx", ".xls", ".ods")
    ]
    expected = {"RKT": ("rkt", "rkt-sekretariat"), "IKU": ("iku",), "Anggaran": ("anggaran",)}
    for sheet, kinds in expected.items():
        assert len(data_rows(book, sheet)) == sum(
            t.rows for r in reports for t in r.tables if t.kind in kinds
        )
    # 72 plan rows of RKTs, and the PK (4), Rencana Aksi (5) and LKj (7) of the SAKIP samples
    assert len(data_rows(book, "RKT")) == 72 + 4 + 5 + 7


def test_printed_counts_match(provincial_book):
    result, _out, _book = provincial_book
    assert (
        "Indikator kinerja (RKT 72, PK 4, Rencana Aksi 5, LKj 7): dibaca 88, ditulis 88, disisihkan (duplikat) 0"
        in result.stdout
    )
    assert "Indikator IKU: dibaca 18, ditulis 18" in result.stdout
    assert "Baris anggaran: dibaca 29, ditulis 29" in result.stdout


def test_rekap_totals_equal_the_per_file_budget_totals(provincial_book, kalsel):
    _result, _out, book = provincial_book
    per_office: dict[str, int] = defaultdict(int)
    faulty: set[str] = set()
    for report in check_files(
        sorted(p for p in kalsel.rglob("*") if p.suffix in (".xlsx", ".xls", ".ods"))
    ):
        for table in report.tables_of("anggaran"):
            per_office[report.office] += table.total
            if any(i.sheet == table.sheet and i.severity == "error" for i in report.issues):
                faulty.add(report.office)
    assert faulty == {"KPU Kabupaten Kotabaru", "KPU Kabupaten Balangan"}
    rows = data_rows(book, "Rekap Anggaran")
    total_row = rows[-1]
    assert total_row["Program"] == "Total"
    clean = {o: v for o, v in per_office.items() if o not in faulty}
    assert {k: v for k, v in total_row.items() if k in clean} == clean
    for office in faulty:  # an incomplete total is words on a red fill, never a number
        assert isinstance(total_row[office], str) and "belum lengkap" in total_row[office]
    assert isinstance(total_row["Total"], str) and "belum lengkap" in total_row["Total"]
    for row in rows[:-1]:
        numbers = [v for k, v in row.items() if k not in ("Program", "Total") and v]
        if all(isinstance(v, int) for v in numbers):  # a heading of kegiatan has none
            assert row["Total"] == (sum(numbers) if numbers else None)
        else:  # an office's line could not be read: the program's total says so
            assert isinstance(row["Total"], str)
    amounts = [c for r in book["Rekap Anggaran"].iter_rows(min_row=2) for c in r[1:]]
    assert {c.number_format for c in amounts if isinstance(c.value, int)} == {'"Rp"#,##0'}
    assert book["Rekap Anggaran"]._charts  # the budget-per-office chart


def test_every_row_points_at_its_source_cell(provincial_book, kalsel):
    _result, _out, book = provincial_book
    grids: dict[str, object] = {}
    flagged = {(r["Berkas"], r["Lembar"], r["Sel"]) for r in data_rows(book, "Masalah")}
    checked = 0
    for sheet, field in (("RKT", "Indikator"), ("IKU", "Indikator"), ("Anggaran", "Program")):
        for row in data_rows(book, sheet):
            path = kalsel / row["Berkas"]
            grid = grids.setdefault(row["Berkas"], open_workbook(path))
            source = next(s for s in grid.sheets if s.name == row["Lembar"])
            from kinerja_xl.reading.grid import parse_a1

            cell = source.get(*parse_a1(row["Sel"]))
            if row["Status"] != "OK":  # Sel points at the wrong value's cell (issue 25)
                assert (row["Berkas"], row["Lembar"], row["Sel"]) in flagged, row
                checked += 1
                continue
            if cell is None:
                assert row[field] is None
            else:
                assert clean_text(row[field]).startswith(clean_text(cell.value))
            checked += 1
    assert checked == 88 + 18 + 29


def test_rkt_values_and_formats(provincial_book):
    _result, _out, book = provincial_book
    rows = data_rows(book, "RKT")
    row = next(r for r in rows if r["Target"] == "0,16%")
    assert (row["Satker"], row["Nilai"], row["Satuan"], row["Lembar"]) == (
        "KPU Kota Banjarmasin",
        pytest.approx(0.0016),
        "persen",
        "RKT KPU",
    )
    sheet = book["RKT"]
    index = rows.index(row) + 2
    assert sheet.cell(row=index, column=8).number_format == "0.00%"  # shows 0.16%
    ninety = next(i for i, r in enumerate(rows, start=2) if r["Target"] == "90%")
    assert (
        sheet.cell(row=ninety, column=8).value,
        sheet.cell(row=ninety, column=8).number_format,
    ) == (pytest.approx(0.9), "0%")  # shows 90%


def test_ringkasan_lists_every_file_and_the_missing_offices(provincial_book):
    _result, _out, book = provincial_book
    rows = data_rows(book, "Ringkasan")
    files = [r["Berkas"] for r in rows if r["No"] is not None]
    assert len(files) == 14
    unreadable = next(
        r for r in rows if r["Berkas"] == "faulty/KPU Kabupaten Barito Kuala - RKT 2024.xlsx"
    )
    assert unreadable["Status"] == "Tidak terbaca" and "CSV" in unreadable["Keterangan"]
    statuses = {r["Satker"]: r["Status"] for r in rows if r["No"] is not None}
    assert statuses["KPU Kota Banjarmasin"] == "Siap"
    assert statuses["KPU Kabupaten Kotabaru"] == "Perlu perbaikan"
    kotabaru = next(r for r in rows if r["Satker"] == "KPU Kabupaten Kotabaru")
    assert (
        "5 kesalahan" in kotabaru["Keterangan"]
        and "target di luar rentang (1)" in (kotabaru["Keterangan"])
    )
    status = {r["Satker"]: r for r in data_rows(book, "Status Kiriman")[:14]}
    registry = load_registry()
    kalsel = registry.offices_of(registry.province("Kalimantan Selatan"))
    # the KPU Provinsi first, then its 13 kabupaten and kota in code order
    assert list(status) == [o.label for o in kalsel]
    assert list(status)[0] == "KPU Provinsi Kalimantan Selatan"
    documents = ("RKT KPU", "RKT Sekretariat", "IKU", "Anggaran")
    assert [status["KPU Kota Banjarbaru"][d] for d in documents] == [
        "Belum mengirim",
        "Belum mengirim",
        "Siap",
        "Belum mengirim",
    ]
    # Hulu Sungai Tengah sent a PK with its budget: not its RKT, and said so (issue 25)
    assert [status["KPU Kabupaten Hulu Sungai Tengah"][d] for d in documents] == [
        "PK (bukan RKT)",
        "Belum mengirim",
        "Belum mengirim",
        "Anggaran dalam PK",
    ]
    # Tanah Laut sent its secretariat's RKT, IKU and budget, but not the commission's RKT
    assert [status["KPU Kabupaten Tanah Laut"][d] for d in documents] == [
        "Belum mengirim",
        "Siap",
        "Siap",
        "Siap",
    ]
    # Tapin's LKj has no column of its own; what is wrong in it is still said
    assert (
        status["KPU Kabupaten Tapin"]["Keterangan"] == "LKj KPU: target berbeda antar dokumen (1)"
    )
    assert status["KPU Kabupaten Kotabaru"]["RKT KPU"] == "Perlu perbaikan"
    assert status["KPU Kabupaten Barito Kuala"]["IKU"] == "Tidak terbaca"


def test_masalah_lists_every_issue(provincial_book, kalsel):
    _result, _out, book = provincial_book
    reports = check_files(
        sorted(p for p in kalsel.rglob("*") if p.suffix in (".xlsx", ".xls", ".ods"))
    )
    rows = data_rows(book, "Masalah")
    assert len(rows) == sum(len(r.issues) for r in reports)
    assert {"Satker", "Berkas", "Lembar", "Sel", "Tingkat", "Kode", "Pesan"} <= set(rows[0])


def test_perbandingan_target_matches_across_office_names_and_highlights(tmp_path):
    def plan(office, target):
        return build_xlsx(
            tmp_path / f"{office}.xlsx",
            {
                "RKT": [
                    [f"KOMISI PEMILIHAN UMUM {office.upper()}"],
                    ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                    [
                        "1",
                        "Terwujudnya Pemilu",
                        f"Persentase KPU {office} yang menyelenggarakan Pemilu sesuai jadwal",
                        target,
                    ],
                ]
            },
        )

    (
        plan("Kota Banjarmasin", "100%"),
        plan("Kabupaten Tapin", "100 %"),
        plan("Kabupaten Balangan", "90%"),
    )
    out = tmp_path / "out.xlsx"
    assert run(tmp_path, "-o", out).exit_code == 0
    book = openpyxl.load_workbook(out)
    rows = data_rows(book, "Perbandingan Target")
    assert len(rows) == 1
    assert rows[0]["Target umum"] in ("100%", "100 %")
    header = [c.value for c in book["Perbandingan Target"][1]]
    balangan = book["Perbandingan Target"].cell(
        row=2, column=header.index("KPU Kabupaten Balangan") + 1
    )
    tapin = book["Perbandingan Target"].cell(row=2, column=header.index("KPU Kabupaten Tapin") + 1)
    assert balangan.value == "90%" and balangan.fill.fgColor.rgb.endswith("FFEB9C")
    assert tapin.value == "100 %" and tapin.fill.fill_type is None


RISKY = ['=HYPERLINK("x","y")', "=1+1", "+62 511", "-", "@SUM(A1)"]


def test_office_text_that_looks_like_a_formula_stays_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rkt = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]]
    rkt += [["1", text, f"Persentase {i}", text] for i, text in enumerate(RISKY)]
    rkt += [[None, None, text, "90%"] for text in RISKY]
    anggaran = [["No", "Program", "Anggaran"]] + [[str(i), t, 1000] for i, t in enumerate(RISKY, 1)]
    iku = [["No", "Uraian", "Cara Penghitungan", "Sumber Data"]]
    iku += [[f"{i}.", t, t, t] for i, t in enumerate(RISKY, 1)]
    path = folder / "KPU Kota Banjarmasin - injeksi.xlsx"
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in (("RKT", rkt), ("Anggaran", anggaran), ("IKU", iku)):
        sheet = book.create_sheet(name)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    cell = sheet.cell(row=r, column=c, value=value)
                    if isinstance(value, str):
                        cell.data_type = "s"  # typed as text by the office
    book.save(path)
    out = tmp_path / "out.xlsx"
    result = run(folder, "-o", out)
    assert result.exit_code in (0, 1)
    written = openpyxl.load_workbook(out)
    seen = defaultdict(set)
    for sheet in written.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in RISKY:
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    seen[sheet.title].add(cell.value)
    for name in ("RKT", "IKU", "Anggaran", "Rekap Anggaran"):
        assert seen[name] == set(RISKY), name


def test_one_unreadable_input_still_writes_the_workbook(tmp_path):
    broken = tmp_path / "KPU Kabupaten Tapin - RKT 2024.xlsx"
    broken.write_bytes(b"")
    shutil.copy(BANJARMASIN, tmp_path)
    out = tmp_path / "hasil" / "prov.xlsx"
    out.parent.mkdir()
    result = run(tmp_path, "-o", out)
    assert result.exit_code == 2
    rows = data_rows(openpyxl.load_workbook(out), "Ringkasan")
    entry = next(r for r in rows if r["Berkas"] == broken.name)
    assert entry["Status"] == "Tidak terbaca" and entry["Satker"] == "KPU Kabupaten Tapin"
    assert "kosong" in entry["Keterangan"]


def test_duplicate_submission_uses_the_newest_file(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    old = inbox / "Banjarmasin RKT (lama).xlsx"
    new = inbox / "Banjarmasin RKT (perbaikan).xlsx"
    shutil.copy(BANJARMASIN, old)
    shutil.copy(BANJARMASIN, new)
    os.utime(old, (1_700_000_000, 1_700_000_000))
    out = tmp_path / "out.xlsx"
    result = run(inbox, "-o", out)
    assert result.exit_code == 0
    assert (
        "Indikator kinerja (RKT 62): dibaca 62, ditulis 31, disisihkan (duplikat) 31"
        in result.stdout
    )
    book = openpyxl.load_workbook(out)
    assert {r["Berkas"] for r in data_rows(book, "RKT")} == {new.name}
    assert data_rows(book, "Rekap Anggaran")[-1]["Total"] == 43_484_684_000
    summary = {r["Berkas"]: r for r in data_rows(book, "Ringkasan") if r["No"]}
    assert summary[old.name]["Status"] == "Digantikan"
    assert new.name in summary[old.name]["Keterangan"]
    issues = [
        (r["Berkas"], r["Kode"], r["Lembar"])
        for r in data_rows(book, "Masalah")
        if r["Kode"] == "duplicate-submission"
    ]
    assert issues == [
        (old.name, "duplicate-submission", s) for s in ("RKT KPU", "RKT Sekretariat", "Anggaran")
    ]

    result = run(inbox, "-o", out, "--keep-all")
    assert (
        "Indikator kinerja (RKT 62): dibaca 62, ditulis 62, disisihkan (duplikat) 0"
        in result.stdout
    )
    assert (
        data_rows(openpyxl.load_workbook(out), "Rekap Anggaran")[-1]["Total"] == 2 * 43_484_684_000
    )


def test_missing_offices_from_the_library():
    reports = check_files([BANJARMASIN, BANJARBARU])
    result = consolidate(reports, province="Kalimantan Selatan")
    missing = {office.label: docs for office, docs in result.missing}
    assert len(missing) == 14  # the KPU Provinsi and its 13 offices
    assert missing["KPU Kota Banjarmasin"] == ["IKU"]
    assert missing["KPU Kota Banjarbaru"] == ["RKT KPU", "RKT Sekretariat", "Anggaran"]


def test_refuses_an_output_that_is_an_input(tmp_path):
    target = tmp_path / "a.xlsx"
    shutil.copy(BANJARMASIN, target)
    before = digest(target)
    result = run(tmp_path, "-o", target)
    assert result.exit_code == 2 and "masukan" in result.stderr
    assert digest(target) == before


def test_output_folder_that_does_not_exist(tmp_path):
    result = run(BANJARMASIN, "-o", tmp_path / "tidak-ada" / "out.xlsx")
    assert result.exit_code == 2
    assert "tidak ada" in result.stderr


def test_a_failure_mid_write_leaves_no_partial_output(tmp_path, monkeypatch):
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"previous output")

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setitem(provincial.SHEET_WRITERS, "Masalah", explode)
    with pytest.raises(RuntimeError):
        provincial.write_consolidated(consolidate(check_files([BANJARMASIN])), out)
    assert out.read_bytes() == b"previous output"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_inputs_are_never_modified(tmp_path):
    before = {p: digest(p) for p in SAMPLES.rglob("*") if p.is_file()}
    run(SAMPLES, "-o", tmp_path / "out.xlsx")
    assert {p: digest(p) for p in SAMPLES.rglob("*") if p.is_file()} == before
    assert not list(Path(SAMPLES).rglob(".~kinerja-*"))


def test_rules_that_cannot_be_read_give_a_clear_answer(tmp_path):
    result = run(BANJARMASIN, "-o", tmp_path / "o.xlsx", "--schemas", tmp_path / "tidak-ada")
    assert result.exit_code == 2
    assert "aturan" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "o.xlsx").exists()


def test_a_file_of_another_year_is_flagged_in_ringkasan(tmp_path):
    out = tmp_path / "o.xlsx"
    assert run(BANJARMASIN, "-o", out, "--year", "2025").exit_code == 0
    (row,) = [r for r in data_rows(openpyxl.load_workbook(out), "Ringkasan") if r["No"]]
    assert row["Tahun"] == 2024
    assert row["Keterangan"].startswith("Tahun di berkas 2024, bukan 2025. 2 peringatan:")


def test_detail_budget_lines_are_written_once_and_not_added_twice(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    build_xlsx(
        folder / "KPU Kabupaten Tapin - Anggaran.xlsx",
        {
            "Anggaran": [
                ["Kode", "Program / Kegiatan", "Anggaran"],
                ["076.01.WA", "Program Dukungan Manajemen", 3_000],
                ["4257", "Penyelenggaraan Administrasi", 1_000],
                ["4258", "Layanan Perkantoran", 2_000],
            ]
        },
    )
    out = tmp_path / "o.xlsx"
    assert run(folder, "-o", out).exit_code == 0
    book = openpyxl.load_workbook(out)
    lines = data_rows(book, "Anggaran")
    assert [(r["Program"], r["Anggaran"], r["Rincian"]) for r in lines] == [
        ("Program Dukungan Manajemen", 3_000, None),
        ("Penyelenggaraan Administrasi", 1_000, "rincian"),
        ("Layanan Perkantoran", 2_000, "rincian"),
    ]
    assert data_rows(book, "Rekap Anggaran")[-1]["Total"] == 3_000


def test_a_program_numbered_or_named_program_is_one_row_of_the_recap(tmp_path):
    """ "1. Program Dukungan Manajemen" in one office, "Dukungan Manajemen" or "Program Dukungan
    Manajemen (076.01.WA)" in another: one program of the province, one row of Rekap Anggaran."""
    folder = tmp_path / "in"
    folder.mkdir()
    for office, names in [
        ("Tapin", ["1. Program Dukungan Manajemen", "2. Program Penyelenggaraan Pemilu"]),
        ("Banjar", ["Dukungan Manajemen", "Penyelenggaraan Pemilu"]),
        ("Balangan", ["a) Dukungan Manajemen", "b) Kegiatan Penyelenggaraan Pemilu"]),
        (
            "Tabalong",
            ["Program Dukungan Manajemen (076.01.WA)", "076.01.CQ Penyelenggaraan Pemilu"],
        ),
    ]:
        build_xlsx(
            folder / f"KPU Kabupaten {office} - Anggaran 2024.xlsx",
            {
                "Anggaran": [
                    [f"RINCIAN ANGGARAN KPU KABUPATEN {office.upper()} TAHUN 2024"],
                    ["Program", "Anggaran"],
                    [names[0], 1_000],
                    [names[1], 500],
                ]
            },
        )
    out = tmp_path / "o.xlsx"
    assert run(folder, "-o", out).exit_code == 0
    recap = data_rows(openpyxl.load_workbook(out), "Rekap Anggaran")
    assert len(recap) == 3  # two programs and the total
    assert [r["Total"] for r in recap] == [4_000, 2_000, 6_000]
    offices = [f"KPU Kabupaten {o}" for o in ("Balangan", "Banjar", "Tabalong", "Tapin")]
    assert [recap[0][o] for o in offices] == [1_000] * 4
    assert [recap[1][o] for o in offices] == [500] * 4


def test_our_own_outputs_in_the_inbox_are_not_read_as_submissions(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox)
    assert runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox)]).exit_code == 0
    assert run(inbox, "-o", inbox / "Konsolidasi lama.xlsx").exit_code == 0
    out = tmp_path / "baru.xlsx"
    result = run(inbox, "-o", out)
    assert result.exit_code == 0
    # an earlier provincial workbook is read back (the national roll-up), and its rows of the
    # office whose own file is here are that one submission: set aside, never counted twice
    assert (
        "Indikator kinerja (RKT 62): dibaca 62, ditulis 31, disisihkan (duplikat) 31"
        in result.stdout
    )
    book = openpyxl.load_workbook(out)
    assert {r["Berkas"] for r in data_rows(book, "RKT")} == {BANJARMASIN.name}
    assert len(data_rows(book, "RKT")) == 31
    issues = {(r["Berkas"], r["Kode"]) for r in data_rows(book, "Masalah")}
    assert ("KPU Kota Banjarmasin - RKT 2024 (diperiksa).xlsx", "generated-file") in issues


def test_an_iku_with_targets_shows_them_in_the_iku_sheet_the_invalid_one_on_red(tmp_path):
    from test_reader_quirks import IKU_WITH_TARGETS

    folder = tmp_path / "in"
    folder.mkdir()
    build_xlsx(folder / "KPU Kabupaten Tabalong - IKU 2025.xlsx", {"IKU": IKU_WITH_TARGETS})
    out = tmp_path / "out.xlsx"
    assert run(folder, "-o", out).exit_code == 1  # errors found, the workbook written
    book = openpyxl.load_workbook(out)
    rows = data_rows(book, "IKU")
    assert [(r["Indikator"], r["Target"], r["Satuan"]) for r in rows] == [
        ("Persentase partisipasi pemilih", "80", "persen"),
        ("Jumlah dokumen perencanaan", "3", "dokumen"),
        ("Persentase pemutakhiran data", "150", "persen"),
        ("Opini BPK atas laporan keuangan", "XYZ", "opini"),
        ("Jumlah laporan kinerja", "-5", "laporan"),
    ]
    header = [c.value for c in book["IKU"][1]]
    target_column = header.index("Target")
    fills = [row[target_column].fill.fgColor.rgb for row in book["IKU"].iter_rows(min_row=2)]
    assert [rgb.endswith("FFC7CE") for rgb in fills] == [False, False, True, True, True]
    assert [r["Sel"] for r in rows][2] == "D6"  # the invalid target's cell, not the row's


def _plan(year, target, office="TAPIN"):
    return [
        [f"RENCANA KINERJA TAHUNAN TAHUN {year}"],
        [f"KPU KABUPATEN {office}"],
        [],
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        [1, "Meningkatnya partisipasi", "Persentase partisipasi pemilih", target],
    ]


def test_a_workbook_with_a_sheet_per_year_keeps_each_sheets_year(tmp_path):
    """ "RKT 2024" and "RKT 2025" sheets in one workbook: each plan is its own year's, in the
    report and in the provincial workbook; compared offices speak with the year asked."""
    folder = tmp_path / "in"
    folder.mkdir()
    tapin = build_xlsx(
        folder / "KPU Kabupaten Tapin - RKT.xlsx",
        {"RKT 2024": _plan(2024, "75%"), "RKT 2025": _plan(2025, "80%")},
    )
    build_xlsx(
        folder / "KPU Kabupaten Tabalong - RKT 2025.xlsx", {"RKT": _plan(2025, "80%", "TABALONG")}
    )
    (report,) = check_files([tapin])
    assert report.year == 2024
    assert [(t.sheet, t.year, report.year_of(t)) for t in report.tables] == [
        ("RKT 2024", None, 2024),
        ("RKT 2025", 2025, 2025),
    ]
    assert report.to_dict()["tables"][1]["year"] == 2025
    out = tmp_path / "out.xlsx"
    assert run(folder, "-o", out, "--year", "2025").exit_code == 0
    book = openpyxl.load_workbook(out)
    rows = data_rows(book, "RKT")
    assert [(r["Satker"], r["Tahun"], r["Target"], r["Lembar"]) for r in rows] == [
        ("KPU Kabupaten Tabalong", 2025, "80%", "RKT"),
        ("KPU Kabupaten Tapin", 2024, "75%", "RKT 2024"),
        ("KPU Kabupaten Tapin", 2025, "80%", "RKT 2025"),
    ]
    (shared,) = data_rows(book, "Perbandingan Target")
    assert shared["Target umum"] == "80%"  # Tapin's 2025 plan, not its 2024 one
    assert shared["KPU Kabupaten Tapin"] == "80%"


def test_a_plan_signed_the_year_before_is_still_the_plans_year(tmp_path):
    path = build_xlsx(
        tmp_path / "KPU Kota Banjarmasin - RKT 2025.xlsx",
        {
            "RKT": _plan(2025, "80%", "BANJARMASIN"),
            "Anggaran": [
                ["No", "Program", "Anggaran"],
                [1, "Program Dukungan Manajemen", 1_000_000],
                [],
                [None, "Banjarmasin, 28 Desember 2024"],
                [None, "KETUA KPU KOTA BANJARMASIN"],
            ],
        },
    )
    (report,) = check_files([path])
    assert report.year == 2025 and [t.year for t in report.tables] == [None, None]


def test_last_years_plan_beside_this_years_is_not_a_duplicate(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    this_year = build_xlsx(
        folder / "KPU Kabupaten Tapin - RKT 2025.xlsx", {"RKT": _plan(2025, "80%")}
    )
    last_year = build_xlsx(
        folder / "KPU Kabupaten Tapin - RKT 2024.xlsx", {"RKT": _plan(2024, "75%")}
    )
    os.utime(this_year, (1_700_000_000, 1_700_000_000))  # last year's file saved later
    os.utime(last_year, (1_800_000_000, 1_800_000_000))
    out = tmp_path / "out.xlsx"
    result = run(folder, "-o", out)
    assert result.exit_code == 0
    assert (
        "Indikator kinerja (RKT 2): dibaca 2, ditulis 2, disisihkan (duplikat) 0" in result.stdout
    )
    rows = data_rows(openpyxl.load_workbook(out), "RKT")
    assert sorted((r["Tahun"], r["Target"]) for r in rows) == [(2024, "75%"), (2025, "80%")]


def test_a_template_copied_from_another_office_is_said_and_never_set_aside(tmp_path):
    """Tabalong fills in Tapin's workbook and leaves its title "KPU KABUPATEN TAPIN": the file
    must not be set aside as a second copy of Tapin's own plan (it was: Tabalong's plan was
    gone from the provincial workbook), and both the check and Ringkasan say what is odd."""
    folder = tmp_path / "in"
    folder.mkdir()
    tapin = build_xlsx(folder / "KPU Kabupaten Tapin - RKT 2025.xlsx", {"RKT": _plan(2025, "80%")})
    build_xlsx(folder / "KPU Kabupaten Tabalong - RKT 2025.xlsx", {"RKT": _plan(2025, "77%")})
    os.utime(tapin, (1_800_000_000, 1_800_000_000))  # Tapin's own file is the newer
    result = runner.invoke(app, ["check", str(folder)])
    assert (
        "KPU Kabupaten Tabalong - RKT 2025.xlsx  (KPU Kabupaten Tapin, 2025; nama berkas menyebut"
        " KPU Kabupaten Tabalong: periksa judul atau nama berkasnya)" in result.stdout
    )
    out = tmp_path / "out.xlsx"
    result = run(folder, "-o", out)
    assert (
        "Indikator kinerja (RKT 2): dibaca 2, ditulis 2, disisihkan (duplikat) 0" in result.stdout
    )
    book = openpyxl.load_workbook(out)
    assert sorted(r["Target"] for r in data_rows(book, "RKT")) == ["77%", "80%"]
    notes = {r["Berkas"]: r["Keterangan"] for r in data_rows(book, "Ringkasan")}
    assert notes["KPU Kabupaten Tabalong - RKT 2025.xlsx"] == (
        "Judul menyebut KPU Kabupaten Tapin, nama berkas menyebut KPU Kabupaten Tabalong."
    )
    assert notes["KPU Kabupaten Tapin - RKT 2025.xlsx"] is None


def test_the_revision_a_file_name_states_beats_the_modification_time(tmp_path):
    """Downloaded attachments get the time of downloading: "(revisi)" in the name is the
    office's own word for which copy is later."""
    folder = tmp_path / "in"
    folder.mkdir()
    first = build_xlsx(folder / "KPU Kabupaten Tapin - RKT 2025.xlsx", {"RKT": _plan(2025, "75%")})
    revised = build_xlsx(
        folder / "KPU Kabupaten Tapin - RKT 2025 (revisi).xlsx", {"RKT": _plan(2025, "80%")}
    )
    again = build_xlsx(
        folder / "KPU Kabupaten Tapin - RKT 2025 revisi 2.xlsx", {"RKT": _plan(2025, "85%")}
    )
    for path, when in ((again, 1_600_000_000), (revised, 1_700_000_000), (first, 1_800_000_000)):
        os.utime(path, (when, when))
    out = tmp_path / "out.xlsx"
    result = run(folder, "-o", out)
    assert (
        "Indikator kinerja (RKT 3): dibaca 3, ditulis 1, disisihkan (duplikat) 2" in result.stdout
    )
    (row,) = data_rows(openpyxl.load_workbook(out), "RKT")
    assert (row["Target"], row["Berkas"]) == ("85%", again.name)
