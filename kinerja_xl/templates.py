"""Blank workbooks that look like the plan offices print, guide them while they type, and read
back perfectly.

The guidance comes from the same rules as `check` (`schemas/`): the Satuan drop-down, the range
of each unit and the grade/opinion lists are written to a hidden sheet "Daftar", and every
target cell's data validation and conditional format look the chosen unit up there (Excel
limits a validation formula to 255 characters, so the rules cannot be spelled out per cell).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .grid import a1, column_letter
from .messages import say
from .metadata import office_from_texts
from .printing import PageInfo, print_xlsxwriter
from .validate import Rules, load_rules
from .write import atomic_output
from .xlsx_out import RUPIAH, new_workbook, wrapped_lines

KINDS = ("rkt", "iku", "anggaran")
TEMPLATE_NAMES = {"rkt": "RKT", "iku": "IKU", "anggaran": "Anggaran"}
BODY_ROWS = {"RKT KPU": 60, "RKT Sekretariat": 80, "Anggaran": 30}
IKU_ROWS_PER_PROGRAM = 25
IKU_PROGRAMS = [
    ("076.01.CQ", "PROGRAM PENYELENGGARAAN PEMILU DALAM PROSES KONSOLIDASI DEMOKRASI"),
    ("076.01.WA", "PROGRAM DUKUNGAN MANAJEMEN"),
]
HEADER_ROW = 4  # rows 1-2 titles, 3 blank, 4 header, 5 numbering, body from 6


@dataclass
class Office:
    label: str | None  # "KPU Kota Banjarmasin"

    @property
    def title(self) -> str:
        if not self.label:
            return "KOMISI PEMILIHAN UMUM ........................"
        return "KOMISI PEMILIHAN UMUM " + self.label.removeprefix("KPU ").upper()

    @property
    def place(self) -> str:
        if not self.label:
            return "........................"
        return self.label.split(" ", 2)[-1]


def resolve_office(name: str | None) -> Office:
    """'Banjarmasin', 'Kota Banjarmasin' or 'KPU Kota Banjarmasin' -> 'KPU Kota Banjarmasin'."""
    if not name:
        return Office(None)
    from .metadata import office_from_filename

    found = office_from_texts([name if name.upper().startswith("KPU") else f"KPU {name}"])
    found = found if found and found[1] else office_from_filename(name) or found
    return Office(found[0] if found else name)


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
    who = resolve_office(office)
    with atomic_output(out) as temporary:
        book = new_workbook(str(temporary))
        form = Form(book, rules, who, year, lang, kind)
        form.petunjuk(kind)
        if kind == "rkt":
            form.rkt_sheet("RKT KPU", "SASARAN STRATEGIS", secretariat=False)
            form.rkt_sheet("RKT Sekretariat", "Sasaran Kegiatan", secretariat=True)
            form.anggaran_sheet()
        elif kind == "iku":
            form.iku_sheet()
        else:
            form.anggaran_sheet()
        form.lists_sheet()
        book.close()
    return out


class Form:
    """One template workbook being written: shared formats, names and the rules."""

    def __init__(
        self, book: Any, rules: Rules, office: Office, year: int | None, lang: str, kind: str = ""
    ):
        self.book, self.rules, self.office, self.lang = book, rules, office, lang
        self.year = str(year) if year else "........"
        add = book.add_format
        self.title_format = add({"bold": True, "align": "center", "font_size": 12})
        self.header_format = add(
            {
                "bold": True,
                "align": "center",
                "valign": "vcenter",
                "border": 1,
                "text_wrap": True,
                "bg_color": "#D9E1F2",
            }
        )
        self.numbering_format = add(
            {"italic": True, "align": "center", "border": 1, "bg_color": "#F2F2F2"}
        )
        self.body = add({"text_wrap": True, "valign": "top", "border": 1, "locked": False})
        self.body_center = add({"align": "center", "valign": "top", "border": 1, "locked": False})
        self.body_code = add(
            {"num_format": "@", "valign": "top", "border": 1, "locked": False, "bold": True}
        )
        self.body_program = add(
            {"bold": True, "valign": "top", "border": 1, "locked": False, "text_wrap": True}
        )
        self.rupiah = add({"num_format": RUPIAH, "valign": "top", "border": 1, "locked": False})
        self.total = add({"num_format": RUPIAH, "bold": True, "border": 1})
        self.total_label = add({"bold": True, "border": 1, "align": "right"})
        self.invalid = add({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
        self.plain = add({"text_wrap": True, "valign": "top"})
        self.bold = add({"bold": True})
        self.bold_wrap = add({"bold": True, "text_wrap": True, "valign": "top"})
        document = say("doc-template", lang, kind=TEMPLATE_NAMES.get(kind, kind))
        self.page = PageInfo(document, None, year, None, lang)

    # --- sheets ---------------------------------------------------------------------------

    def rkt_sheet(self, name: str, sasaran_header: str, secretariat: bool) -> None:
        sheet = self.book.add_worksheet(name)
        first_line = "RENCANA KINERJA TAHUN " + self.year
        second = ("SEKRETARIAT " if secretariat else "") + self.office.title
        headers = (
            ["No", sasaran_header, "Indikator Kinerja", "Target", "Satuan"]
            if secretariat
            else ["NO", sasaran_header, "INDIKATOR KINERJA", "TARGET", "SATUAN"]
        )
        self._frame(sheet, [first_line, second], headers, (6, 45, 55, 12, 12))
        first, last = HEADER_ROW + 2, HEADER_ROW + 1 + BODY_ROWS[name]
        for row in range(first, last + 1):
            for col, fmt in enumerate(
                (self.body_center, self.body, self.body, self.body_center, self.body_center)
            ):
                sheet.write_blank(row - 1, col, None, fmt)
        self._target_rules(sheet, first, last, target_col=4, unit_col=5)
        self._signature(sheet, last + 2, "KETUA" if not secretariat else "SEKRETARIS", col=2)
        self._protect(sheet)

    def anggaran_sheet(self) -> None:
        sheet = self.book.add_worksheet("Anggaran")
        lines = ["RENCANA ANGGARAN TAHUN " + self.year, "SEKRETARIAT " + self.office.title]
        self._frame(sheet, lines, ["No", "Program", "Anggaran"], (6, 70, 24))
        first, last = HEADER_ROW + 2, HEADER_ROW + 1 + BODY_ROWS["Anggaran"]
        for row in range(first, last + 1):
            sheet.write_blank(row - 1, 0, None, self.body_center)
            sheet.write_blank(row - 1, 1, None, self.body)
            sheet.write_blank(row - 1, 2, None, self.rupiah)
        cells = f"C{first}:C{last}"
        sheet.data_validation(
            cells,
            {
                "validate": "integer",
                "criteria": ">=",
                "value": 0,
                "ignore_blank": True,
                "input_title": self._say("rupiah_title"),
                "input_message": self._say("rupiah_input"),
                "error_title": self._say("rupiah_title"),
                "error_message": self._say("rupiah_error"),
            },
        )
        sheet.conditional_format(
            cells,
            {
                "type": "formula",
                "format": self.invalid,
                "criteria": f'=AND(C{first}<>"",OR(NOT(ISNUMBER(C{first})),C{first}<0,'
                f"C{first}<>INT(C{first})))",
            },
        )
        sheet.write_string(last, 1, "JUMLAH", self.total_label)
        sheet.write_formula(last, 2, f"=SUM({cells})", self.total, 0)
        self._signature(sheet, last + 3, "SEKRETARIS", col=1)
        self._protect(sheet)

    def iku_sheet(self) -> None:
        sheet = self.book.add_worksheet("IKU")
        lines = [
            "INDIKATOR KINERJA UTAMA TAHUN " + self.year,
            "Nama / Unit Organisasi : " + (self.office.label or "........................"),
        ]
        self._frame(
            sheet,
            lines,
            ["No.", "Uraian", "Cara Penghitungan", "Sumber Data"],
            (11, 45, 50, 50),
            numbering=["1", "2", "3", "4"],
        )
        row = HEADER_ROW + 2
        code_cells = []
        for code, program in IKU_PROGRAMS:
            sheet.write_string(row - 1, 0, code, self.body_code)
            sheet.merge_range(row - 1, 1, row - 1, 3, program, self.body_program)
            code_cells.append(a1(row, 1))
            for body in range(row + 1, row + 1 + IKU_ROWS_PER_PROGRAM):
                sheet.write_blank(body - 1, 0, None, self.body_center)
                for col in (1, 2, 3):
                    sheet.write_blank(body - 1, col, None, self.body)
            row += IKU_ROWS_PER_PROGRAM + 1
        for ref in code_cells:
            self._program_code_rule(sheet, ref)
        self._signature(sheet, row + 1, "KETUA", col=3)
        self._protect(sheet)

    def petunjuk(self, kind: str) -> None:
        """The guide: what this template's own columns take, with valid examples."""
        sheet = self.book.add_worksheet("Petunjuk")
        widths = (30, 90)
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        guide = PETUNJUK[self.lang]
        lines: list[tuple[str, str | None, Any]] = [
            (guide["title"][kind].format(year=self.year), None, self.bold)
        ]
        lines += [(line, None, self.plain) for line in guide["intro"]]
        lines.append(("", None, self.plain))
        lines += [(column, how, self.plain) for column, how in guide["columns"][kind]]
        lines.append(("", None, self.plain))
        lines.append((guide["examples_title"][kind], None, self.bold))
        lines += [(label, example, self.plain) for label, example in self._examples(kind)]
        lines.append(("", None, self.plain))
        lines += [(line, None, self.plain) for line in guide["check"]]
        for row, (first, second, fmt) in enumerate(lines):
            if second is None:  # a line across both columns, wrapped in their joint width
                sheet.merge_range(row, 0, row, 1, first, fmt)
                height = wrapped_lines(first, sum(widths))
            else:
                sheet.write_string(row, 0, first, self.bold_wrap)
                sheet.write_string(row, 1, second, self.plain)
                height = max(wrapped_lines(first, widths[0]), wrapped_lines(second, widths[1]))
            if height > 1:
                sheet.set_row(row, 15 * height)
        print_xlsxwriter(sheet, list(widths), self.page, header_rows=0)

    def lists_sheet(self) -> None:
        """The rules, as Excel needs them: a hidden sheet and named ranges over it."""
        sheet = self.book.add_worksheet("Daftar")
        sheet.write_row(0, 0, ["Satuan", "Min", "Maks", "Bulat", "", "Kategori"])
        choices = list(self.rules.satuan_choices.items())
        for i, (word, kind) in enumerate(choices, start=1):
            low, high, whole = self._numeric_bounds(kind)
            sheet.write_row(i, 0, [word, low, high, whole])
        categories = [
            f"{word}|{value}"
            for word, kind in choices
            for value in self.rules.categories.get(kind, [])
        ]
        for i, entry in enumerate(categories, start=1):
            sheet.write_string(i, 5, entry)
        self.book.define_name("SatuanDaftar", f"=Daftar!$A$2:$A${len(choices) + 1}")
        self.book.define_name("SatuanAturan", f"=Daftar!$A$2:$D${len(choices) + 1}")
        self.book.define_name("KategoriDaftar", f"=Daftar!$F$2:$F${len(categories) + 1}")
        print_xlsxwriter(sheet, [12, 8, 8, 8, 4, 24], self.page, header_rows=1, page_header=False)
        sheet.hide()
        sheet.protect()

    # --- pieces ---------------------------------------------------------------------------

    def _frame(
        self,
        sheet: Any,
        titles: list[str],
        headers: list[str],
        widths: tuple[int, ...],
        numbering: list[str] | None = None,
    ) -> None:
        last = len(headers) - 1
        for row, text in enumerate(titles):
            sheet.merge_range(row, 0, row, last, text, self.title_format)
        for col, (text, width) in enumerate(zip(headers, widths, strict=True)):
            sheet.write_string(HEADER_ROW - 1, col, text, self.header_format)
            sheet.set_column(col, col, width)
        numbers = numbering or [f"({i})" for i in range(1, len(headers) + 1)]
        for col, text in enumerate(numbers):
            sheet.write_string(HEADER_ROW, col, text, self.numbering_format)
        sheet.freeze_panes(HEADER_ROW + 1, 0)
        sheet.repeat_rows(HEADER_ROW - 1, HEADER_ROW)  # printed again after every page break
        print_xlsxwriter(sheet, list(widths), self.page, header_rows=0, page_header=False)

    def _target_rules(
        self, sheet: Any, first: int, last: int, target_col: int, unit_col: int
    ) -> None:
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
                "input_title": self._say("target_title"),
                "input_message": self._say("target_input"),
                "error_title": self._say("target_title"),
                "error_message": self._say("target_error"),
            },
        )
        sheet.conditional_format(
            targets,
            {
                "type": "formula",
                "format": self.invalid,
                "criteria": f'=AND({target}<>"",NOT(IFERROR({valid},FALSE)))',
            },
        )
        sheet.data_validation(
            units,
            {
                "validate": "list",
                "source": "=SatuanDaftar",
                "input_title": self._say("unit_title"),
                "input_message": self._say("unit_input"),
            },
        )
        sheet.conditional_format(
            units,
            {
                "type": "formula",
                "format": self.invalid,
                "criteria": f'=AND({u}{first}<>"",ISNA(MATCH({u}{first},SatuanDaftar,0)))',
            },
        )

    def _program_code_rule(self, sheet: Any, ref: str) -> None:
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
                "input_title": self._say("code_title"),
                "input_message": self._say("code_input"),
                "error_title": self._say("code_title"),
                "error_message": self._say("code_input"),
            },
        )
        sheet.conditional_format(
            ref,
            {
                "type": "formula",
                "format": self.invalid,
                "criteria": f'=AND({c}<>"",NOT(IFERROR({valid},FALSE)))',
            },
        )

    def _signature(self, sheet: Any, row: int, role: str, col: int) -> None:
        sheet.write_string(row, col, f"{self.office.place}, ........................ {self.year}")
        sheet.write_string(row + 1, col, f"{role} {self.office.title}")
        sheet.write_string(row + 5, col, "(........................................)")

    def _protect(self, sheet: Any) -> None:
        """Headers are protected (no password), the body is not: typing is never blocked."""
        sheet.protect(
            "",
            {
                "format_cells": True,
                "format_columns": True,
                "format_rows": True,
                "insert_rows": True,
                "delete_rows": True,
                "sort": True,
                "autofilter": True,
            },
        )

    def _numeric_bounds(self, kind: str) -> tuple[float, float, int]:
        if kind in ("predikat", "opini"):
            return 1, 0, 0  # no number fits: a grade or an opinion is text
        low, high = (self.rules.ranges.get(kind) or [0, None])[:2]
        high = 10**15 if high is None else high
        if kind == "persen":  # Excel stores a typed "90%" as 0.9
            return low / 100, high / 100, 0
        return low, high, 1 if kind == "jumlah" else 0

    def _examples(self, kind: str) -> list[tuple[str, str]]:
        if kind == "iku":
            return list(PETUNJUK[self.lang]["iku_examples"])
        if kind == "anggaran":
            return list(PETUNJUK[self.lang]["anggaran_examples"])
        words = {"id": "mis.", "en": "e.g."}[self.lang]
        return [
            ("Persentase …", f"{words} 90% atau 0,16% — Satuan: persen"),
            ("Indeks Reformasi Birokrasi", f"{words} 80 — Satuan: indeks"),
            (
                "Nilai Akuntabilitas Kinerja",
                f"{', '.join(self.rules.categories.get('predikat', []))} — Satuan: predikat",
            ),
            (
                "Opini BPK atas Laporan Keuangan",
                f"{', '.join(self.rules.categories.get('opini', []))} — Satuan: opini",
            ),
            ("Jumlah dokumen …", f"{words} 5 — Satuan: dokumen"),
        ]

    def _say(self, key: str) -> str:
        return MESSAGES[key][self.lang][:255]


MESSAGES = {
    "target_title": {"id": "Target", "en": "Target"},
    "target_input": {
        "id": "Isi sesuai Satuan: persen 0-100% (ketik 90%), indeks/nilai 0-100, predikat AA-D, "
        "opini WTP/WDP/TW/TMP, jumlah bilangan bulat >= 0.",
        "en": "Fill in by Satuan: persen 0-100% (type 90%), indeks/nilai 0-100, predikat AA-D, "
        "opini WTP/WDP/TW/TMP, counts whole numbers >= 0.",
    },
    "target_error": {
        "id": "Target tidak sesuai dengan Satuan di kolom berikutnya. Lihat lembar Petunjuk.",
        "en": "The target does not fit the Satuan in the next column. See the Petunjuk sheet.",
    },
    "unit_title": {"id": "Satuan", "en": "Unit (Satuan)"},
    "unit_input": {
        "id": "Pilih satuan target dari daftar.",
        "en": "Choose the target's unit from the list.",
    },
    "rupiah_title": {"id": "Anggaran (Rp)", "en": "Budget (Rp)"},
    "rupiah_input": {
        "id": "Rupiah utuh tanpa titik dan tanpa 'Rp', mis. 814815000.",
        "en": "Whole rupiah, no dots and no 'Rp', e.g. 814815000.",
    },
    "rupiah_error": {
        "id": "Anggaran harus bilangan bulat 0 atau lebih.",
        "en": "A budget must be a whole number, 0 or more.",
    },
    "code_title": {"id": "Kode program", "en": "Program code"},
    "code_input": {
        "id": "Format 076.01.XX: tiga angka, dua angka, dua huruf kapital (mis. 076.01.WA).",
        "en": "Form 076.01.XX: three digits, two digits, two capital letters (e.g. 076.01.WA).",
    },
}

PETUNJUK: dict[str, dict[str, Any]] = {
    "id": {
        "title": {
            "rkt": "PETUNJUK PENGISIAN — RENCANA KINERJA TAHUNAN DAN ANGGARAN TAHUN {year}",
            "iku": "PETUNJUK PENGISIAN — INDIKATOR KINERJA UTAMA TAHUN {year}",
            "anggaran": "PETUNJUK PENGISIAN — RENCANA ANGGARAN TAHUN {year}",
        },
        "iku_examples": [
            ("Uraian", "Persentase pemutakhiran data pemilih yang tepat waktu"),
            (
                "Cara Penghitungan",
                "(jumlah tahapan pemutakhiran yang selesai tepat waktu / jumlah tahapan) × 100%",
            ),
            ("Sumber Data", "Laporan pemutakhiran data pemilih (Sidalih)"),
        ],
        "anggaran_examples": [
            ("Program", "Program Dukungan Manajemen"),
            ("Anggaran", "ketik 814815000 — tampil Rp814.815.000"),
        ],
        "intro": [
            "Isi hanya baris kosong di bawah judul kolom. Judul dan baris nomor kolom dikunci (tanpa kata sandi).",
            "Sel yang diisi tidak sesuai aturan akan berwarna merah; arahkan kursor ke sel untuk melihat petunjuknya.",
            "Jangan mengubah nama lembar atau judul kolom; tambahkan baris bila perlu (klik kanan > Sisipkan).",
        ],
        "columns": {
            "rkt": [
                (
                    "No",
                    "Nomor urut sasaran (1, 2, 3 …); boleh dikosongkan pada baris indikator berikutnya.",
                ),
                (
                    "Sasaran Strategis / Kegiatan",
                    "Tulis sasaran pada baris indikator pertamanya saja; baris di bawahnya yang kosong ikut sasaran tersebut.",
                ),
                (
                    "Indikator Kinerja",
                    "Satu indikator per baris. Awali dengan Persentase, Indeks, Nilai, Opini atau Jumlah.",
                ),
                (
                    "Target",
                    "Sesuai Satuan: 90% untuk persen, 80 untuk indeks, B untuk predikat, WTP untuk opini, 5 untuk jumlah dokumen.",
                ),
                (
                    "Satuan",
                    "Pilih dari daftar: persen, indeks, nilai, predikat, opini, jumlah, dokumen, laporan …",
                ),
                (
                    "Anggaran",
                    "Satu program per baris, rupiah utuh (814815000). Baris JUMLAH terisi otomatis.",
                ),
            ],
            "iku": [
                (
                    "No.",
                    "Baris program sudah tersedia (076.01.CQ dan 076.01.WA); isi indikator di bawah programnya.",
                ),
                ("Kode program", "Format 076.01.XX, mis. 076.01.WA."),
                ("Uraian", "Nama indikator kinerja utama."),
                ("Cara Penghitungan", "Wajib diisi: rumus atau cara menghitung capaian."),
                ("Sumber Data", "Wajib diisi: dari mana data capaian diperoleh."),
            ],
            "anggaran": [
                ("No", "Nomor urut program."),
                ("Program", "Nama program, sama dengan sasaran kegiatan di RKT Sekretariat."),
                (
                    "Anggaran",
                    "Rupiah utuh tanpa titik dan tanpa 'Rp' (814815000); tampil sebagai Rp814.815.000.",
                ),
                ("JUMLAH", "Terisi otomatis; jangan diketik."),
            ],
        },
        "examples_title": {
            "rkt": "Contoh target yang sah",
            "iku": "Contoh satu baris IKU",
            "anggaran": "Contoh satu baris anggaran",
        },
        "check": [
            'Sebelum mengirim, periksa berkas dengan:  kinerja-xl check "nama berkas.xlsx" --annotate diperiksa/',
            "Hasilnya menyebut lembar dan sel yang perlu diperbaiki, dan salinan bertanda di folder diperiksa/.",
        ],
    },
    "en": {
        "title": {
            "rkt": "HOW TO FILL IN — ANNUAL PERFORMANCE PLAN AND BUDGET {year}",
            "iku": "HOW TO FILL IN — KEY PERFORMANCE INDICATORS {year}",
            "anggaran": "HOW TO FILL IN — BUDGET PLAN {year}",
        },
        "iku_examples": [
            ("Uraian", "Persentase pemutakhiran data pemilih yang tepat waktu"),
            (
                "Cara Penghitungan",
                "(stages of the voter-list update finished on time / all stages) × 100%",
            ),
            ("Sumber Data", "Voter-list update report (Sidalih)"),
        ],
        "anggaran_examples": [
            ("Program", "Program Dukungan Manajemen"),
            ("Anggaran", "type 814815000 — shown as Rp814.815.000"),
        ],
        "intro": [
            "Fill in only the empty rows under the column headers. Titles and header rows are locked (no password).",
            "A cell filled against the rules turns red; point at a cell to see what it expects.",
            "Do not rename sheets or headers; add rows if needed (right-click > Insert).",
        ],
        "columns": {
            "rkt": [
                ("No", "Goal number (1, 2, 3 …); may stay empty on the following indicator rows."),
                (
                    "Sasaran Strategis / Kegiatan",
                    "Write the goal on its first indicator row only; empty rows below belong to it.",
                ),
                (
                    "Indikator Kinerja",
                    "One indicator per row, starting with Persentase, Indeks, Nilai, Opini or Jumlah.",
                ),
                (
                    "Target",
                    "By unit: 90% for persen, 80 for indeks, B for predikat, WTP for opini, 5 for a count.",
                ),
                (
                    "Satuan",
                    "Choose from the list: persen, indeks, nilai, predikat, opini, jumlah, dokumen, laporan …",
                ),
                (
                    "Anggaran",
                    "One program per row, whole rupiah (814815000). The JUMLAH row adds up by itself.",
                ),
            ],
            "iku": [
                (
                    "No.",
                    "Program rows are there (076.01.CQ and 076.01.WA); write indicators under their program.",
                ),
                ("Program code", "Form 076.01.XX, e.g. 076.01.WA."),
                ("Uraian", "The key indicator's name."),
                ("Cara Penghitungan", "Required: how achievement is calculated."),
                ("Sumber Data", "Required: where the data comes from."),
            ],
            "anggaran": [
                ("No", "Program number."),
                ("Program", "Program name, matching a sasaran kegiatan of the RKT Sekretariat."),
                (
                    "Anggaran",
                    "Whole rupiah without dots or 'Rp' (814815000); shown as Rp814.815.000.",
                ),
                ("JUMLAH", "Adds up by itself; do not type it."),
            ],
        },
        "examples_title": {
            "rkt": "Valid targets, for example",
            "iku": "One IKU row, for example",
            "anggaran": "One budget row, for example",
        },
        "check": [
            'Before sending, check the file with:  kinerja-xl check "file name.xlsx" --annotate checked/',
            "It names the sheet and cell to fix, and writes a marked-up copy into checked/.",
        ],
    },
}
