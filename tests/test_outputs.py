"""What people hold: the provincial workbook, the marked-up copy and the templates say nothing
that looks valid but is not, show each problem where it is, and print legibly on A4."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import BANJARMASIN, SAMPLES, build_xlsx
from typer.testing import CliRunner

from kinerja_xl.cli import app
from kinerja_xl.outputs.printing import MIN_SCALE, fit_scale
from kinerja_xl.outputs.xlsx_out import lines_height, wrapped_lines

runner = CliRunner()
RED, AMBER = "FFC7CE", "FFEB9C"


def plan(folder: Path, office: str, grade: str, turnout: str, budget: list) -> Path:
    """A small RKT + Anggaran of one office."""
    return build_xlsx(
        folder / f"KPU {office} - RKT 2024.xlsx",
        {
            "RKT": [
                [f"RENCANA KINERJA TAHUN 2024 KPU {office.upper()}"],
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                ["1", "Terwujudnya tata kelola", "Nilai Akuntabilitas Kinerja", grade],
                [None, None, "Persentase Partisipasi Pemilih", turnout],
            ],
            "Anggaran": [
                ["No", "Program", "Anggaran"],
                *[[str(i), name, amount] for i, (name, amount) in enumerate(budget, start=1)],
            ],
        },
    )


@pytest.fixture(scope="module")
def mixed_batch(tmp_path_factory):
    """Two clean offices and two faulty ones, all sharing the same indicators."""
    folder = tmp_path_factory.mktemp("kiriman")
    plan(folder, "Kota Banjarmasin", "B", "77%", [("Dukungan Manajemen", 1_000_000)])
    plan(folder, "Kabupaten Tapin", "BB", "80%", [("Dukungan Manajemen", 2_000_000)])
    plan(
        folder,
        "Kabupaten Balangan",
        "E",
        "120%",
        [("Dukungan Manajemen", "satu miliar"), ("Layanan Perkantoran", 5_000_000)],
    )
    plan(folder, "Kabupaten Tabalong", "E", "-5%", [("Dukungan Manajemen", -5_000_000)])
    out = tmp_path_factory.mktemp("hasil") / "Konsolidasi.xlsx"
    result = runner.invoke(app, ["consolidate", str(folder), "-o", str(out), "--quiet"])
    assert result.exit_code == 1, result.output
    return openpyxl.load_workbook(out)


def rows_of(book, name):
    sheet = book[name]
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2)]


def test_an_invalid_target_is_never_the_common_target(mixed_batch):
    rows = {r["Indikator"].value: r for r in rows_of(mixed_batch, "Perbandingan Target")}
    grade = rows["Nilai Akuntabilitas Kinerja"]
    # 'E' is written by two offices, but it is not a grade: B and BB tie among the valid ones
    assert grade["Target umum"].value == "— (seri)"
    for office in ("KPU Kabupaten Balangan", "KPU Kabupaten Tabalong"):
        assert grade[office].value == "E" and grade[office].fill.fgColor.rgb.endswith(RED)
    for office in ("KPU Kota Banjarmasin", "KPU Kabupaten Tapin"):
        assert grade[office].fill.fill_type is None  # valid, and no common target to differ from
    assert "Tidak sah: KPU Kabupaten Tabalong (E), KPU Kabupaten Balangan (E)" in (
        grade["Keterangan"].value
    )
    turnout = rows["Persentase Partisipasi Pemilih"]
    assert turnout["Target umum"].value == "— (seri)"  # 77% and 80%: 120% and -5% do not count
    assert turnout["KPU Kabupaten Balangan"].fill.fgColor.rgb.endswith(RED)


def test_a_common_target_comes_from_valid_targets_and_the_odd_one_is_highlighted(tmp_path):
    for office, grade in (
        ("Kota Banjarmasin", "BB"),
        ("Kabupaten Tapin", "BB"),
        ("Kabupaten Balangan", "B"),
        ("Kabupaten Tabalong", "E"),
        ("Kabupaten Banjar", "E"),
        ("Kabupaten Tanah Laut", "E"),
    ):
        plan(tmp_path, office, grade, "77%", [("Dukungan Manajemen", 1)])
    out = tmp_path / "o.xlsx"
    runner.invoke(app, ["consolidate", str(tmp_path), "-o", str(out), "--quiet"])
    rows = {
        r["Indikator"].value: r for r in rows_of(openpyxl.load_workbook(out), "Perbandingan Target")
    }
    grade = rows["Nilai Akuntabilitas Kinerja"]
    assert grade["Target umum"].value == "BB"  # not 'E', though more offices wrote it
    assert grade["KPU Kabupaten Balangan"].fill.fgColor.rgb.endswith(AMBER)
    assert grade["KPU Kabupaten Tabalong"].fill.fgColor.rgb.endswith(RED)


def test_no_unreadable_or_negative_amount_is_a_number_in_the_recap(mixed_batch):
    rows = rows_of(mixed_batch, "Rekap Anggaran")
    numbers = [
        cell.value
        for row in rows
        for key, cell in row.items()
        if key != "Program" and isinstance(cell.value, int | float)
    ]
    assert numbers and all(n > 0 for n in numbers)
    assert 5_000_000 not in [n for n in numbers if n < 0] and -5_000_000 not in numbers
    program = next(r for r in rows if r["Program"].value == "076.01.WA Dukungan Manajemen")
    assert program["KPU Kota Banjarmasin"].value == 1_000_000
    assert program["KPU Kabupaten Balangan"].value == "1 baris tidak sah"
    assert program["KPU Kabupaten Balangan"].fill.fgColor.rgb.endswith(RED)
    assert program["KPU Kabupaten Tabalong"].value == "1 baris tidak sah"
    total = rows[-1]
    assert total["Program"].value == "Total"
    assert total["KPU Kota Banjarmasin"].value == 1_000_000
    assert total["KPU Kabupaten Tapin"].value == 2_000_000
    assert total["KPU Kabupaten Balangan"].value == "Rp5.000.000 (belum lengkap: 1 baris tidak sah)"
    assert total["KPU Kabupaten Tabalong"].value == "Rp0 (belum lengkap: 1 baris tidak sah)"
    assert total["Total"].value == "Rp8.000.000 (belum lengkap: 2 baris tidak sah)"
    header = {c.value: c for c in mixed_batch["Rekap Anggaran"][1]}
    assert header["KPU Kabupaten Balangan"].fill.fgColor.rgb.endswith(RED)
    assert header["KPU Kota Banjarmasin"].fill.fgColor.rgb.endswith("D9E1F2")


def test_ringkasan_tells_no_budget_from_an_incomplete_one(tmp_path):
    plan(tmp_path, "Kota Banjarmasin", "B", "77%", [("Dukungan Manajemen", "satu miliar")])
    build_xlsx(
        tmp_path / "KPU Kabupaten Tapin - IKU 2024.xlsx",
        {
            "IKU": [
                ["No", "Uraian", "Cara Penghitungan", "Sumber Data"],
                ["1", "Indeks X", "a", "b"],
            ]
        },
    )
    out = tmp_path / "o.xlsx"
    runner.invoke(app, ["consolidate", str(tmp_path), "-o", str(out), "--quiet"])
    rows = {r["Satker"].value: r for r in rows_of(openpyxl.load_workbook(out), "Ringkasan")}
    assert rows["KPU Kabupaten Tapin"]["Total Anggaran"].value == "tidak ada anggaran"
    incomplete = rows["KPU Kota Banjarmasin"]["Total Anggaran"]
    assert incomplete.value == "Rp0 (belum lengkap: 1 baris tidak sah)"
    assert incomplete.fill.fgColor.rgb.endswith(RED)
    note = rows["KPU Kota Banjarmasin"]["Keterangan"].value
    assert "1 kesalahan: anggaran tidak terbaca (1). Lihat lembar Masalah." in note
    assert "Total anggaran belum lengkap: 1 baris" in note


def test_each_faulty_row_is_marked_in_its_data_sheet(mixed_batch):
    rkt = rows_of(mixed_batch, "RKT")
    balangan = next(
        r for r in rkt if r["Satker"].value == "KPU Kabupaten Balangan" and r["Target"].value == "E"
    )
    assert balangan["Status"].value == "Perlu perbaikan"
    assert balangan["Status"].fill.fgColor.rgb.endswith(RED)
    assert balangan["Target"].fill.fgColor.rgb.endswith(RED)  # the very cell that is wrong
    assert balangan["Indikator"].fill.fill_type is None
    assert balangan["Nilai"].value is None  # an invalid target has no number
    assert balangan["Masalah"].value == "kategori target tidak sah"
    assert balangan["Jenis"].value == "RKT KPU" and balangan["Kode Jenis"].value == "rkt"
    clean = next(r for r in rkt if r["Satker"].value == "KPU Kota Banjarmasin")
    assert clean["Status"].value == "OK" and clean["Target"].fill.fill_type is None
    lines = rows_of(mixed_batch, "Anggaran")
    negative = next(r for r in lines if r["Satker"].value == "KPU Kabupaten Tabalong")
    assert negative["Anggaran"].value == "-Rp5.000.000"  # as written, text: never a number
    assert negative["Anggaran"].fill.fgColor.rgb.endswith(RED)
    assert negative["Masalah"].value == "anggaran negatif"
    unreadable = next(
        r
        for r in lines
        if r["Program"].value == "Dukungan Manajemen"
        and (r["Satker"].value == "KPU Kabupaten Balangan")
    )
    assert unreadable["Anggaran"].value == "satu miliar"


def test_masalah_links_each_issue_to_its_cell(mixed_batch):
    issue = next(r for r in rows_of(mixed_batch, "Masalah") if r["Kode"].value == "budget-negative")
    assert issue["Sel"].value == "C2"
    link = issue["Sel"].hyperlink
    assert link.target.endswith("KPU%20Kabupaten%20Tabalong%20-%20RKT%202024.xlsx")
    assert link.location == "'Anggaran'!C2"
    assert issue["Nilai"].value == "-Rp5.000.000"


def test_links_survive_a_hash_in_the_file_name_and_an_apostrophe_in_the_sheet(tmp_path):
    build_xlsx(
        tmp_path / "KPU Kota Banjarmasin - RKT #2.xlsx",
        {
            "RKT'24": [
                ["No", "Sasaran", "Indikator Kinerja", "Target"],
                ["1", "S", "Indeks X", "80"],
            ]
        },
    )
    out = tmp_path / "o.xlsx"
    runner.invoke(app, ["consolidate", str(tmp_path), "-o", str(out), "--quiet"])
    (row,) = rows_of(openpyxl.load_workbook(out), "RKT")
    assert row["Sel"].hyperlink.target == "KPU%20Kota%20Banjarmasin%20-%20RKT%20%232.xlsx"
    assert row["Sel"].hyperlink.location == "'RKT''24'!C2"


# --- printing -----------------------------------------------------------------------------


def assert_prints_legibly(sheet, where: str) -> None:
    """A4, a page number in the header or footer, and a print scale of at least MIN_SCALE."""
    label = f"{where}: {sheet.title}"
    assert int(sheet.page_setup.paperSize) == 9, label
    texts = [
        part.text or ""
        for hf in (sheet.oddHeader, sheet.oddFooter)
        for part in (hf.left, hf.center, hf.right)
    ]
    assert any("&P" in t for t in texts), label
    if sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage:
        assert sheet.page_setup.fitToWidth in (1, None), label
        widths = printed_widths(sheet)
        landscape = sheet.page_setup.orientation == "landscape"
        assert fit_scale(widths, landscape) >= MIN_SCALE, (label, sum(widths))
    elif sheet.page_setup.scale is not None:
        assert int(sheet.page_setup.scale) >= MIN_SCALE * 100, label


def printed_widths(sheet) -> list[float]:
    last = sheet.max_column
    if sheet.print_area:
        area = sheet.print_area[0] if isinstance(sheet.print_area, list) else sheet.print_area
        last = openpyxl.utils.cell.range_boundaries(area.split("!")[-1].replace("$", ""))[2]
    return [column_width(sheet, c) for c in range(1, last + 1)]


def column_width(sheet, index: int) -> float:
    """openpyxl keeps columns of one width as one range (min..max): look the column up in it."""
    for dimension in sheet.column_dimensions.values():
        if dimension.min and dimension.max and dimension.min <= index <= dimension.max:
            return dimension.width or 8.43
    return 8.43


def test_every_sheet_of_the_provincial_workbook_prints_legibly(tmp_path):
    out = tmp_path / "Konsolidasi.xlsx"
    runner.invoke(
        app,
        [
            "consolidate",
            str(SAMPLES),
            "-o",
            str(out),
            "--province",
            "Kalimantan Selatan",
            "--year",
            "2024",
            "--quiet",
        ],
    )
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        assert_prints_legibly(sheet, "konsolidasi")
        assert sheet.print_title_rows == "$1:$1"  # the header on every page
        assert "Provinsi Kalimantan Selatan, Tahun 2024" in sheet.oddHeader.right.text
        assert sheet.oddFooter.right.text == "Halaman &P dari &N"
        titles = [c for c in sheet[1] if c.value]
        lines = max(
            wrapped_lines(str(c.value), column_width(sheet, c.column), bold=True) for c in titles
        )
        # a wrapped title gets a header row tall enough for it, never over the first data row
        assert sheet.row_dimensions[1].height >= lines_height(lines), sheet.title


def test_every_sheet_of_a_marked_up_copy_prints_legibly(tmp_path):
    faulty = SAMPLES / "faulty" / "KPU Kabupaten Balangan - RKT 2024.xlsx"
    runner.invoke(app, ["check", str(faulty), "--annotate", str(tmp_path)])
    (copy,) = tmp_path.glob("*.xlsx")
    book = openpyxl.load_workbook(copy)
    for sheet in book.worksheets:
        assert_prints_legibly(sheet, "salinan")
    masalah = book["Masalah"]
    assert masalah.print_title_rows == "$5:$5"
    assert masalah.oddHeader.left.text.endswith(
        "Salinan bertanda: KPU Kabupaten Balangan - RKT 2024.xlsx"
    )


@pytest.mark.parametrize("kind", ["rkt", "iku", "anggaran"])
def test_every_sheet_of_a_template_prints_legibly_and_its_guide_speaks_of_its_own_columns(
    tmp_path, kind
):
    out = tmp_path / f"{kind}.xlsx"
    assert runner.invoke(app, ["template", kind, "-o", str(out), "--year", "2025"]).exit_code == 0
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        assert_prints_legibly(sheet, f"templat {kind}")
    guide = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    if kind == "rkt":
        assert "RENCANA KINERJA TAHUNAN" in guide and "Satuan" in guide
    else:
        assert "RENCANA KINERJA" not in guide and "Satuan:" not in guide
    if kind == "iku":
        assert "INDIKATOR KINERJA UTAMA TAHUN 2025" in guide and "Cara Penghitungan" in guide
    # long lines are wrapped in rows tall enough for them, never printed over each other
    guide_sheet = book["Petunjuk"]
    width = column_width(guide_sheet, 1) + column_width(guide_sheet, 2)
    for row in guide_sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and wrapped_lines(cell.value, width) > 1:
                assert guide_sheet.row_dimensions[cell.row].height >= 30, cell.value
                assert guide_sheet[cell.coordinate].alignment.wrap_text


# --- the marked-up copy -------------------------------------------------------------------


def test_a_clean_copy_says_there_is_no_problem(tmp_path):
    clean = SAMPLES / "KPU Kota Banjarbaru - IKU 2024.xlsx"
    runner.invoke(app, ["check", str(clean), "--annotate", str(tmp_path)])
    (copy,) = tmp_path.glob("*.xlsx")
    masalah = openpyxl.load_workbook(copy)["Masalah"]
    assert masalah["A6"].value == "Tidak ada masalah."
    assert masalah["A2"].value.endswith("0 kesalahan, 0 peringatan")


def test_the_copy_keeps_the_office_logo_and_says_what_it_could_not_carry(tmp_path):
    import xlsxwriter
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), "red").save(logo)
    source = tmp_path / "KPU Kota Banjarmasin - RKT 2024.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet("RKT")
    sheet.insert_image("F1", str(logo))
    sheet.insert_textbox("F5", "Catatan kantor")
    for r, row in enumerate(
        [["No", "Sasaran", "Indikator Kinerja", "Target"], ["1", "S", "Indeks X", "120"]]
    ):
        sheet.write_row(r, 0, row)
    book.close()
    result = runner.invoke(app, ["check", str(source), "--annotate", str(tmp_path / "out")])
    assert "tidak ikut tersalin: 1 bentuk/kotak teks" in result.stderr
    (copy,) = (tmp_path / "out").glob("*.xlsx")
    with zipfile.ZipFile(copy) as archive:
        assert any(n.startswith("xl/media/") for n in archive.namelist())  # the picture
    note = openpyxl.load_workbook(copy)["Masalah"]["A3"].value
    assert note.startswith("Tidak ikut tersalin ke salinan ini: 1 bentuk/kotak teks.")


# --- files people get ---------------------------------------------------------------------


def test_outputs_get_the_permissions_a_normal_file_gets(tmp_path):
    previous = os.umask(0o022)
    try:
        out = tmp_path / "o.xlsx"
        runner.invoke(app, ["consolidate", str(BANJARMASIN), "-o", str(out), "--quiet"])
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o664)  # a shared folder's file keeps its mode when it is replaced
        runner.invoke(app, ["consolidate", str(BANJARMASIN), "-o", str(out), "--quiet"])
        assert out.stat().st_mode & 0o777 == 0o664
        runner.invoke(app, ["check", str(BANJARMASIN), "--annotate", str(tmp_path / "ann")])
        (copy,) = (tmp_path / "ann").glob("*.xlsx")
        assert copy.stat().st_mode & 0o777 == 0o644
        template = tmp_path / "t.xlsx"
        runner.invoke(app, ["template", "rkt", "-o", str(template)])
        assert template.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(previous)


def test_a_copy_writes_a_long_text_once_and_reads_back_as_written(tmp_path):
    """openpyxl writes every text inline: a long text in many cells is written once, as a
    shared string (outputs/openpyxl_out.py), and every cell reads back as it was, in openpyxl
    and in our reader; numbers, error cells and short texts are untouched."""
    import openpyxl

    from kinerja_xl.outputs.openpyxl_out import save_keeping_stamp
    from kinerja_xl.reading.read import open_workbook

    long_text = " Persentase <a & b> _x0041_ " * 100
    book = openpyxl.Workbook()
    sheet = book.active
    for row in range(1, 501):
        sheet.cell(row=row, column=1, value=long_text)
        sheet.cell(row=row, column=2, value=row)
        sheet.cell(row=row, column=3, value="pendek")
    sheet["D1"] = "#N/A"
    sheet["D1"].data_type = "e"
    path = tmp_path / "salinan.xlsx"
    save_keeping_stamp(book, path)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size < 200_000  # inline: 1.4 MB
        assert archive.read("xl/sharedStrings.xml").count(b"<si>") == 1
    again = openpyxl.load_workbook(path).active
    assert [again.cell(row=r, column=1).value for r in (1, 500)] == [long_text] * 2
    assert again["B7"].value == 7 and again["C7"].value == "pendek" and again["D1"].value == "#N/A"
    cells = open_workbook(path).sheets[0].cells
    assert cells[(500, 1)].value == long_text and cells[(1, 4)].error == "#N/A"
    assert sheet["A1"].value == long_text and sheet["A1"].data_type == "s"  # the book is as it was
