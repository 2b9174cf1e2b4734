"""Capaian: what the offices achieved — one row per indicator a report (LKj) gives a
realisasi for: its target, its realisasi, the capaian the office states and the one the rules
compute (and with which formula: higher or lower is better), on a colour scale."""

from __future__ import annotations

from typing import Any

from ..layouts.documents import table_label
from ..outputs.xlsx_out import Column
from .consolidation import office_label, provenance
from .context import MAX_LINKS, Context, row_problems, status_index

CAPAIAN = '0.00"%"'
RESULT_COLUMNS = [
    Column("Satker", 17, "wrap"),
    Column("Tahun", 6, "int"),
    Column("Dokumen", 11, "wrap"),
    Column("Sasaran", 22, "wrap"),
    Column("Indikator", 34, "wrap"),
    Column("Target", 10, "wrap"),
    Column("Realisasi", 10, "wrap"),
    Column("Capaian", 10, "capaian"),
    Column("Capaian dihitung", 10, "capaian"),
    Column("Arah", 12, "wrap"),
    Column("Berkas", 18, "wrap"),
    Column("Lembar", 10, "wrap"),
    Column("Sel", 6, "link"),
    Column("Status", 11, "wrap"),
    Column("Masalah", 20, "wrap"),
]
FIELDS = {"indikator": 4, "target": 5, "realisasi": 6, "capaian": 7}


def has_results(ctx: Context) -> bool:
    return any(record.realisasi or record.capaian for _r, _t, record in _rows(ctx))


def _rows(ctx: Context) -> list[Any]:
    return [
        (report, table, record)
        for report, table, record in ctx.result.rows("rkt", "rkt-sekretariat", "iku")
        if table.reports_results
    ]


def write_capaian(ctx: Context) -> int:
    ctx.styles.define("capaian", {"num_format": CAPAIAN, "valign": "top"})
    rows, row_styles = [], []
    records = _rows(ctx)
    linked = len(records) <= MAX_LINKS
    status = status_index(RESULT_COLUMNS)
    for report, table, record in records:
        problems = row_problems(ctx, report, table, record, FIELDS, len(RESULT_COLUMNS), status)
        where = problems.at(provenance(ctx.result, report, record, "realisasi"))
        rows.append(
            [
                office_label(report),
                ctx.result.year_of(report, table),
                table_label(table),
                record.get("sasaran"),
                record.get("indikator"),
                record.target.text if record.target else None,
                record.realisasi.text if record.realisasi else None,
                _number(record.capaian),
                record.capaian_dihitung,
                ctx.say(f"direction-{record.direction or 'higher'}"),
                *ctx.source(where, linked),
                *problems.cells,
            ]
        )
        row_styles.append(problems.fills)
    sheet = ctx.write("Capaian", RESULT_COLUMNS, rows, row_styles, 1)
    if rows:
        for column in (7, 8):  # red below target, yellow at it, green beyond
            sheet.conditional_format(
                1,
                column,
                len(rows),
                column,
                {
                    "type": "3_color_scale",
                    "min_type": "num",
                    "min_value": 50,
                    "min_color": "#F8696B",
                    "mid_type": "num",
                    "mid_value": 100,
                    "mid_color": "#FFEB84",
                    "max_type": "num",
                    "max_value": 150,
                    "max_color": "#63BE7B",
                },
            )
    return len(rows)


def _number(target: Any) -> float | None:
    value = target.value if target is not None else None
    return float(value) if isinstance(value, int | float) else None


def periods_text(record: Any) -> str | None:
    """'TW I: -; TW II: 20%; …' or '2025: 78%; 2026: 79%; …' — every period's target."""
    if not record.periods:
        return None
    return "; ".join(f"{label}: {t.text if t else '-'}" for label, t in record.periods.items())
