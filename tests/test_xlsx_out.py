"""The bulk row writer (`StreamingSheet.write_cells`) against xlsxwriter's own cell-by-cell
path: the same sheet XML, cell for cell, and office text that always stays text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kinerja_xl.outputs import xlsx_out
from kinerja_xl.outputs.xlsx_out import (
    Column,
    Link,
    StreamingSheet,
    Styles,
    new_workbook,
    write_table,
)
from kinerja_xl.reading.read import open_workbook

TRICKY_ROWS: list[list[Any]] = [
    ["plain", "Rp. 814.815.000,00", "≥ 90%", 0.1, 12, None],
    ["a & b < c > d", 'kata "kutip"', "  spasi di depan", "spasi di belakang ", 1e20, -5],
    ["tab\tdi tengah", "baris\nbaru", "kontrol\x01\x1f", "_x0041_ tertulis", "\ufffe", True],
    ["", None, "=SUM(A1:A2)", "+62 811", 123456789012345678, 2.5e-7],
    [Link("C7", "external:kiriman/a.xlsx#'RKT'!C7"), "ada tautan", None, "x", 0, 90.5],
]
HEIGHTS = [None, 30, None, 45.5, None]


def _formats(book: Any) -> list[Any]:
    styles = Styles(book)
    return [
        styles.get("text"),
        styles.get("wrap"),
        styles.get("text", quoted=True),
        styles.get("number"),
        styles.get("rupiah"),
        None,
    ]


def _write_fast(path: Path) -> None:
    book = new_workbook(str(path), streaming=True)
    sheet = book.add_worksheet("Data", worksheet_class=StreamingSheet)
    formats = _formats(book)
    for r, (values, height) in enumerate(zip(TRICKY_ROWS, HEIGHTS, strict=True), start=1):
        row_formats = [
            f if v not in (None, "") else None for v, f in zip(values, formats, strict=True)
        ]
        row_formats[1] = formats[1]  # a formatted blank where the value is empty
        sheet.write_cells(r, values, row_formats, height)
    book.close()


def _write_cell_by_cell(path: Path) -> None:
    """What xlsxwriter writes through its public API, one call per cell."""
    book = new_workbook(str(path), streaming=True)
    sheet = book.add_worksheet("Data")
    formats = _formats(book)
    for r, (values, height) in enumerate(zip(TRICKY_ROWS, HEIGHTS, strict=True), start=1):
        if height:
            sheet.set_row(r, height)
        for c, value in enumerate(values):
            fmt = formats[c] if value not in (None, "") else None
            if c == 1:
                fmt = formats[1]
            if isinstance(value, Link):
                sheet.write_url(r, c, value.url, fmt, value.text)
            elif value is None or value == "":
                if fmt is not None:
                    sheet.write_blank(r, c, None, fmt)
            elif isinstance(value, bool):
                sheet.write_boolean(r, c, value, fmt)
            elif isinstance(value, int | float):
                sheet.write_number(r, c, value, fmt)
            else:
                sheet.write_string(r, c, value, fmt)
    book.close()


def _parts_with_styles_resolved(path: Path) -> dict[str, bytes]:
    """Every part of the package, with each cell's style index replaced by the style it names
    (the two writers number styles in a different order: first use vs first write)."""
    with zipfile.ZipFile(path) as package:
        styles = package.read("xl/styles.xml").decode()
        cell_xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S)
        assert cell_xfs
        xfs = re.findall(r"<xf .*?(?:/>|</xf>)", cell_xfs.group(1))
        parts = {}
        for name in package.namelist():
            data = package.read(name)
            if name.startswith("xl/worksheets/sheet"):
                text = re.sub(
                    r' s="(\d+)"', lambda m: f' s="{xfs[int(m.group(1))]}"', data.decode()
                )
                data = text.encode()
            if name not in ("xl/styles.xml", "docProps/core.xml"):  # core.xml holds the time
                parts[name] = data
        return parts


def test_bulk_rows_write_what_xlsxwriter_writes_cell_by_cell(tmp_path):
    _write_fast(tmp_path / "fast.xlsx")
    _write_cell_by_cell(tmp_path / "slow.xlsx")
    fast = _parts_with_styles_resolved(tmp_path / "fast.xlsx")
    slow = _parts_with_styles_resolved(tmp_path / "slow.xlsx")
    assert sorted(fast) == sorted(slow)
    for name in slow:
        assert fast[name] == slow[name], name
    sheet_xml = fast["xl/worksheets/sheet1.xml"].decode()
    assert '<row r="3" ht="30" customHeight="1">' in sheet_xml
    assert "a &amp; b &lt; c &gt; d" in sheet_xml
    assert "kontrol_x0001__x001F_" in sheet_xml
    assert "_x005F_x0041_ tertulis" in sheet_xml
    assert "xl/worksheets/_rels/sheet1.xml.rels" in fast  # the Link kept its hyperlink


def test_without_xlsxwriters_internals_the_public_path_writes_the_same(tmp_path, monkeypatch):
    """A new xlsxwriter that renames what write_cells builds on gets the public API, and the
    file is the same, part for part."""
    assert xlsx_out.FAST_PATH  # this xlsxwriter has them
    _write_fast(tmp_path / "fast.xlsx")
    monkeypatch.setattr(xlsx_out, "FAST_PATH", False)
    _write_fast(tmp_path / "public.xlsx")
    fast = _parts_with_styles_resolved(tmp_path / "fast.xlsx")
    public = _parts_with_styles_resolved(tmp_path / "public.xlsx")
    assert sorted(fast) == sorted(public)
    for name in fast:
        assert fast[name] == public[name], name


@pytest.mark.parametrize(
    "missing",
    [
        (StreamingSheet.__mro__[1], "_write_single_row"),
        (StreamingSheet.__mro__[1], "_check_dimensions"),
        (xlsx_out.Format, "_get_xf_index"),
    ],
)
def test_a_missing_internal_is_noticed(monkeypatch, missing):
    owner, name = missing
    monkeypatch.delattr(owner, name)
    assert xlsx_out._internals_present() is False


def test_values_read_back_as_written(tmp_path):
    path = tmp_path / "fast.xlsx"
    _write_fast(path)
    sheet = openpyxl.load_workbook(path)["Data"]
    assert sheet["A2"].value == "plain"
    assert sheet["B2"].value == "Rp. 814.815.000,00"
    assert sheet["A3"].value == "a & b < c > d"
    assert sheet["C3"].value == "  spasi di depan"
    assert sheet["E3"].value == 1e20
    assert sheet["B4"].value == "baris\nbaru"
    assert sheet["F4"].value is True
    assert sheet["C5"].value == "=SUM(A1:A2)"  # text, not a formula
    assert sheet["C5"].data_type == "s"
    assert sheet["E5"].value == pytest.approx(123456789012345678)  # Excel keeps 15-16 digits
    assert sheet["A6"].value == "C7"
    link = sheet["A6"].hyperlink
    assert (link.target.replace("\\", "/"), link.location) == ("kiriman/a.xlsx", "'RKT'!C7")
    assert sheet.row_dimensions[3].height == 30


def test_characters_xml_cannot_hold_round_trip_through_our_reader(tmp_path):
    """Excel's _xHHHH_ escapes: written for control characters and for a typed "_x0041_",
    read back as the characters Excel shows."""
    path = tmp_path / "fast.xlsx"
    _write_fast(path)
    cells = open_workbook(path).sheets[0].cells
    assert cells[(4, 3)].value == "kontrol\x01\x1f"
    assert cells[(4, 4)].value == "_x0041_ tertulis"
    assert cells[(4, 5)].value == "\ufffe"


@pytest.mark.parametrize(
    ("streaming", "fast"), [(True, True), (True, False), (False, True)], ids=str
)
def test_text_that_looks_like_markup_stays_text(tmp_path, monkeypatch, streaming, fast):
    """xlsxwriter copies a string shaped "<r>…</r>" into the file as rich-text markup, which
    breaks the file when the text is not valid markup; office text must stay text — on the
    fast path, the public one, and outside streaming mode."""
    monkeypatch.setattr(xlsx_out, "FAST_PATH", fast)
    path = tmp_path / "out.xlsx"
    book = new_workbook(str(path), streaming=streaming)
    hostile = "<r>a & b</r>"
    write_table(book, Styles(book), "Data", [Column("Teks", 20)], [[hostile], ["<r><t>x</t></r>"]])
    book.close()
    sheet = openpyxl.load_workbook(path)["Data"]
    assert sheet["A2"].value == hostile
    assert sheet["A3"].value == "<r><t>x</t></r>"


def test_rows_must_be_written_top_to_bottom(tmp_path):
    book = new_workbook(str(tmp_path / "out.xlsx"), streaming=True)
    sheet = book.add_worksheet("Data", worksheet_class=StreamingSheet)
    sheet.write_cells(5, ["lima"], [None])
    with pytest.raises(ValueError, match="row 3"):
        sheet.write_cells(2, ["dua"], [None])
    book.close()


def test_outside_streaming_mode_cells_are_written_one_by_one(tmp_path):
    path = tmp_path / "out.xlsx"
    book = new_workbook(str(path), streaming=False)
    sheet = book.add_worksheet("Data", worksheet_class=StreamingSheet)
    sheet.write_cells(2, ["dua", 2, None], [None, None, None], height=30)
    sheet.write_cells(0, ["nol"], [None])  # any order is fine without streaming
    book.close()
    data = openpyxl.load_workbook(path)["Data"]
    assert [data["A1"].value, data["A3"].value, data["B3"].value] == ["nol", "dua", 2]
    assert data.row_dimensions[3].height == 30


def test_long_text_is_cut_at_excels_limit_in_utf16_units(tmp_path):
    path = tmp_path / "out.xlsx"
    book = new_workbook(str(path), streaming=True)
    emoji = "🗳" * 20_000  # 40,000 UTF-16 units: over the limit
    ascii_text = "a" * 32_767  # exactly the limit
    write_table(book, Styles(book), "Data", [Column("Teks", 20)], [[emoji], [ascii_text]])
    book.close()
    cells = open_workbook(path).sheets[0].cells
    assert cells[(2, 1)].value == "🗳" * 16_383
    assert cells[(3, 1)].value == ascii_text


def test_the_provincial_workbook_is_the_same_on_the_public_path(tmp_path, monkeypatch):
    from conftest import SAMPLES

    import kinerja_xl as kx

    batch = kx.check([SAMPLES])

    def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
        book = openpyxl.load_workbook(path)
        return {
            sheet.title: [
                (c.coordinate, c.value, c.number_format, c.fill.fgColor.rgb, c.font.b)
                for row in sheet.iter_rows()
                for c in row
                if c.value is not None or c.has_style
            ]
            for sheet in book.worksheets
        }

    kx.consolidate(batch, tmp_path / "fast.xlsx", province="Kalimantan Selatan")
    monkeypatch.setattr(xlsx_out, "FAST_PATH", False)
    kx.consolidate(batch, tmp_path / "public.xlsx", province="Kalimantan Selatan")
    fast, public = cells(tmp_path / "fast.xlsx"), cells(tmp_path / "public.xlsx")
    assert list(fast) == list(public)
    for name in fast:
        assert fast[name] == public[name], name
    assert sum(len(v) for v in fast.values()) > 2000


def test_a_long_text_in_many_rows_is_written_once(tmp_path):
    """A 30,000-letter indicator in 2,000 rows is one shared string, not 60 MB of sheet XML
    (issue 20, item 4); texts xlsxwriter's shared table would not keep as they are (markup,
    U+FFFF) stay inline, and every one reads back as written."""
    path = tmp_path / "out.xlsx"
    book = new_workbook(str(path), streaming=True)
    long_text = "Persentase pelayanan " * 1500
    odd = ["<r>" + "a & b " * 300 + "</r>", "x\uffff" * 600, "=" + "y" * 2000]
    rows = [[long_text] for _ in range(2000)] + [[text] for text in odd]
    write_table(book, Styles(book), "Data", [Column("Indikator", 40)], rows)
    book.close()
    with zipfile.ZipFile(path) as package:
        sheet_size = package.getinfo("xl/worksheets/sheet1.xml").file_size
        shared = package.read("xl/sharedStrings.xml").decode()
    assert sheet_size < 400_000, sheet_size
    assert shared.count("<si>") == 2  # the long text once, and the one starting "="
    cells = open_workbook(path).sheets[0].cells
    assert all(cells[(r, 1)].value == long_text for r in range(2, 2002))
    assert [cells[(r, 1)].value for r in range(2002, 2005)] == odd
    opened = openpyxl.load_workbook(path)["Data"]
    assert opened["A2"].value == long_text and opened["A2004"].value == odd[2]
    assert opened["A2004"].quotePrefix  # office text starting '=' keeps its quote prefix
