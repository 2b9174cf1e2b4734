"""Status Provinsi: the nation's roll-up, one row per province of the registry — how many of its
offices sent something, are complete and ready, need fixing, could not be read, sent only part,
or sent nothing — so that KPU RI sees at a glance which provinces to call. A province whose
workbook has not come is listed too, every office *Belum mengirim*; the nation's total is under
them."""

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
    """(code, province, offices, offices that sent something, standings) per province of the
    registry, in code order: a province none of whose rows came has every office missing."""
    by_province: dict[str, list[OfficeSubmission]] = {}
    for office in submissions(ctx.result):
        if office.expected and office.province:
            by_province.setdefault(office.province, []).append(office)
    present = {province.code for province in ctx.result.provinces}
    counted = []
    for province in ctx.result.registry.provinces:
        if province.code in present:
            offices = by_province.get(province.region, [])
            sent = sum(1 for o in offices if o.reports)
            standings = Counter(map(standing, offices))
            counted.append((province.code, province.region, len(offices), sent, standings))
        else:
            count = len(ctx.result.registry.offices_of(province))
            counted.append((province.code, province.region, count, 0, Counter(missing=count)))
    return counted


def write_provinces(ctx: Context) -> int:
    rows: list[list[Any]] = []
    row_styles: list[list[str | None]] = []
    for code, province, offices, sent, standings in province_counts(ctx):
        rows.append([code, province, offices, sent, *(standings[s] for s in STANDINGS)])
        marks: list[str | None] = [None] * 4
        marks += [FILLS.get(s) if standings[s] and s in FILLS else None for s in STANDINGS]
        row_styles.append(marks)
    listed = len(rows)
    total: list[Any] = [None, ctx.say("total-provinces", count=listed)]
    total += [sum(row[column] for row in rows) for column in range(2, len(PROVINCE_COLUMNS))]
    rows += [[None] * len(PROVINCE_COLUMNS), total]
    total_marks: list[str | None] = ["bold", "bold", *["int-bold"] * 7]
    row_styles += [[None] * len(PROVINCE_COLUMNS), total_marks]
    ctx.write(PROVINCES_SHEET, PROVINCE_COLUMNS, rows, row_styles, 2)
    return listed
