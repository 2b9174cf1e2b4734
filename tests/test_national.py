"""The national roll-up: KPU RI merges the provinces' consolidated workbooks (made by
kinerja-xl) with any office's own file; rows add up, keep their province and their links."""

from __future__ import annotations

import shutil
from urllib.parse import unquote

import openpyxl
import pytest
from test_provinces import consolidate, plan, rows_of, status_rows

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
    # every province is listed, those whose workbook has not come with every office not sent,
    # and the nation's total under them
    assert len(status) == 38 + 1
    assert status["Papua Pegunungan"]["Mengirim"] == 0
    assert status["Papua Pegunungan"]["Belum mengirim"] == status["Papua Pegunungan"]["Satker"] == 9
    nation = status["Indonesia (38 provinsi)"]
    assert nation["Satker"] == 38 + 514  # the KPU Provinsi and the 514 KPU Kabupaten/Kota
    assert nation["Mengirim"] == 5
    counts = ("Siap", "Perlu perbaikan", "Tidak terbaca", "Belum lengkap", "Belum mengirim")
    assert sum(nation[c] for c in counts) == nation["Satker"]


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


def test_what_a_province_found_reaches_the_nation(tmp_path):
    """A file that gave its province no row (unreadable, a covering letter) is listed by the
    nation as by the province, and what was found as a file was read (a hidden row that holds
    data) is carried; a fault the nation finds again in the rows is said once."""
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    plan(inbox / "KPU Kota Banjarmasin - RKT 2024.xlsx", "KPU KOTA BANJARMASIN", ("120%", "A"))
    hidden = plan(inbox / "KPU Kota Banjarbaru - RKT 2024.xlsx", "KPU KOTA BANJARBARU")
    book = openpyxl.load_workbook(hidden)
    book["RKT KPU"].row_dimensions[6].hidden = True  # an indicator row, hidden and read
    book.save(hidden)
    (inbox / "KPU Kabupaten Tapin - RKT 2024.xlsx").write_text("bukan buku kerja")
    letter = openpyxl.Workbook()
    letter.active.append(["Dengan hormat, bersama ini kami sampaikan RKT Tahun 2024."])
    letter.save(inbox / "KPU Kabupaten Balangan - Surat Pengantar.xlsx")
    provincial = tmp_path / "Konsolidasi Kalsel.xlsx"
    assert consolidate(inbox, "-o", provincial, "--province", "Kalsel").exit_code == 2
    national = tmp_path / "nasional" / "Konsolidasi Nasional.xlsx"
    national.parent.mkdir()
    assert consolidate(provincial, "-o", national).exit_code == 2  # Tapin's file, as before

    province_book, nation_book = (
        openpyxl.load_workbook(provincial),
        openpyxl.load_workbook(national),
    )
    listed = {
        r["Berkas"].rpartition("/")[2]: r["Status"]
        for r in rows_of(nation_book, "Ringkasan")
        if r["Berkas"]
    }
    assert listed["KPU Kabupaten Tapin - RKT 2024.xlsx"] == "Tidak terbaca"
    assert listed["KPU Kabupaten Balangan - Surat Pengantar.xlsx"] == "Bukan dokumen rencana"
    assert listed["KPU Kota Banjarmasin - RKT 2024.xlsx"] == "Perlu perbaikan"

    def found(book):
        return sorted(
            (r["Berkas"].rpartition("/")[2], r["Kode"], r["Lembar"], r["Sel"])
            for r in rows_of(book, "Masalah")
            if r["Kode"] != "office-unknown"
        )

    assert found(nation_book) == found(province_book)
    codes = [code for _, code, _, _ in found(nation_book)]
    assert {"file-unreadable", "hidden-content", "table-not-found", "target-out-of-range"} <= set(
        codes
    )
    assert codes.count("target-out-of-range") == 1  # found again in the rows, said once

    # one province's roll-up is that province's workbook again: Status Kiriman says the same
    assert status_rows(nation_book) == status_rows(province_book)
    tapin = next(r for r in status_rows(nation_book) if r["Satker"] == "KPU Kabupaten Tapin")
    assert "Tidak terbaca" in tapin.values()

    # beside another province, the nation counts Tapin's office as the province did
    jatim = tmp_path / "jatim"
    jatim.mkdir()
    plan(jatim / "KPU Kota Surabaya - RKT 2024.xlsx", "KPU KOTA SURABAYA")
    assert consolidate(jatim, "-o", jatim / "Konsolidasi.xlsx").exit_code == 0
    both = tmp_path / "nasional" / "Dua Provinsi.xlsx"
    assert consolidate(provincial, jatim / "Konsolidasi.xlsx", "-o", both).exit_code == 2
    standing = {
        r["Provinsi"]: r
        for r in rows_of(openpyxl.load_workbook(both), "Status Provinsi")
        if r["Provinsi"]
    }
    kalsel = standing["Kalimantan Selatan"]
    assert (kalsel["Mengirim"], kalsel["Tidak terbaca"], kalsel["Perlu perbaikan"]) == (4, 1, 1)
    assert (standing["Jawa Timur"]["Mengirim"], standing["Jawa Timur"]["Siap"]) == (1, 0)
