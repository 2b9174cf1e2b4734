"""What each cell of a template accepts — taken from the same rules as `check` — and the hidden
sheet "Daftar" every validation looks it up in."""

from __future__ import annotations

from typing import Any

from ...reading.grid import column_letter
from ..printing import print_xlsxwriter
from .form import Form


def target_rules(
    form: Form, sheet: Any, first: int, last: int, target_col: int, unit_col: int
) -> None:
    """A target fits the Satuan chosen beside it (its range, whole or not, its list of codes);
    a Satuan comes from the list. What is pasted past the validation turns red."""
    t, u = column_letter(target_col), column_letter(unit_col)
    target, unit = f"{t}{first}", f"${u}{first}"
    valid = (
        f'OR({unit}="",IF(ISNUMBER({target}),AND({target}>=VLOOKUP({unit},SatuanAturan,2,0),'
        f"{target}<=VLOOKUP({unit},SatuanAturan,3,0),OR(VLOOKUP({unit},SatuanAturan,4,0)=0,"
        f'{target}=INT({target}))),ISNUMBER(MATCH({unit}&"|"&{target},KategoriDaftar,0))))'
    )
    targets, units = f"{t}{first}:{t}{last}", f"{u}{first}:{u}{last}"
    sheet.data_validation(
        targets,
        {
            "validate": "custom",
            "value": "=" + valid,
            "ignore_blank": True,
            "input_title": form.hint("target-title"),
            "input_message": form.hint(
                "target-input",
                grades="/".join(form.rules.categories.get("predikat", ())),
                opinions="/".join(form.rules.categories.get("opini", ())),
            ),
            "error_title": form.hint("target-title"),
            "error_message": form.hint("target-error"),
        },
    )
    _red_unless(form, sheet, targets, f'=AND({target}<>"",NOT(IFERROR({valid},FALSE)))')
    sheet.data_validation(
        units,
        {
            "validate": "list",
            "source": "=SatuanDaftar",
            "input_title": form.hint("unit-title"),
            "input_message": form.hint("unit-input"),
        },
    )
    _red_unless(form, sheet, units, f'=AND({u}{first}<>"",ISNA(MATCH({u}{first},SatuanDaftar,0)))')


def amount_rules(form: Form, sheet: Any, cells: str, first: int) -> None:
    """Whole rupiah, 0 or more."""
    sheet.data_validation(
        cells,
        {
            "validate": "integer",
            "criteria": ">=",
            "value": 0,
            "ignore_blank": True,
            "input_title": form.hint("rupiah-title"),
            "input_message": form.hint("rupiah-input"),
            "error_title": form.hint("rupiah-title"),
            "error_message": form.hint("rupiah-error"),
        },
    )
    c = f"C{first}"
    _red_unless(form, sheet, cells, f'=AND({c}<>"",OR(NOT(ISNUMBER({c})),{c}<0,{c}<>INT({c})))')


def program_code_rule(form: Form, sheet: Any, ref: str) -> None:
    """076.01.XX: three digits, two digits, two capital letters."""
    c = ref
    valid = (
        f'AND(LEN({c})=9,MID({c},4,1)=".",MID({c},7,1)=".",ISNUMBER(--LEFT({c},3)),'
        f"ISNUMBER(--MID({c},5,2)),CODE(MID({c},8,1))>64,CODE(MID({c},8,1))<91,"
        f"CODE(MID({c},9,1))>64,CODE(MID({c},9,1))<91)"
    )
    sheet.data_validation(
        ref,
        {
            "validate": "custom",
            "value": "=" + valid,
            "input_title": form.hint("code-title"),
            "input_message": form.hint("code-input"),
            "error_title": form.hint("code-title"),
            "error_message": form.hint("code-input"),
        },
    )
    _red_unless(form, sheet, ref, f'=AND({c}<>"",NOT(IFERROR({valid},FALSE)))')


def _red_unless(form: Form, sheet: Any, cells: str, criteria: str) -> None:
    sheet.conditional_format(
        cells, {"type": "formula", "format": form.invalid, "criteria": criteria}
    )


def lists_sheet(form: Form) -> None:
    """The rules, as Excel needs them: a hidden sheet and named ranges over it."""
    sheet = form.book.add_worksheet("Daftar")
    sheet.write_row(0, 0, ["Satuan", "Min", "Maks", "Bulat", "", "Kategori"])
    choices = list(form.rules.satuan_choices.items())
    for i, (word, kind) in enumerate(choices, start=1):
        low, high, whole = numeric_bounds(form, kind)
        sheet.write_row(i, 0, [word, low, high, whole])
    categories = [
        f"{word}|{value}" for word, kind in choices for value in form.rules.categories.get(kind, [])
    ]
    for i, entry in enumerate(categories, start=1):
        sheet.write_string(i, 5, entry)
    form.book.define_name("SatuanDaftar", f"=Daftar!$A$2:$A${len(choices) + 1}")
    form.book.define_name("SatuanAturan", f"=Daftar!$A$2:$D${len(choices) + 1}")
    form.book.define_name("KategoriDaftar", f"=Daftar!$F$2:$F${len(categories) + 1}")
    print_xlsxwriter(sheet, [12, 8, 8, 8, 4, 24], form.page, header_rows=1, page_header=False)
    sheet.hide()
    sheet.protect()


def numeric_bounds(form: Form, kind: str) -> tuple[float, float, int]:
    """(lowest, highest, whole numbers only) of a Satuan's kind, from the rules."""
    if kind in ("predikat", "opini"):
        return 1, 0, 0  # no number fits: a grade or an opinion is text
    low, high = (form.rules.ranges.get(kind) or [0, None])[:2]
    high = 10**15 if high is None else high
    if kind == "persen":  # Excel stores a typed "90%" as 0.9
        return low / 100, high / 100, 0
    return low, high, 1 if kind == "jumlah" else 0
