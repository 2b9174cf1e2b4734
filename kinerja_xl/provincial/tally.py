"""Status Provinsi: the nation's roll-up, one row per province — how many of its offices sent
something, are complete and ready, need fixing, could not be read, sent only part, or sent
nothing — so that KPU RI sees at a glance which provinces to call."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..outputs.xlsx_out import Column
from .consolidation import OfficeSubmission, submissions
from .context import Context

PROVINCES_SHEET = "Status Provinsi"
STANDINGS = ("ready", "fix", "unreadable", "partial", "missing")
PROVINCE_COLUMNS = [
    Column("Kode", 6),
    Column("Provinsi", 24, "wrap"),
    Column("Satker", 9, "int"),
    Column("Mengirim", 10, "int"),
    Column("Siap", 9, "int"),
    Column("Perlu perbaikan", 11, "int"),
    Column("Tidak terbaca", 10, "int"),
    Column("Belum lengkap", 10, "int"),
    Column("Belum mengirim", 10, "int"),
]
FILLS = {"fix": "error", "unreadable": "error", "partial": "warning", "missing": "missing"}


def standing(office: OfficeSubmission) -> str:
    """One office, all its documents: fix > unreadable > partial (sent some) > missing > ready."""
    states = {s.state for s in office.documents.values()}
    if "fix" in states:
        return "fix"
    if "unreadable" in states:
        return "unreadable"
    if "missing" in states:
        return "partial" if office.reports else "missing"
    return "ready"


def province_counts(ctx: Context) -> list[tuple[Any, str, int, int, Counter[str]]]:
    """(code, province, offices, offices that sent something, standings) per province."""
    by_province: dict[str, list[OfficeSubmission]] = {}
    for office in submissions(ctx.result):
        if office.expected and office.province:
            by_province.setdefault(office.province, []).append(office)
    counted = []
    for province in ctx.result.provinces:
        offices = by_province.get(province.region, [])
        sent = sum(1 for o in offices if o.reports)
        counted.append(
            (province.code, province.region, len(offices), sent, Counter(map(standing, offices)))
        )
    return counted


def write_provinces(ctx: Context) -> int:
    rows, row_styles = [], []
    for code, province, offices, sent, standings in province_counts(ctx):
        rows.append([code, province, offices, sent, *(standings[s] for s in STANDINGS)])
        marks: list[str | None] = [None] * 4
        marks += [FILLS.get(s) if standings[s] and s in FILLS else None for s in STANDINGS]
        row_styles.append(marks)
    ctx.write(PROVINCES_SHEET, PROVINCE_COLUMNS, rows, row_styles, 2)
    return len(rows)
