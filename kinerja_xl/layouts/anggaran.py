"""Budget rows: a program, its kegiatan, the declared JUMLAH; an amount in a column of its own
beside "Rp"."""

from __future__ import annotations

import re

from ..knowledge.kinds import TableKind
from ..knowledge.programs import CODE_LIKE
from ..model.records import Record, Subtotal, Table
from ..model.values import Amount
from ..reading.grid import Cell, Sheet, column_letter
from .budget import mark_detail_lines
from .locate import (
    HeaderMatch,
    looks_like_row_number,
)
from .normalise import parse_amount
from .rows import (
    RowView,
    TableState,
    append_text,
    continues,
    new_record,
    point_at_columns,
    set_text,
)

TOTAL_LABEL = re.compile(r"^(jumlah|total|grand total)\b", re.IGNORECASE)


SUBTOTAL_LABEL = re.compile(r"^sub[ -]?(total|jumlah)\b", re.IGNORECASE)


CODE_CELL = re.compile(rf"^{CODE_LIKE}$")  # a program's code, typed right or not


def anggaran_row(state: TableState, view: RowView, following: RowView | None) -> str:
    table = state.table
    label = next((c.text() for c in view.cells if isinstance(c.value, str)), "")
    amount_cell = amount_source_cell(state.sheet, view.by_role.get("anggaran"))
    if not label and amount_cell is not None:
        label = label_left_of_table(state, view.row)
    if SUBTOTAL_LABEL.match(label):
        if amount_cell is not None:  # checked against its lines (crossrow.budget_totals)
            amount = amount_of(amount_cell, table.amount_scale)
            end = len(table.records)
            table.subtotals.append(Subtotal(amount, amount_cell.ref, state.lines_from, end))
        state.lines_from = len(table.records)
        return "subtotal"
    if TOTAL_LABEL.match(label) and not looks_like_row_number(view.text("no")):
        table.declared_total = (
            declared_total(state.sheet, amount_cell, table.amount_scale) if amount_cell else None
        )
        table.declared_total_cell = amount_cell.ref if amount_cell else view.first_cell
        return "total"
    program, number = view.text("program"), view.text("no")
    if (
        state.last
        and amount_cell is None
        and program
        and not looks_like_row_number(number)
        and (state.after_page_break or continues(state.last.get("program"), program))
    ):
        append_text(state.last, "program", program, view.ref("program"))
        return "continuation"
    if program and amount_cell is None and not looks_like_row_number(number):
        state.program = (program, None, view.ref("program"))
        state.lines_from = len(table.records)
        return "group"
    if not (program or amount_cell):
        return "unplaced"
    record = new_record(state, view)
    for header, cell in view.extras.items():
        if cell is amount_cell:  # "Rp | 814.815.000": the amount is not an extra column
            record.extras.pop(header, None)
    record.values["kelompok"] = state.program[0] if state.program else None
    set_text(record, "kode", (view.text("kode"), view.ref("kode")) if view.text("kode") else None)
    set_text(record, "program", (program, view.ref("program")) if program else None)
    if amount_cell:
        record.cells["anggaran"] = amount_cell.ref
    point_at_columns(record, table, ("program", "anggaran"))
    record.amount = amount_of(amount_cell, table.amount_scale) if amount_cell else None
    return "record"


def label_left_of_table(state: TableState, row: int) -> str:
    """A budget beside a plan, in one grid: its JUMLAH label may stand in the plan's last
    column, just left of the budget's own ("… | Target | Program | Anggaran" with "JUMLAH"
    under Target)."""
    first = min(state.table.columns.values())
    for col in range(first - 1, max(first - 3, 0), -1):
        cell = state.sheet.get(row, col)
        if cell is not None and isinstance(cell.value, str) and cell.text():
            return cell.text()
    return ""


CURRENCY_ONLY = re.compile(r"^(rp\.?|idr)$", re.IGNORECASE)


def amount_source_cell(sheet: Sheet, cell: Cell | None) -> Cell | None:
    """The amount's cell. Printed budgets often put "Rp" in a column of its own under a header
    merged over two columns ("Rp | 814.815.000"): the amount is then the cell to the right."""
    if cell is None or not isinstance(cell.value, str) or not CURRENCY_ONLY.match(cell.text()):
        return cell
    right = sheet.get(cell.row, cell.col + 1)
    return right if right is not None and right.value not in (None, "") else cell


def declared_total(sheet: Sheet, cell: Cell, scale: int = 1) -> Amount | None:
    """The JUMLAH cell's value. A formula Excel never recalculated (=SUM(C6:C35) with no stored
    value) is `formula-no-value` like any other: its file must be opened and saved in Excel."""
    return amount_of(cell, scale)


def amount_of(cell: Cell, scale: int = 1) -> Amount | None:
    """The amount in whole rupiah; `scale` is the column's unit (1000 under "(Rp 000)")."""
    if cell.missing_formula_value:
        return Amount(cell.formula or "", None, "formula-no-value")
    return parse_amount(cell.value if cell.value is not None else cell.error, scale)


def plan_budget(
    sheet: Sheet, plan: Table, match: HeaderMatch, views: list[RowView], data_rows: set[int]
) -> Table | None:
    """A matrix that carries plan and money in one table (a Renja: Kode | Program/KRO |
    Sasaran | Indikator | Target | Satuan | Pagu Indikatif): its budget lines, one per row
    that states an amount (a Pagu merged over several indicators is one line)."""
    amount_col = match.side_roles.get("anggaran")
    name_col = match.side_roles.get("program") or match.side_roles.get("uraian")
    if plan.kind == TableKind.ANGGARAN or amount_col is None or name_col is None:
        return None
    columns = {"program": name_col, "anggaran": amount_col}
    if "kode" in match.side_roles:
        columns["kode"] = match.side_roles["kode"]
    budget = Table(
        sheet=plan.sheet,
        kind=TableKind.ANGGARAN,
        header_row=plan.header_row,
        columns=columns,
        first_col=min(columns.values()),
        last_col=max([*columns.values(), *match.side_periods]),
    )
    budget.amount_scale = match.amount_scale
    budget.periods = dict(match.side_periods)
    plan_rows = _record_rows(plan)
    for view in views:
        if view.row not in data_rows:
            continue  # a numbering row, a note, the header's own lines
        cells = {c.col: c for c in view.cells}
        amount = cells.get(amount_col)
        if amount is not None and view.row not in plan_rows and _total_row(view):
            budget.declared_total = declared_total(sheet, amount, match.amount_scale)
            budget.declared_total_cell = amount.ref
            budget.row_kinds["total"] += 1
            continue
        if amount is None or (view.row not in plan_rows and name_col not in cells):
            budget.row_kinds["plan-only"] += 1
            continue
        record = Record(plan.sheet, view.row, f"{column_letter(budget.first_col)}{view.row}")
        name = cells.get(name_col)
        record.values.update(
            program=name.text() if name else None,
            kode=cells[columns["kode"]].text()
            if "kode" in columns and columns["kode"] in cells
            else None,
            kelompok=None,
        )
        record.cells.update(anggaran=amount.ref, **({"program": name.ref} if name else {}))
        record.amount = amount_of(amount, match.amount_scale)
        for col, year in match.side_periods.items():  # a Renstra's Alokasi of every year
            cell = cells.get(col)
            record.periods[year] = amount_of(cell, match.amount_scale) if cell else None
            if cell is not None:
                record.cells[f"period {year}"] = cell.ref
        budget.records.append(record)
        budget.row_kinds["record"] += 1
    if not budget.records:
        return None
    mark_detail_lines(budget)
    return budget


def _total_row(view: RowView) -> bool:
    return any(isinstance(c.value, str) and TOTAL_LABEL.match(c.text()) for c in view.cells)


def _record_rows(plan: Table) -> set[int]:
    return {record.row for record in plan.records}
