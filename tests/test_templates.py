"""Templates: guidance inside Excel, and a perfect round trip through inspect and check."""

from __future__ import annotations

import openpyxl
import pytest
from typer.testing import CliRunner

from kinerja_xl.cli import app
from kinerja_xl.pipeline import check_files, inspect_file

runner = CliRunner()

RKT_PLAN = [  # (no, sasaran, indikator, target as Excel stores it, number format, satuan)
    (
        "1",
        "Terwujudnya Sumber Daya Manusia yang berkualitas",
        "Indeks Reformasi Birokrasi",
        80,
        None,
        "indeks",
    ),
    ("", "", "Nilai Akuntabilitas Kinerja", "BB", None, "predikat"),
    ("", "", "Opini BPK atas Laporan Keuangan", "WTP", None, "opini"),
    (
        "2",
        "Terwujudnya Kesadaran Pemilih yang tinggi",
        "Persentase Partisipasi Pemilih",
        0.77,
        "0%",
        "persen",
    ),
    ("", "", "Persentase Pemilih yang Tidak Masuk DPT", 0.0016, "0.00%", "persen"),
]
SEK_PLAN = [
    (
        "1.",
        "Terlaksananya Perencanaan Program dan Anggaran",
        "Persentase dokumen perencanaan tepat waktu",
        1,
        "0%",
        "persen",
    ),
    (
        "2.",
        "Terbentuknya Badan Adhoc yang tepat waktu",
        "Persentase badan adhoc dibentuk tepat waktu",
        1,
        "0%",
        "persen",
    ),
    ("", "", "Jumlah laporan pembentukan badan adhoc", 13, None, "laporan"),
]
BUDGET = [
    ("1", "Perencanaan Program dan Anggaran", 612_400_000),
    ("2", "Pembentukan Badan Adhoc", 9_845_210_000),
]
IKU_PLAN = {
    "076.01.CQ": [
        ("1.", "Jumlah dokumen tahapan Pemilu sesuai jadwal", "Menghitung dokumen", "Divisi Teknis")
    ],
    "076.01.WA": [
        (
            "1.",
            "Persentase SDM yang berkompeten",
            "Pegawai kompeten / pegawai x 100%",
            "Subbagian SDM",
        ),
        (
            "2.",
            "Persentase sarana prasarana yang berfungsi",
            "Sarana berfungsi / sarana",
            "Subbagian Umum",
        ),
    ],
}


def make(tmp_path, kind, *extra):
    out = tmp_path / f"template-{kind}.xlsx"
    result = runner.invoke(app, ["template", kind, "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def validations(sheet):
    return {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}


def conditional_ranges(sheet):
    return {str(rng.sqref) for rng in sheet.conditional_formatting}


def test_rkt_template_sheets_titles_and_guidance(tmp_path):
    book = openpyxl.load_workbook(
        make(tmp_path, "rkt", "--office", "Kota Banjarmasin", "--year", "2025")
    )
    assert book.sheetnames == ["Petunjuk", "RKT KPU", "RKT Sekretariat", "Anggaran", "Daftar"]
    assert book["Daftar"].sheet_state == "hidden"
    kpu = book["RKT KPU"]
    assert kpu["A1"].value == "RENCANA KINERJA TAHUN 2025"
    assert kpu["A2"].value == "KOMISI PEMILIHAN UMUM KOTA BANJARMASIN"
    assert [c.value for c in kpu[4]] == [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "TARGET",
        "SATUAN",
    ]
    assert [c.value for c in kpu[5]] == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    dvs = validations(kpu)
    assert dvs["D6:D65"].type == "custom" and "SatuanAturan" in dvs["D6:D65"].formula1
    assert dvs["D6:D65"].prompt and "persen" in dvs["D6:D65"].prompt
    assert dvs["E6:E65"].type == "list" and dvs["E6:E65"].formula1 == "SatuanDaftar"
    assert {"D6:D65", "E6:E65"} <= conditional_ranges(kpu)
    anggaran = book["Anggaran"]
    dv = validations(anggaran)["C6:C35"]
    assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", "0")
    assert "C6:C35" in conditional_ranges(anggaran)
    assert anggaran["C6"].number_format == '"Rp"#,##0'
    assert anggaran["B36"].value == "JUMLAH" and anggaran["C36"].value == "=SUM(C6:C35)"


def test_rules_in_daftar_come_from_the_schemas(tmp_path):
    from kinerja_xl.checking.validate import load_rules

    rules = load_rules()
    book = openpyxl.load_workbook(make(tmp_path, "rkt"))
    rows = {r[0]: r[1:4] for r in book["Daftar"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert set(rows) == set(rules.satuan_choices)
    assert rows["persen"] == (0, 1, 0)  # 0-100 %, as Excel stores "90%" (0.9)
    assert rows["indeks"] == tuple(rules.ranges["indeks"]) + (0,)
    assert rows["dokumen"][0] == 0 and rows["dokumen"][2] == 1  # counts: whole numbers >= 0
    categories = {r[5] for r in book["Daftar"].iter_rows(min_row=2, values_only=True) if r[5]}
    assert {f"predikat|{g}" for g in rules.categories["predikat"]} <= categories
    assert {f"opini|{g}" for g in rules.categories["opini"]} <= categories


def test_iku_template_program_codes_are_validated(tmp_path):
    book = openpyxl.load_workbook(make(tmp_path, "iku", "--office", "Banjarbaru"))
    iku = book["IKU"]
    assert iku["A2"].value == "Nama / Unit Organisasi : KPU Kota Banjarbaru"
    assert (iku["A6"].value, iku["A32"].value) == ("076.01.CQ", "076.01.WA")
    dvs = validations(iku)
    assert dvs["A6"].type == "custom" and "MID(A6,4,1)" in dvs["A6"].formula1
    assert "A32" in dvs and {"A6", "A32"} <= conditional_ranges(iku)


def test_only_the_headers_are_protected_and_without_password(tmp_path):
    book = openpyxl.load_workbook(make(tmp_path, "rkt"))
    sheet = book["RKT KPU"]
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet["B4"].protection.locked is True
    assert all(
        sheet.cell(row=r, column=c).protection.locked is False
        for r in (6, 40, 65)
        for c in range(1, 6)
    )


def test_untouched_templates_read_as_empty_tables(tmp_path):
    for kind, kinds in (
        ("rkt", ["rkt", "rkt-sekretariat", "anggaran"]),
        ("iku", ["iku"]),
        ("anggaran", ["anggaran"]),
    ):
        (report,) = check_files([make(tmp_path, kind)])
        assert [(t.kind, t.rows) for t in report.tables] == [(k, 0) for k in kinds]
        # a template made without --office names no office until the office writes it in
        assert [(i.code, i.severity) for i in report.issues] == [("office-unknown", "warning")] + [
            ("table-empty", "warning")
        ] * len(kinds)
        assert "belum ada baris data" in report.issues[1].message("id")
        (named,) = check_files([make(tmp_path, kind, "--office", "KPU Kabupaten Tapin")])
        assert (named.office, named.office_code) == ("KPU Kabupaten Tapin", "63.05")
        assert "office-unknown" not in [i.code for i in named.issues]


def saved_in_excel(path, sheet_part: str, cell: str, value: int) -> None:
    """What Excel does to a formula when the office saves: it stores the result beside it.
    (openpyxl, which fills the template here, stores none: `formula-no-value` otherwise.)"""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts[sheet_part].decode()
    xml, found = re.subn(
        rf'(<c r="{cell}"[^>]*>\s*<f>[^<]*</f>)\s*<v\s*/>', rf"\g<1><v>{value}</v>", xml
    )
    assert found == 1, cell
    parts[sheet_part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def fill_rows(sheet, first_row, rows):
    for r, (no, sasaran, indikator, target, fmt, satuan) in enumerate(rows, start=first_row):
        for col, value in ((1, no), (2, sasaran), (3, indikator), (4, target), (5, satuan)):
            if value not in ("", None):
                sheet.cell(row=r, column=col, value=value)
        if fmt:
            sheet.cell(row=r, column=4).number_format = fmt


def test_round_trip_rkt(tmp_path):
    path = make(tmp_path, "rkt", "--office", "KPU Kota Banjarmasin", "--year", "2025")
    book = openpyxl.load_workbook(path)
    fill_rows(book["RKT KPU"], 6, RKT_PLAN)
    fill_rows(book["RKT Sekretariat"], 6, SEK_PLAN)
    for r, (no, program, amount) in enumerate(BUDGET, start=6):
        book["Anggaran"].cell(row=r, column=1, value=no)
        book["Anggaran"].cell(row=r, column=2, value=program)
        book["Anggaran"].cell(row=r, column=3, value=amount)
    filled = tmp_path / "diisi.xlsx"
    book.save(filled)
    (unsaved,) = check_files([filled])
    assert [(i.code, i.sheet, i.cell) for i in unsaved.issues] == [
        ("formula-no-value", "Anggaran", "C36")  # filled by a script, never opened in Excel
    ]
    total = sum(a for *_x, a in BUDGET)
    saved_in_excel(filled, "xl/worksheets/sheet4.xml", "C36", total)

    report = inspect_file(filled)
    assert (report.office, report.year) == ("KPU Kota Banjarmasin", 2025)
    kpu, sek, anggaran = report.tables
    assert [
        (r.get("sasaran"), r.get("indikator"), r.target.text, r.get("satuan")) for r in kpu.records
    ] == [
        (
            "Terwujudnya Sumber Daya Manusia yang berkualitas",
            "Indeks Reformasi Birokrasi",
            "80",
            "indeks",
        ),
        (
            "Terwujudnya Sumber Daya Manusia yang berkualitas",
            "Nilai Akuntabilitas Kinerja",
            "BB",
            "predikat",
        ),
        (
            "Terwujudnya Sumber Daya Manusia yang berkualitas",
            "Opini BPK atas Laporan Keuangan",
            "WTP",
            "opini",
        ),
        (
            "Terwujudnya Kesadaran Pemilih yang tinggi",
            "Persentase Partisipasi Pemilih",
            "77%",
            "persen",
        ),
        (
            "Terwujudnya Kesadaran Pemilih yang tinggi",
            "Persentase Pemilih yang Tidak Masuk DPT",
            "0,16%",
            "persen",
        ),
    ]
    assert sek.rows == 3 and [r.target.value for r in sek.records] == [100, 100, 13]
    assert [(r.get("program"), r.amount.value) for r in anggaran.records] == [
        (p, a) for _n, p, a in BUDGET
    ]
    assert anggaran.declared_total.value == total
    (checked,) = check_files([filled])
    assert checked.issues == []


def test_round_trip_iku_and_anggaran(tmp_path):
    path = make(tmp_path, "iku", "--office", "KPU Kota Banjarbaru", "--year", "2025")
    book = openpyxl.load_workbook(path)
    sheet = book["IKU"]
    for start, code in ((7, "076.01.CQ"), (33, "076.01.WA")):
        for r, values in enumerate(IKU_PLAN[code], start=start):
            for c, value in enumerate(values, start=1):
                sheet.cell(row=r, column=c, value=value)
    filled = tmp_path / "iku-diisi.xlsx"
    book.save(filled)
    (report,) = check_files([filled])
    assert report.issues == []
    rows = [
        (r.get("kode_program"), r.get("program"), r.get("indikator"))
        for r in report.tables[0].records
    ]
    assert rows == [
        (code, name, values[1])
        for code, name in (
            ("076.01.CQ", "PROGRAM PENYELENGGARAAN PEMILU DALAM PROSES KONSOLIDASI DEMOKRASI"),
            ("076.01.WA", "PROGRAM DUKUNGAN MANAJEMEN"),
        )
        for values in IKU_PLAN[code]
    ]

    path = make(tmp_path, "anggaran", "--office", "KPU Kabupaten Tapin")
    book = openpyxl.load_workbook(path)
    for r, (no, program, amount) in enumerate(BUDGET, start=6):
        for c, value in enumerate((no, program, amount), start=1):
            book["Anggaran"].cell(row=r, column=c, value=value)
    filled = tmp_path / "anggaran-diisi.xlsx"
    book.save(filled)
    saved_in_excel(filled, "xl/worksheets/sheet2.xml", "C36", 10_457_610_000)
    (report,) = check_files([filled])
    assert report.issues == [] and report.tables[0].total == 10_457_610_000


def test_a_sum_that_misses_lines_is_still_a_total_mismatch(tmp_path):
    path = make(tmp_path, "anggaran", "--office", "KPU Kabupaten Tapin")
    book = openpyxl.load_workbook(path)
    sheet = book["Anggaran"]
    for r, (no, program, amount) in enumerate(BUDGET, start=6):
        for c, value in enumerate((no, program, amount), start=1):
            sheet.cell(row=r, column=c, value=value)
    sheet["C36"] = "=SUM(C6:C6)"  # someone narrowed the range
    filled = tmp_path / "salah.xlsx"
    book.save(filled)
    saved_in_excel(filled, "xl/worksheets/sheet2.xml", "C36", BUDGET[0][2])
    (report,) = check_files([filled])
    assert [(i.code, i.cell) for i in report.issues] == [("budget-total-mismatch", "C36")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_petunjuk_in_the_chosen_language(tmp_path, lang):
    book = openpyxl.load_workbook(make(tmp_path, "rkt", "--lang", lang))
    text = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "kinerja-xl check" in text
    assert ("PETUNJUK PENGISIAN" in text) == (lang == "id")
    assert ("HOW TO FILL IN" in text) == (lang == "en")


def test_template_output_folder_missing(tmp_path):
    result = runner.invoke(app, ["template", "rkt", "-o", str(tmp_path / "x" / "t.xlsx")])
    assert result.exit_code == 2 and "tidak ada" in result.stderr
