"""Rules that look across rows or tables, one small generator each.

Row-by-row rules live in `schemas/` (pandera); these need a whole table or a whole file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..knowledge.kinds import TableKind
from ..layouts.normalise import format_rupiah
from ..model.issues import Issue, declare
from ..model.records import FileReport, Record, Table
from ..model.values import Amount, Target
from ..reading.grid import column_letter
from .matching import indicator_key, match_names

TABLE_EMPTY = declare(
    "table-empty",
    "warning",
    when="a table with a header and no data rows (e.g. an untouched template)",
    raised_by="table_empty",
    id="Tabel {kind} di lembar '{sheet}' memiliki judul kolom tetapi belum ada baris data.",
    en="The {kind} table on sheet '{sheet}' has a header but no data rows.",
    short_id="tabel kosong",
    short_en="empty table",
)


def table_empty(report: FileReport) -> Iterator[Issue]:
    for table in report.tables:
        if not table.records:
            cell = f"{column_letter(table.first_col)}{table.header_row}"
            yield Issue.make("table-empty", table.sheet, cell, None, kind=table.kind)


DUPLICATE_INDICATOR = declare(
    "duplicate-indicator",
    "warning",
    when="the same indicator twice in one table",
    raised_by="duplicate_indicators",
    id='Indikator "{indicator}" tertulis dua kali dalam tabel ini (pertama di {first}).',
    en='Indicator "{indicator}" appears twice in this table (first at {first}).',
    short_id="indikator ganda",
    short_en="duplicate indicator",
)


def duplicate_indicators(report: FileReport) -> Iterator[Issue]:
    for table in report.tables:
        if table.kind == TableKind.ANGGARAN:
            continue
        first_seen: dict[tuple[str | None, str], str] = {}
        for record in table.records:
            text = record.get("indikator")
            if not text:
                continue
            # IKU indicators repeat legitimately under different programs
            key = (
                record.get("kode_program") if table.kind == TableKind.IKU else None,
                indicator_key(text),
            )
            cell = record.cell_of("indikator")
            if key in first_seen:
                yield Issue.make(
                    "duplicate-indicator",
                    table.sheet,
                    cell,
                    text,
                    indicator=text,
                    first=first_seen[key],
                )
            else:
                first_seen[key] = cell


BUDGET_TOTAL_MISMATCH = declare(
    "budget-total-mismatch",
    "error",
    when="a declared total (JUMLAH/TOTAL or Sub Jumlah row) that differs from the sum of the lines",
    raised_by="budget_totals",
    id="Baris JUMLAH menyatakan {value}, tetapi jumlah rincian adalah {expected} (selisih "
    "{difference}){uncounted}.",
    en="The total row declares {value}, but the lines add up to {expected} (difference "
    "{difference}){uncounted}.",
    short_id="JUMLAH tidak cocok",
    short_en="total mismatch",
)


def budget_totals(report: FileReport) -> Iterator[Issue]:
    """The JUMLAH row against all the lines, and each "Sub Jumlah" against the lines it adds
    up (a wrong subtotal misleads whoever reads the office's printout)."""
    for table in report.tables_of(TableKind.ANGGARAN):
        declared = [(s.amount, s.cell, s.first, s.end) for s in table.subtotals]
        if table.declared_total is not None:
            cell = table.declared_total_cell or ""
            declared.append((table.declared_total, cell, 0, len(table.records)))
        for amount, cell, first, end in declared:
            lines, uncounted = table.lines_total(first, end), table.lines_uncounted(first, end)
            yield from _declared_total(table, amount, cell, lines, uncounted)
        for parent, kids in table.unreconciled:  # a KRO whose amount is not its RO's sum
            line = table.records[parent]
            amounts = [table.records[k].amount for k in kids]
            lines = sum(a.value for a in amounts if a is not None and a.countable and a.value)
            uncounted = sum(1 for a in amounts if a is None or not a.countable)
            cell = line.cell_of("anggaran")
            yield from _declared_total(table, line.amount, cell, lines, uncounted)


def _declared_total(
    table: Table, declared: Amount | None, cell: str, lines: int, uncounted: int
) -> Iterator[Issue]:
    """`lines`: the sum of the lines that can be added up (the one sum every output shows);
    `uncounted`: the lines that cannot, said beside it."""
    if declared is None:
        return
    if declared.problem == "formula-no-value":
        yield Issue.make("formula-no-value", table.sheet, cell, declared.text)
    elif declared.value is None:
        yield Issue.make(
            "budget-unparseable", table.sheet, cell, declared.text, why=declared.problem or "empty"
        )
    elif declared.value != lines:
        yield Issue.make(
            "budget-total-mismatch",
            table.sheet,
            cell,
            format_rupiah(declared.value),
            expected=format_rupiah(lines),
            difference=format_rupiah(declared.value - lines),
            uncounted=uncounted,
        )


BUDGET_PROGRAM_UNMATCHED = declare(
    "budget-program-unmatched",
    "warning",
    when="a secretariat sasaran kegiatan with no matching budget program, or the reverse",
    raised_by="budget_program_unmatched",
    id='{side} "{value}" tidak memiliki pasangan {other}.',
    en='{side} "{value}" has no matching {other}.',
    short_id="program tanpa pasangan",
    short_en="unmatched program",
)


def budget_program_unmatched(report: FileReport) -> Iterator[Issue]:
    """Each secretariat sasaran kegiatan should have its budget program, and the reverse."""
    sekretariat = report.tables_of(TableKind.RKT_SEKRETARIAT)
    anggaran = report.tables_of(TableKind.ANGGARAN)
    if not sekretariat or not anggaran:
        return
    sasaran = _distinct(
        (r.get("sasaran"), r.sheet, r.cell_of("sasaran")) for t in sekretariat for r in t.records
    )
    programs = _distinct(
        (r.get("program"), r.sheet, r.cell_of("program"))
        for t in anggaran
        for r in t.records
        if not r.detail  # a kegiatan inside a program is not a program of its own
    )
    pairs = match_names([s[0] for s in sasaran], [p[0] for p in programs])
    matched_left, matched_right = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, (text, sheet, cell) in enumerate(sasaran):
        if i not in matched_left:
            yield Issue.make("budget-program-unmatched", sheet, cell, text, side="sasaran")
    for j, (text, sheet, cell) in enumerate(programs):
        if j not in matched_right:
            yield Issue.make("budget-program-unmatched", sheet, cell, text, side="program")


def _distinct(items) -> list[tuple[str, str, str]]:
    seen: dict[str, tuple[str, str, str]] = {}
    for text, sheet, cell in items:
        if text and text not in seen:
            seen[text] = (text, sheet, cell)
    return list(seen.values())


FILE_RULES: tuple[Callable[[FileReport], Iterator[Issue]], ...] = (
    table_empty,
    duplicate_indicators,
    budget_totals,
    budget_program_unmatched,
)


def apply_file_rules(report: FileReport) -> None:
    for rule in FILE_RULES:
        report.issues.extend(rule(report))


# --- across files: one office's documents must agree -------------------------------------

# the documents whose targets are the year's, in the order the cycle fixes them: the first
# one found is the one the others are compared with
COMPARED_DOCUMENTS = ("RKT", "PK", "Renstra", "IKU", "Rencana Aksi", "LKj", "Renja")


TARGET_INCONSISTENT = declare(
    "target-inconsistent",
    "warning",
    when="the same office's same indicator has different targets in two documents of the same "
    "year (RKT, PK, IKU matrix, LKj)",
    raised_by="targets_inconsistent",
    id='Target "{indicator}" di sini {value}, tetapi di {other_document} ({other_place}) '
    "{other_value}: satu satker, satu tahun, satu target.",
    en='The target of "{indicator}" here is {value}, but in the {other_document} '
    "({other_place}) it is {other_value}: one office, one year, one target.",
    short_id="target berbeda antar dokumen",
    short_en="target differs between documents",
)


def targets_inconsistent(reports: list[FileReport]) -> Iterator[tuple[FileReport, Issue]]:
    """The same office's same indicator with a different target in two documents of the same
    year (RKT, PK, a Renstra or IKU matrix for that year, Rencana Aksi, LKj): a warning on the
    later document, naming the earlier one's file, sheet and cell."""
    from pathlib import Path

    places: dict[tuple[str, int, str], list[tuple[int, FileReport, Table, Record, Target]]] = {}
    for report in reports:
        if not report.readable or not report.office:
            continue
        for table in report.tables:
            year = report.year_of(table)
            if (
                not year
                or table.document not in COMPARED_DOCUMENTS
                or table.kind == TableKind.ANGGARAN
            ):
                continue
            order = COMPARED_DOCUMENTS.index(table.document)
            for record in table.records:
                target = _target_for_year(record, table, year)
                if target is None or target.problem or not record.get("indikator"):
                    continue
                key = (report.office, year, indicator_key(record.get("indikator")))
                places.setdefault(key, []).append((order, report, table, record, target))
    for found in places.values():
        found.sort(key=lambda place: (place[0], place[1].path, place[3].row))
        _first_order, first_report, first_table, first_record, first_target = found[0]
        for _order, report, table, record, target in found[1:]:
            if table.document == first_table.document or _same(target, first_target):
                continue
            where = f"{Path(first_report.path).name}, {first_record.sheet}!{first_record.cell_of('target')}"
            yield (
                report,
                Issue.make(
                    "target-inconsistent",
                    record.sheet,
                    record.cell_of("target"),
                    target.text,
                    indicator=record.get("indikator"),
                    other_document=first_table.document,
                    other_place=where,
                    other_value=first_target.text,
                ),
            )


def _target_for_year(record: Record, table: Table, year: int) -> Target | None:
    """A matrix of plan years is compared by the year's column; any other table by its target."""
    years = [label for label in table.periods.values() if label.isdigit()]
    if years:
        found = record.periods.get(str(year))
        return found if isinstance(found, Target) else None
    return record.target


def _same(a: Target, b: Target) -> bool:
    if a.value is not None and b.value is not None:
        if isinstance(a.value, int | float) and isinstance(b.value, int | float):
            return abs(float(a.value) - float(b.value)) < 1e-9 and (
                a.unit == b.unit or "angka" in (a.unit, b.unit)
            )
        return a.value == b.value
    return a.text.strip().lower() == b.text.strip().lower()
