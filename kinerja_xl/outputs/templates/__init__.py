"""Blank workbooks that look like the plan offices print, guide them while they type, and read
back perfectly.

The guidance comes from the same rules as `check` (`schemas/`): the Satuan drop-down, the range
of each unit and the grade/opinion lists are written to a hidden sheet "Daftar", and every
target cell's data validation and conditional format look the chosen unit up there (Excel
limits a validation formula to 255 characters, so the rules cannot be spelled out per cell).

    form.py         the workbook being written: its formats, frame, signature, protection
    sheets.py       RKT KPU, RKT Sekretariat, Anggaran, IKU as offices print them
    validations.py  what each cell accepts, and the hidden Daftar sheet it is looked up in
    guide.py        the Petunjuk sheet
"""

from __future__ import annotations

from pathlib import Path

from ...checking.rulebook import Rules, load_rules
from ..write import atomic_output
from ..xlsx_out import new_workbook
from .form import Form, resolve_office
from .guide import write_guide
from .sheets import anggaran_sheet, iku_sheet, rkt_sheet
from .validations import lists_sheet

KINDS = ("rkt", "iku", "anggaran")
__all__ = ["KINDS", "write_template", "resolve_office"]


def write_template(
    kind: str,
    out: Path,
    office: str | None = None,
    year: int | None = None,
    lang: str = "id",
    rules: Rules | None = None,
) -> Path:
    if kind not in KINDS:
        raise ValueError(f"unknown template {kind!r}: choose one of {', '.join(KINDS)}")
    rules = rules or load_rules()
    with atomic_output(out) as temporary:
        book = new_workbook(str(temporary))
        form = Form(book, rules, resolve_office(office), year, lang, kind)
        write_guide(form, kind)
        if kind == "rkt":
            rkt_sheet(form, "RKT KPU", secretariat=False)
            rkt_sheet(form, "RKT Sekretariat", secretariat=True)
            anggaran_sheet(form)
        elif kind == "iku":
            iku_sheet(form)
        else:
            anggaran_sheet(form)
        lists_sheet(form)
        book.close()
    return out
