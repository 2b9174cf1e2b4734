"""Ringkasan (one row per input file) and Status Kiriman (the 13 offices × their documents),
the two sheets a provincial officer reads first.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..checking.flags import code_counts
from ..knowledge.kinds import TableKind
from ..layouts.documents import DOCUMENTS, KIND_NAMES, LEVELS, table_label
from ..layouts.normalise import format_rupiah
from ..model.issues import short
from ..model.records import FileReport
from ..outputs.xlsx_out import Column
from ..words.messages import heading
from .across import total_words
from .comparisons import FileBudget, file_budget
from .consolidation import (
    Consolidation,
    DocumentState,
    OfficeSubmission,
    owed_documents,
    submissions,
    submitted_as,
)
from .context import Context

SUMMARY_COLUMNS = [
    Column("No", 4, "int"),
    Column("Berkas", 28, "wrap"),
    Column("Satker", 20, "wrap"),
    Column("Kode", 6),
    Column("Tahun", 6, "int"),
    Column("Dokumen", 15, "wrap"),
    # the indicators of the documents named in Dokumen (an RKT's, a PK's, an LKj's …)
    Column("Indikator Kinerja", 9, "int"),
    Column("Indikator IKU", 9, "int"),
    Column("Baris Anggaran", 9, "int"),
    Column("Total Anggaran", 17, "rupiah"),
    Column("JUMLAH Berkas", 17, "rupiah"),  # the office's own total row, beside its lines
    Column("Kesalahan", 10, "int"),
    Column("Peringatan", 10, "int"),
    Column("Status", 12, "wrap"),
    Column("Keterangan", 40, "wrap"),
]
COUNTED = (6, 7, 8, 11, 12)  # columns the total row adds up
STATUS_FILL = {
    "ready": "ok",
    "fix": "error",
    "unreadable": "error",
    "superseded": "warning",
    "not-a-plan": "missing",
}


def write_ringkasan(ctx: Context) -> int:
    rows, row_styles = [], []
    statuses: Counter[str] = Counter()
    for number, report in enumerate(ctx.result.reports, start=1):
        status, notes = file_status(ctx, report)
        statuses[status] += 1
        budget = file_budget(ctx.result, report)
        total, total_style = _budget_cell(ctx, budget, report)
        if budget.invalid:
            notes.append(ctx.say("note-budget-incomplete", count=budget.invalid))
        if budget.disagrees:
            declared = format_rupiah(budget.declared) if budget.declared is not None else "?"
            notes.append(ctx.say("note-budget-disagrees", declared=declared))
        counts: list[Any] = [
            sum(t.rows for t in report.tables_of(TableKind.RKT, TableKind.RKT_SEKRETARIAT)),
            sum(t.rows for t in report.tables_of(TableKind.IKU)),
            sum(t.rows for t in report.tables_of(TableKind.ANGGARAN)),
        ]
        rows.append(
            [
                number,
                ctx.result.berkas(report),
                report.office,
                report.office_code,
                ctx.result.year_of(report),
                documents_of(report),
                *(counts if report.readable else [UNKNOWN] * 3),  # nothing read is not 0
                total,
                budget.declared,
                report.errors,
                report.warnings,
                ctx.say(f"status-{status}"),
                sentences(notes),
            ]
        )
        marks: list[str | None] = [None] * len(SUMMARY_COLUMNS)
        marks[9], marks[13] = total_style, STATUS_FILL[status]
        if budget.disagrees:
            marks[10] = "error"
        if not report.readable:
            marks[6] = marks[7] = marks[8] = "muted"
        row_styles.append(marks)
    files = len(rows)
    total_row, total_marks = _total_row(ctx, rows, statuses)
    rows += [[None] * len(SUMMARY_COLUMNS), total_row]
    row_styles += [[None] * len(SUMMARY_COLUMNS), total_marks]
    ctx.write(
        "Ringkasan",
        SUMMARY_COLUMNS,
        rows,
        row_styles,
        2,
        filter_rows=files,
    )
    return files


UNKNOWN = "—"


def _total_row(
    ctx: Context, rows: list[list[Any]], statuses: Counter[str]
) -> tuple[list[Any], list[str | None]]:
    """Under the files, after a blank row: the counts added up, the province's budget as
    Rekap Anggaran adds it (one document per office), and how many files are in each state."""
    row: list[Any] = [None] * len(SUMMARY_COLUMNS)
    marks: list[str | None] = ["bold"] * len(SUMMARY_COLUMNS)
    row[1] = ctx.say("total-files", count=len(rows))
    for column in COUNTED:
        row[column] = sum(r[column] for r in rows if isinstance(r[column], int))
        marks[column] = "int-bold"
    budget = ctx.recap.grand_budget
    if budget.state == "ok":
        row[9], marks[9] = budget.total, "rupiah-bold"
    else:
        row[9], marks[9] = total_words(ctx, budget), "wrap+error+bold"
    states = [f"{statuses[s]} {ctx.say(f'status-{s}').lower()}" for s in STATUS_FILL if statuses[s]]
    row[14] = sentences([", ".join(states), ctx.say("note-total-budget")])
    marks[14] = "note"
    return row, marks


def sentences(notes: list[str]) -> str | None:
    return " ".join(n if n.endswith((".", "!", "?")) else n + "." for n in notes) or None


def documents_of(report: FileReport) -> str:
    return ", ".join(dict.fromkeys(table_label(t) for t in report.tables))


def _budget_cell(ctx: Context, budget: FileBudget, report: FileReport) -> tuple[Any, str | None]:
    """'no budget sent' is words; an incomplete total says so in its own number format."""
    if budget.state == "none":
        return (ctx.say("no-budget") if report.readable else UNKNOWN), "muted"
    if budget.state == "ok":
        return budget.total, None
    return total_words(ctx, budget), "wrap+error"


def file_status(ctx: Context, report: FileReport) -> tuple[str, list[str]]:
    """The file's status and what Keterangan says of it: why it needs fixing, which year it
    holds when another was asked, what replaced it."""
    result, notes = ctx.result, []
    if not report.readable:
        return "unreadable", [report.issues[0].message(ctx.lang)]
    if not report.tables and {i.code for i in report.issues} <= {"table-not-found"}:
        return "not-a-plan", [ctx.say("note-not-a-plan")]  # a cover letter, a list …
    if report.via:  # an office's rows as a provincial workbook brought them (national roll-up)
        notes.append(ctx.say("note-via", workbook=Path(report.via).name))
    if result.year and report.year and report.year != result.year:
        notes.append(ctx.say("note-year", found=report.year, asked=result.year))
    if report.office_in_name:
        notes.append(
            ctx.say("note-office-in-name", office=report.office, named=report.office_in_name)
        )
    superseded = result.superseded.get(id(report), [])
    if superseded:
        kinds = ", ".join(heading(KIND_NAMES[kind], ctx.lang) for kind, _ in superseded)
        kept = ", ".join(sorted({Path(p).name for _, p in superseded}))
        notes.append(ctx.say("note-superseded", kinds=kinds, kept=kept))
        if not result.used(report):
            return "superseded", notes
    if report.errors:
        notes.append(
            ctx.say("note-errors", count=report.errors, codes=_codes(ctx, report, "error"))
        )
    elif report.warnings:
        notes.append(
            ctx.say("note-warnings", count=report.warnings, codes=_codes(ctx, report, "warning"))
        )
    return ("fix" if report.errors else "ready"), notes


def _codes(ctx: Context, report: FileReport, severity: str) -> str:
    counts = code_counts(report.issues, severity)  # type: ignore[arg-type]
    return ", ".join(f"{short(code, ctx.lang)} ({n})" for code, n in counts.most_common())


# --- Status Kiriman -----------------------------------------------------------------------

STATE_FILL = {"ready": "ok", "fix": "error", "unreadable": "error", "missing": "missing"}


def status_columns(result: Consolidation) -> list[Column]:
    """Kode, Satker, one column per document the province collects (schemas/kiriman.yaml)."""
    return [
        Column("Kode", 6),
        Column("Satker", 28, "wrap"),
        *(Column(document, 14, "wrap") for document in owed_documents(result)),
        Column("Berkas", 34, "wrap"),
        Column("Keterangan", 46, "wrap"),
    ]


def write_status(ctx: Context) -> int:
    """Which office sent what, and in what state: one row per office, one column per document,
    and under it the counts that prove nothing was lost. An office of another province, and a
    sender the registry does not know, are listed after the province's own and said so."""
    columns = status_columns(ctx.result)
    rows, row_styles = [], []
    for office in submissions(ctx.result):
        values: list[Any] = [office.code, office.label]
        marks: list[str | None] = [None, None]
        notes = _not_the_provinces(ctx, office)
        for document, state in office.documents.items():
            values.append(state_words(ctx, document, state))
            marks.append("warning" if state.instead else STATE_FILL[state.state])
            if state.codes:
                why = ", ".join(f"{short(c, ctx.lang)} ({n})" for c, n in state.codes.most_common())
                notes.append(
                    ctx.say("note-document", document=heading(document, ctx.lang), what=why)
                )
        notes.extend(_other_documents(ctx, office.reports))
        for report in office.reports:  # what stops a file from counting at all
            whole_file = [i for i in report.issues if i.sheet is None and i.severity == "error"]
            notes.extend(f"{ctx.result.berkas(report)}: {i.message(ctx.lang)}" for i in whole_file)
        files = [ctx.result.berkas(r) for r in office.reports]
        values += ["\n".join(files) or None, "; ".join(notes) or None]
        marks += [None, None]
        rows.append(values)
        row_styles.append(marks)
    matrix = len(rows)
    rows.append([None] * len(columns))
    row_styles.append([None] * len(columns))
    count_rows, count_styles = _count_block(ctx, len(columns))
    ctx.write(
        STATUS_SHEET,
        columns,
        rows + count_rows,
        row_styles + count_styles,
        key_columns=2,
        filter_rows=matrix,
    )
    return matrix


STATUS_SHEET = "Status Kiriman"


def state_words(ctx: Context, document: str, state: DocumentState) -> str:
    """'Siap', 'Belum mengirim' — or, where another document came instead, what it was:
    'PK (bukan RKT)', 'Anggaran dalam PK'."""
    if not state.instead:
        return ctx.say(f"status-{state.state}")
    documents = ", ".join(state.instead)
    kind = DOCUMENTS.get(document)
    if kind is None or kind in LEVELS:
        return ctx.say("status-instead", documents=documents)
    return ctx.say("status-inside", what=ctx.word(f"kind-{kind}"), documents=documents)


def _not_the_provinces(ctx: Context, office: OfficeSubmission) -> list[str]:
    """Why an office is listed apart: another province's, or not a KPU office of the registry."""
    if office.expected:
        return []
    if office.province:
        return [ctx.say("note-other-province", province=ctx.result.province, other=office.province)]
    return [ctx.say("unknown-office")]


def _other_documents(ctx: Context, reports: list[FileReport]) -> list[str]:
    """What is wrong in the office's other documents of the cycle (a PK, an LKj …), which
    have no column of their own: 'LKj KPU: target berbeda antar dokumen (1)'."""
    codes: dict[str, Counter[str]] = {}
    documents = list(ctx.result.registry.documents.values())
    owed = owed_documents(ctx.result)
    for report in reports:
        for table in ctx.result.used(report):
            if submitted_as(table, documents) not in owed:
                found = Counter(i.code for i in ctx.result.flags(report).of_table(table))
                codes.setdefault(table_label(table), Counter()).update(found)
    return [
        ctx.say(
            "note-document",
            document=document,
            what=", ".join(f"{short(c, ctx.lang)} ({n})" for c, n in counted.most_common()),
        )
        for document, counted in codes.items()
        if counted
    ]


def _count_block(ctx: Context, width: int) -> tuple[list[list[Any]], list[list[str | None]]]:
    """read = written + set aside, per kind of row, under the office table."""
    titles = ["count-title", "count-read", "count-written", "count-set-aside"]
    header: list[Any] = [None, *(ctx.say(t) for t in titles)]
    rows = [header + [None] * (width - len(header))]
    styles: list[list[str | None]] = [[None] + ["header"] * 4 + [None] * (width - 5)]
    for key, entry in ctx.result.counts().items():
        row: list[Any] = [
            None,
            ctx.result.count_label(key, ctx.lang),
            entry["read"],
            entry["written"],
            entry["set_aside"],
        ]
        rows.append(row + [None] * (width - len(row)))
        styles.append([None, "wrap-bold", "int", "int", "int"] + [None] * (width - 5))
    return rows, styles


def offices_summary(result: Consolidation) -> dict[str, int]:
    """How many of the province's offices are ready, need fixing, or have not sent everything;
    and how many senders are not its offices (`other`)."""
    counts = {"offices": 0, "ready": 0, "fix": 0, "missing": 0, "other": 0, "unknown": 0}
    for office in submissions(result):
        states = {s.state for s in office.documents.values()}
        if result.provinces and not office.expected:
            counts["other" if office.province else "unknown"] += 1
            continue
        counts["offices"] += 1
        if "fix" in states or "unreadable" in states:
            counts["fix"] += 1
        elif "missing" in states:
            counts["missing"] += 1
        else:
            counts["ready"] += 1
    return counts
