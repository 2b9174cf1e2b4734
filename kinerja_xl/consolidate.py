"""The provincial consolidation as data: which files count, every row with its provenance,
the budget recap, the target comparison, and the counts that prove nothing was lost.

Writing it to a workbook is `provincial.py`'s job.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .grid import column_letter
from .issues import Issue
from .matching import indicator_key, name_key
from .metadata import Office, offices_of_province
from .normalise import Target
from .pipeline import order_issues
from .records import FileReport, Record, Table

DOCUMENTS = {"rkt": "RKT", "rkt-sekretariat": "RKT", "iku": "IKU", "anggaran": "Anggaran"}
KIND_NAMES = {
    "rkt": "RKT",
    "rkt-sekretariat": "RKT Sekretariat",
    "iku": "IKU",
    "anggaran": "Anggaran",
}


@dataclass
class Provenance:
    berkas: str
    lembar: str
    sel: str
    path: str


@dataclass
class Consolidation:
    reports: list[FileReport]
    province: str | None = None
    year: int | None = None
    used_tables: dict[int, list[Table]] = field(default_factory=dict)  # id(report) -> tables
    superseded: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # kind, kept path
    missing: list[tuple[Office, list[str]]] = field(default_factory=list)
    root: Path | None = None  # Berkas names are relative to the inputs' common folder

    _names: dict[str, str] = field(default_factory=dict, repr=False)
    _rows: dict[tuple[str, ...], list[tuple[FileReport, Table, Record]]] = field(
        default_factory=dict, repr=False
    )

    def berkas(self, report: FileReport) -> str:
        """The file's name as a person finds it: relative to the folder the inputs share."""
        if report.path not in self._names:
            path = Path(report.path).resolve()
            name = path.name
            if self.root is not None:
                try:
                    name = path.relative_to(self.root).as_posix()
                except ValueError:
                    pass
            self._names[report.path] = name
        return self._names[report.path]

    # --- what goes into the data sheets -----------------------------------------------

    def used(self, report: FileReport) -> list[Table]:
        return self.used_tables.get(id(report), [])

    def rows(self, *kinds: str) -> list[tuple[FileReport, Table, Record]]:
        """Every record of the used tables of these kinds, file by file (computed once)."""
        if kinds not in self._rows:
            self._rows[kinds] = [
                (report, table, record)
                for report in self.reports
                for table in self.used(report)
                if table.kind in kinds
                for record in table.records
            ]
        return self._rows[kinds]

    def year_of(self, report: FileReport) -> int | None:
        return report.year or self.year

    # --- counts: read = written + set aside -------------------------------------------

    def counts(self) -> dict[str, dict[str, int]]:
        def read(kinds: tuple[str, ...]) -> int:
            return sum(t.rows for r in self.reports for t in r.tables if t.kind in kinds)

        def written(kinds: tuple[str, ...]) -> int:
            return len(self.rows(*kinds))

        groups = {
            "indikator": ("rkt", "rkt-sekretariat"),
            "iku": ("iku",),
            "anggaran": ("anggaran",),
        }
        files = len(self.reports)  # every file, readable or not, has its row in Ringkasan
        counts = {"files": {"read": files, "written": files}}
        for name, kinds in groups.items():
            counts[name] = {"read": read(kinds), "written": written(kinds)}
        for entry in counts.values():
            entry["set_aside"] = entry["read"] - entry["written"]
        return counts

    @property
    def exit_code(self) -> int:
        if any(not r.readable for r in self.reports):
            return 2
        return 1 if any(r.errors for r in self.reports) else 0


def consolidate(
    reports: list[FileReport],
    province: str | None = None,
    year: int | None = None,
    keep_all: bool = False,
) -> Consolidation:
    result = Consolidation(
        reports=reports, province=province, year=year, root=_common_folder(reports)
    )
    for report in reports:
        result.used_tables[id(report)] = list(report.tables) if report.readable else []
    _resolve_duplicates(result, keep_all)
    if province:
        result.missing = missing_documents(reports, offices_of_province(province))
    return result


def _common_folder(reports: list[FileReport]) -> Path | None:
    folders = [str(Path(r.path).resolve().parent) for r in reports]
    try:
        return Path(os.path.commonpath(folders)) if folders else None
    except ValueError:  # paths on different drives
        return None


def _resolve_duplicates(result: Consolidation, keep_all: bool) -> None:
    """Same office, same document kind, several files: the newest counts, the others are set
    aside (or kept with --keep-all), and each older file gets a duplicate-submission warning."""
    senders: dict[tuple[str, str], list[FileReport]] = defaultdict(list)
    for report in result.reports:
        if report.office and report.readable:
            for kind in dict.fromkeys(t.kind for t in report.tables):
                senders[(report.office, kind)].append(report)
    for (office, kind), reports in senders.items():
        if len(reports) < 2:
            continue
        newest = max(reports, key=lambda r: (r.modified, r.path))
        for report in reports:
            if report is newest:
                continue
            first = next(t for t in report.tables if t.kind == kind)
            report.issues.append(
                Issue.make(
                    "duplicate-submission",
                    first.sheet,
                    f"{column_letter(first.first_col)}{first.header_row}",
                    Path(report.path).name,
                    office=office,
                    kind=kind,
                    kept=Path(newest.path).name,
                )
            )
            if not keep_all:
                result.used_tables[id(report)] = [
                    t for t in result.used_tables[id(report)] if t.kind != kind
                ]
                result.superseded.setdefault(id(report), []).append((kind, newest.path))
    for report in result.reports:
        report.issues = order_issues(report)


def missing_documents(
    reports: list[FileReport], offices: tuple[Office, ...]
) -> list[tuple[Office, list[str]]]:
    """For each expected office, the documents (RKT, IKU, Anggaran) no readable file brought."""
    sent: dict[str, set[str]] = defaultdict(set)
    for report in reports:
        if report.office_code:
            sent[report.office_code] |= {DOCUMENTS[t.kind] for t in report.tables}
    missing = []
    for office in offices:
        lacking = [doc for doc in ("RKT", "IKU", "Anggaran") if doc not in sent[office.code]]
        if lacking:
            missing.append((office, lacking))
    return missing


def provenance(
    result: Consolidation, report: FileReport, record: Record, field_name: str
) -> Provenance:
    return Provenance(result.berkas(report), record.sheet, record.cell_of(field_name), report.path)


# --- Rekap Anggaran -----------------------------------------------------------------------


@dataclass
class Recap:
    offices: list[str]
    programs: list[str]
    amounts: dict[tuple[str, str], int]  # (program, office) -> rupiah

    @cached_property
    def _totals(self) -> tuple[Counter[str], Counter[str]]:
        by_office: Counter[str] = Counter()
        by_program: Counter[str] = Counter()
        for (program, office), value in self.amounts.items():
            by_office[office] += value
            by_program[program] += value
        return by_office, by_program

    def office_total(self, office: str) -> int:
        return self._totals[0][office]

    def program_total(self, program: str) -> int:
        return self._totals[1][program]

    @property
    def grand_total(self) -> int:
        return sum(self.amounts.values())


def budget_recap(result: Consolidation) -> Recap:
    """Programs matched across offices by their normalised name; amounts summed per office."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    amounts: dict[tuple[str, str], int] = defaultdict(int)
    offices: dict[str, None] = {}  # in order of first appearance
    for report, _table, record in result.rows("anggaran"):
        if record.detail:  # already inside its program's amount
            continue
        office = office_label(report)
        offices.setdefault(office)
        value = record.amount.value if record.amount and record.amount.value is not None else 0
        key = name_key(record.get("program")) or "(tanpa nama program)"
        names[key][record.get("program") or key] += 1
        amounts[(key, office)] += value
    label = {key: counter.most_common(1)[0][0] for key, counter in names.items()}
    return Recap(
        offices=sorted(offices, key=_office_sort_key),
        programs=[label[k] for k in names],
        amounts={(label[k], o): v for (k, o), v in amounts.items()},
    )


def office_label(report: FileReport) -> str:
    return report.office or Path(report.path).stem


def _office_sort_key(label: str) -> tuple[int, str]:
    from .metadata import KALSEL_OFFICES

    codes = {o.label: o.code for o in KALSEL_OFFICES}
    return (0, codes[label]) if label in codes else (1, label)


# --- Perbandingan Target ------------------------------------------------------------------


@dataclass
class SharedIndicator:
    kind: str
    text: str
    targets: dict[str, tuple[Target | None, Provenance]]  # office -> target

    @cached_property
    def most_common(self) -> str | None:
        written = [target_key(t) for t, _ in self.targets.values() if t is not None]
        return Counter(written).most_common(1)[0][0] if written else None

    def differs(self, office: str) -> bool:
        target = self.targets[office][0]
        return self.most_common is not None and target_key(target) != self.most_common


def target_key(target: Target | None) -> str:
    if target is None:
        return ""
    if target.value is not None and target.unit:
        return f"{target.value}|{target.unit}"
    return target.text


def shared_indicators(result: Consolidation) -> tuple[list[str], list[SharedIndicator]]:
    """Indicators that two or more offices share, with every office's target."""
    texts: dict[tuple[str, str], dict[str, int]] = {}  # how each office wrote it, and how often
    firsts: dict[tuple[str, str], dict[str, tuple[FileReport, Record]]] = {}  # office -> row
    for report, table, record in result.rows("rkt", "rkt-sekretariat"):
        text = record.get("indikator")
        if not text:
            continue
        key = (table.kind, indicator_key(text))
        spellings = texts.setdefault(key, {})
        spellings[text] = spellings.get(text, 0) + 1
        firsts.setdefault(key, {}).setdefault(office_label(report), (report, record))
    shared = [
        SharedIndicator(
            kind,
            max(texts[(kind, key)].items(), key=lambda item: item[1])[0],  # first of the most
            {
                office: (record.target, provenance(result, report, record, "target"))
                for office, (report, record) in by_office.items()
            },
        )
        for (kind, key), by_office in firsts.items()
        if len(by_office) >= 2
    ]
    offices = sorted({o for s in shared for o in s.targets}, key=_office_sort_key)
    return offices, shared
