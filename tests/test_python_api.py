"""The public Python API: what docs/python-api.md shows runs, and the frames carry every record
with its provenance and typed values."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
from conftest import BANJARMASIN, ROOT, SAMPLES

import kinerja_xl as kx

DOC = ROOT / "docs" / "python-api.md"


@pytest.fixture(scope="module")
def batch():
    return kx.check([SAMPLES])


def test_the_examples_of_the_python_api_page_run(tmp_path, monkeypatch):
    shutil.copytree(SAMPLES, tmp_path / "kiriman", ignore=shutil.ignore_patterns("*.py"))
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 5
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 (our own documentation)
    assert namespace["batch"].exit_code == 2  # the samples hold an unreadable file on purpose
    assert (tmp_path / "Konsolidasi.xlsx").exists() and (tmp_path / "RKT 2025.xlsx").exists()
    assert namespace["per_office"]["KPU Kota Banjarmasin"] == 43_484_684_000
    assert (namespace["first"]["sheet"], namespace["first"]["cell_target"]) == ("RKT KPU", "D7")


def _documented(kx):
    """(label, object) of every public name, and of the public methods of its classes."""
    import inspect

    for name in kx.__all__:
        if name == "__version__":
            continue
        obj = getattr(kx, name)
        yield f"kx.{name}", obj
        if inspect.isclass(obj):
            for attribute, member in vars(obj).items():
                function = getattr(member, "fget", member)
                if not attribute.startswith("_") and callable(function):
                    yield f"kx.{name}.{attribute}", function


def test_the_docstring_examples_of_the_public_surface_run(tmp_path, monkeypatch):
    """Every `>>>` example of kx's functions and of its types' methods, run as written (in a
    folder that holds sample_workbooks/ and out/, as the repository does)."""
    import doctest

    shutil.copytree(SAMPLES, tmp_path / "sample_workbooks", ignore=shutil.ignore_patterns("*.py"))
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    ran = []
    for label, obj in _documented(kx):
        for test in finder.find(obj, label, globs={"kx": kx}):
            if test.examples:
                ran.append(label)
                runner.run(test, out=lambda text: pytest.fail(text))
    assert runner.failures == 0
    assert {"kx.check", "kx.consolidate", "kx.Batch.to_frames", "kx.Batch.issues_frame"} <= set(ran)


def test_every_type_a_public_function_returns_or_raises_is_public():
    """What kx gives or raises can be named: isinstance, type hints, except clauses."""
    import typing

    for name in ("check", "inspect", "consolidate", "rules", "annotate", "template"):
        from pathlib import Path

        public = {n: getattr(kx, n) for n in kx.__all__ if n != "__version__"}
        written = getattr(kx, name).__annotations__["return"]
        returned = eval(written, {"Path": Path}, public)  # noqa: S307 (our own annotation)
        for part in typing.get_args(returned) or (returned,):
            assert getattr(part, "__module__", "builtins") in ("builtins", "pathlib") or (
                part.__name__ in kx.__all__
            ), (name, part)
    batch = kx.check([SAMPLES / "faulty"])
    report = batch.files[0]
    assert isinstance(report, kx.FileReport) and isinstance(report.tables[0], kx.Table)
    assert isinstance(report.tables[0].records[0], kx.Record)
    assert isinstance(report.issues[0], kx.Issue) and isinstance(
        report.issues[0].declaration, kx.IssueCode
    )
    assert isinstance(kx.rules(), kx.Rules) and kx.TableKind.ANGGARAN == "anggaran"
    assert issubclass(kx.RulesError, kx.SchemaError) and issubclass(kx.UnknownProvince, ValueError)
    assert (ROOT / "kinerja_xl" / "py.typed").exists()


def test_the_issues_frame_says_where_each_issue_is(batch):
    issues = batch.issues_frame()
    assert list(issues.columns) == [
        "path",
        "file",
        "office",
        "office_code",
        "year",
        "sheet",
        "cell",
        "row",
        "kind",
        "document",
        "severity",
        "code",
        "value",
        "message",
    ]
    negative = issues[issues["code"] == "budget-negative"].iloc[0]
    assert (negative["row"], negative["kind"], negative["office_code"]) == (4, "anggaran", "63.11")
    unreadable = issues[issues["code"] == "file-unreadable"].iloc[0]
    assert pd.isna(unreadable["row"]) and pd.isna(unreadable["kind"])
    assert str(issues["row"].dtype) == "Int64"


def test_public_names_are_declared_and_documented():
    assert set(kx.__all__) >= {"check", "inspect", "consolidate", "template", "annotate", "Batch"}
    for name in ("check", "inspect", "consolidate", "template", "annotate", "rules"):
        doc = getattr(kx, name).__doc__
        assert doc and ">>> " in doc, name  # each with an example


def test_to_frames_has_one_row_per_record_with_its_cells(batch):
    frames = batch.to_frames()
    for name, kinds in {
        "rkt": ("rkt", "rkt-sekretariat"),
        "iku": ("iku",),
        "anggaran": ("anggaran",),
    }.items():
        records = [
            (report.path, table.sheet, record.row)
            for report in batch.files
            for table in report.tables
            if table.kind in kinds
            for record in table.records
        ]
        frame = frames[name]
        assert list(zip(frame["path"], frame["sheet"], frame["row"], strict=True)) == records
    rkt = frames["rkt"]
    row = rkt[(rkt["office"] == "KPU Kota Banjarmasin") & (rkt["target_text"] == "0,16%")].iloc[0]
    assert (
        row["document"],
        row["jenis"],
        row["sheet"],
        row["cell_target"],
        row["cell_indikator"],
    ) == (
        "RKT",
        "RKT KPU",
        "RKT KPU",
        "D17",
        "C17",
    )
    assert row["target_value"] == pytest.approx(0.16) and row["unit"] == "persen"
    grade = rkt[rkt["target_text"] == "E"].iloc[0]
    assert pd.isna(grade["target_value"]) and grade["target_code"] == "E"
    assert "target-invalid-category" in grade["issues"]


def test_rupiah_are_whole_numbers_in_a_nullable_integer_column(batch):
    anggaran = batch.to_frames()["anggaran"]
    assert str(anggaran["amount"].dtype) == "Int64"
    banjarmasin = anggaran[anggaran["office"] == "KPU Kota Banjarmasin"]
    assert banjarmasin["amount"].sum() == 43_484_684_000
    first = banjarmasin.iloc[0]
    assert (first["amount_text"], first["cell_anggaran"]) == ("Rp. 814.815.000,00", "C2")
    unreadable = anggaran[anggaran["amount_text"] == "Rp. satu juta"].iloc[0]
    assert pd.isna(unreadable["amount"])


def test_issues_frame_has_one_row_per_issue(batch):
    issues = batch.issues_frame()
    assert len(issues) == sum(len(r.issues) for r in batch.files)
    first = issues[issues["code"] == "budget-negative"].iloc[0]
    assert (first["file"], first["sheet"], first["cell"], first["value"]) == (
        "KPU Kabupaten Balangan - RKT 2024.xlsx",
        "Anggaran",
        "C4",
        "-Rp5.000.000",
    )
    assert batch.issues_frame("en")["message"].str.contains("negative").any()


def test_consolidate_refuses_its_own_input_before_reading(tmp_path):
    target = tmp_path / "a.xlsx"
    shutil.copy(BANJARMASIN, target)
    with pytest.raises(kx.InputIsOutput):
        kx.consolidate([tmp_path], target)
    with pytest.raises(kx.OutputError) as failure:
        kx.consolidate([BANJARMASIN], tmp_path)
    assert failure.value.reason == "is-directory"


def test_the_cli_and_the_library_give_the_same_json(batch):
    import json

    from typer.testing import CliRunner

    from kinerja_xl.cli import app

    result = CliRunner().invoke(app, ["check", str(SAMPLES), "--format", "json"])
    assert result.exit_code == batch.exit_code == 2
    assert json.loads(result.stdout) == batch.to_dict()


def test_the_public_names_are_imported_when_first_used():
    """`import kinerja_xl` stays light (the CLI's --help pays for typer only); every public
    name still resolves, and __all__ lists exactly them."""
    import subprocess
    import sys

    import kinerja_xl

    assert set(kinerja_xl.__all__) == {*kinerja_xl._PUBLIC, "__version__"}
    for name in kinerja_xl._PUBLIC:
        assert getattr(kinerja_xl, name) is not None
    with pytest.raises(AttributeError):
        kinerja_xl.no_such_name  # noqa: B018
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, kinerja_xl.cli; print('pandas' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == "False"


def test_a_check_loads_no_writer_of_the_provincial_workbook_nor_the_ledger():
    """What a one-file check imports beside pandas and pandera is its start-up: the provincial
    workbook's writers (xlsxwriter), the inbox's ledger (SQLite) and the web page are for other
    commands, and load when those are used (`kx.Inbox`, `kx.consolidate`)."""
    import subprocess
    import sys

    probe = (
        "import sys, kinerja_xl as kx; batch = kx.check([sys.argv[1]]); "
        "print(sorted(m for m in ('xlsxwriter', 'sqlite3', 'kinerja_xl.inbox', "
        "'kinerja_xl.provincial.workbook', 'kinerja_xl.web', 'pandera') if m in sys.modules)); "
        "kx.Inbox; print(sorted(m for m in ('sqlite3', 'kinerja_xl.inbox') if m in sys.modules))"
    )
    seed = ROOT / "sample_workbooks" / "KPU Kota Banjarmasin - RKT 2024.xlsx"
    loaded = subprocess.run(
        [sys.executable, "-c", probe, str(seed)], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert loaded[:2] == ["['pandera']", "['kinerja_xl.inbox', 'sqlite3']"]


def test_a_changelog_says_what_changed_for_users():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog") and "## Unreleased" in text
    assert f"## {kx.__version__}" in text


def test_the_reference_page_names_every_public_name_and_code():
    from kinerja_xl.model.issues import CODES

    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    for name in kx.__all__:
        if name != "__version__":
            assert f"`kx.{name}" in text, name
    for code in CODES:
        assert f"### `{code}`" in text, code
