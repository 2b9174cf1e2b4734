"""An annotated copy of an office's workbook: flagged cells filled and commented, and a first
sheet "Masalah" listing every issue with a link to its cell. The original is never touched.

openpyxl is the right tool here: it edits an existing workbook keeping its layout. Macros are
not copied (the copy is always .xlsx), and .xls/.ods inputs are rebuilt from the cells read.
"""

from __future__ import annotations

from pathlib import Path

from .issues import Issue
from .read import open_workbook
from .records import FileReport
from .write import atomic_output, excel_escaped, is_same_file

FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}
HEADERS = {
    "id": ["Lembar", "Sel", "Tingkat", "Kode", "Nilai", "Pesan"],
    "en": ["Sheet", "Cell", "Severity", "Code", "Value", "Message"],
}
SEVERITY = {
    "id": {"error": "kesalahan", "warning": "peringatan"},
    "en": {"error": "error", "warning": "warning"},
}
SUFFIX = {"id": " (diperiksa)", "en": " (checked)"}


def annotated_path(report: FileReport, folder: Path, lang: str = "id") -> Path:
    return folder / f"{Path(report.path).stem}{SUFFIX.get(lang, SUFFIX['id'])}.xlsx"


def annotate(report: FileReport, folder: Path, lang: str = "id") -> Path:
    """Write the annotated copy of one readable report into `folder`; return its path."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    target = annotated_path(report, folder, lang)
    if is_same_file(target, Path(report.path)):
        raise ValueError(f"refusing to overwrite the input {report.path}")
    book = _load_copy(report)
    for issue in report.issues:
        if not (issue.sheet and issue.cell and issue.sheet in book.sheetnames):
            continue
        cell = book[issue.sheet][issue.cell]
        if type(cell).__name__ == "MergedCell":
            continue
        cell.fill = PatternFill("solid", fgColor=_worst_fill(cell, issue))
        text = excel_escaped(f"[{issue.code}] {issue.message(lang)}")
        previous = cell.comment.text + "\n\n" if cell.comment else ""
        cell.comment = Comment(previous + text, "kinerja-xl", width=320, height=160)
    _add_issue_sheet(book, report.issues, lang)
    with atomic_output(target) as temporary:
        book.save(temporary)
    return target


def _worst_fill(cell, issue: Issue) -> str:
    current = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
    if isinstance(current, str) and current.endswith(FILLS["error"]):
        return FILLS["error"]
    return FILLS[issue.severity]


def _load_copy(report: FileReport):
    import openpyxl

    if report.file_format == "xlsx":
        return openpyxl.load_workbook(report.path, keep_vba=False, keep_links=False)
    return _rebuild(report.path)


def _rebuild(path: str):
    """.xls / .ods: a new workbook with the same sheets and cell values."""
    import openpyxl

    source = open_workbook(path)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in source.sheets:
        target = book.create_sheet(sheet.name[:31])
        for (row, col), cell in sheet.cells.items():
            value = excel_escaped(cell.value) if isinstance(cell.value, str) else cell.value
            written = target.cell(row=row, column=col, value=value)
            if isinstance(value, str):
                written.data_type = "s"
    return book


def _add_issue_sheet(book, issues: list[Issue], lang: str) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("Masalah", 0)
    sheet.append(HEADERS[lang])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for issue in issues:
        values = [
            excel_escaped(text)
            for text in (
                issue.sheet or "",
                issue.cell or "",
                SEVERITY[lang][issue.severity],
                issue.code,
                issue.value or "",
                issue.message(lang),
            )
        ]
        sheet.append(values)
        row = sheet.max_row
        for cell in sheet[row]:
            cell.data_type = "s"  # office text is text, never a formula
        if issue.sheet and issue.cell and issue.sheet in book.sheetnames:
            link = sheet.cell(row=row, column=2)
            link.hyperlink = f"#'{issue.sheet}'!{issue.cell}"
            link.font = Font(color="0563C1", underline="single")
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEF", (22, 8, 12, 26, 30, 100), strict=True):
        sheet.column_dimensions[column].width = width
    book.active = 0
