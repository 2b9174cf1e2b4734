"""The rules in schemas/ are data: every check written there runs, and what cannot run is
refused at load, naming the file and the check (docs/rules.md)."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from conftest import ROOT, build_xlsx
from typer.testing import CliRunner

from kinerja_xl.checking.rulebook import RulesError, load_rules
from kinerja_xl.cli import app
from kinerja_xl.knowledge.vocabulary import default_schema_folder
from kinerja_xl.pipeline import check_files

runner = CliRunner()
IKU = [
    ["No", "Uraian", "Cara Penghitungan", "Sumber Data"],
    ["1", "Persentase pemutakhiran data", "(a / b) × 100%", "Laporan pemutakhiran (Sidalih)"],
    ["2", "Indeks kepuasan layanan", "survei", "BPS"],
    ["3", "Jumlah dokumen hukum", "dihitung", "Data"],
]


@pytest.fixture
def rules_copy(tmp_path):
    folder = tmp_path / "aturan"
    shutil.copytree(default_schema_folder(), folder)
    return folder


def doc_yaml(starting: str = "# Rules for IKU tables") -> str:
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if b.startswith(starting)]
    return block


def test_the_capaian_rules_docs_rules_md_shows_are_the_shipped_ones():
    shown = yaml.safe_load(doc_yaml("# units.yaml"))
    shipped = yaml.safe_load((default_schema_folder() / "units.yaml").read_text(encoding="utf-8"))
    assert shown["capaian_formulas"] == shipped["capaian_formulas"]
    assert shown["lower_is_better"][0] in shipped["lower_is_better"]


def test_the_worked_example_of_docs_rules_md(rules_copy, tmp_path):
    (rules_copy / "iku.yaml").write_text(doc_yaml(), encoding="utf-8")
    path = build_xlsx(tmp_path / "KPU Kota Banjarbaru - IKU 2024.xlsx", {"IKU": IKU})
    (report,) = check_files([path], load_rules(rules_copy))
    assert [(i.code, i.severity, i.sheet, i.cell, i.value) for i in report.issues] == [
        ("rule-failed", "warning", "IKU", "D3", "BPS"),
        ("rule-failed", "warning", "IKU", "D4", "Data"),
    ]
    assert report.issues[0].message("id") == (
        "Aturan 'str_length' (iku.yaml, kolom sumber) tidak terpenuhi oleh 'BPS': Sumber Data "
        "harus menyebut dokumen atau aplikasinya, mis. 'Laporan pemutakhiran (Sidalih)'."
    )
    assert "the data source must name its document" in report.issues[0].message("en")
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    shown = re.search(r"\[rule-failed\] (.*)\n", doc).group(1)
    assert shown == report.issues[0].message("id")
    # the command line says the same, and a warning leaves the exit code at 0
    result = runner.invoke(app, ["check", str(path), "--schemas", str(rules_copy)])
    assert result.exit_code == 0
    assert "D3  [rule-failed]" in result.stdout


def test_a_check_without_a_message_or_severity_is_an_error_naming_itself(rules_copy, tmp_path):
    text = (rules_copy / "iku.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  cara: {dtype: null, nullable: true}",
        "  cara: {dtype: null, nullable: true, checks: {str_matches: {pattern: '.*[0-9/×%].*'}}}",
    )
    (rules_copy / "iku.yaml").write_text(text, encoding="utf-8")
    path = build_xlsx(tmp_path / "IKU Tapin.xlsx", {"IKU": IKU})
    (report,) = check_files([path], load_rules(rules_copy))
    failed = [(i.code, i.severity, i.cell, i.value) for i in report.issues]
    assert failed == [
        ("rule-failed", "error", "C3", "survei"),
        ("rule-failed", "error", "C4", "dihitung"),
    ]
    assert report.issues[0].message("en") == (
        "Rule 'str_matches' (iku.yaml, column cara) is not met by 'survei'."
    )


def test_nullable_false_in_the_yaml_is_a_rule_that_runs(rules_copy, tmp_path):
    text = (rules_copy / "iku.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  sumber: {dtype: null, nullable: true}", "  sumber: {dtype: null, nullable: false}"
    )
    (rules_copy / "iku.yaml").write_text(text, encoding="utf-8")
    rows = [*IKU[:2], ["2", "Indeks kepuasan", "survei kepuasan 1-5", None]]
    path = build_xlsx(tmp_path / "iku.xlsx", {"IKU": rows})
    (report,) = check_files([path], load_rules(rules_copy))
    codes = {(i.code, i.cell) for i in report.issues}
    assert ("rule-failed", "D3") in codes  # not_nullable, on the empty Sumber Data
    assert ("iku-field-missing", "D3") in codes  # and the dedicated check still says it


def test_a_yaml_that_names_an_unknown_check_is_refused(rules_copy, tmp_path):
    text = (rules_copy / "iku.yaml").read_text(encoding="utf-8")
    (rules_copy / "iku.yaml").write_text(text + "  panjang_minimal: {n: 8}\n", encoding="utf-8")
    with pytest.raises(
        RulesError,
        match=r"iku\.yaml:14: unknown check 'panjang_minimal' \(checks\.panjang_minimal\)",
    ):
        load_rules(rules_copy)
    path = build_xlsx(tmp_path / "iku.xlsx", {"IKU": IKU})
    result = runner.invoke(app, ["check", str(path), "--schemas", str(rules_copy)])
    assert result.exit_code == 2
    assert "iku.yaml:14: pemeriksaan 'panjang_minimal' tidak dikenal" in result.stderr
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["check", str(path), "--schemas", str(rules_copy), "--lang", "en"])
    assert "iku.yaml:14: unknown check 'panjang_minimal'" in result.stderr


def test_a_yaml_that_names_a_column_the_table_does_not_have_is_refused(rules_copy):
    text = (rules_copy / "anggaran.yaml").read_text(encoding="utf-8")
    text = text.replace("columns:\n", "columns:\n  pagu: {dtype: null, nullable: true}\n")
    (rules_copy / "anggaran.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(
        RulesError,
        match=r"anggaran\.yaml:5: unknown column 'pagu' \(columns\.pagu\); known: amount_problem",
    ):
        load_rules(rules_copy)


def test_a_grade_added_to_the_yaml_is_accepted_offered_and_listed(rules_copy, tmp_path):
    text = (rules_copy / "rkt.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "predikat: [AA, A, BB, B, CC, C, D]", "predikat: [AA, A, BB, B, CC, C, D, E]"
    )
    (rules_copy / "rkt.yaml").write_text(text, encoding="utf-8")
    rules = load_rules(rules_copy)
    rows = [
        ["No", "Sasaran", "Indikator Kinerja", "Target"],
        ["1", "S", "Nilai Akuntabilitas Kinerja", "E"],
    ]
    path = build_xlsx(tmp_path / "RKT Tapin.xlsx", {"RKT": rows})
    (report,) = check_files([path], rules)
    assert report.issues == []
    assert report.tables[0].records[0].target.unit == "predikat"  # the parser read the list too
    assert "AA, A, BB, B, CC, C, D atau E" in rules.expected_text("predikat", "id")
    (default,) = check_files([path])
    assert [i.code for i in default.issues] == ["target-invalid-category"]
    assert "AA, A, BB, B, CC, C atau D" in default.issues[0].message("id")
