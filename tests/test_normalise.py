from datetime import datetime

import pytest

from kinerja_xl.layouts.normalise import (
    clean_text,
    header_key,
    parse_amount,
    parse_target,
    split_program_heading,
)


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("90%", 90, "persen"),
        ("0,16%", 0.16, "persen"),
        ("77 %", 77, "persen"),
        ("0.2%", 0.2, "persen"),
        ("95,5%", 95.5, "persen"),
        ("90\u00a0%", 90, "persen"),
        ("9\u200b0%", 90, "persen"),
        ("100 persen", 100, "persen"),
        ("80", 80, "angka"),
        ("3,5", 3.5, "angka"),
        ("B", "B", "predikat"),
        ("Predikat BB", "BB", "predikat"),
        ("WTP", "WTP", "opini"),
        ("WTP-DPP", "WTP", "opini"),
        ("Wajar Tanpa Pengecualian", "WTP", "opini"),
        ("5 dokumen", 5, "dokumen"),
        ("1.000 orang", 1000, "orang"),
        # a lone comma is the decimal mark, even before three digits: an index of 3,5
        ("3,500", 3.5, "angka"),
        ("82,750", 82.75, "angka"),
        ("1.250", 1250, "angka"),
        ("2,500 dokumen", 2.5, "dokumen"),
        ("1,234.5", 1234.5, "angka"),
        # a note in parentheses after the target, or a full stop
        ("100% (14 laporan)", 100, "persen"),
        ("80%.", 80, "persen"),
        ("4 laporan.", 4, "laporan"),
        # a word naming the number, or quotation marks around a code
        ("Nilai 70", 70, "angka"),
        ("Skor 3,5", 3.5, "angka"),
        ('Predikat "BB"', "BB", "predikat"),
        ("\u201cWTP\u201d", "WTP", "opini"),
        ("E", "E", "kategori"),
        # the number spelled out, or a label, in parentheses: as formal letters write them
        ("90% (sembilan puluh persen)", 90, "persen"),
        ("5 (lima) dokumen", 5, "dokumen"),
        ("80 (Baik)", 80, "angka"),
        # a star pointing to a note under the table ("*) Keterangan: …")
        ("80%*", 80, "persen"),
        ("WTP**", "WTP", "opini"),
        ("12 dokumen *)", 12, "dokumen"),
    ],
)
def test_target_text_is_kept_and_parsed(written, value, unit):
    target = parse_target(written)
    assert (target.value, target.unit, target.problem) == (value, unit, None)
    assert target.text == clean_text(written)


@pytest.mark.parametrize(
    ("cell_value", "percent_format", "decimals", "text", "value", "unit"),
    [
        (0.9, True, 0, "90%", 90, "persen"),
        (0.0016, True, 2, "0,16%", 0.16, "persen"),
        (1, True, 0, "100%", 100, "persen"),
        (80, False, 0, "80", 80, "angka"),
        (77.5, False, 0, "77,5", 77.5, "angka"),
    ],
)
def test_numeric_target_cells(cell_value, percent_format, decimals, text, value, unit):
    target = parse_target(cell_value, percent_format, decimals)
    assert (target.text, target.value, target.unit) == (text, value, unit)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("abc", "unparseable"),
        ("100% tepat waktu", "unparseable"),  # a qualified target: the office decides
        ("(Baik)", "unparseable"),
        ("*", "unparseable"),  # a star alone is no target
        ("#REF!", "error"),
        (datetime(2024, 1, 5), "date"),
        (True, "unparseable"),
    ],
)
def test_bad_targets_become_problems_not_exceptions(value, problem):
    assert parse_target(value).problem == problem


def test_empty_target_is_none():
    assert parse_target(None) is None
    assert parse_target("  \u00a0") is None


@pytest.mark.parametrize(
    ("written", "rupiah"),
    [
        ("Rp. 814.815.000,00", 814_815_000),
        ("Rp814.815.000", 814_815_000),
        ("814815000", 814_815_000),
        ("Rp 30.275.016.000,00", 30_275_016_000),
        ("Rp 1.000,-", 1_000),
        ("IDR 2,500,000", 2_500_000),
        ("1,5 miliar", 1_500_000_000),
        ("Rp 1,2 M", 1_200_000_000),  # M is miliar in Indonesian budgets
        ("Rp 750 juta", 750_000_000),
        ("Rp\u00a0814.815.000", 814_815_000),
        ("(1.000)", -1_000),
        ("-Rp 5.000", -5_000),
        (814815000, 814_815_000),
        (814815000.0, 814_815_000),
        # nil as ledgers write it, and a star pointing to a note under the table
        ("-", 0),
        ("Rp -", 0),
        ("-,-", 0),
        ("Rp 814.815.000*", 814_815_000),
    ],
)
def test_rupiah_is_whole_int(written, rupiah):
    amount = parse_amount(written)
    assert amount.value == rupiah and type(amount.value) is int and amount.problem is None


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("satu miliar", "unparseable"),
        ("*", "unparseable"),
        ("12,5", "fraction"),
        (1000.5, "fraction"),
        ("#VALUE!", "error"),
        (datetime(2024, 2, 1), "date"),
    ],
)
def test_bad_amounts_become_problems(written, problem):
    amount = parse_amount(written)
    assert (amount.value, amount.problem) == (None, problem)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("No. ", "no"),
        ("INDIKATOR\nKINERJA", "indikator kinerja"),
        ("  Sasaran   Strategis ", "sasaran strategis"),
        ("ANGGARAN (Rp)", "anggaran rp"),
    ],
)
def test_header_key(header, key):
    assert header_key(header) == key


@pytest.mark.parametrize(
    ("heading", "name", "code"),
    [
        ("PROGRAM DUKUNGAN MANAJEMEN [076.01.WA]", "PROGRAM DUKUNGAN MANAJEMEN", "076.01.WA"),
        ("PROGRAM DUKUNGAN MANAJEMEN (076.01.WA)", "PROGRAM DUKUNGAN MANAJEMEN", "076.01.WA"),
        ("Program Dukungan Manajemen [076.1.WA]", "Program Dukungan Manajemen", "076.1.WA"),
        ("PROGRAM TANPA KODE", "PROGRAM TANPA KODE", None),
        ("PROGRAM : DUKUNGAN MANAJEMEN (076.01.WA)", "PROGRAM DUKUNGAN MANAJEMEN", "076.01.WA"),
        ("Program 076.01.WA Dukungan Manajemen", "Program Dukungan Manajemen", "076.01.WA"),
        # a label before the code, and a bracket of words that is part of the name
        (
            "I. Program Dukungan Manajemen (Kode: 076.01.WA)",
            "I. Program Dukungan Manajemen",
            "076.01.WA",
        ),
        ("Kode Program 076.01.WA: Dukungan Manajemen", "Dukungan Manajemen", "076.01.WA"),
        (
            "Program Dukungan Manajemen (Sekretariat)",
            "Program Dukungan Manajemen (Sekretariat)",
            None,
        ),
    ],
)
def test_program_heading(heading, name, code):
    assert split_program_heading(heading) == (name, code)


HOSTILE_CELLS = [
    " " * 32_766 + "x",  # a run of spaces, then a letter
    "*" * 32_765 + ")x",  # a run of footnote stars
    "(" * 32_767,
    "1." * 16_383 + "x",
    "Rp " + "1." * 16_000 + "x",
]


@pytest.mark.parametrize("text", HOSTILE_CELLS, ids=["spaces", "stars", "brackets", "dots", "rp"])
def test_a_cell_of_thousands_of_letters_is_no_target_and_costs_nothing(text):
    """A cell can hold 32,767 letters; patterns searched from every position of such a text took
    three seconds a cell (a hostile file of a few hundred would stall a batch). No target or
    amount is that long: it is unreadable at once."""
    import time

    start = time.process_time()  # CPU: the work, whatever else the machine runs
    assert parse_target(text).problem == "unparseable"
    assert parse_amount(text).problem == "unparseable"
    assert time.process_time() - start < 0.5  # was 3.1–3.6 s for the spaces and the stars


def test_a_long_but_real_target_is_still_read():
    note = (
        "4 laporan (Triwulan I, Triwulan II, Triwulan III dan Triwulan IV, disampaikan tepat waktu)"
    )
    assert parse_target(note).value == 4
