"""The numbers a plan or a report row gives: the target (with its unit from a Satuan column or
a "Target %" header), the realisasi and capaian of a report (LKj), and the target of each
period (TW I … TW IV of a Rencana Aksi, 2025 … 2029 of a Renstra matrix; "-" is no target)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge.kinds import TableKind
from ..knowledge.vocabulary import Vocabulary, load_vocabulary
from ..model.records import Record, Table
from ..model.values import Amount, Target
from ..reading.grid import Cell
from .normalise import clean_text, parse_target, shown_decimals, without_numbering
from .rows import RowView, TableState, point_at_columns

LITERAL_PERCENT = re.compile(r'"[^"]*%[^"]*"|\\%')
NO_TARGET = {"-", "–", "—", "--", "n/a", "na", "x"}
# "-" in a year's or a quarter's column: no target for that period (a year without an
# election), never an error; the checks pass it by (problem "none")
NO_TARGET_FOR_PERIOD = Target("-", None, None, "none")


def target_of(cell: Cell, vocabulary: Vocabulary | None = None) -> Target | None:
    if cell.missing_formula_value:
        return Target(cell.formula or "", None, None, "formula-no-value")
    value = cell.value if cell.value is not None else cell.error
    decimals = shown_decimals(cell.number_format)
    target = parse_target(value, cell.is_percent_format, decimals, vocabulary)
    if target and target.unit == "angka" and LITERAL_PERCENT.search(cell.number_format):
        # 90 shown as "90%" by a format such as 0"%" or 0\\%: a percentage, not divided by 100
        return replace(target, text=f"{target.text}%", unit="persen")
    return target


def with_satuan(
    target: Target | None, satuan: str | None, vocabulary: Vocabulary | None = None
) -> Target | None:
    """A bare number beside Satuan "%" is a percentage: 77,5 | % reads as 77,5 %. The words
    of a percentage are units.yaml's (`satuan_kinds`)."""
    if target and satuan and target.unit == "angka":
        if (vocabulary or load_vocabulary()).satuan_kind(satuan) == "persen":
            return replace(target, unit="persen")
    return target


def as_percent(target: Target | None, percent: bool) -> Target | None:
    """Under a header that says "%" ("Target %", "Capaian (%)"), a bare number is a
    percentage as written: 95,5 is 95,5 %."""
    if target and percent and target.unit == "angka":
        return replace(target, unit="persen")
    return target


def read_target(state: TableState, view: RowView, record: Record) -> None:
    if "target" in view.by_role:
        cell = view.by_role["target"]
        if cell.col in state.table.periods and _is_dash(cell):
            record.target = NO_TARGET_FOR_PERIOD
            return
        target = target_of(cell, state.vocabulary)
        record.target = as_percent(
            with_satuan(target, record.get("satuan"), state.vocabulary),
            _percent_header(state, record),
        )


def _percent_header(state: TableState, record: Record) -> bool:
    """ "Target %" names the unit of the percentage indicators under it; an Indeks under the
    same header keeps its own."""
    if not state.table.target_percent:
        return False
    wording = without_numbering((record.get("indikator") or "").strip().lower())
    return (state.vocabulary or load_vocabulary()).indicator_kind(wording) == "persen"


def read_results(state: TableState, view: RowView, record: Record) -> None:
    """Realisasi and capaian (read like a target; a capaian is always a percentage), and the
    target of every period of the table (null where the office wrote "-" or nothing)."""
    for role in ("realisasi", "capaian"):
        cell = view.by_role.get(role)
        if cell is None:
            continue
        value = target_of(cell, state.vocabulary)
        if role == "realisasi":
            value = as_percent(
                with_satuan(value, record.get("satuan"), state.vocabulary),
                _percent_header(state, record),
            )
        else:
            value = as_percent(value, True)
        setattr(record, role, value)
        record.cells[role] = cell.ref
    point_at_columns(record, state.table, ("realisasi", "capaian"))
    for column, label in state.table.periods.items():
        record.periods[label] = _period_value(state, view, record, column, f"period {label}")
    for column, label in state.table.result_periods.items():
        key = f"realisasi {label}"
        record.realisasi_periods[label] = _period_value(state, view, record, column, key)
    if record.realisasi is None and "realisasi" not in state.table.columns:
        _year_of_quarters(state, record)


def _year_of_quarters(state: TableState, record: Record) -> None:
    """A realisasi given only by quarter, not said to add up: of a percentage, an index, a grade
    or an opinion (units.yaml's latest_kinds) the year's is the last quarter's that has one."""
    filled = [
        (label, t) for label, t in record.realisasi_periods.items() if t and t.value is not None
    ]
    if not filled:
        return
    vocabulary = state.vocabulary or load_vocabulary()
    wording = without_numbering((record.get("indikator") or "").strip().lower())
    satuan = record.get("satuan") or ""
    kind = vocabulary.indicator_kind(wording) or (satuan and vocabulary.satuan_kind(satuan))
    label, last = filled[-1]
    if (kind or last.unit) in vocabulary.latest_kinds:
        record.realisasi = last
        record.cells["realisasi"] = record.cells[f"realisasi {label}"]


def _period_value(
    state: TableState, view: RowView, record: Record, column: int, name: str
) -> Target | None:
    """A period's figure; none where the office wrote "-" or nothing (a year without an
    election, a quarter without a target)."""
    cell = view.periods.get(column)
    if cell is None:
        return None
    record.cells[name] = cell.ref
    if _is_dash(cell):
        return None
    value = target_of(cell, state.vocabulary)
    return as_percent(
        with_satuan(value, record.get("satuan"), state.vocabulary), _percent_header(state, record)
    )


def _is_dash(cell: Cell) -> bool:
    return clean_text(cell.text()).lower() in NO_TARGET


def choose_plan_year(table: Table, year: int) -> bool:
    """In a matrix of plan years (a Renstra, an IKU matrix), the target of each record is the
    year asked; a table without that year keeps the plan's first year (False)."""
    label = str(year)
    if label not in table.periods.values():
        return False
    if table.kind == TableKind.ANGGARAN:  # a Renstra's Alokasi: the amount of the year
        for record in table.records:
            amount = record.periods.get(label)
            record.amount = amount if isinstance(amount, Amount) else None
            if f"period {label}" in record.cells:
                record.cells["anggaran"] = record.cells[f"period {label}"]
        return True
    for record in table.records:
        found = record.periods.get(label)
        record.target = found if isinstance(found, Target) else None
        cell = record.cells.get(f"period {label}")
        if record.target is None and cell:  # "-": no target that year
            record.target = NO_TARGET_FOR_PERIOD
        if cell:
            record.cells["target"] = cell
        else:
            record.cells.pop("target", None)
    return True
