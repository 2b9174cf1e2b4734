"""Budget rows: a program, its kegiatan, the declared JUMLAH; an amount in a column of its own
beside "Rp"."""

from __future__ import annotations

import re

from ..grid import Cell, Sheet
from ..locate import (
    looks_like_row_number,
)
from ..normalise import (
    Amount,
    parse_amount,
)
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


CODE_CELL = re.compile(r"^\d{2,3}\s*\.\s*\d{1,3}\s*\.\s*[A-Za-z0-9]{1,4}$")


def anggaran_row(state: TableState, view: RowView, following: RowView | None) -> str:
    table = state.table
    label = next((c.text() for c in view.cells if isinstance(c.value, str)), "")
    amount_cell = amount_source_cell(state.sheet, view.by_role.get("anggaran"))
    if SUBTOTAL_LABEL.match(label):
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
