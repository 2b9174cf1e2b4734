"""Across offices: the budget recap (programs × offices) and the target comparison (indicators
shared by offices). Only what is valid is ever a number or a "common" value here: an amount
that could not be read, or is negative, is counted as *invalid*, never as Rp0; a target with an
error is marked invalid, never the common target.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..checking.matching import indicator_key, name_key
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

NO_PROGRAM = "(tanpa nama program)"


# --- Rekap Anggaran -----------------------------------------------------------------------


@dataclass
class Recap:
    offices: list[str]
    programs: list[str]
    amounts: dict[tuple[str, str], int]  # (program, office) -> rupiah, valid lines only
    invalid: dict[tuple[str, str], int] = field(default_factory=dict)  # -> lines not counted
    declared: dict[str, int | None] = field(default_factory=dict)  # office -> its own JUMLAH
    total_disagrees: set[str] = field(default_factory=set)  # offices whose JUMLAH is not the sum

    @cached_property
    def _totals(self) -> tuple[Counter[str], Counter[str]]:
        return _by_office_and_program(self.amounts)

    def office_total(self, office: str) -> int:
        return self._totals[0][office]

    def program_total(self, program: str) -> int:
        return self._totals[1][program]

    @property
    def grand_total(self) -> int:
        return sum(self.amounts.values())

    @cached_property
    def _invalid_totals(self) -> tuple[Counter[str], Counter[str]]:
        return _by_office_and_program(self.invalid)

    def incomplete(self, office: str) -> bool:
        """Some of the office's budget lines could not be counted."""
        return self._invalid_totals[0][office] > 0

    def program_invalid_lines(self, program: str) -> int:
        """How many of the program's budget lines (all offices) could not be counted."""
        return self._invalid_totals[1][program]

    def program_incomplete(self, program: str) -> bool:
        return self.program_invalid_lines(program) > 0

    def budget(self, office: str) -> FileBudget:
        """The office's total as its column's last row shows it, with its own JUMLAH."""
        return FileBudget(
            self.office_total(office),
            self._invalid_totals[0][office],
            self.declared.get(office),
            office in self.total_disagrees,
        )

    def program_budget(self, program: str) -> FileBudget:
        return FileBudget(self.program_total(program), self.program_invalid_lines(program))

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


def _by_office_and_program(
    cells: dict[tuple[str, str], int],
) -> tuple[Counter[str], Counter[str]]:
    """(program, office) -> n summed by office and by program."""
    by_office: Counter[str] = Counter()
    by_program: Counter[str] = Counter()
    for (program, office), value in cells.items():
        by_office[office] += value
        by_program[program] += value
    return by_office, by_program


def valid_amount(record: Record) -> int | None:
    """The line's rupiah when it may be added up (`Amount.countable`: whole rupiah, 0 or more),
    the same lines the check's message and the JSON `total` add up."""
    amount = record.amount
    return amount.value if amount is not None and amount.countable else None


def budget_recap(result: Consolidation) -> Recap:
    """Programs matched across offices by their normalised name; valid amounts summed per
    office; lines that cannot be counted are counted as such."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    amounts: dict[tuple[str, str], int] = defaultdict(int)
    invalid: dict[tuple[str, str], int] = defaultdict(int)
    offices: dict[str, None] = {}  # in order of first appearance
    for report, _table, record in result.compared_rows("anggaran"):
        if record.detail:  # already inside its program's amount
            continue
        office = office_label(report)
        offices.setdefault(office)
        key = name_key(record.get("program")) or NO_PROGRAM
        names[key][record.get("program") or key] += 1
        value = valid_amount(record)
        if value is None:
            invalid[(key, office)] += 1
        else:
            amounts[(key, office)] += value
    label = {key: counter.most_common(1)[0][0] for key, counter in names.items()}
    declared, disagrees = _declared_totals(result)
    return Recap(
        offices=sorted(offices, key=office_sort_key),
        programs=[label[k] for k in names],
        amounts={(label[k], o): v for (k, o), v in amounts.items()},
        invalid={(label[k], o): n for (k, o), n in invalid.items()},
        declared=declared,
        total_disagrees=disagrees,
    )


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
    documents that state a target for the indicator, the first in the README's order (RKT,
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
        place = (table.kind if table.kind != "iku" else levels.get(key, "iku"), key)
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
    offices = sorted({o for s in shared for o in s.targets}, key=office_sort_key)
    return offices, shared


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
    tables = report.tables_of("anggaran")
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
