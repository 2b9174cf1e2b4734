"""Budget tables that list a program and then its kegiatan, KRO or RO, each with its amount.

Bagian Anggaran 076 writes its codes by level: program `076.01.WA`, kegiatan `4257`, KRO
`4257.EBA`, RO `4257.EBA.994`, akun `521211`. When a budget table carries codes of several levels
and every parent's amount is exactly the sum of its children's, the children are detail: they
stay in the output, marked, but only the top-level lines make the table's total (otherwise the
budget would be counted twice). When the amounts do not reconcile, the table is left flat and
every row counts: a wrong guess must never hide money. Without codes, an outline numbering in
the No column (1, 1.1, 1.2, 2 …) gives the levels the same way, and so do programs numbered
1, 2 … with their kegiatan a, b …, and lines that say what they are ("Program …", "Kegiatan …").
"""

from __future__ import annotations

import re

from ..knowledge.programs import CODE as PROGRAM
from ..knowledge.programs import FORM as PROGRAM_FORM
from ..model.records import Record, Table

LEVELS: list[tuple[str, re.Pattern[str]]] = [
    ("program", PROGRAM),
    ("kegiatan", re.compile(r"^\d{4}$")),
    ("kro", re.compile(r"^\d{4}\.[A-Z]{3}$")),
    ("ro", re.compile(r"^\d{4}\.[A-Z]{3}\.\d{3}$")),
    ("komponen", re.compile(r"^\d{3}$")),  # in a Kode column only: "051"
    ("subkomponen", re.compile(r"^[A-Z]$")),  # in a Kode column only: "A"
    ("akun", re.compile(r"^\d{6}$")),
]
KODE_ONLY = {"komponen", "subkomponen"}  # a No column's "100" or "A" is no komponen
LEADING_CODE = re.compile(rf"^\s*({PROGRAM_FORM}|\d{{4}}(?:\.[A-Z]{{3}}(?:\.\d{{3}})?)?|\d{{6}})\b")


def code_level(record: Record) -> int | None:
    """The level of a budget line's code (0 = program), from a Kode column, the No column, or
    the start of the program's name; None where there is no recognisable code."""
    for text, in_kode in ((record.get("kode"), True), (record.number, False)):
        level = _level_of((text or "").strip().rstrip("."), in_kode)
        if level is not None:
            return level
    match = LEADING_CODE.match(record.get("program") or "")
    return _level_of(match.group(1)) if match else None


def _level_of(code: str, in_kode: bool = False) -> int | None:
    for level, (name, pattern) in enumerate(LEVELS):
        if pattern.match(code) and (in_kode or name not in KODE_ONLY):
            return level
    return None


def with_details(levels: list[int | None]) -> list[int | None]:
    """A line without a code under a coded line is its detail ("- Gaji Pokok PNS | 12 BLN |
    41.250.000" under the akun 511111 of a kertas kerja)."""
    filled: list[int | None] = []
    coded: int | None = None
    for level in levels:
        if level is not None:
            coded = level
            filled.append(level)
        else:
            filled.append(None if coded is None else len(LEVELS))
    return filled


OUTLINE_NUMBER = re.compile(r"^\d{1,3}(\.\d{1,3})*$")


def outline_level(record: Record) -> int | None:
    """1 -> 0, 1.1 -> 1, 1.1.2 -> 2 (the No column of a budget numbered as an outline)."""
    text = (record.number or "").strip().rstrip(".")
    return text.count(".") if OUTLINE_NUMBER.match(text) else None


LETTERED = [
    re.compile(r"^\d{1,3}[.)]?$"),  # 1, 1., 1)  a program
    re.compile(r"^[a-z][.)]?$", re.IGNORECASE),  # a, a., a)  its kegiatan
    re.compile(r"^\(?\d{1,3}\)$|^-$"),  # (1), 1) under a letter, or a dash  its detail
]


def lettered_level(record: Record) -> int | None:
    """1 -> 0, a -> 1, (1) -> 2: a program numbered 1, 2 …, its kegiatan a, b … under it."""
    text = (record.number or "").strip()
    for level, pattern in enumerate(LETTERED):
        if pattern.match(text):
            return level
    return None


NAMED = [("program",), ("kegiatan", "sub kegiatan"), ("kro", "klasifikasi rincian output")]


def named_level(record: Record) -> int | None:
    """ "Program …" -> 0, "Kegiatan …" -> 1, "KRO …" -> 2: the level in the line's own words."""
    name = (record.get("program") or "").strip().lower()
    for level, words in enumerate(NAMED):
        if any(name.startswith(word + " ") for word in words):
            return level
    return None


def mark_detail_lines(table: Table) -> None:
    """Mark child lines as detail when the hierarchy (by codes, else by outline numbers, by
    "1 / a" numbering, or by the lines' own words) reconciles exactly."""
    coded = [code_level(record) for record in table.records]
    if _mark_by_levels(table, coded) or _mark_by_codes(table, with_details(coded)):
        return
    for level_of in (outline_level, lettered_level, named_level):
        if _mark_by_levels(table, [level_of(record) for record in table.records]):
            return


def _children(levels: list[int | None]) -> dict[int, list[int]] | None:
    """parent line -> its direct children, or None where the levels say nothing."""
    known = {level for level in levels if level is not None}
    if len(known) < 2 or None in levels:
        return None
    children: dict[int, list[int]] = {}
    parent_at: dict[int, int] = {}  # level -> index of the latest line at that level
    for index, level in enumerate(levels):
        assert level is not None
        parents = [parent_at[lv] for lv in parent_at if lv < level]
        if parents:
            children.setdefault(max(parents), []).append(index)
        parent_at = {lv: i for lv, i in parent_at.items() if lv < level}
        parent_at[level] = index
    return children or None


def _mark_by_levels(table: Table, levels: list[int | None]) -> bool:
    children = _children(levels)
    if children is None or not all(
        _reconciles(table, parent, kids) for parent, kids in children.items()
    ):
        return False
    _mark(table, levels)
    return True


def _mark(table: Table, levels: list[int | None]) -> None:
    top = min(level for level in levels if level is not None)
    for index, level in enumerate(levels):
        if level != top:
            table.records[index].detail = True


def _mark_by_codes(table: Table, levels: list[int | None]) -> bool:
    """Codes on every line but its details say the hierarchy for certain: the children are
    detail even where a parent does not add up, and each parent that does not is said
    (`Table.unreconciled`, checked as a declared sub-total) — most must add up, else the
    amounts are not the codes' sums and the table stays flat."""
    children = _children(levels)
    if children is None:
        return False
    below = _added_up(table, children)
    wrong = [p for p, kids in children.items() if not _reconciles(table, p, kids, below)]
    if 2 * len(wrong) > len(children):
        return False
    _mark(table, levels)
    table.unreconciled = [(parent, children[parent]) for parent in wrong]
    return True


def _added_up(table: Table, children: dict[int, list[int]]) -> dict[int, int | None]:
    """Each line's amount as the lines at the bottom add it up (a line with no children: its
    own): a stale sub-total of a kegiatan is the kegiatan's fault, not its program's too."""
    found: dict[int, int | None] = {}
    for index in sorted(range(len(table.records)), reverse=True):  # children follow parents
        if index in children:
            values = [found.get(k) for k in children[index]]
            found[index] = None if None in values else sum(v for v in values if v is not None)
        else:
            value = table.records[index].amount
            found[index] = value.value if value else None
    return found


def _reconciles(
    table: Table, parent: int, kids: list[int], below: dict[int, int | None] | None = None
) -> bool:
    def amount(index: int) -> int | None:
        value = table.records[index].amount
        return value.value if value else None

    stated = [amount(k) for k in kids]
    added = [below.get(k) for k in kids] if below else stated
    if (
        amount(parent) is not None
        and None not in added
        and amount(parent) == sum(v for v in added if v is not None)
    ):
        return True  # its lines at the bottom add up to it, whatever a stale line between says
    values = stated
    return (
        amount(parent) is not None
        and None not in values
        and amount(parent) == sum(v for v in values if v is not None)
    )
