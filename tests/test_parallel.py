"""Reading in a process pool gives exactly what a serial run gives: reports and workbooks."""

from __future__ import annotations

import sys

import openpyxl
from conftest import ROOT

from kinerja_xl.consolidation import consolidate
from kinerja_xl.pipeline import check_files
from kinerja_xl.provincial import write_consolidated
from kinerja_xl.report import BatchReport

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


def sheet_values(path):
    book = openpyxl.load_workbook(path)
    return {
        name: [list(row) for row in book[name].iter_rows(values_only=True)]
        for name in book.sheetnames
    }


def test_parallel_and_serial_runs_are_identical(tmp_path):
    made = generate(24, tmp_path / "in", seed=3)
    paths = sorted(tmp_path / "in" / name for name in made)
    assert len(paths) == 24
    serial = check_files(paths, workers=1)
    parallel = check_files(paths, workers=2)
    assert BatchReport(files=serial).to_dict() == BatchReport(files=parallel).to_dict()
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
    from kinerja_xl.crossrow import apply_file_rules, targets_inconsistent
    from kinerja_xl.issues import order_issues
    from kinerja_xl.pipeline import inspect_file, plan_year_asked
    from kinerja_xl.validate import load_rules, validate_reports

    made = generate(24, tmp_path / "in", seed=5)
    paths = sorted(tmp_path / "in" / name for name in made)
    by_hand = [inspect_file(path) for path in paths]
    readable = [report for report in by_hand if report.readable]
    for report in readable:
        plan_year_asked(report, 2024)
    validate_reports(readable, load_rules())
    for report in readable:
        apply_file_rules(report)
    for report, issue in targets_inconsistent(readable):
        report.issues.append(issue)
    for report in readable:
        report.issues = order_issues(report.issues, [t.sheet for t in report.tables])
    pooled = check_files(paths, workers=2, year=2024)
    file_rule_codes = {"budget-total-mismatch", "duplicate-indicator", "formula-no-value"}
    assert file_rule_codes & {i.code for r in pooled for i in r.issues}  # the rules did run
    assert BatchReport(files=pooled).to_dict() == BatchReport(files=by_hand).to_dict()
