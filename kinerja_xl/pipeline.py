"""The visible pipeline: discover → read → locate → (validate) → report.

`inspect_file` reads one workbook into a `FileReport` (tables, records, reading issues);
`check.py` adds the validation issues on top of it.
"""

from __future__ import annotations

import os
from pathlib import Path

from .grid import Sheet, Workbook
from .issues import Issue
from .layouts import build_tables
from .metadata import office_from_filename, office_from_texts, year_from_texts
from .read import ReadLimits, UnreadableWorkbook, open_workbook
from .records import FileReport, Table


def inspect_file(path: str | os.PathLike[str], limits: ReadLimits | None = None) -> FileReport:
    """Read one workbook into tidy tables. Never raises for a bad file: it says so instead."""
    report = FileReport(path=os.fspath(path))
    try:
        report.modified = os.stat(path).st_mtime
        workbook = open_workbook(path, limits)
    except (UnreadableWorkbook, OSError) as exc:
        reason = exc.reason if isinstance(exc, UnreadableWorkbook) else "os-error"
        detail = exc.detail if isinstance(exc, UnreadableWorkbook) else str(exc)
        report.readable = False
        report.issues.append(Issue.make("file-unreadable", reason=reason, detail=detail))
        return report
    report.file_format = workbook.file_format
    context: list[str] = []
    for sheet in workbook.sheets:
        tables, issues, used_rows = _read_sheet(sheet)
        report.tables.extend(tables)
        report.issues.extend(issues)
        context.extend(_context_texts(sheet, used_rows))
    report.issues.extend(_workbook_issues(workbook, report.tables))
    _fill_metadata(report, context)
    return report


def _read_sheet(sheet: Sheet) -> tuple[list[Table], list[Issue], set[int]]:
    if sheet.problem:
        return [], [Issue.make("sheet-unreadable", sheet.name, None, sheet.problem)], set()
    tables, issues, used_rows = build_tables(sheet)
    if tables and sheet.state != "visible":
        issues.insert(0, Issue.make("hidden-content", sheet.name, None, sheet.name, what="sheet"))
    return tables, issues, used_rows


def _workbook_issues(workbook: Workbook, tables: list[Table]) -> list[Issue]:
    issues = []
    if not tables:
        issues.append(Issue.make("table-not-found"))
    if workbook.external_links:
        issues.append(Issue.make("external-link", None, None, len(workbook.external_links)))
    return issues


def _context_texts(sheet: Sheet, used_rows: set[int]) -> list[str]:
    """Titles, identity and signature lines: text cells outside the tables' data rows."""
    return [
        cell.value
        for (row, _col), cell in sorted(sheet.cells.items())
        if row not in used_rows and isinstance(cell.value, str) and len(cell.value) < 300
    ]


def _fill_metadata(report: FileReport, context: list[str]) -> None:
    stem = Path(report.path).stem
    office = office_from_texts(context) or office_from_filename(stem)
    if office:
        report.office, report.office_code = office
    report.year = year_from_texts([*context, stem])
