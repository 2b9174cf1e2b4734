"""The data sheets: RKT, IKU and Anggaran (one row per record) and Masalah (one row per issue).

Every row keeps its provenance (Berkas, Lembar, Sel — a link to the office's cell) and shows
its problems: a Status and short labels in columns of their own, and a fill on the very cell
that was flagged. The contract's columns keep their places; Status and Masalah come after.
"""

from __future__ import annotations

from typing import Any

from ..layouts.documents import table_label
from ..model.records import FileReport, Record, Table
from ..model.values import Target
from ..outputs.xlsx_out import Column
from .comparisons import target_is_valid, valid_amount
from .consolidation import office_label, provenance
from .context import MAX_LINKS, Context, row_problems, status_index
from .results import periods_text

STATUS_COLUMNS = [Column("Status", 11, "wrap"), Column("Masalah", 22, "wrap")]

RKT_COLUMNS = [
    Column("Satker", 17, "wrap"),
    Column("Tahun", 6, "int"),
    Column("Jenis", 11, "wrap"),
    Column("Tujuan", 20, "wrap"),
    Column("Sasaran", 24, "wrap"),
    Column("Indikator", 34, "wrap"),
    Column("Target", 10, "wrap"),
    Column("Nilai", 8, "number"),
    Column("Satuan", 9, "wrap"),
    Column("Berkas", 18, "wrap"),
    Column("Lembar", 10, "wrap"),
    Column("Sel", 6, "link"),
    *STATUS_COLUMNS,
    Column("Kode Jenis", 16, printed=False),
    Column("Target per periode", 30, "wrap", printed=False),
]
RKT_FIELDS = {"tujuan": 3, "sasaran": 4, "indikator": 5, "target": 6, "satuan": 8}


def write_rkt(ctx: Context) -> int:
    rows, row_styles = [], []
    records = ctx.result.rows("rkt", "rkt-sekretariat")
    linked = len(records) <= MAX_LINKS
    status = status_index(RKT_COLUMNS)
    for report, table, record in records:
        target = record.target
        valid = target_is_valid(ctx.result, report, record)
        value, value_style = target_number(target) if valid else (None, None)
        problems = row_problems(ctx, report, table, record, RKT_FIELDS, len(RKT_COLUMNS), status)
        where = problems.at(provenance(ctx.result, report, record, "indikator"))
        rows.append(
            [
                office_label(report),
                ctx.result.year_of(report, table),
                table_label(table),
                record.get("tujuan"),
                record.get("sasaran"),
                record.get("indikator"),
                target.text if target else None,
                value,
                record.unit_name or (target.unit if target else None),
                *ctx.source(where, linked),
                *problems.cells,
                table.kind,
                periods_text(record),
            ]
        )
        problems.fills[7] = value_style
        row_styles.append(problems.fills)
    columns = with_province(ctx, RKT_COLUMNS, rows, row_styles, records)
    ctx.write("RKT", columns, rows, row_styles, 1)
    return len(rows)


PROVINCE_COLUMN = Column("Provinsi", 14, "wrap")


def with_province(
    ctx: Context,
    columns: list[Column],
    rows: list[list[Any]],
    row_styles: list[list[str | None]],
    records: list[tuple[FileReport, Table, Record]],
) -> list[Column]:
    """A national workbook's data rows say their province, beside the office (a column after
    Satker); a province's own workbook has no need of it."""
    if not ctx.result.national:
        return columns
    for row, styles, (report, _table, _record) in zip(rows, row_styles, records, strict=True):
        row.insert(1, ctx.result.province_of(report))
        styles.insert(1, None)
    return [columns[0], PROVINCE_COLUMN, *columns[1:]]


def target_number(target: Target | None) -> tuple[Any, str | None]:
    """Nilai: a target's number as Excel should show it (90 % as 0.9 in a percent format)."""
    if target is None or not isinstance(target.value, int | float):
        return (target.value if target else None), "text"
    if target.unit == "persen":
        whole = float(target.value).is_integer()
        return target.value / 100, "percent" if whole else "percent-decimal"
    return target.value, "number"


IKU_COLUMNS = [
    Column("Satker", 17, "wrap"),
    Column("Tahun", 6, "int"),
    Column("Kode Program", 10, "wrap"),
    Column("Program", 22, "wrap"),
    Column("Indikator", 32, "wrap"),
    Column("Cara Penghitungan", 32, "wrap"),
    Column("Sumber Data", 22, "wrap"),
    Column("Target", 10, "wrap"),  # an IKU that states targets: the plan year's, as written
    Column("Satuan", 9, "wrap"),
    Column("Berkas", 18, "wrap"),
    Column("Lembar", 10, "wrap"),
    Column("Sel", 6, "link"),
    *STATUS_COLUMNS,
    Column("Target per periode", 30, "wrap", printed=False),
]
IKU_FIELDS = {
    "kode_program": 2,
    "program": 3,
    "indikator": 4,
    "cara": 5,
    "sumber": 6,
    "target": 7,
    "satuan": 8,
}


def write_iku(ctx: Context) -> int:
    rows, row_styles = [], []
    records = ctx.result.rows("iku")
    linked = len(records) <= MAX_LINKS
    status = status_index(IKU_COLUMNS)
    for report, table, record in records:
        problems = row_problems(ctx, report, table, record, IKU_FIELDS, len(IKU_COLUMNS), status)
        where = problems.at(provenance(ctx.result, report, record, "indikator"))
        rows.append(
            [
                office_label(report),
                ctx.result.year_of(report, table),
                record.get("kode_program"),
                record.get("program"),
                record.get("indikator"),
                record.get("cara"),
                record.get("sumber"),
                record.target.text if record.target else None,
                record.unit_name or record.get("satuan"),
                *ctx.source(where, linked),
                *problems.cells,
                periods_text(record),
            ]
        )
        row_styles.append(problems.fills)
    columns = with_province(ctx, IKU_COLUMNS, rows, row_styles, records)
    ctx.write("IKU", columns, rows, row_styles, 1)
    return len(rows)


ANGGARAN_COLUMNS = [
    Column("Satker", 18, "wrap"),
    Column("Tahun", 6, "int"),
    Column("Program", 46, "wrap"),
    Column("Anggaran", 18, "rupiah"),
    Column("Berkas", 22, "wrap"),
    Column("Lembar", 10, "wrap"),
    Column("Sel", 6, "link"),
    Column("Rincian", 8),  # "rincian": a line inside a program above it; not added again
    *STATUS_COLUMNS,
]
ANGGARAN_FIELDS = {"program": 2, "kode": 2, "anggaran": 3}


def write_anggaran(ctx: Context) -> int:
    """An amount that cannot be added up (unreadable, negative, a formula without a value) is
    written as the office typed it, as text, on a red fill: never a number that looks valid."""
    rows, row_styles = [], []
    records = ctx.result.rows("anggaran")
    linked = len(records) <= MAX_LINKS
    status = status_index(ANGGARAN_COLUMNS)
    detail = ctx.say("detail-line")
    for report, table, record in records:
        problems = row_problems(
            ctx, report, table, record, ANGGARAN_FIELDS, len(ANGGARAN_COLUMNS), status
        )
        where = problems.at(provenance(ctx.result, report, record, "program"))
        amount: Any = valid_amount(record)
        if amount is None and record.amount is not None:
            amount = record.amount.text
            problems.fills[3] = "error"
        rows.append(
            [
                office_label(report),
                ctx.result.year_of(report, table),
                record.get("program"),
                amount,
                *ctx.source(where, linked),
                detail if record.detail else None,
                *problems.cells,
            ]
        )
        row_styles.append(problems.fills)
    columns = with_province(ctx, ANGGARAN_COLUMNS, rows, row_styles, records)
    ctx.write("Anggaran", columns, rows, row_styles, 1)
    return len(rows)


ISSUE_COLUMNS = [
    Column("Satker", 17, "wrap"),
    Column("Berkas", 22, "wrap"),
    Column("Lembar", 11, "wrap"),
    Column("Sel", 6, "link"),
    Column("Tingkat", 11),
    Column("Kode", 20, "wrap"),
    Column("Pesan", 60, "wrap"),
    Column("Nilai", 14, "wrap"),
]


def write_masalah(ctx: Context) -> int:
    rows, row_styles = [], []
    result = ctx.result
    linked = sum(len(r.issues) for r in result.reports) <= MAX_LINKS
    severity = {level: ctx.say(f"severity-{level}") for level in ("error", "warning")}
    fills: dict[str, list[str | None]] = {}  # one row style a severity, shared by its rows
    said: dict[str, str] = {}  # one string a message: 60,000 rows may say the same
    for report in result.reports:
        office, berkas = office_label(report), result.berkas(report)
        for issue in report.issues:
            where = None
            if issue.sheet and issue.cell and report.readable:
                where = provenance_of_cell(ctx, report, issue.sheet, issue.cell)
            rows.append(
                [
                    office,
                    berkas,
                    issue.sheet,
                    ctx.sel(where, linked) if where else issue.cell,
                    severity.get(issue.severity) or ctx.say(f"severity-{issue.severity}"),
                    issue.code,
                    said.setdefault(message := issue.message(ctx.lang), message),
                    issue.value,
                ]
            )
            if issue.severity not in fills:
                fills[issue.severity] = [None, None, None, None, issue.severity, None, None, None]
            row_styles.append(fills[issue.severity])
    ctx.write("Masalah", ISSUE_COLUMNS, rows, row_styles, 1)
    return len(rows)


def provenance_of_cell(ctx: Context, report: Any, sheet: str, cell: str) -> Any:
    from .consolidation import Provenance

    return Provenance(ctx.result.berkas(report), sheet, cell, report.path)
