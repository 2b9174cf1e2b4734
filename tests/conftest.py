"""Small workbooks built in code, one per behaviour, and paths to the committed samples."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_workbooks"
BANJARMASIN = SAMPLES / "KPU Kota Banjarmasin - RKT 2024.xlsx"
BANJARBARU = SAMPLES / "KPU Kota Banjarbaru - IKU 2024.xlsx"


def build_xlsx(
    path: Path,
    sheets: dict[str, list[list[Any]]],
    merges: dict[str, list[str]] | None = None,
    formats: dict[str, dict[str, str]] | None = None,
    hidden_rows: dict[str, list[int]] | None = None,
    hidden_sheets: tuple[str, ...] = (),
) -> Path:
    """Write rows (row 1 first; None = empty cell) with openpyxl. Strings starting with '='
    become formulas *without* a cached value, as a script would write them."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
        for ref in (merges or {}).get(name, []):
            ws.merge_cells(ref)
        for ref, fmt in (formats or {}).get(name, {}).items():
            ws[ref].number_format = fmt
        for row in (hidden_rows or {}).get(name, []):
            ws.row_dimensions[row].hidden = True
        if name in hidden_sheets:
            ws.sheet_state = "hidden"
    book.save(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def xlsx(tmp_path):
    """xlsx(rows, name='Sheet', **options) -> path of a fresh one-sheet workbook, named as an
    office names its file (a workbook that names no office also gets `office-unknown`)."""
    counter = iter(range(1000))

    def make(rows: list[list[Any]], name: str = "Lembar1", **options: Any) -> Path:
        sheet_options = {
            k: {name: v} for k, v in options.items() if k in ("merges", "formats", "hidden_rows")
        }
        path = tmp_path / f"KPU Kabupaten Tapin - wb{next(counter)}.xlsx"
        return build_xlsx(path, {name: rows}, **sheet_options)

    return make


@pytest.fixture(scope="session")
def kalsel(tmp_path_factory) -> Path:
    """The samples of the province they were made for (Kalimantan Selatan), as its inbox holds
    them: sample_workbooks/ without the other provinces' official forms (public/)."""
    import shutil

    folder = tmp_path_factory.mktemp("kiriman") / "sample_workbooks"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("public", "*.py", "*.json"))
    return folder
