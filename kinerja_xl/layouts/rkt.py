"""RKT and RKT Sekretariat rows: goal rows, sasaran merged or written once, indicators and
their targets (a bare number beside a Satuan "%" is a percentage)."""

from __future__ import annotations

import re

from ..knowledge.kinds import TableKind
from .locate import (
    looks_like_row_number,
)
from .normalise import parse_amount
from .results import read_results, read_target
from .rows import (
    GOAL_VERB,
    RowView,
    TableState,
    append_text,
    continues_all,
    heading_line,
    is_item,
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
    if heading_line(state, view) or _sasaran_heading(state, view, indikator, has_target):
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
        and state.table.kind == TableKind.RKT
    ):
        state.tujuan, state.sasaran = (sasaran, view.ref(sasaran_role)), None
    elif sasaran:
        state.sasaran = (sasaran, view.ref(sasaran_role))
    if not sasaran and _only_a_total_label(view):
        return "total"  # a budget's JUMLAH beside the plan, its label in a plan column
    if not (indikator or has_target):
        return "group" if _budget_line_only(state, view) else "unplaced"
    if not has_target and not sasaran and is_item(state, view, indikator):
        return "item"
    record = new_record(state, view)
    set_text(record, "tujuan", state.tujuan)
    set_text(record, "sasaran", state.sasaran)
    set_text(record, "indikator", (indikator, view.ref("indikator")) if indikator else None)
    set_text(
        record, "satuan", (view.text("satuan"), view.ref("satuan")) if view.text("satuan") else None
    )
    read_target(state, view, record)
    read_results(state, view, record)
    point_at_columns(record, state.table, ("indikator", "target"))
    return "record"


def _budget_line_only(state: TableState, view: RowView) -> bool:
    """A row of a plan with money that holds only a program and its amounts (a Renstra's
    "076.01.WA Program Dukungan Manajemen | … | 18.412,5"): a line of the plan's budget."""
    side = state.table.side_columns
    return bool(side) and all(c.col in side for c in view.cells if c.text())


# a sasaran's words: "Meningkatnya …", "Terwujudnya …", "Terselenggaranya …"
SASARAN_WORDING = re.compile(r"^\w+nya\b", re.IGNORECASE)


def _sasaran_heading(state: TableState, view: RowView, text: str, has_target: bool) -> bool:
    """In one "Sasaran / Indikator" column, a sasaran is the line without a target worded as
    one ("1 | Meningkatnya …"); it heads the indicators below it. An indicator whose target
    was forgotten stays an indicator (and is reported)."""
    if not state.table.sasaran_in_indicator or has_target or view.has("realisasi"):
        return False
    if not text or not SASARAN_WORDING.match(text):
        return False
    state.sasaran = (text, view.ref("indikator"))
    return True


# the whole text is the label ("JUMLAH", "Total Anggaran :"); "Jumlah laporan kinerja" is an
# indicator
TOTAL_ONLY = re.compile(
    r"^(jumlah|total|grand total)( total| anggaran| keseluruhan| seluruhnya)?\s*:?$", re.IGNORECASE
)


def _only_a_total_label(view: RowView) -> bool:
    """ "JUMLAH" and amounts, nothing else: the total of a budget written beside the plan."""
    texts = [(c.text(), c.value) for c in view.cells if isinstance(c.value, str) and c.text()]
    if not any(TOTAL_ONLY.match(text) for text, _value in texts):
        return False  # most rows: no label at all, no amount to read
    words = [text for text, value in texts if _not_an_amount(value)]
    return bool(words) and all(TOTAL_ONLY.match(w) for w in words)


def _not_an_amount(text: str) -> bool:
    amount = parse_amount(text)
    return amount is None or amount.value is None


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
        state.table.kind == TableKind.RKT and view.text("no") and not heading_follows
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
