"""kinerja-xl's own outputs, and how one is known when it comes back as an input (saved into an
inbox and picked up again): the provincial workbook by its sheets, the marked-up copy by its
Masalah sheet's column titles."""

from __future__ import annotations

from ..reading.grid import Workbook
from ..words.messages import LANGS, say

COLUMNS = ("sheet", "cell", "severity", "code", "value", "message")  # catalogue "copy-column-…"


def copy_headers(lang: str) -> list[str]:
    """The Masalah sheet's column titles (also how a copy of ours is recognised, below)."""
    return [say(f"copy-column-{column}", lang) for column in COLUMNS]


CONSOLIDATED_SHEETS = [
    "Ringkasan",
    "RKT",
    "IKU",
    "Anggaran",
    "Rekap Anggaran",
    "Perbandingan Target",
    "Masalah",
]


def generated_by_us(workbook: Workbook) -> str | None:
    """'consolidated' or 'annotated' when the workbook is one of kinerja-xl's own outputs
    (saved into an inbox and picked up again), else None."""
    names = [sheet.name for sheet in workbook.sheets]
    contract_sheets = [name for name in names if name in CONSOLIDATED_SHEETS]
    if names[:1] == ["Ringkasan"] and contract_sheets == CONSOLIDATED_SHEETS:
        return "consolidated"
    if names and names[0] == "Masalah":
        first_rows: dict[int, list[str]] = {}
        for (row, _col), cell in sorted(workbook.sheets[0].cells.items()):
            if row <= 5:
                first_rows.setdefault(row, []).append(cell.text())
        headers = [copy_headers(lang) for lang in LANGS]
        if any(line in headers for line in first_rows.values()):
            return "annotated"
    return None
