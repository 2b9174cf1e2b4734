"""The sheets of a template, as offices print them: RKT KPU, RKT Sekretariat, Anggaran, IKU.
Their titles and column headers are the documents' own words, in Bahasa Indonesia whatever
--lang says (the reader finds its tables by them); only the guide and the hints translate."""

from __future__ import annotations

from ...reading.grid import a1
from .form import HEADER_ROW, Form
from .validations import amount_rules, program_code_rule, target_rules

BODY_ROWS = {"RKT KPU": 60, "RKT Sekretariat": 80, "Anggaran": 30}
IKU_ROWS_PER_PROGRAM = 25
IKU_PROGRAMS = [
    ("076.01.CQ", "PROGRAM PENYELENGGARAAN PEMILU DALAM PROSES KONSOLIDASI DEMOKRASI"),
    ("076.01.WA", "PROGRAM DUKUNGAN MANAJEMEN"),
]


def rkt_sheet(form: Form, name: str, secretariat: bool) -> None:
    sheet = form.book.add_worksheet(name)
    first_line = "RENCANA KINERJA TAHUN " + form.year
    second = ("SEKRETARIAT " if secretariat else "") + form.office.title
    headers = (
        ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Satuan"]
        if secretariat
        else ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", "SATUAN"]
    )
    form.frame(sheet, [first_line, second], headers, (6, 45, 55, 12, 12))
    first, last = HEADER_ROW + 2, HEADER_ROW + 1 + BODY_ROWS[name]
    formats = (form.body_center, form.body, form.body, form.body_center, form.body_center)
    for row in range(first, last + 1):
        for col, fmt in enumerate(formats):
            sheet.write_blank(row - 1, col, None, fmt)
    target_rules(form, sheet, first, last, target_col=4, unit_col=5)
    form.signature(sheet, last + 2, "SEKRETARIS" if secretariat else "KETUA", col=2)
    form.protect(sheet)


def anggaran_sheet(form: Form) -> None:
    sheet = form.book.add_worksheet("Anggaran")
    lines = ["RENCANA ANGGARAN TAHUN " + form.year, "SEKRETARIAT " + form.office.title]
    form.frame(sheet, lines, ["No", "Program", "Anggaran"], (6, 70, 24))
    first, last = HEADER_ROW + 2, HEADER_ROW + 1 + BODY_ROWS["Anggaran"]
    for row in range(first, last + 1):
        sheet.write_blank(row - 1, 0, None, form.body_center)
        sheet.write_blank(row - 1, 1, None, form.body)
        sheet.write_blank(row - 1, 2, None, form.rupiah)
    cells = f"C{first}:C{last}"
    amount_rules(form, sheet, cells, first)
    sheet.write_string(last, 1, "JUMLAH", form.total_label)
    sheet.write_formula(last, 2, f"=SUM({cells})", form.total, 0)
    form.signature(sheet, last + 3, "SEKRETARIS", col=1)
    form.protect(sheet)


def iku_sheet(form: Form) -> None:
    sheet = form.book.add_worksheet("IKU")
    lines = [
        "INDIKATOR KINERJA UTAMA TAHUN " + form.year,
        "Nama / Unit Organisasi : " + (form.office.label or "........................"),
    ]
    form.frame(
        sheet,
        lines,
        ["No.", "Uraian", "Cara Penghitungan", "Sumber Data"],
        (11, 45, 50, 50),
        numbering=["1", "2", "3", "4"],
    )
    row = HEADER_ROW + 2
    code_cells = []
    for code, program in IKU_PROGRAMS:
        sheet.write_string(row - 1, 0, code, form.body_code)
        sheet.merge_range(row - 1, 1, row - 1, 3, program, form.body_program)
        code_cells.append(a1(row, 1))
        for body in range(row + 1, row + 1 + IKU_ROWS_PER_PROGRAM):
            sheet.write_blank(body - 1, 0, None, form.body_center)
            for col in (1, 2, 3):
                sheet.write_blank(body - 1, col, None, form.body)
        row += IKU_ROWS_PER_PROGRAM + 1
    for ref in code_cells:
        program_code_rule(form, sheet, ref)
    form.signature(sheet, row + 1, "KETUA", col=3)
    form.protect(sheet)
