"""One source per domain list (issue 21, item 4): the program code's form, the words of a
percentage, the grades and opinions, the kinds of table are written once; validation returns
its findings and changes no record."""

from __future__ import annotations

import ast
import copy
import re
import shutil

from conftest import ROOT, SAMPLES, build_xlsx

import kinerja_xl as kx
from kinerja_xl.checking.results import complete_records
from kinerja_xl.checking.rulebook import load_rules
from kinerja_xl.checking.validate import validate_reports
from kinerja_xl.knowledge.kinds import TableKind
from kinerja_xl.knowledge.vocabulary import default_schema_folder
from kinerja_xl.pipeline import inspect_file

PACKAGE = ROOT / "kinerja_xl"
TAPIN_LKJ = SAMPLES / "KPU Kabupaten Tapin - LKj 2024.xlsx"


def sources(pattern: str) -> list[str]:
    """The modules of the package whose code (comments and docstrings aside) matches."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if (
                isinstance(body, list)
                and body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                body[0] = ast.Pass()
        if re.search(pattern, ast.unparse(tree)):
            found.append(str(path.relative_to(PACKAGE)))
    return found


def test_the_program_code_form_is_written_only_in_iku_yaml():
    assert sources(r"d\{3\}\\+\.\\+d\{2\}\\+\.\[A-Z") == []
    assert "program_code_valid" in (default_schema_folder() / "iku.yaml").read_text()


def test_a_program_code_form_a_province_writes_is_the_one_its_programs_are_held_to(tmp_path):
    from kinerja_xl.knowledge.programs import code_form

    folder = tmp_path / "aturan"
    shutil.copytree(default_schema_folder(), folder)
    path = folder / "iku.yaml"
    path.write_text(path.read_text().replace(r"[A-Z]{2}$", r"[A-Z]{2,3}$"), encoding="utf-8")
    assert code_form(folder) == r"\d{3}\.\d{2}\.[A-Z]{2,3}"


def test_the_words_of_a_percentage_are_units_yaml_s():
    assert sources(r"persen\|prosen|%\|persen|persentase\|prosentase\|presentase") == []
    workbook = kx.inspect(SAMPLES / "KPU Kota Banjarmasin - RKT 2024.xlsx")
    assert workbook.files[0].tables  # read with units.yaml's words


def test_a_bare_number_beside_a_satuan_units_yaml_calls_a_percentage_is_one(tmp_path):
    rows = [
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Satuan"],
        ["1", "Meningkatnya partisipasi", "Persentase partisipasi pemilih", "77,5", "prosen"],
    ]
    path = build_xlsx(tmp_path / "KPU Kota Banjarmasin - RKT 2024.xlsx", {"RKT": rows})
    (table,) = kx.inspect(path).files[0].tables
    assert table.records[0].target.unit == "persen"


def test_grades_and_opinions_are_written_only_in_rkt_yaml():
    assert sources(r"\bWTP\b.*\bWDP\b|\bAA\b.*\bBB\b") == []
    from kinerja_xl.words.catalogue.guide import GUIDE

    assert "WTP" not in GUIDE["hint-target-input"]["id"]


def test_table_kinds_are_one_enum():
    assert [k.value for k in TableKind] == ["rkt", "rkt-sekretariat", "anggaran", "iku"]
    assert TableKind.RKT_SEKRETARIAT == "rkt-sekretariat"  # the contract's text
    assert f"{TableKind.ANGGARAN}" == "anggaran"


def test_validation_returns_its_findings_and_changes_no_record():
    rules = load_rules()
    reports = [
        inspect_file(TAPIN_LKJ),
        inspect_file(SAMPLES / "faulty" / "KPU Kabupaten Balangan - RKT 2024.xlsx"),
    ]
    complete_records(reports, rules)
    before = copy.deepcopy(reports)
    found = validate_reports(reports, rules)
    assert found and all(issue.code for _report, issue in found)
    assert [r.tables for r in reports] == [r.tables for r in before]
    assert [r.issues for r in reports] == [r.issues for r in before]


def test_inspect_gives_each_record_what_check_gives_it():
    """kx.inspect replayed part of the check (the capaian); now both run one step."""
    inspected = kx.inspect(TAPIN_LKJ).files[0]
    checked = kx.check([TAPIN_LKJ]).files[0]

    def computed(report):
        return [
            (r.direction, r.capaian_dihitung, r.capaian_inputs, r.unit_name)
            for t in report.tables
            for r in t.records
        ]

    assert computed(inspected) == computed(checked)
    assert any(c[1] is not None for c in computed(inspected))
