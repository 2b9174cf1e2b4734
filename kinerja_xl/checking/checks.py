"""The pandera checks that `schemas/*.yaml` refer to by name, each under the declaration of
the issue code it raises.

Each check takes a whole table (all rows of all files at once) and returns one boolean per
row: True where the row passes. `@_check(CODE, field)` says which issue code a failing row
raises and at which field's cell (`CHECK_ISSUES`); `register()` makes the checks known to
pandera when the rules are loaded, so that importing this module (for its codes) costs no
pandas.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..model.issues import IssueCode, Severity, declare

if TYPE_CHECKING:  # pandas is imported when the checks are registered with pandera (register)
    import pandas as pd

CATEGORY_UNITS = ("predikat", "opini", "kategori")

# check name -> (issue code, the field whose cell is reported, severity or None for the code's)
CHECK_ISSUES: dict[str, tuple[str, str, Severity | None]] = {}
_CHECKS: dict[
    str, tuple[Callable[..., Any], tuple[str, ...]]
] = {}  # name -> (function, statistics)


def _check(issue: IssueCode, cell: str, *statistics: str, severity: Severity | None = None):
    """A pandera check (a function of the whole table) that raises `issue` at the `cell` field's
    cell of each failing row; the declaration names the check among its raisers."""

    def check(function: Callable[..., Any]) -> Callable[..., Any]:
        if function.__name__ not in issue.raised_by:
            raise ValueError(f"{issue.code} does not name {function.__name__} in raised_by")
        CHECK_ISSUES[function.__name__] = (issue.code, cell, severity)
        _CHECKS[function.__name__] = (function, statistics)
        return function

    return check


_REGISTERING = threading.Lock()  # the rules of two requests may load at once (serve)


def register() -> None:
    """Make the checks known to pandera (once; importing this module costs no pandas)."""
    import pandas as pd
    import pandera.extensions as extensions
    import pandera.pandas as pa

    with _REGISTERING:
        for name, (function, statistics) in _CHECKS.items():
            if not hasattr(pa.Check, name):
                extensions.register_check_method(
                    statistics=list(statistics), supported_types=pd.DataFrame
                )(function)


def _all_pass(df: pd.DataFrame) -> pd.Series:
    import pandas as pd

    return pd.Series(True, index=df.index)


def _present(series: pd.Series) -> pd.Series:
    return series.notna() & (series.astype("string").str.strip() != "")


INDICATOR_MISSING = declare(
    "indicator-missing",
    "error",
    when="a target or sasaran row with no indicator text",
    raised_by="indicator_present",
    id="Baris ini memiliki sasaran atau target tetapi tidak ada teks indikator kinerja.",
    en="This row has a sasaran or a target but no indicator text.",
    short_id="indikator kosong",
    short_en="indicator missing",
)


@_check(INDICATOR_MISSING, "indikator")
def indicator_present(df: pd.DataFrame) -> pd.Series:
    return _present(df["indikator"])


TARGET_MISSING = declare(
    "target-missing",
    "error",
    when="an indicator with no target",
    raised_by="target_present",
    id='Indikator "{indicator}" belum memiliki target. Isi dengan {expected}.',
    en='Indicator "{indicator}" has no target. Fill in {expected}.',
    short_id="target kosong",
    short_en="target missing",
)


@_check(TARGET_MISSING, "target")
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


TARGET_UNPARSEABLE = declare(
    "target-unparseable",
    "error",
    when="a target that is neither a number, a percentage nor a known category",
    raised_by="target_readable",
    id="Target '{value}' tidak dikenali{why}. Tulis {expected}.",
    en="Target '{value}' is not recognised{why}. Write {expected}.",
    short_id="target tidak dikenali",
    short_en="target not recognised",
)


@_check(TARGET_UNPARSEABLE, "target")
def target_readable(df: pd.DataFrame) -> pd.Series:
    return _readable(df, "target")


FORMULA_NO_VALUE = declare(
    "formula-no-value",
    "error",
    when="a formula cell with no cached value (the file was never recalculated)",
    raised_by=(
        "target_formula_has_value",
        "amount_formula_has_value",
        "realisasi_formula_has_value",
        "checking.crossrow.budget_totals",
    ),
    id="Sel berisi rumus {value} tanpa nilai tersimpan: buka berkas di Excel, tekan F9 (hitung "
    "ulang), lalu simpan.",
    en="The cell holds formula {value} with no stored value: open the file in Excel, press F9 "
    "(recalculate) and save.",
    short_id="rumus tanpa nilai",
    short_en="formula without value",
)


@_check(FORMULA_NO_VALUE, "target")
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
    ok = _all_pass(df)
    for name, (low, high) in ranges.items():
        applies = numeric & (kind == name)
        below = value < low if low is not None else False
        above = value > high if high is not None else False
        ok &= ~(applies & (below | above))
    return ok


def _category_valid(df: pd.DataFrame, prefix: str, categories: dict[str, list[str]]) -> pd.Series:
    ok = _all_pass(df)
    for name, allowed in categories.items():
        coded = df[f"{prefix}_unit"].isin(CATEGORY_UNITS) & ~df[f"{prefix}_code"].isin(allowed)
        applies = (df["expected"] == name) & (coded | _named_wrongly(df, prefix))
        ok &= ~applies
    return ok


TARGET_OUT_OF_RANGE = declare(
    "target-out-of-range",
    "error",
    when="a percentage outside 0–100, an index outside its range, a negative or fractional count",
    raised_by=("target_in_range", "target_whole_count"),
    id="Target '{value}' di luar rentang yang sah ({expected}) untuk \"{indicator}\".{hint}",
    en="Target '{value}' is outside the valid range ({expected}) for \"{indicator}\".{hint}",
    short_id="target di luar rentang",
    short_en="target out of range",
)


@_check(TARGET_OUT_OF_RANGE, "target", "ranges")
def target_in_range(df: pd.DataFrame, *, ranges: dict[str, list[Any]]) -> pd.Series:
    return _in_range(df, "target", ranges)


@_check(TARGET_OUT_OF_RANGE, "target", "kinds")
def target_whole_count(df: pd.DataFrame, *, kinds: list[str]) -> pd.Series:
    """A count is whole: '2,5 dokumen', or '1,250 orang' (the comma is Indonesian's decimal
    mark: 1,25 people), cannot be a target of a Jumlah … indicator."""
    return _whole_count(df, "target", kinds)


def _whole_count(df: pd.DataFrame, prefix: str, kinds: list[str]) -> pd.Series:
    value, unit = df[f"{prefix}_value"], df[f"{prefix}_unit"]
    counted = df["expected"].isin(kinds) & unit.isin(["angka", "jumlah"]) & value.notna()
    return ~(counted & (value % 1 != 0))


TARGET_INVALID_CATEGORY = declare(
    "target-invalid-category",
    "error",
    when="a grade or a BPK opinion that is not on its list (`categories` in rkt.yaml)",
    raised_by="target_category_valid",
    id="Target '{value}' bukan {category} yang sah; yang sah: {expected}.",
    en="Target '{value}' is not a valid {category}; expected {expected}.",
    short_id="kategori target tidak sah",
    short_en="invalid category",
)


@_check(TARGET_INVALID_CATEGORY, "target", "categories")
def target_category_valid(df: pd.DataFrame, *, categories: dict[str, list[str]]) -> pd.Series:
    return _category_valid(df, "target", categories)


# --- a report's results (LKj): the same rules as the target ------------------------------


REALISASI_MISSING = declare(
    "realisasi-missing",
    "error",
    when="a report (LKj) row with a target and no realisasi",
    raised_by="realisasi_present",
    id='Indikator "{indicator}" memiliki target tetapi belum ada realisasinya. Isi dengan '
    "{expected}.",
    en='Indicator "{indicator}" has a target but no realisasi. Fill in {expected}.',
    short_id="realisasi kosong",
    short_en="realisasi missing",
)


@_check(REALISASI_MISSING, "realisasi")
def realisasi_present(df: pd.DataFrame) -> pd.Series:
    """In a table that reports results, a row with a target has its realisasi (for the year,
    or by quarter: a count reported quarter by quarter is no year's figure, yet reported)."""
    reports = df["reports_results"].fillna(False).astype(bool)
    targeted = _present(df["target_text"]) & (df["target_problem"] != "none")  # "-": no target
    by_quarter = df["realisasi_by_quarter"].fillna(False).astype(bool)
    return ~(reports & targeted & ~_present(df["realisasi_text"]) & ~by_quarter)


REALISASI_UNPARSEABLE = declare(
    "realisasi-unparseable",
    "error",
    when="a realisasi that is neither a number, a percentage nor a known category",
    raised_by="realisasi_readable",
    id="Realisasi '{value}' tidak dikenali{why}. Tulis {expected}.",
    en="Realisasi '{value}' is not recognised{why}. Write {expected}.",
    short_id="realisasi tidak dikenali",
    short_en="realisasi not recognised",
)


@_check(REALISASI_UNPARSEABLE, "realisasi")
def realisasi_readable(df: pd.DataFrame) -> pd.Series:
    return _readable(df, "realisasi")


@_check(FORMULA_NO_VALUE, "realisasi")
def realisasi_formula_has_value(df: pd.DataFrame) -> pd.Series:
    return df["realisasi_problem"] != "formula-no-value"


REALISASI_OUT_OF_RANGE = declare(
    "realisasi-out-of-range",
    "error",
    when="a realisasi outside its kind's range",
    raised_by=("realisasi_in_range", "realisasi_whole_count"),
    id="Realisasi '{value}' di luar rentang yang sah ({expected}) untuk \"{indicator}\".{hint}",
    en="Realisasi '{value}' is outside the valid range ({expected}) for \"{indicator}\".{hint}",
    short_id="realisasi di luar rentang",
    short_en="realisasi out of range",
)


@_check(REALISASI_OUT_OF_RANGE, "realisasi", "ranges")
def realisasi_in_range(df: pd.DataFrame, *, ranges: dict[str, list[Any]]) -> pd.Series:
    return _in_range(df, "realisasi", ranges)


@_check(REALISASI_OUT_OF_RANGE, "realisasi", "kinds")
def realisasi_whole_count(df: pd.DataFrame, *, kinds: list[str]) -> pd.Series:
    return _whole_count(df, "realisasi", kinds)


REALISASI_INVALID_CATEGORY = declare(
    "realisasi-invalid-category",
    "error",
    when="a realisasi grade or opinion that is not on its list",
    raised_by="realisasi_category_valid",
    id="Realisasi '{value}' bukan {category} yang sah; yang sah: {expected}.",
    en="Realisasi '{value}' is not a valid {category}; expected {expected}.",
    short_id="kategori realisasi tidak sah",
    short_en="invalid realisasi category",
)


@_check(REALISASI_INVALID_CATEGORY, "realisasi", "categories")
def realisasi_category_valid(df: pd.DataFrame, *, categories: dict[str, list[str]]) -> pd.Series:
    return _category_valid(df, "realisasi", categories)


CAPAIAN_MISMATCH = declare(
    "capaian-mismatch",
    "warning",
    when="a stated capaian that differs from the computed one by more than half a point",
    raised_by="capaian_matches",
    id="Capaian tertulis {value}, tetapi dari target dan realisasi capaiannya {computed}% "
    '(rumus: {formula}) untuk "{indicator}".',
    en="The stated capaian is {value}, but target and realisasi give {computed}% (formula: "
    '{formula}) for "{indicator}".',
    short_id="capaian tidak cocok",
    short_en="capaian mismatch",
)


@_check(CAPAIAN_MISMATCH, "capaian", "tolerance")
def capaian_matches(df: pd.DataFrame, *, tolerance: float) -> pd.Series:
    """A stated capaian within `tolerance` points of the one computed from target and
    realisasi (where both could be computed)."""
    stated, computed = df["capaian_value"], df["capaian_dihitung"]
    both = stated.notna() & computed.notna()
    return ~(both & ((stated - computed).abs() > tolerance))


TARGET_UNIT_MISMATCH = declare(
    "target-unit-mismatch",
    "error",
    when='error: the target\'s kind cannot fit the indicator (a grade for a "Persentase …"); '
    'warning: it fits badly (a percentage for a "Jumlah …" count)',
    raised_by=("target_unit_fits", "target_unit_fits_well"),
    id="Target '{value}' ({found}) tidak sesuai dengan indikator \"{indicator}\" yang "
    "mengharapkan {expected}.",
    en="Target '{value}' ({found}) does not fit indicator \"{indicator}\", which expects "
    "{expected}.",
    short_id="satuan target tidak sesuai",
    short_en="target unit mismatch",
)


@_check(TARGET_UNIT_MISMATCH, "target", "fits", severity="error")
def target_unit_fits(df: pd.DataFrame, *, fits: dict[str, list[str]]) -> pd.Series:
    ok = _all_pass(df)
    found = df["target_unit"]
    for name, allowed in fits.items():
        ok &= ~((df["expected"] == name) & found.notna() & ~found.isin(allowed))
    return ok


@_check(TARGET_UNIT_MISMATCH, "target", "fits_badly", severity="warning")
def target_unit_fits_well(df: pd.DataFrame, *, fits_badly: dict[str, list[str]]) -> pd.Series:
    ok = _all_pass(df)
    for name, poor in fits_badly.items():
        ok &= ~((df["expected"] == name) & df["target_unit"].isin(poor))
    return ok


BUDGET_UNPARSEABLE = declare(
    "budget-unparseable",
    "error",
    when="an amount that is not a rupiah amount",
    raised_by=("amount_present", "amount_readable", "checking.crossrow.budget_totals"),
    id="Anggaran '{value}' bukan jumlah rupiah yang sah{why}. Tulis rupiah utuh, mis. Rp "
    "814.815.000 atau 814815000.",
    en="Budget '{value}' is not a valid rupiah amount{why}. Write whole rupiah, e.g. Rp "
    "814.815.000 or 814815000.",
    short_id="anggaran tidak terbaca",
    short_en="amount unreadable",
)


@_check(BUDGET_UNPARSEABLE, "anggaran")
def amount_present(df: pd.DataFrame) -> pd.Series:
    return df["amount_value"].notna() | df["amount_problem"].notna()


@_check(BUDGET_UNPARSEABLE, "anggaran")
def amount_readable(df: pd.DataFrame) -> pd.Series:
    return ~df["amount_problem"].isin(["unparseable", "fraction", "date", "error", "implausible"])


@_check(FORMULA_NO_VALUE, "anggaran")
def amount_formula_has_value(df: pd.DataFrame) -> pd.Series:
    return df["amount_problem"] != "formula-no-value"


BUDGET_NEGATIVE = declare(
    "budget-negative",
    "error",
    when="a negative amount",
    raised_by="amount_not_negative",
    id="Anggaran '{value}' bernilai negatif; anggaran harus 0 atau lebih.",
    en="Budget '{value}' is negative; a budget must be 0 or more.",
    short_id="anggaran negatif",
    short_en="negative amount",
)


@_check(BUDGET_NEGATIVE, "anggaran")
def amount_not_negative(df: pd.DataFrame) -> pd.Series:
    return ~(df["amount_value"].fillna(0) < 0)


IKU_FIELD_MISSING = declare(
    "iku-field-missing",
    "error",
    when="an IKU indicator without Cara Penghitungan or Sumber Data",
    raised_by=("cara_present", "sumber_present"),
    id='Indikator IKU "{indicator}" belum memiliki {field}.',
    en='IKU indicator "{indicator}" lacks {field}.',
    short_id="kolom IKU kosong",
    short_en="IKU field missing",
)


@_check(IKU_FIELD_MISSING, "cara")
def cara_present(df: pd.DataFrame) -> pd.Series:
    return _present(df["cara"])


@_check(IKU_FIELD_MISSING, "sumber")
def sumber_present(df: pd.DataFrame) -> pd.Series:
    return _present(df["sumber"])


PROGRAM_CODE_INVALID = declare(
    "program-code-invalid",
    "error",
    when="a program code that is not of the form `076.01.XX`",
    raised_by="program_code_valid",
    id="Kode program '{value}' tidak berformat 076.01.XX (tiga angka, dua angka, dua huruf "
    "kapital), mis. 076.01.WA.",
    en="Program code '{value}' is not of the form 076.01.XX (three digits, two digits, two "
    "capital letters), e.g. 076.01.WA.",
    short_id="kode program salah",
    short_en="invalid program code",
)


@_check(PROGRAM_CODE_INVALID, "program", "pattern")
def program_code_valid(df: pd.DataFrame, *, pattern: str) -> pd.Series:
    code = df["kode_program"]
    return code.isna() | code.astype("string").str.fullmatch(re.compile(pattern).pattern).fillna(
        False
    ).astype(bool)
