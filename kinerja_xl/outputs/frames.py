"""Tidy pandas DataFrames of what was read: one row per record (or per issue), each with its
provenance (path, office, year, document, sheet, row, and the cell of every value) and typed
values (rupiah as nullable integers, targets as text, value and unit)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from ..checking.flags import Flags
from ..knowledge.kinds import TableKind
from ..layouts.documents import KIND_NAMES, table_label
from ..model.records import FileReport, Record, Table
from ..reading.discover import display_name
from ..reading.grid import parse_a1

if TYPE_CHECKING:
    import pandas as pd


class Frames(TypedDict):
    """What `Batch.to_frames()` gives: one DataFrame per kind of table, a row per record."""

    rkt: pd.DataFrame  # the plans: RKT KPU and RKT Sekretariat (and PK, LKj … of that shape)
    iku: pd.DataFrame
    anggaran: pd.DataFrame


FRAME_KINDS = {
    "rkt": (TableKind.RKT, TableKind.RKT_SEKRETARIAT),
    "iku": (TableKind.IKU,),
    "anggaran": (TableKind.ANGGARAN,),
}
CELL_FIELDS = {
    "rkt": ("tujuan", "sasaran", "indikator", "target", "satuan"),
    "iku": ("program", "indikator", "cara", "sumber"),
    "anggaran": ("program", "anggaran"),
}


def to_frames(reports: list[FileReport]) -> Frames:
    """{"rkt": DataFrame, "iku": …, "anggaran": …}: every record of every readable file."""
    import pandas as pd

    frames = {}
    for name, kinds in FRAME_KINDS.items():
        rows = [
            _row(name, report, table, record, flags)
            for report in reports
            for flags in [Flags.of(report)]
            for table in report.tables
            if table.kind in kinds
            for record in table.records
        ]
        frame = pd.DataFrame(rows, columns=_columns(name))
        frames[name] = _typed(name, frame)
    return Frames(rkt=frames["rkt"], iku=frames["iku"], anggaran=frames["anggaran"])


def _columns(name: str) -> list[str]:
    provenance = [
        "path",
        "file",
        "office",
        "office_code",
        "year",
        "document",
        "jenis",
        "kind",
        "sheet",
        "row",
    ]
    values = {
        "rkt": [
            "no",
            "tujuan",
            "sasaran",
            "indikator",
            "target_text",
            "target_value",
            "target_code",
            "target_unit",
            "unit",
            "satuan",
            "realisasi_text",
            "realisasi_value",
            "capaian_value",
            "capaian_dihitung",
            "direction",
            "periods",
        ],
        "iku": ["no", "kode_program", "program", "indikator", "cara", "sumber"],
        "anggaran": ["no", "kode", "program", "amount", "amount_text", "detail"],
    }[name]
    return [*provenance, *values, *(f"cell_{f}" for f in CELL_FIELDS[name]), "issues"]


def _row(name: str, report: FileReport, table: Table, record: Record, flags: Flags) -> list[Any]:
    row: list[Any] = [
        display_name(report.path),
        display_name(Path(report.path).name),
        report.office,
        report.office_code,
        report.year,
        table.document or KIND_NAMES[table.kind],
        table_label(table),
        table.kind,
        record.sheet,
        record.row,
        record.number,
    ]
    if name == "rkt":
        target = record.target
        value = target.value if target else None
        row += [record.get(f) for f in ("tujuan", "sasaran", "indikator")]
        row += [
            target.text if target else None,
            float(value) if isinstance(value, int | float) else None,
            value if isinstance(value, str) else None,
            target.unit if target else None,
            record.unit_name,
            record.get("satuan"),
            record.realisasi.text if record.realisasi else None,
            _number(record.realisasi),
            _number(record.capaian),
            record.capaian_dihitung,
            record.direction,
            {k: t.text if t else None for k, t in record.periods.items()} or None,
        ]
    elif name == "iku":
        row += [record.get(f) for f in ("kode_program", "program", "indikator", "cara", "sumber")]
    else:
        amount = record.amount
        row += [
            record.get("kode"),
            record.get("program"),
            amount.value if amount else None,
            amount.text if amount else None,
            record.detail,
        ]
    row += [record.cells.get(f) for f in CELL_FIELDS[name]]
    row.append(", ".join(dict.fromkeys(i.code for i in flags.of_record(table, record))) or None)
    return row


def _number(target: Any) -> float | None:
    value = target.value if target is not None else None
    return float(value) if isinstance(value, int | float) else None


def _typed(name: str, frame: Any) -> Any:
    frame["year"] = frame["year"].astype("Int64")
    frame["row"] = frame["row"].astype("int64")
    if name == "rkt":
        for column in ("target_value", "realisasi_value", "capaian_value", "capaian_dihitung"):
            frame[column] = frame[column].astype("Float64")
    if name == "anggaran":
        frame["amount"] = frame["amount"].astype("Int64")  # whole rupiah, never a float
        frame["detail"] = frame["detail"].astype("bool")
    return frame


ISSUE_COLUMNS = [
    "path",
    "file",
    "office",
    "office_code",
    "year",
    "sheet",
    "cell",
    "row",
    "kind",
    "document",
    "severity",
    "code",
    "value",
    "message",
]


def issues_frame(reports: list[FileReport], lang: str = "id") -> pd.DataFrame:
    """One row per issue: where (path, office and its code, sheet, cell, row, the kind and
    document of the table it is in), what (severity, code, value) and the message in `lang`."""
    import pandas as pd

    rows = []
    for report in reports:
        for issue in report.issues:
            row = _row_of(issue.cell)
            table = _table_at(report, issue.sheet, issue.cell)
            rows.append(
                {
                    "path": display_name(report.path),
                    "file": display_name(Path(report.path).name),
                    "office": report.office,
                    "office_code": report.office_code,
                    "year": report.year,
                    "sheet": issue.sheet,
                    "cell": issue.cell,
                    "row": row,
                    "kind": str(table.kind) if table else None,
                    "document": table.document if table else report.document,
                    "severity": issue.severity,
                    "code": issue.code,
                    "value": issue.value,
                    "message": issue.message(lang),
                }
            )
    frame = pd.DataFrame(rows, columns=ISSUE_COLUMNS)
    for column in ("year", "row"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _row_of(cell: str | None) -> int | None:
    try:
        return parse_a1(cell)[0] if cell else None
    except ValueError:
        return None


def _table_at(report: FileReport, sheet: str | None, cell: str | None) -> Table | None:
    """The table whose span (its header row to its last row, its first to its last column)
    holds the cell; None for an issue of the workbook or the sheet."""
    try:
        row, col = parse_a1(cell) if cell else (0, 0)
    except ValueError:
        return None
    for table in report.tables:
        if table.sheet != sheet or not table.first_col <= col <= table.last_col:
            continue
        last = max([table.header_row, *(r.row for r in table.records), *_total_rows(table)])
        if table.header_row <= row <= last:
            return table
    return None


def _total_rows(table: Table) -> list[int]:
    cells = [table.declared_total_cell, *(s.cell for s in table.subtotals)]
    return [r for r in (_row_of(c) for c in cells) if r is not None]
