"""The pandera checks that `schemas/*.yaml` refer to by name.

Each check takes a whole table (all rows of all files at once) and returns one boolean per
row: True where the row passes. `CHECK_ISSUES` says which issue code a failing row raises,
at which field's cell, and with which severity.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pandera.extensions as extensions

from ..model.issues import Severity

CATEGORY_UNITS = ("predikat", "opini", "kategori")

# check name -> (issue code, field whose cell is reported, severity or None for the default)
CHECK_ISSUES: dict[str, tuple[str, str, Severity | None]] = {
    "indicator_present": ("indicator-missing", "indikator", None),
    "target_present": ("target-missing", "target", None),
    "target_readable": ("target-unparseable", "target", None),
    "target_formula_has_value": ("formula-no-value", "target", None),
    "target_in_range": ("target-out-of-range", "target", None),
    "target_whole_count": ("target-out-of-range", "target", None),
    "target_category_valid": ("target-invalid-category", "target", None),
    "target_unit_fits": ("target-unit-mismatch", "target", "error"),
    "target_unit_fits_well": ("target-unit-mismatch", "target", "warning"),
    "amount_present": ("budget-unparseable", "anggaran", None),
    "amount_readable": ("budget-unparseable", "anggaran", None),
    "amount_formula_has_value": ("formula-no-value", "anggaran", None),
    "amount_not_negative": ("budget-negative", "anggaran", None),
    "cara_present": ("iku-field-missing", "cara", None),
    "sumber_present": ("iku-field-missing", "sumber", None),
    "program_code_valid": ("program-code-invalid", "program", None),
    "realisasi_present": ("realisasi-missing", "realisasi", None),
    "realisasi_readable": ("realisasi-unparseable", "realisasi", None),
    "realisasi_formula_has_value": ("formula-no-value", "realisasi", None),
    "realisasi_in_range": ("realisasi-out-of-range", "realisasi", None),
    "realisasi_whole_count": ("realisasi-out-of-range", "realisasi", None),
    "realisasi_category_valid": ("realisasi-invalid-category", "realisasi", None),
    "capaian_matches": ("capaian-mismatch", "capaian", None),
}


def _present(series: pd.Series) -> pd.Series:
    return series.notna() & (series.astype("string").str.strip() != "")


def _register(*statistics: str):
    return extensions.register_check_method(
        statistics=list(statistics), supported_types=pd.DataFrame
    )


@_register()
def indicator_present(df: pd.DataFrame) -> pd.Series:
    return _present(df["indikator"])


@_register()
def target_present(df: pd.DataFrame) -> pd.Series:
    # an indicator-less row is reported as such; its missing target is not a second issue
    return _present(df["target_text"]) | ~_present(df["indikator"])


LISTED_KINDS = ("predikat", "opini")  # indicators whose target is a code from a list


def _named_wrongly(df: pd.DataFrame, prefix: str) -> pd.Series:
    """Text under a grade or opinion indicator that is no code at all ('sangat baik',
    'WTPP'): a category that is not on the list, not a text that cannot be read."""
    return df["expected"].isin(LISTED_KINDS) & (df[f"{prefix}_problem"] == "unparseable")


def _readable(df: pd.DataFrame, prefix: str) -> pd.Series:
    unreadable = df[f"{prefix}_problem"].isin(["unparseable", "date", "error"])
    return ~(unreadable & ~_named_wrongly(df, prefix))


@_register()
def target_readable(df: pd.DataFrame) -> pd.Series:
    return _readable(df, "target")


@_register()
def target_formula_has_value(df: pd.DataFrame) -> pd.Series:
    return df["target_problem"] != "formula-no-value"


def checked_kind(df: pd.DataFrame, prefix: str = "target") -> pd.Series:
    """The kind a value is held to: the indicator's, else the value's own."""
    unit = df[f"{prefix}_unit"]
    own = unit.where(unit.isin(["persen", "jumlah"]))
    return df["expected"].fillna(own)


def _in_range(df: pd.DataFrame, prefix: str, ranges: dict[str, list[Any]]) -> pd.Series:
    kind, value = checked_kind(df, prefix), df[f"{prefix}_value"]
    numeric = df[f"{prefix}_unit"].isin(["persen", "angka", "jumlah"]) & value.notna()
    ok = pd.Series(True, index=df.index)
    for name, (low, high) in ranges.items():
        applies = numeric & (kind == name)
        below = value < low if low is not None else False
        above = value > high if high is not None else False
        ok &= ~(applies & (below | above))
    return ok


def _category_valid(df: pd.DataFrame, prefix: str, categories: dict[str, list[str]]) -> pd.Series:
    ok = pd.Series(True, index=df.index)
    for name, allowed in categories.items():
        coded = df[f"{prefix}_unit"].isin(CATEGORY_UNITS) & ~df[f"{prefix}_code"].isin(allowed)
        applies = (df["expected"] == name) & (coded | _named_wrongly(df, prefix))
        ok &= ~applies
    return ok


@_register("ranges")
def target_in_range(df: pd.DataFrame, *, ranges: dict[str, list[Any]]) -> pd.Series:
    return _in_range(df, "target", ranges)


@_register("kinds")
def target_whole_count(df: pd.DataFrame, *, kinds: list[str]) -> pd.Series:
    """A count is whole: '2,5 dokumen', or '1,250 orang' (the comma is Indonesian's decimal
    mark: 1,25 people), cannot be a target of a Jumlah … indicator."""
    return _whole_count(df, "target", kinds)


def _whole_count(df: pd.DataFrame, prefix: str, kinds: list[str]) -> pd.Series:
    value, unit = df[f"{prefix}_value"], df[f"{prefix}_unit"]
    counted = df["expected"].isin(kinds) & unit.isin(["angka", "jumlah"]) & value.notna()
    return ~(counted & (value % 1 != 0))


@_register("categories")
def target_category_valid(df: pd.DataFrame, *, categories: dict[str, list[str]]) -> pd.Series:
    return _category_valid(df, "target", categories)


# --- a report's results (LKj): the same rules as the target ------------------------------


@_register()
def realisasi_present(df: pd.DataFrame) -> pd.Series:
    """In a table that reports results, a row with a target has its realisasi."""
    reports = df["reports_results"].fillna(False).astype(bool)
    return ~(reports & _present(df["target_text"]) & ~_present(df["realisasi_text"]))


@_register()
def realisasi_readable(df: pd.DataFrame) -> pd.Series:
    return _readable(df, "realisasi")


@_register()
def realisasi_formula_has_value(df: pd.DataFrame) -> pd.Series:
    return df["realisasi_problem"] != "formula-no-value"


@_register("ranges")
def realisasi_in_range(df: pd.DataFrame, *, ranges: dict[str, list[Any]]) -> pd.Series:
    return _in_range(df, "realisasi", ranges)


@_register("kinds")
def realisasi_whole_count(df: pd.DataFrame, *, kinds: list[str]) -> pd.Series:
    return _whole_count(df, "realisasi", kinds)


@_register("categories")
def realisasi_category_valid(df: pd.DataFrame, *, categories: dict[str, list[str]]) -> pd.Series:
    return _category_valid(df, "realisasi", categories)


@_register("tolerance")
def capaian_matches(df: pd.DataFrame, *, tolerance: float) -> pd.Series:
    """A stated capaian within `tolerance` points of the one computed from target and
    realisasi (where both could be computed)."""
    stated, computed = df["capaian_value"], df["capaian_dihitung"]
    both = stated.notna() & computed.notna()
    return ~(both & ((stated - computed).abs() > tolerance))


@_register("fits")
def target_unit_fits(df: pd.DataFrame, *, fits: dict[str, list[str]]) -> pd.Series:
    ok = pd.Series(True, index=df.index)
    found = df["target_unit"]
    for name, allowed in fits.items():
        ok &= ~((df["expected"] == name) & found.notna() & ~found.isin(allowed))
    return ok


@_register("fits_badly")
def target_unit_fits_well(df: pd.DataFrame, *, fits_badly: dict[str, list[str]]) -> pd.Series:
    ok = pd.Series(True, index=df.index)
    for name, poor in fits_badly.items():
        ok &= ~((df["expected"] == name) & df["target_unit"].isin(poor))
    return ok


@_register()
def amount_present(df: pd.DataFrame) -> pd.Series:
    return df["amount_value"].notna() | df["amount_problem"].notna()


@_register()
def amount_readable(df: pd.DataFrame) -> pd.Series:
    return ~df["amount_problem"].isin(["unparseable", "fraction", "date", "error", "implausible"])


@_register()
def amount_formula_has_value(df: pd.DataFrame) -> pd.Series:
    return df["amount_problem"] != "formula-no-value"


@_register()
def amount_not_negative(df: pd.DataFrame) -> pd.Series:
    return ~(df["amount_value"].fillna(0) < 0)


@_register()
def cara_present(df: pd.DataFrame) -> pd.Series:
    return _present(df["cara"])


@_register()
def sumber_present(df: pd.DataFrame) -> pd.Series:
    return _present(df["sumber"])


@_register("pattern")
def program_code_valid(df: pd.DataFrame, *, pattern: str) -> pd.Series:
    code = df["kode_program"]
    return code.isna() | code.astype("string").str.fullmatch(re.compile(pattern).pattern).fillna(
        False
    ).astype(bool)
