"""What each page shows, built from the library's results: a checked file with its issues, a
view of its sheets with the flagged cells coloured as in the marked-up copy, the copy itself;
the offices × documents table of a FOLDER. No rule, parser or message lives here."""

from __future__ import annotations

import base64
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..batch import Batch
from ..checking.flags import Flags
from ..model.records import FileReport
from ..provincial.consolidation import consolidate, owed_documents, submissions
from ..reading.discover import display_name
from ..reading.grid import column_letter
from ..reading.read import UnreadableWorkbook, open_workbook
from ..words.messages import say

MAX_VIEW_ROWS = 300
MAX_VIEW_COLUMNS = 16
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_state(report: FileReport) -> str:
    """'ready', 'fix' or 'unreadable': the words of Ringkasan and Status Kiriman."""
    if not report.readable:
        return "unreadable"
    return "fix" if report.errors else "ready"


@dataclass
class CellView:
    text: str
    severity: str | None = None  # "error" | "warning": coloured as in the marked-up copy
    note: str = ""  # the issue messages, shown on hover


@dataclass
class SheetView:
    name: str
    columns: list[str]
    rows: list[tuple[int, list[CellView]]]  # (row number, cells)
    clipped: bool = False


@dataclass
class FileView:
    name: str
    office: str | None
    year: int | None
    state: str
    office_in_name: str | None  # the file name names another office than the title
    issues: list[dict[str, Any]]
    sheets: list[SheetView] = field(default_factory=list)
    copy_name: str | None = None
    copy_data: str | None = None  # base64: the marked-up copy travels in the page, kept nowhere


def file_views(batch: Batch, names: list[str], lang: str) -> list[FileView]:
    """One view per uploaded file (its reports' paths are the private temporary copies)."""
    views = []
    for report, name in zip(batch.files, names, strict=True):
        view = FileView(
            name=name,
            office=report.office,
            year=report.year,
            state=file_state(report),
            office_in_name=report.office_in_name,
            issues=[issue.to_dict(lang) for issue in report.issues],
        )
        if report.readable:
            view.sheets = sheet_views(report, lang)
            view.copy_name, view.copy_data = marked_up_copy(report, name, lang)
        views.append(view)
    return views


def sheet_views(report: FileReport, lang: str) -> list[SheetView]:
    """The sheets holding a table or an issue, as a grid around their tables."""
    try:
        workbook = open_workbook(report.path)
    except UnreadableWorkbook:
        return []
    flags = Flags.of(report)
    wanted = {t.sheet for t in report.tables} | {i.sheet for i in report.issues if i.sheet}
    views = []
    for sheet in workbook.sheets:
        if sheet.name not in wanted or not sheet.cells:
            continue
        rows = sorted({r for r, _ in sheet.cells})
        cols = sorted({c for _, c in sheet.cells})
        last_col = min(max(cols), cols[0] + MAX_VIEW_COLUMNS - 1)
        shown = rows[:MAX_VIEW_ROWS]
        grid = []
        for row in shown:
            cells = []
            for col in range(cols[0], last_col + 1):
                cell = sheet.cells.get((row, col))
                ref = f"{column_letter(col)}{row}"
                issues = flags.at(sheet.name, ref)
                severity = (
                    "error"
                    if any(i.severity == "error" for i in issues)
                    else ("warning" if issues else None)
                )
                text = display_name(cell.text()) if cell else ""
                note = "\n".join(i.message(lang) for i in issues)
                cells.append(CellView(text, severity, note))
            grid.append((row, cells))
        columns = [column_letter(c) for c in range(cols[0], last_col + 1)]
        views.append(SheetView(sheet.name, columns, grid, len(rows) > len(shown)))
    return views


def marked_up_copy(report: FileReport, name: str, lang: str) -> tuple[str | None, str | None]:
    """The marked-up copy, made in a temporary folder and handed back as data: nothing stays."""
    from ..outputs.markup import annotate

    stem = Path(name).stem or "kiriman"
    copy_name = f"{stem} ({say('copy-suffix', lang)}).xlsx"
    with tempfile.TemporaryDirectory(prefix="kinerja-web-copy-") as folder:
        try:
            written = annotate(report, Path(folder) / "copy.xlsx", lang)
        except Exception:  # a copy that cannot be made: the check itself still stands
            return None, None
        data = written.path.read_bytes()
    return copy_name, base64.b64encode(data).decode("ascii")


@dataclass
class OfficeRow:
    code: str | None
    label: str
    documents: list[tuple[str, str, list[str]]]  # (document, state, files)
    apart: str | None = None  # another province's office: its province; "?" for an unknown one


def kiriman_rows(
    batch: Batch, province: str | None, year: int | None, schemas: Path | None = None
) -> tuple[list[OfficeRow], dict[str, int], list[str]]:
    """The offices × documents table of the folder, as Status Kiriman shows it (the documents
    the province collects, schemas/kiriman.yaml), and how many offices are ready, need
    fixing, or have not sent everything."""
    from ..knowledge.registry import load_registry
    from ..provincial import offices_summary

    result = consolidate(batch.files, province, year, registry=load_registry(schemas))
    rows = []
    for office in submissions(result):
        documents = [
            (document, state.state, state.files) for document, state in office.documents.items()
        ]
        apart = None if office.expected or not result.provinces else (office.province or "?")
        rows.append(OfficeRow(office.code, office.label, documents, apart))
    return rows, offices_summary(result), owed_documents(result)
