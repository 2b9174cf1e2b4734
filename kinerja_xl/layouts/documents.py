"""Which document of the SAKIP cycle a table belongs to — RKT, PK, IKU, Renstra, Renja,
Rencana Aksi, LKj or DIPA — from the titles printed above it, the sheet's name, the file's
name, and, where none says, from the table itself (a Realisasi column is a report; quarters
are a Rencana Aksi; a row of plan years is a Renstra matrix)."""

from __future__ import annotations

import re
from pathlib import Path

from ..knowledge.kinds import TableKind
from ..model.records import FileReport, Table
from ..reading.grid import Sheet

# the first that matches wins: a "Perjanjian Kinerja" also says "kinerja", a "Rencana Aksi
# Perjanjian Kinerja" names the PK it splits by quarter
DOCUMENT_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in [
        ("Rencana Aksi", r"rencana aksi|\brenaksi\b"),
        ("PK", r"perjanjian kinerja|\bpk\b"),
        ("LKj", r"laporan (akuntabilitas )?kinerja|\blkj(ip)?\b|\blakip\b|pengukuran kinerja"),
        ("Renstra", r"rencana strategis|\brenstra\b"),
        ("Renja", r"rencana kerja\b(?! dan anggaran)|\brenja\b"),
        ("RKT", r"rencana kinerja|\brkt\b"),
        ("IKU", r"indikator kinerja utama|\biku\b"),
        (
            "DIPA",
            r"\bdipa\b|\brka[- ]?k\s?/?\s?l\b|daftar isian pelaksanaan anggaran|rencana kerja dan anggaran",
        ),
    ]
]
TITLE_ROWS = 8  # how far above a header a title is looked for


def assign_documents(report: FileReport, sheets: dict[str, Sheet]) -> None:
    """Every table's document, and the file's (its first table's)."""
    file_words = Path(report.path).stem
    for table in report.tables:
        sheet = sheets.get(table.sheet)
        titles = _titles_above(sheet, table) if sheet else []
        table.document = _named(titles) or _named([table.sheet]) or _by_shape(table)
    plans = [t.document for t in report.tables if t.kind != TableKind.ANGGARAN and t.document]
    for table in report.tables:
        if table.kind == TableKind.ANGGARAN and table.document is None:
            table.document = _named([file_words]) or (plans[0] if plans else "DIPA")
    for table in report.tables:
        if table.document is None:
            table.document = _named([file_words]) or _default(table)
    report.document = report.tables[0].document if report.tables else _named([file_words])


def _titles_above(sheet: Sheet, table: Table) -> list[str]:
    """Text lines above the table's header, nearest first (a sheet's title block)."""
    lines = []
    for row in range(table.header_row - 1, max(table.header_row - TITLE_ROWS, 0), -1):
        texts = [
            c.value
            for (r, _c), c in sorted(sheet.cells.items())
            if r == row and isinstance(c.value, str) and len(c.value) < 200
        ]
        lines.extend(texts)
    return lines


def _named(texts: list[str]) -> str | None:
    for text in texts:
        for name, pattern in DOCUMENT_WORDS:
            if pattern.search(text):
                return name
    return None


def _by_shape(table: Table) -> str | None:
    if table.reports_results:
        return "LKj"
    labels = set(table.periods.values())
    if any(label.startswith("TW") for label in labels):
        return "Rencana Aksi"
    if sum(1 for label in labels if label.isdigit()) >= 3:
        return "IKU" if table.kind == TableKind.IKU else "Renstra"
    return None


DEFAULT_DOCUMENT: dict[str, str] = {TableKind.IKU: "IKU", TableKind.ANGGARAN: "DIPA"}


def _default(table: Table) -> str:
    return DEFAULT_DOCUMENT.get(table.kind, "RKT")


# --- the names of a table's kind, as the outputs print them -----------------------------

DOCUMENTS = {
    "RKT KPU": "rkt",
    "RKT Sekretariat": "rkt-sekretariat",
    "IKU": "iku",
    "Anggaran": "anggaran",
}
KIND_NAMES = {kind: document for document, kind in DOCUMENTS.items()}
LEVELS = {"rkt": "KPU", "rkt-sekretariat": "Sekretariat"}  # who the plan is of


def table_label(table: Table) -> str:
    """'RKT KPU', 'RKT Sekretariat', 'PK KPU', 'LKj Sekretariat', 'IKU', 'Anggaran', and the
    cycle's other documents by name: 'Anggaran (PK)', 'Anggaran (DIPA)', 'IKU (Renstra)' …"""
    if table.kind in LEVELS:
        return f"{table.document or 'RKT'} {LEVELS[table.kind]}"
    name = KIND_NAMES[table.kind]
    if table.document and table.document not in ("RKT", name):
        return f"{name} ({table.document})"
    return name
