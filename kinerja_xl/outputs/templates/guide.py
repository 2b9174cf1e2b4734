"""The Petunjuk sheet: what this template's own columns take, with valid examples, in the
language asked (the words are the catalogue's: kinerja_xl/catalogue/guide.py)."""

from __future__ import annotations

from typing import Any

from ..printing import print_xlsxwriter
from ..xlsx_out import wrapped_lines
from .form import Form

COLUMNS = {
    "rkt": ["no", "sasaran", "indikator", "target", "satuan", "anggaran"],
    "iku": ["no", "kode", "uraian", "cara", "sumber"],
    "anggaran": ["no", "program", "anggaran", "jumlah"],
}
EXAMPLES = {"iku": ["uraian", "cara", "sumber"], "anggaran": ["program", "anggaran"]}
INTRO_LINES, CHECK_LINES = 3, 2
WIDTHS = (30, 90)


def write_guide(form: Form, kind: str) -> None:
    sheet = form.book.add_worksheet("Petunjuk")
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    lines: list[tuple[str, str | None, Any]] = [
        (form.say(f"guide-title-{kind}", year=form.year), None, form.bold)
    ]
    lines += [(form.say(f"guide-intro-{i}"), None, form.plain) for i in range(1, INTRO_LINES + 1)]
    lines.append(("", None, form.plain))
    lines += [
        (form.say(f"guide-{kind}-{c}-name"), form.say(f"guide-{kind}-{c}-how"), form.plain)
        for c in COLUMNS[kind]
    ]
    lines.append(("", None, form.plain))
    lines.append((form.say(f"guide-examples-{kind}"), None, form.bold))
    lines += [(label, example, form.plain) for label, example in _examples(form, kind)]
    lines.append(("", None, form.plain))
    lines += [(form.say(f"guide-check-{i}"), None, form.plain) for i in range(1, CHECK_LINES + 1)]
    for row, (first, second, fmt) in enumerate(lines):
        if second is None:  # a line across both columns, wrapped in their joint width
            sheet.merge_range(row, 0, row, 1, first, fmt)
            height = wrapped_lines(first, sum(WIDTHS))
        else:
            sheet.write_string(row, 0, first, form.bold_wrap)
            sheet.write_string(row, 1, second, form.plain)
            height = max(wrapped_lines(first, WIDTHS[0]), wrapped_lines(second, WIDTHS[1]))
        if height > 1:
            sheet.set_row(row, 15 * height)
    print_xlsxwriter(sheet, list(WIDTHS), form.page, header_rows=0)


def _examples(form: Form, kind: str) -> list[tuple[str, str]]:
    if kind in EXAMPLES:
        return [
            (form.say(f"guide-{kind}-example-{e}-name"), form.say(f"guide-{kind}-example-{e}-how"))
            for e in EXAMPLES[kind]
        ]
    words = form.rules.vocabulary
    return [
        ("Persentase …", form.say("guide-rkt-example-persen")),
        ("Indeks Reformasi Birokrasi", form.say("guide-rkt-example-indeks")),
        (
            "Nilai Akuntabilitas Kinerja",
            form.say(
                "guide-rkt-example-predikat", codes=", ".join(words.categories.get("predikat", ()))
            ),
        ),
        (
            "Opini BPK atas Laporan Keuangan",
            form.say("guide-rkt-example-opini", codes=", ".join(words.categories.get("opini", ()))),
        ),
        ("Jumlah dokumen …", form.say("guide-rkt-example-jumlah")),
    ]
