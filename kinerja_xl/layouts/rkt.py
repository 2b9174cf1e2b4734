"""RKT and RKT Sekretariat rows: goal rows, sasaran merged or written once, indicators and
their targets (a bare number beside a Satuan "%" is a percentage)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..grid import Cell
from ..locate import (
    looks_like_row_number,
)
from ..normalise import (
    Target,
    parse_target,
    percent_decimals,
)
from ..vocabulary import Vocabulary
from .rows import (
    GOAL_VERB,
    RowView,
    TableState,
    append_text,
    continues_all,
    heading_line,
    new_record,
    point_at_columns,
    set_text,
)


def rkt_row(state: TableState, view: RowView, following: RowView | None) -> str:
    sasaran_role = (
        "sasaran_kegiatan"
        if "sasaran_kegiatan" in view.by_role or "sasaran_kegiatan" in state.table.columns
        else "sasaran_strategis"
    )
    number, sasaran, indikator = view.text("no"), view.text(sasaran_role), view.text("indikator")
    has_target = view.has("target")
    if view.text("tujuan"):
        state.tujuan = (view.text("tujuan"), view.ref("tujuan"))
    if heading_line(state, view):
        return "group"
    if (
        state.last
        and not looks_like_row_number(number)
        and not has_target
        and (sasaran or indikator)
        and (
            state.after_page_break
            or continues_all(state.last, {"sasaran": sasaran, "indikator": indikator})
        )
    ):
        _continue_rkt(state, view, sasaran_role)
        return "continuation"
    if sasaran and not indikator and not has_target:
        return _rkt_group_row(state, view, sasaran_role, following)
    if (
        sasaran
        and GOAL_VERB.match(sasaran)
        and looks_like_row_number(number)
        and state.table.kind == "rkt"
    ):
        state.tujuan, state.sasaran = (sasaran, view.ref(sasaran_role)), None
    elif sasaran:
        state.sasaran = (sasaran, view.ref(sasaran_role))
    if not (indikator or has_target):
        return "unplaced"
    record = new_record(state, view)
    set_text(record, "tujuan", state.tujuan)
    set_text(record, "sasaran", state.sasaran)
    set_text(record, "indikator", (indikator, view.ref("indikator")) if indikator else None)
    set_text(
        record, "satuan", (view.text("satuan"), view.ref("satuan")) if view.text("satuan") else None
    )
    if "target" in view.by_role:
        target = target_of(view.by_role["target"], state.vocabulary)
        record.target = with_satuan(target, record.get("satuan"))
    point_at_columns(record, state.table, ("indikator", "target"))
    return "record"


PERCENT_SATUAN = re.compile(r"^(%|persen|prosen|prosentase|persentase)$", re.IGNORECASE)


def with_satuan(target: Target | None, satuan: str | None) -> Target | None:
    """A bare number beside Satuan "%" is a percentage: 77,5 | % reads as 77,5 %."""
    if target and satuan and target.unit == "angka" and PERCENT_SATUAN.match(satuan.strip()):
        return replace(target, unit="persen")
    return target


def _rkt_group_row(
    state: TableState, view: RowView, sasaran_role: str, following: RowView | None
) -> str:
    """A row with a sasaran-column text and nothing else: a goal, a sasaran heading, or an
    indicator-less sasaran (kept as a record so that the checker reports it)."""
    text, ref = view.text(sasaran_role), view.ref(sasaran_role)
    heading_follows = (
        following is not None
        and not following.text(sasaran_role)
        and bool(following.text("indikator"))
    )
    if GOAL_VERB.match(text) or (
        state.table.kind == "rkt" and view.text("no") and not heading_follows
    ):
        state.tujuan, state.sasaran = (text, ref), None
        return "group"
    if heading_follows:
        state.sasaran = (text, ref)
        return "group"
    state.sasaran = (text, ref)
    record = new_record(state, view)
    set_text(record, "tujuan", state.tujuan)
    set_text(record, "sasaran", state.sasaran)
    record.values["indikator"] = None
    record.values["satuan"] = None
    point_at_columns(record, state.table, ("indikator", "target"))
    return "record"


def _continue_rkt(state: TableState, view: RowView, sasaran_role: str) -> None:
    assert state.last is not None
    sasaran, indikator = view.text(sasaran_role), view.text("indikator")
    if sasaran:
        before, cell = state.last.values.get("sasaran"), state.last.cells.get("sasaran")
        append_text(state.last, "sasaran", sasaran, view.ref(sasaran_role))
        joined = state.last.values["sasaran"]
        for record in state.table.records:  # the rows above that share this sasaran
            if record.cells.get("sasaran") == cell and record.values.get("sasaran") == before:
                record.values["sasaran"] = joined
        if state.sasaran:
            state.sasaran = (joined or "", state.sasaran[1])
    if indikator:
        append_text(state.last, "indikator", indikator, view.ref("indikator"))


def target_of(cell: Cell, vocabulary: Vocabulary | None = None) -> Target | None:
    if cell.missing_formula_value:
        return Target(cell.formula or "", None, None, "formula-no-value")
    value = cell.value if cell.value is not None else cell.error
    decimals = percent_decimals(cell.number_format)
    target = parse_target(value, cell.is_percent_format, decimals, vocabulary)
    if target and target.unit == "angka" and LITERAL_PERCENT.search(cell.number_format):
        # 90 shown as "90%" by a format such as 0"%" or 0\%: a percentage, not divided by 100
        return replace(target, text=f"{target.text}%", unit="persen")
    return target


LITERAL_PERCENT = re.compile(r'"[^"]*%[^"]*"|\\%')
