"""`check`: cell-exact issues, exit codes, languages, annotated copies, custom rules."""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest
import yaml
from conftest import BANJARBARU, BANJARMASIN, SAMPLES, digest
from typer.testing import CliRunner

from kinerja_xl.batch import Batch
from kinerja_xl.checking.rulebook import load_rules
from kinerja_xl.cli import app
from kinerja_xl.knowledge.vocabulary import default_schema_folder
from kinerja_xl.model.issues import CODES, Issue
from kinerja_xl.pipeline import check_files, check_paths
from kinerja_xl.reading.read import open_workbook

runner = CliRunner()
FAULTY = SAMPLES / "faulty"
BALANGAN = FAULTY / "KPU Kabupaten Balangan - RKT 2024.xlsx"
CONTRACT_ERROR_CODES = {
    "file-unreadable",
    "table-not-found",
    "target-missing",
    "target-unparseable",
    "target-out-of-range",
    "target-invalid-category",
    "target-unit-mismatch",
    "indicator-missing",
    "budget-unparseable",
    "budget-negative",
    "budget-total-mismatch",
    "iku-field-missing",
    "program-code-invalid",
    "formula-no-value",
}


def found(report):
    return [(i.code, i.severity, i.sheet, i.cell) for i in report.issues]


def run_json(*args):
    result = runner.invoke(app, ["check", *map(str, args), "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_banjarmasin_has_only_the_two_jumlah_warnings():
    code, data = run_json(BANJARMASIN)
    assert code == 0
    issues = [
        (i["code"], i["severity"], i["sheet"], i["cell"], i["value"])
        for i in data["files"][0]["issues"]
    ]
    assert issues == [
        ("target-unit-mismatch", "warning", "RKT Sekretariat", "D11", "100%"),
        ("target-unit-mismatch", "warning", "RKT Sekretariat", "D24", "100%"),
    ]


def test_banjarbaru_iku_is_clean():
    code, data = run_json(BANJARBARU)
    assert code == 0 and data["files"][0]["issues"] == []


def test_faulty_sample_reports_every_error_code_at_its_cell():
    code, data = run_json(BALANGAN)
    assert code == 1
    issues = [(i["code"], i["severity"], i["sheet"], i["cell"]) for i in data["files"][0]["issues"]]
    assert issues == [
        ("target-out-of-range", "error", "RKT", "D4"),
        ("target-invalid-category", "error", "RKT", "D5"),
        ("target-unit-mismatch", "error", "RKT", "D6"),
        ("target-missing", "error", "RKT", "D7"),
        ("target-unparseable", "error", "RKT", "D8"),
        ("indicator-missing", "error", "RKT", "C9"),
        ("formula-no-value", "error", "RKT", "D10"),
        ("target-out-of-range", "error", "RKT", "D11"),
        ("duplicate-indicator", "warning", "RKT", "C12"),
        ("target-unit-mismatch", "warning", "RKT", "D13"),
        ("budget-unparseable", "error", "Anggaran", "C3"),
        ("budget-negative", "error", "Anggaran", "C4"),
        ("formula-no-value", "error", "Anggaran", "C5"),
        ("budget-total-mismatch", "error", "Anggaran", "C6"),
        ("program-code-invalid", "error", "IKU", "A2"),
        ("iku-field-missing", "error", "IKU", "D3"),
        ("iku-field-missing", "error", "IKU", "C4"),
    ]


def test_faulty_folder_covers_every_contract_error_code_and_exits_2():
    code, data = run_json(FAULTY)
    assert code == 2
    raised = {i["code"] for f in data["files"] for i in f["issues"] if i["severity"] == "error"}
    assert raised == CONTRACT_ERROR_CODES
    by_name = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert (
        by_name["Surat Pengantar KPU Kabupaten Tabalong.xlsx"]["issues"][0]["code"]
        == "table-not-found"
    )
    unreadable = by_name["KPU Kabupaten Barito Kuala - RKT 2024.xlsx"]
    assert unreadable["readable"] is False
    assert [i["code"] for i in unreadable["issues"]] == ["file-unreadable"]
    assert "CSV" in unreadable["issues"][0]["message"]


def test_an_unreadable_file_among_readable_ones(tmp_path):
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(BANJARMASIN.read_bytes()[:3000])  # a truncated zip
    code, data = run_json(BANJARMASIN, broken, BANJARBARU)
    assert code == 2
    files = {f["path"]: f for f in data["files"]}
    assert files[str(broken)]["readable"] is False
    assert len(files[str(BANJARMASIN)]["issues"]) == 2
    assert [t["rows"] for t in files[str(BANJARMASIN)]["tables"]] == [13, 18, 9]
    assert files[str(BANJARBARU)]["tables"][0]["rows"] == 8


def test_cli_json_equals_the_library():
    code, data = run_json(SAMPLES)
    expected = check_paths([SAMPLES])
    assert code == expected.exit_code == 2
    assert data == expected.to_dict("id")


def test_text_report_groups_by_sheet_and_closes_per_file_and_batch():
    result = runner.invoke(app, ["check", str(BALANGAN)])
    assert result.exit_code == 1
    out = result.stdout
    assert "Lembar 'RKT'" in out and "Lembar 'Anggaran'" in out
    assert "D4  [target-out-of-range] Target '120%' di luar rentang yang sah" in out
    assert "→ 15 kesalahan, 2 peringatan" in out
    assert out.strip().endswith("15 kesalahan, 2 peringatan.")


def test_english_and_indonesian_messages():
    (report,) = check_files([BALANGAN])
    by_code: dict[str, Issue] = {}
    for issue in report.issues:
        by_code.setdefault(issue.code, issue)
    assert by_code["target-out-of-range"].message("id").startswith("Target '120%' di luar rentang")
    assert by_code["target-out-of-range"].message("en").startswith("Target '120%' is outside")
    assert "AA, A, BB, B, CC, C atau D" in by_code["target-invalid-category"].message("id")
    assert "AA, A, BB, B, CC, C or D" in by_code["target-invalid-category"].message("en")
    assert "F9" in by_code["formula-no-value"].message("id")
    # the lines that can be added up (not the -Rp5.000.000 one), the others counted beside
    assert "add up to Rp1.000.000.000 (difference Rp1.000.000.000); 3 invalid lines are not" in (
        by_code["budget-total-mismatch"].message("en")
    )
    result = runner.invoke(app, ["check", str(BALANGAN), "--lang", "en"])
    assert "15 errors, 2 warnings" in result.stdout


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_message_in_both_languages(code):
    issue = Issue.make(
        code,
        "RKT",
        "D7",
        "120%",
        indicator="Persentase a",
        expected="0–100%",
        reason="encrypted",
        kind="rkt",
        office="KPU Kota X",
        kept="b.xlsx",
        what="rows",
        field="cara",
        side="sasaran",
        first="C3",
    )
    indonesian, english = issue.message("id"), issue.message("en")
    assert indonesian and english and indonesian != english
    assert "{" not in indonesian + english


def test_annotated_copy_marks_every_flagged_cell_and_leaves_the_original(tmp_path):
    before = digest(BALANGAN)
    result = runner.invoke(app, ["check", str(BALANGAN), "--annotate", str(tmp_path)])
    assert result.exit_code == 1
    assert digest(BALANGAN) == before
    (copy,) = tmp_path.glob("*.xlsx")
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames[0] == "Masalah"
    (report,) = check_files([BALANGAN])
    for issue in report.issues:
        cell = book[issue.sheet][issue.cell]
        assert cell.fill.fgColor.rgb.endswith("FFC7CE" if issue.severity == "error" else "FFEB9C")
        assert issue.message("id") in cell.comment.text  # the message, no code before it
        assert f"[{issue.code}]" not in cell.comment.text
    masalah = book["Masalah"]
    assert masalah["A1"].value == "Salinan bertanda: KPU Kabupaten Balangan - RKT 2024.xlsx"
    assert masalah["A2"].value.startswith("KPU Kabupaten Balangan · Tahun 2024 · diperiksa ")
    assert masalah["A2"].value.endswith("15 kesalahan, 2 peringatan")
    # the code last, outside the printed area: for a filter on screen, not on paper
    assert [c.value for c in masalah[5]] == ["Lembar", "Sel", "Tingkat", "Nilai", "Pesan", "Kode"]
    assert masalah.print_area == "'Masalah'!$A$1:$E$22"
    listed = list(masalah.iter_rows(min_row=6, values_only=True))
    assert [(r[0], r[1], r[5]) for r in listed] == [
        (i.sheet, i.cell, i.code) for i in report.issues
    ]
    assert (
        masalah["B6"].hyperlink.location == "'RKT'!D4"
        or masalah["B6"].hyperlink.target == "#'RKT'!D4"
    )


def test_annotating_an_xls_rebuilds_it_as_xlsx(tmp_path):
    xls = SAMPLES / "KPU Kabupaten Banjar - RKT Sekretariat 2024.xls"
    result = runner.invoke(app, ["check", str(xls), "--annotate", str(tmp_path)])
    assert result.exit_code == 0
    (copy,) = tmp_path.glob("*.xlsx")
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames == ["Masalah", "Sekretariat"]
    assert book["Sekretariat"]["B3"].value == "Sasaran Kegiatan"


def test_control_characters_in_office_text_survive_checking_annotating_and_merging(tmp_path):
    """A cell may hold control characters (pasted from another program); Excel stores them as
    _xHHHH_ and openpyxl refuses them outright: the copy and the merge must keep them."""
    import xlsxwriter

    path = tmp_path / "KPU Kota Banjarbaru - RKT 2024.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("RKT")
    rows = [
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        [1, "Meningkatnya partisipasi", "Persentase partisipasi\x01 pemilih", "abc\x02"],
        [2, "Meningkatnya partisipasi", "Tingkat _x0041_ kepuasan", "90%"],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    book.close()
    (report,) = check_files([path])
    assert [r.get("indikator") for r in report.tables[0].records] == [
        "Persentase partisipasi\x01 pemilih",
        "Tingkat _x0041_ kepuasan",
    ]
    result = runner.invoke(app, ["check", str(path), "--annotate", str(tmp_path / "ann")])
    assert result.exit_code == 1, result.output
    (copy,) = (tmp_path / "ann").glob("*.xlsx")
    cells = open_workbook(copy).sheets[0].cells  # Masalah
    assert cells[(6, 4)].value == "abc\x02"  # Nilai
    result = runner.invoke(app, ["consolidate", str(path), "-o", str(tmp_path / "prov.xlsx")])
    assert result.exit_code == 1, result.output
    rkt = next(s for s in open_workbook(tmp_path / "prov.xlsx").sheets if s.name == "RKT")
    assert {rkt.cells[(2, 6)].value, rkt.cells[(3, 6)].value} == {
        "Persentase partisipasi\x01 pemilih",
        "Tingkat _x0041_ kepuasan",
    }


def test_the_offices_own_numbering_before_an_indicator_does_not_hide_its_kind(xlsx):
    path = xlsx(
        [
            ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
            [1, "Meningkatnya kualitas", "1.1 Persentase partisipasi pemilih", "90%"],
            [None, None, "1.2. Indeks kepuasan layanan", "180"],
            [None, None, "a. Jumlah dokumen perencanaan", "100%"],
        ]
    )
    (report,) = check_files([path])
    assert [(i.code, i.cell) for i in report.issues] == [
        ("target-out-of-range", "D3"),
        ("target-unit-mismatch", "D4"),
    ]


def test_other_rules_with_schemas_option(tmp_path):
    folder = tmp_path / "aturan"
    shutil.copytree(default_schema_folder(), folder)
    rules = yaml.safe_load((folder / "rkt.yaml").read_text())
    rules["checks"]["target_in_range"]["ranges"]["persen"] = [0, 150]
    (folder / "rkt.yaml").write_text(yaml.safe_dump(rules))
    (report,) = check_files([BALANGAN], load_rules(folder))
    assert ("target-out-of-range", "error", "RKT", "D4") not in found(report)
    assert ("target-out-of-range", "error", "RKT", "D11") in found(report)
    result = runner.invoke(app, ["check", str(BALANGAN), "--schemas", str(tmp_path / "none")])
    assert result.exit_code == 2


def test_rules_loading_while_the_files_are_read_give_the_same_reports():
    """The rules load in a thread while the workbooks are read: the reports are those of rules
    loaded first."""
    from kinerja_xl.checking.rulebook import RulesLoading

    paths = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".xlsx", ".xls", ".ods"))
    first = Batch(files=check_files(paths, load_rules())).to_dict()
    meanwhile = Batch(files=check_files(paths, RulesLoading())).to_dict()
    assert meanwhile == first and first["files"]


def test_rules_that_cannot_load_stop_a_pooled_batch_with_one_line(tmp_path):
    """Rules refused while a batch is read in the process pool: one line naming the folder, exit
    2, no traceback."""
    folder = tmp_path / "aturan"
    shutil.copytree(default_schema_folder(), folder)
    text = (folder / "iku.yaml").read_text(encoding="utf-8")
    (folder / "iku.yaml").write_text(text + "  panjang_minimal: {n: 8}\n", encoding="utf-8")
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    for index in range(17):  # a pool from 16 files up
        shutil.copy(BANJARMASIN, inbox / f"RKT {index}.xlsx")
    result = runner.invoke(app, ["check", str(inbox), "--schemas", str(folder)])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"kinerja-xl: aturan di '{folder}' tidak dapat dibaca: ")
    assert "iku.yaml:14: pemeriksaan 'panjang_minimal' tidak dikenal" in line
    assert "Traceback" not in result.output


def test_budget_program_unmatched_tolerates_leading_words_and_slips(xlsx):
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
            [
                "1.",
                "Terbentuknya Badan Adhoc yang tepat waktu",
                "Persentase a",
                "100%",
                None,
                "1",
                "Pembentukan Badan Adhoc",
                1_000,
            ],
            [
                "2.",
                "Terlaksananya Penyelenggaraan Pemilu yang baik",
                "Persentase b",
                "100%",
                None,
                "2",
                "Penyelenggaraaan Pemilu",
                2_000,
            ],
            [
                "3.",
                "Terwujudnya Layanan Hukum",
                "Persentase c",
                "100%",
                None,
                "3",
                "Pengadaan Logistik",
                3_000,
            ],
        ]
    )
    (report,) = check_files([path])
    assert [(i.code, i.cell, i.value) for i in report.issues] == [
        ("budget-program-unmatched", "B4", "Terwujudnya Layanan Hukum"),
        ("budget-program-unmatched", "G4", "Pengadaan Logistik"),
    ]
    assert all(i.severity == "warning" for i in report.issues)


def test_table_empty_and_hidden_content(tmp_path):
    from conftest import build_xlsx

    path = build_xlsx(
        tmp_path / "KPU Kabupaten Tapin - RKT.xlsx",
        {
            "RKT": [
                ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                ["1", "S", "Persentase a", "90%"],
                [None, None, "Persentase b", "80%"],
            ],
            "Anggaran": [["No", "Program", "Anggaran"]],
            "Lama": [
                ["No", "Uraian", "Cara Penghitungan", "Sumber Data"],
                ["1", "Persentase x", "c", "s"],
            ],
        },
        hidden_rows={"RKT": [3]},
        hidden_sheets=("Lama",),
    )
    (report,) = check_files([path])
    assert found(report) == [
        ("hidden-content", "warning", "RKT", "A3"),
        ("table-empty", "warning", "Anggaran", "A1"),
        ("hidden-content", "warning", "Lama", None),
    ]
    assert Batch(files=[report]).exit_code == 0
