"""Round two of hostile files and faults: no file takes down a batch, no input is ever
overwritten, no output leaves debris, every cost is bounded (docs/robustness.md)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import BANJARMASIN, SAMPLES, build_xlsx, digest
from corpus import CASES, write_corpus
from test_robustness import MEASURE
from typer.testing import CliRunner

from kinerja_xl.cli import app
from kinerja_xl.pipeline import check_files, read_files

runner = CliRunner()
BY_NAME = {case.name: case for case in CASES}
KILLER = "xlsb-sel-XFD1048576.xlsb"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return write_corpus(folder, [c for c in CASES if c.name in COSTLY + [KILLER]])


COSTLY = [
    "4000-gabungan.xlsx",
    "20000-kolom-tersembunyi.xlsx",
    "gabungan-satu-lembar.xlsx",
    "ods-sel-jauh.ods",
    "xls-sel-IV65536.xls",
    "x-di-A60000.ods",
    "x-di-A60000.xls",
]


def measured(path: Path) -> dict:
    """inspect_file in a fresh process, timed and its peak memory taken by that process."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", COSTLY + [KILLER])
def test_costly_files_are_answered_quickly_in_little_memory(hostile, name):
    outcome = measured(hostile[name])
    assert outcome["readable"] == (BY_NAME[name].exit_code != 2), outcome
    assert outcome["seconds"] < 5, outcome
    assert outcome["peak_mb"] < 300, outcome


def test_a_process_killing_file_among_twenty_leaves_nineteen_reports(hostile, tmp_path):
    """In a real process pool (20 files): the killer gets file-unreadable, the rest their report."""
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    for index in range(19):
        shutil.copy(BANJARMASIN, inbox / f"KPU Kota Banjarmasin {index:02d}.xlsx")
    shutil.copy(hostile[KILLER], inbox / KILLER)
    environment = {**os.environ, "KINERJA_XL_WORKERS": "2"}
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_xl", "check", str(inbox), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )
    assert done.returncode == 2, done.stderr
    files = json.loads(done.stdout)["files"]
    assert len(files) == 20
    readable = [f for f in files if f["readable"]]
    assert len(readable) == 19 and all(sum(t["rows"] for t in f["tables"]) == 40 for f in readable)
    (killed,) = [f for f in files if not f["readable"]]
    assert killed["path"].endswith(KILLER)
    assert "pembaca berhenti" in killed["issues"][0]["message"]


POISON = textwrap.dedent("""
    # Loaded into every Python process of the test (PYTHONPATH): a file named poison*.xlsx kills
    # the process that reads it, as a native reader's abort would.
    import os
    import kinerja_xl.reading.read as read

    real = read.open_workbook

    def open_workbook(path, *args, **kwargs):
        if os.path.basename(str(path)).startswith("poison"):
            os.abort()
        return real(path, *args, **kwargs)

    read.open_workbook = open_workbook
""")


def test_the_pool_survives_a_worker_that_dies(tmp_path):
    """A worker killed mid-batch breaks a process pool: the files it took down are read again,
    each in a child of its own, and only the killer is lost."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import importlib.util\n"
        "if importlib.util.find_spec('kinerja_xl'):\n" + textwrap.indent(POISON, "    ")
    )
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    for index in range(20):
        name = "poison.xlsx" if index == 7 else f"KPU Kota Banjarmasin {index:02d}.xlsx"
        shutil.copy(BANJARMASIN, inbox / name)
    environment = {
        **os.environ,
        "KINERJA_XL_WORKERS": "2",
        "PYTHONPATH": os.pathsep.join([str(hooks), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_xl", "check", str(inbox), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )
    assert done.returncode == 2, done.stderr
    files = json.loads(done.stdout)["files"]
    assert len(files) == 20
    lost = [f["path"] for f in files if not f["readable"]]
    assert [Path(p).name for p in lost] == ["poison.xlsx"]
    assert sum(1 for f in files if f["readable"]) == 19


# --- odd values: one cell is one issue, never a crash -------------------------------------


def test_an_office_text_with_a_lone_surrogate_survives_inspect_and_consolidate(tmp_path):
    case = BY_NAME["surogat-tunggal.xlsx"]
    path = tmp_path / case.name
    case.build(path)
    result = runner.invoke(app, ["inspect", str(path), "--format", "json"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)["files"][0]["tables"][0]["records"][0]
    assert record["indikator"] == "Persentase \ufffd a"
    out = tmp_path / "o.xlsx"
    assert runner.invoke(app, ["consolidate", str(path), "-o", str(out)]).exit_code == 0
    assert openpyxl.load_workbook(out)["RKT"]["F2"].value == "Persentase \ufffd a"


def test_an_office_named_by_a_file_name_that_is_not_utf8(tmp_path):
    """Found by fuzzing: the office read from a file name kept its undecodable byte as a lone
    surrogate, so the library's `to_dict()` could not be written as UTF-8."""
    import kinerja_xl as kx

    folder = tmp_path / "kiriman"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"KPU Kabupaten Tana\x91 Bumbu - RKT 2024.xlsx")
    with open(odd, "wb") as broken:  # unreadable: the file name is all there is to go by
        broken.write(b"PK\x03\x04 not a workbook")
    batch = kx.check([folder])
    json.dumps(batch.to_dict(), ensure_ascii=False).encode("utf-8")  # no lone surrogate
    (found,) = batch.files
    assert found.office == "KPU Kabupaten Tana\ufffd Bumbu"


def test_a_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"KPU Kota Banjarmasin \xff RKT.xlsx")
    shutil.copy(BANJARMASIN, odd)
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_xl", "check", str(folder), "--format", "json"],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout.decode("utf-8"))  # valid UTF-8, always
    assert data["files"][0]["path"].endswith("KPU Kota Banjarmasin \ufffd RKT.xlsx")
    out = tmp_path / "o.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_xl", "consolidate", str(folder), "-o", str(out)],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    rows = list(openpyxl.load_workbook(out)["Ringkasan"].iter_rows(min_row=2, values_only=True))
    assert rows[0][1] == "KPU Kota Banjarmasin \ufffd RKT.xlsx"


# --- what is not a file ---------------------------------------------------------------------


def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "RKT.xlsx"
    os.mkfifo(fifo)
    started = time.perf_counter()
    (report,) = check_files([fifo])
    assert time.perf_counter() - started < 2
    assert not report.readable and "bukan berkas biasa (FIFO)" in report.issues[0].message()


def test_dev_zero_is_refused_without_reading_it():
    (report,) = check_files([Path("/dev/zero")])
    assert not report.readable and "bukan berkas biasa" in report.issues[0].message()


def test_a_file_past_the_size_limit_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "besar.xlsx"
    with open(huge, "wb") as handle:  # 2 GB on paper, nothing on disk (a sparse file)
        handle.truncate(2 * 1024**3)
    outcome = measured(huge)
    assert not outcome["readable"] and "berkas terlalu besar" in outcome["message"]
    assert outcome["seconds"] < 2 and outcome["peak_mb"] < 200


def test_xlsb_files_in_a_folder_are_read(hostile, tmp_path):
    case = BY_NAME["xlsb-rencana.xlsb"]
    case.build(tmp_path / case.name)
    data = json.loads(runner.invoke(app, ["check", str(tmp_path), "--format", "json"]).stdout)
    assert [(Path(f["path"]).name, f["readable"]) for f in data["files"]] == [(case.name, True)]


# --- marked-up copies: never over an input, never over each other ---------------------------


def test_a_copy_never_replaces_an_office_file_that_shares_its_name(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox / "RKT.xlsx")
    shutil.copy(SAMPLES / "KPU Kota Banjarbaru - IKU 2024.xlsx", inbox / "RKT (diperiksa).xlsx")
    before = {p.name: digest(p) for p in inbox.iterdir()}
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox)])
    assert result.exit_code == 0, result.output
    assert {p.name: digest(p) for p in inbox.iterdir() if p.name in before} == before
    assert sorted(p.name for p in inbox.iterdir()) == [
        "RKT (diperiksa 2).xlsx",  # RKT.xlsx's copy: the plain name is taken by an input
        "RKT (diperiksa) (diperiksa).xlsx",  # the office's own file, checked
        "RKT (diperiksa).xlsx",
        "RKT.xlsx",
    ]
    # a second run refreshes its own copies: nothing piles up, the inputs stay as they were
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox)])
    assert result.exit_code == 0, result.output
    assert len(list(inbox.iterdir())) == 4
    assert {p.name: digest(p) for p in inbox.iterdir() if p.name in before} == before
    assert "keluaran kinerja-xl; tidak disalin lagi" in result.stderr


def test_files_of_the_same_name_get_copies_of_their_own(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        shutil.copy(BANJARMASIN, tmp_path / "in" / folder / "RKT.xlsx")
    shutil.copy(
        SAMPLES / "KPU Kabupaten Banjar - RKT Sekretariat 2024.xls",
        tmp_path / "in" / "a" / "RKT.xls",
    )
    result = runner.invoke(
        app, ["check", str(tmp_path / "in"), "--annotate", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    copies = sorted(
        str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.xlsx")
    )
    assert copies == [
        "a/RKT.xls (diperiksa).xlsx",
        "a/RKT.xlsx (diperiksa).xlsx",
        "b/RKT (diperiksa).xlsx",
    ]
    assert result.stderr.count("salinan bertanda:") == 3


def test_a_copy_of_a_whole_sheet_merge_is_bounded(hostile, tmp_path):
    started = time.process_time()  # CPU: the work, whatever else the machine runs
    result = runner.invoke(
        app, ["check", str(hostile["gabungan-satu-lembar.xlsx"]), "--annotate", str(tmp_path)]
    )
    assert result.exit_code == 0 and time.process_time() - started < 20
    (copy,) = tmp_path.glob("*.xlsx")
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames == ["Masalah", "RKT"]
    assert "terlalu besar untuk disunting utuh" in book["Masalah"]["A3"].value


def test_a_strict_ooxml_copy_keeps_every_sheet(tmp_path):
    case = BY_NAME["strict-ooxml.xlsx"]
    case.build(tmp_path / case.name)
    runner.invoke(app, ["check", str(tmp_path / case.name), "--annotate", str(tmp_path / "out")])
    (copy,) = (tmp_path / "out").glob("*.xlsx")
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames == ["Masalah", "RKT"] and book["RKT"]["C2"].value == "Persentase a"
    assert "Strict OOXML" in book["Masalah"]["A3"].value


# --- interruptions and outputs that cannot be written -------------------------------------


def test_a_terminated_consolidation_leaves_nothing_behind(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    for index in range(40):
        shutil.copy(BANJARMASIN, inbox / f"KPU Kota Banjarmasin {index:02d}.xlsx")
    out = tmp_path / "hasil" / "Konsolidasi.xlsx"
    out.parent.mkdir()
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "kinerja_xl", "consolidate", str(inbox), "-o", str(out), "--quiet"],
        env={**os.environ, "TMPDIR": str(temporary), "KINERJA_XL_WORKERS": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.parent.iterdir()):
        time.sleep(0.05)  # until it starts writing
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert process.returncode in (0, 130)
    leftovers = [p.name for p in out.parent.iterdir() if p.name != out.name]
    assert leftovers == [] and list(temporary.iterdir()) == []


def test_a_killed_run_leaves_a_folder_the_next_run_removes_and_never_reads(tmp_path):
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox)
    killed = textwrap.dedent("""
        import os, sys
        from pathlib import Path
        from kinerja_xl.outputs.write import atomic_output
        with atomic_output(Path(sys.argv[1])) as temporary:
            temporary.write_bytes(sys.stdin.buffer.read())  # half a workbook
            os._exit(9)  # killed outright: no clean-up runs
    """)
    half = BANJARMASIN.read_bytes()[:3000]
    subprocess.run([sys.executable, "-c", killed, str(inbox / "o.xlsx")], input=half)
    (leftover,) = [p for p in inbox.iterdir() if p.name.startswith(".~kinerja-")]
    result = runner.invoke(app, ["consolidate", str(inbox), "-o", str(inbox / "o.xlsx"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Berkas: dibaca 1" in result.stdout
    assert not leftover.exists()


@pytest.mark.parametrize(
    "arguments, says",
    [
        (["consolidate", str(BANJARMASIN), "-o", "{tmp}"], "adalah sebuah folder"),
        (["template", "rkt", "-o", "{tmp}"], "adalah sebuah folder"),
        (
            ["consolidate", str(BANJARMASIN), "-o", "{tmp}/" + "x" * 300 + ".xlsx"],
            "terlalu panjang",
        ),
        (["template", "iku", "-o", "{tmp}/" + "x" * 300 + ".xlsx"], "terlalu panjang"),
    ],
)
def test_outputs_that_cannot_be_written_get_one_line_and_exit_2(tmp_path, arguments, says):
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in arguments])
    assert result.exit_code == 2, result.output
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert line.startswith("kinerja-xl: ") and says in line


def test_a_full_disk_is_said_in_one_line(tmp_path, monkeypatch):
    import errno

    import xlsxwriter

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", full)
    out = tmp_path / "o.xlsx"
    result = runner.invoke(app, ["consolidate", str(BANJARMASIN), "-o", str(out)])
    assert result.exit_code == 2
    assert "ruang disk habis" in result.stderr and not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_read_files_in_a_pool_equals_serial(tmp_path):
    paths = []
    for index in range(16):
        path = tmp_path / f"{index:02d}.xlsx"
        shutil.copy(BANJARMASIN, path)
        paths.append(path)
    serial = read_files(paths, workers=1)
    pooled = read_files(paths, workers=2)
    assert [r.to_dict(records=True) for r in serial] == [r.to_dict(records=True) for r in pooled]


def test_a_sheet_with_a_stray_x_gets_the_same_answer_in_every_format(tmp_path):
    answers = {}
    for name in ("x-di-A60000.xlsx", "x-di-A60000.xls", "x-di-A60000.ods"):
        BY_NAME[name].build(tmp_path / name)
        (report,) = check_files([tmp_path / name])
        answers[name] = (
            report.readable,
            [(t.kind, t.rows) for t in report.tables],
            [(i.code, i.sheet, i.cell) for i in report.issues],
        )
    assert len(set(map(repr, answers.values()))) == 1, answers
    assert answers["x-di-A60000.xls"][2] == [
        ("office-unknown", None, None),  # the file names no office
        ("row-unplaced", "RKT", "A60000"),
    ]


def test_json_is_written_even_when_an_input_is_named_oddly(tmp_path):
    build_xlsx(
        tmp_path / "RKT #2 ' ; rm -rf.xlsx",
        {"RKT": [["No", "Sasaran", "Indikator Kinerja", "Target"], ["1", "S", "Indeks", "80"]]},
    )
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert json.loads(result.stdout)["files"][0]["readable"] is True


# --- found by fuzzing the final code (docs/robustness.md, round three) ----------------------


def test_an_xlsb_cell_past_column_xfd_is_no_crash_of_the_copy(tmp_path):
    """An .xlsb record may name any column: one past XFD (16,384) was read, and the marked-up
    copy then failed ('Invalid column index 18279'). It is outside Excel's grid: the sheet is
    unreadable and said so, and nothing else fails."""
    from corpus import XLSB_PLAN, xlsb

    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    xlsb({**XLSB_PLAN, (2, 18_278): "x"})(inbox / "RKT 2024.xlsb")
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox), "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    checked = runner.invoke(app, ["check", str(inbox / "RKT 2024.xlsb"), "--format", "json"])
    (unreadable,) = [
        i
        for i in json.loads(checked.stdout)["files"][0]["issues"]
        if i["code"] == "sheet-unreadable"
    ]
    assert unreadable["sheet"] == "RKT" and "AAAA3" in unreadable["message"]
    assert len([p for p in inbox.iterdir() if "checked" in p.name]) == 1  # its copy, written


def test_a_file_name_with_a_control_character_gets_its_marked_up_copy(tmp_path):
    """A Linux file name may hold control characters: the copy's title named the file, and
    openpyxl refused it (IllegalCharacterError), so no copy was written."""
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    shutil.copy(BANJARMASIN, inbox / "KPU Kota Banjarmasin\x01 - RKT 2024.xlsx")
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox), "--quiet"])
    assert result.exit_code in (0, 1), result.output
    (copy,) = [p for p in inbox.iterdir() if "diperiksa" in p.name]
    title = openpyxl.load_workbook(copy).worksheets[0]["A1"].value
    assert title == "Salinan bertanda: KPU Kota Banjarmasin\ufffd - RKT 2024.xlsx"


def test_a_zip_whose_directory_and_local_header_disagree_still_gets_its_copy(tmp_path):
    """Found by fuzzing (`raw` target): a part named 'sheet0.xml' in the zip's directory whose
    local header says 'sheet1.xml'. The copy was written, then counting what it carried read
    the original's part again and failed (BadZipFile): no copy, and a message blaming it."""
    data = BANJARMASIN.read_bytes()
    directory = data.rindex(b"PK\x01\x02")  # the directory lies at the end of the file
    first = data.index(b"PK\x01\x02")
    lied = data[first:].replace(b"xl/worksheets/sheet1.xml", b"xl/worksheets/sheet0.xml", 1)
    assert directory >= first
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    (inbox / "RKT 2024.xlsx").write_bytes(data[:first] + lied)
    result = runner.invoke(app, ["check", str(inbox), "--annotate", str(inbox), "--lang", "en"])
    assert "could not be written" not in result.output, result.output
    assert "Traceback" not in result.output
    assert len([p for p in inbox.iterdir() if "checked" in p.name]) == 1
