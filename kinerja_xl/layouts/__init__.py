"""Turn the rows under a located header into records, the way each kind of plan is laid out.

Every row inside a table is accounted for in `Table.row_kinds`: a record, a group row (goal,
program, sasaran heading), a continuation joined to the row above, a repeated header, a
numbering row, a blank row, a total, or `unplaced`, which is also reported as an issue.

    rows.py      a row's view (cells by role) and what every table kind shares
    rkt.py       RKT and RKT Sekretariat rows: goals, sasaran, indicators, targets
    anggaran.py  budget lines, programs over their kegiatan, the declared total
    iku.py       IKU rows under their program headings
"""

from __future__ import annotations

from ..knowledge.kinds import TableKind
from ..knowledge.layouts import LayoutWords
from ..knowledge.vocabulary import Vocabulary
from ..model.issues import Issue, declare
from ..model.records import Table
from ..reading.grid import Cell, MergeIndex, Sheet, column_letter
from .anggaran import anggaran_row, plan_budget
from .budget import mark_detail_lines
from .iku import iku_row
from .locate import (
    HeaderMatch,
    Rejection,
    default_words,
    find_headers,
    is_note_row,
    is_numbering_line,
    is_numbering_row,
    is_signature_row,
    is_title_row,
    role_of,
)
from .normalise import clean_text, header_key
from .rkt import rkt_row
from .rows import RowView, TableState

MAX_SPREAD_ROWS = 10_000  # a merge taller than this is decoration, not data


def build_tables(
    sheet: Sheet, vocabulary: Vocabulary | None = None, rejected: list[Rejection] | None = None
) -> tuple[list[Table], list[Issue], set[int]]:
    """All tables of a sheet, the issues met while reading them, and the rows they used.
    `rejected` gathers the rows that named columns but made no table, and why."""
    spread = _vertical_merge_map(sheet)
    rows = sheet.rows()
    row_numbers = sorted(rows)
    tables: list[Table] = []
    issues: list[Issue] = []
    used_rows: set[int] = set()
    words = vocabulary.layouts if vocabulary and vocabulary.layouts else default_words()
    headers = find_headers(sheet, words, rejected)
    for match, repeats, end_row in _segments(headers, max(rows, default=0)):
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
        table.periods = dict(match.periods)
        table.result_periods = dict(match.result_periods)
        table.side_columns = {
            col
            for role, col in match.side_roles.items()
            if role in ("program", "kode", "anggaran", "uraian")
        } | set(match.side_periods)
        table.target_percent = match.target_percent
        table.sasaran_in_indicator = match.sasaran_in_indicator
        state = TableState(
            table,
            sheet,
            sub_words=match.sub_words,
            line_words=match.line_words,
            vocabulary=vocabulary,
            words=words,
        )
        present = [r for r in row_numbers if match.row < r <= end_row]
        views = [_row_view(sheet, row, rows[row], table, spread) for row in present]
        issues.extend(_read_rows(state, views, repeats, set(match.lines)))
        issues.extend(_hidden_content(sheet, table, state.data_rows))
        if table.kind == TableKind.ANGGARAN:
            mark_detail_lines(table)
        used_rows |= {match.row, *repeats, *state.data_rows, *match.lines}
        tables.append(table)
        budget = plan_budget(sheet, table, match, views, state.data_rows)
        if budget is not None:  # a Renja carries its Pagu beside its plan
            tables.append(budget)
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
            same[1].update(match.lines)
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
    in_span = [c for c in cells if table.first_col <= c.col <= table.last_col and filled(c)]
    by_col = {c.col: c for c in in_span}
    by_role: dict[str, Cell] = {}
    for role, col in table.columns.items():
        cell = by_col.get(col)
        if cell is None and role not in ("no", "anggaran"):
            cell = spread.get((row, col))
        if cell is not None:
            by_role[role] = cell
    role_cols = set(table.columns.values()) | set(table.periods) | set(table.result_periods)
    extras = {
        table.extra_columns.get(c.col, f"Kolom {column_letter(c.col)}"): c
        for c in in_span
        if c.col not in role_cols
        and (c.col not in table.side_columns or c.col in table.extra_columns)
    }
    periods = {c.col: c for c in in_span if c.col in table.periods or c.col in table.result_periods}
    first = f"{column_letter(table.first_col)}{row}"
    return RowView(row, first, by_role, extras, in_span, periods)


def filled(cell: Cell) -> bool:
    return cell.formula is not None or cell.error is not None or clean_text(cell.value) != ""


ROW_UNPLACED = declare(
    "row-unplaced",
    "warning",
    when="a row inside a table that is no indicator, group heading or total",
    raised_by="_read_rows",
    id="Baris di dalam tabel ini tidak dapat ditempatkan (bukan indikator, judul kelompok atau "
    "baris jumlah): '{value}'.",
    en="A row inside this table could not be placed (not an indicator, group heading or "
    "total): '{value}'.",
    short_id="baris tak terbaca",
    short_en="unplaced row",
)


def _read_rows(
    state: TableState, views: list[RowView], repeats: set[int], lines: set[int]
) -> list[Issue]:
    """Walk the rows that hold cells; rows between them count as blank."""
    table = state.table
    issues: list[Issue] = []
    handler = {
        "rkt": rkt_row,
        "rkt-sekretariat": rkt_row,
        "anggaran": anggaran_row,
        "iku": iku_row,
    }[table.kind]
    following = _next_filled(views)
    previous_row = table.header_row
    for index, view in enumerate(views):
        table.row_kinds["blank"] += view.row - previous_row - 1
        previous_row = view.row
        if not view.cells:
            table.row_kinds["blank"] += 1
            continue
        if view.row in lines:  # the header's own lines under its first, and numbering between
            table.row_kinds["numbering" if is_numbering_line(view.cells) else "header"] += 1
            continue
        if view.row in repeats or _is_repeated_header(view, table, state.words):
            table.row_kinds["header-repeat"] += 1
            state.after_page_break = True
            continue
        if _is_second_header_line(view, state) or _inside_the_header(view, table):
            table.row_kinds["header"] += 1
            continue
        if is_numbering_row(view.cells):
            table.row_kinds["numbering"] += 1
            continue
        if is_signature_row(view.cells, state.words) or is_title_row(view.cells, state.words):
            break  # the table ends at the signature block or at the next document's title
        if is_note_row(view.cells, state.words):
            table.row_kinds["note"] += 1  # "*) Keterangan: …", "Sumber: …" under the table
            continue
        used_as = handler(state, view, following[index])
        state.previous = used_as
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
    found = frozenset(header_key(c.text()) for c in view.cells)
    return found == state.sub_words or found in state.line_words


def _inside_the_header(view: RowView, table: Table) -> bool:
    """A row whose indicator (or program, or uraian) is the header's own cell merged down over
    it: a line of the header ("Kuantitas | Kualitas" under "Target", months under "Rencana
    Aksi"), never a record, whatever words it holds."""
    for role in ("indikator", "uraian", "program"):
        cell = view.by_role.get(role)
        if cell is not None and cell.row == table.header_row < view.row:
            return True
    return False


def _is_repeated_header(view: RowView, table: Table, words: LayoutWords | None) -> bool:
    """The header printed again after a page break: two or more of the table's column names."""
    short = [c.value for c in view.cells if isinstance(c.value, str) and len(c.value) <= 60]
    if len(short) < 2:
        return False
    roles = {role_of(text.strip(), words) for text in short}
    return len(roles & set(table.columns)) >= 2


HIDDEN_CONTENT = declare(
    "hidden-content",
    "warning",
    when="data in a hidden sheet, row or column that was read",
    raised_by=("_hidden_content", "pipeline._read_sheet"),
    id="Data dibaca dari {what} yang disembunyikan ({value}); periksa apakah memang harus ikut.",
    en="Data was read from hidden {what} ({value}); check that it belongs in the plan.",
    short_id="data tersembunyi",
    short_en="hidden data",
)


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
