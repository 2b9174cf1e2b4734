"""Find every table in a sheet by its header words, wherever it starts.

A header row is recognised by the words offices print (NO / SASARAN STRATEGIS / INDIKATOR
KINERJA / TARGET, …), never by a sheet name or a fixed row. Several tables may share a sheet,
one under another or side by side; a header of the same kind repeated over the same columns
(after a page break) continues the table above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..knowledge.layouts import LayoutWords, load_layouts
from ..reading.caching import text_cache
from ..reading.grid import Cell, Sheet
from .normalise import clean_text, header_key


def default_words() -> LayoutWords:
    """The layout knowledge of the packaged `schemas/` (a `--schemas` folder's comes with the
    rules' vocabulary)."""
    return load_layouts()


MAX_HEADER_TEXT = 60

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
    # the header's second line ("Target" over "Volume | Satuan"), and its words
    sub_row: int | None = None
    sub_words: frozenset[str] = frozenset()
    amount_scale: int = 1  # amounts written in thousands ("Rp 000") or millions of rupiah
    periods: dict[int, str] = field(default_factory=dict)  # column -> "TW I" … or "2025" …
    target_percent: bool = False  # "Target %": the unit is in the header
    sasaran_in_indicator: bool = False  # "Sasaran / Indikator": the sasaran heads its indicators
    # roles foreign to the table's kind, kept as its own columns: a Renja's Program and Pagu
    side_roles: dict[str, int] = field(default_factory=dict)

    @property
    def first_col(self) -> int:
        return min([*self.columns.values(), *self.extras, *self.periods])

    @property
    def last_col(self) -> int:
        return max([*self.columns.values(), *self.extras, *self.periods])

    def overlaps(self, first_col: int, last_col: int) -> bool:
        return self.first_col <= last_col and first_col <= self.last_col


def role_of(text: str, words: LayoutWords | None = None) -> str | None:
    """The column a header text names ('Indikator\nKinerja' -> 'indikator'), or None."""
    return _role_of(text, words or default_words())


@text_cache(maxsize=4096)
def _role_of(text: str, words: LayoutWords) -> str | None:
    if not text or len(text) > MAX_HEADER_TEXT:
        return None
    key = header_key(ACRONYM_AFTER.sub("", text))  # "SASARAN STRATEGIS (SS)"
    role = words.role_of_key(key)
    if role is None and (amount_scale(text, words) > 1 or "dalam" in key.split()):
        # "Anggaran (dalam ribuan rupiah)"
        for bare in (_without(_scale_words(words), key), _without(_money_words(words), key)):
            if bare and bare != key and _role_of(bare, words) == "anggaran":
                return "anggaran"
    return role


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


def find_headers(sheet: Sheet, words: LayoutWords | None = None) -> list[HeaderMatch]:
    """Every header row in the sheet, split into side-by-side tables where there are several.
    A header printed on two lines ("KINERJA" or "2024" merged over Target | Realisasi |
    Capaian) is read as one."""
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
        found = (
            _header_matches(row, text_cells, cells, words)
            if _may_be_header(text_cells, words)
            else []
        )
        if not found and row + 1 in rows:
            found = _two_line_header(row, cells, rows[row + 1], words)
        for match in found:
            _take_second_line(match, rows.get(row + 1, []), _merged_reach(match, sheet), words)
            _target_merged_over_its_unit(match, sheet)
            _periods_under_merged_headers(match, sheet)
            matches.append(match)
            if match.sub_row:
                taken.add(match.sub_row)
    return matches


def _may_be_header(text_cells: list[Cell], words: LayoutWords) -> bool:
    """Two cells naming columns at least: every kind of table has two (most rows are data)."""
    named = 0
    for cell in text_cells:
        if role_of(cell.text(), words) is not None:
            named += 1
            if named == 2:
                return True
    return False


def _header_matches(
    row: int, text_cells: list[Cell], cells: list[Cell], words: LayoutWords
) -> list[HeaderMatch]:
    return [
        match
        for group in _split_into_groups(text_cells, words)
        if (match := _as_header(row, group, cells, words)) is not None
    ]


RESULT_ROLES = {"target", "realisasi", "capaian"}


def _two_line_header(
    row: int, cells: list[Cell], under: list[Cell], words: LayoutWords
) -> list[HeaderMatch]:
    """The first line names the table's columns and, merged over several, a group ("KINERJA",
    "2024", "TARGET"); the second names what is under the group (Target | Realisasi |
    Capaian). Read together, column by column; the second line is then the header's own."""
    first = {c.col: c for c in cells if isinstance(c.value, str) or _is_year(c.value)}
    second = {c.col: c for c in under if isinstance(c.value, str) or _is_year(c.value)}
    if not any(role_of(c.text(), words) in RESULT_ROLES for c in second.values()):
        return []
    if any(len(c.text()) > MAX_HEADER_TEXT for c in first.values()):
        return []  # a line of data above a header, not the header's first line
    if not any(role_of(c.text(), words) for c in first.values()):
        return []
    second_texts = [c for c in under if isinstance(c.value, str)]
    if _header_matches(row + 1, second_texts, under, words):
        return []  # the line below is a whole header of its own
    combined = []
    for col in sorted(set(first) | set(second)):
        below = second.get(col)
        above = first.get(col)
        if below is not None and (
            role_of(below.text(), words) or above is None or not role_of(above.text(), words)
        ):
            combined.append(below)
        elif above is not None:
            combined.append(above)
    found = _header_matches(row, [c for c in combined if isinstance(c.value, str)], cells, words)
    for match in found:
        match.sub_row = row + 1
        match.sub_words = frozenset(header_key(c.text()) for c in under)
    return found


TRIWULAN = re.compile(
    r"^(?:tw|triwulan|trw|kuartal|q)[\s.-]*(i{1,3}|iv|[1-4])$|^(i{1,3}|iv)$", re.I
)
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def period_label(value: object) -> str | None:
    """'TW I', 'Triwulan 2', 'Q3', 'IV' -> 'TW I' … 'TW IV'; 2025 or '2025' -> '2025'."""
    if _is_year(value):
        return str(int(value)) if isinstance(value, int | float) else str(value).strip()
    if not isinstance(value, str):
        return None
    text = clean_text(value)
    found = TRIWULAN.match(text)
    if not found:
        return None
    numeral = (found.group(1) or found.group(2)).upper()
    return "TW " + ROMAN.get(numeral, numeral)


def _is_year(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value).is_integer() and 2000 <= value <= 2100
    return isinstance(value, str) and bool(re.fullmatch(r"\s*20\d{2}\s*", value))


def _periods_under_merged_headers(match: HeaderMatch, sheet: Sheet) -> None:
    """Quarters or plan years on the header's second line, each a period of every record.
    "TARGET TRIWULAN" over TW I … TW IV beside the annual Target; "TARGET" over 2025 … 2029
    (a Renstra matrix): there the target column is the plan year's, chosen once the year is
    known (`choose_plan_year`)."""
    if match.sub_row is None:
        return
    for cell in sheet.rows().get(match.sub_row, []):
        label = period_label(cell.value)
        if label and match.first_col <= cell.col <= match.last_col + 6:
            match.periods[cell.col] = label
            match.extras.pop(cell.col, None)
    match.columns.pop("periods", None)
    if not match.periods:
        return
    years = sorted((label, col) for col, label in match.periods.items() if label.isdigit())
    target = match.columns.get("target")
    if years and (target is None or target in match.periods):
        match.columns["target"] = years[0][1]  # the plan's first year, until the year is known


def _target_merged_over_its_unit(match: HeaderMatch, sheet: Sheet) -> None:
    """ "TARGET" merged over two columns, the number in the first and its unit in the second
    ("90 | %", "5 | dokumen"), with no Satuan header: the second column is the Satuan."""
    target = match.columns.get("target")
    if target is None or "satuan" in match.columns:
        return
    for merged in sheet.merges:
        if (
            merged.min_row <= match.row <= merged.max_row
            and merged.min_col == target
            and merged.max_col == target + 1
        ):
            named = _named_under(sheet, match, target + 1)
            if named and header_key(named) != "satuan":  # "Kuantitas | Kualitas": not a unit
                match.extras[target + 1] = named
                return
            match.columns["satuan"] = target + 1
            match.extras.pop(target + 1, None)
            return


def _named_under(sheet: Sheet, match: HeaderMatch, col: int) -> str | None:
    """The header word printed under a merged header cell, when the line below is the
    header's own (its other headers merged down over it), not the first row of data."""
    others = [c for role, c in match.columns.items() if role not in ("target", "no")]
    merged_down = any(
        m.min_row == match.row < m.max_row and m.min_col <= c <= m.max_col
        for m in sheet.merges
        for c in others
    )
    cell = sheet.get(match.row + 1, col) if merged_down else None
    if cell is None or not isinstance(cell.value, str) or len(cell.value) > MAX_HEADER_TEXT:
        return None
    return clean_text(cell.value) if not period_label(cell.value) else None


def _merged_reach(match: HeaderMatch, sheet: Sheet) -> int:
    """The last column the header covers, a header cell merged across columns included
    ("Rencana Aksi Bulanan" over Jan … Des)."""
    return max(
        [match.last_col]
        + [
            merged.max_col
            for merged in sheet.merges
            if merged.min_row == match.row and match.first_col <= merged.min_col <= match.last_col
        ]
    )


def _take_second_line(
    match: HeaderMatch, next_cells: list[Cell], reach: int, words: LayoutWords
) -> None:
    """A header printed on two lines: the row under it holds only header words (over the
    table's columns, under a header cell merged across them, or just right of them) or period
    labels (TW I …, 2025 …). Its Satuan column becomes the table's."""
    if match.sub_row is not None:  # read already, as part of a two-line header
        return
    under = [c for c in next_cells if match.first_col <= c.col <= max(match.last_col + 6, reach)]
    if not under or not all(
        _is_sub_header_text(c.value, words) or period_label(c.value) for c in under
    ):
        return
    if not any(period_label(c.value) for c in under):
        under = [c for c in under if c.col <= max(match.last_col + 2, reach)]
    for cell in under:
        if period_label(cell.value):
            continue
        role = role_of(cell.text(), words)
        word = header_key(cell.text())
        if cell.col == match.columns.get("anggaran") and amount_scale(cell.text(), words) > 1:
            match.amount_scale = amount_scale(cell.text(), words)
        if role == "satuan" or word == "satuan":
            match.columns.setdefault("satuan", cell.col)
        elif word in words.month_words and cell.col not in match.columns.values():
            match.extras[cell.col] = clean_text(cell.value)  # "Jan", not the title over the months
        elif (
            role is None
            and cell.col not in match.columns.values()
            and word not in words.quantity_words
        ):
            match.extras.setdefault(cell.col, clean_text(cell.value))
    match.sub_row = under[0].row
    match.sub_words = frozenset(header_key(c.text()) for c in under)


def _is_sub_header_text(value: object, words: LayoutWords) -> bool:
    if not isinstance(value, str) or len(value) > MAX_HEADER_TEXT:
        return False
    key = header_key(value)
    return bool(key) and (
        role_of(value, words) is not None
        or key in words.quantity_words
        or key in words.month_words
        or key in words.sub_header_words
        or not _without(_money_words(words), key)  # "(Rp 000)", "dalam ribuan rupiah"
    )


def _split_into_groups(
    cells: list[Cell], words: LayoutWords
) -> list[list[tuple[str | None, Cell]]]:
    """Left to right; a role seen twice, or one that no table of the group's kinds has, starts
    a new group (that is how two tables standing side by side are told apart)."""
    groups: list[list[tuple[str | None, Cell]]] = [[]]
    kinds = set(words.role_kinds["no"])
    for cell in cells:
        role = role_of(cell.text(), words)
        current = groups[-1]
        seen = {r for r, _ in current}
        if role in RESULT_ROLES and role in seen and _years_apart(current, cell, role):
            role = None  # "Target 2024 | Target 2025": one table; the plan year's is chosen later
        if role == "anggaran" and role in seen and _revision_beside(current, cell):
            role = None  # "Pagu Awal | Pagu Revisi": one table; the revised amount is chosen later
        if role == "anggaran" and {"program", "kode"} & seen and "indikator" in seen:
            current.append((role, cell))  # a Renja: its Pagu is a column of the plan's table
            continue
        if role == "realisasi" and kinds == {"anggaran"}:
            role = None  # "Pagu | Realisasi | Sisa": the budget's realisation, kept beside it
        if role and (role in seen or not (words.role_kinds[role] & kinds)):
            moved = [current.pop()] if current and current[-1][0] == "no" else []
            groups.append(moved)
            current = groups[-1]
            kinds = set(words.role_kinds["no"])
        if role:
            kinds &= words.role_kinds[role]
        current.append((role, cell))
    return [g for g in groups if g]


YEAR_IN_HEADER = re.compile(r"\b(20\d{2})\b")


def _years_apart(group: list[tuple[str | None, Cell]], cell: Cell, role: str) -> bool:
    """A second Target, Realisasi or Capaian column for another year beside the first
    ("Target 2024 | Target 2025", "Realisasi 2023 | … | Realisasi 2024")."""
    year = YEAR_IN_HEADER.search(cell.text())
    first = next((c for r, c in group if r == role), None)
    other = YEAR_IN_HEADER.search(first.text()) if first else None
    return bool(year and other and year.group(1) != other.group(1))


REVISED = re.compile(r"\b(revisi|menjadi|setelah|sesudah|perubahan|definitif)\b", re.I)
ORIGINAL = re.compile(r"\b(awal|semula|sebelum)\b", re.I)


def _is_revised(text: str) -> bool:
    return bool(REVISED.search(text)) and not ORIGINAL.search(text)  # "sebelum revisi": before


def _revision_beside(group: list[tuple[str | None, Cell]], cell: Cell) -> bool:
    """A second amount column that is the first one's revision ("Pagu Awal | Pagu Revisi",
    "Semula | Menjadi"), or the first's other year ("Pagu 2024 | Pagu 2025")."""
    first = next((c for r, c in group if r == "anggaran"), None)
    if first is None:
        return False
    texts = (first.text(), cell.text())
    return _years_apart(group, cell, "anggaran") or any(
        REVISED.search(t) or ORIGINAL.search(t) for t in texts
    )


def _yearly_columns(
    group: list[tuple[str | None, Cell]], role: str, words: LayoutWords
) -> dict[int, int]:
    """{year: column} of the header cells naming `role` with a year ("Target 2025" -> 2025)."""
    return {
        int(found.group(1)): cell.col
        for _role, cell in group
        if (found := YEAR_IN_HEADER.search(cell.text())) and role_of(cell.text(), words) == role
    }


def _revised_amount(
    group: list[tuple[str | None, Cell]], columns: dict[str, int], words: LayoutWords
) -> None:
    """Of several amount columns, the revised one (the budget as it stands), else the latest
    year's; the others stay beside the line as extras."""
    amounts = [cell for _role, cell in group if role_of(cell.text(), words) == "anggaran"]
    if len(amounts) < 2:
        return
    revised = [cell for cell in amounts if _is_revised(cell.text())]
    yearly = _yearly_columns(group, "anggaran", words)
    if revised:
        columns["anggaran"] = revised[-1].col
    elif len(yearly) > 1:
        columns["anggaran"] = yearly[max(yearly)]


PLAN_YEARS = 3  # "Target 2025 | … | Target 2029": a matrix; "Target 2024 | Target 2025" is not


def _plan_year_target(
    group: list[tuple[str | None, Cell]], columns: dict[str, int], words: LayoutWords
) -> None:
    """Of two yearly target columns, the later is the plan's target (a plan beside last year's);
    of a matrix of plan years, the first, until the year is known (`choose_plan_year`). Of
    several yearly Realisasi or Capaian columns (an LKj beside last year's results), the
    target's year's, or else the latest."""
    targets = _yearly_columns(group, "target", words)
    chosen = None
    if len(targets) > 1:
        chosen = min(targets) if len(targets) >= PLAN_YEARS else max(targets)
        columns["target"] = targets[chosen]
    elif targets:
        chosen = next(iter(targets))
    for role in ("realisasi", "capaian"):
        yearly = _yearly_columns(group, role, words)
        if len(yearly) > 1:
            columns[role] = yearly[chosen if chosen in yearly else max(yearly)]


def _office_columns(
    group: list[tuple[str | None, Cell]], columns: dict[str, int], role_cols: list[int]
) -> list[Cell]:
    """The header cells of the office's own columns: between the table's columns, and to the
    right of them as long as they follow on without a gap ("Pagu | Realisasi | Sisa | %")."""
    inside = [c for _r, c in group if c.col not in columns.values() and c.col > role_cols[0]]
    kept, reach = [], role_cols[-1]
    for cell in sorted(inside, key=lambda c: c.col):
        if cell.col < role_cols[-1] or cell.col < reach + 3:
            kept.append(cell)
            reach = max(reach, cell.col)
    return kept


def _as_header(
    row: int, group: list[tuple[str | None, Cell]], cells: list[Cell], words: LayoutWords
) -> HeaderMatch | None:
    columns = {role: cell.col for role, cell in group if role}
    _plan_year_target(group, columns, words)
    _revised_amount(group, columns, words)
    kind = kind_of(set(columns))
    if kind is None:
        return None
    role_cols = sorted(columns.values())
    extras = {
        cell.col: clean_text(cell.value)
        for cell in _office_columns(group, columns, role_cols)
        if len(cell.text()) <= MAX_HEADER_TEXT
    }
    if kind == "anggaran" and "program" not in columns:
        columns["program"] = columns.pop("uraian")
    if kind == "anggaran" and "satuan" in columns:  # the office's own column in a budget
        extras[columns.pop("satuan")] = "Satuan"
    if kind in ("rkt", "rkt-sekretariat") and "indikator" not in columns:
        columns["indikator"] = columns.pop("uraian")
    headers = {cell.col: clean_text(cell.value) for role, cell in group if role}
    side_roles = {}
    for role in [
        r for r in columns if kind not in words.role_kinds[r]
    ]:  # e.g. Sumber Data in an RKT
        column = columns.pop(role)
        extras[column] = headers.get(column, role)
        side_roles[role] = column
    if "no" not in columns:
        # Offices often leave the "No" header blank: take the blank column just left of the table.
        left = role_cols[0] - 1
        if left >= 1 and not any(c.col == left for c in cells):
            columns["no"] = left
    match = HeaderMatch(row, kind, columns, extras, side_roles=side_roles)
    _quarters_in_header_row(match, group, role_cols)
    _plan_years_in_header_row(match, group, words)
    target_header = headers.get(columns.get("target", -1), "")
    match.target_percent = bool(re.search(r"%|\bpersen\b", target_header, re.I))
    indicator_header = header_key(headers.get(columns.get("indikator", -1), ""))
    match.sasaran_in_indicator = indicator_header.startswith("sasaran")
    if kind == "anggaran":
        match.amount_scale = next(
            (amount_scale(cell.text(), words) for role, cell in group if role == "anggaran"), 1
        )
    return match


def _quarters_in_header_row(
    match: HeaderMatch, group: list[tuple[str | None, Cell]], role_cols: list[int]
) -> None:
    """A Rencana Aksi printed on one header line: "Target Tahunan | Triwulan I | … | Triwulan
    IV" (or TW I …, Q1 …): each quarter is a period of every record."""
    for role, cell in group:
        label = period_label(cell.value) if role is None else None
        if label and label.startswith("TW") and role_cols[0] < cell.col <= role_cols[-1] + 6:
            match.periods[cell.col] = label
            match.extras.pop(cell.col, None)


def _plan_years_in_header_row(
    match: HeaderMatch, group: list[tuple[str | None, Cell]], words: LayoutWords
) -> None:
    """A Renstra matrix printed on one header line, a Target column per plan year: each year is
    a period of every record (the target, the first year's, is chosen by `_plan_year_target`),
    as when the years stand on a second line under one "TARGET"."""
    yearly = _yearly_columns(group, "target", words)
    if len(yearly) < PLAN_YEARS or match.periods:
        return
    for year, col in yearly.items():
        match.periods[col] = str(year)
        match.extras.pop(col, None)


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
    if "indikator" in roles and "target" in roles:
        return "rkt"  # a PK prints INDIKATOR KINERJA | Target under "Sasaran 1 : …" lines
    return None


# --- rows that are not data -------------------------------------------------------------


NOT_NUMBERING = re.compile(r"[^\s()\d.]")
NUMBERING_TOKEN = re.compile(r"\(?\s*\d{1,2}\s*\)?")


def is_numbering_row(cells: list[Cell]) -> bool:
    """'(1) (2) (3) (4)' in separate cells or in one, or '1 2 3 4'."""
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
        if NOT_NUMBERING.search(text):  # a letter or any other sign: a data row, mostly
            return False
        tokens = NUMBERING_TOKEN.findall(text)
        if not tokens:
            return False
        numbers.extend(int(re.sub(r"\D", "", t)) for t in tokens)
    return len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def is_signature_row(cells: list[Cell], words: LayoutWords | None = None) -> bool:
    texts = [text for text in map(Cell.text, cells) if text]
    if not texts or len(texts) > 2 or not all(isinstance(c.value, str) for c in cells):
        return False
    words = words or default_words()
    joined = " ".join(texts)
    return bool(
        words.date_line.match(joined)
        or DATE_PLACEHOLDER.match(joined)
        or words.is_signature(header_key(joined))
    )


def is_title_row(cells: list[Cell], words: LayoutWords | None = None) -> bool:
    texts = [text for text in map(Cell.text, cells) if text]
    return (
        len(texts) == 1
        and texts[0].isupper()
        and (words or default_words()).is_title(header_key(texts[0]))
    )


# a note under a table: "*) …", or a word of the notes and a colon ("Sumber: …", "Ket. …")
NOTE_LABEL = re.compile(r"^(\*+\s*\)?|[^:.)\-]+?)\s*[:.)-]")


def is_note_row(cells: list[Cell], words: LayoutWords | None = None) -> bool:
    texts = [c for c in cells if c.text()]
    if len(texts) != 1 or not isinstance(texts[0].value, str):
        return False
    found = NOTE_LABEL.match(texts[0].text())
    if not found:
        return False
    label = found.group(1)
    return label.startswith("*") or (words or default_words()).is_note_label(header_key(label))


def date_line(words: LayoutWords | None = None) -> re.Pattern[str]:
    """ "Surabaya, 2 Januari 2024": the date line over a signature."""
    return (words or default_words()).date_line


def looks_like_row_number(text: str) -> bool:
    return bool(ROW_NUMBER.match(text.strip()))
