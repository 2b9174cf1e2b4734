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
