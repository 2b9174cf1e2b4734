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
from ..inbox import Entry, Key
from ..inbox.keys import same_office
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
    note: str = ""  # the issue messages, shown on hover and on keyboard focus
    anchor: str = ""  # the cell's id in the page, which the issue list links to


@dataclass
class SheetView:
    name: str
    columns: list[str]
    rows: list[tuple[int, list[CellView]]]  # (row number, cells)
    clipped: bool = False
    anchors: dict[str, str] = field(default_factory=dict)  # A1 reference -> the cell's id


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
    """One view per uploaded file (its reports' paths are the private temporary copies, each
    under the name it was sent with)."""
    views = []
    for number, (report, name) in enumerate(zip(batch.files, names, strict=True)):
        view = FileView(
            name=name,
            office=report.office,
            year=report.year,
            state=file_state(report),
            office_in_name=report.office_in_name,
            issues=[issue.to_dict(lang) for issue in report.issues],
        )
        if report.readable:
            view.sheets = sheet_views(report, lang, f"f{number}")
            view.copy_name, view.copy_data = marked_up_copy(report, name, lang)
            anchors = {
                (s.name, ref): anchor for s in view.sheets for ref, anchor in s.anchors.items()
            }
            for issue in view.issues:
                issue["anchor"] = anchors.get((issue.get("sheet") or "", issue.get("cell") or ""))
        views.append(view)
    return views


def sheet_views(report: FileReport, lang: str, prefix: str = "f0") -> list[SheetView]:
    """The sheets holding a table or an issue, as a grid around their tables."""
    try:
        workbook = open_workbook(report.path)
    except UnreadableWorkbook:
        return []
    flags = Flags.of(report)
    wanted = {t.sheet for t in report.tables} | {i.sheet for i in report.issues if i.sheet}
    views = []
    for index, sheet in enumerate(workbook.sheets):
        if sheet.name not in wanted or not sheet.cells:
            continue
        anchors: dict[str, str] = {}
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
                anchor = f"{prefix}-s{index}-{ref}" if issues else ""
                if anchor:
                    anchors[ref] = anchor
                cells.append(CellView(text, severity, note, anchor))
            grid.append((row, cells))
        columns = [column_letter(c) for c in range(cols[0], last_col + 1)]
        views.append(SheetView(sheet.name, columns, grid, len(rows) > len(shown), anchors))
    return views


def marked_up_copy(report: FileReport, name: str, lang: str) -> tuple[str | None, str | None]:
    """The marked-up copy, made in a temporary folder and handed back as data: nothing stays.
    It names the office's file as sent (the report's path has that name)."""
    from ..outputs.markup import annotate

    stem = Path(name.replace("\\", "/")).stem or "kiriman"
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
    batch: Batch,
    province: str | None,
    year: int | None,
    schemas: Path | None = None,
    arrival: dict[str, Any] | None = None,
    key: Key | None = None,
) -> tuple[list[OfficeRow], dict[str, int], list[str]]:
    """The offices × documents table of the folder, as Status Kiriman shows it (the documents
    the province collects, schemas/kiriman.yaml; under an office's key, that office's row
    only), and how many offices are ready, need fixing, or have not sent everything."""
    from ..knowledge.registry import load_registry
    from ..provincial.workbook import offices_summary

    result = consolidate(
        batch.files,
        province,
        year,
        registry=load_registry(schemas),
        arrival=arrival,
        severities=batch.severities,
    )
    rows = []
    for office in submissions(result):
        if key is not None and not same_office(key, office.label, office.code):
            continue
        documents = [
            (document, state.state, state.files) for document, state in office.documents.items()
        ]
        apart = None if office.expected or not result.provinces else (office.province or "?")
        rows.append(OfficeRow(office.code, office.label, documents, apart))
    return rows, offices_summary(result), owed_documents(result)


@dataclass
class OfficeHistory:
    label: str | None  # None: a submission that named no office
    code: str | None
    entries: list[Entry]  # newest first


def histories(entries: list[Entry]) -> list[OfficeHistory]:
    """The ledger's submissions by office, in code order, each office's newest first."""
    by_office: dict[tuple[str, str], OfficeHistory] = {}
    for entry in entries:
        group = by_office.setdefault(
            (entry.office_code or "~", entry.office or ""),
            OfficeHistory(entry.office, entry.office_code, []),
        )
        group.entries.insert(0, entry)
    return [by_office[k] for k in sorted(by_office)]


def visible_to(report: FileReport, key: Key | None) -> bool:
    """Whether the asker may see this file of the inbox: the province every one, an office its
    own."""
    return key is None or same_office(key, report.office, report.office_code)
