"""Round three of hostile inputs (issue 20): nothing an office sends or names can delete, leak
or multiply, and every cost is bounded (docs/robustness.md)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import openpyxl
from conftest import BANJARMASIN, digest
from typer.testing import CliRunner

from kinerja_xl.cli import app

runner = CliRunner()


def dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def rewrite(source: Path, target: Path, change) -> Path:
    """A copy of an .xlsx whose parts `change(parts)` edits in place."""
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    change(parts)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def external_targets(path: Path) -> list[str]:
    """Every external link target and every in-workbook location of a workbook."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name).decode("utf-8", "replace")
            if name.endswith(".rels"):
                found += re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', data)
            elif name.startswith("xl/worksheets/sheet"):
                found += re.findall(r'<hyperlink [^>]*location="([^"]*)"', data)
    return found


# --- 1. nothing is deleted but what kinerja-xl can prove it made -------------------------------


def test_an_office_folder_named_like_a_work_folder_is_never_deleted(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox / "RKT.xlsx")
    office = inbox / f".~kinerja-{dead_pid()}-tapin"
    office.mkdir()
    shutil.copy(BANJARMASIN, office / "RKT Tapin.xlsx")
    (office / "catatan.txt").write_text("kiriman kami")
    before = {p.name: digest(p) for p in office.iterdir()}
    result = runner.invoke(app, ["consolidate", str(inbox), "-o", str(inbox / "K.xlsx")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox)])
    assert result.exit_code == 0, result.output
    assert {p.name: digest(p) for p in office.iterdir()} == before


def test_a_work_folder_that_holds_anything_else_is_kept(tmp_path):
    """Even a real leftover of ours is kept once someone put a file of their own in it."""
    pid = dead_pid()
    code = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        import kinerja_xl.outputs.write as write
        os.getpid = lambda: {pid}
        with write.atomic_output(Path(sys.argv[1])) as temporary:
            temporary.write_bytes(b"half")
            os._exit(0)  # killed outright: no clean-up runs
    """)
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "o.xlsx")], check=True)
    (leftover,) = [p for p in tmp_path.iterdir() if p.name.startswith(".~kinerja-")]
    (leftover / "punya kantor.xlsx").write_bytes(BANJARMASIN.read_bytes())
    out = tmp_path / "o.xlsx"
    result = runner.invoke(app, ["consolidate", str(BANJARMASIN), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (leftover / "punya kantor.xlsx").exists()


# --- 2. links only where we mean them: in the workbook, or relative -----------------------------


def test_a_file_name_with_backslashes_makes_no_link_to_another_machine(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox / "\\\\host\\share\\KPU Kota Banjarmasin RKT.xlsx")
    shutil.copy(BANJARMASIN, inbox / "C:RKT.xlsx")
    shutil.copy(BANJARMASIN, inbox / "KPU Kota Banjarmasin - RKT 2024.xlsx")
    out = inbox / "K.xlsx"
    result = runner.invoke(app, ["consolidate", str(inbox), "-o", str(out), "--keep-all"])
    assert result.exit_code == 0, result.output
    targets = external_targets(out)
    targets = [t for t in external_targets(out) if not t.startswith("'")]
    assert set(targets) == {"KPU%20Kota%20Banjarmasin%20-%20RKT%202024.xlsx"}  # the plain file
    rkt = openpyxl.load_workbook(out)["RKT"]
    rows = list(rkt.iter_rows(min_row=2, values_only=True))
    header = [c.value for c in rkt[1]]
    berkas, sel = header.index("Berkas"), header.index("Sel")
    assert {row[berkas] for row in rows} == {
        "\\\\host\\share\\KPU Kota Banjarmasin RKT.xlsx",
        "C:RKT.xlsx",
        "KPU Kota Banjarmasin - RKT 2024.xlsx",
    }
    assert all(re.fullmatch(r"[A-Z]+\d+", row[sel]) for row in rows)  # the reference stays
    for row in rkt.iter_rows(min_row=2):
        link = row[sel].hyperlink
        if row[berkas].value != "KPU Kota Banjarmasin - RKT 2024.xlsx":
            assert link is None, (row[berkas].value, link)


def _sheet_renamed(old: bytes, new: bytes):
    def change(parts):
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(old, new)

    return change


def test_a_sheet_name_with_slashes_never_becomes_backslashes_in_a_link(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    rewrite(BANJARMASIN, inbox / "RKT.xlsx", _sheet_renamed(b'name="RKT KPU"', b'name="RKT//KPU"'))
    out = tmp_path / "K.xlsx"
    result = runner.invoke(app, ["consolidate", str(inbox), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    targets = external_targets(out)
    assert "kiriman\\RKT.xlsx" in targets  # relative (xlsxwriter writes '\\' between folders)
    for target in targets:
        assert not target.startswith(("file:", "/", "\\")) and "\\\\" not in target, target
        assert "RKT\\KPU" not in target and "RKT//KPU" not in target, target  # no link there
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(tmp_path / "ann")])
    (copy,) = (tmp_path / "ann").glob("*.xlsx")
    for target in external_targets(copy):
        assert "\\" not in target and not target.startswith(("file:", "/")), target


# --- 3. our own outputs are known by what we wrote in them, never by a sheet name --------------


def test_a_workbook_with_its_own_masalah_sheet_gets_one_copy_however_often_it_is_checked(
    tmp_path,
):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    book = openpyxl.load_workbook(BANJARMASIN)
    book.create_sheet("Masalah").append(["Masalah yang dihadapi", "Upaya"])
    book.save(inbox / "KPU Kota Banjarmasin - LKj 2024.xlsx")
    for _run in range(3):
        result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox)])
        assert result.exit_code == 0, result.output
        assert len(list(inbox.iterdir())) == 2, sorted(p.name for p in inbox.iterdir())
    out = tmp_path / "K.xlsx"
    result = runner.invoke(app, ["consolidate", str(inbox), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rkt = openpyxl.load_workbook(out)["RKT"]
    berkas = [c.value for c in rkt[1]].index("Berkas")
    files = {row[berkas] for row in rkt.iter_rows(min_row=2, values_only=True)}
    assert files == {"KPU Kota Banjarmasin - LKj 2024.xlsx"}  # never from a copy of ours


def test_a_sheet_layout_like_ours_does_not_make_an_office_file_ours(tmp_path):
    """An office that copied our Masalah sheet's layout into its own workbook is still read."""
    path = tmp_path / "RKT.xlsx"
    book = openpyxl.load_workbook(BANJARMASIN)
    masalah = book.create_sheet("Masalah", 0)
    for col, title in enumerate(["Lembar", "Sel", "Tingkat", "Kode", "Nilai", "Pesan"], 1):
        masalah.cell(row=5, column=col, value=title)
    book.save(path)
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    assert [t["rows"] for t in data["files"][0]["tables"]] == [13, 18, 9]


def test_consolidating_into_the_input_folder_twice_works(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox / "RKT.xlsx")
    out = inbox / "K.xlsx"
    for _run in range(2):
        result = runner.invoke(app, ["consolidate", str(inbox), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "Berkas: dibaca 1" in result.stdout
    assert "K.xlsx" in result.output  # said as skipped: our own output
    assert sorted(p.name for p in inbox.iterdir()) == ["K.xlsx", "RKT.xlsx"]


def test_an_office_file_named_as_the_output_is_still_refused(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox / "K.xlsx")
    before = digest(inbox / "K.xlsx")
    result = runner.invoke(app, ["consolidate", str(inbox), "-o", str(inbox / "K.xlsx")])
    assert result.exit_code == 2 and digest(inbox / "K.xlsx") == before


# --- folders as a Mac and an unlucky office leave them -----------------------------------------


def test_macos_companion_files_are_skipped_and_said(tmp_path):
    shutil.copy(BANJARMASIN, tmp_path / "RKT.xlsx")
    (tmp_path / "._RKT.xlsx").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "._RKT.xlsx (berkas pendamping macOS" in result.stdout
    data = json.loads(runner.invoke(app, ["check", str(tmp_path), "--format", "json"]).stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["RKT.xlsx"]
    assert data["skipped"][0]["reason"] == "apple-double"


def test_a_folder_1100_levels_deep_is_walked(tmp_path):
    deep = tmp_path / "kiriman"
    deep.mkdir()
    for _level in range(1100):  # pathlib's mkdir(parents=True) would recurse itself
        deep = deep / "a"
        os.mkdir(deep)
    shutil.copy(BANJARMASIN, deep / "RKT.xlsx")
    try:
        _check_the_deep_folder(tmp_path)
    finally:  # bottom up: shutil.rmtree (and pytest's clean-up) would recurse 1,100 levels
        (deep / "RKT.xlsx").unlink()
        while deep != tmp_path:
            os.rmdir(deep)
            deep = deep.parent


def _check_the_deep_folder(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kinerja_xl",
            "check",
            str(tmp_path / "kiriman"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    (only,) = json.loads(done.stdout)["files"]
    assert only["readable"] and only["path"].endswith("/a/RKT.xlsx")
