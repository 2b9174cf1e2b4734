"""The national roll-up: KPU RI merges the provinces' consolidated workbooks (made by
kinerja-xl) with any office's own file; rows add up, keep their province and their links."""

from __future__ import annotations

import shutil
from urllib.parse import unquote

import openpyxl
import pytest
from test_provinces import consolidate, plan, rows_of

# --- the national roll-up -------------------------------------------------------------------


@pytest.fixture
def two_provinces(tmp_path):
    """Jawa Timur's and Kalimantan Selatan's offices, each consolidated by its province."""
    books = {}
    for province, offices in {
        "Jawa Timur": [("KPU Kota Surabaya", "KPU KOTA SURABAYA"), ("Pacitan", "KPU KAB. PACITAN")],
        "Kalimantan Selatan": [
            ("KPU Kota Banjarmasin", "KPU KOTA BANJARMASIN"),
            ("Tanbu", "KPU TANAH BUMBU"),
            ("HSS", "KPU KABUPATEN HULU SUNGAI SELATAN"),
        ],
    }.items():
        inbox = tmp_path / "kiriman" / province
        inbox.mkdir(parents=True)
        for name, title in offices:
            targets = ("120%", "A") if name == "Pacitan" else ("75%", "A")  # one to fix
            plan(inbox / f"{name} - RKT 2024.xlsx", title, targets)
        out = tmp_path / "provinsi" / f"Konsolidasi {province}.xlsx"
        out.parent.mkdir(exist_ok=True)
        assert consolidate(inbox, "-o", out, "--province", province).exit_code in (0, 1)
        books[province] = out
    return books


def test_a_roll_up_of_two_provincial_workbooks_adds_up_exactly(two_provinces, tmp_path):
    out = tmp_path / "nasional" / "Konsolidasi Nasional.xlsx"
    out.parent.mkdir()
    result = consolidate(*two_provinces.values(), "-o", out)
    assert result.exit_code == 1, result.output  # Pacitan's 120 %
    national = openpyxl.load_workbook(out)
    provincial = {p: openpyxl.load_workbook(b) for p, b in two_provinces.items()}
    for sheet in ("RKT", "IKU", "Anggaran"):
        assert len(rows_of(national, sheet)) == sum(
            len(rows_of(b, sheet)) for b in provincial.values()
        )
    rkt = rows_of(national, "RKT")
    assert {r["Provinsi"] for r in rkt} == {"Jawa Timur", "Kalimantan Selatan"}
    assert len([r for r in rkt if r["Provinsi"] == "Jawa Timur"]) == 2 * 3
    totals = [r for r in rows_of(national, "Rekap Anggaran") if r.get("Program") == "Total"]
    assert totals and totals[0]["Total"] == 5 * 3_500_000_000
    status = {r["Provinsi"]: r for r in rows_of(national, "Status Provinsi") if r["Provinsi"]}
    assert status["Jawa Timur"]["Satker"] == 39
    assert status["Kalimantan Selatan"]["Satker"] == 14
    assert status["Jawa Timur"]["Mengirim"] == 2
    # Pacitan's 120 % is found again in the rows read back: its office needs fixing
    assert (status["Jawa Timur"]["Perlu perbaikan"], status["Jawa Timur"]["Belum lengkap"]) == (
        1,
        1,
    )
    assert status["Kalimantan Selatan"]["Perlu perbaikan"] == 0
    assert (
        national.sheetnames.index("Status Provinsi") == national.sheetnames.index("Ringkasan") + 1
    )


def test_the_national_workbooks_links_still_open_the_offices_cells(two_provinces, tmp_path):
    out = tmp_path / "nasional" / "Konsolidasi Nasional.xlsx"
    out.parent.mkdir()
    assert consolidate(*two_provinces.values(), "-o", out).exit_code == 1  # Pacitan
    sheet = openpyxl.load_workbook(out)["RKT"]
    header = [c.value for c in sheet[1]]
    sel = header.index("Sel") + 1
    assert sheet.max_row - 1 == 5 * 3  # five offices' RKT KPU (2) and RKT Sekretariat (1)
    for row in range(2, sheet.max_row + 1):
        link = sheet.cell(row, sel).hyperlink
        assert link is not None
        # Excel's relative link: the file (with Windows' separators) and the place in it
        office_file = (out.parent / unquote(link.target).replace("\\", "/")).resolve()
        assert office_file.exists(), office_file
        quoted_sheet, _, cell = link.location.rpartition("!")
        office_sheet = openpyxl.load_workbook(office_file)[quoted_sheet.strip("'")]
        value = {t: sheet.cell(row, header.index(t) + 1).value for t in ("Indikator", "Target")}
        # Sel opens the indicator's cell, or the cell to fix where the row has a problem
        expected = (
            value["Target"]
            if sheet.cell(row, header.index("Status") + 1).value != "OK"
            else value["Indikator"]
        )
        assert office_sheet[cell].value == expected, (row, cell)
    statuses = [
        sheet.cell(r, header.index("Status") + 1).value for r in range(2, sheet.max_row + 1)
    ]
    assert statuses.count("OK") == 14  # all but Pacitan's 120 %, whose Sel opens that cell


def test_a_provincial_workbook_and_an_offices_own_file_are_one_submission(two_provinces, tmp_path):
    own = tmp_path / "kiriman" / "Jawa Timur" / "KPU Kota Surabaya - RKT 2024.xlsx"
    copy = tmp_path / "langsung" / own.name
    copy.parent.mkdir()
    shutil.copy(own, copy)
    out = tmp_path / "nasional.xlsx"
    assert consolidate(two_provinces["Jawa Timur"], copy, "-o", out).exit_code == 1
    book = openpyxl.load_workbook(out)
    rkt = rows_of(book, "RKT")
    surabaya = [r for r in rkt if r["Satker"] == "KPU Kota Surabaya"]
    assert len(surabaya) == 3  # once, not twice
    assert {r["Berkas"] for r in surabaya} == {"langsung/" + own.name}  # the office's own file
    assert len([r for r in rkt if r["Satker"] == "KPU Kabupaten Pacitan"]) == 3
