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
import pytest
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


# --- every text bounded as it is read ----------------------------------------------------------


def test_every_reader_keeps_at_most_32767_letters_of_a_cell(tmp_path):
    """Item 5: a cell's text is capped at Excel's 32,767 letters as it is collected, in every
    reader (an .ods cell of two billion spaces cost 2.2 GB)."""
    from hostile_files import ODS_CONTENT, package, sheet_xml

    from kinerja_xl.reading.read import open_workbook

    long = "x" * 40_000
    xlsx = tmp_path / "panjang.xlsx"
    crafted = '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    package(xlsx, [("RKT", sheet_xml([[long]], crafted))], shared=[long + "y"])
    cells = open_workbook(xlsx).sheets[0].cells
    assert [len(cells[(r, 1)].value) for r in (1, 2)] == [32_767, 32_767]
    ods = tmp_path / "panjang.ods"
    spaces = '<text:s text:c="1000"/>' * 50
    row = (
        f'<table:table-row><table:table-cell office:value-type="string"><text:p>a{spaces}</text:p>'
        f"<text:p>{long}</text:p></table:table-cell>"
        f'<table:table-cell office:value-type="string" office:string-value="{long}"/>'
        "</table:table-row>"
    )
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", ODS_CONTENT.format(rows=row))
    cells = open_workbook(ods).sheets[0].cells
    assert len(cells[(1, 1)].value) == 32_767 and cells[(1, 1)].value.startswith("a" + " " * 5_000)
    assert len(cells[(1, 2)].value) == 32_767


def test_a_file_too_compressed_or_too_big_for_memory_never_advises_a_higher_limit(
    tmp_path, monkeypatch
):
    """KINERJA_XL_MAX_MB raises the inflated-size limit; it cannot help a part compressed 400×
    (the ratio guard) nor a file that ran out of memory, so neither message says it."""
    from kinerja_xl.reading import read

    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 5_000_000)
    result = runner.invoke(app, ["check", str(bomb)])
    assert result.exit_code == 2 and "bom zip" in result.output, result.output
    assert "KINERJA_XL_MAX_MB" not in result.output

    def exhausted(*_args, **_kwargs):
        raise MemoryError

    monkeypatch.setattr(read, "read_ooxml", exhausted)
    result = runner.invoke(app, ["check", str(BANJARMASIN)])
    assert result.exit_code == 2 and "memori tidak cukup" in result.output, result.output
    assert "KINERJA_XL_MAX_MB" not in result.output


def test_cell_references_outside_excels_grid_are_refused_when_read(tmp_path):
    """Item 11: E0, A1048577, XFE4 (no cell of Excel's can be there) make the file unreadable,
    said at once, instead of a ValueError when the copy is rebuilt."""
    from hostile_files import outside_the_grid, package, sheet_xml

    path = tmp_path / "di-luar-grid.xlsx"
    outside_the_grid(path)
    out = tmp_path / "ann"
    result = runner.invoke(app, ["check", str(path), "--annotate", str(out), "--format", "json"])
    assert result.exit_code == 2, result.output
    (report,) = json.loads(result.stdout)["files"]
    assert not report["readable"] and "E0" in report["issues"][0]["message"]
    for crafted in (
        '<row r="3"><c r="A1048577"><v>1</v></c></row>',
        '<row r="3"><c r="XFE3"><v>1</v></c></row>',
        '<row r="0"><c><v>1</v></c></row>',
    ):
        package(path, [("RKT", sheet_xml([["a"]], crafted))])
        data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
        assert data["files"][0]["issues"][0]["code"] == "file-unreadable", crafted


# --- wrong answers ------------------------------------------------------------------------------


def test_an_xls_whose_text_says_encryptedpackage_is_read(tmp_path):
    """Item 13: encryption is read from the OLE directory (a stream named EncryptedPackage), not
    from a search of the whole file, which found the word in an office's text."""
    from hostile_files import xls_saying_encrypted_package

    path = tmp_path / "RKT.xls"
    xls_saying_encrypted_package(path)
    assert "EncryptedPackage".encode("utf-16-le") in path.read_bytes()
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    (report,) = data["files"]
    assert report["readable"] and report["tables"][0]["rows"] == 1


def _no_constants(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


def test_the_largest_numbers_are_shown_as_excel_shows_them(tmp_path):
    """Item 14: 1e308 is '1E+308' (was a 309-digit number), and under a percent format
    '1E+310%', a target that cannot be read (was 'inf%', and 'Infinity' in the JSON)."""
    from hostile_files import huge_numbers

    path = tmp_path / "RKT.xlsx"
    huge_numbers(path)
    result = runner.invoke(app, ["inspect", str(path), "--format", "json"])
    data = json.loads(result.stdout, parse_constant=_no_constants)
    records = data["files"][0]["tables"][0]["records"]
    assert [r["target"]["text"] for r in records] == ["1E+308", "1E+310%"]
    assert records[0]["target"]["value"] == 1e308 and records[1]["target"]["value"] is None
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    issues = [(i["code"], i["cell"], i["value"]) for i in data["files"][0]["issues"]]
    assert ("target-unparseable", "D3", "1E+310%") in issues
    assert "Infinity" not in result.stdout and "inf%" not in json.dumps(data)


def test_full_width_digits_are_read_in_percentages_as_in_rupiah():
    from kinerja_xl.layouts.normalise import parse_amount, parse_target

    assert [parse_target(t).value for t in ("８０％", "８０，５％", "≥ ８０ %")] == [80, 80.5, 80]
    assert parse_target("８０％").unit == "persen" and parse_target("８０％").text == "８０％"
    assert parse_amount("Ｒｐ ８１４．８１５．０００").value == 814_815_000


# --- outputs ------------------------------------------------------------------------------------


def test_an_output_not_named_xlsx_is_a_usage_error(tmp_path):
    """'-o K.csv' wrote an .xlsx under that name (Excel refuses to open it): refused, exit 2,
    saying what to name it; nothing is written."""
    for name in ("K.csv", "K.xls", "K.ods", "K"):
        out = tmp_path / name
        result = runner.invoke(app, ["consolidate", str(BANJARMASIN), "-o", str(out)])
        assert result.exit_code == 2, (name, result.output)
        assert "bukan nama buku kerja .xlsx" in result.output and "K.xlsx" in result.output
        result = runner.invoke(app, ["template", "rkt", "-o", str(out)])
        assert result.exit_code == 2, (name, result.output)
    assert list(tmp_path.iterdir()) == []
    result = runner.invoke(app, ["consolidate", str(BANJARMASIN), "-o", str(tmp_path / "K.XLSX")])
    assert result.exit_code == 0, result.output


def test_office_text_on_the_copys_masalah_sheet_keeps_the_quote_prefix(tmp_path):
    """A value starting =, +, -, @ is written as text with the quote prefix on the copy's
    Masalah sheet, as the provincial workbook writes it, so that an edit does not make it live."""
    from hostile_files import package, sheet_xml

    path = tmp_path / "RKT.xlsx"
    rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]]
    rows += [
        [str(n), "Terwujudnya A", f"Persentase {n}", t]
        for n, t in enumerate(["=1+1", "+62 811", "@SUM(A1)", "-x"], start=1)
    ]
    package(path, [("RKT", sheet_xml(rows))])
    out = tmp_path / "ann"
    result = runner.invoke(app, ["check", str(path), "--annotate", str(out)])
    assert result.exit_code == 1, result.output
    (copy,) = out.glob("*.xlsx")
    masalah = openpyxl.load_workbook(copy).worksheets[0]
    risky = [
        c
        for row in masalah.iter_rows(min_row=6)
        for c in row
        if isinstance(c.value, str) and c.value[:1] in "=+-@"
    ]
    assert {c.value for c in risky} >= {"=1+1", "+62 811", "@SUM(A1)", "-x"}
    assert all(c.quotePrefix and c.data_type == "s" for c in risky), [
        (c.coordinate, c.value) for c in risky if not c.quotePrefix
    ]


def test_a_dde_formula_is_said_as_such_not_as_a_link_to_another_file(tmp_path):
    """A DDE formula (cmd|' /C calc'!A0) asks a program for data and may start it: said as a
    DDE formula at its cell (it was counted as a link to another file)."""
    from hostile_files import dde_formula, package, sheet_xml

    path = tmp_path / "RKT.xlsx"
    dde_formula(path)
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    issues = {(i["code"], i["cell"], i["value"]) for i in data["files"][0]["issues"]}
    assert ("dde-formula", "D3", "=cmd|' /C calc'!A0") in issues
    assert not [i for i in issues if i[0] == "external-link"], issues
    result = runner.invoke(app, ["check", str(path), "--lang", "en"])
    assert "DDE formula" in result.output and "other files" not in result.output
    # the link part alone (the formula that used it not found): said for the workbook
    with zipfile.ZipFile(path) as archive:
        link = archive.read("xl/externalLinks/externalLink1.xml")
    alone = tmp_path / "tautan.xlsx"
    package(alone, [("RKT", sheet_xml([["No", "Indikator Kinerja", "Target"]]))])
    with zipfile.ZipFile(alone, "a") as archive:
        archive.writestr("xl/externalLinks/externalLink1.xml", link)
    data = json.loads(runner.invoke(app, ["check", str(alone), "--format", "json"]).stdout)
    issues = {(i["code"], i["cell"], i["value"]) for i in data["files"][0]["issues"]}
    assert ("dde-formula", None, "cmd| /C calc") in issues


def test_an_interruption_while_a_work_folder_is_made_leaves_nothing(tmp_path, monkeypatch):
    """SIGTERM right after the folder was made and before its marker was written left a folder
    that could never be proven ours (seen once in make test): interruptions wait until the
    marker is written; any other failure undoes what was made, and nothing else."""
    import signal

    from kinerja_xl.outputs import workfolders

    class Stopped(BaseException):
        pass

    def stop(*_args):
        raise Stopped

    previous = signal.signal(signal.SIGTERM, stop)
    made = workfolders.os.mkdir

    def made_then_terminated(*args, **kwargs):
        made(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)  # held until the marker is written, or not

    monkeypatch.setattr(workfolders.os, "mkdir", made_then_terminated)
    try:
        with pytest.raises(Stopped):
            workfolders.make_work_folder(tmp_path)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(workfolders.os, "mkdir", made)

    def broken(*_args, **_kwargs):
        raise KeyboardInterrupt  # as if the marker could not be written

    monkeypatch.setattr(workfolders.os, "fdopen", broken)
    with pytest.raises(KeyboardInterrupt):
        workfolders.make_work_folder(tmp_path)
    assert list(tmp_path.iterdir()) == []


# --- the marked-up copy: names, sheets, costs ---------------------------------------------------


def test_a_252_byte_file_name_does_not_stop_the_other_copies(tmp_path):
    """Item 7: a legal 252-byte name gave its copy a name no system holds; no copy was written
    for any file and the message blamed the output folder. Its copy's name is cut short."""
    from hostile_files import LONG_NAME, plan

    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    plan(inbox / LONG_NAME)
    shutil.copy(BANJARMASIN, inbox / "RKT.xlsx")
    out = tmp_path / "diperiksa"
    for _run in range(2):
        result = runner.invoke(app, ["check", str(inbox), "--annotate", str(out)])
        assert result.exit_code == 0, result.output
        assert "tidak dapat dibuat" not in result.output
        names = sorted(p.name for p in out.iterdir())
        assert len(names) == 2 and "RKT (diperiksa).xlsx" in names, names
    (long,) = [n for n in names if n != "RKT (diperiksa).xlsx"]
    assert len(long.encode()) <= 255 and long.endswith("… (diperiksa).xlsx")
    assert long.startswith(LONG_NAME[:200])


def test_a_workbook_of_10001_sheets_is_refused_with_a_clear_message(tmp_path, monkeypatch):
    """Item 8: nothing bounded the sheet count (the marked-up copy of 10,001 sheets took
    41–60 s): past 1,000 sheets the file is unreadable, said with the count and the limit, and
    KINERJA_XL_MAX_SHEETS raises it."""
    from hostile_files import many_sheets

    path = tmp_path / "lembar.xlsx"
    many_sheets(path, 1_001)
    result = runner.invoke(app, ["check", str(path), "--annotate", str(tmp_path / "ann")])
    assert result.exit_code == 2, result.output
    assert "terlalu banyak lembar (1001 > 1000)" in result.output
    assert "KINERJA_XL_MAX_SHEETS" in result.output
    small = tmp_path / "lima.xlsx"
    many_sheets(small, 5)
    monkeypatch.setenv("KINERJA_XL_MAX_SHEETS", "4")
    assert runner.invoke(app, ["check", str(small)]).exit_code == 2
    monkeypatch.setenv("KINERJA_XL_MAX_SHEETS", "5")
    assert runner.invoke(app, ["check", str(small)]).exit_code == 0


def test_duplicate_case_variant_and_long_sheet_names_get_their_own_links(tmp_path):
    """Item 10: two sheets named 'RKT', a 'rkt' and a 40-letter name (which Excel never
    writes): every issue is reported on its own sheet, linked and marked there in the copy,
    and the copy is not rebuilt ('Strict OOXML' was claimed)."""
    from hostile_files import awkward_sheet_names

    path = tmp_path / "RKT.xlsx"
    awkward_sheet_names(path)
    long = "Rencana Kinerja Tahunan KPU Kota Tapin 24"
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json"]).stdout)
    issues = [(i["sheet"], i["cell"]) for i in data["files"][0]["issues"] if i["cell"]]
    assert issues == [("RKT", "D2"), ("RKT (2)", "D2"), ("rkt", "D2"), (long, "D2")]
    out = tmp_path / "ann"
    assert runner.invoke(app, ["check", str(path), "--annotate", str(out)]).exit_code == 1
    (copy,) = out.glob("*.xlsx")
    book = openpyxl.load_workbook(copy)
    titles = ["RKT", "RKT (2)", "rkt (3)", long[:31]]
    assert book.sheetnames == ["Masalah", *titles]
    masalah = book["Masalah"]
    assert masalah["A3"].value is None  # no note: the copy was not rebuilt
    rows = [r for r in masalah.iter_rows(min_row=6) if r[1].value == "D2"]
    assert [r[0].value for r in rows] == ["RKT", "RKT (2)", "rkt", long]
    locations = [r[1].hyperlink.location for r in rows]
    assert locations == [f"'{title}'!D2" for title in titles]
    assert all(book[title]["D2"].comment is not None for title in titles)


def test_a_copy_lists_a_bounded_number_of_issues_and_says_how_many_more(tmp_path, monkeypatch):
    """30,000 issues made a copy of a minute (openpyxl spends a millisecond on each): the copy
    marks and lists the first ones and says how many more the report holds."""
    from kinerja_xl.outputs import markup

    monkeypatch.setattr(markup, "MOST_ISSUES_IN_COPY", 3)
    (report,) = check_files_of([BANJARMASIN])
    many = report.issues * 3
    report.issues = many
    result = markup.annotate(report, tmp_path)
    masalah = openpyxl.load_workbook(result.path).worksheets[0]
    values = [r[0].value for r in masalah.iter_rows(min_row=6)]
    assert len(values) == 4 and values[-1].startswith(f"… dan {len(many) - 3} masalah lagi")


def check_files_of(paths):
    from kinerja_xl.pipeline import check_files

    return check_files(paths)


# --- an office's copy sent back -----------------------------------------------------------------


def _fix_and_save_as_an_office(copy: Path, cell: str, value) -> None:
    """What Excel does when the office fixes a cell and saves: new modified time, new writer
    (openpyxl's save sets the time; the writer is set as Excel would)."""
    book = openpyxl.load_workbook(copy)
    sheet = next(s for s in book.worksheets if s.title != "Masalah")
    sheet[cell] = value
    book.properties.lastModifiedBy = "Operator KPU Tapin"
    book.save(copy)


def test_a_marked_up_copy_fixed_and_sent_back_is_read_as_the_offices(tmp_path):
    """The property that marks our copies survives Excel's save: a copy fixed by the office and
    sent back was skipped as our own output. Saved since (another time, another writer), it is
    the office's submission again, said as such, read without our Masalah sheet; an untouched
    copy stays ours. Copies never multiply."""
    from hostile_files import package, sheet_xml

    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    head = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
    package(
        inbox / "RKT.xlsx",
        [("RKT", sheet_xml([head, ["1", "Terwujudnya A", "Persentase a", "120%"]]))],
    )
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox)])
    assert result.exit_code == 1, result.output
    copy = inbox / "RKT (diperiksa).xlsx"
    data = json.loads(runner.invoke(app, ["check", str(inbox), "--format", "json"]).stdout)
    untouched = next(f for f in data["files"] if f["path"] == str(copy))
    assert [i["code"] for i in untouched["issues"]] == ["generated-file"]  # still ours

    _fix_and_save_as_an_office(copy, "D2", "90%")
    data = json.loads(runner.invoke(app, ["check", str(inbox), "--format", "json"]).stdout)
    returned = next(f for f in data["files"] if f["path"] == str(copy))
    codes = [i["code"] for i in returned["issues"]]
    assert "generated-file" not in codes and "returned-copy" in codes, codes
    said = next(i for i in returned["issues"] if i["code"] == "returned-copy")
    assert "Operator KPU Tapin" in said["message"] and "'Masalah'" in said["message"]
    assert [t["sheet"] for t in returned["tables"]] == ["RKT"]  # our Masalah sheet is not read
    assert not [i for i in returned["issues"] if i["severity"] == "error"]  # the fix counts

    for _run in range(2):
        result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox)])
        assert result.exit_code == 1, result.output
        assert sorted(p.name for p in inbox.iterdir()) == [
            "RKT (diperiksa 2).xlsx",
            "RKT (diperiksa) (diperiksa).xlsx",
            "RKT (diperiksa).xlsx",
            "RKT.xlsx",
        ]
    again = openpyxl.load_workbook(inbox / "RKT (diperiksa) (diperiksa).xlsx")
    assert again.sheetnames == ["Masalah", "RKT"]  # one issues sheet: ours, new
    assert again["RKT"]["D2"].comment is None  # the old mark went with the fix


def test_the_rules_see_every_letter_of_a_text_but_of_a_hostile_frame(monkeypatch):
    """A frame's texts are cut only when they add up past FRAME_LETTERS (one 30,000-letter text
    in 60,000 rows: pandera copied it into its message for every failing row, 3.7 GB); a
    province's rule on a 300-letter indicator sees all 300 letters."""
    from kinerja_xl.checking import validate

    long = "Persentase " + "x" * 289
    frame = validate._frame("iku", {"indikator": [long, "Indeks b"]})
    assert list(frame["indikator"]) == [long, "Indeks b"]
    monkeypatch.setattr(validate, "FRAME_LETTERS", 250)
    frame = validate._frame("iku", {"indikator": [long, "Indeks b"]})
    assert list(frame["indikator"]) == [long[:200] + "…", "Indeks b"]


def test_a_sheet_name_is_bounded_as_it_is_read(tmp_path):
    """Excel allows 31 letters; a crafted workbook.xml may name a sheet with 500,000 (under the
    ratio guard, which looks at parts over 1 MB): the name was repeated whole in every issue of
    the JSON, every row of Masalah and every link. It is cut to 100 letters and '…' as it is
    read, and two names alike after the cut are still told apart."""
    from hostile_files import package, sheet_xml

    path = tmp_path / "RKT.xlsx"
    rows = [
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        ["1", "Terwujudnya A", "Persentase a", "120%"],
    ]
    long = "R" * 500_000
    package(path, [(long, sheet_xml(rows)), (long + "S", sheet_xml(rows))])
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output[-500:]
    (report,) = json.loads(result.stdout)["files"]
    sheets = [t["sheet"] for t in report["tables"]]
    assert sheets == ["R" * 99 + "…", "R" * 99 + "… (2)"]
    assert {i["sheet"] for i in report["issues"] if i["cell"]} == set(sheets)
    assert len(result.stdout) < 20_000


def test_a_zip_of_countless_parts_is_refused_from_its_directory(tmp_path, monkeypatch):
    """A workbook with 400,000 empty parts (36 MB, under every size guard) cost 390 MB before
    a cell was read: zipfile holds an object for every entry of the directory. The directory's
    size is read from the zip's end record first, and past MAX_ZIP_DIRECTORY the file is
    unreadable, said as such (raising KINERJA_XL_MAX_MB would not help: not advised)."""
    from hostile_files import PLAN, package, sheet_xml

    from kinerja_xl.reading import read

    path = tmp_path / "RKT.xlsx"
    package(path, [("RKT", sheet_xml(PLAN))])
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        for index in range(3_000):
            archive.writestr(f"x/{index}", b"")
    monkeypatch.setattr(read, "MAX_ZIP_DIRECTORY", 100_000)  # 3,000 entries: 117 KB
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert "terlalu banyak bagian" in result.output and "KINERJA_XL_MAX_MB" not in result.output
    monkeypatch.setattr(read, "MAX_ZIP_DIRECTORY", 200_000)
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0


def test_the_provincial_workbook_beside_its_office_files_adds_no_second_check(tmp_path):
    """`consolidate DIR -o DIR/K.xlsx`, then `check DIR --annotate DIR`: K.xlsx was read back as
    the office files it holds, so RKT.xlsx was checked twice (once through K.xlsx) and got a
    second copy, 'RKT.xlsx (diperiksa 2).xlsx'. An office file is checked from its own file,
    once; the provincial workbook whose files are all there is said as skipped."""
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox / "RKT.xlsx")
    assert (
        runner.invoke(app, ["consolidate", str(inbox), "-o", str(inbox / "K.xlsx")]).exit_code == 0
    )
    data = json.loads(runner.invoke(app, ["check", str(inbox), "--format", "json"]).stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["RKT.xlsx"]
    assert [(Path(s["path"]).name, s["reason"]) for s in data["skipped"]] == [
        ("K.xlsx", "parts-checked")
    ]
    for _run in range(2):
        result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox)])
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in inbox.iterdir()) == [
            "K.xlsx",
            "RKT (diperiksa).xlsx",
            "RKT.xlsx",
        ]
    assert "K.xlsx (buku kerja provinsi kinerja-xl" in result.output
    # a provincial workbook alone is still checked as the office files it holds
    alone = tmp_path / "K.xlsx"
    shutil.move(inbox / "K.xlsx", alone)
    data = json.loads(runner.invoke(app, ["check", str(alone), "--format", "json"]).stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["RKT.xlsx"] and not data.get("skipped")


def test_a_workbook_part_listing_countless_sheets_is_counted_not_held(tmp_path):
    """A 25 MB file whose workbook.xml lists 1,500,000 sheets was refused only after every
    entry was held (900 MB): the entries past the sheet limit are counted, never kept."""
    from hostile_files import PLAN, package, sheet_xml

    from kinerja_xl.reading.ooxml import _TagCollector

    collector = _TagCollector({"sheet"}, keep=3)
    for index in range(10):
        collector.start("sheet", {"name": str(index)})
    assert [a["name"] for _t, a in collector.found] == ["0", "1", "2"] and collector.count == 10
    path = tmp_path / "RKT.xlsx"
    package(path, [("RKT", sheet_xml(PLAN))])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    extra = "".join(f'<sheet name="L{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(2, 300_000))
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>", extra.encode() + b"</sheets>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    code = (
        "import resource, sys; from kinerja_xl.reading.read import open_workbook\n"
        "try:\n    open_workbook(sys.argv[1])\nexcept Exception as exc:\n    print(exc)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
    )
    small = tmp_path / "kecil.xlsx"
    package(small, [("RKT", sheet_xml(PLAN))])
    costs = []
    for checked in (small, path):
        done = subprocess.run(
            [sys.executable, "-c", code, str(checked)], capture_output=True, text=True
        )
        costs.append(int(done.stdout.split()[-1]))
    assert "299999 > 1000" in done.stdout, done.stdout + done.stderr
    assert costs[1] - costs[0] < 30, costs  # was 120 MB more at 300,000 entries


def test_the_copy_reads_an_offices_cells_again_only_to_rebuild_it(tmp_path, monkeypatch):
    """The marked-up copy read the whole workbook again (2 s of a 60,000-row copy) to learn
    its sheets, merges and properties: the cells are read again only when the copy is rebuilt
    from them."""
    from kinerja_xl.outputs import markup
    from kinerja_xl.reading import ooxml

    (report,) = check_files_of([BANJARMASIN])
    sheets_read = []
    read_sheet = ooxml._read_sheet
    monkeypatch.setattr(
        ooxml, "_read_sheet", lambda *args: sheets_read.append(args[1]) or read_sheet(*args)
    )
    result = markup.annotate(report, tmp_path / "salinan.xlsx")
    assert sheets_read == [] and result.rebuilt is None
    monkeypatch.setattr(markup, "OPENPYXL_MAX_INFLATED", 1)  # as for a file too big for it
    result = markup.annotate(report, tmp_path / "dibangun.xlsx")
    assert result.rebuilt == "too-large" and len(sheets_read) == 3
    book = openpyxl.load_workbook(tmp_path / "dibangun.xlsx")
    assert book.sheetnames[1:] == ["RKT KPU", "RKT Sekretariat", "Anggaran"]
