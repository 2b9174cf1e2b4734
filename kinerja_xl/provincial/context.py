"""What every sheet of the provincial workbook is written with: the workbook, its styles, the
consolidation, the language, the printed page, and how a row shows its problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..checking.flags import worst
from ..model.issues import Issue, short
from ..model.records import FileReport, Record, Table
from ..outputs.links import cell_link
from ..outputs.printing import PageInfo
from ..outputs.xlsx_out import Column, Link, Styles, write_table
from ..words.messages import heading, say, sheet_name, word
from .comparisons import Recap, budget_recap
from .consolidation import Consolidation, Provenance

# Sel opens the office's file at the cell. Excel allows 65,530 links per sheet, and each one
# costs Excel and the writer dearly, so a national merge gets plain references instead.
MAX_LINKS = 10_000


@dataclass
class Context:
    book: Any
    styles: Styles
    result: Consolidation
    lang: str
    page: PageInfo
    base: Path  # the output's folder: links to the offices' files are relative to it
    _recap: Recap | None = None

    def say(self, key: str, **fields: Any) -> str:
        return say(key, self.lang, **fields)

    def word(self, key: str) -> str:
        return word(key, self.lang)

    def sheet_name(self, name: str) -> str:
        """A sheet's name in the workbook's language ('Ringkasan' or 'Summary')."""
        return sheet_name(name, self.lang)

    def write(
        self,
        name: str,
        columns: list[Column],
        rows: list[list[Any]],
        row_styles: Sequence[Sequence[str | None]] | None = None,
        key_columns: int = 1,
        **options: Any,
    ) -> Any:
        """A data sheet named by its contract name, with the contract's column titles: both in
        Bahasa Indonesia under --lang id, in English under --lang en."""
        titled = [replace(column, title=heading(column.title, self.lang)) for column in columns]
        return write_table(
            self.book,
            self.styles,
            self.sheet_name(name),
            titled,
            rows,
            row_styles,
            self.page,
            key_columns,
            **options,
        )

    @property
    def recap(self) -> Recap:
        if self._recap is None:
            self._recap = budget_recap(self.result)
        return self._recap

    def source(self, where: Provenance, linked: bool) -> list[Any]:
        """Berkas, Lembar and Sel of a data row: where in which office's file it came from."""
        return [where.berkas, where.lembar, self.sel(where, linked)]

    def sel(self, where: Provenance, linked: bool) -> Any:
        """The Sel cell: a link that opens the office's file at that cell, or the reference
        where no safe link can be made (outputs/links.py)."""
        if not linked or not where.sel:
            return where.sel
        link = cell_link(where.lembar, where.sel, where.path, self.base)
        return Link(where.sel, link.for_xlsxwriter()) if link else where.sel


@dataclass
class RowProblems:
    """What a data row shows of its problems: a status, short labels, and a fill per column."""

    status: str
    labels: str | None
    fills: list[str | None]
    cell: str | None = None  # the wrong value's cell (of the worst issue), where Sel points

    @property
    def cells(self) -> list[Any]:
        """The Status and Masalah cells."""
        return [self.status, self.labels]

    def at(self, where: Provenance) -> Provenance:
        """`where`, pointing at the wrong value's cell when the row has one."""
        return replace(where, sel=self.cell) if self.cell else where


def row_problems(
    ctx: Context,
    report: FileReport,
    table: Table,
    record: Record,
    field_columns: dict[str, int],
    width: int,
    status_column: int,
) -> RowProblems:
    """The record's issues laid on the output row: the flagged field's column gets the fill of
    its worst issue, the status column the row's worst."""
    issues = ctx.result.flags(report).of_record(table, record)
    fills: list[str | None] = [None] * width
    for issue in issues:
        column = _column_of(issue, record, field_columns)
        if column is not None and fills[column] != "error":
            fills[column] = issue.severity
    severity = worst(issues)
    fills[status_column] = severity  # a clean row stays plain: problems stand out
    status = ctx.say(f"row-{severity}" if severity else "row-ok")
    labels = "; ".join(dict.fromkeys(short(i.code, ctx.lang) for i in issues)) or None
    own_cells = set(record.cells.values())
    flagged = [i for i in issues if i.cell in own_cells]
    cell = min(flagged, key=lambda i: i.severity != "error").cell if flagged else None
    return RowProblems(status, labels, fills, cell)


def _column_of(issue: Issue, record: Record, field_columns: dict[str, int]) -> int | None:
    for field_name, column in field_columns.items():
        if record.cells.get(field_name) == issue.cell:
            return column
    return None


def status_index(columns: list[Column]) -> int:
    """Where a sheet's Status column is (its Masalah column follows)."""
    return next(i for i, column in enumerate(columns) if column.title == "Status")
