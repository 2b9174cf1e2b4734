"""End to end over sample_workbooks/public/: the official forms of other provinces, read and
checked as any office's file, held to their ground truth (benchmarks/layout_score.py) and to
the bar of issue 22: every table, 95 % of the indicators and budget lines, 90 % of their fields,
every planted fault at its cell with its code, no false error on a clean file, no wrong office."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT, SAMPLES

import kinerja_xl as kx

sys.path.insert(0, str(ROOT / "benchmarks"))
import layout_score  # noqa: E402

PUBLIC = SAMPLES / "public"
TRUTH = json.loads((SAMPLES / "public_forms.truth.json").read_text(encoding="utf-8"))
NAMES = [sample["file"] for sample in TRUTH["samples"]]


def test_the_folder_holds_every_sample_of_the_truth_and_nothing_else():
    found = sorted(p.name for p in PUBLIC.iterdir())
    assert found == sorted(NAMES)


def test_the_committed_samples_are_what_the_generator_writes(tmp_path):
    sys.path.insert(0, str(SAMPLES))
    import public_forms

    public_forms.build(tmp_path)
    for name in NAMES:
        assert (tmp_path / name).read_bytes() == (PUBLIC / name).read_bytes(), name


@pytest.fixture(scope="module")
def scores():
    found = []
    for sample in TRUTH["samples"]:
        path = PUBLIC / sample["file"]
        (inspected,) = kx.inspect(path).to_dict("en", records=True)["files"]
        (checked,) = kx.check([path]).to_dict("en")["files"]
        found.append(layout_score.score_sample(sample, inspected, checked))
    return found


def test_the_official_forms_meet_the_bar_of_issue_22(scores):
    totals = layout_score.totals(scores)
    assert layout_score.unmet_bar(totals) == [], layout_score.text_report(scores, detail=True)


@pytest.mark.parametrize("name", NAMES)
def test_each_form_reads_every_table_and_faults_only_where_planted(scores, name):
    (score,) = [s for s in scores if s.file == name]
    assert score.tables[0] == score.tables[1], score.misses
    assert score.faults[0] == score.faults[1], score.misses
    assert score.false_errors == [] and score.unplanted_errors == [], score.misses
    assert score.office == "right", score.office_found
    assert score.indicators[0] == score.indicators[1] and score.lines[0] == score.lines[1]
