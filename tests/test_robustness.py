"""Hostile and broken inputs: a clear answer every time, nothing hangs, nothing is lost."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import BANJARMASIN, digest
from corpus import CASES, write_corpus
from typer.testing import CliRunner

from kinerja_xl.cli import app
from kinerja_xl.outputs import markup as annotate_module
from kinerja_xl.outputs.write import OutputError
from kinerja_xl.pipeline import check_files

runner = CliRunner()
CASE_IDS = [c.name for c in CASES]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_corpus(folder)
    good = tmp_path_factory.mktemp("good") / "KPU Kota Banjarmasin - RKT 2024.xlsx"
    shutil.copy(BANJARMASIN, good)
    return folder, paths, good


def test_the_corpus_has_at_least_25_cases():
    assert len(CASES) >= 25 and len(set(CASE_IDS)) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_each_bad_input_gets_a_clear_answer_and_the_others_are_reported(corpus, case):
    _folder, paths, good = corpus
    path = paths[case.name]
    text = runner.invoke(app, ["check", str(path), str(good)])
    assert text.exit_code == case.exit_code, text.output
    assert "Traceback" not in text.output
    assert text.exception is None or isinstance(text.exception, SystemExit)
    if "file-unreadable" in case.codes:
        lines = [line for line in text.stderr.splitlines() if path.name in line]
        assert len(lines) == 1 and case.says in lines[0], text.stderr
    elif case.codes:
        assert str(path) in text.stdout and case.says in text.stdout
        sheet, cell = case.where
        if cell:
            assert f"{cell}  [{case.codes[0]}]" in text.stdout

    result = runner.invoke(app, ["check", str(path), str(good), "--format", "json"])
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    mine, other = files[str(path)], files[str(good)]
    # a readable file named for no office also says so (office-unknown, a warning)
    unnamed = {"office-unknown"} if mine["readable"] and mine["office_code"] is None else set()
    assert {i["code"] for i in mine["issues"]} == set(case.codes) | unnamed
    if case.codes:
        first = next(i for i in mine["issues"] if i["code"] == case.codes[0])
        assert (first["sheet"], first["cell"]) == case.where
    if case.rows is not None:
        assert sum(t["rows"] for t in mine["tables"]) == case.rows
    assert [t["rows"] for t in other["tables"]] == [13, 18, 9]
    assert [i["code"] for i in other["issues"]] == ["target-unit-mismatch"] * 2


def test_every_input_is_byte_identical_after_every_command(corpus, tmp_path):
    folder, paths, _good = corpus
    before = {name: digest(path) for name, path in paths.items()}
    for path in paths.values():
        runner.invoke(app, ["inspect", str(path)])
    runner.invoke(app, ["check", str(folder), "--annotate", str(tmp_path / "ann")])
    runner.invoke(app, ["consolidate", str(folder), "-o", str(tmp_path / "out.xlsx"), "--quiet"])
    assert {name: digest(path) for name, path in paths.items()} == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(paths)


MEASURE = textwrap.dedent("""
    import resource, sys, time, json

    def peak_mb():
        # VmHWM is this program's own peak; ru_maxrss also counts what the process held
        # before exec, i.e. the test run that started it
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # the process's own CPU time: the work the file costs, not how busy the machine is
    start = time.process_time()
    from kinerja_xl.pipeline import inspect_file
    report = inspect_file(sys.argv[1])
    print(json.dumps({"seconds": time.process_time() - start, "readable": report.readable,
                      "message": report.issues[0].message() if report.issues else "",
                      "peak_mb": peak_mb()}))
""")


@pytest.mark.parametrize("name", ["bom-zip.xlsx", "bom-xml.xlsx", "terlalu-banyak-sel.xlsx"])
def test_bombs_are_refused_quickly_in_little_memory(corpus, name):
    """Measured in a fresh process, by that process (CPU seconds, so that a machine loaded by
    other work does not fail it)."""
    _folder, paths, _good = corpus
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(paths[name])],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    outcome = json.loads(done.stdout)
    assert outcome["readable"] is False
    assert outcome["seconds"] < 5, outcome
    assert outcome["peak_mb"] < 300, outcome


def test_limits_can_be_raised_for_a_genuine_big_file(corpus, monkeypatch):
    _folder, paths, _good = corpus
    monkeypatch.setenv("KINERJA_XL_MAX_CELLS", "300000")
    (report,) = check_files([paths["terlalu-banyak-sel.xlsx"]])
    assert report.readable and report.tables[0].rows == 2


def test_lock_files_are_skipped_and_said(tmp_path):
    shutil.copy(BANJARMASIN, tmp_path / "RKT.xlsx")
    (tmp_path / "~$RKT.xlsx").write_bytes(b"\x00" * 165)
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 0
    assert "~$RKT.xlsx (berkas kunci Excel (~$), dilewati)" in result.stdout
    data = json.loads(runner.invoke(app, ["check", str(tmp_path), "--format", "json"]).stdout)
    assert [f["path"] for f in data["files"]] == [str(tmp_path / "RKT.xlsx")]
    assert data["skipped"][0]["reason"] == "lock-file"


def test_documents_sent_beside_the_workbooks_are_said_system_files_are_not(tmp_path):
    """A plan sent only as a PDF must not go missing in silence; Thumbs.db and .DS_Store are
    the computer's, not the office's."""
    shutil.copy(BANJARMASIN, tmp_path / "RKT.xlsx")
    (tmp_path / "tapin").mkdir()
    (tmp_path / "tapin" / "RKT Tapin 2024.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "Surat Pengantar.docx").write_bytes(b"PK")
    (tmp_path / "Thumbs.db").write_bytes(b"\x00")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 0  # what was read is clean; the others are said
    assert "RKT Tapin 2024.pdf (bukan buku kerja" in result.stdout
    data = json.loads(runner.invoke(app, ["check", str(tmp_path), "--format", "json"]).stdout)
    assert [(Path(s["path"]).name, s["reason"]) for s in data["skipped"]] == [
        ("Surat Pengantar.docx", "other-document"),
        ("RKT Tapin 2024.pdf", "other-document"),
    ]


def test_a_folder_with_no_workbook(tmp_path):
    (tmp_path / "catatan.txt").write_text("bukan buku kerja")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "folder tanpa buku kerja" in result.stdout
    result = runner.invoke(app, ["consolidate", str(tmp_path), "-o", str(tmp_path / "o.xlsx")])
    assert result.exit_code == 2 and not (tmp_path / "o.xlsx").exists()


def test_a_file_that_cannot_be_opened_for_reading(tmp_path, monkeypatch):
    locked = tmp_path / "terkunci.xlsx"
    shutil.copy(BANJARMASIN, locked)
    real_open = os.open

    def guarded(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    result = runner.invoke(app, ["check", str(locked), str(BANJARMASIN)])
    assert result.exit_code == 2
    assert (
        f"kinerja-xl: {locked}: Berkas tidak dapat dibaca: tidak ada izin membaca berkas"
        in result.stderr
    )
    assert "→ 0 kesalahan, 2 peringatan" in result.stdout


def test_outputs_that_cannot_be_written(tmp_path):
    result = runner.invoke(
        app, ["consolidate", str(BANJARMASIN), "-o", str(tmp_path / "x" / "o.xlsx")]
    )
    assert result.exit_code == 2 and "tidak ada" in result.stderr
    blocker = tmp_path / "berkas"
    blocker.write_text("not a folder")
    result = runner.invoke(app, ["check", str(BANJARMASIN), "--annotate", str(blocker / "sub")])
    assert result.exit_code == 2 and "tidak dapat dibuat" in result.stderr


def test_an_output_that_is_one_of_the_inputs_is_refused_under_any_name(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    source = inbox / "a.xlsx"
    shutil.copy(BANJARMASIN, source)
    before = digest(source)
    (tmp_path / "link.xlsx").symlink_to(source)
    os.link(source, tmp_path / "hard.xlsx")
    for output in (
        source,
        inbox / ".." / "kiriman" / "a.xlsx",
        tmp_path / "link.xlsx",
        tmp_path / "hard.xlsx",
    ):
        result = runner.invoke(app, ["consolidate", str(inbox), "-o", str(output)])
        assert result.exit_code == 2, output
        assert "a.xlsx" in result.stderr or str(output) in result.stderr
    assert digest(source) == before
    result = runner.invoke(app, ["consolidate", str(inbox), "-o", str(tmp_path / "new.xlsx")])
    assert result.exit_code == 0 and (tmp_path / "new.xlsx").exists()


def test_the_program_ends_with_its_exit_code_and_everything_printed(tmp_path):
    """The real process leaves without the interpreter's teardown (cli._end_process): what it
    printed must still all arrive, and the exit code be the command's."""
    command = [sys.executable, "-m", "kinerja_xl", "check", "--format", "json"]
    done = subprocess.run([*command, str(BANJARMASIN)], capture_output=True, text=True)
    assert done.returncode == 0
    files = json.loads(done.stdout)["files"]  # the whole JSON, to its last brace
    assert [Path(f["path"]).name for f in files] == [BANJARMASIN.name]
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    done = subprocess.run([*command, str(broken)], capture_output=True, text=True)
    assert done.returncode == 2 and "rusak.xlsx" in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_xl", "check", "--lang", "fr"], capture_output=True
    )
    assert done.returncode == 2 and b"fr" in done.stderr  # typer's own usage error


def test_a_failure_mid_write_leaves_no_partial_annotated_copy(tmp_path, monkeypatch):
    import openpyxl.writer.excel as writer_module

    def half_then_fail(self):
        self._archive.writestr("xl/workbook.xml", b"half a workbook")
        self._archive.close()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer_module.ExcelWriter, "save", half_then_fail)
    (report,) = check_files([BANJARMASIN])
    with pytest.raises(OutputError) as failure:
        annotate_module.annotate(report, tmp_path)
    assert failure.value.reason == "disk-full"
    assert list(tmp_path.iterdir()) == []


def test_a_copy_openpyxl_cannot_edit_is_said_and_the_others_are_annotated(tmp_path, monkeypatch):
    import openpyxl

    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox / "a.xlsx")
    shutil.copy(BANJARMASIN, inbox / "b.xlsx")
    real_load = openpyxl.load_workbook

    def fails_on_a(path, *args, **kwargs):
        if str(path).endswith("a.xlsx"):
            raise KeyError("There is no item named 'xl/theme/theme1.xml' in the archive")
        return real_load(path, *args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", fails_on_a)
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    copies = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert copies == ["a (diperiksa).xlsx", "b (diperiksa).xlsx"]
    # a's copy was rebuilt from the cells read, and says so on its first sheet
    masalah = real_load(tmp_path / "out" / "a (diperiksa).xlsx")["Masalah"]
    assert "dibuat ulang" in masalah["A3"].value and "openpyxl: KeyError" in masalah["A3"].value
    assert real_load(tmp_path / "out" / "b (diperiksa).xlsx")["Masalah"]["A3"].value is None


def test_a_copy_that_cannot_be_written_is_said_exits_2_and_the_others_are_written(
    tmp_path, monkeypatch
):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox / "a.xlsx")
    shutil.copy(BANJARMASIN, inbox / "b.xlsx")
    real_annotate = annotate_module.annotate

    def read_only_for_a(report, target, *args, **kwargs):
        if report.path.endswith("a.xlsx"):
            raise OutputError("not-writable", Path(target))
        return real_annotate(report, target, *args, **kwargs)

    monkeypatch.setattr(annotate_module, "annotate", read_only_for_a)
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "a.xlsx' gagal ditulis: tidak dapat menulis di folder" in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["b (diperiksa).xlsx"]


@pytest.mark.parametrize(
    "part", ["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]
)
def test_entities_in_any_small_part_are_refused(tmp_path, part):
    """Not only the sheets: every part of the package goes through the DTD-refusing parser."""
    import zipfile

    from corpus import BILLION_LAUGHS

    path = tmp_path / "racun.xlsx"
    with zipfile.ZipFile(BANJARMASIN) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == part:
                data = BILLION_LAUGHS
            target.writestr(item, data)
    (report,) = check_files([path])
    assert not report.readable
    assert report.issues[0].code == "file-unreadable"
    assert "tidak aman" in report.issues[0].message()
