"""Across offices: the budget recap (programs × offices) and the target comparison (indicators
shared by offices). Only what is valid is ever a number or a "common" value here: an amount
that could not be read, or is negative, is counted as *invalid*, never as Rp0; a target with an
error is marked invalid, never the common target.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..checking.matching import PROGRAM_CODE, indicator_key, name_key
from ..knowledge.kinds import TableKind
from ..knowledge.programs import load_programs
from ..layouts.budget import code_level, named_level
from ..model.records import FileReport, Record, Table
from ..model.values import Target
from .consolidation import (
    Consolidation,
    Provenance,
    compared_rank,
    office_label,
    office_sort_key,
    provenance,
)

# --- Rekap Anggaran -----------------------------------------------------------------------

PROGRAM, KEGIATAN, HEADING = "program", "kegiatan", "heading"
NO_PROGRAM = ""  # the group of the kegiatan whose program the office did not name


@dataclass(frozen=True)
class RecapRow:
    """A row of Rekap Anggaran: a program (its own lines' amounts), or a kegiatan under it;
    `HEADING`: the group of kegiatan without a program, which holds no amounts itself."""

    group: str  # a program's code, "name:<its name's key>", or NO_PROGRAM
    name: str  # the kegiatan's name key; "" for the program's own row
    label: str  # as offices wrote it (a known program: "076.01.CQ Penyelenggaraan …")
    level: str  # PROGRAM, KEGIATAN or HEADING


@dataclass
class Recap:
    """Programs and their kegiatan × offices. Lines of unlike levels are never added together:
    a program's row adds the lines that are that program, each kegiatan's row that kegiatan's
    lines; an office's total adds all its lines (the top-level ones: a kegiatan its program
    already counts is detail, left out)."""

    offices: list[str]
    rows: list[RecapRow]
    amounts: dict[tuple[RecapRow, str], int]  # (row, office) -> rupiah, valid lines only
    invalid: dict[tuple[RecapRow, str], int] = field(default_factory=dict)  # -> lines left out
    declared: dict[str, int | None] = field(default_factory=dict)  # office -> its own JUMLAH
    total_disagrees: set[str] = field(default_factory=set)  # offices whose JUMLAH is not the sum

    @cached_property
    def _totals(self) -> tuple[Counter[str], Counter[RecapRow]]:
        return _by_office_and_row(self.amounts)

    @cached_property
    def _invalid_totals(self) -> tuple[Counter[str], Counter[RecapRow]]:
        return _by_office_and_row(self.invalid)

    def office_total(self, office: str) -> int:
        return self._totals[0][office]

    @property
    def grand_total(self) -> int:
        return sum(self.amounts.values())

    def incomplete(self, office: str) -> bool:
        """Some of the office's budget lines could not be counted."""
        return self._invalid_totals[0][office] > 0

    def has_lines(self, row: RecapRow) -> bool:
        return row in self._totals[1] or row in self._invalid_totals[1]

    def budget(self, office: str) -> FileBudget:
        """The office's total as its column's last row shows it, with its own JUMLAH."""
        return FileBudget(
            self.office_total(office),
            self._invalid_totals[0][office],
            self.declared.get(office),
            office in self.total_disagrees,
        )

    def row_budget(self, row: RecapRow) -> FileBudget:
        return FileBudget(self._totals[1][row], self._invalid_totals[1][row])

    @property
    def grand_budget(self) -> FileBudget:
        return FileBudget(
            self.grand_total,
            sum(self._invalid_totals[0].values()),
            disagrees=bool(self.total_disagrees),
        )

    def state(self, office: str) -> str:
        """'ok', or what is wrong: 'incomplete' (lines not counted), 'disagrees' (with the
        office's JUMLAH), or both."""
        return self.budget(office).state


def _by_office_and_row(
    cells: dict[tuple[RecapRow, str], int],
) -> tuple[Counter[str], Counter[RecapRow]]:
    """(row, office) -> n summed by office and by row."""
    by_office: Counter[str] = Counter()
    by_row: Counter[RecapRow] = Counter()
    for (row, office), value in cells.items():
        by_office[office] += value
        by_row[row] += value
    return by_office, by_row


def valid_amount(record: Record) -> int | None:
    """The line's rupiah when it may be added up (`Amount.countable`: whole rupiah, 0 or more),
    the same lines the check's message and the JSON `total` add up."""
    amount = record.amount
    return amount.value if amount is not None and amount.countable else None


class _Programs:
    """Which program a budget line or a group heading names: by a 076.01.XX code it carries,
    or by one of the names of `schemas/programs.yaml`."""

    def __init__(self) -> None:
        known = load_programs()
        self.order = [p.code for p in known]
        self.labels = {p.code: f"{p.code} {p.name}" for p in known}
        self.by_name = {name_key(name): p.code for p in known for name in p.names}

    def code_of(self, *texts: str | None) -> str | None:
        for text in texts:
            found = PROGRAM_CODE.search(text or "")
            if found:
                return re.sub(r"[^0-9A-Za-z.]", "", found.group(0)).upper()
        return None

    def of(self, text: str | None, *codes: str | None) -> str | None:
        """The group key of a program named by `text` (or coded in `codes`), or None."""
        code = self.code_of(*codes, text)
        if code:
            return code
        return self.by_name.get(name_key(text)) if text else None


def budget_recap(result: Consolidation) -> Recap:
    """Every office's budget lines by program, then kegiatan: a line that names a program (by
    code or by a name of schemas/programs.yaml, or a line written "Program …") is that
    program's; any other line is a kegiatan, under the program its group heading names, else
    among the kegiatan without a program (lines numbered as peers are peers: a kegiatan is
    never put under a program by guessing)."""
    programs = _Programs()
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    amounts: dict[tuple[str, str, str], int] = defaultdict(int)
    invalid: dict[tuple[str, str, str], int] = defaultdict(int)
    offices: dict[str, None] = {}  # in order of first appearance
    for report, _table, record in result.compared_rows("anggaran"):
        if record.detail:  # already inside its program's amount
            continue
        office = office_label(report)
        offices.setdefault(office)
        text = record.get("program") or ""
        group = _own_program(programs, record, text)
        if group is not None:
            place = (group, "")
        else:  # a kegiatan: under the program its group heading names, if it names one
            group = programs.of(record.get("kelompok"))
            if group is None and record.get("kelompok"):
                group = f"name:{name_key(record.get('kelompok'))}"
                spellings[(group, "")][record.get("kelompok") or ""] += 1
            place = (group or NO_PROGRAM, name_key(text) or f"text:{text.strip()}")
        spellings[place][text] += 1
        value = valid_amount(record)
        if value is None:
            invalid[(*place, office)] += 1
        else:
            amounts[(*place, office)] += value
    rows = _recap_rows(programs, spellings)
    by_place = {(row.group, row.name): row for row in rows}
    declared, disagrees = _declared_totals(result)
    return Recap(
        offices=sorted(offices, key=office_sort_key),
        rows=rows,
        amounts={(by_place[(g, n)], o): v for (g, n, o), v in amounts.items()},
        invalid={(by_place[(g, n)], o): v for (g, n, o), v in invalid.items()},
        declared=declared,
        total_disagrees=disagrees,
    )


def _own_program(programs: _Programs, record: Record, text: str) -> str | None:
    """The program a budget line is itself, or None when it is a kegiatan (or below)."""
    known = programs.of(text, record.get("kode"), record.number)
    if known:
        return known
    if code_level(record) == 0 or named_level(record) == 0:  # "Program …": not one we know
        return f"name:{name_key(text)}"
    return None


def _recap_rows(
    programs: _Programs, spellings: dict[tuple[str, str], Counter[str]]
) -> list[RecapRow]:
    """Known programs in the order of schemas/programs.yaml, then others as they came, then
    the kegiatan without a program; each program's row first, its kegiatan under it."""
    seen = list(dict.fromkeys(group for group, _name in spellings))
    groups = [g for g in programs.order if g in seen]
    groups += [g for g in seen if g not in groups and g != NO_PROGRAM]
    groups += [NO_PROGRAM] if NO_PROGRAM in seen else []
    rows = []
    for group in groups:
        if group == NO_PROGRAM:
            rows.append(RecapRow(group, "", "", HEADING))
        else:
            label = programs.labels.get(group) or _spelled(spellings.get((group, ""))) or group
            rows.append(RecapRow(group, "", label, PROGRAM))
        rows += [
            RecapRow(group, name, _spelled(counted), KEGIATAN)
            for (g, name), counted in spellings.items()
            if g == group and name
        ]
    return rows


def _spelled(counted: Counter[str] | None) -> str:
    """The spelling most offices used (the first of the most)."""
    return counted.most_common(1)[0][0] if counted else ""


def _declared_totals(result: Consolidation) -> tuple[dict[str, int | None], set[str]]:
    """Each office's own JUMLAH (the sum of its tables' declared totals), and the offices where
    a declared total is unreadable or differs from its lines."""
    declared: dict[str, int | None] = {}
    disagrees: set[str] = set()
    for report in result.reports:
        for table in result.compared_tables(report, "anggaran"):
            office = office_label(report)
            if table.declared_total is None:
                continue
            value = table.declared_total.value
            previous = declared.get(office, 0)
            declared[office] = None if value is None or previous is None else previous + value
            if _total_flagged(result, report, table):
                disagrees.add(office)
    return declared, disagrees


def _total_flagged(result: Consolidation, report: FileReport, table: Table) -> bool:
    cell = table.declared_total_cell
    return cell is not None and result.flags(report).worst_at(table.sheet, cell) == "error"


# --- Perbandingan Target ------------------------------------------------------------------

SAME, DIFFERENT, INVALID, ABSENT = "same", "different", "invalid", "absent"


@dataclass
class OfficeTarget:
    target: Target | None
    where: Provenance
    valid: bool  # read, and no error at its cell
    document: str = "RKT"  # the office's document it comes from (a PK, when it sent no RKT)


@dataclass
class SharedIndicator:
    kind: str
    text: str
    targets: dict[str, OfficeTarget]  # office -> its target

    @cached_property
    def _common(self) -> tuple[str | None, str]:
        """(key of the common target, why) — why is 'common', 'tie' or 'none-valid'."""
        written = Counter(
            target_key(entry.target)
            for entry in self.targets.values()
            if entry.valid and entry.target is not None
        )
        if not written:
            return None, "none-valid"
        ranked = written.most_common(2)
        if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            return None, "tie"
        return ranked[0][0], "common"

    @property
    def most_common(self) -> str | None:
        """The key of the target most offices agree on, among valid targets; None on a tie."""
        return self._common[0]

    @property
    def why_no_common(self) -> str | None:
        return None if self._common[1] == "common" else self._common[1]

    @property
    def common_text(self) -> str | None:
        """The common target as one of the offices wrote it."""
        for entry in self.targets.values():
            if entry.valid and entry.target and target_key(entry.target) == self.most_common:
                return entry.target.text
        return None

    def state(self, office: str) -> str:
        entry = self.targets.get(office)
        if entry is None:
            return ABSENT
        if not entry.valid:
            return INVALID
        if self.most_common is not None and target_key(entry.target) != self.most_common:
            return DIFFERENT
        return SAME

    def differs(self, office: str) -> bool:
        return self.state(office) == DIFFERENT


def target_key(target: Target | None) -> str:
    if target is None:
        return ""
    if target.value is not None and target.unit:
        return f"{target.value}|{target.unit}"
    return target.text


def target_is_valid(result: Consolidation, report: FileReport, record: Record) -> bool:
    target = record.target
    if target is None or target.problem is not None:
        return False
    return result.flags(report).worst_at(record.sheet, record.cell_of("target")) != "error"


def shared_indicators(result: Consolidation) -> tuple[list[str], list[SharedIndicator]]:
    """Indicators that two or more offices share, with every office's target: of an office's
    documents that state a target for the indicator, the first in docs/outputs.md's order (RKT,
    DIPA, Renja, PK, Rencana Aksi, IKU, Renstra, LKj; `COMPARED_FIRST`). An IKU that states
    targets (a five-year matrix) joins the plan level where its indicator is found."""
    texts: dict[tuple[str, str], dict[str, int]] = {}  # how each office wrote it, and how often
    chosen: dict[tuple[str, str], dict[str, tuple[FileReport, Table, Record]]] = {}  # by office
    plans = result.compared_rows("rkt", "rkt-sekretariat")
    levels: dict[str, str] = {}  # indicator key -> the plan level it is first found at
    for _report, table, record in plans:
        levels.setdefault(indicator_key(record.get("indikator") or ""), table.kind)
    with_targets = [row for row in result.compared_rows("iku") if "target" in row[1].columns]
    for report, table, record in [*plans, *with_targets]:
        text = record.get("indikator")
        if not text:
            continue
        key = indicator_key(text)
        place = (table.kind if table.kind != TableKind.IKU else levels.get(key, TableKind.IKU), key)
        spellings = texts.setdefault(place, {})
        spellings[text] = spellings.get(text, 0) + 1
        offices = chosen.setdefault(place, {})
        office = office_label(report)
        if office not in offices or compared_rank(table) < compared_rank(offices[office][1]):
            offices[office] = (report, table, record)
    shared = [
        SharedIndicator(
            kind,
            max(texts[(kind, key)].items(), key=lambda item: item[1])[0],  # first of the most
            {
                office: OfficeTarget(
                    record.target,
                    provenance(result, report, record, "target"),
                    target_is_valid(result, report, record),
                    table.document or "RKT",
                )
                for office, (report, table, record) in sorted(
                    by_office.items(), key=lambda item: office_sort_key(item[0])
                )
            },
        )
        for (kind, key), by_office in chosen.items()
        if len(by_office) >= 2
    ]
    names = sorted({o for s in shared for o in s.targets}, key=office_sort_key)
    return names, shared


@dataclass
class FileBudget:
    """A budget's sum as every sheet shows it: the lines that can be added up, how many
    cannot, and the office's own JUMLAH beside it."""

    total: int | None  # valid lines only; None when the file has no budget table
    invalid: int = 0  # lines that could not be added up
    declared: int | None = None  # the file's own JUMLAH, when it has one
    disagrees: bool = False  # that JUMLAH is unreadable or differs from the lines

    @property
    def state(self) -> str:
        """'none', 'ok', or what is wrong: 'incomplete', 'disagrees', or both
        ('incomplete+disagrees')."""
        if self.total is None:
            return "none"
        marks = [m for m, on in (("incomplete", self.invalid), ("disagrees", self.disagrees)) if on]
        return "+".join(marks) or "ok"


def file_budget(result: Consolidation, report: FileReport) -> FileBudget:
    """The file's budget tables summed as the JSON sums them (`Table.total`)."""
    tables = report.tables_of(TableKind.ANGGARAN)
    if not report.readable or not tables:
        return FileBudget(None)
    budget = FileBudget(0)
    for table in tables:
        budget.total = (budget.total or 0) + (table.total or 0)
        budget.invalid += table.lines_not_counted
        if table.declared_total is not None:
            budget.declared = (budget.declared or 0) + (table.declared_total.value or 0)
            budget.disagrees |= _total_flagged(result, report, table)
    return budget
