"""The rules files of `schemas/` as documents: `units.yaml`, and the pandera schemas `rkt.yaml`,
`anggaran.yaml`, `iku.yaml` — in the short form kinerja-xl writes (`checks:` a mapping) and in
pandera's own serialisation (`DataFrameSchema.to_yaml()`: `checks:` a list of entries with
`options: {check_name: …}`, a column's checks as keys of the column, `api: pandas`).

Every check a schema names, wherever and however it names it, is one `CheckEntry`: its name,
its statistics, its options, and where it is written (for the line of a complaint). The names
a schema may use — the checks, the columns, the issue codes — are the caller's to give
(`names`): the checks and the codes are known above this floor.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import (
    ANY,
    TEXT,
    Either,
    Keys,
    Lines,
    ListOf,
    MapOf,
    SchemaError,
    Value,
    read_document,
)

SCHEMA_FILES = {"rkt": "rkt.yaml", "anggaran": "anggaran.yaml", "iku": "iku.yaml"}
UNITS_FILE = "units.yaml"
SEVERITY_WORDS = ("error", "warning", "off")


def severity_word(value: Any) -> Any:
    """A severity as written: YAML 1.1 reads a bare `off` as false (and `on` as true)."""
    return "off" if value is False else value


def _regex(text: Any) -> str | None:
    try:
        re.compile(str(text))
    except re.error as exc:
        return str(exc)
    return None


PATTERN = Value(types=(str,), test=_regex, optional=False)
BOOL = Value(types=(bool,))

# --- units.yaml -----------------------------------------------------------------------------

_PATTERN_KIND = Keys(
    {"pattern": PATTERN, "kind": Value(names="kind", optional=False)},
    required=frozenset({"pattern", "kind"}),
)
UNITS = Keys(
    {
        "indicator_kinds": ListOf(_PATTERN_KIND),
        "satuan_kinds": ListOf(_PATTERN_KIND),
        "satuan_choices": MapOf(Value(names="kind", optional=False)),
        "score_words": ListOf(TEXT),
        "latest_kinds": ListOf(Value(names="kind", optional=False)),
        "category_aliases": MapOf(Value(types=(str, int, float), optional=False)),
        "lower_is_better": ListOf(Keys({"pattern": PATTERN}, required=frozenset({"pattern"}))),
        "capaian_formulas": Keys({"higher": TEXT, "lower": TEXT}),
    },
    required=frozenset({"indicator_kinds", "satuan_kinds"}),
)

# --- a pandera schema, in either form ---------------------------------------------------------

# what pandera reads of a check entry besides its statistics (pandera.io._flat_checks)
CHECK_OPTIONS = Keys(
    {
        "check_name": Value(names="check", optional=False),
        "raise_warning": BOOL,
        "ignore_na": BOOL,
        "n_failure_cases": Value(types=(int,)),
        "groupby": ANY,
        "groups": ANY,
        "error": TEXT,
        "name": TEXT,
        "title": TEXT,
        "description": TEXT,
    },
    required=frozenset({"check_name"}),
)
OPTION_KEYS = frozenset(CHECK_OPTIONS.known) - {"check_name"}
# a check as pandera writes it in a list: its statistics, and its name among its options
LISTED_CHECK = Keys({"options": CHECK_OPTIONS}, required=frozenset({"options"}), others=ANY)
# a check as a key (its name) and a value: nothing, one statistic, or statistics and options
NAMED_CHECKS = MapOf(ANY, names="check")
CHECKS = Either((NAMED_CHECKS, ListOf(LISTED_CHECK)))

COLUMN_KEYS: dict[str, Any] = {
    "dtype": ANY,
    "nullable": BOOL,
    "checks": CHECKS,
    "unique": BOOL,
    "coerce": BOOL,
    "required": BOOL,
    "regex": BOOL,
    "default": ANY,
    "report_duplicates": TEXT,
    "drop_invalid_rows": BOOL,
    "title": TEXT,
    "description": TEXT,
}
# a column; pandera writes its checks as keys of it (`str_length: {min_value: 8}`)
COLUMN = Either((Keys(COLUMN_KEYS, others=ANY, other_names="check"), Value(types=(type(None),))))
LISTED_COLUMN = Keys(
    {**COLUMN_KEYS, "name": Value(names="column", optional=False)},
    required=frozenset({"name"}),
    others=ANY,
    other_names="check",
)
FRAME_SCHEMA = Keys(
    {
        "schema_type": Value(names="schema-type"),
        "version": Value(types=(str, int, float)),
        "api": Value(names="api"),
        "dataframe_library": Value(names="api"),
        "columns": Either((MapOf(COLUMN, names="column"), ListOf(LISTED_COLUMN))),
        "checks": CHECKS,
        "index": ANY,
        "multiindex": ANY,
        "dtype": ANY,
        "coerce": BOOL,
        "strict": Value(types=(bool, str)),
        "name": TEXT,
        "ordered": BOOL,
        "unique": ANY,
        "report_duplicates": TEXT,
        "unique_column_names": BOOL,
        "add_missing_columns": BOOL,
        "title": TEXT,
        "description": TEXT,
        "metadata": ANY,
        "drop_invalid_rows": BOOL,
        # kinerja-xl's own: a check's message to offices, and any check's or code's severity
        "messages": MapOf(
            Keys({"id": TEXT, "en": TEXT}, required=frozenset({"id", "en"})), names="check"
        ),
        "severities": MapOf(
            Value(names="severity", optional=False, read=severity_word), names="severity-target"
        ),
    }
)
FRAME_NAMES = {
    "schema-type": ("dataframe",),
    "api": ("pandas",),
    "severity": SEVERITY_WORDS,
}


@dataclass(frozen=True)
class CheckEntry:
    """One check a schema names: `name`, its `statistics`, its `options` (raise_warning …),
    the `column` it checks (None for a check of the whole table), and `where` it is written."""

    name: str
    statistics: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    column: str | None = None
    where: tuple[Any, ...] = ()

    def listed(self) -> dict[str, Any]:
        """The entry as pandera reads it in a list."""
        return {**self.statistics, "options": {"check_name": self.name, **self.options}}


def _named(name: str, value: Any, column: str | None, where: tuple[Any, ...]) -> CheckEntry:
    """`name: value` (kinerja-xl's short form, or a check pandera writes as a column's key):
    nothing, one unnamed statistic, or statistics beside options."""
    if value is None:
        return CheckEntry(name, column=column, where=where)
    if not isinstance(value, dict):
        return CheckEntry(name, {"value": value}, column=column, where=where)
    options = {k: v for k, v in value.items() if k in OPTION_KEYS}
    statistics = {k: v for k, v in value.items() if k not in OPTION_KEYS}
    if "options" in statistics and isinstance(statistics["options"], dict):
        options |= {k: v for k, v in statistics.pop("options").items() if k != "check_name"}
    return CheckEntry(name, statistics, options, column, where)


def _entries(checks: Any, column: str | None, where: tuple[Any, ...]) -> list[CheckEntry]:
    if isinstance(checks, dict):
        return [_named(str(n), v, column, (*where, n)) for n, v in checks.items()]
    found = []
    for index, entry in enumerate(checks or []):
        options = dict(entry["options"])
        name = str(options.pop("check_name"))
        statistics = {k: v for k, v in entry.items() if k != "options"}
        found.append(CheckEntry(name, statistics, options, column, (*where, index)))
    return found


def columns_of(document: Mapping[str, Any]) -> list[tuple[str, dict[str, Any], tuple[Any, ...]]]:
    """(name, its mapping, where) of every column, in either form."""
    columns = document.get("columns") or {}
    if isinstance(columns, list):
        return [(str(c["name"]), c, ("columns", i)) for i, c in enumerate(columns)]
    return [(str(n), c or {}, ("columns", n)) for n, c in columns.items()]


def check_entries(document: Mapping[str, Any], checks: Collection[str] = ()) -> list[CheckEntry]:
    """Every check the schema names: the whole table's, then each column's (under `checks:`,
    or as keys of the column: those of `checks`, the check names known)."""
    found = _entries(document.get("checks"), None, ("checks",))
    for name, column, where in columns_of(document):
        found += _entries(column.get("checks"), name, (*where, "checks"))
        for key, value in column.items():
            if key not in COLUMN_KEYS and key != "name" and key in checks:
                found.append(_named(str(key), value, name, (*where, key)))
    return found


def statistic(document: Mapping[str, Any], check: str, name: str) -> Any:
    """A statistic of a whole-table check ('target_in_range', 'ranges'), or KeyError."""
    for entry in check_entries(document):
        if entry.name == check and entry.column is None:
            return entry.statistics[name]
    raise KeyError(check)


def read_units(folder: Path, names: Mapping[str, Collection[str]]) -> tuple[dict[str, Any], Lines]:
    return read_document(folder / UNITS_FILE, UNITS, names)


def read_frame_schema(
    path: Path, names: Mapping[str, Collection[str]]
) -> tuple[dict[str, Any], Lines]:
    """A pandera schema file held to its shape: its keys, its columns, its checks' names and
    options, its messages and severities (`names` says what exists)."""
    return read_document(path, FRAME_SCHEMA, {**FRAME_NAMES, **names})


def categories_of(folder: Path) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The grade, opinion and category lists and the ranges of `folder`'s rkt.yaml, and its
    units.yaml: what the readers need before the rules load. Both files are
    held to their shapes here already (which names exist is checked when the rules load)."""
    path = folder / SCHEMA_FILES["rkt"]
    rkt, lines = read_document(path, FRAME_SCHEMA, FRAME_NAMES)
    units, _lines = read_document(folder / UNITS_FILE, UNITS)
    found = []
    for check, name in (("target_category_valid", "categories"), ("target_in_range", "ranges")):
        try:
            value = statistic(rkt, check, name)
        except KeyError:
            raise SchemaError("check-missing", path, check=check) from None
        if not isinstance(value, dict):
            raise SchemaError("not-a-mapping", path, line=lines.of("checks", check), name=name)
        found.append(value)
    return found[0], units, found[1]
