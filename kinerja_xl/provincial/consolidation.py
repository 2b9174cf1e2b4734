"""The provincial consolidation as data: which files count, every row with its provenance,
the budget recap, the target comparison, and the counts that prove nothing was lost.

Writing it to a workbook is `provincial.py`'s job.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..checking.flags import Flags
from ..knowledge.kinds import PLAN_KINDS
from ..knowledge.registry import Office, OwedDocument, Registry, load_registry
from ..model.issues import Issue, Severities, declare, order_issues
from ..model.records import FileReport, Record, Table, exit_code
from ..reading.discover import display_name
from ..reading.grid import column_letter
from ..words.messages import say


def submitted_as(table: Table, documents: Iterable[OwedDocument]) -> str | None:
    """Which document an office owes this table is (schemas/kiriman.yaml): an RKT KPU, an RKT
    Sekretariat, an IKU, an Anggaran, a PK … — or None for one no province collects (a
    Renstra's plan is not the office's RKT)."""
    return next((d.name for d in documents if d.fits(table.kind, table.document)), None)


# Which document speaks for an office when offices are compared (Rekap Anggaran, Perbandingan
# Target): its RKT before its DIPA, Renja or PK, … its LKj last — one per office, never two.
COMPARED_FIRST = ("RKT", "DIPA", "Renja", "PK", "Rencana Aksi", "IKU", "Renstra", "LKj")


def compared_rank(table: Table) -> int:
    document = table.document or "RKT"
    return COMPARED_FIRST.index(document) if document in COMPARED_FIRST else len(COMPARED_FIRST)


# PLAN_KINDS: the RKT sheet's rows (an RKT's, a PK's, an LKj's …)


@dataclass
class Provenance:
    berkas: str
    lembar: str
    sel: str
    path: str


@dataclass
class Consolidation:
    """The consolidation as data, before any sheet is written: the reports, the province or
    the nation, the tables each report counts with, the duplicates set aside, what each
    office has not sent."""

    reports: list[FileReport]
    province: str | None = None  # the province's name, as the registry writes it
    year: int | None = None
    used_tables: dict[int, list[Table]] = field(default_factory=dict)  # id(report) -> tables
    superseded: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # kind, kept path
    missing: list[tuple[Office, list[str]]] = field(default_factory=list)
    root: Path | None = None  # Berkas names are relative to the inputs' common folder
    registry: Registry = field(default_factory=load_registry, repr=False)
    # the provinces whose offices are listed (one; several when the rows are national)
    provinces: list[Office] = field(default_factory=list)

    _names: dict[str, str] = field(default_factory=dict, repr=False)
    _flags: dict[int, Flags] = field(default_factory=dict, repr=False)
    _rows: dict[tuple[str, ...], list[tuple[FileReport, Table, Record]]] = field(
        default_factory=dict, repr=False
    )
    _tables: dict[str, set[int]] = field(default_factory=dict, repr=False)  # kind -> ids

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
            self._names[report.path] = display_name(name)
        return self._names[report.path]

    def flags(self, report: FileReport) -> Flags:
        """The report's issues indexed by cell and row (computed once per report)."""
        if id(report) not in self._flags:
            self._flags[id(report)] = Flags.of(report)
        return self._flags[id(report)]

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

    def compared_rows(self, *kinds: str) -> list[tuple[FileReport, Table, Record]]:
        """The rows that speak for each office when offices are compared: of each kind, only
        the tables of the office's year (the year asked, else its latest) and of those, its
        first document in `COMPARED_FIRST`, so that an office that sent its RKT and its PK, or
        last year's plan beside this year's, is not counted twice."""
        key = ("compared", *kinds)
        if key not in self._rows:
            chosen = {id(table) for table in self._speaking_tables(kinds)}
            self._rows[key] = [row for row in self.rows(*kinds) if id(row[1]) in chosen]
        return self._rows[key]

    def _speaking_tables(self, kinds: tuple[str, ...]) -> list[Table]:
        """`compared_rows`' choice, made once per table (not per row)."""
        places: dict[tuple[str, str], list[tuple[int | None, int, Table]]] = defaultdict(list)
        for report in self.reports:
            for table in self.used(report):
                if table.kind in kinds and table.records:  # an empty table speaks for no one
                    place = (office_label(report), table.kind)
                    places[place].append((self.year_of(report, table), compared_rank(table), table))
        speaking: list[Table] = []
        for found in places.values():
            years = {year for year, _rank, _table in found if year is not None}
            year = (self.year if self.year in years else max(years)) if years else None
            of_year = [(rank, table) for y, rank, table in found if y in (None, year)]
            first = min(rank for rank, _table in of_year)
            speaking.extend(table for rank, table in of_year if rank == first)
        return speaking

    def compared_tables(self, report: FileReport, kind: str) -> list[Table]:
        """The used tables of this kind that `compared_rows` takes from this report."""
        if kind not in self._tables:
            self._tables[kind] = {id(t) for _r, t, _rec in self.compared_rows(kind)}
        tables = self._tables[kind]
        return [t for t in self.used(report) if t.kind == kind and id(t) in tables]

    def province_of(self, report: FileReport) -> str | None:
        """The province of the office that sent the file (or of the provincial workbook that
        brought it)."""
        office = self.registry.by_code.get((report.office_code or "")[:2])
        return office.region if office else report.province

    @property
    def national(self) -> bool:
        """Rows from more than one province: the workbook is the nation's."""
        return len(self.provinces) > 1

    def year_of(self, report: FileReport, table: Table | None = None) -> int | None:
        """A table's year (its sheet's own, else its file's), else the year asked."""
        return (table.year if table else None) or report.year or self.year

    # --- counts: read = written + set aside -------------------------------------------

    def counts(self) -> dict[str, dict[str, int]]:
        def read(kinds: tuple[str, ...]) -> int:
            return sum(t.rows for r in self.reports for t in r.tables if t.kind in kinds)

        def written(kinds: tuple[str, ...]) -> int:
            return len(self.rows(*kinds))

        groups = {
            "indikator": PLAN_KINDS,
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

    def documents_read(self, *kinds: str) -> Counter[str]:
        """Rows read of these kinds per document ('RKT': 72, 'PK': 4 …), so that a PK's or an
        LKj's indicators are counted under their own name, never as the RKT's."""
        found: Counter[str] = Counter()
        for report in self.reports:
            for table in report.tables:
                if table.kind in kinds:
                    found[table.document or "RKT"] += table.rows
        return Counter({d: found[d] for d in (*COMPARED_FIRST, *found) if found[d]})

    def count_label(self, key: str, lang: str) -> str:
        """'Indikator kinerja (RKT 72, PK 4)': the words for a line of `counts()`."""
        if key != "indikator":
            return say(f"count-{key}", lang)
        per_document = ", ".join(f"{d} {n}" for d, n in self.documents_read(*PLAN_KINDS).items())
        return say("count-indikator", lang, documents=per_document or "0")

    @property
    def exit_code(self) -> int:
        return exit_code(self.reports)


def consolidate(
    reports: list[FileReport],
    province: str | None = None,
    year: int | None = None,
    keep_all: bool = False,
    registry: Registry | None = None,
    arrival: Mapping[str, Any] | None = None,
    severities: Severities | None = None,
) -> Consolidation:
    """`province`: any of the 38 by name or short form (`UnknownProvince` otherwise); without
    one, the provinces of the offices read: one province, or the nation's roll-up. `arrival`:
    when each file (by its path) came into an inbox, where the order of arrival decides which
    copy is the latest (`kinerja-xl serve`'s ledger) instead of file names."""
    registry = registry or load_registry()
    result = Consolidation(
        reports=reports, year=year, root=_common_folder(reports), registry=registry
    )
    result.provinces = provinces_of(reports, registry, province)
    _decide_shared_names(reports, result.provinces, registry)
    if len(result.provinces) == 1:
        result.province = result.provinces[0].region
    for report in reports:
        result.used_tables[id(report)] = list(report.tables) if report.readable else []
    _one_submission(result)
    latest = latest_version if arrival is None else lambda r: (arrival.get(r.path, ()), r.path)
    _resolve_duplicates(result, keep_all, latest, severities)
    if result.provinces:
        result.missing = missing_documents(result)
    return result


class UnknownProvince(ValueError):
    """A province no registry entry has; `nearest` are the closest names."""

    def __init__(self, name: str, nearest: list[str]) -> None:
        self.name, self.nearest = name, nearest
        super().__init__(f"unknown province {name!r} (nearest: {', '.join(nearest)})")


def provinces_of(
    reports: list[FileReport], registry: Registry, asked: str | None = None
) -> list[Office]:
    """The province asked, else every province whose offices sent something, in code order."""
    if asked:
        office = registry.province(asked)
        if office is None:
            raise UnknownProvince(asked, registry.nearest_provinces(asked))
        return [office]
    codes = {r.office_code[:2] for r in reports if r.office_code and r.office_code != "00"}
    return [registry.by_code[code] for code in sorted(codes) if code in registry.by_code]


def _decide_shared_names(
    reports: list[FileReport], provinces: list[Office], registry: Registry
) -> None:
    """A file named by a name several offices share ('KPU Banjar') is the one office of them
    in the province consolidated: in Kalimantan Selatan, KPU Kabupaten Banjar (KPU Kota Banjar
    is in Jawa Barat). Two of them in that province (Kabupaten and Kota Malang) stay unknown."""
    codes = {province.code for province in provinces}
    for report in reports:
        if report.office_code is not None or not report.office_candidates:
            continue
        local = [code for code in report.office_candidates if code[:2] in codes]
        if len(local) == 1:
            office = registry.by_code[local[0]]
            report.office, report.office_code = office.name, office.code
            report.issues = [i for i in report.issues if i.code != "office-unknown"]


def _common_folder(reports: list[FileReport]) -> Path | None:
    folders = [str(Path(r.path).resolve().parent) for r in reports]
    try:
        return Path(os.path.commonpath(folders)) if folders else None
    except ValueError:  # paths on different drives
        return None


# "… RKT 2025 (revisi).xlsx", "… rev 2", "… perbaikan": the office says which version is later
REVISION = re.compile(
    r"(?<![a-z])(revisi|rev|perbaikan|perubahan|pembaruan|pemutakhiran|update)(?![a-z])"
    r"[\s._-]*(?:ke[\s-]*)?(\d{1,2}(?!\d))?",
    re.IGNORECASE,
)


def latest_version(report: FileReport) -> tuple[int, float, str]:
    """Of one office's copies of a document, the latest: the highest revision its file name
    states ("revisi 2" over "revisi" over none), then the most recently modified. A download
    folder's modification times follow the order of downloading, not of writing."""
    found = REVISION.search(Path(report.path).stem)
    revision = (1 + int(found.group(2) or 0)) if found else 0
    return revision, report.modified, report.path


# who sent which document for which year: (office, year, kind, document)
Submission = tuple[str, int | None, str, str | None]


def _submission(result: Consolidation, report: FileReport, table: Table) -> Submission:
    # a file whose name names another office is not a second copy of this office's own file
    office = (
        f"{report.office} / {report.office_in_name}" if report.office_in_name else report.office
    )
    return (office or "", result.year_of(report, table), table.kind, table.document)


def _one_submission(result: Consolidation) -> None:
    """An office's own file and its rows in a provincial workbook are one submission, not two:
    the office's file counts (the source itself), the copy is set aside without a warning."""
    own = {
        _submission(result, report, table): report.path
        for report in result.reports
        if report.via is None and report.office and report.readable
        for table in report.tables
    }
    for report in result.reports:
        if report.via is None:
            continue
        kept = [(t, own.get(_submission(result, report, t))) for t in report.tables]
        if any(path for _t, path in kept):
            result.used_tables[id(report)] = [t for t, path in kept if path is None]
            for table, path in kept:
                if path:
                    result.superseded.setdefault(id(report), []).append((table.kind, path))


DUPLICATE_SUBMISSION = declare(
    "duplicate-submission",
    "warning",
    when="the same office sent the same kind of document twice in one consolidation",
    raised_by="_resolve_duplicates",
    id="{office} mengirim {kind} lebih dari sekali; dipakai berkas terbaru '{kept}', berkas "
    "ini diabaikan.",
    en="{office} sent {kind} more than once; the newest file '{kept}' is used and this one is "
    "set aside.",
    short_id="kiriman ganda",
    short_en="duplicate submission",
)


def _resolve_duplicates(
    result: Consolidation,
    keep_all: bool,
    latest: Callable[[FileReport], Any] = latest_version,
    severities: Severities | None = None,
) -> None:
    """Same office, same year, same document kind, several files: the latest (`latest_version`)
    counts, the others are set aside (or kept with --keep-all), and each older file gets a
    duplicate-submission warning (or what the rules' `severities:` say of it)."""
    severities = severities or Severities()
    senders: dict[Submission, list[FileReport]] = defaultdict(list)
    for report in result.reports:
        if report.office and report.readable:
            used = result.used(report)
            for sent in dict.fromkeys(_submission(result, report, t) for t in used):
                senders[sent].append(report)
    for (office, year, kind, document), reports in senders.items():
        if len(reports) < 2:
            continue
        newest = max(reports, key=latest)
        for report in reports:
            if report is newest:
                continue
            sent = (office, year, kind, document)
            same = [t for t in report.tables if _submission(result, report, t) == sent]
            first = same[0]
            report.issues += severities.judged(
                [
                    Issue.make(
                        "duplicate-submission",
                        first.sheet,
                        f"{column_letter(first.first_col)}{first.header_row}",
                        Path(report.path).name,
                        office=office,
                        kind=kind,
                        kept=Path(newest.path).name,
                    )
                ]
            )
            if not keep_all:
                set_aside = {id(t) for t in same}
                result.used_tables[id(report)] = [
                    t for t in result.used_tables[id(report)] if id(t) not in set_aside
                ]
                result.superseded.setdefault(id(report), []).append((kind, newest.path))
    for report in result.reports:
        report.issues = order_issues(report.issues, [t.sheet for t in report.tables])


def missing_documents(result: Consolidation) -> list[tuple[Office, list[str]]]:
    """For each expected office, the documents it owes (schemas/kiriman.yaml) that no readable
    file brought. An RKT Sekretariat is not an RKT KPU."""
    documents = list(result.registry.documents.values())
    sent: dict[str, set[str]] = defaultdict(set)
    for report in result.reports:
        if report.office_code:
            sent[report.office_code] |= {
                name for t in report.tables if (name := submitted_as(t, documents)) is not None
            }
    missing = []
    for province in result.provinces:
        owed = [d.name for d in result.registry.owed_by(province)]
        for office in result.registry.offices_of(province):
            lacking = [name for name in owed if name not in sent[office.code]]
            if lacking:
                missing.append((office, lacking))
    return missing


def provenance(
    result: Consolidation, report: FileReport, record: Record, field_name: str
) -> Provenance:
    return Provenance(result.berkas(report), record.sheet, record.cell_of(field_name), report.path)


def office_label(report: FileReport) -> str:
    return report.office or _file_label(report.path)


@lru_cache(maxsize=4096)  # every row of a file asks (120,000 rows: a second of Path parsing)
def _file_label(path: str) -> str:
    return display_name(Path(path).stem)


def office_sort_key(label: str) -> tuple[int, str]:
    """Offices of the registry in code order (the KPU Provinsi before its kabupaten and kota),
    then any other name."""
    office = load_registry().by_name.get(label)
    return (0, office.code) if office else (1, label)


# --- which office sent what, in what state ------------------------------------------------

SUBMISSION_STATES = ("ready", "fix", "unreadable", "missing")


@dataclass
class DocumentState:
    """One office's one document: ready, needs fixing, unreadable or not sent — and when not
    sent, what came in its place (a PK's targets where the RKT was expected, the budget
    inside a PK): `instead` names those documents."""

    state: str
    errors: int = 0
    warnings: int = 0
    files: list[str] = field(default_factory=list)  # Berkas names
    codes: Counter[str] = field(default_factory=Counter)  # error codes, for "why"
    instead: list[str] = field(default_factory=list)  # "PK", "LKj" … sent in its place


@dataclass
class OfficeSubmission:
    label: str
    code: str | None
    documents: dict[str, DocumentState]
    reports: list[FileReport]
    expected: bool  # one of the provinces' offices
    province: str | None = None  # the province of an office of the registry


def owed_documents(result: Consolidation) -> list[str]:
    """The columns of Status Kiriman: what the province collects (the default without one;
    across provinces, every document any of them collects)."""
    registry = result.registry
    provinces: list[Office | None] = [*result.provinces] or [None]
    names = [d.name for p in provinces for d in registry.owed_by(p)]
    return list(dict.fromkeys(names))


def submissions(result: Consolidation) -> list[OfficeSubmission]:
    """The offices × documents table: with a province, every office of it in code order (the
    KPU Provinsi first), then the offices of other provinces that sent something, then any
    other sender; without one, the senders."""
    registry = result.registry
    by_office: dict[str, list[FileReport]] = defaultdict(list)
    codes: dict[str, str | None] = {}
    for report in result.reports:
        label = office_label(report)
        by_office[label].append(report)
        codes.setdefault(label, report.office_code)
    expected = [o for p in result.provinces for o in registry.offices_of(p)]
    labels = [o.label for o in expected]
    for o in expected:
        codes[o.label] = o.code
    labels += sorted((k for k in by_office if k not in labels), key=office_sort_key)
    expected_labels = set(labels[: len(expected)])
    documents = list(registry.documents.values())
    owed = owed_documents(result)
    rows = []
    for label in labels:
        code = codes.get(label)
        office = registry.by_code.get(code) if code else None
        states = {name: _document_state(result, by_office[label], name, documents) for name in owed}
        province = office.province if office else None
        rows.append(
            OfficeSubmission(
                label, code, states, by_office[label], label in expected_labels, province
            )
        )
    return rows


def _document_state(
    result: Consolidation,
    reports: list[FileReport],
    document: str,
    documents: list[OwedDocument],
) -> DocumentState:
    tables = [
        (r, t) for r in reports for t in result.used(r) if submitted_as(t, documents) == document
    ]
    if not tables:
        unreadable = [r for r in reports if not r.readable]
        if unreadable:
            return DocumentState("unreadable", files=[result.berkas(r) for r in unreadable])
        kinds = next((d.kinds for d in documents if d.name == document), ())
        instead = [
            (r, t.document or "RKT") for r in reports for t in result.used(r) if t.kind in kinds
        ]
        return DocumentState(
            "missing",
            files=list(dict.fromkeys(result.berkas(r) for r, _d in instead)),
            instead=list(dict.fromkeys(d for _r, d in instead)),
        )
    issues = [i for r, t in tables for i in result.flags(r).of_table(t)]
    errors = [i for i in issues if i.severity == "error"]
    return DocumentState(
        "fix" if errors else "ready",
        len(errors),
        len(issues) - len(errors),
        list(dict.fromkeys(result.berkas(r) for r, _t in tables)),
        Counter(i.code for i in errors),
    )
