"""Sasaran ↔ program matching with rapidfuzz gives the pairs difflib gave.

`same_token` used difflib's SequenceMatcher ratio; it now uses rapidfuzz's ratio with an exact
length pre-filter. Both are 2 × common characters / both lengths; difflib counts the common
characters by a heuristic, rapidfuzz exactly, so they could differ. On every pair of words the
real plans hold (the samples and the two seed documents) they decide the same, and the
sasaran/program pairs of real plans, matching and not, come out as before.
"""

from __future__ import annotations

import itertools
from difflib import SequenceMatcher

import pytest
from conftest import ROOT, SAMPLES

from kinerja_xl.checking import matching
from kinerja_xl.checking.matching import content_tokens, match_names, same_token
from kinerja_xl.pipeline import check_files


def same_token_by_difflib(a: str, b: str) -> bool:
    """The implementation this replaced, kept here as the reference."""
    return a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= 0.85)


def real_texts() -> set[str]:
    texts: set[str] = set()
    paths = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".xlsx", ".xls", ".ods"))
    for report in check_files(paths):
        for table in report.tables:
            for record in table.records:
                for field in ("tujuan", "sasaran", "indikator", "program"):
                    if record.get(field):
                        texts.add(record.get(field))
    for seed in (ROOT.parent / "shared" / "seeds").glob("*"):
        texts.update(
            line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()
        )
    return texts


def test_every_pair_of_real_words_is_decided_as_difflib_decided():
    words = sorted({token for text in real_texts() for token in content_tokens(text)})
    assert len(words) > 150  # the samples alone hold about 300 distinct words
    compared = differ = matched = 0
    for a, b in itertools.combinations(words, 2):
        compared += 1
        decision = same_token(a, b)
        matched += decision
        differ += decision != same_token_by_difflib(a, b)
    assert differ == 0
    assert compared > 10_000 and matched > 0  # both outcomes occur


BANJARMASIN_SASARAN = [
    "Terlaksananya Perencanaan Program dan Anggaran, serta Penyusunan Peraturan",
    "Terbentuknya Badan Adhoc yang tepat jumlah dan waktu",
    "Terlaksananya kegiatan kampanye Pemilu yang damai, taat aturan",
    "Terlaksananya Pengucapan Sumpah Janji Presiden dan Wakil Presiden",
    "Terlaksananya Pemungutan dan Penghitungan Suara dengan baik",
    "Telaksananya kegiatan Penetapan Hasil Pemilu yang Baik dan sesuai jadwal",
    "Terfasilitasinya pengelolaan, pengadaan, laporan dan dokumentasi logistik",
    "Pengelolaan keuangan dan Barang Milik Negara yang dapat dipertanggungjawabkan",
    "Operasional perkantoran dan dukungan sarana prasarana yang efektif",
]
BANJARMASIN_PROGRAMS = [
    "Operasional Perkantoran dan Dukungan Sarana Prasarana",  # out of order on purpose
    "Perencanaan Program dan Anggaran, serta Penyusunan Peraturan",
    "Pembentukan Badan Adhoc",
    "Masa Kampanye Pemilu",
    "Pengucapan Sumpah Janji Presiden dan Wakil Presiden serta Anggota DPR",
    "Pemungutan dan Penghitungan Suara",
    "Penetapan Hasil Pemilu",
    "Pengelolaan, Pengadaan, Laporan dan Dokumentasi Logistik",
    "Pengelolaan Keuangan dan Barang Milik Negara",
]


@pytest.mark.parametrize(
    ("left", "right", "pairs"),
    [
        # the seed plan: every sasaran with its program, whatever the order
        (
            BANJARMASIN_SASARAN,
            BANJARMASIN_PROGRAMS,
            [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 0)],
        ),
        # a spelling slip and a missing leading word still match
        (
            ["Terselenggaranya Penyelenggaraaan Pemilu yang Berintegritas"],
            ["Penyelenggaraan Pemilu Berintegritas"],
            [(0, 0)],
        ),
        # programs that share only common words do not match
        (
            ["Terlaksananya Pemutakhiran Data Pemilih Berkelanjutan"],
            ["Pengelolaan Logistik", "Sosialisasi dan Pendidikan Pemilih"],
            [],
        ),
        # two logistics lines: each to its own, one left over
        (
            [
                "Terfasilitasinya pengelolaan dan dokumentasi logistik",
                "Terlaksananya pengadaan logistik",
            ],
            ["Pengadaan Logistik", "Pengelolaan dan Dokumentasi Logistik", "Penetapan Hasil"],
            [(0, 1), (1, 0)],
        ),
        # nothing on one side
        (["Terbentuknya Badan Adhoc"], [], []),
    ],
)
@pytest.mark.parametrize("words", ["rapidfuzz", "difflib"])
def test_sasaran_and_programs_pair_as_before(left, right, pairs, words, monkeypatch):
    """The same pairs with the words compared by rapidfuzz (now) and by difflib (before)."""
    if words == "difflib":
        monkeypatch.setattr(matching, "same_token", same_token_by_difflib)
    assert match_names(left, right) == pairs
