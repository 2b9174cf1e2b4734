"""Tables and records: every value keeps the sheet and A1 cell it was read from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..knowledge.kinds import TableKind
from ..reading.discover import display_name
from .issues import Issue, count
from .values import Amount, Target

TEXT_FIELDS = {
    "rkt": ("tujuan", "sasaran", "indikator", "satuan"),
    "rkt-sekretariat": ("tujuan", "sasaran", "indikator", "satuan"),
    "anggaran": ("kelompok", "kode", "program"),
    "iku": ("program", "kode_program", "indikator", "cara", "sumber", "satuan"),
}


@dataclass
class Record:
    """One data row of a table: an indicator, a budget line, an IKU row. Every value keeps
    its cell (`cells`, `cell_of`); `target`, `amount`, `realisasi`, `capaian` are read values."""

    sheet: str
    row: int
    first_cell: str  # the first cell of this row's table span: where row-level issues point
    values: dict[str, str | None] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)  # field -> A1 reference
    target: Target | None = None
    amount: Amount | None = None
    extras: dict[str, str] = field(default_factory=dict)
    number: str | None = None  # the office's own numbering ("1.", "2")
    detail: bool = False  # a budget line inside a program whose amount already counts it
    unit_name: str | None = None  # the target's unit, named the same way for every office
    # what a report (LKj) adds to a plan: the result, the achievement stated and computed
    realisasi: Target | None = None
    capaian: Target | None = None
    capaian_dihitung: float | None = None
    # how capaian_dihitung was computed: the formula and the exact target and realisasi it used
    # (a realisasi that reads "0,2%" may hold 0,15 %: the output says which precision counted)
    capaian_inputs: tuple[str, float, float] | None = None
    direction: str | None = None  # "higher" or "lower" is better (schemas/units.yaml)
    # "TW I"/"2025" -> the target (a budget line's: the amount) of that period
    periods: dict[str, Target | Amount | None] = field(default_factory=dict)
    # the realisasi of each quarter of the year ("Realisasi pada Triwulan I … IV"): "TW I" -> it
    realisasi_periods: dict[str, Target | None] = field(default_factory=dict)

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def cell_of(self, name: str) -> str:
        return self.cells.get(name, self.first_cell)

    def to_dict(self, kind: str, results: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"row": self.row, "no": self.number}
        for name in TEXT_FIELDS[kind]:
            data[name] = self.values.get(name)
        if kind in (TableKind.RKT, TableKind.RKT_SEKRETARIAT) or (
            kind == TableKind.IKU and self.target
        ):
            data["target"] = self.target.to_dict() if self.target else None
        if results:
            data["realisasi"] = self.realisasi.to_dict() if self.realisasi else None
            data["capaian"] = self.capaian.to_dict() if self.capaian else None
            data["capaian_dihitung"] = self.capaian_dihitung
        if self.periods:
            data["periods"] = {k: t.to_dict() if t else None for k, t in self.periods.items()}
        if self.realisasi_periods:
            data["realisasi_periods"] = {
                k: t.to_dict() if t else None for k, t in self.realisasi_periods.items()
            }
        if kind == TableKind.ANGGARAN:
            data["anggaran"] = (
                {"text": self.amount.text, "value": self.amount.value} if self.amount else None
            )
        if self.detail:
            data["detail"] = True
        if self.extras:
            data["extras"] = dict(self.extras)
        data["cells"] = dict(self.cells)
        return data


@dataclass
class Subtotal:
    """A budget's "Sub Jumlah" row: what it declares, where, and the lines it adds up
    (`table.records[first:end]`: those since its group's heading or the subtotal before)."""

    amount: Amount | None
    cell: str
    first: int
    end: int


@dataclass
class Table:
    """One table of a sheet: its `kind` (`TableKind`), `document` (RKT, PK, LKj …), header row,
    columns by role, and its `records`; `row_kinds` accounts for every source row."""

    sheet: str
    kind: str
    header_row: int
    columns: dict[str, int]  # role -> 1-based column
    first_col: int
    last_col: int
    extra_columns: dict[int, str] = field(default_factory=dict)  # column -> header text
    records: list[Record] = field(default_factory=list)
    declared_total: Amount | None = None
    declared_total_cell: str | None = None
    subtotals: list[Subtotal] = field(default_factory=list)
    # budget lines whose amount is not the sum of the lines coded under them: (line, its lines)
    unreconciled: list[tuple[int, list[int]]] = field(default_factory=list)
    row_kinds: Counter[str] = field(default_factory=Counter)  # how every source row was used
    amount_scale: int = 1  # 1000 when the budget column is headed "(Rp 000)", and so on
    periods: dict[int, str] = field(default_factory=dict)  # column -> "TW I" … / "2025" …
    result_periods: dict[int, str] = field(default_factory=dict)  # column -> "TW I" (realisasi)
    # the columns of a plan's budget beside it (a Renstra's Program and Alokasi): not the plan's
    side_columns: set[int] = field(default_factory=set)
    target_percent: bool = False  # "Target %": a bare number is a percentage
    sasaran_in_indicator: bool = False  # "Sasaran / Indikator": a sasaran heads its indicators
    document: str | None = None  # RKT, PK, IKU, Renstra, Renja, Rencana Aksi, LKj, DIPA
    # the sheet's own year where it is not the file's: one workbook with an "RKT 2024" and an
    # "RKT 2025" sheet holds two years' plans (None: the file's year)
    year: int | None = None

    @property
    def reports_results(self) -> bool:
        """A table with a Realisasi or a Capaian column: a report (LKj), not only a plan."""
        return "realisasi" in self.columns or "capaian" in self.columns

    @property
    def rows(self) -> int:
        return len(self.records)

    @property
    def total(self) -> int | None:
        """Sum of the budget lines that can be added up, in whole rupiah (anggaran tables
        only); `lines_not_counted` says how many could not be."""
        if self.kind != TableKind.ANGGARAN:
            return None
        return self.lines_total(0, len(self.records))

    @property
    def lines_not_counted(self) -> int:
        """Budget lines left out of `total`: no amount, an unreadable or negative one, a
        formula without a value."""
        return self.lines_uncounted(0, len(self.records))

    def lines_total(self, first: int, end: int) -> int:
        """Sum of the budget lines `records[first:end]` that can be added up (a kegiatan its
        program counts is not counted again)."""
        return sum(
            r.amount.value  # type: ignore[misc]
            for r in self.records[first:end]
            if not r.detail and r.amount is not None and r.amount.countable
        )

    def lines_uncounted(self, first: int, end: int) -> int:
        """How many of the lines `records[first:end]` `lines_total` could not add up."""
        return sum(
            1
            for r in self.records[first:end]
            if not r.detail and (r.amount is None or not r.amount.countable)
        )

    def summary(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sheet": self.sheet,
            "kind": self.kind,
            "document": self.document,
            "rows": self.rows,
            "header_row": self.header_row,
        }
        if self.periods:
            data["periods"] = list(dict.fromkeys(self.periods.values()))
        if self.year is not None:
            data["year"] = self.year
        if self.kind == TableKind.ANGGARAN:
            data["total"] = self.total  # the lines that can be added up
            data["total_complete"] = self.lines_not_counted == 0
            data["lines_not_counted"] = self.lines_not_counted
            if self.declared_total is not None:
                data["declared_total"] = self.declared_total.value
            if self.amount_scale != 1:
                data["amount_scale"] = self.amount_scale
        return data


@dataclass
class FileReport:
    """Everything known about one input file: what was read and what is wrong with it."""

    path: str
    readable: bool = True
    office: str | None = None
    office_code: str | None = None
    year: int | None = None
    file_format: str | None = None
    tables: list[Table] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    modified: float = 0.0
    document: str | None = None  # the workbook's document (its first table's, or its title's)
    # another office named by the file name than by the titles (a template copied from another
    # office, its title left unchanged): said, and never a duplicate of that office's own file
    office_in_name: str | None = None
    # the offices a shared name may be ('KPU Banjar'), when nothing written decides: a
    # consolidation for one of their provinces decides (provincial/consolidation.py)
    office_candidates: tuple[str, ...] = ()
    # a provincial workbook of ours, read back for the national roll-up: the office files whose
    # rows it holds (`parts`), each knowing the workbook it came through (`via`) and its province
    parts: list[FileReport] = field(default_factory=list)
    via: str | None = None
    province: str | None = None

    @property
    def errors(self) -> int:
        return count(self.issues, "error")

    @property
    def warnings(self) -> int:
        return count(self.issues, "warning")

    def tables_of(self, *kinds: str) -> list[Table]:
        return [t for t in self.tables if t.kind in kinds]

    def year_of(self, table: Table) -> int | None:
        """The year of a table of this file: the sheet's own, else the file's."""
        return table.year or self.year

    def to_dict(self, lang: str = "id", records: bool = False) -> dict[str, Any]:
        tables = []
        for table in self.tables:
            summary = table.summary()
            if records:
                summary["records"] = [
                    r.to_dict(table.kind, table.reports_results) for r in table.records
                ]
                summary["row_accounting"] = dict(sorted(table.row_kinds.items()))
            tables.append(summary)
        return {
            "path": display_name(self.path),
            "readable": self.readable,
            "office": self.office,
            "office_code": self.office_code,
            "year": self.year,
            "document": self.document,
            **({"via": display_name(self.via)} if self.via else {}),
            "tables": tables,
            "issues": [issue.to_dict(lang) for issue in self.issues],
        }


def exit_code(reports: list[FileReport]) -> int:
    """The contract's rule, in one place: 2 when a file could not be read at all, 1 when a
    readable file has an error, 0 otherwise (warnings allowed)."""
    if any(not report.readable for report in reports):
        return 2
    return 1 if any(report.errors for report in reports) else 0
