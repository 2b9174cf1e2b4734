"""A header of one, two or three lines read into one path per column.

Offices print a header over several rows with merged cells: "TAHUN 2024" over TARGET |
REALISASI | CAPAIAN, "REALISASI" over 2022 | 2023, "Target Renja" over K | Rp, "Realisasi pada
Triwulan" over I … IV and each of those over K | Rp, with a numbering row ("1 2 3 … 13=9+10")
between the lines. Each column is read as the path of the header cells over it, top to bottom
("TAHUN 2024 › REALISASI", "REALISASI › 2022"), a merged cell standing over every column it
covers and a heading printed without merging over the sub-headings right of it. What the path
says of its column — which role, which year, which quarter, the rupiah of a K | Rp pair, a
past period's figure — is `HeaderCell`; the table is assembled from them (`locate.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..knowledge.layouts import LayoutWords
from ..reading.caching import LONGEST_KEPT, text_cache
from ..reading.grid import Cell, Sheet
from .normalise import clean_text, header_key

RoleOf = Callable[[str, LayoutWords], "str | None"]
MAX_HEADER_TEXT = 60  # a header line under the first is short; the first may be longer
MAX_FIRST_LINE_TEXT = 200  # the first line of an official form spells its columns out
BAND_LINES = 4  # how many rows a header may take, a numbering row between them included
PATH_SEPARATOR = " › "

TRIWULAN = re.compile(
    r"^(?:tw|triwulan|trw|kuartal|q)[\s.-]*(i{1,3}|iv|[1-4])$|^(i{1,3}|iv)$", re.I
)
# a quarter named inside a longer header: "Target TW1", "Realisasi Triwulan II"
QUARTER_IN_TEXT = re.compile(r"\b(?:tw|triwulan|trw|kuartal)\s*[.-]?\s*(iv|i{1,3}|[1-4])\b", re.I)
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def is_year(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value).is_integer() and 2000 <= value <= 2100
    return isinstance(value, str) and bool(re.fullmatch(r"\s*20\d{2}\s*", value))


def period_label(value: object) -> str | None:
    """'TW I', 'Triwulan 2', 'Q3', 'IV' -> 'TW I' … 'TW IV'; 2025 or '2025' -> '2025'."""
    if isinstance(value, str):
        return _period_of_text(value)
    if is_year(value):
        return str(int(value))  # type: ignore[call-overload]
    return None


@text_cache(maxsize=4096)
def _period_of_text(value: str) -> str | None:
    if is_year(value):
        return value.strip()
    found = TRIWULAN.match(clean_text(value))
    if not found:
        return None
    numeral = (found.group(1) or found.group(2)).upper()
    return "TW " + ROMAN.get(numeral, numeral)


@dataclass
class HeaderCell:
    """One column of a header, read through all its lines."""

    col: int
    path: tuple[str, ...]  # the header texts over the column, top to bottom
    cell: Cell  # the lowest header cell over it (its own, or a merged one's anchor)
    role: str | None = None
    year: int | None = None
    period: str | None = None  # "TW I" … "TW IV" or a year, where the column is one of several
    money: bool = False  # the Rp of a K | Rp pair under a plan's column
    history: bool = False  # a past or five-year figure (Renstra, last year): not the year's
    cumulative: bool = False  # "(Kumulatif)", "s.d.": each quarter adds to the ones before
    label: str = ""  # how the column is named where it is kept as the office's own
    spans: bool = False  # merged across several columns: a heading over sub-columns
    lines: tuple[int, ...] = field(default=())  # the rows of its path

    @property
    def text(self) -> str:
        return PATH_SEPARATOR.join(self.path)

    @property
    def qualified(self) -> bool:
        """A year's, a quarter's, a past or a rupiah column of its role: never a second table."""
        return bool(self.period or self.money or self.history) or (
            self.year is not None and len(self.path) > 1
        )


def merged_anchors(sheet: Sheet, rows: range) -> dict[tuple[int, int], Cell]:
    """(row, col) -> the anchor cell of the merge covering it, for merges inside `rows`."""
    found: dict[tuple[int, int], Cell] = {}
    for merged in sheet.merges:
        if merged.max_row < rows.start or merged.min_row >= rows.stop:
            continue
        if (merged.max_col - merged.min_col + 1) * (merged.max_row - merged.min_row + 1) > 4096:
            continue  # a decoration merged over the whole sheet
        anchor = sheet.get(merged.min_row, merged.min_col)
        if anchor is None:
            continue
        for row in range(max(merged.min_row, rows.start), min(merged.max_row, rows.stop - 1) + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                found[(row, col)] = anchor
    return found


def header_text(value: object) -> bool:
    return (isinstance(value, str) and bool(clean_text(value))) or is_year(value)


def column_paths(
    sheet: Sheet, lines: list[int], first: int, last: int, anchors: dict[tuple[int, int], Cell]
) -> list[tuple[int, list[Cell]]]:
    """(column, the header cells over it top to bottom) for every column of the header that
    has one. A heading printed without merging stands over the sub-headings right of it that
    have nothing else above them ("TARGET TRIWULAN" over TW I, and TW II … TW IV beside)."""
    grid: dict[int, dict[int, Cell]] = {}
    for col in range(first, last + 1):
        for row in lines:
            cell = sheet.get(row, col)
            if cell is None or not header_text(cell.value):
                cell = anchors.get((row, col))
                if cell is not None and cell.row not in lines:
                    cell = None
            if cell is not None and header_text(cell.value):
                grid.setdefault(col, {})[row] = cell
    for col in range(first + 1, last + 1):
        own, left = grid.get(col, {}), grid.get(col - 1, {})
        for index, row in enumerate(lines[1:], start=1):
            if row not in own or row not in left or own[row] is left[row]:
                continue
            above = [r for r in lines[:index] if r in own]
            if not above:  # nothing of its own above: the heading on its left stands over it
                for upper in lines[:index]:
                    if upper in left:
                        own[upper] = left[upper]
                grid[col] = own
            break
    paths = []
    for col in sorted(grid):
        cells: list[Cell] = []
        for row in lines:
            cell = grid[col].get(row)
            if cell is not None and (not cells or cells[-1] is not cell):
                cells.append(cell)
        paths.append((col, cells))
    return paths


# --- what a path says ------------------------------------------------------------------------


def describe(
    col: int,
    cells: list[Cell],
    words: LayoutWords,
    role_of: RoleOf,
    lines: tuple[int, ...],
    spelled_out: bool = True,
) -> HeaderCell:
    """The role, year, quarter and kind of figure a column's header path gives it.
    `spelled_out`: a long first line's role is that of its first words that name one."""
    texts = tuple(clean_text(c.value) if isinstance(c.value, str) else c.text() for c in cells)
    if sum(map(len, texts)) > LONGEST_KEPT:
        said = _path_said.__wrapped__(texts, words, role_of, spelled_out)
    else:
        said = _path_said(texts, words, role_of, spelled_out)
    role, year, period, money, history, cumulative, label = said
    return HeaderCell(
        col,
        texts,
        cells[-1],
        role=role,
        year=year,
        period=period,
        money=money,
        history=history,
        cumulative=cumulative,
        label=label,
        lines=lines,
    )


# a plan's figures: under a heading naming one ("Capaian Kinerja 2024" over "Target |
# Realisasi | %"), a line naming another is that one
FIGURES = frozenset({"target", "realisasi", "capaian"})

PathSaid = tuple[str | None, int | None, str | None, bool, bool, bool, str]


@lru_cache(maxsize=8192)  # the same header paths come back in every office's plan
def _path_said(
    texts: tuple[str, ...], words: LayoutWords, role_of: RoleOf, spelled_out: bool
) -> PathSaid:
    infos = [
        _text_info(text, words, role_of, top=spelled_out and index == 0)
        for index, text in enumerate(texts)
    ]
    leaf = infos[-1]
    ancestor = next((i.role for i in reversed(infos[:-1]) if i.role), None)
    role, period, money = None, None, False
    if leaf.quantity and ancestor and not (leaf.role in FIGURES and ancestor in FIGURES):
        role = ancestor  # "Target" over "Volume | Satuan", "Target Renja" over "K"
    elif leaf.money:
        if ancestor in (None, "anggaran"):
            role = "anggaran"
        else:
            role, money = ancestor, True  # the rupiah of a plan's figure
    elif leaf.period:
        role = ancestor or leaf.role or ("periods" if leaf.quarter else None)
        period = leaf.period
    elif leaf.quarter and not leaf.role and ancestor:
        role = ancestor  # "Realisasi" over "s.d. TW I" or "TW IV (Kumulatif)": its quarter below
    elif leaf.role:
        role = leaf.role
    if role is None and len(texts) > 1 and not (leaf.period or leaf.money):
        role = role_of(" ".join(texts[-2:]), words)  # "SASARAN" over "STRATEGIS", not merged
    if role and not leaf.period:
        quarter = next((i.quarter for i in reversed(infos) if i.quarter), None)
        if quarter and role in ("target", "periods", "realisasi"):
            period = quarter  # "Target TW1", "Realisasi Triwulan II"
    year = next((i.year for i in reversed(infos) if i.year), None)
    if period and period.isdigit():
        year = int(period)
    history = any(i.history for i in infos)
    cumulative = any(i.cumulative for i in infos)
    return role, year, period, money, history, cumulative, _label(texts, leaf)


def _label(texts: tuple[str, ...], leaf: _Said) -> str:
    """The leaf where it names the column on its own ("Jan", "Kualitas"), else the path
    ("REALISASI › 2022", "Target Renja › Rp")."""
    if len(texts) == 1 or not (leaf.period or leaf.quantity or leaf.money):
        return texts[-1]
    return PATH_SEPARATOR.join(texts)


@dataclass(frozen=True)
class _Said:
    """What one header text says."""

    role: str | None = None
    year: int | None = None
    period: str | None = None
    quarter: str | None = None
    quantity: bool = False
    money: bool = False
    history: bool = False
    cumulative: bool = False


@text_cache(maxsize=8192)  # the same header texts come back in every office's plan
def _text_info(text: str, words: LayoutWords, role_of: RoleOf, top: bool) -> _Said:
    key = header_key(text)
    period = period_label(text)
    year_found = YEAR_IN_TEXT.search(text)
    quarter = period if period and period.startswith("TW") else None
    if quarter is None and (found := QUARTER_IN_TEXT.search(text)):
        quarter = "TW " + ROMAN.get(found.group(1).upper(), found.group(1).upper())
    money = bool(key) and not _without_money(key, words)
    role = None
    if not (period or money):
        role = role_of(text, words) or _role_without_qualifiers(key, text, words, role_of)
        if role is None and top:
            role = _role_of_long_text(key, words, role_of)
    return _Said(
        role=role,
        year=int(year_found.group(1)) if year_found else None,
        period=period,
        quarter=quarter,
        quantity=key in words.quantity_words or key in words.measure_words,
        money=money,
        history=bool(words.history.search(key)),
        cumulative=bool(words.cumulative.search(key)),
    )


def _without_money(key: str, words: LayoutWords) -> str:
    pattern = words.money_pattern
    return re.sub(r"\s+", " ", pattern.sub(" ", key.replace(",", " "))).strip()


def _role_without_qualifiers(
    key: str, text: str, words: LayoutWords, role_of: RoleOf
) -> str | None:
    """ "Target TW1" is a target of TW I, "Realisasi Tahun 2023" a realisasi of 2023: the role of
    the words around the quarter, the year or the scope."""
    bare = QUARTER_IN_TEXT.sub(" ", text)
    bare = YEAR_IN_TEXT.sub(" ", bare)
    bare = header_key(words.qualifiers.sub(" ", header_key(bare)))
    if bare and bare != key:
        return role_of(bare, words)
    return None


def _role_of_long_text(key: str, words: LayoutWords, role_of: RoleOf) -> str | None:
    """An official form spells a column out ("Target Kinerja dan Anggaran Renja Tahun Berjalan
    yang Dievaluasi"): its role is that of its first words that name one."""
    parts = key.split(" ")
    for size in range(min(len(parts) - 1, 6), 0, -1):
        role = role_of(" ".join(parts[:size]), words)
        if role is not None:
            return role
    return None
