"""Which issues belong to which row and cell of a file, so that every output can show a
problem where it is: a fill on the flagged cell, a status on the row, a mark on a table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model.issues import Issue, Severity
from ..model.records import FileReport, Record, Table
from ..reading.grid import parse_a1


def _row_col(cell: str | None) -> tuple[int, int] | None:
    try:
        return parse_a1(cell) if cell else None
    except ValueError:
        return None


@dataclass
class Flags:
    """The issues of one file, indexed by cell and by row."""

    by_cell: dict[tuple[str, str], list[Issue]] = field(default_factory=lambda: defaultdict(list))
    by_row: dict[tuple[str, int], list[tuple[int, Issue]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    by_sheet: dict[str | None, list[Issue]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, report: FileReport) -> Flags:
        flags = cls()
        for issue in report.issues:
            flags.by_sheet[issue.sheet].append(issue)
            where = _row_col(issue.cell)
            if issue.sheet is None or where is None:
                continue
            flags.by_cell[(issue.sheet, issue.cell or "")].append(issue)
            flags.by_row[(issue.sheet, where[0])].append((where[1], issue))
        return flags

    def at(self, sheet: str, cell: str | None) -> list[Issue]:
        return self.by_cell.get((sheet, cell or ""), [])

    def worst_at(self, sheet: str, cell: str | None) -> Severity | None:
        return worst(self.at(sheet, cell))

    def of_record(self, table: Table, record: Record) -> list[Issue]:
        """Issues on the record's row within its table's columns, or at one of its cells
        (a sasaran merged over several rows is flagged on each of them)."""
        found = [
            issue
            for col, issue in self.by_row.get((record.sheet, record.row), [])
            if table.first_col <= col <= table.last_col
        ]
        for cell in dict.fromkeys(record.cells.values()):
            if _row_col(cell) and _row_col(cell)[0] != record.row:  # type: ignore[index]
                found.extend(self.at(record.sheet, cell))
        return list(dict.fromkeys(found))

    def of_table(self, table: Table) -> list[Issue]:
        """Issues inside the table's columns on its sheet, and those of the sheet as a whole."""
        found = []
        for issue in self.by_sheet.get(table.sheet, []):
            where = _row_col(issue.cell)
            if where is None or table.first_col <= where[1] <= table.last_col:
                found.append(issue)
        return found


def worst(issues: list[Issue]) -> Severity | None:
    if any(issue.severity == "error" for issue in issues):
        return "error"
    return "warning" if issues else None


def code_counts(issues: list[Issue], severity: Severity | None = None) -> Counter[str]:
    """How many issues of each code (of one severity, or all), most frequent first."""
    return Counter(i.code for i in issues if severity is None or i.severity == severity)
