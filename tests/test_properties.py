"""Property tests (hypothesis). `make test` runs a bounded number of examples; for a long local
run:  HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_properties.py"""

from __future__ import annotations

import os
from decimal import Decimal

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kinerja_xl.layouts.normalise import parse_amount, parse_target
from kinerja_xl.outputs.write import CONTROL_CHARACTER

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile("long", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(
    st.integers(min_value=0, max_value=10**14),
    st.sampled_from(["Rp. {d},00", "Rp{d}", "{n}", "Rp {d},-", "Rp.\u00a0{d}", "IDR {c}", "{d}"]),
)
def test_rupiah_written_the_indonesian_way_reads_back(amount, pattern):
    written = pattern.format(d=dotted(amount), n=amount, c=f"{amount:,}")
    parsed = parse_amount(written)
    assert parsed.problem is None and parsed.value == amount and type(parsed.value) is int


@given(st.integers(min_value=0, max_value=10**14))
def test_negative_rupiah_is_negative(amount):
    assert parse_amount(f"-Rp {dotted(amount)}").value == -amount


@given(
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["{x}%", "{x} %", "{x}\u00a0%", "{x} persen"]),
)
def test_percentage_written_the_indonesian_way_reads_back(value, pattern):
    text = format(value, "f").replace(".", ",")
    target = parse_target(pattern.format(x=text))
    assert target.unit == "persen" and target.problem is None
    assert Decimal(str(target.value)) == value


@given(st.floats(min_value=0, max_value=1, allow_nan=False).map(lambda f: round(f, 4)))
def test_percent_formatted_cell_is_a_percentage(fraction):
    target = parse_target(fraction, percent_format=True, decimals=2)
    assert target.unit == "persen"
    assert abs(target.value - fraction * 100) < 1e-9


WORDS = [
    "NO",
    "No.",
    "SASARAN STRATEGIS",
    "Sasaran Kegiatan",
    "INDIKATOR KINERJA",
    "TARGET",
    "Program",
    "Anggaran",
    "Uraian",
    "Cara Penghitungan",
    "Sumber Data",
    "(1)",
    "(2)",
    "1.",
    "JUMLAH",
    "PROGRAM DUKUNGAN MANAJEMEN [076.01.WA]",
    "Mewujudkan X",
    "Terwujudnya Y",
    "Persentase Z",
    "90%",
    "0,16%",
    "Rp. 1.000",
    "B",
    "WTP",
    "=1+1",
    "KETUA",
    "Banjarmasin, 2 Januari 2024",
    "",
]
CELL = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    st.integers(-10, 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
)
GRID = st.lists(st.lists(CELL, min_size=1, max_size=7), min_size=1, max_size=18)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    grid=GRID,
    merges=st.lists(
        st.tuples(st.integers(1, 18), st.integers(1, 7), st.integers(0, 2), st.integers(0, 2)),
        max_size=4,
    ),
    header_at=st.tuples(st.integers(0, 6), st.integers(0, 3)),
    with_header=st.booleans(),
)
def test_random_grids_never_raise_and_never_invent_rows(
    tmp_path, grid, merges, header_at, with_header
):
    from kinerja_xl.pipeline import check_files

    book = openpyxl.Workbook()
    sheet = book.active
    for r, values in enumerate(grid, start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=r, column=c, value=value)
    if with_header:
        row, col = header_at
        for i, word in enumerate(["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]):
            sheet.cell(row=row + 1, column=col + 1 + i, value=word)
    taken: set[tuple[int, int]] = set()
    for row, col, down, right in merges:
        cells = {(r, c) for r in range(row, row + down + 1) for c in range(col, col + right + 1)}
        if len(cells) > 1 and not cells & taken:
            taken |= cells
            sheet.merge_cells(
                start_row=row, start_column=col, end_row=row + down, end_column=col + right
            )
    path = tmp_path / "acak.xlsx"
    book.save(path)
    (report,) = check_files([path])  # must not raise
    filled = [
        (cell.row, cell.column)
        for line in sheet.iter_rows()
        for cell in line
        if cell.value not in (None, "")
    ]
    non_empty_rows = {row for row, _ in filled}
    # tables side by side share their rows (an RKT beside its budget: two records a row), so
    # each table is held to the rows that hold something within its own columns
    for table in report.tables:
        own_rows = {r for r, c in filled if table.first_col <= c <= table.last_col}
        assert table.rows <= len(own_rows), (table.sheet, table.kind, table.header_row)
        for record in table.records:
            assert record.row in non_empty_rows


@given(st.text(alphabet=st.sampled_from(list("ab_x0F5") + ["\x01", "\x1f", "\ufffe", "\t", "&"])))
@example("_x0000\x1f")  # an escape's look-alike just before a control character
def test_excel_escapes_read_back_as_the_text_written(text):
    """What we write (control characters, a typed "_x0041_") is what our reader shows."""
    from kinerja_xl.outputs.write import excel_escaped
    from kinerja_xl.reading.ooxml import unescape_text

    escaped = excel_escaped(text)
    assert not CONTROL_CHARACTER.search(escaped)
    assert unescape_text(escaped) == text
