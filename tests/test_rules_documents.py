"""Every file of schemas/ is validated as a document: a syntax error, an unknown key, check,
column or name is one line naming the file, the line and the key (exit 2), never a traceback;
pandera's own serialisation (DataFrameSchema.to_yaml()) is read as well as the short form."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from conftest import SAMPLES, build_xlsx
from typer.testing import CliRunner

from kinerja_xl.checking.rulebook import RulesError, load_rules
from kinerja_xl.cli import app
from kinerja_xl.knowledge.vocabulary import default_schema_folder

runner = CliRunner()
SCHEMA_FILES = sorted(p.name for p in default_schema_folder().glob("*.yaml"))
BANJARMASIN = SAMPLES / "KPU Kota Banjarmasin - RKT 2024.xlsx"
BANJARBARU = SAMPLES / "KPU Kota Banjarbaru - IKU 2024.xlsx"
IKU = [
    ["No", "Uraian", "Cara Penghitungan", "Sumber Data"],
    ["1", "Persentase pemutakhiran data", "(a / b) × 100%", "Laporan pemutakhiran (Sidalih)"],
    ["2", "Indeks kepuasan layanan", "survei", "BPS"],
]


@pytest.fixture
def rules_copy(tmp_path):
    folder = tmp_path / "aturan"
    shutil.copytree(default_schema_folder(), folder)
    return folder


def refused(folder, *commands: str, workbook=BANJARMASIN) -> str:
    """Run `check` (and the other commands given) with the rules of `folder`: each must stop
    with exit 2 and one line on stderr, no traceback; the line is returned."""
    lines = set()
    for command in ("check", *commands):
        arguments = [command, str(workbook), "--schemas", str(folder)]
        if command == "consolidate":
            arguments[2:2] = ["-o", str(folder.parent / "k.xlsx")]
        result = runner.invoke(app, arguments)
        assert result.exit_code == 2, (command, result.output)
        assert (
            "Traceback" not in result.output
            and result.exception is None
            or isinstance(result.exception, SystemExit)
        ), (command, result.output)
        (line,) = result.stderr.strip().splitlines()
        lines.add(line)
    assert len(lines) == 1, lines
    return lines.pop()


def test_the_shipped_files_are_exactly_the_files_kinerja_xl_reads():
    from kinerja_xl.checking.rulebook import KNOWN_FILES

    assert sorted(KNOWN_FILES) == SCHEMA_FILES


# --- a syntax error in any file ----------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_a_syntax_error_in_any_file_is_one_line_naming_file_and_line(rules_copy, name):
    """rkt.yaml was parsed a second time, outside the loader (vocabulary.py): a traceback and
    exit 1. Now every file: exit 2, file and line, for check, inspect and consolidate."""
    path = rules_copy / name
    lines = path.read_text(encoding="utf-8").splitlines()
    target = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
    lines.insert(target + 1, "  : [unclosed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = refused(rules_copy, "inspect", "consolidate")
    assert re.search(rf"{re.escape(name)}:\d+: ", line), line
    assert "tidak dapat dibaca" in line


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_a_misspelt_top_level_key_in_any_file_is_refused_naming_it(rules_copy, name):
    path = rules_copy / name
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    first = next(iter(data))
    misspelt = first[:-1] + first[-1].upper() + "x"
    text = re.sub(
        rf'^("?){re.escape(first)}("?):', rf"\g<1>{misspelt}\g<2>:", text, count=1, flags=re.M
    )
    path.write_text(text, encoding="utf-8")
    line = refused(rules_copy)
    assert f"{name}:" in line and misspelt in line, line


def test_a_misspelt_key_says_what_was_meant(rules_copy):
    path = rules_copy / "iku.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "severites:\n  cara_present: warning\n")
    with pytest.raises(RulesError) as caught:
        load_rules(rules_copy)
    message = caught.value.message("en")
    assert message == f"{path}:14: unknown key 'severites'; did you mean 'severities'?"
    assert caught.value.message("id").endswith(
        "kunci 'severites' tidak dikenal; maksudnya 'severities'?"
    )


def test_a_severity_naming_no_check_is_refused(rules_copy):
    path = rules_copy / "iku.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "severities:\n  sumber_presen: warning\n")
    line = refused(rules_copy, workbook=BANJARBARU)
    assert "iku.yaml:15: pemeriksaan atau kode masalah 'sumber_presen' tidak dikenal" in line
    assert "maksudnya 'sumber_present'?" in line


def test_a_message_naming_no_check_is_refused(rules_copy):
    path = rules_copy / "iku.yaml"
    text = path.read_text(encoding="utf-8") + "messages:\n  str_lenght: {id: a, en: b}\n"
    path.write_text(text)
    with pytest.raises(RulesError, match=r"iku\.yaml:15: unknown check 'str_lenght'.*'str_length'"):
        load_rules(rules_copy)


def test_a_statistic_the_check_does_not_take_is_refused(rules_copy):
    path = rules_copy / "iku.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  sumber: {dtype: null, nullable: true}",
        "  sumber:\n    nullable: true\n    checks:\n      str_length: {min_valeu: 8}",
    )
    path.write_text(text)
    with pytest.raises(RulesError) as caught:
        load_rules(rules_copy)
    assert caught.value.message("en") == (
        f"{path}:10: 'columns.sumber.checks.str_length': check 'str_length' takes no "
        "'min_valeu'; did you mean 'min_value'?"
    )


def test_a_value_of_the_wrong_type_is_refused(rules_copy):
    path = rules_copy / "anggaran.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nullable: true}", "nullable: ya}", 1))
    with pytest.raises(
        RulesError, match=r"anggaran\.yaml:5: 'columns\.program\.nullable' must be true or false"
    ):
        load_rules(rules_copy)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "kind: persen}",
            "kind: persentase}",
            r"units\.yaml:5: unknown kind of target 'persentase' \(indicator_kinds\[0\]\.kind\); did you mean 'persen'\?",
        ),
        (
            "'^indeks\\b'",
            "'^(indeks'",
            r"units\.yaml:6: 'indicator_kinds\[1\]\.pattern': '\^\(indeks' cannot be used \(missing \)",
        ),
        (
            "higher: realisasi / target * 100",
            "higher: realisasi / target ** 100",
            r"units\.yaml:\d+: 'capaian_formulas\.higher': 'realisasi / target \*\* 100' cannot be used",
        ),
    ],
)
def test_units_yaml_is_held_to_its_shape(rules_copy, old, new, expected):
    path = rules_copy / "units.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(rules_copy)
    assert re.search(expected, caught.value.message("en")), caught.value.message("en")


def test_a_yaml_file_kinerja_xl_does_not_read_is_refused(rules_copy):
    """A province's extra file would be a rule dropped in silence."""
    (rules_copy / "tambahan.yaml").write_text("checks:\n  cara_present: {}\n", encoding="utf-8")
    line = refused(rules_copy)
    assert (
        "tambahan.yaml: berkas ini tidak dibaca kinerja-xl; aturan di dalamnya tidak akan " in line
    )
    assert "(berkas yang dibaca: units.yaml, rkt.yaml, anggaran.yaml, iku.yaml," in line


# --- pandera's own serialisation ----------------------------------------------------------


def _pandera_written(rules_copy):
    """Every schema file rewritten by pandera itself (DataFrameSchema.to_yaml())."""
    rules = load_rules(rules_copy)
    for frame, name in (("rkt", "rkt.yaml"), ("anggaran", "anggaran.yaml"), ("iku", "iku.yaml")):
        (rules_copy / name).write_text(rules.schemas[frame].to_yaml(), encoding="utf-8")
    written = yaml.safe_load((rules_copy / "iku.yaml").read_text(encoding="utf-8"))
    assert written["api"] == "pandas" and isinstance(written["checks"], list)
    return rules_copy


def _check_json(folder, *paths) -> dict:
    result = runner.invoke(
        app, ["check", *map(str, paths), "--format", "json", "--schemas", str(folder)]
    )
    assert result.exit_code in (0, 1, 2) and result.stdout.startswith("{"), result.output
    return json.loads(result.stdout)


def test_pandera_s_own_serialisation_checks_as_the_short_form_does(rules_copy, tmp_path):
    """Was: AttributeError: 'list' object has no attribute 'keys' in the rules thread."""
    samples = [BANJARMASIN, BANJARBARU, *sorted((SAMPLES / "faulty").glob("*.xlsx"))[:6]]
    short = _check_json(default_schema_folder(), *samples)
    written = _pandera_written(rules_copy)
    assert _check_json(written, *samples) == short


def test_a_column_check_pandera_writes_as_a_key_of_the_column_runs(rules_copy, tmp_path):
    """pandera writes a column's check as a key of the column (`str_length: {…}`)."""
    written = _pandera_written(rules_copy)
    path = written / "iku.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  sumber:\n    nullable: true\n",
        "  sumber:\n    nullable: true\n    str_length:\n      min_value: 8\n",
    )
    path.write_text(text, encoding="utf-8")
    workbook = build_xlsx(tmp_path / "KPU Kota Banjarbaru - IKU 2024.xlsx", {"IKU": IKU})
    (found,) = _check_json(written, workbook)["files"]
    failed = [
        (i["code"], i["cell"], i["value"]) for i in found["issues"] if i["code"] == "rule-failed"
    ]
    assert failed == [("rule-failed", "D3", "BPS")]


def test_a_check_listed_with_an_unknown_option_is_refused(rules_copy):
    written = _pandera_written(rules_copy)
    path = written / "iku.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "check_name: cara_present", "check_name: cara_present\n    raise_warnings: true", 1
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(written)
    message = caught.value.message("en")
    assert "iku.yaml:" in message and "raise_warnings" in message and "raise_warning" in message


def test_serve_refuses_a_broken_folder_before_it_starts(rules_copy, tmp_path):
    import subprocess
    import sys

    path = rules_copy / "iku.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "severites:\n  cara_present: warning\n")
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    command = [sys.executable, "-m", "kinerja_xl", "serve", str(inbox), "--port", "0"]
    done = subprocess.run(
        [*command, "--schemas", str(rules_copy)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "iku.yaml:14: kunci 'severites' tidak dikenal; maksudnya 'severities'?" in line
