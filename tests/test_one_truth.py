"""The provincial workbook tells one truth on every sheet, in both languages, on paper too
(issue 25): every sheet, the check's messages and the JSON say the same of the same thing.
Workbooks are built here, in the test, one per behaviour."""

from __future__ import annotations

from kinerja_xl.words.messages import say

# --- words: English plurals -------------------------------------------------------------------


def test_english_counts_agree_with_their_noun():
    assert say("note-errors", "en", count=1, codes="x").startswith("1 error:")
    assert say("note-errors", "en", count=2, codes="x").startswith("2 errors:")
    assert say("consolidated", "en", errors=1, warnings=0, path="k.xlsx") == (
        "1 error, 0 warnings → k.xlsx"
    )
    assert say("invalid-lines", "en", count=1) == "1 invalid line"
    assert say("invalid-lines", "en", count=3) == "3 invalid lines"
    batch = say("report-batch", "en", files=1, clean=1, bad=0, unreadable=0, errors=0, warnings=1)
    assert batch.startswith("Summary: 1 file checked") and batch.endswith("1 warning.")
    assert "(s)" not in say("carried-shapes", "en", count=1)
    assert "dokumen" not in say("expected-jumlah", "en", low=0)
    # Bahasa Indonesia has no plural ending to choose
    assert say("note-errors", "id", count=1, codes="x").startswith("1 kesalahan:")


# --- 2. one sum of a budget's valid lines everywhere ---------------------------------------

import json  # noqa: E402
from pathlib import Path  # noqa: E402

import openpyxl  # noqa: E402
from conftest import build_xlsx  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from kinerja_xl.cli import app  # noqa: E402

runner = CliRunner()


def rows_of(book, name):
    sheet = book[name]
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2)]


def office_plan(folder: Path, office: str, rkt: list[list], budget: list[list] | None = None):
    sheets = {
        "RKT": [
            [f"RENCANA KINERJA TAHUN 2024 KPU {office.upper()}"],
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
            *rkt,
        ]
    }
    if budget is not None:
        sheets["Anggaran"] = [["No", "Program", "Anggaran"], *budget]
    return build_xlsx(folder / f"KPU {office} - RKT 2024.xlsx", sheets)


def test_a_budget_with_invalid_lines_has_one_sum_everywhere(tmp_path):
    """Rp1.000.000.000 that can be added up, an unreadable and a negative line beside it, and a
    JUMLAH of Rp2.000.000.000: the check's message, the JSON, Ringkasan, Rekap, Masalah and the
    marked-up copy all say Rp1.000.000.000, and all count the 2 lines left out."""
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    path = office_plan(
        kiriman,
        "Kabupaten Balangan",
        [["1", "Terwujudnya tata kelola", "Indeks Reformasi Birokrasi", "80"]],
        [
            ["1", "Dukungan Manajemen", 1_000_000_000],
            ["2", "Penyelenggaraan Pemilu", "Rp. satu juta"],
            ["3", "Operasional Kantor", -5_000_000],
            [None, "JUMLAH", 2_000_000_000],
        ],
    )
    checked = runner.invoke(
        app, ["check", str(path), "--format", "json", "--annotate", str(tmp_path / "salinan")]
    )
    (found,) = json.loads(checked.stdout)["files"]
    (budget,) = [t for t in found["tables"] if t["kind"] == "anggaran"]
    assert (budget["total"], budget["total_complete"], budget["lines_not_counted"]) == (
        1_000_000_000,
        False,
        2,
    )
    (mismatch,) = [i for i in found["issues"] if i["code"] == "budget-total-mismatch"]
    assert "jumlah rincian adalah Rp1.000.000.000" in mismatch["message"]
    assert "2 baris tidak sah tidak ikut dijumlahkan" in mismatch["message"]

    out = tmp_path / "k.xlsx"
    runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--quiet"])
    book = openpyxl.load_workbook(out)
    words = "Rp1.000.000.000 (belum lengkap: 2 baris tidak sah; ≠ JUMLAH berkas Rp2.000.000.000)"
    summary = rows_of(book, "Ringkasan")[0]
    assert summary["Total Anggaran"].value == words
    assert rows_of(book, "Rekap Anggaran")[-1]["KPU Kabupaten Balangan"].value == words
    masalah = [r for r in rows_of(book, "Masalah") if r["Kode"].value == "budget-total-mismatch"]
    assert [r["Pesan"].value for r in masalah] == [mismatch["message"]]

    (copy,) = (tmp_path / "salinan").glob("*.xlsx")
    comment = openpyxl.load_workbook(copy)["Anggaran"]["C5"].comment.text
    assert mismatch["message"] in comment


# --- 3. Status Kiriman says what came instead; 'siap' means one thing ----------------------


def pk(folder: Path, office: str) -> Path:
    """A PK with its budget, and no RKT."""
    return build_xlsx(
        folder / f"KPU {office} - PK 2024.xlsx",
        {
            "PK 2024": [
                [f"PERJANJIAN KINERJA TAHUN 2024 KPU {office.upper()}"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                ["1", "Terwujudnya tata kelola", "Indeks Reformasi Birokrasi", "80"],
                [],
                ["No", "Program", "Anggaran"],
                ["1", "Dukungan Manajemen", 700_000_000],
            ]
        },
    )


def test_status_kiriman_says_what_came_instead_and_siap_means_a_file_without_errors(tmp_path):
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    pk(kiriman, "Kabupaten Banjar")
    out = tmp_path / "k.xlsx"
    result = runner.invoke(
        app, ["consolidate", str(kiriman), "-o", str(out), "--province", "Kalimantan Selatan"]
    )
    book = openpyxl.load_workbook(out)
    (banjar,) = [
        r for r in rows_of(book, "Status Kiriman") if r["Satker"].value == "KPU Kabupaten Banjar"
    ]
    assert [banjar[d].value for d in ("RKT KPU", "RKT Sekretariat", "IKU", "Anggaran")] == [
        "PK (bukan RKT)",
        "Belum mengirim",
        "Belum mengirim",
        "Anggaran dalam PK",
    ]
    (file_row,) = [r for r in rows_of(book, "Ringkasan") if r["No"].value == 1]
    assert file_row["Status"].value == "Siap"  # the PK itself has no error
    # the command's summary does not call an office that has not sent everything 'siap'
    # (the province's 14: the KPU Provinsi and its 13 kabupaten and kota)
    assert "14 satker: 0 lengkap dan siap, 0 perlu perbaikan, 14 belum mengirim semua dokumen" in (
        result.stdout
    )


# --- 7. the smaller truths of Ringkasan ------------------------------------------------------


def test_ringkasan_has_a_total_row_and_says_what_it_could_not_count(tmp_path):
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    office_plan(
        kiriman,
        "Kota Banjarmasin",
        [["1", "Terwujudnya tata kelola", "Indeks Reformasi Birokrasi", "80"]],
        [["1", "Dukungan Manajemen", 1_000_000], [None, "JUMLAH", 1_000_000]],
    )
    pk(kiriman, "Kabupaten Banjar")
    (kiriman / "KPU Kabupaten Tapin - RKT 2024.xlsx").write_text("No;Target\n1;90%\n")
    letter = build_xlsx(
        kiriman / "Surat Pengantar KPU Kabupaten Tabalong.xlsx",
        {"Surat": [["Bersama ini kami sampaikan Rencana Kinerja Tahun 2024."]]},
    )
    assert letter.exists()
    out = tmp_path / "k.xlsx"
    runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--quiet"])
    rows = rows_of(openpyxl.load_workbook(out), "Ringkasan")
    files = {r["Satker"].value: r for r in rows if r["No"].value is not None}
    assert len(files) == 4
    unreadable = files["KPU Kabupaten Tapin"]
    assert unreadable["Status"].value == "Tidak terbaca"
    assert [
        unreadable[c].value for c in ("Indikator Kinerja", "Indikator IKU", "Baris Anggaran")
    ] == ["—"] * 3
    assert unreadable["Total Anggaran"].value == "—"  # nothing was read: not Rp0, not 0
    assert files["KPU Kabupaten Tabalong"]["Status"].value == "Bukan dokumen rencana"
    assert files["KPU Kota Banjarmasin"]["JUMLAH Berkas"].value == 1_000_000
    total = rows[-1]
    assert total["Berkas"].value == "Total (4 berkas)"
    assert total["Indikator Kinerja"].value == 2 and total["Baris Anggaran"].value == 2
    assert total["Total Anggaran"].value == 701_000_000
    assert total["Kesalahan"].value == sum(r["Kesalahan"].value for r in files.values())
    assert "2 siap, 1 tidak terbaca, 1 bukan dokumen rencana" in total["Keterangan"].value


def test_a_pk_and_an_lkj_are_counted_under_their_own_names(tmp_path):
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    pk(kiriman, "Kabupaten Banjar")
    office_plan(
        kiriman,
        "Kota Banjarmasin",
        [["1", "Terwujudnya tata kelola", "Indeks Reformasi Birokrasi", "80"]],
    )
    result = runner.invoke(app, ["consolidate", str(kiriman), "-o", str(tmp_path / "k.xlsx")])
    assert "Indikator kinerja (RKT 1, PK 1): dibaca 2, ditulis 2" in result.stdout


# --- 1. Perbandingan Target: every document's targets, in docs/outputs.md's order ----------------


def iku_with_targets(folder: Path, office: str, target: str) -> Path:
    return build_xlsx(
        folder / f"KPU {office} - IKU 2024.xlsx",
        {
            "IKU": [
                [f"INDIKATOR KINERJA UTAMA KPU {office.upper()} TAHUN 2024"],
                ["No", "Indikator Kinerja Utama", "Cara Penghitungan", "Sumber Data", "Target"],
                [
                    "1",
                    "Indeks Reformasi Birokrasi",
                    "Hasil penilaian PMPRB",
                    "Laporan PMPRB",
                    target,
                ],
            ]
        },
    )


def test_perbandingan_target_takes_an_iku_s_targets_after_a_pk_s(tmp_path):
    """Banjarmasin 80 (RKT), Tapin 78 (RKT), Hulu Sungai Utara 78 (its IKU only), Banjar 78 in
    its PK and 80 in its IKU: the PK speaks for Banjar (it comes before the IKU), and 78 is
    the common target of three offices — not a tie of two."""
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    irb = "Indeks Reformasi Birokrasi"
    office_plan(kiriman, "Kota Banjarmasin", [["1", "Terwujudnya tata kelola", irb, "80"]])
    office_plan(kiriman, "Kabupaten Tapin", [["1", "Terwujudnya tata kelola", irb, "78"]])
    iku_with_targets(kiriman, "Kabupaten Hulu Sungai Utara", "78")
    pk(kiriman, "Kabupaten Banjar")  # its PK: 80 …
    book_path = kiriman / "KPU Kabupaten Banjar - PK 2024.xlsx"
    pk_book = openpyxl.load_workbook(book_path)
    pk_book["PK 2024"]["D3"] = "78"  # … made 78
    pk_book.save(book_path)
    iku_with_targets(kiriman, "Kabupaten Banjar", "80")
    out = tmp_path / "k.xlsx"
    runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--year", "2024", "--quiet"])
    (row,) = [r for r in rows_of(openpyxl.load_workbook(out), "Perbandingan Target")]
    assert row["Indikator"].value == irb and row["Jenis"].value == "RKT KPU"
    assert row["KPU Kabupaten Hulu Sungai Utara"].value == "78"
    assert row["KPU Kabupaten Banjar"].value == "78"
    assert row["Target umum"].value == "78"
    assert "Dari PK: KPU Kabupaten Banjar." in row["Keterangan"].value
    assert "Dari IKU: KPU Kabupaten Hulu Sungai Utara." in row["Keterangan"].value


# --- 7. one Satuan for one indicator --------------------------------------------------------


def test_one_indicator_has_one_satuan_whatever_each_office_wrote_beside_it(tmp_path):
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    keterbukaan = "Nilai Keterbukaan Informasi Publik"
    build_xlsx(
        kiriman / "KPU Kabupaten Tapin - RKT 2024.xlsx",
        {
            "RKT": [
                ["RENCANA KINERJA TAHUN 2024 KPU KABUPATEN TAPIN"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Satuan"],
                ["1", "Terwujudnya tata kelola", keterbukaan, "92", "indeks"],
            ]
        },
    )
    office_plan(
        kiriman, "Kota Banjarmasin", [["1", "Terwujudnya tata kelola", keterbukaan, "100%"]]
    )
    out = tmp_path / "k.xlsx"
    runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--quiet"])
    rows = rows_of(openpyxl.load_workbook(out), "RKT")
    assert {r["Satker"].value: r["Satuan"].value for r in rows} == {
        "KPU Kabupaten Tapin": "nilai",
        "KPU Kota Banjarmasin": "nilai",
    }


def test_sel_points_at_the_wrong_value_not_at_the_row(tmp_path):
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    office_plan(
        kiriman,
        "Kabupaten Balangan",
        [
            ["1", "Terwujudnya tata kelola", "Persentase Partisipasi Pemilih", "120%"],
            [None, None, "Indeks Reformasi Birokrasi", "80"],
        ],
        [["1", "Dukungan Manajemen", -5_000_000], ["2", "Penyelenggaraan Pemilu", 1_000]],
    )
    out = tmp_path / "k.xlsx"
    runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--quiet"])
    book = openpyxl.load_workbook(out)
    assert [r["Sel"].value for r in rows_of(book, "RKT")] == ["D3", "C4"]  # 120%; a clean row
    assert [r["Sel"].value for r in rows_of(book, "Anggaran")] == ["C2", "B3"]  # -5.000.000


# --- 9. English throughout under --lang en; the contract's names under --lang id ------------

CONTRACT_SHEETS = ["Ringkasan", "RKT", "IKU", "Anggaran", "Rekap Anggaran", "Perbandingan Target"]


def test_lang_en_names_sheets_and_columns_in_english_and_lang_id_keeps_the_contract(tmp_path):
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    office_plan(
        kiriman,
        "Kota Banjarmasin",
        [["1", "Terwujudnya tata kelola", "Indeks Reformasi Birokrasi", "120"]],
        [["1", "Dukungan Manajemen", 1_000_000]],
    )
    office_plan(
        kiriman,
        "Kabupaten Tapin",
        [["1", "Terwujudnya tata kelola", "Indeks Reformasi Birokrasi", "80"]],
    )
    books = {}
    for lang in ("id", "en"):
        out = tmp_path / f"k-{lang}.xlsx"
        runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--lang", lang])
        books[lang] = openpyxl.load_workbook(out)
    assert [n for n in books["id"].sheetnames if n in CONTRACT_SHEETS + ["Masalah"]] == [
        *CONTRACT_SHEETS,
        "Masalah",
    ]
    assert books["en"].sheetnames[:3] == ["Summary", "Submissions", "RKT"]
    assert "Issues" in books["en"].sheetnames and "Budget Recap" in books["en"].sheetnames
    assert not {"Ringkasan", "Masalah", "Rekap Anggaran", "Anggaran"} & set(books["en"].sheetnames)
    english = [c.value for c in books["en"]["RKT"][1]]
    assert english[:6] == ["Office", "Year", "Document", "Aim", "Goal", "Indicator"]
    assert [c.value for c in books["id"]["RKT"][1]][:6] == [
        "Satker",
        "Tahun",
        "Jenis",
        "Tujuan",
        "Sasaran",
        "Indikator",
    ]
    assert [c.value for c in books["en"]["Issues"][1]][:7] == [
        "Office",
        "File",
        "Sheet",
        "Cell",
        "Severity",
        "Code",
        "Message",
    ]
    # the office names over the comparison's columns are the offices' own
    comparison = [c.value for c in books["en"]["Target Comparison"][1]]
    assert "KPU Kota Banjarmasin" in comparison and "Common target" in comparison


def test_the_english_copy_s_first_sheet_is_issues(tmp_path):
    path = office_plan(
        tmp_path, "Kota Banjarmasin", [["1", "Terwujudnya", "Indeks Reformasi Birokrasi", "120"]]
    )
    runner.invoke(app, ["check", str(path), "--annotate", str(tmp_path / "c"), "--lang", "en"])
    (copy,) = (tmp_path / "c").glob("*.xlsx")
    assert openpyxl.load_workbook(copy).sheetnames[0] == "Issues"


def test_a_provincial_workbook_made_in_english_reads_back_as_one_made_in_indonesian(tmp_path):
    from kinerja_xl.provincial.readback import read_back
    from kinerja_xl.reading.read import open_workbook

    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    office_plan(
        kiriman,
        "Kota Banjarmasin",
        [["1", "Terwujudnya tata kelola", "Indeks Reformasi Birokrasi", "80"]],
        [["1", "Dukungan Manajemen", 1_000_000]],
    )
    read = {}
    for lang in ("id", "en"):
        out = tmp_path / f"k-{lang}.xlsx"
        runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--lang", lang])
        (report,) = read_back(open_workbook(out))
        read[lang] = [
            (
                t.kind,
                [(r.get("indikator") or r.get("program"), r.cell_of("program")) for r in t.records],
            )
            for t in report.tables
        ]
    assert read["en"] == read["id"] and len(read["id"]) == 2


# --- 6. Rekap Anggaran: by program code, kegiatan under it, unlike levels never added ------


def budget_only(folder: Path, office: str, lines: list[list]) -> Path:
    return build_xlsx(
        folder / f"KPU {office} - Anggaran 2024.xlsx",
        {
            "Anggaran": [
                [f"RINCIAN ANGGARAN KPU {office.upper()} TAHUN 2024"],
                ["No", "Program", "Anggaran"],
                *lines,
            ]
        },
    )


def test_rekap_groups_by_program_code_with_its_kegiatan_under_it(tmp_path):
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    budget_only(
        kiriman,
        "Kabupaten Hulu Sungai Tengah",
        [
            ["1.", "Program Dukungan Manajemen", 1_000],
            ["2.", "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", 500],
        ],
    )
    budget_only(kiriman, "Kabupaten Kotabaru", [["1", "Penyelenggaraan Pemilu", 700]])
    budget_only(kiriman, "Kota Banjarmasin", [["1", "Perencanaan Program dan Anggaran", 300]])
    budget_only(
        kiriman,
        "Kabupaten Tapin",
        [
            [None, "PROGRAM DUKUNGAN MANAJEMEN (076.01.WA)", None],
            ["1", "Operasional Perkantoran", 200],
        ],
    )
    out = tmp_path / "k.xlsx"
    runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--quiet"])
    rows = rows_of(openpyxl.load_workbook(out), "Rekap Anggaran")
    offices = ["KPU Kabupaten Kotabaru", "KPU Kabupaten Tapin", "KPU Kabupaten Hulu Sungai Tengah"]
    offices.append("KPU Kota Banjarmasin")
    table = [[r["Program"].value, *(r[o].value for o in offices), r["Total"].value] for r in rows]
    assert table == [
        ["076.01.WA Dukungan Manajemen", None, None, 1_000, None, 1_000],
        ["Operasional Perkantoran", None, 200, None, None, 200],  # a kegiatan: not added to 1.000
        [
            "076.01.CQ Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
            700,
            None,
            500,
            None,
            1_200,
        ],
        ["Kegiatan tanpa program (program tidak disebut di berkas)", None, None, None, None, None],
        ["Perencanaan Program dan Anggaran", None, None, None, 300, 300],
        ["Total", 700, 200, 1_500, 300, 2_700],
    ]
    assert rows[0]["Program"].font.b and rows[1]["Program"].alignment.indent == 1


# --- 4. the chart: billions said in words, an incomplete budget still has its bar ---------


def test_the_chart_says_billions_in_words_and_an_incomplete_budget_keeps_its_bar(tmp_path):
    import zipfile

    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    budget_only(kiriman, "Kota Banjarmasin", [["1", "Dukungan Manajemen", 43_484_684_000]])
    budget_only(
        kiriman,
        "Kabupaten Balangan",
        [["1", "Dukungan Manajemen", 1_000_000_000], ["2", "Penyelenggaraan Pemilu", "satu juta"]],
    )
    out = tmp_path / "k.xlsx"
    runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--lang", "en", "--quiet"])
    with zipfile.ZipFile(out) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert "billion" in chart and ' M"' not in chart
    assert "'Chart Data'!$B$2:$B$3" in chart  # the bars' numbers: every office has one
    assert "incomplete" in chart  # the red bar's label
    book = openpyxl.load_workbook(out)
    data = {r[0].value: r[1].value for r in book["Chart Data"].iter_rows(min_row=2)}
    assert data == {"KPU Kabupaten Balangan": 1_000_000_000, "KPU Kota Banjarmasin": 43_484_684_000}


def test_programs_yaml_is_validated_as_a_document(tmp_path):
    import pytest

    from kinerja_xl.knowledge.document import SchemaError
    from kinerja_xl.knowledge.programs import load_programs

    assert [p.code for p in load_programs()] == ["076.01.WA", "076.01.CQ"]
    (tmp_path / "programs.yaml").write_text(
        "programs:\n  - code: 076.01.WA\n    name: Dukungan Manajemen\n    nama: x\n",
        encoding="utf-8",
    )
    with pytest.raises(SchemaError) as refused:
        load_programs(tmp_path)
    assert (refused.value.key, refused.value.fields["name"], refused.value.fields["line"]) == (
        "unknown-key",
        "nama",
        2,
    )


# --- 5. Capaian: the precision used, and colour bands ----------------------------------------


def test_capaian_shows_the_exact_values_it_was_computed_from_and_bands_its_colours(tmp_path):
    import zipfile

    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    dpt = "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih Tetap"
    build_xlsx(
        kiriman / "KPU Kabupaten Tapin - LKj 2024.xlsx",
        {
            "Pengukuran Kinerja": [
                ["PENGUKURAN KINERJA TAHUN 2024 KPU KABUPATEN TAPIN"],
                [
                    "No",
                    "Sasaran Strategis",
                    "Indikator Kinerja",
                    "Target",
                    "Realisasi",
                    "Capaian (%)",
                ],
                ["1", "Terwujudnya pemilih", dpt, "0,2%", 0.0015, 125],
                ["2", "Terwujudnya pemilih", "Persentase Partisipasi Pemilih", "80%", "76%", 95],
            ]
        },
        formats={"Pengukuran Kinerja": {"E3": "0.0%"}},
    )
    out = tmp_path / "k.xlsx"
    runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--quiet"])
    rows = rows_of(openpyxl.load_workbook(out), "Capaian")
    assert [r["Realisasi"].value for r in rows] == ["0,2%", "76%"]  # as the office's cell shows
    assert [r["Dihitung dari"].value for r in rows] == [
        "(2 × 0,2 − 0,15) ÷ 0,2 × 100",  # the 0,15 % the cell holds, not the 0,2 % it shows
        "76 ÷ 80 × 100",
    ]
    assert [r["Capaian dihitung"].value for r in rows] == [125, 95]
    with zipfile.ZipFile(out) as archive:
        sheet = next(
            archive.read(n).decode()
            for n in archive.namelist()
            if n.startswith("xl/worksheets/sheet") and "Dihitung dari" in archive.read(n).decode()
        )
    assert "colorScale" not in sheet  # bands: a missed 95 % is red, not nearly 100 %'s yellow
    assert sheet.count("&lt;100") == 2 and sheet.count("=100") >= 2 and sheet.count("&gt;100") == 2


# --- 10. the copy's Masalah sheet; 8. the copy's own sheets fitted to the page width -------


def test_the_copy_names_its_fonts_prints_no_codes_and_fits_the_office_s_sheets(tmp_path):
    path = office_plan(
        tmp_path,
        "Kabupaten Balangan",
        [["1", "Terwujudnya tata kelola " * 3, "Persentase Partisipasi Pemilih " * 3, "120%"]],
    )
    book = openpyxl.load_workbook(path)
    for column in "ABCD":
        book["RKT"].column_dimensions[column].width = 40  # wider than a portrait page
    book.save(path)
    runner.invoke(app, ["check", str(path), "--annotate", str(tmp_path / "c")])
    (copy,) = (tmp_path / "c").glob("*.xlsx")
    marked = openpyxl.load_workbook(copy)
    masalah = marked["Masalah"]
    fonts = {masalah["A1"].font.name, masalah["A5"].font.name, masalah["B6"].font.name}
    assert fonts == {"Calibri"}  # named: LibreOffice would otherwise print them in a serif
    header = [c.value for c in masalah[5]]
    assert header[-1] == "Kode" and masalah.print_area.endswith("$A$1:$E$6")
    comment = marked["RKT"]["D3"].comment.text
    assert comment.startswith("Target '120%'") and "target-out-of-range" not in comment
    rkt = marked["RKT"]
    assert rkt.sheet_properties.pageSetUpPr.fitToPage and rkt.page_setup.fitToWidth == 1
    assert rkt.page_setup.fitToHeight == 0 and rkt.page_setup.orientation == "landscape"


# --- 8. on paper: legible, rows as tall as their text, no lone row on a last page ---------

SASARAN = [
    "Terlaksananya Perencanaan Program dan Anggaran yang Efektif dan Efisien",
    "Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi",
    "Operasional perkantoran dan dukungan sarana prasarana yang efektif",
    "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
]
INDIKATOR = [
    "Persentase dokumen perencanaan program dan anggaran yang tepat waktu",
    "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
    "Persentase fasilitas perkantoran yang berfungsi dengan baik",
    "Indeks Reformasi Birokrasi",
]


def printed_scale(sheet) -> float:
    """The scale a sheet fitted to the page width prints at, from its printed columns' widths
    (xlsxwriter writes a width w as w + 0.71; a run of equal widths as one range)."""
    from kinerja_xl.outputs.printing import fit_scale

    widths: dict[int, float] = {}
    for dimension in sheet.column_dimensions.values():
        for column in range(dimension.min, dimension.max + 1):
            widths[column] = dimension.width - 0.71
    last = sheet.max_column
    if sheet.print_area:
        area = sheet.print_area.split("!")[-1].replace("$", "")
        last = openpyxl.utils.cell.range_boundaries(area)[2]
    printed = [widths.get(c, 8.43) for c in range(1, last + 1)]
    return fit_scale(printed, sheet.page_setup.orientation == "landscape")


def test_the_sheets_print_at_8_points_with_rows_as_tall_as_their_text(tmp_path):
    legible = 0.7  # 11-point text at about 8 points
    page_height = (8.27 - 2 * 0.75) * 72  # A4 landscape less the margins, in points
    kiriman = tmp_path / "kiriman"
    kiriman.mkdir()
    offices = ["Kabupaten Tanah Laut", "Kabupaten Hulu Sungai Tengah", "Kota Banjarmasin"]
    offices += ["Kabupaten Tapin", "Kabupaten Banjar", "Kabupaten Tanah Bumbu"]
    for office in offices:  # 6 offices × 15 indicators: 90 rows, as many as the samples' 88
        rows = [["1", SASARAN[i % 4], f"{INDIKATOR[i % 4]} ({i})", "90%"] for i in range(15)]
        office_plan(kiriman, office, rows)
        build_xlsx(
            kiriman / f"KPU {office} - IKU 2024.xlsx",
            {
                "IKU": [
                    ["No", "Uraian", "Cara Penghitungan", "Sumber Data"],
                    [
                        "PROGRAM PENYELENGGARAAN PEMILU DALAM PROSES KONSOLIDASI DEMOKRASI [076.01.CQ]"
                    ],
                    [
                        "1",
                        INDIKATOR[0],
                        "Menghitung dokumen yang tepat waktu dibagi semua x 100%",
                        "Subbagian Perencanaan, Data dan Informasi",
                    ],
                ]
            },
        )
    out = tmp_path / "k.xlsx"
    runner.invoke(app, ["consolidate", str(kiriman), "-o", str(out), "--quiet"])
    book = openpyxl.load_workbook(out)
    for name in ("Ringkasan", "RKT", "IKU", "Anggaran", "Masalah"):
        if name in book.sheetnames:
            assert printed_scale(book[name]) >= legible - 0.005, name  # ~8 points
    rkt = book["RKT"]
    heights = [rkt.row_dimensions[r].height or 15 for r in range(1, rkt.max_row + 1)]
    assert max(heights[1:]) <= 42  # three lines at most: 15 + 2 × 13.5 points, no more
    pages = sum(heights) * printed_scale(rkt) / page_height
    assert pages < 5  # was 7 pages and more for as many rows
    status = book["Status Kiriman"]
    assert status.page_setup.fitToHeight in (0, 1)
