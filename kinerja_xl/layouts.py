"""Turn the rows under a located header into records, the way each kind of plan is laid out.

Every row inside a table is accounted for in `Table.row_kinds`: a record, a group row (goal,
program, sasaran heading), a continuation joined to the row above, a repeated header, a
numbering row, a blank row, a total, or `unplaced`, which is also reported as an issue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .budget import mark_detail_lines
from .grid import Cell, MergeIndex, Sheet, column_letter
from .issues import Issue
from .locate import (
    HeaderMatch,
    find_headers,
    is_numbering_row,
    is_signature_row,
    is_title_row,
    looks_like_row_number,
    role_of,
)
from .normalise import (
    Amount,
    Target,
    clean_text,
    header_key,
    parse_amount,
    parse_target,
    percent_decimals,
    split_program_heading,
)
from .records import Record, Table
from .vocabulary import Vocabulary

GOAL_VERB = re.compile(
    r"^(me\w+kan|memperkuat|membangun|menjamin|menjaga|mendorong|mencapai)\b", re.IGNORECASE
)
# "Tujuan 1: Mewujudkan …", "Sasaran Strategis 2: Meningkatnya …" written across the table:
# the goal, or the sasaran, of the rows below
GOAL_LABEL = re.compile(
    r"^tujuan(\s+strategis)?(\s+(\d{1,2}|[ivx]{1,4}))?\s*[:.]\s*(?P<text>\S.*)$", re.IGNORECASE
)
SASARAN_LABEL = re.compile(
    r"^sasaran(\s+(strategis|kegiatan|program))?(\s+(\d{1,2}|[ivx]{1,4}))?\s*[:.]\s*(?P<text>\S.*)$",
    re.IGNORECASE,
)
TOTAL_LABEL = re.compile(r"^(jumlah|total|grand total)\b", re.IGNORECASE)
SUBTOTAL_LABEL = re.compile(r"^sub[ -]?(total|jumlah)\b", re.IGNORECASE)
PROGRAM_HEADING = re.compile(r"^program\b", re.IGNORECASE)
CODE_CELL = re.compile(r"^\d{2,3}\s*\.\s*\d{1,3}\s*\.\s*[A-Za-z0-9]{1,4}$")
MAX_SPREAD_ROWS = 10_000  # a merge taller than this is decoration, not data
# words a sentence does not end on: a cell that stops there was split over two rows
DANGLING = {
    "yang",
    "dan",
    "atau",
    "di",
    "dalam",
    "untuk",
    "dengan",
    "serta",
    "tetapi",
    "oleh",
    "ke",
    "dari",
    "pada",
    "bagi",
    "terhadap",
    "sebagai",
    "secara",
    "guna",
    "melalui",
}
INDICATOR_START = re.compile(
    r"^(persentase|prosentase|indeks|nilai|jumlah|opini|tingkat|rasio|predikat|capaian)\b", re.I
)


def continues(previous: str | None, text: str) -> bool:
    """Does `text` carry on the sentence of `previous` (one cell split over two rows by a PDF
    conversion or a page break)? Never when it starts like an indicator of its own."""
    if not previous or not text or INDICATOR_START.match(text):
        return False
    last_word = previous.rstrip(" ,;").rsplit(" ", 1)[-1].lower()
    return text[0].islower() or last_word in DANGLING


def _continues_all(record: Record, texts: dict[str, str]) -> bool:
    present = {name: text for name, text in texts.items() if text}
    return bool(present) and all(continues(record.get(n), t) for n, t in present.items())


@dataclass
class RowView:
    """One row of one table: its cells by role and by extra-column header."""

    row: int
    first_cell: str
    by_role: dict[str, Cell]
    extras: dict[str, Cell]
    cells: list[Cell]

    def text(self, role: str) -> str:
        cell = self.by_role.get(role)
        return clean_text(cell.value if cell.value is not None else cell.error) if cell else ""

    def has(self, role: str) -> bool:
        return bool(self.text(role)) or (
            role in self.by_role and self.by_role[role].formula is not None
        )

    def ref(self, role: str) -> str:
        return self.by_role[role].ref


@dataclass
class TableState:
    table: Table
    sheet: Sheet
    tujuan: tuple[str, str] | None = None  # (text, cell)
    sasaran: tuple[str, str] | None = None
    program: tuple[str, str | None, str] | None = None  # (name, code, cell)
    after_page_break: bool = False
    last: Record | None = None
    data_rows: set[int] = field(default_factory=set)
    sub_words: frozenset[str] = frozenset()  # the header's second line, if it has one
    vocabulary: Vocabulary | None = None  # grades and opinions, from the rules


def build_tables(
    sheet: Sheet, vocabulary: Vocabulary | None = None
) -> tuple[list[Table], list[Issue], set[int]]:
    """All tables of a sheet, the issues met while reading them, and the rows they used."""
    spread = _vertical_merge_map(sheet)
    rows = sheet.rows()
    row_numbers = sorted(rows)
    tables: list[Table] = []
    issues: list[Issue] = []
    used_rows: set[int] = set()
    for match, repeats, end_row in _segments(find_headers(sheet), max(rows, default=0)):
        table = Table(
            sheet=sheet.name,
            kind=match.kind,
            header_row=match.row,
            columns=match.columns,
            first_col=match.first_col,
            last_col=match.last_col,
            extra_columns=match.extras,
        )
        table.amount_scale = match.amount_scale
        state = TableState(table, sheet, sub_words=match.sub_words, vocabulary=vocabulary)
        present = [r for r in row_numbers if match.row < r <= end_row]
        views = [_row_view(sheet, row, rows[row], table, spread) for row in present]
        issues.extend(_read_rows(state, views, repeats))
        issues.extend(_hidden_content(sheet, table, state.data_rows))
        if table.kind == "anggaran":
            mark_detail_lines(table)
        used_rows |= {match.row, *repeats, *state.data_rows}
        if match.sub_row:
            used_rows.add(match.sub_row)
        tables.append(table)
    return tables, issues, used_rows


def _segments(headers: list[HeaderMatch], last_row: int) -> list[tuple[HeaderMatch, set[int], int]]:
    """Group header rows into tables: a same-kind header over the same columns is a repeat."""
    segments: list[list] = []  # [match, repeats, end_row, open]
    for match in sorted(headers, key=lambda m: (m.row, m.first_col)):
        same = next(
            (
                s
                for s in segments
                if s[3]
                and s[0].kind == match.kind
                and s[0].overlaps(match.first_col, match.last_col)
            ),
            None,
        )
        if same:
            same[1].add(match.row)
            if match.sub_row:
                same[1].add(match.sub_row)
            continue
        for segment in segments:
            if segment[3] and segment[0].overlaps(match.first_col, match.last_col):
                segment[2], segment[3] = match.row - 1, False
        segments.append([match, set(), last_row, True])
    return [(m, repeats, end) for m, repeats, end, _ in segments]


class _Spread:
    """(row, col) covered by a vertical merge -> the merge's top-left cell (if it has a value)."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.index = MergeIndex(sheet.merges, MAX_SPREAD_ROWS)

    def __contains__(self, key: tuple[int, int]) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: tuple[int, int]) -> Cell:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: tuple[int, int]) -> Cell | None:
        top = self.index.anchor_row(*key)
        return None if top is None else self.sheet.get(top, key[1])


def _vertical_merge_map(sheet: Sheet) -> _Spread:
    return _Spread(sheet)


def _row_view(sheet: Sheet, row: int, cells: list[Cell], table: Table, spread: _Spread) -> RowView:
    in_span = [c for c in cells if table.first_col <= c.col <= table.last_col and _filled(c)]
    by_col = {c.col: c for c in in_span}
    by_role: dict[str, Cell] = {}
    for role, col in table.columns.items():
        cell = by_col.get(col)
        if cell is None and role not in ("no", "anggaran"):
            cell = spread.get((row, col))
        if cell is not None:
            by_role[role] = cell
    role_cols = set(table.columns.values())
    extras = {
        table.extra_columns.get(c.col, f"Kolom {column_letter(c.col)}"): c
        for c in in_span
        if c.col not in role_cols
    }
    return RowView(row, f"{column_letter(table.first_col)}{row}", by_role, extras, in_span)


def _filled(cell: Cell) -> bool:
    return cell.formula is not None or cell.error is not None or clean_text(cell.value) != ""


def _read_rows(state: TableState, views: list[RowView], repeats: set[int]) -> list[Issue]:
    """Walk the rows that hold cells; rows between them count as blank."""
    table = state.table
    issues: list[Issue] = []
    handler = {
        "rkt": _rkt_row,
        "rkt-sekretariat": _rkt_row,
        "anggaran": _anggaran_row,
        "iku": _iku_row,
    }[table.kind]
    following = _next_filled(views)
    previous_row = table.header_row
    for index, view in enumerate(views):
        table.row_kinds["blank"] += view.row - previous_row - 1
        previous_row = view.row
        if not view.cells:
            table.row_kinds["blank"] += 1
            continue
        if view.row in repeats or _is_repeated_header(view, table):
            table.row_kinds["header-repeat"] += 1
            state.after_page_break = True
            continue
        if _is_second_header_line(view, state):
            table.row_kinds["header"] += 1
            continue
        if is_numbering_row(view.cells):
            table.row_kinds["numbering"] += 1
            continue
        if is_signature_row(view.cells) or is_title_row(view.cells):
            break  # the table ends at the signature block or at the next document's title
        used_as = handler(state, view, following[index])
        table.row_kinds[used_as] += 1
        state.data_rows.add(view.row)
        if used_as != "continuation":
            state.after_page_break = False
        if used_as == "unplaced":
            text = " | ".join(c.text() for c in view.cells)[:80]
            issues.append(Issue.make("row-unplaced", table.sheet, view.first_cell, text))
    if table.row_kinds["blank"] == 0:
        del table.row_kinds["blank"]
    return issues


def _next_filled(views: list[RowView]) -> list[RowView | None]:
    """For each row, the next row below it that has cells in the table's columns."""
    following: list[RowView | None] = [None] * len(views)
    upcoming: RowView | None = None
    for index in range(len(views) - 1, -1, -1):
        following[index] = upcoming
        if views[index].cells:
            upcoming = views[index]
    return following


def _is_second_header_line(view: RowView, state: TableState) -> bool:
    """ "Volume | Satuan" under "Target": the header's second line, at the top or repeated."""
    if not state.sub_words or not all(isinstance(c.value, str) for c in view.cells):
        return False
    return frozenset(header_key(c.text()) for c in view.cells) == state.sub_words


def _is_repeated_header(view: RowView, table: Table) -> bool:
    """The header printed again after a page break: two or more of the table's column names."""
    short = [c.value for c in view.cells if isinstance(c.value, str) and len(c.value) <= 60]
    if len(short) < 2:
        return False
    roles = {role_of(text.strip()) for text in short}
    return len(roles & set(table.columns)) >= 2


def _new_record(state: TableState, view: RowView) -> Record:
    record = Record(state.table.sheet, view.row, view.first_cell)
    number = view.text("no")
    if number:
        record.number = number
        record.cells["no"] = view.ref("no")
    for header, cell in view.extras.items():
        record.extras[header] = cell.text()
    state.table.records.append(record)
    state.last = record
    return record


def _set_text(record: Record, name: str, value: tuple[str, str] | None) -> None:
    if value:
        record.values[name], record.cells[name] = value
    else:
        record.values[name] = None


def _append_text(record: Record, name: str, text: str, ref: str) -> None:
    before = record.values.get(name)
    record.values[name] = f"{before} {text}" if before else text
    record.cells.setdefault(name, ref)


# --- RKT ---------------------------------------------------------------------------------


def _rkt_row(state: TableState, view: RowView, following: RowView | None) -> str:
    sasaran_role = (
        "sasaran_kegiatan"
        if "sasaran_kegiatan" in view.by_role or "sasaran_kegiatan" in state.table.columns
        else "sasaran_strategis"
    )
    number, sasaran, indikator = view.text("no"), view.text(sasaran_role), view.text("indikator")
    has_target = view.has("target")
    if view.text("tujuan"):
        state.tujuan = (view.text("tujuan"), view.ref("tujuan"))
    if _heading_line(state, view):
        return "group"
    if (
        state.last
        and not looks_like_row_number(number)
        and not has_target
        and (sasaran or indikator)
        and (
            state.after_page_break
            or _continues_all(state.last, {"sasaran": sasaran, "indikator": indikator})
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
    record = _new_record(state, view)
    _set_text(record, "tujuan", state.tujuan)
    _set_text(record, "sasaran", state.sasaran)
    _set_text(record, "indikator", (indikator, view.ref("indikator")) if indikator else None)
    _set_text(
        record, "satuan", (view.text("satuan"), view.ref("satuan")) if view.text("satuan") else None
    )
    if "target" in view.by_role:
        target = _target_of(view.by_role["target"], state.vocabulary)
        record.target = _with_satuan(target, record.get("satuan"))
    _point_at_columns(record, state.table, ("indikator", "target"))
    return "record"


PERCENT_SATUAN = re.compile(r"^(%|persen|prosen|prosentase|persentase)$", re.IGNORECASE)


def _with_satuan(target: Target | None, satuan: str | None) -> Target | None:
    """A bare number beside Satuan "%" is a percentage: 77,5 | % reads as 77,5 %."""
    if target and satuan and target.unit == "angka" and PERCENT_SATUAN.match(satuan.strip()):
        return replace(target, unit="persen")
    return target


def _point_at_columns(record: Record, table: Table, roles: tuple[str, ...]) -> None:
    """An empty field still has a cell: the one in its column, where the value belongs."""
    for role in roles:
        if role in table.columns:
            record.cells.setdefault(role, f"{column_letter(table.columns[role])}{record.row}")


def _heading_line(state: TableState, view: RowView) -> bool:
    """ "Tujuan 1: …" or "Sasaran 2: …" across the table: it heads the rows below."""
    goal = _labelled_line(view, GOAL_LABEL)
    if goal:
        state.tujuan, state.sasaran = goal, None
        return True
    heading = _labelled_line(view, SASARAN_LABEL)
    if heading:
        state.sasaran = heading
        return True
    return False


def _labelled_line(view: RowView, label: re.Pattern[str]) -> tuple[str, str] | None:
    """(text, cell) of a row holding only "Tujuan 1: …" or "Sasaran 2: …" (in any column, often
    merged across the table)."""
    texts = [c for c in view.cells if c.text()]
    if len(texts) != 1 or not isinstance(texts[0].value, str):
        return None
    match = label.match(texts[0].text())
    return (match.group("text").strip(), texts[0].ref) if match else None


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
    record = _new_record(state, view)
    _set_text(record, "tujuan", state.tujuan)
    _set_text(record, "sasaran", state.sasaran)
    record.values["indikator"] = None
    record.values["satuan"] = None
    _point_at_columns(record, state.table, ("indikator", "target"))
    return "record"


def _continue_rkt(state: TableState, view: RowView, sasaran_role: str) -> None:
    assert state.last is not None
    sasaran, indikator = view.text(sasaran_role), view.text("indikator")
    if sasaran:
        before, cell = state.last.values.get("sasaran"), state.last.cells.get("sasaran")
        _append_text(state.last, "sasaran", sasaran, view.ref(sasaran_role))
        joined = state.last.values["sasaran"]
        for record in state.table.records:  # the rows above that share this sasaran
            if record.cells.get("sasaran") == cell and record.values.get("sasaran") == before:
                record.values["sasaran"] = joined
        if state.sasaran:
            state.sasaran = (joined or "", state.sasaran[1])
    if indikator:
        _append_text(state.last, "indikator", indikator, view.ref("indikator"))


def _target_of(cell: Cell, vocabulary: Vocabulary | None = None) -> Target | None:
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


# --- Anggaran ----------------------------------------------------------------------------


def _anggaran_row(state: TableState, view: RowView, following: RowView | None) -> str:
    table = state.table
    label = next((c.text() for c in view.cells if isinstance(c.value, str)), "")
    amount_cell = _amount_cell(state.sheet, view.by_role.get("anggaran"))
    if SUBTOTAL_LABEL.match(label):
        return "subtotal"
    if TOTAL_LABEL.match(label) and not looks_like_row_number(view.text("no")):
        table.declared_total = (
            _declared_total(state.sheet, amount_cell, table.amount_scale) if amount_cell else None
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
        _append_text(state.last, "program", program, view.ref("program"))
        return "continuation"
    if program and amount_cell is None and not looks_like_row_number(number):
        state.program = (program, None, view.ref("program"))
        return "group"
    if not (program or amount_cell):
        return "unplaced"
    record = _new_record(state, view)
    for header, cell in view.extras.items():
        if cell is amount_cell:  # "Rp | 814.815.000": the amount is not an extra column
            record.extras.pop(header, None)
    record.values["kelompok"] = state.program[0] if state.program else None
    _set_text(record, "kode", (view.text("kode"), view.ref("kode")) if view.text("kode") else None)
    _set_text(record, "program", (program, view.ref("program")) if program else None)
    if amount_cell:
        record.cells["anggaran"] = amount_cell.ref
    _point_at_columns(record, table, ("program", "anggaran"))
    record.amount = _amount_of(amount_cell, table.amount_scale) if amount_cell else None
    return "record"


CURRENCY_ONLY = re.compile(r"^(rp\.?|idr)$", re.IGNORECASE)


def _amount_cell(sheet: Sheet, cell: Cell | None) -> Cell | None:
    """The amount's cell. Printed budgets often put "Rp" in a column of its own under a header
    merged over two columns ("Rp | 814.815.000"): the amount is then the cell to the right."""
    if cell is None or not isinstance(cell.value, str) or not CURRENCY_ONLY.match(cell.text()):
        return cell
    right = sheet.get(cell.row, cell.col + 1)
    return right if right is not None and right.value not in (None, "") else cell


def _declared_total(sheet: Sheet, cell: Cell, scale: int = 1) -> Amount | None:
    """The JUMLAH cell's value. A formula Excel never recalculated (=SUM(C6:C35) with no stored
    value) is `formula-no-value` like any other: its file must be opened and saved in Excel."""
    return _amount_of(cell, scale)


def _amount_of(cell: Cell, scale: int = 1) -> Amount | None:
    """The amount in whole rupiah; `scale` is the column's unit (1000 under "(Rp 000)")."""
    if cell.missing_formula_value:
        return Amount(cell.formula or "", None, "formula-no-value")
    return parse_amount(cell.value if cell.value is not None else cell.error, scale)


# --- IKU ---------------------------------------------------------------------------------


def _iku_row(state: TableState, view: RowView, following: RowView | None) -> str:
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
    split_cell = state.last is not None and _continues_all(
        state.last, {"indikator": uraian, "cara": view.text("cara"), "sumber": view.text("sumber")}
    )
    if uraian and split_cell and not looks_like_row_number(number):
        assert state.last is not None
        _append_text(state.last, "indikator", uraian, view.ref(text_role))
        for role in ("cara", "sumber"):
            if view.text(role):
                _append_text(state.last, role, view.text(role), view.ref(role))
        return "continuation"
    if not uraian and not looks_like_row_number(number) and state.last:
        for role in ("cara", "sumber"):
            if view.text(role):
                _append_text(state.last, role, view.text(role), view.ref(role))
        for header, cell in view.extras.items():
            state.last.extras[header] = f"{state.last.extras.get(header, '')} {cell.text()}".strip()
        return "continuation"
    if not uraian:
        return "unplaced"
    record = _new_record(state, view)
    if state.program:
        record.values["program"], record.values["kode_program"] = state.program[0], state.program[1]
        record.cells["program"] = state.program[2]
    else:
        record.values["program"] = record.values["kode_program"] = None
    record.values["indikator"], record.cells["indikator"] = uraian, view.ref(text_role)
    if state.sasaran:
        record.extras["Sasaran Strategis"] = state.sasaran[0]
    for role in ("cara", "sumber"):
        _set_text(record, role, (view.text(role), view.ref(role)) if view.text(role) else None)
    _point_at_columns(record, state.table, ("cara", "sumber"))
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


# --- hidden content ----------------------------------------------------------------------


def _hidden_content(sheet: Sheet, table: Table, data_rows: set[int]) -> list[Issue]:
    issues = []
    hidden_rows = sorted(data_rows & sheet.hidden_rows)
    if hidden_rows:
        listed = ", ".join(map(str, hidden_rows[:10]))
        issues.append(
            Issue.make(
                "hidden-content",
                sheet.name,
                f"{column_letter(table.first_col)}{hidden_rows[0]}",
                listed,
                what="rows",
            )
        )
    hidden_cols = sorted(set(table.columns.values()) & sheet.hidden_cols)
    if hidden_cols:
        listed = ", ".join(column_letter(c) for c in hidden_cols)
        issues.append(
            Issue.make(
                "hidden-content",
                sheet.name,
                f"{column_letter(hidden_cols[0])}{table.header_row}",
                listed,
                what="columns",
            )
        )
    return issues
