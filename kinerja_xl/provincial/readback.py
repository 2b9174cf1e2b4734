"""A provincial workbook made by kinerja-xl, read back for the national roll-up.

KPU RI receives one consolidated workbook per province. Its data sheets (RKT, IKU, Anggaran)
hold one row per indicator or budget line with where it came from (Satker, Berkas, Lembar,
Sel); those rows are turned back into one `FileReport` per office file, each record keeping
the office's sheet and cell, so that the national workbook links to the offices' own cells.
The office files' folder is the one the provincial workbook recorded in its properties
(`inputs`, relative to the workbook), else the workbook's own folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..knowledge.kinds import TableKind
from ..layouts.documents import KIND_NAMES
from ..layouts.normalise import parse_amount, parse_target
from ..model.records import FileReport, Record, Table
from ..reading.grid import Cell, Sheet, Workbook, parse_a1
from ..words.messages import contract_name

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
READ_BACK = {SUMMARY_SHEET, *DATA_SHEETS}


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
    folder = Path(workbook.path).resolve().parent
    if inputs:
        folder = (folder / inputs).resolve()
    offices: dict[tuple[str, str], _Office] = {}
    labels: dict[str, list[str]] = {}
    for sheet in workbook.sheets:  # made with --lang id or en: sheets by their contract name
        name = contract_name(sheet.name)
        if name in DATA_SHEETS:
            _read_sheet(sheet, offices)
        elif name == SUMMARY_SHEET:
            labels = _documents_by_file(sheet)
    reports = []
    for office in offices.values():
        report = FileReport(path=os.fspath(folder / office.berkas), office=office.satker)
        report.year = office.year
        report.file_format = "xlsx"
        report.tables = list(office.tables.values())
        _documents_of_sheets(report.tables, labels.get(office.berkas, []))
        report.document = next((t.document for t in report.tables if t.document), None)
        reports.append(report)
    return reports


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


def _documents_by_file(sheet: Sheet) -> dict[str, list[str]]:
    """Ringkasan: Berkas -> its Dokumen labels ('RKT KPU, Anggaran (DIPA)')."""
    rows = sheet.rows()
    header = {contract_name(cell.text()): cell.col for cell in rows.pop(1, [])}
    if not {"Berkas", "Dokumen"} <= set(header):
        return {}
    found = {}
    for cells in rows.values():
        by_col = {cell.col: cell.text() for cell in cells}
        berkas, documents = by_col.get(header["Berkas"]), by_col.get(header["Dokumen"])
        if berkas and documents:
            found[berkas] = [d.strip() for d in documents.split(",")]
    return found


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
