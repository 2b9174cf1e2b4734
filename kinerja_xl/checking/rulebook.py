"""The rules of one `schemas/` folder, loaded and checked: which target an indicator expects
(units.yaml), and one pandera schema per table (rkt.yaml, anggaran.yaml, iku.yaml) whose
ranges and lists every other part of kinerja-xl reads from here.

A rule that cannot run is refused at load, naming its file, its line and its key, never
silently dropped: every file of the folder is held to its shape (knowledge/document.py and
knowledge/rulefiles.py: an unknown key, check, column, statistic or issue code, YAML that does
not parse, a file kinerja-xl does not read). A schema may be written in the short form or in
pandera's own (`to_yaml()`); it reaches pandera with every check listed. A YAML file may give
a check of its own a message (`messages:`, in both languages) and a severity (`severities:`);
a failure of any check without a dedicated issue code becomes a `rule-failed` issue with that
message.
"""

from __future__ import annotations

import copy
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..knowledge.document import SchemaError, dotted, suggestion
from ..knowledge.kinds import TableKind
from ..knowledge.programs import load_programs
from ..knowledge.registry import load_registry
from ..knowledge.rulefiles import (
    COLUMN_KEYS,
    SCHEMA_FILES,
    UNITS_FILE,
    CheckEntry,
    check_entries,
    columns_of,
    read_frame_schema,
    read_units,
    severity_word,
    statistic,
)
from ..knowledge.vocabulary import Vocabulary, default_schema_folder, load_vocabulary
from ..layouts.normalise import without_numbering
from ..model.issues import CODES, Severities
from .formula import Formula, FormulaError

# the columns each table hands to its schema (validate.py builds them, a rule names them), each
# with the record field whose cell a failure in it points at (None: the row's first cell)
FRAME_COLUMNS: dict[str, dict[str, str | None]] = {
    "rkt": {
        "indikator": "indikator",
        "expected": "indikator",  # the kind of target the indicator's wording expects
        "direction": "indikator",  # higher or lower is better (units.yaml: lower_is_better)
        **{f"target_{part}": "target" for part in ("text", "value", "code", "unit", "problem")},
        **{f"realisasi_{p}": "realisasi" for p in ("text", "value", "code", "unit", "problem")},
        "capaian_value": "capaian",
        "capaian_dihitung": "capaian",
        "reports_results": None,
        "realisasi_by_quarter": "realisasi",  # a realisasi given by quarter only (a count)
    },
    "anggaran": {"program": "program", "amount_value": "anggaran", "amount_problem": "anggaran"},
    "iku": {
        "indikator": "indikator",
        "cara": "cara",
        "sumber": "sumber",
        "kode_program": "program",
    },
}
# the schema (frame) a table's rows answer to, by the table's kind
FRAME_OF_KIND = {
    TableKind.RKT: "rkt",
    TableKind.RKT_SEKRETARIAT: "rkt",
    TableKind.ANGGARAN: "anggaran",
    TableKind.IKU: "iku",
}


def frames_of(table: Any) -> tuple[str, ...]:
    """The schemas a table's rows answer to: its kind's; and an IKU that states targets (a
    Target column, a matrix of plan years) answers for them as a plan does (rkt.yaml)."""
    own = FRAME_OF_KIND[table.kind]
    if own == "iku" and ("target" in table.columns or table.periods):
        return (own, "rkt")
    return (own,)


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
        """One line: the file, the line, what is wrong and with which key, and what was
        probably meant ('severites': did you mean 'severities'?) or what is known."""
        from ..words.messages import TEXT, say

        fields = dict(self.fields)
        if "what" in fields:
            fields["what"] = say(f"rules-what-{fields['what']}", lang)
        if "expected" in fields:
            fields["expected"] = say(f"rules-type-{fields['expected']}", lang)
        line = fields.get("line")
        where = f"{self.path}:{line}" if line else f"{self.path}"
        key = f"rules-{self.key}" if f"rules-{self.key}" in TEXT else "rules-broken"
        text = say(key, lang, **{"detail": self.key, **fields})
        if fields.get("near"):
            text += say("rules-near", lang, near=fields["near"])
        elif fields.get("known") and "{known}" not in TEXT[key]["id"]:
            text += say("rules-known", lang, known=fields["known"])
        return f"{where}: {text}"


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
    score_words: frozenset[str] = frozenset()  # "80 Poin": a number, not a count of points
    fits: dict[str, list[str]] = field(default_factory=dict)  # expected kind -> target kinds
    # (frame, check) -> {"id": …, "en": …}: a province's words for a check's failures
    messages: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    severities: Severities = field(default_factory=Severities)  # what `severities:` says
    lower_is_better: list[re.Pattern[str]] = field(default_factory=list)
    formulas: dict[str, Formula] = field(default_factory=dict)  # "higher" / "lower" -> capaian
    # the same indicators recur in every office's plan: each wording is matched once
    _directions: dict[str | None, str] = field(default_factory=dict, repr=False, compare=False)
    _kinds: dict[tuple[str | None, str | None], str | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    # what a target should be, said once per kind and language (not once per issue)
    _expected: dict[tuple[str | None, str], str] = field(
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
        said = self._expected.get((kind, lang))
        if said is None:
            said = self._expected[kind, lang] = self._expected_text(kind, lang)
        return said

    def _expected_text(self, kind: str | None, lang: str) -> str:
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
        return self.vocabulary.satuan_kind(satuan)

    def found_kind(self, unit: str | None, code: Any) -> str | None:
        """The target's own kind as the checks see it: a count word is a jumlah; a code in the
        grade or opinion list is a predikat or an opini, whatever the parser called it."""
        if unit is None:
            return None
        if unit in ("predikat", "opini", "kategori") and isinstance(code, str):
            kind = self.vocabulary.kind_of(code)
            return kind if kind in ("predikat", "opini") else unit
        if unit.lower() in self.score_words:
            return "angka"
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
    """The rules of `folder` (the packaged `schemas/` by default), or `RulesError` naming the
    file, the line and the key of the first thing that cannot be used.
    `vocabulary`: the folder's grades and opinions, when they have been read already."""
    rules = load_units(folder, vocabulary)
    folder = rules.folder
    names = _names()
    documents = {}
    said = _Said()
    for frame, name in SCHEMA_FILES.items():
        documents[frame] = _document(folder / name, frame, names)
        rules.schemas[frame] = _schema(folder / name, frame, documents[frame], rules, said)
    rules.severities = Severities(said.by_code, said.by_check, frozenset(said.warned))
    _plan_lists(rules, documents["rkt"], folder / SCHEMA_FILES["rkt"])
    return rules


def _plan_lists(rules: Rules, rkt: dict[str, Any], path: Path) -> None:
    """The ranges, lists and fits of rkt.yaml's checks, which the outputs read too."""
    for attribute, check, statistic_name in (
        ("ranges", "target_in_range", "ranges"),
        ("categories", "target_category_valid", "categories"),
        ("fits", "target_unit_fits", "fits"),
    ):
        try:
            setattr(rules, attribute, statistic(rkt, check, statistic_name))
        except KeyError as exc:
            raise RulesError("check-missing", path, check=check) from exc


@dataclass
class _Said:
    """The severities the schema files give, gathered: a code's may be given in any file, but
    only one way."""

    by_code: dict[str, Any] = field(default_factory=dict)
    by_check: dict[tuple[str, str], Any] = field(default_factory=dict)
    warned: set[tuple[str, str, str | None]] = field(default_factory=set)
    where: dict[str, Path] = field(default_factory=dict)  # code -> the file that said it


def load_units(folder: Path | None = None, vocabulary: Vocabulary | None = None) -> Rules:
    """The rules of `folder` that say what an indicator expects and how its capaian is
    computed (units.yaml), and its grades and opinions; without the schemas (and without
    importing pandera): enough to read a workbook and compute its results."""
    folder = Path(folder) if folder else default_schema_folder()
    try:
        vocabulary = vocabulary or load_vocabulary(folder)
        units, lines = read_units(folder, {"kind": vocabulary.kinds})
        held_to_shape(folder)
        rkt, _rkt_lines = read_frame_schema(folder / SCHEMA_FILES["rkt"], {})
    except SchemaError as exc:  # any file of the folder
        raise RulesError.of(exc) from exc
    formulas = {}
    for direction, text in (units.get("capaian_formulas") or {}).items():
        try:
            formulas[direction] = Formula.parse(text)
        except FormulaError as exc:
            where = ("capaian_formulas", direction)
            raise RulesError(
                "invalid-value",
                folder / UNITS_FILE,
                line=lines.of(*where),
                name=dotted(where),
                value=text,
                detail=exc,
            ) from exc
    rules = Rules(
        folder=folder,
        indicator_kinds=list(vocabulary.indicator_kinds),  # units.yaml, as the readers have it
        satuan_kinds=list(vocabulary.satuan_kinds),
        satuan_choices=dict(units.get("satuan_choices") or {}),
        score_words=frozenset(str(w).lower() for w in units.get("score_words") or []),
        lower_is_better=[re.compile(u["pattern"]) for u in units.get("lower_is_better") or []],
        formulas=formulas,
        vocabulary=vocabulary,
    )
    _plan_lists(rules, rkt, folder / SCHEMA_FILES["rkt"])
    return rules


# the files a `schemas/` folder may hold; any other .yaml is refused (a rule written in a file
# kinerja-xl never reads would be dropped in silence)
KNOWN_FILES = (
    UNITS_FILE,
    *SCHEMA_FILES.values(),
    "layouts.yaml",
    "offices.yaml",
    "kiriman.yaml",
    "programs.yaml",
)


def refuse_unknown_files(folder: Path) -> None:
    for path in sorted(folder.glob("*.y*ml")):
        if path.name not in KNOWN_FILES:
            raise RulesError("unknown-file", path, known=", ".join(KNOWN_FILES))


def held_to_shape(folder: Path) -> None:
    """Every file of the folder read and held to its shape, without pandera (which checks and
    codes exist is asked when the rules load: `load_rules`), so that even a command that uses
    part of the rules (`inspect`) refuses a folder that `check` would refuse."""
    refuse_unknown_files(folder)
    load_registry(folder)  # offices.yaml, kiriman.yaml
    if (folder / "programs.yaml").exists():  # an older copy without it: the packaged one's
        load_programs(folder)
    for name in SCHEMA_FILES.values():  # rkt.yaml was read with the vocabulary already
        read_frame_schema(folder / name, {})


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
        try:  # what the readers need: the words of targets and layouts, the offices
            self.vocabulary = load_vocabulary(self.folder)
            load_registry(self.folder)
        except SchemaError as exc:  # a broken file is refused at once, naming it
            raise RulesError.of(exc) from exc
        CODES.complete()  # the codes the rules may name (imported here, not in the thread)
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
        except Exception as exc:  # never a traceback from the thread: said as the rules' fault
            self._error = RulesError("broken", self.folder, detail=f"{type(exc).__name__}: {exc}")
            self._error.at_load = True

    def result(self) -> Rules:
        if self._thread is not None:
            self.start()
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._rules is not None
        return self._rules


def _names() -> dict[str, Any]:
    """What a schema file may name: the checks (pandera's and kinerja-xl's), and for a
    severity a check or an issue code."""
    import pandera.pandas as pa
    from pandera.api.base.checks import BaseCheck

    from . import checks

    checks.register()  # the checks the YAML names, known to pandera
    known = set(BaseCheck.CHECK_FUNCTION_REGISTRY) | set(checks.CHECK_ISSUES)
    known |= {n for n in ("between", "eq", "ne", "gt", "ge", "lt", "le") if hasattr(pa.Check, n)}
    return {"check": known, "severity-target": known | set(CODES)}


FIXED_SEVERITY = ("file-unreadable",)  # the contract: an unreadable file is always said


def _document(path: Path, frame: str, names: dict[str, Any]) -> dict[str, Any]:
    """A schema file held to its shape, its columns the frame's, its checks' statistics the
    checks'."""
    try:
        document, lines = read_frame_schema(path, {**names, "column": FRAME_COLUMNS[frame]})
    except SchemaError as exc:
        raise RulesError.of(exc) from exc
    for name in document.get("severities") or {}:
        if name in FIXED_SEVERITY:  # a file that cannot be read is always said (exit 2)
            where = ("severities", name)
            raise RulesError("severity-fixed", path, line=lines.of(*where), name=name)
    for entry in check_entries(document, names["check"]):
        problem = _statistics_problem(entry)
        if problem:
            raise RulesError(
                "unknown-statistic",
                path,
                line=lines.of(*entry.where),
                name=dotted(entry.where),
                check=entry.name,
                **problem,
            )
    return document


def _statistics_problem(entry: CheckEntry) -> dict[str, str] | None:
    """A statistic the check does not take ('min_valeu' of str_length), said with the ones it
    takes; None when every one is known."""
    import inspect

    import pandera.pandas as pa

    from .checks import _CHECKS

    if entry.name in _CHECKS:
        takes = set(_CHECKS[entry.name][1])
    else:
        parameters = inspect.signature(getattr(pa.Check, entry.name)).parameters.values()
        takes = {p.name for p in parameters if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
        if any(p.kind == p.VAR_POSITIONAL for p in parameters) or not takes:
            takes.add("value")  # a check of one unnamed statistic (isin: [a, b])
    for statistic_name in entry.statistics:
        if statistic_name not in takes and statistic_name != "value":
            return {"statistic": str(statistic_name), **suggestion(statistic_name, sorted(takes))}
    return None


def _schema(path: Path, frame: str, document: dict[str, Any], rules: Rules, said: _Said) -> Any:
    """The pandera schema of one schema file, in the form pandera reads (every check listed
    with its options), what kinerja-xl reads of it taken out: messages, severities, and
    `raise_warning` (pandera would only warn, and the failures would never be issues: they
    are issues, warnings unless `severities:` says otherwise)."""
    from pandera.io.pandas_io import deserialize_schema

    known = _names()["check"]
    for check, texts in (document.get("messages") or {}).items():
        rules.messages[(frame, str(check))] = {k: str(v) for k, v in texts.items()}
    for name, written in (document.get("severities") or {}).items():
        name, severity = str(name), severity_word(written)
        if name in known:
            said.by_check[(frame, name)] = severity
        elif said.by_code.get(name, severity) != severity:
            raise RulesError(
                "severity-twice", path, name=name, other=said.where[name].name, said=severity
            )
        else:
            said.by_code[name], said.where[name] = severity, path
    entries = check_entries(document, known)
    for entry in entries:
        if entry.options.pop("raise_warning", False):
            said.warned.add((frame, entry.name, entry.column))
    columns = {}
    for name, column, _where in columns_of(document):
        own = {k: v for k, v in column.items() if k in COLUMN_KEYS and k != "checks"}
        listed = [e.listed() for e in entries if e.column == name]
        columns[name] = {**own, "checks": listed or None}
    schema = {k: v for k, v in document.items() if k not in (*OUR_KEYS, "columns", "checks")}
    schema["columns"] = columns
    schema["checks"] = [e.listed() for e in entries if e.column is None]
    try:  # the YAML is read already: pandera builds the schema from it (as from_yaml would)
        return deserialize_schema(copy.deepcopy(schema))
    except Exception as exc:  # pandera's own complaint, named with the file
        raise RulesError("broken", path, detail=f"{type(exc).__name__}: {str(exc)[:300]}") from exc
