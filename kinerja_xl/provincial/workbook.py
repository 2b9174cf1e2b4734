"""The provincial workbook, written with xlsxwriter, sheet by sheet:

    Ringkasan, Status Kiriman, RKT, IKU, Anggaran, Rekap Anggaran, Perbandingan Target,
    Capaian (where a report's realisasi was read), Masalah

The contract's seven sheets keep their names, their relative order and their header in row 1;
Status Kiriman (offices × documents) and Capaian are additions. Sheet names and column titles
are the contract's, in Bahasa Indonesia, under --lang id (the default), and English under
--lang en (`Context.write`), as are statuses, notes, messages and the printed page header. Every sheet prints legibly on A4 (`printing.py`).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from ..outputs.own import CONSOLIDATED, INPUTS_PROPERTY, PROVINCE_PROPERTY, mark_xlsxwriter
from ..outputs.printing import PageInfo
from ..outputs.write import atomic_output
from ..outputs.xlsx_out import Styles, new_workbook
from ..reading.memory import collector_paused
from ..words.messages import say
from .across import CHART_DATA, write_chart_data, write_perbandingan, write_rekap
from .consolidation import Consolidation
from .context import Context
from .data import write_anggaran, write_iku, write_masalah, write_rkt
from .results import has_results, write_capaian
from .summary import STATUS_SHEET, offices_summary, write_ringkasan, write_status
from .tally import PROVINCES_SHEET, write_provinces

SHEET_WRITERS = {
    "Ringkasan": write_ringkasan,
    PROVINCES_SHEET: write_provinces,  # only when the rows come from more than one province
    STATUS_SHEET: write_status,
    "RKT": write_rkt,
    "IKU": write_iku,
    "Anggaran": write_anggaran,
    "Rekap Anggaran": write_rekap,
    "Perbandingan Target": write_perbandingan,
    "Capaian": write_capaian,  # only where a report's realisasi was read
    "Masalah": write_masalah,
    CHART_DATA: write_chart_data,  # hidden: the numbers of Rekap Anggaran's chart
}

__all__ = ["SHEET_WRITERS", "write_consolidated", "offices_summary"]


def _where_from(book: Any, result: Consolidation, folder: Path) -> None:
    """The offices' files' folder, relative to the workbook, and the province: the national
    roll-up reads the workbook back with them (provincial/readback.py)."""
    if result.root is not None:
        try:
            inputs = Path(os.path.relpath(result.root, folder)).as_posix()
        except ValueError:  # another drive (Windows): the absolute folder
            inputs = result.root.as_posix()
        book.set_custom_property(INPUTS_PROPERTY, inputs)
    if result.province:
        book.set_custom_property(PROVINCE_PROPERTY, result.province)


def write_consolidated(
    result: Consolidation, out: Path, lang: str = "id", made: date | None = None
) -> dict[str, int]:
    """Write the workbook atomically; return the number of data rows written per sheet."""
    written: dict[str, int] = {}
    page = PageInfo(say("doc-consolidated", lang), result.province, result.year, made, lang)
    with collector_paused(), atomic_output(out) as temporary:
        book = new_workbook(str(temporary), streaming=True)
        book.set_properties({"title": page.document, "comments": "kinerja-xl consolidated"})
        mark_xlsxwriter(book, CONSOLIDATED)  # how a later run knows it (outputs/own.py)
        _where_from(book, result, Path(out).resolve().parent)
        ctx = Context(book, Styles(book), result, lang, page, Path(out).resolve().parent)
        for name, writer in SHEET_WRITERS.items():
            if name == "Capaian" and not has_results(ctx):
                continue
            if name == PROVINCES_SHEET and not result.national:
                continue
            written[name] = writer(ctx)
        book.close()
    return written
