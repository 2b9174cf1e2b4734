"""The fuzz harness's oracles hold on every seed (no atheris needed: `run_once` is plain Python),
so that `make fuzz` starts from a clean corpus and a finding is always a new one."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT))

import kinerja_xl as kx  # noqa: E402
from fuzz import harness  # noqa: E402
from fuzz.parts import decode, encode, pack, unpack  # noqa: E402
from fuzz.seeds import seeds  # noqa: E402


def test_parts_round_trip_through_a_real_zip():
    parts = {"mimetype": b"application/x", "content.xml": b"<a>\x00PART</a>"}
    data = encode(parts, "RKT \\\\host\\share.ods")
    decoded, name = decode(data)
    assert decoded == parts and name == b"RKT \\\\host\\share.ods"
    assert unpack(pack(decoded)) == parts


@pytest.mark.parametrize(
    "raw, expected",
    [
        (None, "RKT.xlsx"),
        (b"a/b\x00c.xlsx", "a_b_c.xlsx"),
        (b"..", "RKT.xlsx"),
        (b"x" * 300, "x" * 255),
    ],
)
def test_fuzzed_names_are_names_the_file_system_takes(raw, expected):
    assert harness.file_name(raw, ".xlsx") == expected


@pytest.mark.parametrize("target", sorted(harness.TARGETS))
def test_every_seed_passes_the_harness(target, monkeypatch):
    monkeypatch.setattr(harness, "REPEAT_ONE_IN", 0)
    for data in list(seeds(target))[:3]:
        harness.run_once(data, target, kx)


def test_a_link_that_leaves_the_folder_is_a_finding():
    for target in (b"\\\\host\\share\\x.xlsx", b"file:///C:/x.xlsx", b"/etc/x.xlsx", b"C:x.xlsx"):
        assert harness._not_relative(target), target
    for target in (b"RKT%20Tapin.xlsx", b"../kiriman/a/RKT.xlsx", b"a\\RKT.xlsx"):
        assert not harness._not_relative(target), target
