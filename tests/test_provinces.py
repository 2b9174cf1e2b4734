"""Any province's roster and the national roll-up, through the commands a province and KPU RI
run: offices of Jawa Timur, Papua Pegunungan, DKI Jakarta and Aceh, their files' names, a typo
in --province, and two provincial workbooks merged into one national workbook."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import build_xlsx
from typer.testing import CliRunner

from kinerja_xl.cli import app

runner = CliRunner()


def plan(path: Path, office_title: str, targets: tuple[str, ...] = ("80%", "BB")) -> Path:
    """A small RKT KPU, RKT Sekretariat and Anggaran of one office, titled as offices title."""
    rkt = [
        ["RENCANA KINERJA TAHUNAN TAHUN 2024"],
        [office_title],
        [],
        ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
        ["1", "Meningkatnya partisipasi pemilih", "Persentase Partisipasi Pemilih", targets[0]],
        [None, None, "Nilai Akuntabilitas Kinerja", targets[1]],
    ]
    sekretariat = [
        ["RENCANA KINERJA TAHUNAN SEKRETARIAT TAHUN 2024"],
        [office_title],
        [],
        ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target"],
        ["1", "Terlaksananya dukungan manajemen", "Persentase layanan tepat waktu", "90%"],
    ]
    anggaran = [
        ["ANGGARAN TAHUN 2024"],
        [office_title],
        [],
        ["No", "Program", "Anggaran"],
        ["1", "Dukungan Manajemen", 1_500_000_000],
        ["2", "Penyelenggaraan Pemilu", 2_000_000_000],
    ]
    sheets = {"RKT KPU": rkt, "RKT Sekretariat": sekretariat, "Anggaran": anggaran}
    return build_xlsx(path, sheets)


def consolidate(*args: object):
    return runner.invoke(app, ["consolidate", *map(str, args), "--quiet"])


def rows_of(book, name):
    sheet = book[name]
    header = [c.value for c in sheet[1]]
    return [
        dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]


def status_rows(book):
    """The office rows of Status Kiriman (the counts block below them starts after a blank)."""
    rows = []
    for row in rows_of(book, "Status Kiriman"):
        if not row["Satker"]:
            break
        rows.append(row)
    return rows


@pytest.fixture
def jatim(tmp_path):
    inbox = tmp_path / "jatim"
    inbox.mkdir()
    plan(inbox / "KPU Kota Surabaya - RKT 2024.xlsx", "KOMISI PEMILIHAN UMUM KOTA SURABAYA")
    plan(inbox / "RKT 2024 Pacitan.xlsx", "KPU KABUPATEN PACITAN")
    plan(inbox / "rkt_jatim_2024.xlsx", "KOMISI PEMILIHAN UMUM PROVINSI JAWA TIMUR")
    return inbox


def test_check_names_the_office_and_its_code_in_json(jatim):
    result = runner.invoke(app, ["check", str(jatim), "--format", "json"])
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert [(f["office"], f["office_code"]) for f in files.values()] == [
        ("KPU Kota Surabaya", "35.78"),
        ("KPU Kabupaten Pacitan", "35.01"),
        ("KPU Provinsi Jawa Timur", "35"),
    ]


def test_status_kiriman_lists_every_office_of_the_province_in_code_order(jatim, tmp_path):
    out = tmp_path / "Konsolidasi Jatim.xlsx"
    result = consolidate(jatim, "-o", out, "--province", "Jatim")
    assert result.exit_code == 0, result.output
    rows = status_rows(openpyxl.load_workbook(out))
    assert len(rows) == 1 + 38  # the KPU Provinsi, 29 kabupaten and 9 kota
    assert [r["Kode"] for r in rows[:3]] == ["35", "35.01", "35.02"]
    assert rows[0]["Satker"] == "KPU Provinsi Jawa Timur"
    by_code = {r["Kode"]: r for r in rows}
    assert by_code["35.78"]["Satker"] == "KPU Kota Surabaya"
    assert by_code["35.78"]["RKT KPU"] == "Siap"
    assert by_code["35.02"]["Satker"] == "KPU Kabupaten Ponorogo"
    assert {by_code["35.02"][d] for d in ("RKT KPU", "RKT Sekretariat", "IKU", "Anggaran")} == {
        "Belum mengirim"
    }
    assert [r["Kode"] for r in rows] == sorted(r["Kode"] for r in rows)
    assert "39 satker" in result.stdout


def test_the_province_is_inferred_from_the_offices_read(jatim, tmp_path):
    out = tmp_path / "out.xlsx"
    assert consolidate(jatim, "-o", out).exit_code == 0
    rows = status_rows(openpyxl.load_workbook(out))
    assert len(rows) == 39 and rows[0]["Satker"] == "KPU Provinsi Jawa Timur"


def test_offices_of_another_province_are_listed_apart_and_said(jatim, tmp_path):
    out = tmp_path / "out.xlsx"
    result = consolidate(jatim, "-o", out, "--province", "Jawa Barat")
    assert result.exit_code == 0
    assert "bukan dari Provinsi Jawa Barat" in result.stdout
    rows = status_rows(openpyxl.load_workbook(out))
    assert rows[0]["Satker"] == "KPU Provinsi Jawa Barat"
    jabar = [r for r in rows if r["Kode"] and r["Kode"].startswith("32")]
    assert len(jabar) == 1 + 27
    apart = rows[len(jabar) :]
    assert [r["Kode"] for r in apart] == ["35", "35.01", "35.78"]
    assert all("Provinsi Jawa Timur" in (r["Keterangan"] or "") for r in apart)


@pytest.mark.parametrize(
    ("typo", "nearest"), [("Jawa Timr", "Jawa Timur"), ("Kalimantan Selatn", "Kalimantan Selatan")]
)
def test_a_mistyped_province_is_refused_naming_the_nearest(jatim, tmp_path, typo, nearest):
    out = tmp_path / "out.xlsx"
    result = runner.invoke(app, ["consolidate", str(jatim), "-o", str(out), "--province", typo])
    assert result.exit_code == 2
    assert nearest in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("title", "file_name", "office", "code"),
    [
        ("KPU KABUPATEN JAYAWIJAYA", "RKT 2024.xlsx", "KPU Kabupaten Jayawijaya", "95.01"),
        ("KPU Kab. Adm. Kepulauan Seribu", "RKT.xlsx", "KPU Kabupaten Kepulauan Seribu", "31.01"),
        (None, "KPU Kota Jakarta Timur - RKT 2024.xlsx", "KPU Kota Jakarta Timur", "31.75"),
        (
            "KOMISI INDEPENDEN PEMILIHAN KABUPATEN ACEH BESAR",
            "x.xlsx",
            "KIP Kabupaten Aceh Besar",
            "11.06",
        ),
        (None, "KIP Aceh - IKU 2024.xlsx", "KIP Aceh", "11"),
        ("KPU DIY", "RKT.xlsx", "KPU Daerah Istimewa Yogyakarta", "34"),
    ],
)
def test_offices_of_other_provinces(tmp_path, title, file_name, office, code):
    path = plan(tmp_path / file_name, title or "RENCANA KINERJA")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    found = json.loads(result.stdout)["files"][0]
    assert (found["office"], found["office_code"]) == (office, code)
    assert "office-unknown" not in [i["code"] for i in found["issues"]]


def test_another_agencys_workbook_gets_no_kpu_office_and_says_so(tmp_path):
    path = plan(tmp_path / "BPS Tapin - RKT 2024.xlsx", "BADAN PUSAT STATISTIK KABUPATEN TAPIN")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    found = json.loads(result.stdout)["files"][0]
    assert (found["office"], found["office_code"]) == (None, None)
    unknown = [i for i in found["issues"] if i["code"] == "office-unknown"]
    assert len(unknown) == 1 and unknown[0]["severity"] == "warning"
    assert "BADAN PUSAT STATISTIK" in unknown[0]["message"]


def test_a_workbook_naming_no_office_gets_office_unknown_saying_where_it_looked(tmp_path):
    path = plan(tmp_path / "rencana.xlsx", "RENCANA KINERJA")
    result = runner.invoke(app, ["check", str(path), "--format", "json", "--lang", "en"])
    found = json.loads(result.stdout)["files"][0]
    (unknown,) = [i for i in found["issues"] if i["code"] == "office-unknown"]
    assert "file name" in unknown["message"] and "KPU Kabupaten Tapin" in unknown["message"]
    assert found["office_code"] is None


def test_a_province_that_collects_the_pk_too_gets_a_pk_column(jatim, tmp_path):
    schemas = tmp_path / "aturan-jatim"
    shutil.copytree(Path(__file__).resolve().parent.parent / "schemas", schemas)
    kiriman = schemas / "kiriman.yaml"
    kiriman.write_text(
        kiriman.read_text(encoding="utf-8").replace(
            "provinces: {}", "provinces:\n  Jatim: [RKT KPU, RKT Sekretariat, IKU, Anggaran, PK]"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.xlsx"
    result = consolidate(jatim, "-o", out, "--province", "Jawa Timur", "--schemas", schemas)
    assert result.exit_code == 0, result.output
    header = [c.value for c in openpyxl.load_workbook(out)["Status Kiriman"][1]]
    assert header[:7] == ["Kode", "Satker", "RKT KPU", "RKT Sekretariat", "IKU", "Anggaran", "PK"]
    surabaya = {r["Kode"]: r for r in status_rows(openpyxl.load_workbook(out))}["35.78"]
    assert surabaya["PK"] == "Belum mengirim"
    # a province that does not collect it has no such column
    other = tmp_path / "jabar.xlsx"
    consolidate(jatim, "-o", other, "--province", "Jatim")
    assert "PK" not in [c.value for c in openpyxl.load_workbook(other)["Status Kiriman"][1]]


def test_a_name_two_offices_share_is_decided_by_the_province_consolidated(tmp_path):
    """'KPU Banjar' is KPU Kabupaten Banjar (Kalimantan Selatan) or KPU Kota Banjar (Jawa
    Barat): a check names both; a consolidation for one of their provinces takes that one; a
    name two offices of one province share (Kabupaten and Kota Malang) stays unknown."""
    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    plan(inbox / "RKT Banjar 2024.xlsx", "KPU BANJAR")
    checked = runner.invoke(app, ["check", str(inbox), "--format", "json"])
    found = json.loads(checked.stdout)["files"][0]
    assert (found["office"], found["office_code"]) == (None, None)
    (unknown,) = [i for i in found["issues"] if i["code"] == "office-unknown"]
    assert "KPU Kabupaten Banjar (Kalimantan Selatan)" in unknown["message"]
    assert "KPU Kota Banjar (Jawa Barat)" in unknown["message"]
    assert "--province" in unknown["message"]

    for province, code, office in [
        ("Kalsel", "63.03", "KPU Kabupaten Banjar"),
        ("Jawa Barat", "32.79", "KPU Kota Banjar"),
    ]:
        out = tmp_path / f"{province}.xlsx"
        result = consolidate(inbox, "-o", out, "--province", province)
        assert result.exit_code == 0, result.output
        book = openpyxl.load_workbook(out)
        by_code = {r["Kode"]: r for r in status_rows(book)}
        assert (by_code[code]["Satker"], by_code[code]["RKT KPU"]) == (office, "Siap")
        assert not [r for r in rows_of(book, "Masalah") if r["Kode"] == "office-unknown"]
        assert {r["Satker"] for r in rows_of(book, "RKT")} == {office}

    malang = tmp_path / "malang"
    malang.mkdir()
    plan(malang / "RKT 2024.xlsx", "KPU MALANG")
    out = tmp_path / "Jatim.xlsx"
    assert consolidate(malang, "-o", out, "--province", "Jatim").exit_code == 0
    masalah = rows_of(openpyxl.load_workbook(out), "Masalah")
    (unknown_row,) = [r for r in masalah if r["Kode"] == "office-unknown"]
    assert "KPU Kabupaten Malang (Jawa Timur); KPU Kota Malang (Jawa Timur)" in unknown_row["Pesan"]
