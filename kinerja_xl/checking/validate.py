"""Run the pandera schemas lazily over whole tables and map every failure back to its cell.

The records of all files are validated together, one DataFrame per kind, so that a batch of
thirteen (or 1,650) workbooks costs one pandera pass per kind. Each DataFrame row keeps an
index into `RowRef`s, which know the record, and so the sheet and A1 cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..model.issues import Issue, declare
from ..model.records import FileReport, Record
from ..model.values import Target
from ..reading.caching import text_cache
from .results import capaian_of
from .rulebook import FRAME_COLUMNS, SCHEMA_FILES, Rules, RulesError, frames_of, load_rules

__all__ = ["Rules", "RulesError", "load_rules", "validate_reports"]


class RowRef(NamedTuple):  # one per record of a batch: a tuple is the cheapest to make
    report: FileReport
    record: Record
    reports_results: bool = False  # its table has a Realisasi or Capaian column
    by_quarter_only: bool = False  # its table gives the realisasi by quarter, not for the year


def validate_reports(reports: list[FileReport], rules: Rules) -> list[tuple[FileReport, Issue]]:
    """Every schema failure of every readable report, as (the report, its issue), judged by
    the rules' `severities:`. The records are read, never changed (`results.complete_records`
    gives them what the rules compute, before)."""
    refs: dict[str, list[RowRef]] = {"rkt": [], "anggaran": [], "iku": []}
    for report in reports:
        for table in report.tables:
            for frame_name in frames_of(table):
                quarterly = bool(table.result_periods) and "realisasi" not in table.columns
                refs[frame_name].extend(
                    RowRef(report, r, table.reports_results, quarterly) for r in table.records
                )
    found: list[tuple[FileReport, Issue]] = []
    for frame_name, frame_refs in refs.items():
        if not frame_refs:
            continue
        columns = _columns(ROW_BUILDERS[frame_name](frame_refs, rules))
        frame = _frame(frame_name, columns)
        for failure in _failures(rules, frame_name, frame):
            ref = frame_refs[failure.index]
            # the frame's row as built (a row lookup in pandas is slow)
            row = {name: column[failure.index] for name, column in columns.items()}
            issue = _issue(failure, ref.record, row, rules, frame_name)
            judged = rules.severities.judge(issue, frame_name, failure.check, failure.column)
            if judged is not None:  # `severities:` may turn it off
                found.append((ref.report, judged))
    return found


@dataclass(frozen=True)
class Failure:
    check: str  # the check's name, as the YAML names it
    column: str | None  # the frame column, for a column's check
    index: int  # the frame row
    value: Any  # what failed


def _failures(rules: Rules, frame_name: str, frame: Any) -> list[Failure]:
    """Every failure of the frame's schema, by the check's name (never by parsing its text).
    A failure of the schema itself — no row to point at — is the rules' fault: RulesError."""
    import pandera.errors as errors

    try:
        rules.schemas[frame_name].validate(frame, lazy=True)
    except errors.SchemaErrors as exc:
        found: dict[tuple[str, str | None, int], Failure] = {}
        for error in exc.schema_errors:
            name = getattr(error.check, "name", None) or str(error.check)
            column = getattr(error.schema, "name", None) if error.schema is not None else None
            cases = error.failure_cases
            indexes = [] if cases is None or "index" not in cases else list(cases["index"])
            rows = [int(i) for i in indexes if isinstance(i, int | float) and i == i]
            if not rows:
                path = rules.folder / SCHEMA_FILES[frame_name]
                raise RulesError(
                    "cannot-run", path, check=name, column=column, detail=str(error)[:200]
                ) from None
            values = list(cases["failure_case"]) if "failure_case" in cases else [None] * len(rows)
            for index, value in zip(rows, values, strict=False):
                found.setdefault((name, column, index), Failure(name, column, index, value))
        return sorted(found.values(), key=lambda f: (f.index, f.check, f.column or ""))
    return []


# The rules see every letter of every text, but of a frame whose texts add up past FRAME_LETTERS
# (no real plan comes near: 60,000 rows of 300-letter indicators are 18 million), which only a
# text shown by thousands of cells can make: there each text is its first FRAME_TEXT letters
# and '…' (pandas and pandera copy every failing row's values, several times: 60,000 failing
# rows of one 30,000-letter indicator were 3.7 GB)
FRAME_LETTERS = 20_000_000
FRAME_TEXT = 200


@text_cache(maxsize=1)  # only long texts come here: each cut once, and shared by every row
def _frame_text(text: str) -> str:
    return text if len(text) <= FRAME_TEXT else text[:FRAME_TEXT] + "…"


def _columns(rows: Iterable[dict[str, Any]]) -> dict[str, list[Any]]:
    """The rows as columns of values (60,000 rows held as dicts were 60 MB more)."""
    columns: dict[str, list[Any]] = {}
    for row in rows:
        for name, value in row.items():
            columns.setdefault(name, []).append(value)
    return columns


def _bounded(column: list[Any]) -> list[Any]:
    if not any(type(v) is str and len(v) > FRAME_TEXT for v in column):
        return column
    return [_frame_text(v) if type(v) is str else v for v in column]


def _letters(columns: dict[str, list[Any]]) -> int:
    return sum(len(v) for column in columns.values() for v in column if type(v) is str)


def _frame(frame_name: str, columns: dict[str, list[Any]]) -> Any:
    """The DataFrame a schema validates: the rows, the columns in the rules' order, the
    numbers as the YAML's dtypes expect them; its texts bounded when they add up past
    FRAME_LETTERS (issues are made from the records, whole)."""
    import pandas as pd

    if _letters(columns) > FRAME_LETTERS:
        columns = {name: _bounded(column) for name, column in columns.items()}
    frame = pd.DataFrame(columns, columns=list(FRAME_COLUMNS[frame_name]))
    for column, dtype in FRAME_DTYPES[frame_name].items():
        frame[column] = frame[column].astype(dtype)
    return frame


def _rkt_rows(refs: list[RowRef], rules: Rules) -> Iterator[dict[str, Any]]:
    for ref in refs:
        record = ref.record
        yield {
            "indikator": record.get("indikator"),
            "expected": rules.expected_kind(record.get("indikator"), record.get("satuan")),
            **_value_columns("target", record.target, rules),
            **_value_columns("realisasi", record.realisasi, rules),
            "capaian_value": _number(record.capaian),
            "capaian_dihitung": _exact(capaian_of(record, rules).value),
            "direction": rules.direction_of(record.get("indikator")),
            "reports_results": ref.reports_results,
            "realisasi_by_quarter": ref.by_quarter_only
            and any(t for t in record.realisasi_periods.values()),
        }


def _value_columns(prefix: str, target: Target | None, rules: Rules) -> dict[str, Any]:
    value = target.value if target else None
    unit = target.unit if target else None
    return {
        f"{prefix}_text": target.text if target else None,
        f"{prefix}_value": float(value) if isinstance(value, int | float) else float("nan"),
        f"{prefix}_code": value if isinstance(value, str) else None,
        # a count word ("5 dokumen") is a jumlah; a listed code is its list's kind
        f"{prefix}_unit": rules.found_kind(unit, value),
        f"{prefix}_problem": target.problem if target else None,
    }


def _exact(value: float | None) -> float:
    return float("nan") if value is None else value


def _number(target: Target | None) -> float:
    value = target.value if target else None
    return float(value) if isinstance(value, int | float) else float("nan")


def _anggaran_rows(refs: list[RowRef], rules: Rules) -> Iterator[dict[str, Any]]:
    return (
        {
            "program": ref.record.get("program"),
            "amount_value": ref.record.amount.value if ref.record.amount else None,
            "amount_problem": ref.record.amount.problem if ref.record.amount else None,
        }
        for ref in refs
    )


def _iku_rows(refs: list[RowRef], rules: Rules) -> Iterator[dict[str, Any]]:
    fields = FRAME_COLUMNS["iku"]
    return ({f: ref.record.get(f) for f in fields} for ref in refs)


ROW_BUILDERS = {"rkt": _rkt_rows, "anggaran": _anggaran_rows, "iku": _iku_rows}
FRAME_DTYPES = {
    "rkt": dict.fromkeys(
        ("target_value", "realisasi_value", "capaian_value", "capaian_dihitung"), "float64"
    ),
    "anggaran": {"amount_value": "Int64"},
    "iku": {},
}


DECIMAL_COMMA_BEFORE_THOUSANDS = re.compile(r"^[^.]*\d,\d{3}(?!\d)[^.,]*$")


def _issue(failure: Failure, record: Record, row: Any, rules: Rules, frame: str) -> Issue:
    from .checks import CHECK_ISSUES

    if failure.check not in CHECK_ISSUES:
        return _rule_failed(failure, record, rules, frame)
    code, cell_field, severity = CHECK_ISSUES[failure.check]
    value = _value_of(record, cell_field)
    params: dict[str, Any] = {"indicator": record.get("indikator") or ""}
    if code.startswith(("target-", "realisasi-")):
        params.update(_target_params(record, row, rules))
    if code.startswith("realisasi-") and code != "realisasi-missing":
        params.update(_found_params(row, "realisasi"))
    if code == "capaian-mismatch":
        params.update(_capaian_params(record, row, rules))
    if code == "iku-field-missing":
        params["field"] = cell_field
    if code.endswith("-out-of-range") and value and DECIMAL_COMMA_BEFORE_THOUSANDS.search(value):
        params["hint"] = "decimal-comma"  # "1,250 orang" meant as 1.250 by its office
    if code in ("budget-unparseable", "target-unparseable", "realisasi-unparseable"):
        problem = (
            record.realisasi if code.startswith("realisasi") else record.amount or record.target
        )
        params["why"] = problem.problem if problem and problem.problem else "empty"
    if code == "formula-no-value":
        source = {"realisasi": record.realisasi, "anggaran": record.amount}.get(
            cell_field, record.target
        )
        value = source.text if source else value
    message = rules.messages.get((frame, failure.check), {})  # a province's words, added
    params.update(check=failure.check, note_id=message.get("id"), note_en=message.get("en"))
    return Issue.make(code, record.sheet, record.cell_of(cell_field), value, severity, **params)


RULE_FAILED = declare(
    "rule-failed",
    "error",
    when="a check written in `schemas/*.yaml` that has no dedicated code failed (the message "
    "names the check)",
    raised_by="_rule_failed",
    id="Aturan '{check}' ({file}, kolom {column}) tidak terpenuhi oleh '{value}'{rule}.",
    en="Rule '{check}' ({file}, column {column}) is not met by '{value}'{rule}.",
    short_id="aturan provinsi tidak terpenuhi",
    short_en="province rule failed",
)


def _rule_failed(failure: Failure, record: Record, rules: Rules, frame: str) -> Issue:
    """A check of the province's own (a pandera check in the YAML with no dedicated code)."""
    field_name = FRAME_COLUMNS[frame].get(failure.column or "") or ""
    value = _value_of(record, field_name) if field_name else None
    if value is None and failure.value is not None and failure.value == failure.value:
        value = str(failure.value)
    message = rules.messages.get((frame, failure.check), {})
    return Issue.make(
        "rule-failed",
        record.sheet,
        record.cell_of(field_name) if field_name else record.first_cell,
        value,
        None,
        check=failure.check,
        column=failure.column or "",
        rule_id=message.get("id", ""),
        rule_en=message.get("en", ""),
        file=SCHEMA_FILES[frame],
    )


def _value_of(record: Record, name: str) -> str | None:
    if name in ("target", "realisasi", "capaian"):
        value = getattr(record, name)
        return value.text if value else None
    if name == "anggaran":
        return record.amount.text if record.amount else None
    if name == "program":
        return record.get("kode_program")
    return record.get(name)


def _found_params(row: Any, prefix: str) -> dict[str, Any]:
    from ..words.messages import TEXT, say

    found = row[f"{prefix}_unit"] if isinstance(row[f"{prefix}_unit"], str) else None
    key = f"found-{found}"
    return {
        "found": say(key, "id") if key in TEXT else "",
        "found_en": say(key, "en") if key in TEXT else "",
    }


def _capaian_params(record: Record, row: Any, rules: Rules) -> dict[str, Any]:
    from ..layouts.normalise import format_id

    direction = rules.direction_of(record.get("indikator"))
    formula = rules.formulas.get(direction)
    return {
        "computed": format_id(round(float(row["capaian_dihitung"]), 2)),
        "formula": formula.text if formula else "",
        "direction": direction,
    }


def _target_params(record: Record, row: Any, rules: Rules) -> dict[str, Any]:
    from ..words.messages import TEXT, say

    expected = row["expected"] if isinstance(row["expected"], str) else None
    found = row["target_unit"] if isinstance(row["target_unit"], str) else None
    if expected is None and found in ("persen", "jumlah"):
        expected = found
    found_key = f"found-{found}"
    return {
        "expected": rules.expected_text(expected, "id"),
        "expected_en": rules.expected_text(expected, "en"),
        "found": say(found_key, "id") if found_key in TEXT else "",
        "found_en": say(found_key, "en") if found_key in TEXT else "",
        "category": expected if expected in ("predikat", "opini") else "predikat",
    }
