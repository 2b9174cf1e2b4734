"""Tidy pandas DataFrames of what was read: one row per record (or per issue), each with its
provenance (path, office, year, document, sheet, row, and the cell of every value) and typed
values (rupiah as nullable integers, targets as text, value and unit)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..checking.flags import Flags
from ..knowledge.kinds import TableKind
from ..layouts.documents import KIND_NAMES, table_label
from ..model.records import FileReport, Record, Table
from ..reading.discover import display_name

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


def to_frames(reports: list[FileReport]) -> dict[str, Any]:
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
    return frames


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


def issues_frame(reports: list[FileReport], lang: str = "id") -> Any:
    """One row per issue: where (path, office, sheet, cell), what (severity, code, value) and
    the message in `lang`."""
    import pandas as pd

    rows = [
        {
            "path": display_name(report.path),
            "file": display_name(Path(report.path).name),
            "office": report.office,
            "year": report.year,
            "sheet": issue.sheet,
            "cell": issue.cell,
            "severity": issue.severity,
            "code": issue.code,
            "value": issue.value,
            "message": issue.message(lang),
        }
        for report in reports
        for issue in report.issues
    ]
    columns = [
        "path",
        "file",
        "office",
        "year",
        "sheet",
        "cell",
        "severity",
        "code",
        "value",
        "message",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("Int64")
    return frame
