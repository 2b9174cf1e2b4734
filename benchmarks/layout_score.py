"""How well kinerja-xl reads layouts nobody here wrote: the samples of
sample_workbooks/public_forms.py against their ground truth.

    .venv/bin/python benchmarks/layout_score.py                  # build the samples, score them
    .venv/bin/python benchmarks/layout_score.py DIR              # score the workbooks in DIR
    .venv/bin/python benchmarks/layout_score.py --format json    # every miss, as data
    .venv/bin/python benchmarks/layout_score.py --detail         # and the misses, as text

For each sample it runs `kinerja-xl inspect --format json` and `kinerja-xl check --format json`
(each file on its own, so one office's files never meet another's) and reports:

- tables read / expected: a table of the kind the truth names (or one it accepts) on its sheet;
- indicators and budget lines read / expected: a record at the truth's cell (the indicator's,
  the line's uraian), else with the same text, in such a table;
- fields right / expected: every field the truth gives a cell or a value (target, satuan,
  realisasi, capaian, capaian computed, a period's value, a past year's or a quarter's
  realisasi, baseline, cara, sumber, amount, code, volume, harga satuan); right when the value
  is the truth's (numbers within 0,005, capaian computed within 0,05, amounts to the rupiah) and
  the cell, where the reader names one, is the truth's; an indicator not read misses all;
- records read that the truth does not know (a kegiatan under an indicator taken for one);
- planted faults found: an issue with the fault's code at its sheet and cell;
- false errors: errors on a clean file; on a file with planted faults, the errors none of them
  explains are listed as unplanted;
- office: right, wrong (another office than the truth's, or any office where the truth has
  none: another agency's file), or missed.

Where the JSON of the contract has no place for a field yet, the scorer looks where a reader
would put it: a quarter's or past year's realisasi in `realisasi_periods` or `history`, else
in `extras` under a header naming both ('REALISASI › 2022'); a baseline in `baseline`, else in
an extra headed Kondisi Awal / Baseline; volume and harga satuan in their own keys or extras.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TRUTH = ROOT / "sample_workbooks" / "public_forms.truth.json"
GENERATOR = ROOT / "sample_workbooks" / "public_forms.py"

MATCH_FIELDS = {"indikator", "uraian"}
TEXT_FIELDS = {"cara", "sumber", "volume"}
CELL_KEYS = {
    "target": "target",
    "realisasi": "realisasi",
    "capaian": "capaian",
    "satuan": "satuan",
    "amount": "anggaran",
    "code": "kode",
    "cara": "cara",
    "sumber": "sumber",
    "baseline": "baseline",
}
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


# --- reading what the reader said ----------------------------------------------------------------


def run_json(command: list[str], *args: str) -> dict:
    done = subprocess.run([*command, *args, "--format", "json"], capture_output=True, text=True)
    if not done.stdout.strip():
        raise RuntimeError(f"{' '.join(args)}: no JSON (exit {done.returncode}): {done.stderr}")
    return json.loads(done.stdout)


def squash(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def label_key(label: str) -> str:
    """'TW1', 'TW 1', 'Triwulan I', 'TW I' -> 'tw i'; '2024' -> '2024'."""
    text = squash(label).replace("triwulan", "tw")
    text = re.sub(r"\btw\s*(\d)\b", lambda m: "tw " + ROMAN.get(m[1], m[1]).lower(), text)
    return re.sub(r"\btw\s*([iv]+)\b", r"tw \1", text)


def number_of(found: Any) -> float | None:
    """A reader's value as a number: {value}, a number, or Indonesian text ('76,2', '1.234',
    '81,13%', 'Rp 1.250.000')."""
    if isinstance(found, dict):
        found = found.get("value")
    if isinstance(found, bool) or found is None:
        return None
    if isinstance(found, int | float):
        return float(found)
    text = re.sub(r"^rp\.?\s*|\s*%$", "", squash(found))
    text = text.split(" ")[0] if text else text
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):
        text = text.replace(".", "")
    text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def value_of(found: Any) -> Any:
    return found.get("value") if isinstance(found, dict) else found


def same(name: str, expected: Any, found: Any) -> bool:
    if expected is None:
        return value_of(found) is None
    if isinstance(expected, bool) or not isinstance(expected, int | float):
        got = value_of(found)
        if name in TEXT_FIELDS or name == "satuan":
            return _same_text(name, expected, got)
        return squash(got) == squash(expected)
    number = number_of(found)
    if number is None:
        return False
    tolerance = 0.05 if name == "capaian dihitung" else 0.005
    if name in ("amount", "harga satuan") or name.startswith("period 20") and expected > 10**5:
        tolerance = 0.5
    return abs(number - expected) <= tolerance


UNIT_WORDS = {
    "%": "persen",
    "persentase": "persen",
    "prosentase": "persen",
    "lap": "laporan",
    "dok": "dokumen",
}


def _same_text(name: str, expected: Any, got: Any) -> bool:
    if got is None:
        return False
    a, b = squash(expected), squash(got)
    if name == "satuan":
        a, b = UNIT_WORDS.get(a, a), UNIT_WORDS.get(b, b)
        return a == b
    return a == b or a in b or b in a


@dataclass
class Lookup:
    """Where a field is in one record of the reader's JSON."""

    record: dict
    periods_hold: str | None = None

    def field(self, name: str) -> tuple[bool, Any, str | None]:
        """(present, value, cell) of a truth field in this record."""
        rec, cells = self.record, self.record.get("cells") or {}
        if name.startswith("period "):
            return self._period(name[7:], cells)
        if name.startswith("realisasi "):
            return self._labelled("realisasi", name[10:], cells)
        if name == "capaian dihitung":
            return "capaian_dihitung" in rec, rec.get("capaian_dihitung"), None
        if name == "satuan":
            if rec.get("satuan"):
                return True, rec["satuan"], cells.get("satuan")
            unit = (rec.get("target") or {}).get("unit")
            return unit is not None, unit, cells.get("target")
        if name == "amount":
            return "anggaran" in rec, rec.get("anggaran"), cells.get("anggaran")
        if name == "code":
            return self._code()
        if name in ("baseline", "volume", "harga satuan"):
            key = name.replace(" ", "_")
            if rec.get(key) is not None:
                return True, rec[key], cells.get(key)
            words = {
                "baseline": r"kondisi awal|baseline|capaian awal|tahun awal",
                "volume": r"volume",
                "harga satuan": r"harga",
            }[name]
            return self._extra(words)
        return name in rec, rec.get(name), cells.get(CELL_KEYS.get(name, name))

    def _period(self, label: str, cells: dict) -> tuple[bool, Any, str | None]:
        periods = self.record.get("periods") or {}
        for key, value in periods.items():
            if label_key(key) == label_key(label):
                cell = next(
                    (
                        c
                        for k, c in cells.items()
                        if k.startswith("period ") and label_key(k[7:]) == label_key(label)
                    ),
                    None,
                )
                return True, value, cell
        return False, None, None

    def _labelled(self, what: str, label: str, cells: dict) -> tuple[bool, Any, str | None]:
        holders = [self.record.get(f"{what}_periods")]
        history = self.record.get("history")
        if isinstance(history, dict):
            holders += [history.get(what), history]
        for holder in holders:
            for key, value in (holder if isinstance(holder, dict) else {}).items():
                if label_key(key) == label_key(label):
                    if isinstance(value, dict) and what in value:
                        value = value[what]
                    return True, value, None
        if self.periods_hold == what:
            present, value, cell = self._period(label, cells)
            if present:
                return present, value, cell
        at = re.escape(label_key(label))
        return self._extra(rf"{what}.*\b{at}\b|\b{at}\b.*{what}")

    def _extra(self, pattern: str) -> tuple[bool, Any, str | None]:
        for key, value in (self.record.get("extras") or {}).items():
            if re.search(pattern, label_key(key)):
                return True, value, None
        return False, None, None

    def _code(self) -> tuple[bool, Any, str | None]:
        rec, cells = self.record, self.record.get("cells") or {}
        for key in ("kode", "kode_program"):
            if rec.get(key):
                return True, rec[key], cells.get(key)
        for key in ("program", "no"):
            match = re.match(
                r"\s*([0-9]{3}\.[0-9]{2}\.[A-Z]{2}|[0-9]{4}(?:\.[A-Z]{3}(?:\.[0-9]{3})?)?"
                r"|[0-9]{6})\b",
                str(rec.get(key) or ""),
            )
            if match:
                return True, match[1], cells.get(key)
        return False, None, None


# --- scoring one sample ----------------------------------------------------------------------------


@dataclass
class Score:
    file: str
    layout: str
    clean: bool
    tables: list[int] = field(default_factory=lambda: [0, 0])
    header_rows: list[int] = field(default_factory=lambda: [0, 0])
    indicators: list[int] = field(default_factory=lambda: [0, 0])
    lines: list[int] = field(default_factory=lambda: [0, 0])
    fields: list[int] = field(default_factory=lambda: [0, 0])
    totals: list[int] = field(default_factory=lambda: [0, 0])
    faults: list[int] = field(default_factory=lambda: [0, 0])
    extra_records: int = 0
    false_errors: list[dict] = field(default_factory=list)
    unplanted_errors: list[dict] = field(default_factory=list)
    office: str = "right"
    office_found: str | None = None
    table_not_found: bool = False
    misses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def score_sample(truth: dict, inspected: dict, checked: dict) -> Score:
    score = Score(truth["file"], truth["layout"], truth["clean"])
    _score_office(score, truth, inspected)
    tables = inspected.get("tables") or []
    issues = checked.get("issues") or []
    score.table_not_found = any(i["code"] == "table-not-found" for i in issues)
    used_tables: set[int] = set()
    for expected in truth["tables"]:
        _score_table(score, expected, tables, used_tables)
    _score_issues(score, truth, issues)
    return score


def _score_office(score: Score, truth: dict, inspected: dict) -> None:
    found, code = inspected.get("office"), inspected.get("office_code")
    score.office_found = found
    expected = truth["office"]
    if expected is None:
        score.office = "wrong" if found else "right"
    elif not found:
        score.office = "missed"
    elif code and truth["office_code"]:
        score.office = "right" if code == truth["office_code"] else "wrong"
    else:
        score.office = "right" if _office_name(found) == _office_name(expected) else "wrong"


def _office_name(name: str) -> str:
    text = squash(name).replace("kab.", "kabupaten")
    return re.sub(r"\b(administrasi|adm\.?)\s+", "", text)


def _score_table(score: Score, expected: dict, tables: list[dict], used: set[int]) -> None:
    score.tables[1] += 1
    score.header_rows[1] += 1
    kind = "lines" if "lines" in expected else "indicators"
    items = expected.get(kind, [])
    candidates = [
        (index, table)
        for index, table in enumerate(tables)
        if table.get("sheet") == expected["sheet"] and table.get("kind") in expected["kinds"]
    ]
    getattr(score, kind)[1] += len(items)
    for item in items:
        score.fields[1] += sum(1 for name in item["fields"] if name not in MATCH_FIELDS)
    if "total" in expected:
        score.totals[1] += 1
    if not candidates:
        score.misses.append(f"{expected['sheet']}: no {expected['kind']} table")
        return
    score.tables[0] += 1
    candidates.sort(key=lambda c: (c[0] in used, c[1].get("header_row") != expected["header_row"]))
    used.add(candidates[0][0])
    if any(t.get("header_row") == expected["header_row"] for _, t in candidates):
        score.header_rows[0] += 1
    else:
        score.misses.append(
            f"{expected['sheet']}: header row {expected['header_row']}, read "
            f"{[t.get('header_row') for _, t in candidates]}"
        )
    if "total" in expected:
        totals = [t.get("total") for _, t in candidates]
        if expected["total"] in totals:
            score.totals[0] += 1
        else:
            score.misses.append(f"{expected['sheet']}: total {expected['total']}, read {totals}")
    records = [r for _, t in candidates for r in t.get("records") or []]
    taken: set[int] = set()
    for item in items:
        match = _match(item, records, taken)
        if match is None:
            key = item["fields"].get("indikator") or item["fields"].get("uraian") or {}
            text = key.get("value", "")
            score.misses.append(f"{expected['sheet']} row {item['row']}: not read ({_short(text)})")
            continue
        getattr(score, kind)[0] += 1
        _score_fields(score, expected, item, records[match])
    score.extra_records += len(records) - len(taken)


def _match(item: dict, records: list[dict], taken: set[int]) -> int | None:
    fields = item["fields"]
    key = fields.get("indikator") or fields.get("uraian")
    if key is None:
        return None
    cell_keys = ("indikator",) if "indikator" in fields else ("program", "uraian")
    for index, record in enumerate(records):
        cells = record.get("cells") or {}
        if index not in taken and key["cell"] in (cells.get(k) for k in cell_keys):
            taken.add(index)
            return index
    text_key = "indikator" if "indikator" in fields else "program"
    for index, record in enumerate(records):
        if index not in taken and _same_text("uraian", key["value"], record.get(text_key)):
            taken.add(index)
            return index
    return None


def _score_fields(score: Score, table: dict, item: dict, record: dict) -> None:
    lookup = Lookup(record, table.get("periods_hold"))
    for name, spec in item["fields"].items():
        if name in MATCH_FIELDS:
            continue
        present, found, cell = lookup.field(name)
        where = f"{table['sheet']}!{spec.get('cell') or 'row ' + str(item['row'])} {name}"
        if not present:
            score.misses.append(f"{where}: not read (expected {spec['value']!r})")
        elif not same(name, spec["value"], found):
            score.misses.append(
                f"{where}: read {_short(value_of(found))!r}, expected {spec['value']!r}"
            )
        elif cell and spec.get("cell") and cell != spec["cell"]:
            score.misses.append(f"{where}: value from {cell}")
        else:
            score.fields[0] += 1


def _score_issues(score: Score, truth: dict, issues: list[dict]) -> None:
    planted = {(f["code"], f["sheet"], f["cell"]) for f in truth["faults"]}
    score.faults[1] = len(planted)
    found = {(i["code"], i.get("sheet"), i.get("cell")) for i in issues}
    score.faults[0] = len(planted & found)
    for code, sheet, cell in sorted(planted - found):
        near = [i["code"] for i in issues if i.get("sheet") == sheet and i.get("cell") == cell]
        score.misses.append(f"fault {code} at {sheet}!{cell} not found (there: {near or 'none'})")
    for issue in issues:
        if issue.get("severity") != "error":
            continue
        brief = {k: issue.get(k) for k in ("code", "sheet", "cell", "value")}
        if (issue["code"], issue.get("sheet"), issue.get("cell")) in planted:
            continue
        (score.false_errors if truth["clean"] else score.unplanted_errors).append(brief)


def _short(text: Any, limit: int = 60) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the whole run ----------------------------------------------------------------------------------


def score_all(folder: Path, truth: dict, command: list[str]) -> list[Score]:
    scores = []
    for sample in truth["samples"]:
        path = folder / sample["file"]
        (inspected,) = run_json(command, "inspect", str(path))["files"]
        (checked,) = run_json(command, "check", str(path))["files"]
        scores.append(score_sample(sample, inspected, checked))
    return scores


def totals(scores: list[Score]) -> dict:
    def add(name: str) -> list[int]:
        return [sum(getattr(s, name)[i] for s in scores) for i in (0, 1)]

    return {
        "tables": add("tables"),
        "header_rows": add("header_rows"),
        "indicators": add("indicators"),
        "lines": add("lines"),
        "fields": add("fields"),
        "totals": add("totals"),
        "faults": add("faults"),
        "extra_records": sum(s.extra_records for s in scores),
        "false_errors": sum(len(s.false_errors) for s in scores),
        "unplanted_errors": sum(len(s.unplanted_errors) for s in scores),
        "clean_files_with_false_errors": sum(1 for s in scores if s.false_errors),
        "clean_files": sum(1 for s in scores if s.clean),
        "wrong_office": sum(1 for s in scores if s.office == "wrong"),
        "missed_office": sum(1 for s in scores if s.office == "missed"),
        "table_not_found": sum(1 for s in scores if s.table_not_found),
    }


def percent(pair: list[int]) -> str:
    return f"{100 * pair[0] / pair[1]:.0f} %" if pair[1] else "-"


def text_report(scores: list[Score], detail: bool) -> str:
    def pair(p: list[int]) -> str:
        return f"{p[0]}/{p[1]}" if p[1] else "-"

    head = (
        f"{'sample':<54} {'tables':>6} {'indic.':>7} {'lines':>6} {'fields':>8} "
        f"{'faults':>6} {'false':>5} {'extra':>5}  office"
    )
    rows = [head, "-" * len(head)]
    for s in scores:
        false = len(s.false_errors) if s.clean else f"({len(s.unplanted_errors)})"
        office = s.office if s.office == "right" else f"{s.office}: {s.office_found}"
        rows.append(
            f"{s.file.removesuffix('.xlsx'):<54} {pair(s.tables):>6} "
            f"{pair(s.indicators):>7} {pair(s.lines):>6} {pair(s.fields):>8} "
            f"{pair(s.faults):>6} {false!s:>5} {s.extra_records:>5}  {office}"
        )
    t = totals(scores)
    rows.append("-" * len(head))
    rows.append(
        f"{'all ' + str(len(scores)) + ' samples':<54} {pair(t['tables']):>6} "
        f"{pair(t['indicators']):>7} {pair(t['lines']):>6} {pair(t['fields']):>8} "
        f"{pair(t['faults']):>6} {t['false_errors']!s:>5} {t['extra_records']:>5}  "
        f"{t['wrong_office']} wrong, {t['missed_office']} missed"
    )
    rows.append("")
    rows.append(
        f"tables {percent(t['tables'])}, indicators {percent(t['indicators'])}, budget lines "
        f"{percent(t['lines'])}, fields {percent(t['fields'])}, planted faults "
        f"{percent(t['faults'])}."
    )
    rows.append(
        f"header rows right {pair(t['header_rows'])}; table totals right {pair(t['totals'])}; "
        f"'table-not-found' on {t['table_not_found']} files; false errors on "
        f"{t['clean_files_with_false_errors']} of {t['clean_files']} clean files; errors no "
        f"planted fault explains on the others: {t['unplanted_errors']} (in brackets above)."
    )
    if detail:
        for s in scores:
            rows.append(f"\n{s.file}")
            rows.extend(f"  {m}" for m in s.misses)
            rows.extend(f"  false error: {e}" for e in s.false_errors)
            rows.extend(f"  unplanted error: {e}" for e in s.unplanted_errors)
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        help="the samples (default: built now into a temporary folder)",
    )
    parser.add_argument("--truth", type=Path, default=TRUTH)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--detail", action="store_true", help="list every miss")
    parser.add_argument(
        "--gate",
        action="store_true",
        help="exit 1 unless the bar of issue 22 is met (every table, 95 %% of the indicators "
        "and budget lines, 90 %% of the fields, every planted fault, no false error on a clean "
        "file, no wrong office)",
    )
    parser.add_argument(
        "--kinerja-xl",
        default=f"{sys.executable} -m kinerja_xl",
        help="the command to run (default: this Python's kinerja_xl)",
    )
    args = parser.parse_args(argv)
    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    command = args.kinerja_xl.split()
    with tempfile.TemporaryDirectory(prefix="layout-score-") as scratch:
        folder = args.folder
        if folder is None:
            folder = Path(scratch)
            subprocess.run(
                [sys.executable, str(GENERATOR), str(folder)], check=True, capture_output=True
            )
        scores = score_all(folder, truth, command)
    if args.format == "json":
        print(
            json.dumps(
                {"totals": totals(scores), "samples": [s.to_dict() for s in scores]},
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        print(text_report(scores, args.detail))
    unmet = unmet_bar(totals(scores))
    if args.gate and unmet:
        print("Not met: " + "; ".join(unmet), file=sys.stderr)
        return 1
    return 0


def unmet_bar(t: dict) -> list[str]:
    """What falls short of the acceptance bar: every table, 95 % of the indicators and lines,
    90 % of their fields, every planted fault at its cell, no false error, no wrong office."""
    rows = [t["indicators"][0] + t["lines"][0], t["indicators"][1] + t["lines"][1]]
    checks = [
        (t["tables"][0] == t["tables"][1], f"tables {t['tables'][0]}/{t['tables'][1]}"),
        (rows[0] >= 0.95 * rows[1], f"indicators and lines {percent(rows)}"),
        (t["fields"][0] >= 0.9 * t["fields"][1], f"fields {percent(t['fields'])}"),
        (t["faults"][0] == t["faults"][1], f"planted faults {t['faults'][0]}/{t['faults'][1]}"),
        (t["false_errors"] == 0, f"false errors on clean files: {t['false_errors']}"),
        (t["wrong_office"] == 0, f"wrong offices: {t['wrong_office']}"),
    ]
    return [what for met, what in checks if not met]


if __name__ == "__main__":
    raise SystemExit(main())
