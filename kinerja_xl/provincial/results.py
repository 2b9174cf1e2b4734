"""Capaian: what the offices achieved — one row per indicator a report (LKj) gives a
realisasi for: its target, its realisasi, the capaian the office states and the one the rules
compute (and with which formula, on which exact values: higher or lower is better), in colour
bands (red below 100 %, yellow at it, green beyond)."""

from __future__ import annotations

import re
from typing import Any

from xlsxwriter.utility import xl_col_to_name

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
    Column("Dihitung dari", 18, "wrap"),  # the formula with the exact values it used
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
                computed_from(record.capaian_inputs, ctx.lang),
                ctx.say(f"direction-{record.direction or 'higher'}"),
                *ctx.source(where, linked),
                *problems.cells,
            ]
        )
        row_styles.append(problems.fills)
    sheet = ctx.write("Capaian", RESULT_COLUMNS, rows, row_styles, 1)
    if rows:
        for column in (7, 8):  # bands: red below 100 %, yellow at it, green beyond
            _bands(ctx, sheet, len(rows), column)
    return len(rows)


BANDS = (("<", "error"), ("=", "warning"), (">", "ok"))


def _bands(ctx: Context, sheet: Any, rows: int, column: int) -> None:
    """Three bands, not a colour scale (on a scale a missed 95 % looks nearly like 100 %):
    below 100 red, exactly 100 yellow, above green; an empty cell stays plain."""
    cell = f"{xl_col_to_name(column)}2"
    for operator, fill in BANDS:
        sheet.conditional_format(
            1,
            column,
            rows,
            column,
            {
                "type": "formula",
                "criteria": f"=AND(ISNUMBER({cell}),{cell}{operator}100)",
                "format": ctx.styles.get(fill),
            },
        )


def computed_from(inputs: tuple[str, float, float] | None, lang: str) -> str | None:
    """'(2 × 0,2 − 0,15) ÷ 0,2 × 100': the formula with the exact target and realisasi it used
    (a realisasi shown as "0,2%" may hold 0,15 %, and the capaian is computed from that)."""
    if inputs is None:
        return None
    formula, target, realisasi = inputs
    numbers = {"target": _exact(target, lang), "realisasi": _exact(realisasi, lang)}
    text = re.sub(r"\b(target|realisasi)\b", lambda m: numbers[m.group(1)], formula)
    return text.replace("*", "×").replace("/", "÷").replace(" - ", " − ")


def _exact(value: float, lang: str) -> str:
    text = format(value, ".12g")
    return text.replace(".", ",") if lang == "id" else text


def _number(target: Any) -> float | None:
    value = target.value if target is not None else None
    return float(value) if isinstance(value, int | float) else None


def periods_text(record: Any) -> str | None:
    """'TW I: -; TW II: 20%; …' or '2025: 78%; 2026: 79%; …' — every period's target."""
    if not record.periods:
        return None
    return "; ".join(f"{label}: {t.text if t else '-'}" for label, t in record.periods.items())
