"""Reading in a process pool gives exactly what a serial run gives: reports and workbooks."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT

from kinerja_xl.batch import Batch
from kinerja_xl.pipeline import check_files
from kinerja_xl.provincial.consolidation import consolidate
from kinerja_xl.provincial.workbook import write_consolidated

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


def sheet_values(path):
    book = openpyxl.load_workbook(path)
    return {
        name: [list(row) for row in book[name].iter_rows(values_only=True)]
        for name in book.sheetnames
    }


def test_parallel_and_serial_runs_are_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("KINERJA_XL_START", "spawn")  # as on Windows; forked: the test below
    made = generate(24, tmp_path / "in", seed=3)
    paths = sorted(tmp_path / "in" / name for name in made)
    assert len(paths) == 24
    serial = check_files(paths, workers=1)
    parallel = check_files(paths, workers=2)
    assert Batch(files=serial).to_dict() == Batch(files=parallel).to_dict()
    assert sum(t.rows for r in serial for t in r.tables) > 24 * 8  # 5–40 rows a sample layout
    assert any(r.errors for r in serial)  # the generator's faulty share is in there

    write_consolidated(consolidate(serial, province="Kalimantan Selatan"), tmp_path / "serial.xlsx")
    write_consolidated(
        consolidate(parallel, province="Kalimantan Selatan"), tmp_path / "parallel.xlsx"
    )
    assert sheet_values(tmp_path / "serial.xlsx") == sheet_values(tmp_path / "parallel.xlsx")


def test_file_checks_in_the_reading_processes_give_what_the_main_process_gave(tmp_path):
    """The plan year asked and the file rules run where each file is read (FileChecks); the
    result is what running them one by one in this process, after validation, gives."""
    from kinerja_xl.checking.crossrow import apply_file_rules, targets_inconsistent
    from kinerja_xl.checking.results import complete_records
    from kinerja_xl.checking.validate import load_rules, validate_reports
    from kinerja_xl.model.issues import order_issues
    from kinerja_xl.pipeline import inspect_file, plan_year_asked

    made = generate(24, tmp_path / "in", seed=5)
    paths = sorted(tmp_path / "in" / name for name in made)
    by_hand = [inspect_file(path) for path in paths]
    readable = [report for report in by_hand if report.readable]
    for report in readable:
        plan_year_asked(report, 2024)
    rules = load_rules()
    complete_records(readable, rules)
    for report, issue in validate_reports(readable, rules):
        report.issues.append(issue)
    for report in readable:
        apply_file_rules(report)
    for report, issue in targets_inconsistent(readable):
        report.issues.append(issue)
    for report in readable:
        report.issues = order_issues(report.issues, [t.sheet for t in report.tables])
    pooled = check_files(paths, workers=2, year=2024)
    file_rule_codes = {"budget-total-mismatch", "duplicate-indicator", "formula-no-value"}
    assert file_rule_codes & {i.code for r in pooled for i in r.issues}  # the rules did run
    assert Batch(files=pooled).to_dict() == Batch(files=by_hand).to_dict()


FORKED_CHECK = """
import json, sys
from pathlib import Path
from kinerja_xl.reading import workers
from kinerja_xl.pipeline import check_files
from kinerja_xl.batch import Batch
used = []
chosen = workers.pool_context
def spy():
    context = chosen()
    used.append(context.get_start_method())
    return context
workers.pool_context = spy
reports = check_files([Path(p) for p in sys.argv[1:]], workers=2)
print(json.dumps({"used": used, "report": Batch(files=reports).to_dict()}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_command_forks_its_workers_and_reads_what_a_serial_run_reads(tmp_path):
    """A fresh process (one thread, as the command line is) forks its readers; the rules load
    in their thread only after the fork; the reports are a serial run's."""
    made = generate(20, tmp_path / "in", seed=11)
    paths = sorted(str(tmp_path / "in" / name) for name in made)
    done = subprocess.run(
        [sys.executable, "-c", FORKED_CHECK, *paths], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    forked = json.loads(done.stdout)
    assert forked["used"] == ["fork"]  # decided after the rules loader was made, before it ran
    serial = Batch(files=check_files([Path(p) for p in paths], workers=1)).to_dict()
    assert forked["report"] == serial


def test_workers_are_spawned_while_another_thread_runs(monkeypatch):
    from kinerja_xl.reading.workers import start_method

    monkeypatch.delenv("KINERJA_XL_START", raising=False)
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert start_method() == "spawn"
    finally:
        release.set()
        other.join()
