"""The visible pipeline: discover → read → locate → validate → report.

`inspect_file` reads one workbook into a `FileReport` (tables, records, reading issues);
`check_files` checks many at once: what one file decides alone (the plan year asked, the file
rules: `FileChecks`) where each file is read, then pandera over the concatenated tables of all
files, then the rules across files; it adds those issues to each report.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .batch import Batch
from .checking.crossrow import apply_file_rules, targets_inconsistent
from .checking.results import complete_records
from .checking.rulebook import RulesLoading
from .checking.validate import Rules, validate_reports
from .knowledge.registry import load_registry
from .knowledge.vocabulary import Vocabulary
from .layouts import build_tables
from .layouts.documents import assign_documents
from .layouts.locate import Rejection
from .layouts.offices import find_office, sheet_year, year_from_texts
from .layouts.results import choose_plan_year
from .model.issues import Issue, declare, order_issues
from .model.records import FileReport, Table
from .outputs.own import (
    CONSOLIDATED,
    INPUTS_PROPERTY,
    PROPERTY,
    PROVINCE_PROPERTY,
    generated_by_us,
    returned_copy,
)
from .provincial.readback import READ_BACK, is_provincial, read_back, said_once
from .reading.caching import forget_long_texts
from .reading.discover import discover, display_name
from .reading.grid import Sheet, Workbook
from .reading.memory import collector_paused
from .reading.read import ReadLimits, UnreadableWorkbook, open_workbook
from .words.messages import contract_name

FILE_UNREADABLE = declare(
    "file-unreadable",
    "error",
    when="not a workbook, truncated, empty, encrypted, or unsafe to open",
    raised_by="inspect_file",
    id="Berkas tidak dapat dibaca: {reason_text}.",
    en="The file cannot be read: {reason_text}.",
    short_id="berkas tidak terbaca",
    short_en="file unreadable",
)


GENERATED_FILE = declare(
    "generated-file",
    "warning",
    when="a kinerja-xl output (a provincial workbook, a marked-up copy) given as an input",
    raised_by="inspect_file",
    id="Berkas ini adalah keluaran kinerja-xl ({what}), bukan kiriman satker; isinya tidak "
    "dibaca ulang.",
    en="This file is a kinerja-xl output ({what}), not an office's submission; its content is "
    "not read again.",
    short_id="keluaran kinerja-xl",
    short_en="kinerja-xl output",
)


RETURNED_COPY = declare(
    "returned-copy",
    "warning",
    when="a marked-up copy of kinerja-xl that an office saved again (fixed, to send it back): "
    "read as the office's submission, without the copy's issues sheet",
    raised_by="inspect_file",
    id="Berkas ini salinan bertanda kinerja-xl yang sudah disimpan ulang ({who}, {when}); dibaca "
    "sebagai kiriman satker, tanpa lembar '{ours}' (daftar masalah pemeriksaan sebelumnya).",
    en="This file is a kinerja-xl marked-up copy saved again since ({who}, {when}); it is read "
    "as the office's submission, without its sheet '{ours}' (the previous check's issues).",
    short_id="salinan bertanda dikirim ulang",
    short_en="marked-up copy sent back",
)


def inspect_file(
    path: str | os.PathLike[str],
    limits: ReadLimits | None = None,
    vocabulary: Vocabulary | None = None,
) -> FileReport:
    """Read one workbook into tidy tables. Never raises for a bad file: it says so instead.
    `vocabulary` (grades, opinions) is the rules'; the packaged rules' by default."""
    report = FileReport(path=os.fspath(path))
    try:
        report.modified = os.stat(path).st_mtime
        workbook = open_workbook(path, limits, read_back_sheets)
    except (UnreadableWorkbook, OSError) as exc:
        reason = exc.reason if isinstance(exc, UnreadableWorkbook) else "os-error"
        detail = exc.detail if isinstance(exc, UnreadableWorkbook) else str(exc)
        report.readable = False
        report.issues.append(Issue.make("file-unreadable", reason=reason, detail=detail))
        _fill_metadata(report, [], (), vocabulary)  # the file name may still say whose file it is
        return report
    report.file_format = workbook.file_format
    generated = generated_by_us(workbook)
    if generated == CONSOLIDATED and is_provincial(workbook):
        report.parts = read_parts(workbook, vocabulary)  # the national roll-up reads it back
        return report
    if generated:
        report.issues.append(
            Issue.make("generated-file", None, None, Path(report.path).name, what=generated)
        )
        return report
    returned = returned_copy(workbook)
    if returned:
        said = Issue.make(
            RETURNED_COPY,
            None,
            None,
            returned["sheet"],
            who=returned["who"],
            when=returned["when"],
            ours=returned["sheet"],
        )
        report.issues.append(said)
    context: list[str] = []
    sheet_years: dict[str, int | None] = {}
    rejected: list[Rejection] = []
    for sheet in workbook.sheets:
        if returned and sheet.name == returned["sheet"]:
            continue  # our issues of the last check: not the office's data
        tables, issues, used_rows = _read_sheet(sheet, vocabulary, rejected)
        report.tables.extend(tables)
        report.issues.extend(issues)
        texts = _context_texts(sheet, used_rows)
        context.extend(texts)
        sheet_years[sheet.name] = sheet_year(texts, sheet.name)
    report.issues.extend(_workbook_issues(workbook, report.tables, rejected))
    _fill_metadata(report, context, [sheet.name for sheet in workbook.sheets], vocabulary)
    _years_of_sheets(report, sheet_years)
    assign_documents(report, {sheet.name: sheet for sheet in workbook.sheets})
    return report


SHEET_UNREADABLE = declare(
    "sheet-unreadable",
    "error",
    when="a sheet the workbook lists whose content cannot be read",
    raised_by="_read_sheet",
    id="Lembar '{sheet}' tercantum di buku kerja tetapi isinya tidak dapat dibaca ({value}).",
    en="Sheet '{sheet}' is listed in the workbook but its content cannot be read ({value}).",
    short_id="lembar tidak terbaca",
    short_en="sheet unreadable",
)


def _read_sheet(
    sheet: Sheet, vocabulary: Vocabulary | None = None, rejected: list[Rejection] | None = None
) -> tuple[list[Table], list[Issue], set[int]]:
    if sheet.problem:
        return [], [Issue.make("sheet-unreadable", sheet.name, None, sheet.problem)], set()
    tables, issues, used_rows = build_tables(sheet, vocabulary, rejected)
    if tables and sheet.state != "visible":
        issues.insert(0, Issue.make("hidden-content", sheet.name, None, sheet.name, what="sheet"))
    return tables, issues, used_rows


TABLE_NOT_FOUND = declare(
    "table-not-found",
    "error",
    when="no RKT, IKU or Anggaran table anywhere in the workbook",
    raised_by="_workbook_issues",
    id="Tidak ada tabel RKT, IKU atau Anggaran di buku kerja ini.{candidates} Pastikan baris "
    "judul kolom memuat mis. 'NO | SASARAN STRATEGIS | INDIKATOR KINERJA | TARGET', atau "
    "ajarkan kata judul kolom yang baru di schemas/layouts.yaml.",
    en="No RKT, IKU or Anggaran table in this workbook.{candidates} Make sure a header row "
    "reads e.g. 'NO | SASARAN STRATEGIS | INDIKATOR KINERJA | TARGET', or teach a new header "
    "wording in schemas/layouts.yaml.",
    short_id="tabel tidak ditemukan",
    short_en="no table found",
)


EXTERNAL_LINK = declare(
    "external-link",
    "warning",
    when="a workbook with links to other files (the values read are their last saved copies)",
    raised_by="_workbook_issues",
    id="Buku kerja memuat {value} tautan ke berkas lain; nilai yang dibaca adalah salinan "
    "terakhir yang tersimpan.",
    en="The workbook holds {value} {value:link|links} to other files; the values read are the "
    "last saved copies.",
    short_id="tautan ke berkas lain",
    short_en="external link",
)


DDE_FORMULA = declare(
    "dde-formula",
    "warning",
    when="a formula or link that asks another program for data (DDE, e.g. cmd|'/c calc'!A0), "
    "which can start that program when the workbook's links are updated",
    raised_by="_workbook_issues",
    id="Rumus DDE: meminta data dari program lain ('{value}'), bukan tautan ke berkas; Excel "
    "dapat menjalankan program itu saat tautan diperbarui. Hapus rumus itu dan tulis nilainya.",
    en="A DDE formula: it asks another program for data ('{value}'), it is no link to a file; "
    "Excel may start that program when links are updated. Delete the formula and type its value.",
    short_id="rumus DDE",
    short_en="DDE formula",
)
# cmd|'/c calc'!A0, =MSEXCEL|'…'!'', =DDE("cmd";"/c calc";"A0"), =DDEAUTO(…); LibreOffice's 'of:='
DDE_CALL = re.compile(
    r"^(?:of:)?=[\s@+-]*(?:(?:'[^']*'|[\w.]+)\s*\||.*\bDDE(?:AUTO)?\s*\()", re.IGNORECASE
)
MOST_DDE_ISSUES = 100  # a file of a thousand DDE formulas is said a hundred times, not a thousand


def _dde_formulas(workbook: Workbook) -> list[Issue]:
    issues = []
    for sheet in workbook.sheets:
        for cell in sheet.cells.values():
            formula = cell.formula
            if formula and ("|" in formula or "dde" in formula.lower()) and DDE_CALL.match(formula):
                issues.append(Issue.make(DDE_FORMULA, sheet.name, cell.ref, formula[:200]))
                if len(issues) >= MOST_DDE_ISSUES:
                    return issues
    if not issues:  # the link is there, the cell that used it is not known
        issues = [Issue.make(DDE_FORMULA, None, None, link) for link in workbook.dde_links[:10]]
    return issues


def _workbook_issues(
    workbook: Workbook, tables: list[Table], rejected: list[Rejection] | None = None
) -> list[Issue]:
    issues = []
    if not tables:
        issues.append(Issue.make(TABLE_NOT_FOUND, candidates=_candidates(rejected or [])))
    issues.extend(_dde_formulas(workbook))
    if workbook.external_links:
        issues.append(Issue.make("external-link", None, None, len(workbook.external_links)))
    return issues


SAID_CANDIDATES = 3  # the rows that came nearest to a header, said in table-not-found


def _candidates(rejected: list[Rejection]) -> list[dict[str, Any]]:
    """The rows that named columns but made no table, those that named most first: what
    table-not-found says of each (words.messages composes it)."""
    ranked = sorted(rejected, key=lambda r: (-len(r.named), r.sheet, r.row))
    return [
        {
            "sheet": r.sheet,
            "row": r.row,
            "named": list(r.named),
            "missing": list(r.missing),
            "body": r.body,
        }
        for r in ranked[:SAID_CANDIDATES]
    ] + ([{"more": len(ranked) - SAID_CANDIDATES}] if len(ranked) > SAID_CANDIDATES else [])


def _context_texts(sheet: Sheet, used_rows: set[int]) -> list[str]:
    """Titles, identity and signature lines: text cells outside the tables' data rows."""
    return [
        cell.value
        for (row, _col), cell in sorted(sheet.cells.items())
        if row not in used_rows and isinstance(cell.value, str) and len(cell.value) < 300
    ]


OFFICE_UNKNOWN = declare(
    "office-unknown",
    "warning",
    when="the workbook names no KPU office of the registry (or none at all); the message says "
    "where it looked",
    raised_by=("_fill_metadata", "read_parts"),
    id="Satker KPU pengirim tidak dikenali{why}{value}. kinerja-xl mencari nama satker di judul, "
    "baris identitas dan tanda tangan, nama berkas dan nama lembar; tulis namanya di judul, mis. "
    "'KPU Kabupaten Tapin' atau 'KIP Kabupaten Aceh Besar'.",
    en="The sending KPU office is not recognised{why}{value}. kinerja-xl looked for an office's "
    "name in the titles, the identity and signature lines, the file name and the sheet names; "
    "write it in a title, e.g. 'KPU Kabupaten Tapin' or 'KIP Kabupaten Aceh Besar'.",
    short_id="satker tidak dikenali",
    short_en="office not recognised",
)


def _fill_metadata(
    report: FileReport,
    context: list[str],
    sheet_names: Sequence[str] = (),
    vocabulary: Vocabulary | None = None,
) -> None:
    """Whose file and which year: from the titles and signatures, else the file name, else the
    sheet names ("IKU 2025", "RKT Tapin"). A readable workbook whose office is not a KPU office
    of the registry says so (`office-unknown`)."""
    stem = display_name(Path(report.path).stem)  # a byte that is not UTF-8 is '�', not a surrogate
    registry = load_registry(vocabulary.folder if vocabulary else None)
    sender = find_office(registry, context, stem, sheet_names)
    report.office, report.office_code = sender.office, sender.code
    report.office_in_name = sender.in_name
    report.office_candidates = sender.candidates
    if report.readable and report.office_code is None:
        if sender.agency:
            found, why = sender.agency, "office-agency"
        elif sender.candidates:
            offices = [registry.by_code[code] for code in sender.candidates]
            found = "; ".join(f"{o.name} ({o.province})" for o in offices)
            why = "office-shared"
        elif sender.office:
            found, why = sender.office, "office-unregistered"
        else:
            found, why = None, ""  # nothing named at all
        report.issues.append(Issue.make("office-unknown", None, None, found, why=why))
    named = stem.replace("_", " ")  # "esakip_export_kpu_kab_pati_2024": words, not one word
    report.year = year_from_texts([*context, named]) or year_from_texts(
        [name.replace("_", " ") for name in sheet_names]
    )


def read_back_sheets(properties: dict[str, str], name: str) -> bool:
    """Every sheet of an office's workbook; of a provincial workbook of ours, only the sheets the
    national roll-up reads back (its Masalah, Rekap Anggaran … are never read again)."""
    return properties.get(PROPERTY) != CONSOLIDATED or contract_name(name) in READ_BACK


def read_parts(workbook: Workbook, vocabulary: Vocabulary | None = None) -> list[FileReport]:
    """A provincial workbook of ours as the office files whose rows it holds, each with its
    office (and code) from the registry, its province, and the workbook it came through."""
    registry = load_registry(vocabulary.folder if vocabulary else None)
    province = workbook.properties.get(PROVINCE_PROPERTY)
    parts = read_back(workbook, workbook.properties.get(INPUTS_PROPERTY))
    for part in parts:
        part.via = workbook.path
        named = registry.by_name.get(part.office or "") or (
            match.office if (match := registry.match_texts([part.office or ""])) else None
        )
        part.office_code = named.code if named else None
        part.province = named.province if named and named.province else province
        if named is None:
            part.issues.append(Issue.make("office-unknown", None, None, part.office, why=""))
    return parts


def _years_of_sheets(report: FileReport, sheet_years: dict[str, int | None]) -> None:
    """A table whose sheet names a year of its own, not the file's ("RKT 2024" beside "RKT
    2025" in one workbook), is that year's. A matrix of plan years has its years already."""
    for table in report.tables:
        year = sheet_years.get(table.sheet)
        if year and year != report.year and not table.periods:
            table.year = year


ProgressCallback = Callable[[Path, int, int], None]


def plan_year_asked(report: FileReport, year: int) -> None:
    """The year asked is the target of every matrix of plan years that has it; the file is
    then that year's plan (a Renstra 2020-2024 asked for 2024 is the 2024 plan, not 2020's)."""
    for table in (t for t in report.tables if t.periods):
        if choose_plan_year(table, year) and str(report.year) in table.periods.values():
            report.year = year


def check_files(
    paths: list[Path],
    rules: Rules | RulesLoading | None = None,
    progress: ProgressCallback | None = None,
    limits: ReadLimits | None = None,
    workers: int | None = None,
    year: int | None = None,
) -> list[FileReport]:
    """Read every file, validate all readable ones together, then apply the file rules.
    `rules` still loading (`RulesLoading`) finish loading while the files are read.
    `year`: the plan year asked, whose column is the target of a five-year matrix."""
    rules = rules or RulesLoading()
    within_file = FileChecks(year)
    begin = rules.start if isinstance(rules, RulesLoading) else None
    with collector_paused():
        reports = read_files(paths, limits, progress, workers, rules.vocabulary, within_file, begin)
        if isinstance(rules, RulesLoading):
            rules = rules.result()
        readable = [r for r in reports if r.readable]
        complete_records(readable, rules)  # what the rules compute of each record
        for report, issue in validate_reports(readable, rules):
            report.issues.append(issue)
        for report, issue in targets_inconsistent(readable):
            report.issues.append(issue)
        for report in readable:  # by code, as `severities:` says (a checked row's are judged)
            report.issues = rules.severities.judged(said_once(report.issues))
            report.issues = order_issues(report.issues, [t.sheet for t in report.tables])
    forget_long_texts()
    return reports


@dataclass(frozen=True)
class FileChecks:
    """What a check decides within one file, done where the file is read (in the reading
    processes of a batch, beside each other): the plan year asked, then the file rules.
    Schema validation and the rules across files come after, over every file at once."""

    year: int | None = None

    def apply(self, report: FileReport) -> FileReport:
        if report.readable:
            if self.year is not None:
                plan_year_asked(report, self.year)
            apply_file_rules(report)
        return report


PARALLEL_FROM = 16  # below this many files a process pool costs more than it saves


def default_workers(files: int) -> int:
    """Both cores of an office laptop for a batch; KINERJA_XL_WORKERS=1 forces a serial run."""
    configured = os.environ.get("KINERJA_XL_WORKERS")
    if configured:
        return max(1, int(configured))
    return min(os.cpu_count() or 1, 4) if files >= PARALLEL_FROM else 1


def read_files(
    paths: list[Path],
    limits: ReadLimits | None = None,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    vocabulary: Vocabulary | None = None,
    within_file: FileChecks | None = None,
    started: Callable[[], None] | None = None,
) -> list[FileReport]:
    """inspect_file over every path, in order, then `within_file`'s checks on each; in a
    process pool when there are many. The reports are the same either way
    (tests/test_parallel.py). `started` is called when the reading begins (in a pool, once
    its processes exist: what starts a thread must wait until they are forked)."""
    workers = default_workers(len(paths)) if workers is None else workers
    if workers > 1:
        return _read_in_pool(paths, limits, progress, workers, vocabulary, within_file, started)
    if started is not None:
        started()
    reports = []
    for index, path in enumerate(paths, start=1):
        if progress:
            progress(path, index, len(paths))
        reports.extend(inspect_batch([path], limits, vocabulary, within_file))
    return reports


def inspect_batch(
    paths: list[Path],
    limits: ReadLimits | None = None,
    vocabulary: Vocabulary | None = None,
    within_file: FileChecks | None = None,
) -> list[FileReport]:
    reports = [inspect_file(path, limits, vocabulary) for path in paths]
    # a provincial workbook stands for the office files it holds, each checked as its own
    reports = [part for report in reports for part in (report.parts or [report])]
    if within_file is not None:
        reports = [within_file.apply(report) for report in reports]
    return reports


def _read_in_pool(
    paths: list[Path],
    limits: ReadLimits | None,
    progress: ProgressCallback | None,
    workers: int,
    vocabulary: Vocabulary | None,
    within_file: FileChecks | None,
    started: Callable[[], None] | None = None,
) -> list[FileReport]:
    """Batches of files on every core; `started` is called once the workers exist. A worker
    that dies (a native reader ending the process on a hostile file) breaks the pool: the
    batches it took down are read again, each in a child of its own, and a file that kills
    its child too gets `file-unreadable`."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .reading.workers import pool_context, worker_started

    chunk = max(1, len(paths) // (workers * 32))
    batches = [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    results: list[list[FileReport] | None] = [None] * len(batches)
    broken: list[int] = []
    done = 0
    context = pool_context()  # forked where that is safe, else spawned (workers.py)
    with ProcessPoolExecutor(workers, context, initializer=worker_started) as pool:
        futures = [pool.submit(inspect_batch, batches[0], limits, vocabulary, within_file)]
        if started is not None:  # the workers exist now (a fork happens before any thread)
            started()
        futures += [
            pool.submit(inspect_batch, batch, limits, vocabulary, within_file)
            for batch in batches[1:]
        ]
        for index, future in enumerate(futures):
            try:
                results[index] = future.result()
            except BrokenProcessPool:
                broken.append(index)
                continue
            done = _advance(progress, batches[index], done, len(paths))
    for index in broken:
        results[index] = _read_alone(batches[index], limits, vocabulary, within_file)
        done = _advance(progress, batches[index], done, len(paths))
    return [report for batch in results for report in batch or []]


def _advance(progress: ProgressCallback | None, batch: list[Path], done: int, total: int) -> int:
    for path in batch:
        done += 1
        if progress:
            progress(path, done, total)
    return done


def _read_alone(
    batch: list[Path],
    limits: ReadLimits | None,
    vocabulary: Vocabulary | None,
    within_file: FileChecks | None,
) -> list[FileReport]:
    """A batch in a child process; if that child dies, each file in a child of its own."""
    from .reading.isolated import ChildDied, call

    read = "kinerja_xl.pipeline:inspect_batch"
    try:
        return call(read, batch, limits, vocabulary, within_file)  # type: ignore[no-any-return]
    except ChildDied:
        pass
    alone = []
    for path in batch:
        try:
            alone.extend(call(read, [path], limits, vocabulary, within_file))
        except ChildDied as exc:
            alone.append(crashed_report(path, exc.reason))
    return alone


def crashed_report(path: str | os.PathLike[str], how: str) -> FileReport:
    report = FileReport(path=os.fspath(path), readable=False)
    report.issues.append(Issue.make("file-unreadable", reason="reader-crashed", detail=how))
    _fill_metadata(report, [])
    return report


def check_paths(
    arguments: list[Path], rules: Rules | None = None, progress: ProgressCallback | None = None
) -> Batch:
    """Files and folders in, one report per workbook (and what was skipped) out."""
    found = discover(arguments)
    return Batch(files=check_files(found.files, rules, progress), skipped=found.skipped)
