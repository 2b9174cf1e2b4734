"""A provincial workbook made by kinerja-xl, read back for the national roll-up.

KPU RI receives one consolidated workbook per province. Its data sheets (RKT, IKU, Anggaran)
hold one row per indicator or budget line with where it came from (Satker, Berkas, Lembar,
Sel); those rows are turned back into one `FileReport` per office file, each record keeping
the office's sheet and cell, so that the national workbook links to the offices' own cells.
The office files' folder is the one the provincial workbook recorded in its properties
(`inputs`, relative to the workbook), else the workbook's own folder.

What the province found in each file comes too (`Masalah`): a file that gave no row (an
unreadable file, a covering letter) is still listed, as *Ringkasan* lists it, and what was
found as the file was read (hidden content, a formula with no value, an empty table, a total
that disagrees) is not lost because the rows are checked again. Those issues keep the
province's words (`carried`); one the national check raises again at the same cell is said once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..knowledge.kinds import TableKind
from ..layouts.documents import KIND_NAMES
from ..layouts.normalise import parse_amount, parse_target
from ..model.issues import CODES, Issue
from ..model.records import FileReport, Record, Table
from ..reading.grid import Cell, Sheet, Workbook, parse_a1
from ..words.messages import CARRIED, contract_name, say

SUMMARY_SHEET = "Ringkasan"
# the sheets read back (the reader skips a provincial workbook's others: pipeline.py)
DATA_SHEETS = {"RKT": ("rkt", "rkt-sekretariat"), "IKU": ("iku",), "Anggaran": ("anggaran",)}
# the data sheets' column titles (provincial/data.py) -> the record's field
FIELDS = {
    "Tujuan": "tujuan",
    "Sasaran": "sasaran",
    "Indikator": "indikator",
    "Satuan": "satuan",
    "Kode Program": "kode_program",
    "Program": "program",
    "Cara Penghitungan": "cara",
    "Sumber Data": "sumber",
}
# "RKT KPU", "PK Sekretariat": the plan's document before its level (consolidation.table_label)
LEVEL_KINDS = {"KPU": TableKind.RKT, "Sekretariat": TableKind.RKT_SEKRETARIAT}
ISSUES_SHEET = "Masalah"
READ_BACK = {SUMMARY_SHEET, ISSUES_SHEET, *DATA_SHEETS}
# a consolidation's own findings (a document sent twice, targets that differ between offices)
# are found again across the nation, never carried
NOT_CARRIED_FROM = "kinerja_xl.provincial"


@dataclass
class _Office:
    """One office file's rows found in the provincial workbook, by sheet."""

    satker: str
    berkas: str
    year: int | None = None
    tables: dict[tuple[str, str, str | None, int | None], Table] = field(default_factory=dict)


def is_provincial(workbook: Workbook) -> bool:
    """A consolidated workbook whose data sheets can be read back (every one of ours is)."""
    names = {contract_name(sheet.name) for sheet in workbook.sheets}
    return bool(names & set(DATA_SHEETS))


def read_back(workbook: Workbook, inputs: str | None = None) -> list[FileReport]:
    """One report per office file whose rows the provincial workbook holds, in the order the
    workbook lists them; `inputs`: the office files' folder relative to the workbook."""
    folder = Path(workbook.path).parent  # as the workbook was named: said as the user wrote it
    if inputs:
        folder = Path(os.path.normpath(folder / inputs))
    offices: dict[tuple[str, str], _Office] = {}
    listed: dict[str, _Listed] = {}
    found: dict[str, list[Issue]] = {}
    for sheet in workbook.sheets:  # made with --lang id or en: sheets by their contract name
        name = contract_name(sheet.name)
        if name in DATA_SHEETS:
            _read_sheet(sheet, offices)
        elif name == SUMMARY_SHEET:
            listed = _files_listed(sheet)
        elif name == ISSUES_SHEET:
            found = _issues_by_file(sheet)
    reports = []
    for office in offices.values():
        report = FileReport(path=os.fspath(folder / office.berkas), office=office.satker)
        report.year = office.year
        report.file_format = "xlsx"
        report.tables = list(office.tables.values())
        file = listed.get(office.berkas)
        _documents_of_sheets(report.tables, file.documents if file else [])
        report.document = next((t.document for t in report.tables if t.document), None)
        report.issues = found.get(office.berkas, [])
        reports.append(report)
    with_rows = {office.berkas for office in offices.values()}
    for berkas, file in listed.items():  # a file that gave no row: listed, with what was found
        if berkas not in with_rows and not file.superseded:
            reports.append(_file_without_rows(folder, berkas, file, found.get(berkas, [])))
    return reports


@dataclass
class _Listed:
    """A file as Ringkasan lists it."""

    satker: str | None
    year: int | None
    documents: list[str]
    superseded: bool  # set aside by the province for a newer copy: its rows are that copy's


SUPERSEDED = {say("status-superseded", lang) for lang in ("id", "en")}


def _files_listed(sheet: Sheet) -> dict[str, _Listed]:
    """Ringkasan: each Berkas with its Satker, Tahun, Dokumen labels ('RKT KPU, Anggaran
    (DIPA)') and whether it was superseded."""
    rows = sheet.rows()
    header = {contract_name(cell.text()): cell.col for cell in rows.pop(1, [])}
    if not {"Berkas", "Dokumen"} <= set(header):
        return {}
    files = {}
    for cells in rows.values():
        got = _Getter(header, {cell.col: cell for cell in cells})
        berkas = got.text("Berkas")
        if not berkas or got.text("No") is None:  # the blank line and the total row
            continue
        documents = got.text("Dokumen")
        files[berkas] = _Listed(
            got.text("Satker"),
            got.number("Tahun"),
            [d.strip() for d in documents.split(",")] if documents else [],
            got.text("Status") in SUPERSEDED,
        )
    return files


def _file_without_rows(folder: Path, berkas: str, file: _Listed, issues: list[Issue]) -> FileReport:
    report = FileReport(path=os.fspath(folder / berkas), office=file.satker, year=file.year)
    report.issues = issues
    report.readable = not any(issue.code == "file-unreadable" for issue in issues)
    report.file_format = "xlsx" if report.readable else None
    return report


SEVERITY_OF = {say(f"severity-{s}", lang): s for s in ("error", "warning") for lang in ("id", "en")}


def _issues_by_file(sheet: Sheet) -> dict[str, list[Issue]]:
    """Masalah: each Berkas's issues, as the province found them (its codes, cells and words)."""
    rows = sheet.rows()
    header = {contract_name(cell.text()): cell.col for cell in rows.pop(1, [])}
    if not {"Berkas", "Kode", "Pesan"} <= set(header):
        return {}
    found: dict[str, list[Issue]] = {}
    for cells in rows.values():
        got = _Getter(header, {cell.col: cell for cell in cells})
        issue = _carried(got)
        berkas = got.text("Berkas")
        if issue is not None and berkas:
            found.setdefault(berkas, []).append(issue)
    return found


def _carried(got: _Getter) -> Issue | None:
    code, message = got.text("Kode"), got.text("Pesan") or ""
    declared = CODES.get(code or "")
    if declared is None:  # a code of another version of kinerja-xl: said as a rule's failure
        declared, message = CODES["rule-failed"], f"{code}: {message}"
    if declared.module.startswith(NOT_CARRIED_FROM):
        return None
    severity = SEVERITY_OF.get(got.text("Tingkat") or "", declared.severity)
    return Issue(
        declared.code,
        got.text("Lembar"),
        got.text("Sel"),
        got.text("Nilai"),
        {CARRIED: message},
        severity,  # type: ignore[arg-type]
    )


def said_once(issues: list[Issue]) -> list[Issue]:
    """A carried issue that the national check raised again at the same cell is said once,
    in the national check's words (the rules may differ; the rows are the same)."""
    raised = {(i.code, i.sheet, i.cell) for i in issues if CARRIED not in i.params}
    return [i for i in issues if CARRIED not in i.params or (i.code, i.sheet, i.cell) not in raised]


def _documents_of_sheets(tables: list[Table], labels: list[str]) -> None:
    """The IKU and Anggaran sheets name no document: Ringkasan's Dokumen of the file does
    ('Anggaran (DIPA)', 'IKU (Renstra)'), else a budget beside a PK on the office's sheet is the
    PK's, as it was read (documents.py)."""
    named = {t.sheet: t.document for t in tables if t.document not in (None, "RKT")}
    for table in tables:
        if table.document is not None or table.kind not in (TableKind.IKU, TableKind.ANGGARAN):
            continue
        listed = _listed_document(labels, table.kind)
        table.document = listed if listed else named.get(table.sheet)


def _listed_document(labels: list[str], kind: str) -> str | None:
    """'Anggaran (DIPA)' -> 'DIPA' for an anggaran table, when the file has one such table."""
    name = KIND_NAMES[kind]
    found = [
        label[len(name) + 2 : -1]
        for label in labels
        if label.startswith(f"{name} (") and label.endswith(")")
    ]
    plain = name in labels
    return found[0] if len(found) == 1 and not plain else None


def _read_sheet(sheet: Sheet, offices: dict[tuple[str, str], _Office]) -> None:
    rows = sheet.rows()
    header = {contract_name(cell.text()): cell.col for cell in rows.pop(1, [])}
    if not {"Satker", "Berkas", "Lembar", "Sel"} <= set(header):
        return
    for row_cells in rows.values():
        values = {cell.col: cell for cell in row_cells}
        got = _Getter(header, values)
        satker, berkas, lembar, sel = (got.text(n) for n in ("Satker", "Berkas", "Lembar", "Sel"))
        if not (satker and berkas and lembar and sel):
            continue
        office = offices.setdefault((satker, berkas), _Office(satker, berkas))
        year = got.number("Tahun")
        office.year = office.year or year
        kind, document = _kind_and_document(contract_name(sheet.name), got)
        key = (lembar, kind, document, year if year != office.year else None)
        table = office.tables.get(key)
        if table is None:
            table = Table(lembar, kind, 0, {}, 0, 0, document=document, year=key[3])
            office.tables[key] = table
        table.records.append(_record(kind, lembar, sel, got))
        table.row_kinds["data"] += 1
        _spans(table, sel)


def _kind_and_document(sheet: str, got: _Getter) -> tuple[str, str | None]:
    if sheet != "RKT":
        return DATA_SHEETS[sheet][0], None
    kind = got.text("Kode Jenis")
    document, _, level = (got.text("Jenis") or "RKT KPU").rpartition(" ")
    kind = kind if kind in DATA_SHEETS["RKT"] else LEVEL_KINDS.get(level, TableKind.RKT)
    return kind, (document or "RKT")


def _record(kind: str, lembar: str, sel: str, got: _Getter) -> Record:
    row = _row_of(sel)
    record = Record(lembar, row, sel)
    for title, name in FIELDS.items():
        text = got.text(title)
        if text is not None:
            record.values[name] = text
    main = "program" if kind == TableKind.ANGGARAN else "indikator"
    record.cells[main] = sel
    if kind == TableKind.ANGGARAN:
        record.amount = parse_amount(got.value("Anggaran"))
        record.detail = bool(got.text("Rincian"))
    else:
        target = got.cell("Target")
        if target is not None:
            record.target = parse_target(target.value, target.is_percent_format)
        record.unit_name = got.text("Satuan")
    return record


def _spans(table: Table, sel: str) -> None:
    """The table spans the office's cells its rows point at: what is found at one of them is
    the table's (checking/flags.py), as it was in the office's own sheet."""
    try:
        row, col = parse_a1(sel)
    except ValueError:
        return
    table.first_col = min(table.first_col or col, col)
    table.last_col = max(table.last_col, col)
    table.header_row = min(table.header_row or row, row - 1)


def _row_of(sel: str) -> int:
    try:
        return parse_a1(sel)[0]
    except ValueError:
        return 0


class _Getter:
    """A data row's cells by their column titles."""

    def __init__(self, header: dict[str, int], cells: dict[int, Cell]) -> None:
        self.header, self.cells = header, cells

    def cell(self, title: str) -> Cell | None:
        column = self.header.get(title)
        return self.cells.get(column) if column is not None else None

    def value(self, title: str) -> Any:
        cell = self.cell(title)
        return cell.value if cell is not None else None

    def text(self, title: str) -> str | None:
        cell = self.cell(title)
        return (cell.text() or None) if cell is not None else None

    def number(self, title: str) -> int | None:
        value = self.value(title)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return int(value)
        return None
