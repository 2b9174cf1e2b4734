"""Find every table in a sheet by its header words, wherever it starts.

A header row is recognised by the words offices print (NO / SASARAN STRATEGIS / INDIKATOR
KINERJA / TARGET, …), never by a sheet name or a fixed row. Several tables may share a sheet,
one under another or side by side; a header of the same kind repeated over the same columns
(after a page break) continues the table above it.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..knowledge.kinds import TableKind
from ..knowledge.layouts import LayoutWords, load_layouts
from ..reading.caching import text_cache
from ..reading.grid import Cell, Sheet, column_letter
from .bodies import Body, body_of, holds_none_of
from .headers import (
    BAND_LINES,
    MAX_FIRST_LINE_TEXT,
    MAX_HEADER_TEXT,
    PATH_SEPARATOR,
    HeaderCell,
    column_paths,
    describe,
    header_text,
    is_year,
    merged_anchors,
    period_label,
)
from .normalise import header_key

__all__ = ["MAX_HEADER_TEXT", "period_label"]


def default_words() -> LayoutWords:
    """The layout knowledge of the packaged `schemas/` (a `--schemas` folder's comes with the
    rules' vocabulary)."""
    return load_layouts()


# "Surabaya, ............ 2024": the date line of a form not yet signed
DATE_PLACEHOLDER = re.compile(
    r"^([A-Za-z][A-Za-z .'-]*|[.…]{3,})\s*,\s*([.…]{3,}|tanggal\b|tgl\b)", re.I
)
NUMBER_TOKEN = re.compile(r"^\(?\s*(\d{1,2})\s*\)?\.?$")
ROW_NUMBER = re.compile(r"^\(?\d{1,3}(\.\d{1,3})*[.)]?$")


@dataclass
class HeaderMatch:
    row: int
    kind: str
    columns: dict[str, int]
    extras: dict[int, str] = field(default_factory=dict)
    # the header's lines under the first ("Target" over "Volume | Satuan"), and their words
    sub_row: int | None = None
    sub_words: frozenset[str] = frozenset()
    lines: tuple[int, ...] = ()  # every row of the header under the first
    line_words: frozenset[frozenset[str]] = frozenset()  # their words (a page's repeat)
    amount_scale: int = 1  # amounts written in thousands ("Rp 000") or millions of rupiah
    periods: dict[int, str] = field(default_factory=dict)  # column -> "TW I" … or "2025" …
    # the year's realisasi by quarter ("Realisasi pada Triwulan I … IV"), column -> "TW I" …
    result_periods: dict[int, str] = field(default_factory=dict)
    cumulative: bool = False  # the quarters' realisasi add up: the last is the year's
    target_percent: bool = False  # "Target %": the unit is in the header
    sasaran_in_indicator: bool = False  # "Sasaran / Indikator": the sasaran heads its indicators
    # roles foreign to the table's kind, kept as its own columns: a Renja's Program and Pagu
    side_roles: dict[str, int] = field(default_factory=dict)
    # a plan's budget by year beside its targets (a Renstra's Alokasi 2020 … 2024)
    side_periods: dict[int, str] = field(default_factory=dict)
    named: frozenset[int] = frozenset()  # every column the header names

    def _cols(self) -> list[int]:
        return [
            *self.columns.values(),
            *self.extras,
            *self.periods,
            *self.result_periods,
            *self.side_periods,
        ]

    @property
    def first_col(self) -> int:
        return min(self._cols())

    @property
    def last_col(self) -> int:
        return max(self._cols())

    def overlaps(self, first_col: int, last_col: int) -> bool:
        return self.first_col <= last_col and first_col <= self.last_col


def role_of(text: str, words: LayoutWords | None = None) -> str | None:
    """The column a header text names ('Indikator\nKinerja' -> 'indikator'), or None."""
    return _role_of(text, words or default_words())


@text_cache(maxsize=4096)
def _role_of(text: str, words: LayoutWords) -> str | None:
    if not text or len(text) > MAX_FIRST_LINE_TEXT:
        return None
    if len(text) > MAX_HEADER_TEXT:
        return _role_of_parts(text, words)
    key = header_key(ACRONYM_AFTER.sub("", text))  # "SASARAN STRATEGIS (SS)"
    role = words.role_of_key(key)
    if role is None and (amount_scale(text, words) > 1 or "dalam" in key.split()):
        # "Anggaran (dalam ribuan rupiah)"
        for bare in (_without(_scale_words(words), key), _without(_money_words(words), key)):
            if bare and bare != key and _role_of(bare, words) == "anggaran":
                return "anggaran"
    return role or _role_of_parts(text, words)


# a column that holds several levels names them all: "Tujuan / Sasaran / Indikator Kinerja",
# "PROGRAM/ KEGIATAN/ KRO/ RO/ KOMPONEN/ AKUN/ DETIL"; the most detailed level is its role
PARTS_ORDER = ("tujuan", "sasaran_strategis", "sasaran_kegiatan", "program", "uraian", "indikator")


def _role_of_parts(text: str, words: LayoutWords) -> str | None:
    if "/" not in text:
        return None
    parts = [p.strip() for p in text.split("/")]
    if any(len(p) > 40 for p in parts):
        return None  # a sentence with a slash in it ("Kabupaten/Kota yang …"), not a header
    roles = [r for p in parts if p and (r := _role_of(p, words)) is not None]
    if len(roles) < 2:
        return None
    ranked = [r for r in PARTS_ORDER if r in roles]
    return ranked[-1] if ranked else roles[-1]


# the acronym SAKIP documents print after a column name: (SS), (IKU), (IKK), (SK)
ACRONYM_AFTER = re.compile(r"\s*\(\s*(?!RP\b|IDR\b)[A-Z]{2,5}\s*\)\s*$")  # not a currency


# how an amount column says its unit: "(Rp 000)", "(dalam ribuan rupiah)", "(juta Rp)"
def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words) or "(?!)"


@lru_cache(maxsize=16)
def _scale_patterns(words: LayoutWords) -> tuple[re.Pattern[str], ...]:
    scale = _alternatives(("dalam", *words.thousands, *words.millions))
    money = _alternatives(words.money_words)
    return (
        re.compile(rf"\b({scale})\b"),
        re.compile(rf"\b({money}|{scale})\b"),
        re.compile(rf"\b({_alternatives(words.thousands)})\b"),
        re.compile(rf"\b({_alternatives(words.millions)})\b"),
    )


def _scale_words(words: LayoutWords) -> re.Pattern[str]:
    return _scale_patterns(words)[0]


def _money_words(words: LayoutWords) -> re.Pattern[str]:
    return _scale_patterns(words)[1]


def amount_scale(text: str, words: LayoutWords | None = None) -> int:
    """1000 for a column of amounts in thousands of rupiah, 1,000,000 in millions, else 1."""
    _scale, _money, thousands, millions = _scale_patterns(words or default_words())
    key = header_key(text).replace(",", " ")
    if millions.search(key):
        return 1_000_000
    if thousands.search(key):
        return 1000
    return 1


def _without(words: re.Pattern[str], key: str) -> str:
    return re.sub(r"\s+", " ", words.sub(" ", key.replace(",", " "))).strip()


def find_headers(
    sheet: Sheet, words: LayoutWords | None = None, rejected: list[Rejection] | None = None
) -> list[HeaderMatch]:
    """Every header in the sheet, split into side-by-side tables where there are several. A
    header printed on several lines with merged cells ("TAHUN 2024" over Target | Realisasi |
    Capaian, "REALISASI" over 2022 | 2023, K | Rp under a numbering row) is read as one: a path
    of header texts per column (headers.py)."""
    words = words or default_words()
    matches: list[HeaderMatch] = []
    rows = sheet.rows()
    taken: set[int] = set()
    for row, cells in rows.items():
        if row in taken:
            continue
        text_cells = [c for c in cells if isinstance(c.value, str)]
        if len(text_cells) < 2:
            continue
        named = _named(text_cells, words)
        if named == 0 or (named == 1 and not _names_below(rows.get(row + 1, []), words)):
            continue
        anchors = merged_anchors(sheet, range(row, row + BAND_LINES + 1)) if sheet.merges else {}
        found = _read_header(sheet, rows, row, cells, words, anchors, named >= 2, rejected)
        for match in found:
            matches.append(match)
            taken.update(match.lines)
    return matches


def _named(text_cells: list[Cell], words: LayoutWords) -> int:
    """How many cells name a column, counting to two (every kind of table has two; most rows
    are data)."""
    named = 0
    for cell in text_cells:
        if role_of(cell.text(), words) is not None:
            named += 1
            if named == 2:
                break
    return named


def _names_below(under: list[Cell], words: LayoutWords) -> bool:
    return any(isinstance(c.value, str) and role_of(c.text(), words) in RESULT_ROLES for c in under)


RESULT_ROLES = {"target", "realisasi", "capaian"}


def _read_header(
    sheet: Sheet,
    rows: dict[int, list[Cell]],
    row: int,
    cells: list[Cell],
    words: LayoutWords,
    anchors: dict[tuple[int, int], Cell],
    alone: bool,
    rejected: list[Rejection] | None = None,
) -> list[HeaderMatch]:
    """The tables whose header begins on `row`: the row split into side-by-side groups by its
    own words, each group's lines below it read with it."""
    top = [c for c in cells if header_text(c.value)]
    if not alone:
        if any(len(c.text()) > MAX_HEADER_TEXT for c in top):
            return []  # a line of data above a header, not the header's first line
        under = [c for c in rows.get(row + 1, []) if isinstance(c.value, str)]
        if _one_line_matches(row + 1, under, rows.get(row + 1, []), words):
            return []  # the line below is a whole header of its own
    # side by side tables are told apart by the words of the first line that name columns
    one_line = [_one_line_cell(c, words, spelled_out=False) for c in top]
    for hc in one_line:  # a heading merged across columns stands over its sub-columns
        hc.spans = anchors.get((row, hc.col + 1)) is hc.cell
    groups = _split_into_groups(one_line, words)
    merged_to: dict[int, int] = {}  # a header cell of this row merged across: its last column
    for (r, c), anchor in anchors.items():
        if r == row and anchor.row == row and c > merged_to.get(anchor.col, 0):
            merged_to[anchor.col] = c
    found: list[HeaderMatch] = []
    for index, group in enumerate(groups):
        first = group[0][1].col
        limit = groups[index + 1][0][1].col - 1 if index + 1 < len(groups) else None
        reach = max(
            [hc.col for _r, hc in group]
            + [end for start, end in merged_to.items() if start <= group[-1][1].col]
        )
        lines, numbering = _header_lines(rows, row, first, reach, limit, anchors, words)
        if not lines:
            spelled = [  # a long heading named by its first words ("Target Kinerja dan …")
                hc if hc.role else _one_line_cell(hc.cell, words) for _role, hc in group
            ]
            body = _BodyReader(sheet, rows, row + 1)
            for match in _tables_of(row, spelled, cells, words, body, rejected):
                _target_merged_over_its_unit(match, sheet)
                found.append(match)
            continue
        last = max(
            [reach] + [c.col for r in lines for c in rows[r] if limit is None or c.col <= limit]
        )
        paths = column_paths(sheet, [row, *lines], first, last, anchors)
        header_cells, before = [], None
        for col, path in paths:
            if (limit is not None and col > limit) or (
                before is not None
                and len(before) == len(path)
                and all(map(operator.is_, before, path))
            ):
                continue  # a header cell merged across: its first column is its own
            before = path
            header_cells.append(describe(col, path, words, role_of, tuple(c.row for c in path)))
        body = _BodyReader(sheet, rows, max([*lines, *numbering]) + 1)
        for match in _tables_of(row, header_cells, cells, words, body, rejected):
            match.lines = tuple(sorted({*lines, *numbering}))
            match.sub_row = lines[-1]
            line_words = [
                frozenset(header_key(c.text()) for c in rows[r] if first <= c.col <= last)
                for r in lines
            ]
            match.sub_words = line_words[-1]
            match.line_words = frozenset(line_words)
            _target_merged_over_its_unit(match, sheet)
            found.append(match)
    return found


@dataclass
class Rejection:
    """A row that names columns but was not taken for a table's header, and why: the columns
    a table needs that it does not name (`missing`), or a column whose cells below hold
    something else than its header says (`body`: "target", "amount")."""

    sheet: str
    row: int
    named: tuple[str, ...]  # the header texts that name columns
    missing: tuple[str, ...] = ()  # "target", "indikator", "anggaran", "program", "cara"
    body: str | None = None


class _BodyReader:
    """The cells under a header, column by column (what a column holds: bodies.py)."""

    def __init__(self, sheet: Sheet, rows: dict[int, list[Cell]], first: int) -> None:
        self.sheet, self.first = sheet, first
        self.rows = [r for r in rows if first <= r][:SAMPLE_ROWS]
        self._bodies: dict[int, Body] = {}

    def cells(self, col: int) -> list[Cell]:
        return [c for r in self.rows if (c := self.sheet.get(r, col)) is not None]

    def of(self, col: int) -> Body:
        if col not in self._bodies:
            self._bodies[col] = body_of(self.cells(col))
        return self._bodies[col]


SAMPLE_ROWS = 40  # rows under a header looked at to see what its columns hold
# what a table needs, by kind (the first satisfied wins, as kind_of decides)
NEEDS: tuple[tuple[str, tuple[frozenset[str], ...]], ...] = (
    ("rkt", (frozenset({"indikator", "uraian"}), frozenset({"target"}))),
    ("anggaran", (frozenset({"program", "uraian"}), frozenset({"anggaran"}))),
    ("iku", (frozenset({"indikator", "uraian"}), frozenset({"cara", "sumber"}))),
)


def _tables_of(
    row: int,
    header_cells: list[HeaderCell],
    cells: list[Cell],
    words: LayoutWords,
    body: _BodyReader,
    rejected: list[Rejection] | None,
) -> list[HeaderMatch]:
    """The tables a header's columns make: by their names, a column the header leaves unnamed
    named by what it holds, a header whose column holds something else than it says refused."""
    found = []
    for group in _split_into_groups(header_cells, words):
        match = _as_header(row, group, cells, words)
        if match is None:
            match = _named_by_body(row, group, cells, words, body)
        if match is None:
            _reject(rejected, body, row, group, missing=_missing(group))
            continue
        wrong = _body_disagrees(match, group, body)
        if wrong:
            _reject(rejected, body, row, group, body_says=wrong)
            continue
        found.append(match)
    return found


def _missing(group: Group) -> tuple[str, ...]:
    """What the table the group comes closest to needs and does not name, of its columns as a
    table would use them ("Target TW I … TW IV" are periods, no year's target); nothing when it
    names every need of a table and still makes none."""
    roles = set(_Columns(group).columns)
    best: tuple[str, ...] | None = None
    for _kind, needs in NEEDS:
        lacking = tuple(_need_name(need) for need in needs if not need & roles)
        if best is None or len(lacking) < len(best):
            best = lacking
    return best or ()


def _need_name(need: frozenset[str]) -> str:
    """A need by the word that names it: indikator (or uraian), program, cara (or sumber)."""
    for name in ("indikator", "program", "cara", "target", "anggaran"):
        if name in need:
            return name
    return sorted(need)[0]


def _reject(
    rejected: list[Rejection] | None,
    body: _BodyReader,
    row: int,
    group: Group,
    missing: tuple[str, ...] = (),
    body_says: str | None = None,
) -> None:
    named = tuple(hc.path[-1] for _r, hc in group if hc.role)
    if rejected is not None and named:
        rejected.append(Rejection(body.sheet.name, row, named, missing, body_says))


def _unnamed_columns(group: Group, body: _BodyReader, last: int) -> list[HeaderCell]:
    """The columns of the group its header does not name, and the blank-headed ones among
    and just right of them: what their cells hold may name them."""
    named = {hc.col: hc for _r, hc in group}
    first = min(named)
    found = [hc for hc in named.values() if hc.role is None and not hc.period]
    for col in range(first, last + 3):
        if col not in named:
            anchor = Cell(0, col, None)
            found.append(HeaderCell(col, ("",), anchor, label=f"Kolom {column_letter(col)}"))
    return sorted(found, key=lambda hc: hc.col)


def _named_by_body(
    row: int, group: Group, cells: list[Cell], words: LayoutWords, body: _BodyReader
) -> HeaderMatch | None:
    """A table whose header names all it needs but one column, which its cells name: the
    targets under "Ukuran" (or under no word at all) beside INDIKATOR, the rupiah beside
    PROGRAM."""
    roles = {hc.role for _r, hc in group if hc.role}
    last = max(hc.col for _r, hc in group)
    unnamed = _unnamed_columns(group, body, last)
    wanted = []
    if roles & {"indikator", "uraian"} and "target" not in roles:
        wanted.append(("target", "target"))
    if "target" in roles and not roles & {"indikator", "uraian"}:
        wanted.append(("indikator", "text"))
    if roles & {"program", "uraian"} and "anggaran" not in roles:
        wanted.append(("anggaran", "amount"))
    for role, holds in wanted:
        column = next((hc for hc in unnamed if body.of(hc.col).holds(holds)), None)
        if column is None:
            continue
        column.role = role
        added = (
            [*group, (role, column)]
            if column not in [h for _r, h in group]
            else [(role if h is column else r, h) for r, h in group]
        )
        match = _as_header(row, sorted(added, key=lambda pair: pair[1].col), cells, words)
        if match is not None:
            return match
        column.role = None
    return None


def _body_disagrees(match: HeaderMatch, group: Group, body: _BodyReader) -> str | None:
    """The header names a target (or an amount) whose column holds none: no table, unless
    another column of the group holds what it should ("target", "amount" otherwise)."""
    for role, holds in (("target", "target"), ("anggaran", "amount")):
        col = match.columns.get(role)
        if col is None or not holds_none_of(body.cells(col), holds):
            continue
        if holds == "amount" and not holds_none_of(body.cells(col), "target"):
            continue  # amounts in thousands or millions of rupiah: small numbers
        return holds
    return None


def _target_merged_over_its_unit(match: HeaderMatch, sheet: Sheet) -> None:
    """ "TARGET" merged over two columns, the number in the first and its unit in the second
    ("90 | %", "5 | dokumen"), with no Satuan header: the second column is the Satuan."""
    target = match.columns.get("target")
    if target is None or "satuan" in match.columns:
        return
    if target + 1 in {*match.columns.values(), *match.extras, *match.periods, *match.named}:
        return
    for merged in sheet.merges:
        if (
            merged.min_row <= match.row <= merged.max_row
            and merged.min_col == target
            and merged.max_col == target + 1
        ):
            match.columns["satuan"] = target + 1
            return


def _one_line_matches(
    row: int, text_cells: list[Cell], cells: list[Cell], words: LayoutWords
) -> list[HeaderMatch]:
    header_cells = [_one_line_cell(c, words) for c in text_cells]
    return [
        match
        for group in _split_into_groups(header_cells, words)
        if (match := _as_header(row, group, cells, words)) is not None
    ]


def _one_line_cell(cell: Cell, words: LayoutWords, spelled_out: bool = True) -> HeaderCell:
    """A header cell alone; `spelled_out`: a long header's role is that of its first words."""
    return describe(cell.col, [cell], words, role_of, (cell.row,), spelled_out)


def _header_lines(
    rows: dict[int, list[Cell]],
    top: int,
    first: int,
    reach: int,
    limit: int | None,
    anchors: dict[tuple[int, int], Cell],
    words: LayoutWords,
) -> tuple[list[int], list[int]]:
    """The rows under a header's first that belong to it (header words, period labels, words
    under a header cell merged across), and the numbering rows between them."""
    lines: list[int] = []
    numbering: list[int] = []
    row = top + 1
    while row <= top + BAND_LINES:
        cells = _within(rows.get(row, []), first, reach, limit)
        if not cells:
            break
        if is_numbering_line(cells):
            after = _within(rows.get(row + 1, []), first, reach, limit)
            above = _above(rows, top, lines)
            if not after or not _is_header_line(after, [top, *lines], anchors, words, above):
                break
            numbering.append(row)
            row += 1
            continue
        if not _is_header_line(cells, [top, *lines], anchors, words, _above(rows, top, lines)):
            break
        lines.append(row)
        row += 1
    return lines, numbering


def _within(cells: list[Cell], first: int, reach: int, limit: int | None) -> list[Cell]:
    """A header line's cells over the table's columns, or just right of them: periods may
    stand beside the last column (TW I … TW IV), other words right next to it."""
    end = min(reach + 6, limit) if limit is not None else reach + 6
    near = [c for c in cells if first <= c.col <= end and c.value not in (None, "")]
    if not any(period_label(c.value) for c in near):
        near = [c for c in near if c.col <= reach + 2]
    return near


def _is_header_line(
    cells: list[Cell],
    upper: list[int],
    anchors: dict[tuple[int, int], Cell],
    words: LayoutWords,
    above: dict[int, str] | None = None,
) -> bool:
    for cell in cells:
        if is_year(cell.value) or period_label(cell.value):
            continue
        if not isinstance(cell.value, str) or len(cell.value) > MAX_HEADER_TEXT:
            return False
        if _is_sub_header_text(cell.value, words) or _under_merged(cell, upper, anchors):
            continue
        if _continues(cell, above, words):
            continue
        return False
    return True


def _above(rows: dict[int, list[Cell]], top: int, lines: list[int]) -> dict[int, str]:
    """The header words over each column on the lines read so far, the nearest last."""
    found: dict[int, str] = {}
    for row in [top, *lines]:
        for cell in rows.get(row, []):
            if isinstance(cell.value, str):
                found[cell.col] = cell.value
    return found


def _continues(cell: Cell, above: dict[int, str] | None, words: LayoutWords) -> bool:
    """A header typed over two rows without merging them ("SASARAN" over "STRATEGIS"): the
    word goes on the one above it, and together they name a column."""
    text = (above or {}).get(cell.col)
    return bool(text) and role_of(f"{text} {cell.value}", words) is not None


def _under_merged(cell: Cell, upper: list[int], anchors: dict[tuple[int, int], Cell]) -> bool:
    """A word under a header cell merged across several columns: the header's own line
    ("Kuantitas | Kualitas" under "TARGET")."""
    for row in upper:
        anchor = anchors.get((row, cell.col))
        if anchor is not None and (
            anchors.get((row, cell.col - 1)) is anchor or anchors.get((row, cell.col + 1)) is anchor
        ):
            return True
    return False


def _is_sub_header_text(value: object, words: LayoutWords) -> bool:
    if not isinstance(value, str) or len(value) > MAX_HEADER_TEXT:
        return False
    key = header_key(value)
    return bool(key) and (
        role_of(value, words) is not None
        or key in words.quantity_words
        or key in words.measure_words
        or key in words.month_words
        or key in words.sub_header_words
        or not _without(_money_words(words), key)  # "(Rp 000)", "dalam ribuan rupiah"
    )


# --- one table's columns -----------------------------------------------------------------

Group = list[tuple[str | None, HeaderCell]]


def _split_into_groups(cells: list[HeaderCell], words: LayoutWords) -> list[Group]:
    """Left to right; a role seen twice, or one that no table of the group's kinds has, starts
    a new group (that is how two tables standing side by side are told apart). A column of a
    year, a quarter, a past period or the rupiah of its role is that role's table's."""
    groups: list[Group] = [[]]
    kinds = set(words.role_kinds["no"])
    for cell in cells:
        role = cell.role
        current = groups[-1]
        seen = {r for r, _ in current}
        if role and (cell.qualified or (cell.spans and role in seen)):
            # a year's, a quarter's, a past figure or a heading over sub-columns: the role's
            # columns are chosen with the others (_Columns)
            current.append((None, cell))
            continue
        if role in RESULT_ROLES and role in seen and _years_apart(current, cell, role):
            role = None  # "Target 2024 | Target 2025": one table; the plan year's is chosen later
        if role == "anggaran" and role in seen and _revision_beside(current, cell):
            role = None  # "Pagu Awal | Pagu Revisi": one table; the revised amount is chosen later
        if role == "anggaran" and {"program", "kode"} & seen and "indikator" in seen:
            current.append((role, cell))  # a Renja: its Pagu is a column of the plan's table
            continue
        if role == "realisasi" and kinds == {"anggaran"}:
            role = None  # "Pagu | Realisasi | Sisa": the budget's realisation, kept beside it
        if role and role not in seen and not (words.role_kinds[role] & kinds) and _unmade(seen):
            current.append((None, cell))  # "Tujuan | Sasaran | Kode | Program | Indikator …":
            continue  # a plan's own column before the plan's table is whole is the plan's
        if role and (role in seen or not (words.role_kinds[role] & kinds)):
            moved = [current.pop()] if current and current[-1][0] == "no" else []
            groups.append(moved)
            current = groups[-1]
            kinds = set(words.role_kinds["no"])
        if role:
            kinds &= words.role_kinds[role]
        current.append((role, cell))
    return [g for g in groups if g]


def _unmade(roles: set[str | None]) -> bool:
    """A group that names levels of a plan (tujuan, sasaran) and nothing yet that a table needs
    (no indicator, program or amount)."""
    return bool(roles & {"tujuan", "sasaran_strategis", "sasaran_kegiatan"}) and not any(
        need & roles for _kind, needs in NEEDS for need in needs
    )


def _years_apart(group: Group, cell: HeaderCell, role: str) -> bool:
    """A second Target, Realisasi or Capaian column for another year beside the first
    ("Target 2024 | Target 2025", "Realisasi 2023 | … | Realisasi 2024")."""
    first = next((c for r, c in group if r == role), None)
    return bool(cell.year and first and first.year and cell.year != first.year)


REVISED = re.compile(r"\b(revisi|menjadi|setelah|sesudah|perubahan|definitif)\b", re.I)
ORIGINAL = re.compile(r"\b(awal|semula|sebelum)\b", re.I)


def _is_revised(text: str) -> bool:
    return bool(REVISED.search(text)) and not ORIGINAL.search(text)  # "sebelum revisi": before


def _revision_beside(group: Group, cell: HeaderCell) -> bool:
    """A second amount column that is the first one's revision ("Pagu Awal | Pagu Revisi",
    "Semula | Menjadi"), or the first's other year ("Pagu 2024 | Pagu 2025")."""
    first = next((c for r, c in group if r == "anggaran"), None)
    if first is None:
        return False
    texts = (first.text, cell.text)
    return _years_apart(group, cell, "anggaran") or any(
        REVISED.search(t) or ORIGINAL.search(t) for t in texts
    )


PLAN_YEARS = 3  # "Target 2025 | … | Target 2029": a matrix; "Target 2024 | Target 2025" is not


class _Columns:
    """The columns of one table as its header names them, and how each is used."""

    def __init__(self, group: Group) -> None:
        self.cells = [hc for _role, hc in group]
        self.columns: dict[str, int] = {}
        self.periods: dict[int, str] = {}
        self.result_periods: dict[int, str] = {}
        self.side_periods: dict[int, str] = {}
        self.cumulative = False
        for role, hc in group:
            if role:
                self.columns[role] = hc.col  # the last wins, unless a rule below chooses
        self._target()
        self._results()
        self._amounts()
        for hc in self.cells:  # a role named only with a year ("PERHITUNGAN 2025 › JUMLAH")
            plain = not (hc.period or hc.money or hc.history)
            if hc.role and plain and hc.role not in self.columns and hc.role != "periods":
                self.columns[hc.role] = hc.col

    def _of(self, *roles: str) -> list[HeaderCell]:
        found = [hc for hc in self.cells if hc.role in roles and not hc.money]
        current = [hc for hc in found if not hc.history]
        return current or found  # a past figure only where there is no other

    def _target(self) -> None:
        """Quarters are periods; of yearly columns, a matrix of three or more is periods (the
        target is the first year's until the year is known, `choose_plan_year`), of two the
        later is the target (a plan beside last year's)."""
        candidates = self._of("target", "periods")
        for hc in candidates:
            if hc.period and not hc.period.isdigit():
                self.periods[hc.col] = hc.period
        plain = [
            hc for hc in candidates if hc.role == "target" and not hc.period and hc.year is None
        ]
        yearly = {hc.year: hc for hc in candidates if hc.year and hc.col not in self.periods}
        if len(yearly) >= PLAN_YEARS:
            for year, hc in yearly.items():
                self.periods[hc.col] = str(year)
            if not plain:
                self.columns["target"] = yearly[min(yearly)].col
        elif yearly and not plain:
            self.columns["target"] = yearly[max(yearly)].col
        elif plain:
            self.columns["target"] = plain[-1].col
        elif self.periods and "target" in self.columns and self.columns["target"] in self.periods:
            pass
        self.columns.pop("periods", None) if self.periods else None
        if "target" in self.columns and self.columns["target"] in self.periods:
            if not self.periods[self.columns["target"]].isdigit():
                del self.columns["target"]  # a quarter is no year's target

    def _results(self) -> None:
        """The year's realisasi and capaian: the target's year's, else the latest; a realisasi
        by quarter is the year's by quarter (and, where the quarters add up and there is no
        other, the last quarter's is the year's)."""
        target = next((hc for hc in self.cells if hc.col == self.columns.get("target")), None)
        year = target.year if target else None
        for role in ("realisasi", "capaian"):
            candidates = self._of(role)
            quarters = [hc for hc in candidates if hc.period and not hc.period.isdigit()]
            if role == "realisasi":
                for hc in quarters:
                    self.result_periods[hc.col] = hc.period or ""
                    self.cumulative = self.cumulative or hc.cumulative
            rest = [hc for hc in candidates if hc not in quarters]
            yearly = {hc.year: hc for hc in rest if hc.year}
            plain = [hc for hc in rest if hc.year is None]
            chosen = None
            if year in yearly:
                chosen = yearly[year]
            elif plain:
                chosen = plain[-1]
            elif yearly:
                chosen = yearly[max(yearly)]
            elif quarters and role == "realisasi" and self.cumulative:
                chosen = quarters[-1]
            if chosen is not None:
                self.columns[role] = chosen.col
            elif role in self.columns and self.columns[role] in self.result_periods:
                del self.columns[role]

    def _amounts(self) -> None:
        """Of several amount columns, the revised one (the budget as it stands), else the
        latest year's; a plan's amount by year beside its targets (a Renstra's Alokasi)."""
        amounts = [hc for hc in self.cells if hc.role == "anggaran" and not hc.money]
        if len(amounts) < 2:
            return
        revised = [hc for hc in amounts if _is_revised(hc.text)]
        yearly = {hc.year: hc for hc in amounts if hc.year}
        if revised:
            self.columns["anggaran"] = revised[-1].col
        elif len(yearly) > 1:
            self.columns["anggaran"] = yearly[max(yearly)].col
            if len(yearly) >= PLAN_YEARS and all(len(hc.path) > 1 for hc in yearly.values()):
                self.side_periods = {hc.col: str(y) for y, hc in yearly.items()}
                self.columns["anggaran"] = yearly[min(yearly)].col

    def office_columns(self, role_cols: list[int]) -> list[HeaderCell]:
        """The header cells of the office's own columns: between the table's columns, and to
        the right of them as long as they follow on without a gap ("Pagu | Realisasi | Sisa")."""
        used = {*self.columns.values(), *self.periods, *self.result_periods, *self.side_periods}
        inside = [hc for hc in self.cells if hc.col not in used and hc.col > role_cols[0]]
        left = [hc for hc in self.cells if hc.col not in used and hc.col < role_cols[0]]
        kept = [hc for hc in left if hc.col >= role_cols[0] - len(left)]  # next to it, headed
        reach = role_cols[-1]
        for hc in sorted(inside, key=lambda c: c.col):
            if hc.col < role_cols[-1] or hc.col < reach + 3:
                kept.append(hc)
                reach = max(reach, hc.col)
        return kept


KEPT_BESIDE = {"baseline"}  # known columns that are the office's own: never a table's field


def _shortened(hc: HeaderCell) -> str:
    """A column's name as the office's own: a path of long texts keeps each one's beginning."""
    if len(hc.label) <= MAX_HEADER_TEXT:
        return hc.label
    return PATH_SEPARATOR.join(
        text if len(text) <= 40 else text[:39].rstrip() + "…" for text in hc.path
    )


def _as_header(row: int, group: Group, cells: list[Cell], words: LayoutWords) -> HeaderMatch | None:
    table = _Columns(group)
    columns = table.columns
    kind = kind_of(set(columns))
    if kind is None:
        return None
    role_cols = sorted(columns.values())
    extras = {
        hc.col: _shortened(hc)
        for hc in table.office_columns(role_cols)
        if len(hc.label) <= MAX_HEADER_TEXT or len(hc.path) > 1
    }
    if kind == TableKind.ANGGARAN and "program" not in columns:
        columns["program"] = columns.pop("uraian")
    if kind == TableKind.ANGGARAN and "satuan" in columns:  # the office's own column in a budget
        extras[columns.pop("satuan")] = "Satuan"
    if kind in (TableKind.RKT, TableKind.RKT_SEKRETARIAT) and "indikator" not in columns:
        columns["indikator"] = columns.pop("uraian")
    named = {hc.col: hc for hc in table.cells}
    side_roles = {}
    for role in [r for r in columns if kind not in words.role_kinds[r] or r in KEPT_BESIDE]:
        column = columns.pop(role)  # e.g. Sumber Data in an RKT
        extras[column] = named[column].label if column in named else role
        side_roles[role] = column
    if "no" not in columns:
        # Offices often leave the "No" header blank: take the blank column just left of the table.
        left = role_cols[0] - 1
        if left >= 1 and not any(c.col == left for c in cells):
            columns["no"] = left
    match = HeaderMatch(row, kind, columns, extras, side_roles=side_roles)
    match.named = frozenset(hc.col for hc in table.cells)
    match.periods = dict(table.periods)
    match.result_periods = dict(table.result_periods)
    match.side_periods = dict(table.side_periods)
    match.cumulative = table.cumulative
    for col in [*match.periods, *match.result_periods, *match.side_periods]:
        match.extras.pop(col, None)
    target = named.get(columns.get("target", -1))
    match.target_percent = bool(target) and any(
        re.search(r"%|\bpersen\b", text, re.I)
        for text in target.path  # type: ignore[union-attr]
    )
    indicator = named.get(columns.get("indikator", -1))
    indicator_header = header_key(indicator.path[-1]) if indicator else ""
    match.sasaran_in_indicator = indicator_header.startswith(("sasaran", "tujuan"))
    amount = named.get(columns.get("anggaran", side_roles.get("anggaran", -1)))
    if amount is not None:
        match.amount_scale = max(amount_scale(text, words) for text in amount.path)
    return match


def kind_of(roles: set[str]) -> str | None:
    sasaran = {"sasaran_strategis", "sasaran_kegiatan"} & roles
    if {"uraian", "indikator"} & roles and (
        "cara" in roles or ("sumber" in roles and not ("target" in roles and sasaran))
    ):  # a plan with targets per sasaran and a "Sumber Data" column is still a plan
        return "iku"
    if "anggaran" in roles and {"program", "uraian"} & roles and "indikator" not in roles:
        return "anggaran"
    indicator = {"indikator", "uraian"} & roles
    if indicator and {"sasaran_kegiatan", "target"} <= roles:
        return "rkt-sekretariat"
    if indicator and {"sasaran_strategis", "target"} <= roles:
        return "rkt"
    if indicator and "target" in roles:
        return "rkt"  # a PK prints INDIKATOR KINERJA | Target under "Sasaran 1 : …" lines
    return None


# --- rows that are not data -------------------------------------------------------------


NOT_NUMBERING = re.compile(r"[^\s()\d.]")
COMPUTED_NUMBER = re.compile(r"\(?\s*(\d{1,2})\s*\)?\s*=\s*[\d\s+\-x×*/:().%]+")
NUMBERING_TOKEN = re.compile(r"\(?\s*\d{1,2}\s*\)?")


def is_numbering_row(cells: list[Cell]) -> bool:
    """'(1) (2) (3) (4)' in separate cells or in one, or '1 2 3 4'; a column computed from
    others is numbered with its formula ('13=9+10+11+12')."""
    numbers: list[int] = []
    for cell in cells:
        if isinstance(cell.value, bool):
            return False
        if isinstance(cell.value, int | float):
            if not float(cell.value).is_integer():
                return False
            numbers.append(int(cell.value))
            continue
        text = cell.text()
        computed = COMPUTED_NUMBER.fullmatch(text)
        if computed:  # "13=9+10+11+12", "15=14/6x100": a column computed from others
            numbers.append(int(computed.group(1)))
            continue
        if NOT_NUMBERING.search(text):  # a letter or any other sign: a data row, mostly
            return False
        tokens = NUMBERING_TOKEN.findall(text)
        if not tokens:
            return False
        numbers.extend(int(re.sub(r"\D", "", t)) for t in tokens)
    return len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def is_numbering_line(cells: list[Cell]) -> bool:
    """A numbering row, not a row of years (2020 2021 2022 under TARGET)."""
    return is_numbering_row(cells) and not all(is_year(c.value) for c in cells)


# A signature, a date line, a title or a note's label is a line, never 300 letters: a longer
# text is none of them, and is not searched for one (a hostile 30,000-letter cell in 60,000 rows
# cost seconds a row in these patterns)
LONGEST_LINE = 300


def is_signature_row(cells: list[Cell], words: LayoutWords | None = None) -> bool:
    texts = [text for text in map(Cell.text, cells) if text]
    if not texts or len(texts) > 2 or not all(isinstance(c.value, str) for c in cells):
        return False
    words = words or default_words()
    joined = " ".join(texts)
    if len(joined) > LONGEST_LINE:
        return False
    return bool(
        words.date_line.match(joined)
        or DATE_PLACEHOLDER.match(joined)
        or words.is_signature(header_key(joined))
    )


def is_title_row(cells: list[Cell], words: LayoutWords | None = None) -> bool:
    texts = [text for text in map(Cell.text, cells) if text]
    return (
        len(texts) == 1
        and len(texts[0]) <= LONGEST_LINE
        and texts[0].isupper()
        and (words or default_words()).is_title(header_key(texts[0]))
    )


# a note under a table: "*) …", or a word of the notes and a colon ("Sumber: …", "Ket. …")
NOTE_LABEL = re.compile(r"^(\*+\s*\)?|[^:.)\-]+?)\s*[:.)-]")


def is_note_row(cells: list[Cell], words: LayoutWords | None = None) -> bool:
    texts = [c for c in cells if c.text()]
    if len(texts) != 1 or not isinstance(texts[0].value, str):
        return False
    found = NOTE_LABEL.match(texts[0].text()[:LONGEST_LINE])  # the label is at the start
    if not found:
        return False
    label = found.group(1)
    return label.startswith("*") or (words or default_words()).is_note_label(header_key(label))


def date_line(words: LayoutWords | None = None) -> re.Pattern[str]:
    """ "Surabaya, 2 Januari 2024": the date line over a signature."""
    return (words or default_words()).date_line


def looks_like_row_number(text: str) -> bool:
    return bool(ROW_NUMBER.match(text.strip()))
