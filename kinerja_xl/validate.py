"""Run the pandera schemas lazily over whole tables and map every failure back to its cell.

The records of all files are validated together, one DataFrame per kind, so that a batch of
thirteen (or 1,650) workbooks costs one pandera pass per kind. Each DataFrame row keeps an
index into `RowRef`s, which know the record, and so the sheet and A1 cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .issues import Issue
from .normalise import without_numbering
from .records import FileReport, Record

SCHEMA_FILES = {"rkt": "rkt.yaml", "anggaran": "anggaran.yaml", "iku": "iku.yaml"}
FRAME_OF_KIND = {"rkt": "rkt", "rkt-sekretariat": "rkt", "anggaran": "anggaran", "iku": "iku"}
FOUND_KINDS = {"persen", "angka", "predikat", "opini", "kategori"}

EXPECTED_TEXT = {
    "persen": {
        "id": "persentase {low}–{high}%, mis. 90% atau 0,16%",
        "en": "a percentage {low}–{high}%, e.g. 90% or 0,16%",
    },
    "indeks": {"id": "angka indeks {low}–{high}, mis. 80", "en": "an index {low}–{high}, e.g. 80"},
    "predikat": {
        "id": "predikat AA, A, BB, B, CC, C atau D",
        "en": "a grade AA, A, BB, B, CC, C or D",
    },
    "opini": {"id": "opini BPK WTP, WDP, TW atau TMP", "en": "a BPK opinion WTP, WDP, TW or TMP"},
    "nilai": {
        "id": "nilai {low}–{high}, mis. 90 (persen juga diterima)",
        "en": "a score {low}–{high}, e.g. 90 (a percentage is accepted)",
    },
    "jumlah": {
        "id": "bilangan bulat ≥ {low}, mis. 5 dokumen",
        "en": "a whole number ≥ {low}, e.g. 5 dokumen",
    },
    None: {
        "id": "angka, persen atau kategori, mis. 90%, 80, B atau WTP",
        "en": "a number, percentage or category, e.g. 90%, 80, B or WTP",
    },
}
FOUND_TEXT = {
    "persen": {"id": "persentase", "en": "a percentage"},
    "angka": {"id": "angka", "en": "a number"},
    "predikat": {"id": "predikat", "en": "a grade"},
    "opini": {"id": "opini BPK", "en": "a BPK opinion"},
    "kategori": {"id": "kategori", "en": "a category"},
    "jumlah": {"id": "jumlah", "en": "a count"},
}


@dataclass
class Rules:
    """The rules of one `schemas/` folder: unit patterns and one pandera schema per frame."""

    folder: Path
    indicator_kinds: list[tuple[re.Pattern[str], str]]
    satuan_kinds: list[tuple[re.Pattern[str], str]]
    schemas: dict[str, Any] = field(default_factory=dict)
    ranges: dict[str, list[Any]] = field(default_factory=dict)
    categories: dict[str, list[str]] = field(default_factory=dict)
    satuan_choices: dict[str, str] = field(default_factory=dict)  # Satuan word -> kind
    fits: dict[str, list[str]] = field(default_factory=dict)  # expected kind -> target kinds

    def satuan_kind(self, satuan: str) -> str | None:
        lowered = satuan.strip().lower()
        return next((kind for pattern, kind in self.satuan_kinds if pattern.search(lowered)), None)

    def unit_name(self, record: Record, expected: str | None) -> str | None:
        """One name per unit across offices: a target that fits its indicator is named by the
        indicator's kind ('angka' under an Indeks is 'indeks', 'kategori' under a predikat
        indicator is 'predikat'); the office's own Satuan is named the same way; a count keeps
        its word ('dokumen')."""
        satuan = (record.get("satuan") or "").strip()
        if satuan:
            kind = self.satuan_kind(satuan)
            return satuan.lower() if kind in (None, "jumlah") and satuan != "%" else kind
        found = record.target.unit if record.target else None
        if found is None or expected is None:
            return found
        counted = found not in FOUND_KINDS
        if expected == "jumlah" and counted:
            return found
        fitting = self.fits.get(expected, [])
        return expected if found in fitting or (counted and "jumlah" in fitting) else found

    def expected_kind(self, indicator: str | None, satuan: str | None) -> str | None:
        for text, patterns in ((indicator, self.indicator_kinds), (satuan, self.satuan_kinds)):
            lowered = without_numbering((text or "").strip().lower())
            for pattern, kind in patterns:
                if lowered and pattern.search(lowered):
                    return kind
        return None

    def expected_text(self, kind: str | None, lang: str) -> str:
        low, high = (self.ranges.get(kind or "") or [0, 100])[:2]
        return EXPECTED_TEXT[kind][lang].format(low=low, high=high if high is not None else "")


def default_schema_folder() -> Path:
    packaged = Path(str(resources.files("kinerja_xl") / "schemas"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "schemas"  # a source checkout


def load_rules(folder: Path | None = None) -> Rules:
    import pandera.pandas as pa

    from . import checks  # noqa: F401  (registers the checks the YAML names)

    folder = Path(folder) if folder else default_schema_folder()
    units = yaml.safe_load((folder / "units.yaml").read_text(encoding="utf-8"))
    rules = Rules(
        folder=folder,
        indicator_kinds=[(re.compile(u["pattern"]), u["kind"]) for u in units["indicator_kinds"]],
        satuan_kinds=[(re.compile(u["pattern"]), u["kind"]) for u in units["satuan_kinds"]],
        satuan_choices=dict(units.get("satuan_choices", {})),
    )
    for frame, name in SCHEMA_FILES.items():
        text = (folder / name).read_text(encoding="utf-8")
        rules.schemas[frame] = pa.DataFrameSchema.from_yaml(text)
        if frame == "rkt":
            declared = yaml.safe_load(text)["checks"]
            rules.ranges = declared["target_in_range"]["ranges"]
            rules.categories = declared["target_category_valid"]["categories"]
            rules.fits = declared["target_unit_fits"]["fits"]
    return rules


@dataclass(frozen=True)
class RowRef:
    report: FileReport
    record: Record


def validate_reports(reports: list[FileReport], rules: Rules) -> None:
    """Add every schema failure of every readable report to that report's issues."""
    refs: dict[str, list[RowRef]] = {"rkt": [], "anggaran": [], "iku": []}
    for report in reports:
        for table in report.tables:
            refs[FRAME_OF_KIND[table.kind]].extend(RowRef(report, r) for r in table.records)
    builders = {"rkt": _rkt_frame, "anggaran": _anggaran_frame, "iku": _iku_frame}
    for frame_name, frame_refs in refs.items():
        if not frame_refs:
            continue
        frame = builders[frame_name](frame_refs, rules)
        if frame_name == "rkt":
            for ref, expected in zip(frame_refs, frame["expected"], strict=True):
                ref.record.unit_name = rules.unit_name(
                    ref.record, expected if isinstance(expected, str) else None
                )
        for check, index in _failures(rules.schemas[frame_name], frame):
            ref = frame_refs[index]
            ref.report.issues.append(_issue(check, ref.record, frame.loc[index], rules))


def _failures(schema: Any, frame: Any) -> list[tuple[str, int]]:
    import pandera.errors as errors

    try:
        schema.validate(frame, lazy=True)
    except errors.SchemaErrors as exc:
        cases = exc.failure_cases
        names = cases["check"].astype(str).str.split("(").str[0]
        known = _known_checks()
        pairs = {
            (name, int(index))
            for name, index in zip(names, cases["index"], strict=True)
            if name in known and isinstance(index, int | float) and index == index  # not NaN
        }
        return sorted(pairs, key=lambda pair: (pair[1], pair[0]))
    return []


def _known_checks() -> set[str]:
    from .checks import CHECK_ISSUES

    return set(CHECK_ISSUES)


def _rkt_frame(refs: list[RowRef], rules: Rules) -> Any:
    import pandas as pd

    rows = []
    for ref in refs:
        record, target = ref.record, ref.record.target
        value = target.value if target else None
        unit = target.unit if target else None
        rows.append(
            {
                "indikator": record.get("indikator"),
                "expected": rules.expected_kind(record.get("indikator"), record.get("satuan")),
                "target_text": target.text if target else None,
                "target_value": float(value) if isinstance(value, int | float) else float("nan"),
                "target_code": value if isinstance(value, str) else None,
                # a count word ("5 dokumen") is a jumlah; the other units are kept as they are
                "target_unit": unit if unit in FOUND_KINDS or unit is None else "jumlah",
                "target_problem": target.problem if target else None,
            }
        )
    frame = pd.DataFrame(rows, columns=list(rows[0]))
    frame["target_value"] = frame["target_value"].astype("float64")
    return frame


def _anggaran_frame(refs: list[RowRef], rules: Rules) -> Any:
    import pandas as pd

    rows = [
        {
            "program": ref.record.get("program"),
            "amount_value": ref.record.amount.value if ref.record.amount else None,
            "amount_problem": ref.record.amount.problem if ref.record.amount else None,
        }
        for ref in refs
    ]
    frame = pd.DataFrame(rows, columns=["program", "amount_value", "amount_problem"])
    frame["amount_value"] = frame["amount_value"].astype("Int64")
    return frame


def _iku_frame(refs: list[RowRef], rules: Rules) -> Any:
    import pandas as pd

    fields = ["indikator", "cara", "sumber", "kode_program"]
    return pd.DataFrame([{f: ref.record.get(f) for f in fields} for ref in refs], columns=fields)


def _issue(check: str, record: Record, row: Any, rules: Rules) -> Issue:
    from .checks import CHECK_ISSUES

    code, cell_field, severity = CHECK_ISSUES[check]
    value = _value_of(record, cell_field)
    params: dict[str, Any] = {"indicator": record.get("indikator") or ""}
    if code.startswith("target-"):
        params.update(_target_params(record, row, rules))
    if code == "iku-field-missing":
        params["field"] = cell_field
    if code in ("budget-unparseable", "target-unparseable"):
        problem = record.amount or record.target
        params["why"] = problem.problem if problem and problem.problem else "empty"
    if code == "formula-no-value":
        source = record.target or record.amount
        value = source.text if source else value
    return Issue.make(code, record.sheet, record.cell_of(cell_field), value, severity, **params)


def _value_of(record: Record, name: str) -> str | None:
    if name == "target":
        return record.target.text if record.target else None
    if name == "anggaran":
        return record.amount.text if record.amount else None
    if name == "program":
        return record.get("kode_program")
    return record.get(name)


def _target_params(record: Record, row: Any, rules: Rules) -> dict[str, Any]:
    expected = row["expected"] if isinstance(row["expected"], str) else None
    found = row["target_unit"] if isinstance(row["target_unit"], str) else None
    if expected is None and found in ("persen", "jumlah"):
        expected = found
    return {
        "expected": rules.expected_text(expected, "id"),
        "expected_en": rules.expected_text(expected, "en"),
        "found": FOUND_TEXT.get(found or "", {}).get("id", ""),
        "found_en": FOUND_TEXT.get(found or "", {}).get("en", ""),
        "category": expected if expected in ("predikat", "opini") else "predikat",
    }
