"""The marked-up copy of an office's workbook: every flagged cell filled and commented, and a
first sheet "Masalah" that names office, file, date and counts, lists every issue with a link
to its cell (or says there is none), and says what of the workbook the copy could not carry.

openpyxl edits the copy, keeping the office's layout. Where openpyxl cannot be trusted with a
file (a .xls or .ods, a Strict OOXML file whose sheets it drops, a file it fails on, or one too
big for it: a whole-sheet merge costs it gigabytes), the copy is rebuilt from the cells our
reader read, and the copy says so. The original is never touched, and no copy is ever written
over an input or over another copy of the same batch (`plan_copies`).
"""

from __future__ import annotations

import os
import re
import secrets
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..model.issues import Issue
from ..model.records import FileReport
from ..reading.discover import display_name
from ..reading.grid import Sheet, Workbook
from ..reading.read import ReadLimits, open_workbook
from ..words.messages import say, sheet_name
from .carried import not_carried
from .links import cell_link
from .openpyxl_out import save_keeping_stamp
from .own import ANNOTATED, copy_headers, mark_openpyxl, own_sheet, path_kind
from .printing import PageInfo, fit_openpyxl, long_date, print_openpyxl
from .write import CONTROL_CHARACTER, atomic_output, excel_escaped, needs_quote_prefix
from .xlsx_out import lines_height, wrapped_lines

FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}
# Lembar, Sel, Tingkat, Nilai, Pesan printed; Kode to their right, for a filter on screen only
WIDTHS = (16, 7, 11, 18, 70, 22)
PRINTED = 5
FONT = "Calibri"  # every font the Masalah sheet sets is named: unnamed, LibreOffice takes a serif
HEADER_ROW = 5  # rows 1-3: title, who/when/counts, what was not carried over; 4 blank

# openpyxl holds a workbook in memory many times over: past these, the copy is rebuilt
OPENPYXL_MAX_INFLATED = 40 * 1024 * 1024
OPENPYXL_MAX_MERGED_CELLS = 2_000_000
# a copy marks and lists at most this many issues (openpyxl spends about a millisecond on each);
# past it, the Masalah sheet says how many more the report holds
MOST_ISSUES_IN_COPY = 2_000


# --- where each copy goes -----------------------------------------------------------------


@dataclass
class CopyPlan:
    report: FileReport
    target: Path | None  # None: no copy (why says why)
    why: str | None = None  # "unreadable" | "generated"


def plan_copies(reports: list[FileReport], folder: Path, lang: str = "id") -> list[CopyPlan]:
    """A distinct target for every readable office workbook: 'RKT (diperiksa).xlsx'; inputs in
    different folders keep their subfolders; 'RKT.xlsx' and 'RKT.xls' side by side become
    'RKT.xlsx (diperiksa).xlsx' and 'RKT.xls (diperiksa).xlsx'; a name already taken by a file
    that is not one of our copies gets ' 2', ' 3' … Our own outputs are not copied again."""
    plans = [CopyPlan(r, None, _skip_reason(r)) for r in reports]
    wanted = [p for p in plans if p.why is None]
    root = _common_folder([Path(p.report.path) for p in wanted])
    places = {id(p): folder / _relative_folder(Path(p.report.path), root) for p in wanted}
    stems: dict[tuple[Path, str], int] = {}
    for p in wanted:
        key = (places[id(p)], Path(p.report.path).stem.lower())
        stems[key] = stems.get(key, 0) + 1
    # never an input — but an earlier copy of ours, read in this run, may be refreshed
    taken = {_key(Path(p.report.path)) for p in plans if p.why != "generated"}
    for p in wanted:
        source = Path(p.report.path)
        shared = stems[(places[id(p)], source.stem.lower())] > 1
        base = source.name if shared else source.stem
        p.target = _free_name(places[id(p)], base, say("copy-suffix", lang), taken)
        taken.add(_key(p.target))
    return plans


def _skip_reason(report: FileReport) -> str | None:
    if not report.readable:
        return "unreadable"
    if any(issue.code == "generated-file" for issue in report.issues):
        return "generated"
    return None


def _common_folder(paths: list[Path]) -> Path | None:
    try:
        return Path(os.path.commonpath([str(p.resolve().parent) for p in paths])) if paths else None
    except ValueError:  # different drives
        return None


def _relative_folder(path: Path, root: Path | None) -> Path:
    if root is None:
        return Path()
    try:
        return path.resolve().parent.relative_to(root)
    except ValueError:
        return Path()


def _key(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))


def _free_name(folder: Path, base: str, suffix: str, taken: set[str]) -> Path:
    for number in range(1, 1000):
        label = suffix if number == 1 else f"{suffix} {number}"
        candidate = folder / copy_name(base, label)
        key = _key(candidate)
        if key in taken:
            continue
        try:
            free = not candidate.exists() or is_our_copy(candidate)
        except OSError:  # a path the system cannot hold: writing it will say so, for this copy
            free = True
        if free:  # an office's file is never replaced
            return candidate
    return folder / copy_name(base, f"{suffix} {secrets.token_hex(4)}")


NAME_MAX = 255  # bytes of a file name (Linux, macOS; NTFS counts 255 UTF-16 units)


def copy_name(base: str, label: str) -> str:
    """'<base> (<label>).xlsx', its base cut short (with '…') to fit a file name: a legal
    252-byte name would otherwise give its copy a name no system can hold."""
    tail = f" ({label}).xlsx"
    if len(os.fsencode(base + tail)) <= NAME_MAX:
        return base + tail
    room = NAME_MAX - len(os.fsencode(tail)) - len(os.fsencode("…"))
    while base and len(os.fsencode(base)) > room:
        base = base[: -max(1, (len(os.fsencode(base)) - room) // 4)]
    return base.rstrip() + "…" + tail


def is_our_copy(path: Path) -> bool:
    """A marked-up copy written by kinerja-xl (which a later run may replace), and nothing else:
    known by the mark it carries (outputs/own.py), never by its sheets."""
    return path_kind(path) == ANNOTATED


# --- writing one copy ---------------------------------------------------------------------


@dataclass
class CopyResult:
    path: Path
    not_carried: dict[str, int] = field(default_factory=dict)  # kind -> how many were lost
    rebuilt: str | None = None  # why the copy was rebuilt from the cells, if it was


def annotate(
    report: FileReport,
    target: Path | str,
    lang: str = "id",
    made: date | None = None,
    limits: ReadLimits | None = None,
) -> CopyResult:
    """Write the marked-up copy of one readable report to `target` (a file path, or a folder
    to put '<name> (diperiksa).xlsx' in); return what was written and what was not carried."""
    target = Path(target)
    if target.is_dir():
        target = plan_copies([report], target, lang)[0].target or target
    if _key(target) == _key(Path(report.path)) or _same_file(target, report):
        raise ValueError(f"refusing to overwrite the input {report.path}")
    book, titles, rebuilt = _load_copy(report, limits or ReadLimits.from_env())
    shown = report.issues[:MOST_ISSUES_IN_COPY]  # the report lists them all
    _mark_cells(book, shown, lang, titles)
    _office_pages(book, lang)
    result = CopyResult(target, rebuilt=rebuilt)
    page = PageInfo(
        say("doc-annotated", lang, file=shown_file_name(report.path)),
        None,
        report.year,
        made,
        lang,
    )
    sheet = _add_issue_sheet(book, report, lang, page, titles)
    # how a later run knows it, whatever its sheets are named (and that a person saved it since)
    mark_openpyxl(book, ANNOTATED, issues_sheet=sheet.title)
    pictures: dict[int, bytes] = {}
    with atomic_output(target) as temporary:
        _save(book, temporary, pictures)
        if not rebuilt:
            result.not_carried = dict(not_carried(report.path, temporary))
        if result.not_carried or rebuilt:
            sheet.cell(row=3, column=1, value=_carried_note(result, report, lang))
            _save(book, temporary, pictures)
    return result


def _save(book: Any, path: Path, pictures: dict[int, bytes]) -> None:
    """openpyxl reads a picture's bytes from its source once and closes it: keep them, so
    that the copy can be saved a second time (with the note of what was not carried)."""
    from io import BytesIO

    for sheet in book.worksheets:
        for image in getattr(sheet, "_images", []):
            if id(image) not in pictures:
                pictures[id(image)] = image._data()
            image.ref = BytesIO(pictures[id(image)])
    save_keeping_stamp(book, path)


def shown_file_name(path: str) -> str:
    """The office's file name as a title and a page header show it: a byte that is not UTF-8,
    and a control character (a Linux file name may hold any but '/'), as '�' (openpyxl refuses
    the one in a cell, and a header or footer holding it is no longer XML)."""
    return CONTROL_CHARACTER.sub("\ufffd", display_name(Path(path).name))


def _same_file(target: Path, report: FileReport) -> bool:
    try:
        return target.exists() and os.path.samefile(target, report.path)
    except OSError:
        return False


def _load_copy(report: FileReport, limits: ReadLimits) -> tuple[Any, dict[str, str], str | None]:
    """openpyxl's copy of the office's workbook when it can be trusted with it, else one
    rebuilt from the cells read (and the reason); and the title in the copy of every sheet
    read, by its name as read (a duplicate, a case variant or a 40-letter name gets a title
    Excel accepts, and every link and mark goes by it)."""
    import openpyxl

    # an .xlsx's sheets, merges and properties (its cells only if it must be rebuilt: reading
    # them twice cost a 60,000-row copy 2 s)
    source = open_workbook(report.path, limits, cells=False)
    ours = own_sheet(source)  # an office's returned copy: our old Masalah sheet is not carried

    def rebuilt(reason: str) -> tuple[Any, dict[str, str], str | None]:
        whole = source if report.file_format != "xlsx" else open_workbook(report.path, limits)
        return (*_rebuild([sheet for sheet in whole.sheets if sheet.name != ours]), reason)

    if report.file_format != "xlsx":
        return rebuilt(report.file_format or "format")
    too_big = _too_big_for_openpyxl(report.path, source)
    if too_big:
        return rebuilt(too_big)
    try:
        with warnings.catch_warnings():  # openpyxl's own complaints are not the office's
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(report.path, keep_vba=False, keep_links=True)
    except Exception as exc:  # openpyxl may fail where our reader did not
        return rebuilt(f"openpyxl: {type(exc).__name__}")
    present = [sheet.name for sheet in source.sheets if sheet.problem is None]
    if len(present) != len(book.worksheets):  # openpyxl drops the sheets of a Strict file
        return rebuilt("strict" if _is_strict(report.path) else "sheets-dropped")
    pairs = list(zip(present, book.worksheets, strict=True))
    for name, worksheet in pairs:
        if name == ours:
            book.remove(worksheet)
        elif ours:
            _forget_our_marks(worksheet)
    pairs = [(name, worksheet) for name, worksheet in pairs if name != ours]
    titles = dict(zip([n for n, _ in pairs], sheet_titles([n for n, _ in pairs]), strict=True))
    _retitle([(worksheet, titles[name]) for name, worksheet in pairs])
    return book, titles, None


def _is_strict(path: str) -> bool:
    """Strict Open XML: its workbook part speaks the ISO namespaces."""
    with zipfile.ZipFile(path) as archive:
        parts = [n for n in archive.namelist() if n.endswith("workbook.xml")]
        head = archive.open(parts[0]).read(4096) if parts else b""
    return b"purl.oclc.org/ooxml/spreadsheetml/main" in head


def _too_big_for_openpyxl(path: str, source: Workbook) -> str | None:
    with zipfile.ZipFile(path) as archive:
        if sum(i.file_size for i in archive.infolist()) > OPENPYXL_MAX_INFLATED:
            return "too-large"
    merged = sum(
        (m.max_row - m.min_row + 1) * (m.max_col - m.min_col + 1)
        for sheet in source.sheets
        for m in sheet.merges
    )
    return "too-large" if merged > OPENPYXL_MAX_MERGED_CELLS else None


def _rebuild(sheets: list[Sheet]) -> tuple[Any, dict[str, str]]:
    """A new workbook with the same sheets and cell values (no formats, merges or pictures)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    titles = dict(
        zip([s.name for s in sheets], sheet_titles([s.name for s in sheets]), strict=True)
    )
    for sheet in sheets:
        target = book.create_sheet(titles[sheet.name])
        for (row, col), cell in sheet.cells.items():
            value = cell.value if cell.error is None else cell.error
            if isinstance(value, str):
                value = excel_escaped(display_name(value))
            written = target.cell(row=row, column=col, value=value)
            if isinstance(value, str):
                written.data_type = "s"
                written.quotePrefix = needs_quote_prefix(value)
    return book, titles


EXCEL_REFUSES = re.compile(r"[\[\]:*?/\\\x00-\x1f]")  # in a sheet's title
MOST_TITLE_LETTERS = 31


def sheet_titles(names: list[str], taken: Iterable[str] = ()) -> list[str]:
    """A title Excel accepts for each sheet name, in order: at most 31 letters, none of
    []:*?/\\, no apostrophe at either end, and no two alike in any case (Excel's rule); a
    name that already is one stays as it is. A hostile file's two sheets named 'RKT', or 'RKT'
    and 'rkt', or a 40-letter name, were each linked to the wrong sheet or to none."""
    used = {title.casefold() for title in taken}
    titles = []
    for name in names:
        base = EXCEL_REFUSES.sub("_", name)[:MOST_TITLE_LETTERS].strip("'") or "Lembar"
        title, number = base, 2
        while title.casefold() in used or title.casefold() == "history":
            suffix = f" ({number})"
            title = base[: MOST_TITLE_LETTERS - len(suffix)].rstrip("'") + suffix
            number += 1
        used.add(title.casefold())
        titles.append(title)
    return titles


def _retitle(renames: list[tuple[Any, str]]) -> None:
    """Give each worksheet its title; through names no sheet has, since two may swap."""
    changing = [(sheet, title) for sheet, title in renames if sheet.title != title]
    for number, (sheet, _title) in enumerate(changing):
        sheet.title = f"~kx{number}~{secrets.token_hex(4)}"
    for sheet, title in changing:
        sheet.title = title


def _forget_our_marks(worksheet: Any) -> None:
    """An office's returned copy: our comments of the last check go, with their fill."""
    from openpyxl.styles import PatternFill

    for cell in list(worksheet._cells.values()):  # the cells it has, not its whole range
        comment = cell.comment
        if comment is not None and comment.author == "kinerja-xl":
            cell.comment = None
            current = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
            if isinstance(current, str) and current[-6:] in FILLS.values():
                cell.fill = PatternFill(fill_type=None)


def _mark_cells(book: Any, issues: list[Issue], lang: str, titles: dict[str, str]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    for issue in issues:
        title = titles.get(issue.sheet or "")
        if not (title and issue.cell):
            continue
        try:
            cell = book[title][issue.cell]
        except (ValueError, IndexError):
            continue
        if type(cell).__name__ == "MergedCell":
            continue
        cell.fill = PatternFill("solid", fgColor=_worst_fill(cell, issue))
        text = excel_escaped(display_name(issue.message(lang)))  # words, not a code
        previous = cell.comment.text + "\n\n" if cell.comment else ""
        comment = Comment(previous + text, "kinerja-xl")
        comment.width, comment.height = 300, 18 * wrapped_lines(comment.text, 40) + 12
        cell.comment = comment


def _worst_fill(cell: Any, issue: Issue) -> str:
    current = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
    if isinstance(current, str) and current.endswith(FILLS["error"]):
        return FILLS["error"]
    return FILLS[issue.severity]


def _office_pages(book: Any, lang: str) -> None:
    """The office's own sheets print as the office set them, fitted to the page width (landscape
    where wide) so that a red cell prints on the page of its row, unless that would print
    below the legible floor; a sheet with no paper gets A4, one with no footer a page number,
    so that every printed page of the copy can be put in order."""
    for sheet in book.worksheets:
        if not sheet.page_setup.paperSize:
            sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        fit_openpyxl(sheet, _column_widths(sheet))
        footer = sheet.oddFooter
        if not (footer.left.text or footer.center.text or footer.right.text):
            footer.center.text = say("page-number", lang, page="&P", pages="&N")


def _column_widths(sheet: Any) -> list[float]:
    """The widths of the sheet's used columns (Excel's default 8.43 where none is set)."""
    from openpyxl.utils import get_column_letter

    widths = []
    for col in range(1, (sheet.max_column or 1) + 1):
        dimension = sheet.column_dimensions.get(get_column_letter(col))
        if dimension is not None and dimension.hidden:
            continue
        width = dimension.width if dimension is not None and dimension.width else None
        widths.append(float(width) if width else 8.43)
    return widths


def _add_issue_sheet(
    book: Any, report: FileReport, lang: str, page: PageInfo, titles: dict[str, str]
) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill

    # 'Masalah', or 'Masalah (2)' beside an office's own 'masalah' (no two alike in any case)
    title = sheet_titles([sheet_name("Masalah", lang)], book.sheetnames)[0]
    sheet = book.create_sheet(title, 0)
    sheet.cell(row=1, column=1, value=page.document).font = Font(name=FONT, bold=True, size=13)
    sheet.cell(row=2, column=1, value=_who_and_when(report, lang, page)).font = Font(name=FONT)
    sheet.cell(row=3, column=1).font = Font(name=FONT, italic=True, color="9C0006")
    for col, title in enumerate(copy_headers(lang), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=col, value=title)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
    row = HEADER_ROW
    for issue in report.issues[:MOST_ISSUES_IN_COPY]:
        row += 1
        _issue_row(sheet, row, issue, lang, titles)
    if len(report.issues) > MOST_ISSUES_IN_COPY:
        row += 1
        more = len(report.issues) - MOST_ISSUES_IN_COPY
        note = sheet.cell(row=row, column=1, value=say("copy-more-issues", lang, count=more))
        note.font = Font(name=FONT, bold=True)
    if not report.issues:
        row += 1
        no_issues = sheet.cell(row=row, column=1, value=say("no-issues", lang))
        no_issues.font = Font(name=FONT, bold=True)
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    for line in range(HEADER_ROW + 1, row + 1):
        for col in range(1, len(WIDTHS) + 1):
            sheet.cell(row=line, column=col).alignment = wrap if col in (4, 5) else top
        lines = max(
            wrapped_lines(str(sheet.cell(row=line, column=col).value or ""), WIDTHS[col - 1])
            for col in (4, 5)
        )
        if lines > 1:
            sheet.row_dimensions[line].height = lines_height(lines)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:F{max(row, HEADER_ROW + 1)}"
    for column, width in zip("ABCDEF", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    printed: list[float] = list(WIDTHS[:PRINTED])
    print_openpyxl(sheet, printed, page, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    sheet.print_area = f"A1:E{max(row, HEADER_ROW + 1)}"  # the code is for a filter, not paper
    book.active = 0
    for other in book.worksheets[1:]:
        other.sheet_view.tabSelected = False
    return sheet


def _who_and_when(report: FileReport, lang: str, page: PageInfo) -> str:
    return say(
        "annotated-line",
        lang,
        office=report.office or say("unknown-office", lang),
        year=report.year or "—",
        date=long_date(page.made or date.today(), lang),
        errors=report.errors,
        warnings=report.warnings,
    )


def _issue_row(sheet: Any, row: int, issue: Issue, lang: str, titles: dict[str, str]) -> None:
    from openpyxl.styles import Font, PatternFill

    values = (
        issue.sheet or "",
        issue.cell or "",
        say(f"severity-{issue.severity}", lang),
        issue.value or "",
        issue.message(lang),
        issue.code,
    )
    for col, text in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=col, value=excel_escaped(display_name(text)))
        cell.data_type = "s"  # office text is text, never a formula
        if needs_quote_prefix(text):  # nor one after an edit, as in the provincial workbook
            cell.quotePrefix = True
    sheet.cell(row=row, column=3).fill = PatternFill("solid", fgColor=FILLS[issue.severity])
    title = titles.get(issue.sheet or "")  # the sheet's title in the copy, where it may differ
    target = cell_link(title, issue.cell) if title and issue.cell else None
    if target is not None:
        from openpyxl.worksheet.hyperlink import Hyperlink

        link = sheet.cell(row=row, column=2)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=target.location)
        link.font = Font(name=FONT, color="0563C1", underline="single")


def _carried_note(result: CopyResult, report: FileReport, lang: str) -> str:
    parts = []
    if result.rebuilt:
        parts.append(say(f"rebuilt-{_rebuilt_key(result.rebuilt)}", lang, why=result.rebuilt))
    if result.not_carried:
        lost = ", ".join(
            say(f"carried-{kind}", lang, count=count) for kind, count in result.not_carried.items()
        )
        parts.append(say("not-carried", lang, what=lost))
    return " ".join(parts)


def _rebuilt_key(why: str) -> str:
    known = ("xls", "ods", "xlsb", "strict", "sheets-dropped", "too-large")
    return why if why in known else "failed"


# --- a batch of copies --------------------------------------------------------------------


@dataclass
class CopyOutcome:
    source: str
    target: Path | None = None
    result: CopyResult | None = None
    skipped: str | None = None  # "unreadable" | "generated"
    failed: str | None = None  # one line: why the copy could not be written


def write_copies(
    reports: list[FileReport], folder: Path, lang: str = "id", made: date | None = None
) -> list[CopyOutcome]:
    """A marked-up copy of every readable office workbook in `folder`. One copy that cannot be
    written never stops the others; each outcome says what happened."""
    from .write import OutputError

    outcomes = []
    for plan in plan_copies(reports, folder, lang):
        outcome = CopyOutcome(plan.report.path, plan.target, skipped=plan.why)
        if plan.target is not None:
            try:
                plan.target.parent.mkdir(parents=True, exist_ok=True)
                outcome.result = annotate(plan.report, plan.target, lang, made)
            except OutputError as exc:
                outcome.failed = say(
                    f"output-{exc.reason}", lang, folder=exc.path.parent, path=exc.path
                )
            except OSError as exc:
                outcome.failed = f"{exc.strerror or type(exc).__name__}"
            except Exception as exc:  # openpyxl and friends: one bad copy, never the batch
                outcome.failed = f"{type(exc).__name__}: {str(exc)[:200]}"
        outcomes.append(outcome)
    return outcomes
