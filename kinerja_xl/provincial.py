"""The provincial workbook, written with xlsxwriter: Ringkasan, RKT, IKU, Anggaran,
Rekap Anggaran, Perbandingan Target, Masalah (sheet names and column titles are the
contract's, in Bahasa Indonesia, whatever --lang says; statuses and messages follow --lang).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .consolidate import (
    KIND_NAMES,
    Consolidation,
    Provenance,
    budget_recap,
    office_label,
    provenance,
    shared_indicators,
    target_key,
)
from .memory import collector_paused
from .normalise import Target
from .records import FileReport
from .write import atomic_output
from .xlsx_out import Column, Link, Styles, new_workbook, write_table

# Sel opens the office's file at the cell. Excel allows 65,530 links per sheet, and each one
# costs Excel and the writer dearly, so a national merge gets plain references instead.
MAX_LINKS = 10_000
STATUS = {
    "ready": {"id": "Siap", "en": "Ready"},
    "fix": {"id": "Perlu perbaikan", "en": "Needs fixing"},
    "unreadable": {"id": "Tidak terbaca", "en": "Unreadable"},
    "superseded": {"id": "Digantikan", "en": "Superseded"},
}
NOTES = {
    "year": {
        "id": "Tahun di berkas {found}, bukan {asked}",
        "en": "The file says {found}, not {asked}",
    },
    "superseded": {
        "id": "{kinds} diganti oleh berkas lebih baru: {kept}",
        "en": "{kinds} replaced by a newer file: {kept}",
    },
}
SEVERITY = {
    "id": {"error": "kesalahan", "warning": "peringatan"},
    "en": {"error": "error", "warning": "warning"},
}


def write_consolidated(result: Consolidation, out: Path, lang: str = "id") -> dict[str, int]:
    """Write the workbook atomically; return the number of data rows written per sheet."""
    written: dict[str, int] = {}
    with collector_paused(), atomic_output(out) as temporary:
        book = new_workbook(str(temporary), streaming=True)
        styles = Styles(book)
        base = out.resolve().parent
        written["Ringkasan"] = _ringkasan(book, styles, result, lang)
        written["RKT"] = _rkt(book, styles, result, base)
        written["IKU"] = _iku(book, styles, result, base)
        written["Anggaran"] = _anggaran(book, styles, result, base)
        written["Rekap Anggaran"] = _rekap(book, styles, result)
        written["Perbandingan Target"] = _perbandingan(book, styles, result)
        written["Masalah"] = _masalah(book, styles, result, lang)
        book.close()
    return written


# --- Ringkasan ----------------------------------------------------------------------------

SUMMARY_COLUMNS = [
    Column("No", 5, "int"),
    Column("Berkas", 40, "wrap"),
    Column("Satker", 30),
    Column("Kode", 7),
    Column("Tahun", 7, "int"),
    Column("Dokumen", 22, "wrap"),
    Column("Indikator RKT", 10, "int"),
    Column("Indikator IKU", 10, "int"),
    Column("Baris Anggaran", 10, "int"),
    Column("Total Anggaran", 20, "rupiah"),
    Column("Kesalahan", 10, "int"),
    Column("Peringatan", 10, "int"),
    Column("Status", 16),
    Column("Keterangan", 60, "wrap"),
]


def _ringkasan(book: Any, styles: Styles, result: Consolidation, lang: str) -> int:
    rows: list[list[Any]] = []
    row_styles: list[list[str | None]] = []
    for number, report in enumerate(result.reports, start=1):
        status, note = _status(result, report, lang)
        rows.append(
            [
                number,
                result.berkas(report),
                report.office,
                report.office_code,
                result.year_of(report),
                _documents(report),
                sum(t.rows for t in report.tables_of("rkt", "rkt-sekretariat")),
                sum(t.rows for t in report.tables_of("iku")),
                sum(t.rows for t in report.tables_of("anggaran")),
                sum(t.total or 0 for t in report.tables_of("anggaran"))
                if report.readable
                else None,
                report.errors,
                report.warnings,
                STATUS[status][lang],
                note,
            ]
        )
        fill = {"ready": "ok", "fix": "error", "unreadable": "error", "superseded": "warning"}[
            status
        ]
        marks: list[str | None] = [None] * len(SUMMARY_COLUMNS)
        marks[12] = fill  # the Status column
        row_styles.append(marks)
    side_columns, side_rows = _side_blocks(result, lang)
    columns = [*SUMMARY_COLUMNS, Column("", 3), *side_columns]
    width = len(SUMMARY_COLUMNS) + 1
    for index in range(max(len(rows), len(side_rows))):
        if index >= len(rows):
            rows.append([None] * len(SUMMARY_COLUMNS))
            row_styles.append([None] * len(SUMMARY_COLUMNS))
        side = side_rows[index] if index < len(side_rows) else [None] * len(side_columns)
        rows[index] = [*rows[index], None, *side]
        row_styles[index] = [*row_styles[index], *([None] * (len(side_columns) + 1))]
    write_table(book, styles, "Ringkasan", columns, rows, row_styles, filter_columns=width - 1)
    return len(rows)


def _documents(report: FileReport) -> str:
    kinds = dict.fromkeys(t.kind for t in report.tables)
    return ", ".join(KIND_NAMES[k] for k in kinds)


def _status(result: Consolidation, report: FileReport, lang: str) -> tuple[str, str | None]:
    if not report.readable:
        return "unreadable", report.issues[0].message(lang)
    superseded = result.superseded.get(id(report), [])
    note = None
    if result.year and report.year and report.year != result.year:
        note = NOTES["year"][lang].format(found=report.year, asked=result.year)
    if superseded:
        kinds = ", ".join(kind for kind, _ in superseded)
        kept = ", ".join(sorted({Path(p).name for _, p in superseded}))
        replaced = NOTES["superseded"][lang].format(kinds=kinds, kept=kept)
        note = f"{note}; {replaced}" if note else replaced
        if not result.used(report):
            return "superseded", note
    return ("fix" if report.errors else "ready"), note


SIDE_TITLES = {
    "missing": {
        "id": ["Satker belum mengirim", "Dokumen belum ada"],
        "en": ["Office not yet sent", "Missing documents"],
    },
    "counts": {
        "id": ["Jumlah", "Dibaca", "Ditulis", "Disisihkan (duplikat)"],
        "en": ["Count", "Read", "Written", "Set aside (duplicates)"],
    },
}
COUNT_LABELS = {
    "files": {"id": "Berkas", "en": "Files"},
    "indikator": {"id": "Indikator RKT", "en": "RKT indicators"},
    "iku": {"id": "Indikator IKU", "en": "IKU indicators"},
    "anggaran": {"id": "Baris anggaran", "en": "Budget lines"},
}


def _side_blocks(result: Consolidation, lang: str) -> tuple[list[Column], list[list[Any]]]:
    """To the right of the file list: offices that sent nothing (with --province), and the
    nothing-lost counts. Returned as extra columns so that the sheet is written top to bottom."""
    blocks: list[tuple[list[Column], list[list[Any]]]] = []
    if result.province:
        first, second = SIDE_TITLES["missing"][lang]
        missing = [[office.label, ", ".join(lacking)] for office, lacking in result.missing]
        blocks.append(([Column(first, 34), Column(second, 22), Column("", 3)], missing))
    titles = SIDE_TITLES["counts"][lang]
    counts = [
        [COUNT_LABELS[key][lang], e["read"], e["written"], e["set_aside"]]
        for key, e in result.counts().items()
    ]
    blocks.append(([Column(titles[0], 18), *(Column(t, 12, "int") for t in titles[1:])], counts))
    columns = [c for block_columns, _rows in blocks for c in block_columns]
    height = max(len(block_rows) for _c, block_rows in blocks)
    rows = []
    for index in range(height):
        row: list[Any] = []
        for block_columns, block_rows in blocks:
            values = block_rows[index] if index < len(block_rows) else []
            row.extend([*values, *([None] * (len(block_columns) - len(values)))])
        rows.append(row)
    return columns, rows


# --- data sheets --------------------------------------------------------------------------

RKT_COLUMNS = [
    Column("Satker", 26),
    Column("Tahun", 7, "int"),
    Column("Jenis", 16),
    Column("Tujuan", 40, "wrap"),
    Column("Sasaran", 40, "wrap"),
    Column("Indikator", 55, "wrap"),
    Column("Target", 10),
    Column("Nilai", 10, "number"),
    Column("Satuan", 10),
    Column("Berkas", 30),
    Column("Lembar", 16),
    Column("Sel", 7, "link"),
]
IKU_COLUMNS = [
    Column("Satker", 26),
    Column("Tahun", 7, "int"),
    Column("Kode Program", 12),
    Column("Program", 36, "wrap"),
    Column("Indikator", 50, "wrap"),
    Column("Cara Penghitungan", 50, "wrap"),
    Column("Sumber Data", 50, "wrap"),
    Column("Berkas", 30),
    Column("Lembar", 16),
    Column("Sel", 7, "link"),
]
ANGGARAN_COLUMNS = [
    Column("Satker", 26),
    Column("Tahun", 7, "int"),
    Column("Program", 60, "wrap"),
    Column("Anggaran", 20, "rupiah"),
    Column("Berkas", 30),
    Column("Lembar", 16),
    Column("Sel", 7, "link"),
    Column("Rincian", 10),  # "rincian": a line inside a program above it; not added again
]


def _rkt(book: Any, styles: Styles, result: Consolidation, base: Path) -> int:
    rows, row_styles = [], []
    records = result.rows("rkt", "rkt-sekretariat")
    linked = len(records) <= MAX_LINKS
    for report, table, record in records:
        target = record.target
        value, value_style = _target_number(target)
        where = provenance(result, report, record, "indikator")
        rows.append(
            [
                office_label(report),
                result.year_of(report),
                table.kind,
                record.get("tujuan"),
                record.get("sasaran"),
                record.get("indikator"),
                target.text if target else None,
                value,
                record.get("satuan") or (target.unit if target else None),
                where.berkas,
                where.lembar,
                _sel(where, base, linked),
            ]
        )
        row_styles.append([None] * 7 + [value_style] + [None] * 4)
    write_table(book, styles, "RKT", RKT_COLUMNS, rows, row_styles)
    return len(rows)


def _target_number(target: Target | None) -> tuple[Any, str | None]:
    if target is None or not isinstance(target.value, int | float):
        return (target.value if target else None), "text"
    if target.unit == "persen":
        whole = float(target.value).is_integer()
        return target.value / 100, "percent" if whole else "percent-decimal"
    return target.value, "number"


def _iku(book: Any, styles: Styles, result: Consolidation, base: Path) -> int:
    rows = []
    records = result.rows("iku")
    linked = len(records) <= MAX_LINKS
    for report, _table, record in records:
        where = provenance(result, report, record, "indikator")
        rows.append(
            [
                office_label(report),
                result.year_of(report),
                record.get("kode_program"),
                record.get("program"),
                record.get("indikator"),
                record.get("cara"),
                record.get("sumber"),
                where.berkas,
                where.lembar,
                _sel(where, base, linked),
            ]
        )
    write_table(book, styles, "IKU", IKU_COLUMNS, rows)
    return len(rows)


def _anggaran(book: Any, styles: Styles, result: Consolidation, base: Path) -> int:
    rows = []
    records = result.rows("anggaran")
    linked = len(records) <= MAX_LINKS
    for report, _table, record in records:
        where = provenance(result, report, record, "program")
        amount = record.amount.value if record.amount else None
        rows.append(
            [
                office_label(report),
                result.year_of(report),
                record.get("program"),
                amount,
                where.berkas,
                where.lembar,
                _sel(where, base, linked),
                "rincian" if record.detail else None,
            ]
        )
    write_table(book, styles, "Anggaran", ANGGARAN_COLUMNS, rows)
    return len(rows)


def _sel(where: Provenance, base: Path, linked: bool) -> Any:
    """The Sel cell: a link that opens the office's file at that cell, or the bare reference."""
    if not linked:
        return where.sel
    try:
        relative = os.path.relpath(Path(where.path).resolve(), base)
    except ValueError:  # another drive on Windows
        relative = str(Path(where.path).resolve())
    url = f"external:{relative}#'{where.lembar.replace(chr(39), chr(39) * 2)}'!{where.sel}"
    return Link(where.sel, url) if len(url) < 2000 else where.sel


# --- Rekap Anggaran -----------------------------------------------------------------------


def _rekap(book: Any, styles: Styles, result: Consolidation) -> int:
    recap = budget_recap(result)
    columns = [Column("Program", 60, "wrap")] + [Column(o, 20, "rupiah") for o in recap.offices]
    columns.append(Column("Total", 22, "rupiah"))
    rows: list[list[Any]] = []
    for program in recap.programs:
        rows.append(
            [
                program,
                *(recap.amounts.get((program, o)) for o in recap.offices),
                recap.program_total(program),
            ]
        )
    rows.append(["Total", *(recap.office_total(o) for o in recap.offices), recap.grand_total])
    sheet = write_table(
        book,
        styles,
        "Rekap Anggaran",
        columns,
        rows,
        [[None] * len(columns)] * (len(rows) - 1)
        + [["bold"] + ["rupiah-bold"] * (len(columns) - 1)],
    )
    if recap.offices:
        _budget_chart(book, sheet, len(rows), len(recap.offices))
    return len(recap.programs)


def _budget_chart(book: Any, sheet: Any, total_row: int, offices: int) -> None:
    chart = book.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": "Anggaran per satker",
            "categories": ["Rekap Anggaran", 0, 1, 0, offices],
            "values": ["Rekap Anggaran", total_row, 1, total_row, offices],
        }
    )
    chart.set_title({"name": "Anggaran per satker"})
    chart.set_legend({"none": True})
    chart.set_y_axis({"num_format": '"Rp"#,##0,,," M"'})
    chart.set_size({"width": 760, "height": 380})
    sheet.insert_chart(total_row + 2, 0, chart)


# --- Perbandingan Target ------------------------------------------------------------------


def _perbandingan(book: Any, styles: Styles, result: Consolidation) -> int:
    offices, shared = shared_indicators(result)
    columns = [Column("Jenis", 16), Column("Indikator", 60, "wrap"), Column("Target umum", 12)]
    columns += [Column(o, 14) for o in offices]
    rows, row_styles = [], []
    for indicator in shared:
        common = next(
            (
                t.text
                for t, _ in indicator.targets.values()
                if t is not None and _same(t, indicator.most_common)
            ),
            None,
        )
        values: list[Any] = [indicator.kind, indicator.text, common]
        marks: list[str | None] = [None, None, None]
        for office in offices:
            entry = indicator.targets.get(office)
            values.append(entry[0].text if entry and entry[0] else None)
            marks.append("highlight" if entry and indicator.differs(office) else None)
        rows.append(values)
        row_styles.append(marks)
    write_table(book, styles, "Perbandingan Target", columns, rows, row_styles)
    return len(rows)


def _same(target: Target, key: str | None) -> bool:
    return target_key(target) == key


# --- Masalah ------------------------------------------------------------------------------

ISSUE_COLUMNS = [
    Column("Satker", 26),
    Column("Berkas", 34, "wrap"),
    Column("Lembar", 16),
    Column("Sel", 7),
    Column("Tingkat", 11),
    Column("Kode", 24),
    Column("Pesan", 90, "wrap"),
]


def _masalah(book: Any, styles: Styles, result: Consolidation, lang: str) -> int:
    rows, row_styles = [], []
    for report in result.reports:
        for issue in report.issues:
            rows.append(
                [
                    office_label(report),
                    result.berkas(report),
                    issue.sheet,
                    issue.cell,
                    SEVERITY[lang][issue.severity],
                    issue.code,
                    issue.message(lang),
                ]
            )
            row_styles.append([None] * 4 + [issue.severity] + [None] * 2)
    write_table(book, styles, "Masalah", ISSUE_COLUMNS, rows, row_styles)
    return len(rows)
