"""IKU rows: indicators under their program heading ("PROGRAM DUKUNGAN MANAJEMEN
[076.01.WA]"), or with the program in a column of their own."""

from __future__ import annotations

import re

from ..reading.grid import Cell
from .anggaran import CODE_CELL
from .locate import (
    looks_like_row_number,
)
from .normalise import (
    split_program_heading,
)
from .results import read_results, read_target
from .rows import (
    RowView,
    TableState,
    append_text,
    continues_all,
    new_record,
    point_at_columns,
    set_text,
)

PROGRAM_HEADING = re.compile(r"^program\b", re.IGNORECASE)


def iku_row(state: TableState, view: RowView, following: RowView | None) -> str:
    text_role = "uraian" if "uraian" in state.table.columns else "indikator"
    texts = [c for c in view.cells if c.text()]
    number = view.text("no")
    heading = _program_heading(texts)
    if heading:
        state.program = heading
        return "group"
    uraian = view.text(text_role)
    if _iku_group_columns(state, view) and not (
        uraian or view.text("cara") or view.text("sumber") or view.extras
    ):
        return "group"
    split_cell = state.last is not None and continues_all(
        state.last, {"indikator": uraian, "cara": view.text("cara"), "sumber": view.text("sumber")}
    )
    if uraian and split_cell and not looks_like_row_number(number):
        assert state.last is not None
        append_text(state.last, "indikator", uraian, view.ref(text_role))
        for role in ("cara", "sumber"):
            if view.text(role):
                append_text(state.last, role, view.text(role), view.ref(role))
        return "continuation"
    if not uraian and not looks_like_row_number(number) and state.last:
        for role in ("cara", "sumber"):
            if view.text(role):
                append_text(state.last, role, view.text(role), view.ref(role))
        for header, cell in view.extras.items():
            state.last.extras[header] = f"{state.last.extras.get(header, '')} {cell.text()}".strip()
        return "continuation"
    if not uraian:
        return "unplaced"
    record = new_record(state, view)
    if state.program:
        record.values["program"], record.values["kode_program"] = state.program[0], state.program[1]
        record.cells["program"] = state.program[2]
    else:
        record.values["program"] = record.values["kode_program"] = None
    record.values["indikator"], record.cells["indikator"] = uraian, view.ref(text_role)
    if state.sasaran:
        record.extras["Sasaran Strategis"] = state.sasaran[0]
    for role in ("cara", "sumber", "satuan"):
        set_text(record, role, (view.text(role), view.ref(role)) if view.text(role) else None)
    read_target(
        state, view, record
    )  # after the satuan: 80 | Persen is 80 %  # an IKU matrix carries the targets of the plan years
    read_results(state, view, record)
    point_at_columns(record, state.table, ("cara", "sumber", "target"))
    return "record"


def _iku_group_columns(state: TableState, view: RowView) -> bool:
    """An IKU that gives the program, or the sasaran strategis, in a column of its own: the row
    sets it for itself and the rows below. True when the row had one."""
    found = False
    if view.text("program"):
        name, code = split_program_heading(view.text("program"))
        state.program, found = (name, code, view.ref("program")), True
    if view.text("sasaran_strategis"):
        state.sasaran = (view.text("sasaran_strategis"), view.ref("sasaran_strategis"))
        found = True
    return found


def _program_heading(texts: list[Cell]) -> tuple[str, str | None, str] | None:
    """'PROGRAM DUKUNGAN MANAJEMEN [076.01.WA]' in one cell, or the code in a cell of its own
    before the name (the template's layout) -> (name, code, cell of the code)."""
    strings = [c for c in texts if isinstance(c.value, str)]
    if len(strings) != len(texts) or not 1 <= len(texts) <= 2:
        return None
    named = [c for c in texts if PROGRAM_HEADING.match(c.text())]
    if len(named) != 1:
        return None
    name, code = split_program_heading(named[0].text())
    others = [c for c in texts if c is not named[0]]
    if others:
        if code is not None or not CODE_CELL.match(others[0].text()):
            return None
        return name, others[0].text().replace(" ", ""), others[0].ref
    return name, code, named[0].ref
