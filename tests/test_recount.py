"""The provincial workbook recounted, sheet against sheet and against the check's JSON, as a
provincial officer with a calculator would (issue 25): on the workbook made from
sample_workbooks/ and on one made from files built here that the samples do not hold."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import openpyxl
import pytest
from conftest import SAMPLES, build_xlsx
from typer.testing import CliRunner

from kinerja_xl.checking.matching import indicator_key
from kinerja_xl.cli import app
from kinerja_xl.layouts.normalise import format_rupiah

runner = CliRunner()


def sheet_rows(book, name: str) -> list[dict]:
    sheet = book[name]
    header = [c.value for c in sheet[1]]
    return [
        dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]


def made(folder: Path, out: Path) -> tuple[dict, openpyxl.Workbook]:
    """The check's JSON and the provincial workbook of the same folder, the same year."""
    checked = runner.invoke(app, ["check", str(folder), "--format", "json", "--year", "2024"])
    merged = runner.invoke(
        app,
        [
            "consolidate",
            str(folder),
            "-o",
            str(out),
            "--province",
            "Kalimantan Selatan",
            "--year",
            "2024",
            "--quiet",
        ],
    )
    assert merged.exit_code in (0, 1, 2), merged.output
    return json.loads(checked.stdout), openpyxl.load_workbook(out)


def berkas_of(path: str, root: Path) -> str:
    return Path(path).resolve().relative_to(root.resolve()).as_posix()


def recount(document: dict, book: openpyxl.Workbook, root: Path) -> None:
    files = {berkas_of(f["path"], root): f for f in document["files"]}
    summary = sheet_rows(book, "Ringkasan")
    by_file = {r["Berkas"]: r for r in summary if r["No"] is not None}
    assert set(by_file) == set(files)

    # Ringkasan against the JSON, file by file
    merged_only = Counter(  # what only a consolidation can say: a second copy of a document
        r["Berkas"] for r in sheet_rows(book, "Masalah") if r["Kode"] in CONSOLIDATION_CODES
    )
    set_aside = {b for b, r in by_file.items() if r["Status"] == "Digantikan"}
    for berkas, found in files.items():
        row = by_file[berkas]
        issues = Counter(i["severity"] for i in found["issues"])
        assert row["Kesalahan"] == issues["error"], berkas
        assert row["Peringatan"] == issues["warning"] + merged_only[berkas], berkas
        if not found["readable"]:
            assert row["Indikator Kinerja"] == row["Baris Anggaran"] == "—", berkas
            continue
        tables = found["tables"]
        assert row["Indikator Kinerja"] == rows_of(tables, "rkt", "rkt-sekretariat"), berkas
        assert row["Indikator IKU"] == rows_of(tables, "iku"), berkas
        assert row["Baris Anggaran"] == rows_of(tables, "anggaran"), berkas
        budgets = [t for t in tables if t["kind"] == "anggaran"]
        if not budgets:
            continue
        total = sum(t["total"] for t in budgets)
        uncounted = sum(t["lines_not_counted"] for t in budgets)
        assert all(t["total_complete"] == (t["lines_not_counted"] == 0) for t in budgets)
        declared = [t["declared_total"] for t in budgets if "declared_total" in t]
        if declared:
            assert row["JUMLAH Berkas"] == sum(d or 0 for d in declared), berkas
        if isinstance(row["Total Anggaran"], int):
            assert row["Total Anggaran"] == total and uncounted == 0, berkas
        else:  # words: the same sum, the same lines left out
            assert row["Total Anggaran"].startswith(format_rupiah(total) + " ("), berkas
            if uncounted:
                assert f"{uncounted} baris tidak sah" in row["Total Anggaran"], berkas

    # Ringkasan's total row adds up its files
    total_row = summary[-1]
    assert total_row["Berkas"] == f"Total ({len(files)} berkas)"
    for column in (
        "Indikator Kinerja",
        "Indikator IKU",
        "Baris Anggaran",
        "Kesalahan",
        "Peringatan",
    ):
        numbers = [r[column] for r in by_file.values() if isinstance(r[column], int)]
        assert total_row[column] == sum(numbers), column

    # the data sheets hold every row the JSON counts, file by file
    for sheet, kinds in (
        ("RKT", ("rkt", "rkt-sekretariat")),
        ("IKU", ("iku",)),
        ("Anggaran", ("anggaran",)),
    ):
        written = Counter(r["Berkas"] for r in sheet_rows(book, sheet))
        expected = Counter(
            {
                b: sum(t["rows"] for t in f["tables"] if t["kind"] in kinds)
                for b, f in files.items()
                if f["readable"] and b not in set_aside  # its rows are set aside, and counted
            }
        )
        assert +written == +expected, sheet

    # the Anggaran sheet's amounts are the JSON's totals; its words are the lines left out
    amounts: dict[str, int] = defaultdict(int)
    words: Counter[str] = Counter()
    for line in sheet_rows(book, "Anggaran"):
        if line["Rincian"]:
            continue  # inside its program's amount
        if isinstance(line["Anggaran"], int):
            amounts[line["Berkas"]] += line["Anggaran"]
        else:
            words[line["Berkas"]] += 1
    for berkas, found in files.items():
        if berkas in set_aside:
            continue
        budgets = [t for t in found.get("tables", []) if t["kind"] == "anggaran"]
        assert amounts.get(berkas, 0) == sum(t["total"] for t in budgets), berkas
        assert words.get(berkas, 0) == sum(t["lines_not_counted"] for t in budgets), berkas

    # Masalah: every issue of the JSON, once, with its message
    masalah = Counter(
        (r["Berkas"], r["Kode"], r["Lembar"], r["Pesan"])
        for r in sheet_rows(book, "Masalah")
        if r["Kode"] not in CONSOLIDATION_CODES
    )
    assert masalah == Counter(
        (b, i["code"], i["sheet"], i["message"]) for b, f in files.items() for i in f["issues"]
    )

    # Rekap Anggaran: every row adds up its cells; the last row is each office's total
    recap = sheet_rows(book, "Rekap Anggaran")
    offices = [k for k in recap[0] if k not in ("Program", "Total")]
    for line in recap[:-1]:
        cells = [line[o] for o in offices if line[o] is not None]
        if cells and all(isinstance(c, int) for c in cells):
            assert line["Total"] == sum(cells), line["Program"]
    last = recap[-1]
    assert last["Program"] == "Total"
    for office in offices:
        column = [line[office] for line in recap[:-1] if isinstance(line[office], int)]
        if isinstance(last[office], int):
            assert last[office] == sum(column), office
        else:
            assert last[office].startswith(format_rupiah(sum(column)) + " ("), office
    # … and the chart's numbers are those totals, never a missing bar
    chart = {r["Satker"]: r["Anggaran"] for r in sheet_rows(book, "Data Grafik")}
    for office in offices:
        total = last[office]
        assert chart[office] == (
            total if isinstance(total, int) else _rupiah(total.split(" (")[0])
        ), office
    # the province's total in Ringkasan is Rekap's
    assert (total_row["Total Anggaran"] == last["Total"]) or (
        str(total_row["Total Anggaran"]).split(" (")[0] == str(last["Total"]).split(" (")[0]
    )

    # Perbandingan Target: every office's target is one its own sheets hold for the indicator
    held: set[tuple[str, str, str]] = set()
    for sheet in ("RKT", "IKU"):
        for r in sheet_rows(book, sheet):
            if r["Indikator"] and r["Target"]:
                held.add((r["Satker"], indicator_key(r["Indikator"]), str(r["Target"])))
    comparison = sheet_rows(book, "Perbandingan Target")
    compared = [k for k in (comparison[0] if comparison else {}) if k.startswith("KPU ")]
    for line in comparison:
        for office in compared:
            if line[office] is not None:
                assert (office, indicator_key(line["Indikator"]), str(line[office])) in held, (
                    office,
                    line["Indikator"],
                )

    # Status Kiriman agrees with Ringkasan: a document 'Siap' comes from files without errors in
    # it; one that needs fixing names a file with errors
    for line in sheet_rows(book, "Status Kiriman"):
        if not line["Satker"] or line["Satker"] not in {r["Satker"] for r in summary}:
            continue
        listed = (line["Berkas"] or "").split("\n")
        states = [line[d] for d in ("RKT KPU", "RKT Sekretariat", "IKU", "Anggaran")]
        if "Perlu perbaikan" in states:
            assert any(by_file[b]["Kesalahan"] for b in listed if b in by_file), line["Satker"]
        for state in states:
            assert state in ("Siap", "Perlu perbaikan", "Tidak terbaca", "Belum mengirim") or (
                "bukan RKT" in state or state.startswith(("Anggaran dalam", "IKU dalam"))
            ), state


CONSOLIDATION_CODES = {"duplicate-submission"}  # the contract's: "in one consolidation"


def rows_of(tables: list[dict], *kinds: str) -> int:
    return sum(t["rows"] for t in tables if t["kind"] in kinds)


def _rupiah(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def test_the_workbook_of_the_samples_recounts(tmp_path):
    document, book = made(SAMPLES, tmp_path / "k.xlsx")
    recount(document, book, SAMPLES)


@pytest.fixture
def unseen(tmp_path) -> Path:
    """Files the samples do not hold: a PK with a budget that has a negative line, an RKT with
    a JUMLAH that is wrong and a line that is text (sent twice: the revision counts), an IKU
    with targets, a file that is not a workbook."""
    folder = tmp_path / "lain"
    folder.mkdir()
    build_xlsx(
        folder / "KPU Kabupaten Tabalong - PK 2024.xlsx",
        {
            "PK": [
                ["PERJANJIAN KINERJA TAHUN 2024 KPU KABUPATEN TABALONG"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                ["1", "Terwujudnya pemilih", "Persentase Partisipasi Pemilih", "81%"],
                [None, None, "Indeks Reformasi Birokrasi", "78"],
                [],
                ["No", "Program", "Anggaran"],
                ["1", "1. Program Dukungan Manajemen", 5_000_000_000],
                ["2", "2. Program Penyelenggaraan Pemilu", -1_000_000],
            ]
        },
    )
    build_xlsx(
        folder / "KPU Kabupaten Balangan - RKT 2024.xlsx",
        {
            "RKT": [
                ["RENCANA KINERJA TAHUN 2024 KPU KABUPATEN BALANGAN"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                ["1", "Terwujudnya pemilih", "Persentase Partisipasi Pemilih", "81%"],
                [None, None, "Indeks Reformasi Birokrasi", "150"],
            ],
            "Anggaran": [
                ["No", "Program", "Anggaran"],
                ["1", "Perencanaan Program dan Anggaran", 700_000_000],
                ["2", "Operasional Perkantoran", "tujuh ratus juta"],
                [None, "JUMLAH", 1_500_000_000],
            ],
        },
    )
    build_xlsx(
        folder / "KPU Kabupaten Barito Kuala - IKU 2024.xlsx",
        {
            "IKU": [
                ["INDIKATOR KINERJA UTAMA KPU KABUPATEN BARITO KUALA TAHUN 2024"],
                ["No", "Indikator Kinerja Utama", "Cara Penghitungan", "Sumber Data", "Target"],
                ["1", "Indeks Reformasi Birokrasi", "Hasil PMPRB", "Laporan PMPRB", "78"],
                ["2", "Persentase Partisipasi Pemilih", "Pemilih / DPT x 100%", "KPU", "80%"],
            ]
        },
    )
    (folder / "KPU Kabupaten Tanah Laut - RKT 2024.xlsx").write_bytes(b"not a workbook")
    revised = folder / "KPU Kabupaten Balangan - RKT 2024 (revisi).xlsx"
    revised.write_bytes((folder / "KPU Kabupaten Balangan - RKT 2024.xlsx").read_bytes())
    return folder


def test_a_workbook_of_files_the_samples_do_not_hold_recounts(tmp_path, unseen):
    document, book = made(unseen, tmp_path / "k.xlsx")
    recount(document, book, unseen)
    statuses = Counter(r["Status"] for r in sheet_rows(book, "Ringkasan") if r["No"])
    assert statuses["Digantikan"] == 1 and statuses["Tidak terbaca"] == 1
