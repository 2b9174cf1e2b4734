"""The samples built from public forms (sample_workbooks/public_forms.py), their ground truth,
and the scorer that measures the reader against it (benchmarks/layout_score.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "sample_workbooks"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import layout_score  # noqa: E402
import public_forms  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("public-forms")
    return folder, public_forms.build(folder)


def test_the_committed_truth_is_what_the_generator_writes(built):
    _folder, truth = built
    committed = json.loads(public_forms.TRUTH.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(truth, ensure_ascii=False))


def test_every_cell_the_truth_names_holds_the_truths_value(built):
    folder, truth = built
    assert public_forms.check_truth(folder, truth) == []


def test_the_samples_are_many_layouts_offices_and_faults(built):
    _folder, truth = built
    samples = truth["samples"]
    assert len(samples) >= 8
    assert len({s["layout"] for s in samples}) == len(samples)
    provinces = {s["office_code"].split(".")[0] for s in samples if s["office_code"]}
    assert {"11", "31", "35", "95"} <= provinces  # Aceh, DKI Jakarta, Jawa Timur, Papua Pegunungan
    assert [s["file"] for s in samples if s["office"] is None] == [
        "BPS Kabupaten Tapin - PK 2024.xlsx"
    ]
    codes = {f["code"] for s in samples for f in s["faults"]}
    assert {
        "capaian-mismatch",
        "target-out-of-range",
        "realisasi-missing",
        "budget-total-mismatch",
    } <= codes
    assert sum(1 for s in samples if s["clean"]) >= 5


def test_the_same_code_makes_the_same_bytes(built, tmp_path):
    folder, truth = built
    public_forms.build(tmp_path)
    for sample in truth["samples"]:
        name = sample["file"]
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name


def test_formulas_carry_the_value_excel_would_have_stored(built):
    import openpyxl

    folder, _truth = built
    path = folder / "KIP Kabupaten Aceh Besar - LKj 2024.xlsx"
    formulas = openpyxl.load_workbook(path)["Tabel 3.2"]
    values = openpyxl.load_workbook(path, data_only=True)["Tabel 3.2"]
    assert formulas["I8"].value == "=H8/G8*100"
    assert values["I8"].value == pytest.approx(0.8113 / 0.78 * 100)


# --- the scorer, on reader answers made from the truth itself ------------------------------------


def perfect_answer(sample: dict) -> tuple[dict, dict]:
    """What a reader that reads everything right would answer for one sample."""
    tables = []
    for table in sample["tables"]:
        records = [_record(item) for item in table.get("indicators", []) + table.get("lines", [])]
        found = {
            "sheet": table["sheet"],
            "kind": table["kind"],
            "header_row": table["header_row"],
            "records": records,
        }
        if "total" in table:
            found["total"] = table["total"]
        tables.append(found)
    inspected = {"office": sample["office"], "tables": tables}
    issues = [
        {"severity": "error", **{k: f[k] for k in ("code", "sheet", "cell")}}
        for f in sample["faults"]
    ]
    return inspected, {"issues": issues}


def _record(item: dict) -> dict:
    record: dict = {"cells": {}, "periods": {}, "realisasi_periods": {}}
    for name, spec in item["fields"].items():
        value, cell = spec["value"], spec.get("cell")
        if name.startswith("period "):
            record["periods"][name[7:]] = None if value is None else {"value": value}
            record["cells"][name] = cell
        elif name.startswith("realisasi "):
            record["realisasi_periods"][name[10:]] = None if value is None else {"value": value}
        elif name == "uraian":
            record["program"], record["cells"]["program"] = value, cell
        elif name == "amount":
            record["anggaran"], record["cells"]["anggaran"] = {"value": value}, cell
        elif name in ("code", "volume", "harga satuan", "cara", "sumber", "indikator", "satuan"):
            key = {"code": "kode", "harga satuan": "harga_satuan"}.get(name, name)
            record[key], record["cells"][key] = value, cell
        elif name == "capaian dihitung":
            record["capaian_dihitung"] = value
        else:
            record[name] = {"value": value}
            record["cells"][name] = cell
    return record


def test_a_perfect_answer_scores_everything_right(built):
    _folder, truth = built
    for sample in truth["samples"]:
        score = layout_score.score_sample(sample, *perfect_answer(sample))
        assert score.misses == [], sample["file"]
        assert score.tables[0] == score.tables[1] > 0
        assert score.fields[0] == score.fields[1] > 0
        assert score.faults[0] == score.faults[1]
        assert (score.office, score.false_errors, score.extra_records) == ("right", [], 0)


def sample_named(truth: dict, start: str) -> dict:
    return next(s for s in truth["samples"] if s["file"].startswith(start))


def test_what_the_scorer_counts_against_a_reader(built):
    _folder, truth = built
    lkj = sample_named(truth, "KIP Kabupaten Aceh Besar")
    inspected, checked = perfect_answer(lkj)
    (table,) = inspected["tables"]
    first = table["records"][0]
    first["realisasi"] = {"value": 0}  # this year's realisasi misread
    first["cells"]["capaian"] = "I9"  # the right value, from another cell
    table["records"].append({"indikator": "Sumber: Data KIP", "cells": {"indikator": "A16"}})
    checked["issues"] = checked["issues"][1:] + [
        {"severity": "error", "code": "realisasi-unparseable", "sheet": "Tabel 3.2", "cell": "E8"}
    ]
    score = layout_score.score_sample(lkj, inspected, checked)
    assert score.fields[1] - score.fields[0] == 2
    assert score.extra_records == 1
    assert score.faults == [1, 2]
    assert [e["code"] for e in score.unplanted_errors] == ["realisasi-unparseable"]


def test_another_agencys_file_under_a_kpu_office_is_a_wrong_office(built):
    _folder, truth = built
    bps = sample_named(truth, "BPS Kabupaten Tapin")
    inspected, checked = perfect_answer(bps)
    inspected["office"] = "KPU Kabupaten Tapin"
    checked["issues"].append({"severity": "error", "code": "table-not-found"})
    score = layout_score.score_sample(bps, inspected, checked)
    assert score.office == "wrong"
    assert [e["code"] for e in score.false_errors] == ["table-not-found"]


def test_a_table_not_read_misses_its_rows_and_fields(built):
    _folder, truth = built
    renstra = sample_named(truth, "KPU Provinsi DKI Jakarta")
    inspected, checked = perfect_answer(renstra)
    inspected["tables"] = [t for t in inspected["tables"] if t["kind"] != "anggaran"]
    score = layout_score.score_sample(renstra, inspected, checked)
    assert score.tables == [1, 2]
    assert score.lines[0] == 0 < score.lines[1]
    assert score.indicators[0] == score.indicators[1]


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("TW1", "tw i"),
        ("Target TW 4", "target tw iv"),
        ("Triwulan III", "tw iii"),
        ("2024", "2024"),
    ],
)
def test_quarter_labels_compare_however_written(label, key):
    assert layout_score.label_key(label) == key


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("76,2", 76.2),
        ("1.234", 1234.0),
        ("81,13%", 81.13),
        ("Rp 1.250.000", 1250000.0),
        ({"value": 5}, 5.0),
        ("-", None),
        (None, None),
    ],
)
def test_numbers_read_the_indonesian_way(text, number):
    assert layout_score.number_of(text) == number


def test_the_bar_of_the_issue_names_what_falls_short(built):
    _folder, truth = built
    perfect = [layout_score.score_sample(s, *perfect_answer(s)) for s in truth["samples"]]
    assert layout_score.unmet_bar(layout_score.totals(perfect)) == []
    bps = sample_named(truth, "BPS Kabupaten Tapin")
    inspected, checked = perfect_answer(bps)
    inspected["office"] = "KPU Kabupaten Tapin"
    perfect[truth["samples"].index(bps)] = layout_score.score_sample(bps, inspected, checked)
    assert layout_score.unmet_bar(layout_score.totals(perfect)) == ["wrong offices: 1"]
