"""One template workbook being written: its formats, its office and year, the frame every
sheet shares (titles, header, numbering row), the signature block and the protection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...checking.rulebook import Rules
from ...knowledge.registry import load_registry
from ...words.messages import say
from ..printing import PageInfo, print_xlsxwriter
from ..xlsx_out import RUPIAH

HEADER_ROW = 4  # rows 1-2 titles, 3 blank, 4 header, 5 numbering, body from 6
TEMPLATE_NAMES = {"rkt": "RKT", "iku": "IKU", "anggaran": "Anggaran"}
BLANK = "........................"


@dataclass
class Office:
    label: str | None  # "KPU Kota Surabaya"

    @property
    def title(self) -> str:
        if not self.label:
            return "KOMISI PEMILIHAN UMUM " + BLANK
        return "KOMISI PEMILIHAN UMUM " + self.label.removeprefix("KPU ").upper()

    @property
    def place(self) -> str:
        return self.label.split(" ", 2)[-1] if self.label else BLANK


def resolve_office(name: str | None) -> Office:
    """'Surabaya', 'Kota Surabaya' or 'KPU Kota Surabaya' -> 'KPU Kota Surabaya'."""
    if not name:
        return Office(None)
    registry = load_registry()
    found = registry.match_texts(
        [name if name.upper().startswith(("KPU", "KIP")) else f"KPU {name}"]
    )
    if not (found and found.office):
        found = registry.match_file_name(name) or found
    return Office(found.label if found and found.label else name)


class Form:
    """The workbook being written: shared formats, the office, the year, the rules."""

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

    def say(self, key: str, **fields: Any) -> str:
        return say(key, self.lang, **fields)

    def hint(self, key: str, **fields: Any) -> str:
        """A cell's hint: Excel refuses one longer than 255 characters."""
        return self.say(f"hint-{key}", **fields)[:255]

    def frame(
        self,
        sheet: Any,
        titles: list[str],
        headers: list[str],
        widths: tuple[int, ...],
        numbering: list[str] | None = None,
    ) -> None:
        """Titles over the table, the header row, the numbering row "(1) (2) …" under it,
        both printed again on every page; A4 and page numbers."""
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

    def signature(self, sheet: Any, row: int, role: str, col: int) -> None:
        sheet.write_string(row, col, f"{self.office.place}, {BLANK} {self.year}")
        sheet.write_string(row + 1, col, f"{role} {self.office.title}")
        sheet.write_string(row + 5, col, "(........................................)")

    def protect(self, sheet: Any) -> None:
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
