"""The rules of one `schemas/` folder, loaded and checked: which target an indicator expects
(units.yaml), and one pandera schema per table (rkt.yaml, anggaran.yaml, iku.yaml) whose
ranges and lists every other part of kinerja-xl reads from here.

A rule that cannot run is refused at load, naming its file and what is wrong, never silently
dropped: an unknown check, a column the tables do not have, YAML that does not parse.
A YAML file may give a check of its own a message (`messages:`, in both languages) and a
severity (`severities:`); a failure of any check without a dedicated issue code becomes a
`rule-failed` issue with that message.
"""

from __future__ import annotations

import copy
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..knowledge.document import SchemaError
from ..knowledge.layouts import LayoutsError
from ..knowledge.registry import load_registry
from ..knowledge.vocabulary import Vocabulary, default_schema_folder, load_vocabulary, read_yaml
from ..layouts.normalise import without_numbering
from .formula import Formula, FormulaError

SCHEMA_FILES = {"rkt": "rkt.yaml", "anggaran": "anggaran.yaml", "iku": "iku.yaml"}
# the columns each table hands to its schema (validate.py builds them); a rule names these
FRAME_COLUMNS = {
    "rkt": (
        "indikator",
        "expected",
        "target_text",
        "target_value",
        "target_code",
        "target_unit",
        "target_problem",
        "realisasi_text",
        "realisasi_value",
        "realisasi_code",
        "realisasi_unit",
        "realisasi_problem",
        "capaian_value",
        "capaian_dihitung",
        "reports_results",
    ),
    "anggaran": ("program", "amount_value", "amount_problem"),
    "iku": ("indikator", "cara", "sumber", "kode_program"),
}
OUR_KEYS = ("messages", "severities")  # read here, not by pandera
FOUND_KINDS = {"persen", "angka", "predikat", "opini", "kategori"}


class RulesError(SchemaError):
    """The rules cannot be used. `key` names the problem in the catalogue ("rules-…"), `path`
    the file, `fields` the rest (`line`: where in it); `message(lang)` says it to a person in
    one line."""

    def __init__(self, key: str, path: Path, **fields: Any) -> None:
        super().__init__(key, path, **fields)
        self.at_load = False  # True: the rules could not be loaded (not: could not run)
        Exception.__init__(self, self.message("en"))

    @classmethod
    def of(cls, error: SchemaError) -> RulesError:
        """A file of schemas/ that cannot be used, said as the rules' problem."""
        found = cls(error.key, error.path, **error.fields)
        found.at_load = True
        return found

    def message(self, lang: str = "id") -> str:
        from ..words.messages import say

        line = self.fields.get("line")
        where = f"{self.path}:{line}" if line else f"{self.path}"
        return f"{where}: {say(f'rules-{self.key}', lang, **self.fields)}"


@dataclass
class Rules:
    """The rules of one `schemas/` folder: unit patterns and one pandera schema per frame."""

    folder: Path
    indicator_kinds: list[tuple[re.Pattern[str], str]]
    satuan_kinds: list[tuple[re.Pattern[str], str]]
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    schemas: dict[str, Any] = field(default_factory=dict)
    ranges: dict[str, list[Any]] = field(default_factory=dict)
    categories: dict[str, list[str]] = field(default_factory=dict)
    satuan_choices: dict[str, str] = field(default_factory=dict)  # Satuan word -> kind
    fits: dict[str, list[str]] = field(default_factory=dict)  # expected kind -> target kinds
    # (frame, check) -> {"id": …, "en": …} and -> "error" | "warning", for checks of a province
    messages: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    severities: dict[tuple[str, str], str] = field(default_factory=dict)
    lower_is_better: list[re.Pattern[str]] = field(default_factory=list)
    formulas: dict[str, Formula] = field(default_factory=dict)  # "higher" / "lower" -> capaian
    # the same indicators recur in every office's plan: each wording is matched once
    _directions: dict[str | None, str] = field(default_factory=dict, repr=False, compare=False)
    _kinds: dict[tuple[str | None, str | None], str | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def direction_of(self, indicator: str | None) -> str:
        """'lower' for an indicator where less is better (units.yaml), else 'higher'."""
        direction = self._directions.get(indicator)
        if direction is None:
            lowered = without_numbering((indicator or "").strip().lower())
            lower = any(p.search(lowered) for p in self.lower_is_better)
            direction = self._directions[indicator] = "lower" if lower else "higher"
        return direction

    def capaian(self, target: float, realisasi: float, direction: str) -> float | None:
        formula = self.formulas.get(direction)
        return formula(target, realisasi) if formula else None

    def expected_kind(self, indicator: str | None, satuan: str | None) -> str | None:
        key = (indicator, satuan)
        if key not in self._kinds:
            self._kinds[key] = self._matched_kind(indicator, satuan)
        return self._kinds[key]

    def _matched_kind(self, indicator: str | None, satuan: str | None) -> str | None:
        for text, patterns in ((indicator, self.indicator_kinds), (satuan, self.satuan_kinds)):
            lowered = without_numbering((text or "").strip().lower())
            for pattern, kind in patterns:
                if lowered and pattern.search(lowered):
                    return kind
        return None

    def expected_text(self, kind: str | None, lang: str) -> str:
        from ..words.messages import say

        low, high = (self.ranges.get(kind or "") or [0, 100])[:2]
        return say(
            f"expected-{kind or 'any'}",
            lang,
            low=low,
            high=high if high is not None else "",
            codes=self.vocabulary.listed(kind or "", say("or", lang)),
        )

    def satuan_kind(self, satuan: str) -> str | None:
        lowered = satuan.strip().lower()
        return next((kind for pattern, kind in self.satuan_kinds if pattern.search(lowered)), None)

    def found_kind(self, unit: str | None, code: Any) -> str | None:
        """The target's own kind as the checks see it: a count word is a jumlah; a code in the
        grade or opinion list is a predikat or an opini, whatever the parser called it."""
        if unit is None:
            return None
        if unit in ("predikat", "opini", "kategori") and isinstance(code, str):
            kind = self.vocabulary.kind_of(code)
            return kind if kind in ("predikat", "opini") else unit
        return unit if unit in FOUND_KINDS else "jumlah"

    def unit_name(self, record: Any, expected: str | None) -> str | None:
        """One name per unit across offices: a target that fits its indicator is named by the
        indicator's kind ('angka' under an Indeks is 'indeks', 'kategori' under a predikat
        indicator is 'predikat'), whatever Satuan the office wrote beside it ('indeks' or
        'nilai' for "Nilai Keterbukaan Informasi Publik": one indicator, one name); a Satuan
        is named by its kind where the indicator says nothing; a count keeps its word
        ('dokumen')."""
        found = record.target.unit if record.target else None
        if expected not in (None, "jumlah") and found in self.fits.get(expected or "", []):
            return expected
        satuan = (record.get("satuan") or "").strip()
        if satuan:
            kind = self.satuan_kind(satuan)
            return satuan.lower() if kind in (None, "jumlah") and satuan != "%" else kind
        if found is None or expected is None:
            return found
        counted = found not in FOUND_KINDS
        if expected == "jumlah" and counted:
            return found
        fitting = self.fits.get(expected, [])
        return expected if found in fitting or (counted and "jumlah" in fitting) else found


def load_rules(folder: Path | None = None, vocabulary: Vocabulary | None = None) -> Rules:
    """The rules of `folder` (the packaged `schemas/` by default), or `RulesError`.
    `vocabulary`: the folder's grades and opinions, when they have been read already."""
    rules = load_units(folder, vocabulary)
    folder = rules.folder
    for frame, name in SCHEMA_FILES.items():
        declared = _yaml(folder / name)
        rules.schemas[frame] = _schema(folder / name, frame, declared, rules)
    try:
        checks = _yaml(folder / "rkt.yaml")["checks"]
        rules.ranges = checks["target_in_range"]["ranges"]
        rules.categories = checks["target_category_valid"]["categories"]
        rules.fits = checks["target_unit_fits"]["fits"]
    except (KeyError, TypeError) as exc:
        raise RulesError("check-missing", folder / "rkt.yaml", check=exc) from exc
    return rules


def load_units(folder: Path | None = None, vocabulary: Vocabulary | None = None) -> Rules:
    """The rules of `folder` that say what an indicator expects and how its capaian is
    computed (units.yaml), and its grades and opinions; without the schemas (and without
    importing pandera): enough to read a workbook and compute its results."""
    folder = Path(folder) if folder else default_schema_folder()
    units = _yaml(folder / "units.yaml")
    try:
        rules = Rules(
            folder=folder,
            indicator_kinds=[
                (re.compile(u["pattern"]), u["kind"]) for u in units["indicator_kinds"]
            ],
            satuan_kinds=[(re.compile(u["pattern"]), u["kind"]) for u in units["satuan_kinds"]],
            satuan_choices=dict(units.get("satuan_choices", {})),
            lower_is_better=[re.compile(u["pattern"]) for u in units.get("lower_is_better") or []],
            formulas={
                k: Formula.parse(v) for k, v in (units.get("capaian_formulas") or {}).items()
            },
        )
    except (KeyError, TypeError, re.error, FormulaError) as exc:
        raise RulesError(
            "broken", folder / "units.yaml", detail=f"{type(exc).__name__}: {exc}"
        ) from exc
    try:
        rules.vocabulary = vocabulary or load_vocabulary(folder)
    except LayoutsError as exc:  # layouts.yaml: the words of the tables' headers
        raise RulesError(exc.key, exc.path, **exc.fields) from exc
    return rules


class RulesLoading:
    """The rules of a folder, loaded in a thread while the workbooks are read: importing pandas
    and pandera takes about half a second, and the reading processes do not need them. The
    grades and opinions the readers need are read at once (`vocabulary`); the thread begins at
    `start()` (a batch calls it once its reading processes exist: they are forked only while
    no other thread runs, workers.py), at the latest when `result()` waits for the rest. A
    rule the folder gets wrong raises `RulesError` (with `at_load`) from either."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else default_schema_folder()
        self.vocabulary: Vocabulary | None = None
        self._rules: Rules | None = None
        self._error: RulesError | None = None
        self._thread: threading.Thread | None = None
        try:
            self.vocabulary = load_vocabulary(self.folder)
        except Exception:  # a broken folder: loading the rules names the problem
            self._load()
            self.result()
            raise
        try:  # the offices, which the readers need too: a broken registry is refused at once
            load_registry(self.folder)
        except SchemaError as exc:
            raise RulesError.of(exc) from exc
        self._thread = threading.Thread(target=self._load, name="kinerja-xl rules", daemon=True)

    def start(self) -> None:
        """Begin loading in the background (once)."""
        if self._thread is not None and self._thread.ident is None:
            self._thread.start()

    def _load(self) -> None:
        try:
            self._rules = load_rules(self.folder, self.vocabulary)
        except RulesError as exc:
            exc.at_load = True
            self._error = exc

    def result(self) -> Rules:
        if self._thread is not None:
            self.start()
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._rules is not None
        return self._rules


def _yaml(path: Path) -> dict[str, Any]:
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulesError("unreadable", path, detail=exc.strerror or exc) from exc
    except yaml.YAMLError as exc:
        raise RulesError("not-yaml", path, detail=exc) from exc
    if not isinstance(data, dict):
        raise RulesError("not-rules", path)
    return data


def _schema(path: Path, frame: str, declared: dict[str, Any], rules: Rules) -> Any:
    """The pandera schema of one YAML file, after refusing what pandera would silently skip
    or fail on later: an unknown check, a column the table does not have."""
    import pandera.pandas as pa
    from pandera.io.pandas_io import deserialize_schema

    from . import checks

    checks.register()  # the checks the YAML names, known to pandera

    for column in declared.get("columns") or {}:
        if column not in FRAME_COLUMNS[frame]:
            known = ", ".join(FRAME_COLUMNS[frame])
            raise RulesError("unknown-column", path, column=column, known=known)
    for name in _check_names(declared):
        if not hasattr(pa.Check, name):
            raise RulesError("unknown-check", path, check=name)
    for check, texts in (declared.get("messages") or {}).items():
        if not isinstance(texts, dict) or not {"id", "en"} <= set(texts):
            raise RulesError("message-languages", path, check=check)
        rules.messages[(frame, str(check))] = {k: str(v) for k, v in texts.items()}
    for check, severity in (declared.get("severities") or {}).items():
        if severity not in ("error", "warning"):
            raise RulesError("severity", path, check=check)
        rules.severities[(frame, str(check))] = severity
    schema_only = {k: v for k, v in declared.items() if k not in OUR_KEYS}
    try:  # the YAML is read already: pandera builds the schema from it (as from_yaml would)
        return deserialize_schema(copy.deepcopy(schema_only))
    except Exception as exc:  # pandera's own complaint, named with the file
        raise RulesError("broken", path, detail=f"{type(exc).__name__}: {str(exc)[:300]}") from exc


def _check_names(declared: dict[str, Any]) -> list[str]:
    names = list((declared.get("checks") or {}).keys())
    for column in (declared.get("columns") or {}).values():
        names += list(((column or {}).get("checks") or {}).keys())
    return [str(n) for n in names]
