"""How every output prints: A4, landscape where the columns are wide, never scaled below
`MIN_SCALE`, the header row on every page, and a page header and footer that say which
document, which province and year, when it was made, and "Halaman 3 dari 7".

The geometry is Excel's: a column `width` characters wide is `int(width * 7 + 0.5) + 5` pixels
(Calibri 11, 96 dpi), so the print scale that fits a sheet to the page width can be known
before Excel or LibreOffice ever opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..words.messages import say

MIN_SCALE = 0.6  # below this, 11-point text prints under 7 points: unreadable for most people
LEGIBLE_SCALE = 0.7  # 11-point text at about 8 points (7.7) on paper: what every sheet aims for
A4_INCHES = (8.27, 11.69)
SIDE_MARGIN = 0.4  # inches
TOP_MARGIN = 0.75
HEADER_MARGIN = 0.3
PORTRAIT_IF_SCALE = 0.9  # portrait when the sheet fits across a portrait page at this scale
HEADER_LIMIT = 255  # Excel's limit for a header or footer string


def column_pixels(width: float) -> int:
    return int(width * 7 + 0.5) + 5 if width >= 1 else int(width * 12 + 0.5)


def printable_pixels(landscape: bool) -> float:
    page = A4_INCHES[1] if landscape else A4_INCHES[0]
    return (page - 2 * SIDE_MARGIN) * 96


def fit_scale(widths: list[float], landscape: bool) -> float:
    """The scale at which these columns fill the printable width (at most 1)."""
    total = sum(column_pixels(w) for w in widths) or 1
    return min(1.0, printable_pixels(landscape) / total)


@dataclass(frozen=True)
class Layout:
    landscape: bool
    fit_width: bool  # fit to one page wide (the scale then is `scale`, always ≥ MIN_SCALE)
    scale: float


def choose_layout(widths: list[float]) -> Layout:
    """Portrait when the columns fit a portrait page comfortably, else landscape; fit to the
    page width when that keeps the scale at or above MIN_SCALE, else print at a fixed scale
    over several pages across (the key columns repeated on each)."""
    if fit_scale(widths, landscape=False) >= PORTRAIT_IF_SCALE:
        return Layout(False, True, fit_scale(widths, False))
    scale = fit_scale(widths, landscape=True)
    if scale >= MIN_SCALE:
        return Layout(True, True, scale)
    return Layout(True, False, LEGIBLE_SCALE)


NEARLY_ONE_PAGE = 1.3  # a sheet up to this many pages tall is shrunk onto one


def printable_height(landscape: bool) -> float:
    """Points of a page the rows may take (A4 less the top and bottom margins)."""
    page = A4_INCHES[0] if landscape else A4_INCHES[1]
    return (page - 2 * TOP_MARGIN) * 72


def one_page_tall(layout: Layout, height: float) -> bool:
    """Whether rows `height` points tall, a little more than one page at the layout's scale,
    may be shrunk onto one page and still print at LEGIBLE_SCALE: rather that than a last
    page with one row on it."""
    pages = height * layout.scale / printable_height(layout.landscape)
    return 1 < pages <= NEARLY_ONE_PAGE and layout.scale / pages >= LEGIBLE_SCALE


MONTHS = {
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
    "Desember".split(),
    "en": "January February March April May June July August September October November "
    "December".split(),
}


def long_date(day: date, lang: str) -> str:
    return f"{day.day} {MONTHS.get(lang, MONTHS['id'])[day.month - 1]} {day.year}"


def _escaped(text: str) -> str:
    """Text inside an Excel header: '&' starts a code, so a literal one is doubled."""
    return text.replace("&", "&&")


@dataclass(frozen=True)
class PageInfo:
    """What every printed page of one output says about it."""

    document: str  # "Konsolidasi Rencana Kinerja" / "Salinan bertanda: RKT 2024.xlsx"
    province: str | None = None
    year: int | None = None
    made: date | None = None
    lang: str = "id"

    def header_parts(self) -> tuple[str, str, str]:
        """(left, centre, right) in Excel's header codes: the document in bold, the sheet's
        name (&A), the province and year."""
        where = ", ".join(
            part
            for part in (
                say("page-province", self.lang, province=self.province) if self.province else "",
                say("page-year", self.lang, year=self.year) if self.year else "",
            )
            if part
        )
        return f'&"-,Bold"{_escaped(self.document[:110])}', "&A", _escaped(where[:90])

    def footer_parts(self) -> tuple[str, str, str]:
        made = say("page-made", self.lang, date=long_date(self.made or date.today(), self.lang))
        page = say("page-number", self.lang, page="&P", pages="&N")
        return _escaped(made), "", page

    def header(self) -> str:
        return _joined(self.header_parts())

    def footer(self) -> str:
        return _joined(self.footer_parts())


def _joined(parts: tuple[str, str, str]) -> str:
    text = "".join(f"&{side}{part}" for side, part in zip("LCR", parts, strict=True) if part)
    return text[:HEADER_LIMIT]


def print_xlsxwriter(
    sheet: Any,
    widths: list[float],
    page: PageInfo,
    header_rows: int = 1,
    key_columns: int = 1,
    page_header: bool = True,
    height: float | None = None,
) -> Layout:
    """Print settings of an xlsxwriter worksheet whose printed columns have these widths.
    `page_header=False` keeps the page header free (an office's own plan is its document, not
    ours) and only numbers the pages in the footer. `height`: the rows' height in points,
    where known: a sheet a little taller than one page prints on one (`one_page_tall`), so
    that no row is left alone on a last page."""
    layout = choose_layout(widths)
    sheet.set_paper(9)  # A4
    if layout.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_margins(SIDE_MARGIN, SIDE_MARGIN, TOP_MARGIN, TOP_MARGIN)
    if layout.fit_width and height is not None and one_page_tall(layout, height):
        sheet.fit_to_pages(1, 1)
    elif layout.fit_width:
        sheet.fit_to_pages(1, 0)
    else:
        sheet.set_print_scale(int(layout.scale * 100))
        sheet.repeat_columns(0, max(key_columns, 1) - 1)
    if header_rows:
        sheet.repeat_rows(0, header_rows - 1)
    if page_header:
        sheet.set_header(page.header(), {"margin": HEADER_MARGIN})
        sheet.set_footer(page.footer(), {"margin": HEADER_MARGIN})
    else:
        number = say("page-number", page.lang, page="&P", pages="&N")
        sheet.set_footer(f"&C{number}", {"margin": HEADER_MARGIN})
    return layout


def print_openpyxl(
    sheet: Any,
    widths: list[float],
    page: PageInfo,
    title_rows: str | None = "1:1",
    key_columns: int = 1,
) -> Layout:
    """The same print settings for an openpyxl worksheet (the marked-up copy's sheets)."""
    layout = choose_layout(widths)
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if layout.landscape else "portrait"
    margins = sheet.page_margins
    margins.left = margins.right = SIDE_MARGIN
    margins.top = margins.bottom = TOP_MARGIN
    margins.header = margins.footer = HEADER_MARGIN
    if layout.fit_width:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth, setup.fitToHeight = 1, 0
    else:
        sheet.sheet_properties.pageSetUpPr.fitToPage = False
        setup.scale = int(layout.scale * 100)
        if key_columns:
            sheet.print_title_cols = f"A:{chr(64 + key_columns)}"
    if title_rows:
        sheet.print_title_rows = title_rows
    for target, parts in (
        (sheet.oddHeader, page.header_parts()),
        (sheet.oddFooter, page.footer_parts()),
    ):
        target.left.text, target.center.text, target.right.text = (p or None for p in parts)
    return layout


def fit_openpyxl(sheet: Any, widths: list[float]) -> Layout | None:
    """An office's own sheet in its marked-up copy: fitted to the page width (landscape where
    wide), so that a flagged cell prints on the page of its row; its titles, margins, header
    and footer stay the office's. None (left as it is) where fitting would print below
    MIN_SCALE."""
    layout = choose_layout(widths)
    if not layout.fit_width:
        return None
    sheet.page_setup.orientation = "landscape" if layout.landscape else "portrait"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    return layout
