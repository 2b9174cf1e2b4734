"""End to end over sample_workbooks/: what `inspect` must show on the seed documents."""

from __future__ import annotations

import json

import pytest
from conftest import BANJARBARU, BANJARMASIN, SAMPLES, digest
from typer.testing import CliRunner

from kinerja_xl.batch import Batch
from kinerja_xl.cli import app
from kinerja_xl.pipeline import inspect_file

runner = CliRunner()
ALL_SAMPLES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".xlsx", ".xls", ".ods"))


def inspect_json(path):
    result = runner.invoke(app, ["inspect", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_banjarmasin_tables_office_year_and_the_016_target():
    data = inspect_json(BANJARMASIN)
    (file,) = data["files"]
    assert (file["office"], file["year"], file["readable"]) == ("KPU Kota Banjarmasin", 2024, True)
    summary = [(t["sheet"], t["kind"], t["rows"]) for t in file["tables"]]
    assert summary == [
        ("RKT KPU", "rkt", 13),
        ("RKT Sekretariat", "rkt-sekretariat", 18),
        ("Anggaran", "anggaran", 9),
    ]
    assert file["tables"][2]["total"] == 43_484_684_000
    assert file["tables"][0]["header_row"] == 4
    targets = [r["target"] for r in file["tables"][0]["records"]]
    assert {"text": "0,16%", "value": 0.16, "unit": "persen"} in targets


def test_banjarbaru_iku_programs_and_split_sumber_data():
    (file,) = inspect_json(BANJARBARU)["files"]
    assert (file["office"], file["year"]) == ("KPU Kota Banjarbaru", 2024)
    (table,) = file["tables"]
    assert (table["kind"], table["rows"]) == ("iku", 8)
    codes = [r["kode_program"] for r in table["records"]]
    assert codes == ["076.01.CQ"] * 3 + ["076.01.WA"] * 5
    assert table["records"][-1]["sumber"] == (
        "Data bersumber dari kegiatan Data dan Informasi yang dilaksanakan Divisi Perencanaan, "
        "Data, dan Informasi KPU Kota Banjarbaru."
    )


def test_cli_json_equals_the_library():
    data = inspect_json(BANJARMASIN)
    assert data == Batch(files=[inspect_file(BANJARMASIN)]).to_dict("id", records=True)


@pytest.mark.parametrize(
    ("name", "office", "kinds"),
    [
        (
            "KPU Kabupaten Tapin - RKT 2024.xlsx",
            "KPU Kabupaten Tapin",
            [("rkt", 7), ("rkt-sekretariat", 6), ("anggaran", 4)],
        ),
        (
            "KPU Kabupaten Tanah Laut - RKT dan IKU 2024.xlsx",
            "KPU Kabupaten Tanah Laut",
            [("rkt-sekretariat", 6), ("anggaran", 4), ("iku", 2)],
        ),
        (
            "KPU Kabupaten Banjar - RKT Sekretariat 2024.xls",
            "KPU Kabupaten Banjar",
            [("rkt-sekretariat", 6), ("anggaran", 4)],
        ),
        (
            "KPU Kabupaten Hulu Sungai Selatan - IKU 2024.ods",
            "KPU Kabupaten Hulu Sungai Selatan",
            [("iku", 3)],
        ),
        (
            "KPU Kabupaten Kotabaru - RKT 2024.xlsx",
            "KPU Kabupaten Kotabaru",
            [("rkt", 6), ("anggaran", 2)],
        ),
    ],
)
def test_other_office_layouts(name, office, kinds):
    report = inspect_file(SAMPLES / name)
    assert report.office == office and report.year == 2024
    assert [(t.kind, t.rows) for t in report.tables] == kinds


def test_same_plan_reads_the_same_in_xlsx_xls_and_layouts():
    """Tapin (merged cells, percent-formatted numbers), Tanah Laut (text targets, page break)
    and Banjar (.xls, side by side) hold the same secretariat plan and budget."""
    plans = []
    for name in (
        "KPU Kabupaten Tapin - RKT 2024.xlsx",
        "KPU Kabupaten Tanah Laut - RKT dan IKU 2024.xlsx",
        "KPU Kabupaten Banjar - RKT Sekretariat 2024.xls",
    ):
        report = inspect_file(SAMPLES / name)
        (sek,) = report.tables_of("rkt-sekretariat")
        (ang,) = report.tables_of("anggaran")
        plans.append(([(r.get("sasaran"), r.get("indikator")) for r in sek.records], ang.total))
    assert plans[0] == plans[1] == plans[2]
    assert plans[0][1] == 13_953_235_000


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_inspect_never_changes_a_sample(path):
    before = digest(path)
    result = runner.invoke(app, ["inspect", str(path)])
    assert result.exit_code == 0, result.output
    assert digest(path) == before


def test_inspect_text_is_a_readable_summary():
    result = runner.invoke(app, ["inspect", str(BANJARMASIN)])
    assert "Satker: KPU Kota Banjarmasin" in result.stdout
    assert "lembar 'RKT Sekretariat', judul kolom di baris 4: 18 baris data" in result.stdout
    assert "Rp43.484.684.000" in result.stdout
