"""The sheets that compare offices: Rekap Anggaran (programs × offices) and Perbandingan Target
(indicators shared by offices). What is not valid is never shown as a number or as the common
value: it is said, in words, on a red fill.
"""

from __future__ import annotations

from typing import Any

from ..layouts.documents import KIND_NAMES
from ..layouts.normalise import format_rupiah
from ..outputs.xlsx_out import Column
from .comparisons import (
    DIFFERENT,
    HEADING,
    INVALID,
    KEGIATAN,
    PROGRAM,
    FileBudget,
    RecapRow,
    SharedIndicator,
    shared_indicators,
)
from .consolidation import COMPARED_FIRST
from .context import Context

# --- Rekap Anggaran -----------------------------------------------------------------------


def write_rekap(ctx: Context) -> int:
    """Programs, each with its kegiatan under it, × offices; the last row is the total. A
    program's row adds only the lines that are that program, a kegiatan's row only that
    kegiatan's: unlike levels are never added together."""
    recap = ctx.recap
    columns = [Column("Program", 44, "wrap")]
    columns += [Column(o, 16, "rupiah") for o in recap.offices]
    columns.append(Column("Total", 18, "rupiah"))
    header_styles = [None] + [
        "header-error" if recap.state(o) != "ok" else None for o in recap.offices
    ]
    rows: list[list[Any]] = []
    row_styles: list[list[str | None]] = []
    for row in recap.rows:
        label = row.label or ctx.say("recap-no-program")
        values: list[Any] = [label]
        marks: list[str | None] = [ROW_STYLES[row.level]]
        for office in recap.offices:
            value, mark = _recap_cell(ctx, row, office)
            values.append(value)
            marks.append(mark)
        if recap.has_lines(row):
            value, mark = _total_cell(ctx, recap.row_budget(row))
        else:  # a program only its kegiatan were given for: nothing of its own to add
            value, mark = None, None
        values.append(value)
        marks.append(mark)
        rows.append(values)
        row_styles.append(marks)
    totals: list[Any] = [ctx.say("total")]
    total_marks: list[str | None] = ["bold"]
    for office in recap.offices:
        value, mark = _total_cell(ctx, recap.budget(office), bold=True)
        totals.append(value)
        total_marks.append(mark)
    value, mark = _total_cell(ctx, recap.grand_budget, bold=True)
    totals.append(value)
    total_marks.append(mark)
    rows.append(totals)
    row_styles.append(total_marks)
    sheet = ctx.write(
        "Rekap Anggaran",
        columns,
        rows,
        row_styles,
        key_columns=1,
        header_styles=header_styles,
        one_page=False,
    )
    sheet.set_h_pagebreaks([len(rows) + 1])  # chart and legend print on a page of their own
    if recap.offices:
        _budget_chart(ctx, sheet, len(rows), recap.offices)
    _legend(ctx, sheet, len(rows) + (22 if recap.offices else 2))
    return len(recap.rows)


ROW_STYLES = {PROGRAM: "wrap-bold", KEGIATAN: "wrap-indent", HEADING: "wrap-bold-italic"}


def _recap_cell(ctx: Context, row: RecapRow, office: str) -> tuple[Any, str | None]:
    recap = ctx.recap
    amount = recap.amounts.get((row, office))
    invalid = recap.invalid.get((row, office), 0)
    if not invalid:
        return amount, None
    if amount:
        text = ctx.say("invalid-lines-with-amount", amount=format_rupiah(amount), count=invalid)
    else:
        text = ctx.say("invalid-lines", count=invalid)
    return text, "wrap+error"


def _total_cell(ctx: Context, budget: FileBudget, bold: bool = False) -> tuple[Any, str | None]:
    """A total that is not the whole story is written in words, on a red fill: 'Rp995.000.000
    (belum lengkap: 3 baris tidak sah)' — never a number that looks complete."""
    if budget.state == "ok":
        return budget.total, "rupiah-bold" if bold else None
    if not budget.total and not budget.disagrees and not bold:  # a program no line of counts
        return ctx.say("invalid-lines", count=budget.invalid), "wrap+error"
    return total_words(ctx, budget), ("wrap+error+bold" if bold else "wrap+error")


def total_words(ctx: Context, budget: FileBudget) -> str:
    """'Rp1.000.000.000 (belum lengkap: 3 baris tidak sah; ≠ JUMLAH berkas Rp2.000.000.000)':
    the sum of the lines that can be added up, what it leaves out, and the office's own
    JUMLAH where it differs — the same sum as the check's message and the JSON `total`."""
    parts = []
    if budget.invalid:
        parts.append(ctx.say("budget-incomplete-lines", count=budget.invalid))
    if budget.disagrees:
        if budget.declared is not None:
            parts.append(
                ctx.say("budget-disagrees-amount", declared=format_rupiah(budget.declared))
            )
        else:
            parts.append(ctx.say("budget-disagrees"))
    return f"{format_rupiah(budget.total or 0)} ({'; '.join(parts)})"


def _budget_chart(ctx: Context, sheet: Any, total_row: int, offices: list[str]) -> None:
    """Every office's bar: the sum of its lines that can be added up, from the hidden sheet
    Data Grafik (its total on Rekap Anggaran is words when not whole). A bar that is not the
    whole story is red and labelled 'belum lengkap' / '≠ JUMLAH berkas': never a missing bar
    that reads as Rp0."""
    chart = ctx.book.add_chart({"type": "column"})
    recap = ctx.recap
    data = ctx.sheet_name(CHART_DATA)
    marks = [_chart_mark(ctx, recap.budget(o)) for o in offices]
    chart.add_series(
        {
            "name": ctx.say("recap-chart"),
            "categories": [data, 1, 0, len(offices), 0],
            "values": [data, 1, 1, len(offices), 1],
            "points": [{"fill": {"color": "#C00000"}} if mark else None for mark in marks],
            "data_labels": {
                "value": True,
                "custom": [{"value": mark} if mark else {"delete": True} for mark in marks],
            },
        }
    )
    chart.set_title({"name": ctx.say("recap-chart")})
    chart.set_legend({"none": True})
    chart.set_y_axis({"num_format": ctx.say("recap-axis-format")})
    chart.set_size({"width": 760, "height": 380})
    sheet.insert_chart(total_row + 2, 0, chart)


def _chart_mark(ctx: Context, budget: FileBudget) -> str | None:
    if budget.state == "ok":
        return None
    marks = []
    if budget.invalid:
        marks.append(ctx.say("budget-incomplete"))
    if budget.disagrees:
        marks.append(ctx.say("budget-disagrees"))
    return "; ".join(marks)


CHART_DATA = "Data Grafik"


def write_chart_data(ctx: Context) -> int:
    """The chart's numbers, on a hidden sheet after the others: each office and the sum of its
    lines that can be added up, and whether that is the whole story."""
    recap = ctx.recap
    if not recap.offices:
        return 0
    rows = [
        [office, recap.office_total(office), _chart_mark(ctx, recap.budget(office))]
        for office in recap.offices
    ]
    columns = [
        Column("Satker", 28, "wrap"),
        Column("Anggaran", 18, "rupiah"),
        Column("Keterangan", 30),
    ]
    sheet = ctx.write(CHART_DATA, columns, rows)
    sheet.hide()
    return len(rows)


def _legend(ctx: Context, sheet: Any, row: int) -> None:
    """What the marks mean, in a text box under the table (not in a row: scripts read every
    row of the sheet as a program, and the last one as the total)."""
    text = ctx.say(
        "recap-legend",
        invalid=ctx.say("invalid-lines", count="n"),
        incomplete=ctx.say("budget-incomplete-lines", count="n"),
        disagrees=ctx.say("budget-disagrees-amount", declared="Rp…"),
    )
    sheet.insert_textbox(
        row, 0, text, {"width": 760, "height": 90, "font": {"size": 10}, "object_position": 3}
    )


# --- Perbandingan Target ------------------------------------------------------------------


def write_perbandingan(ctx: Context) -> int:
    offices, shared = shared_indicators(ctx.result)
    columns = [
        Column("Jenis", 11, "wrap"),
        Column("Indikator", 38, "wrap"),
        Column("Target umum", 12, "wrap"),
    ]
    columns += [Column(o, 11, "wrap") for o in offices]
    columns.append(Column("Keterangan", 40, "wrap"))
    rows, row_styles = [], []
    for indicator in shared:
        common = indicator.common_text
        values: list[Any] = [KIND_NAMES[indicator.kind], indicator.text]
        marks: list[str | None] = [None, None]
        if common is None:
            why = "common-tie" if indicator.why_no_common == "tie" else "common-none"
            values.append(ctx.say(why))
            marks.append("muted")
        else:
            values.append(common)
            marks.append(None)
        for office in offices:
            entry = indicator.targets.get(office)
            values.append(entry.target.text if entry and entry.target else None)
            state = indicator.state(office)
            marks.append({INVALID: "error", DIFFERENT: "highlight"}.get(state))
        values.append(_comparison_note(ctx, indicator, offices))
        marks.append(None)
        rows.append(values)
        row_styles.append(marks)
    ctx.write("Perbandingan Target", columns, rows, row_styles, 2)
    return len(rows)


def _comparison_note(ctx: Context, indicator: SharedIndicator, offices: list[str]) -> str | None:
    notes = []
    if indicator.why_no_common == "tie":
        notes.append(ctx.say("compare-tie"))
    for state, key in ((DIFFERENT, "compare-different"), (INVALID, "compare-invalid")):
        named = [
            f"{office} ({_target_text(indicator, office)})"
            for office in offices
            if indicator.state(office) == state
        ]
        if named:
            notes.append(ctx.say(key, offices=", ".join(named)))
    notes.extend(_other_documents(ctx, indicator, offices))
    return " ".join(notes) or None


def _other_documents(ctx: Context, indicator: SharedIndicator, offices: list[str]) -> list[str]:
    """Which offices' targets come from a document other than their RKT (a PK, a Rencana Aksi
    … when they sent no RKT): 'Dari PK: KPU Kabupaten Pacitan.'"""
    by_document: dict[str, list[str]] = {}
    for office in offices:
        entry = indicator.targets.get(office)
        if entry is not None and entry.document != "RKT":
            by_document.setdefault(entry.document, []).append(office)
    order = list(COMPARED_FIRST)
    return [
        ctx.say("compare-from", document=document, offices=", ".join(named))
        for document, named in sorted(
            by_document.items(),
            key=lambda item: order.index(item[0]) if item[0] in order else len(order),
        )
    ]


def _target_text(indicator: SharedIndicator, office: str) -> str:
    entry = indicator.targets[office]
    return entry.target.text if entry.target else "—"
