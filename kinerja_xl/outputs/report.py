"""Reports for people (text) and for scripts (JSON); the library builds them, the CLI prints."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..knowledge.kinds import TableKind
from ..layouts.normalise import format_rupiah
from ..model.records import FileReport
from ..words.messages import say


def t(key: str, lang: str, **values: Any) -> str:
    return say(f"report-{key}", lang, **values)


def inspect_text(report: FileReport, lang: str = "id") -> str:
    lines = [report.path]
    lines.append(
        f"  {t('office', lang)}: {report.office or t('unknown', lang)}   "
        f"{t('year', lang)}: {report.year or t('unknown', lang)}"
    )
    for table in report.tables:
        label = say(f"report-kind-{table.kind}", lang)
        line = f"  - {label}: " + t(
            "table", lang, sheet=table.sheet, header_row=table.header_row, rows=table.rows
        )
        if table.kind == TableKind.ANGGARAN:
            line += "; " + t("total", lang, total=format_rupiah(table.total or 0))
        lines.append(line)
    lines.extend(issue_lines(report, lang))
    return "\n".join(lines)


def issue_lines(report: FileReport, lang: str) -> Iterator[str]:
    """Issues grouped by sheet, each with its cell, code and message, one line at a time."""
    if not report.issues:
        yield "  " + t("no-issues", lang)
        return
    by_sheet: dict[str | None, list] = defaultdict(list)
    for issue in report.issues:
        by_sheet[issue.sheet].append(issue)
    for sheet, issues in by_sheet.items():
        yield "  " + (t("sheet", lang, sheet=sheet) if sheet else t("workbook", lang))
        for issue in sorted(issues, key=_cell_order):
            mark = "✗" if issue.severity == "error" else "!"
            where = f"{issue.cell:>6}" if issue.cell else "      "
            yield f"    {mark} {where}  [{issue.code}] {issue.message(lang)}"


def _cell_order(issue) -> tuple[int, str]:
    from ..reading.grid import parse_a1

    try:
        row, col = parse_a1(issue.cell or "")
        return row, f"{col:05d}"
    except ValueError:
        return 0, ""


def check_text(files: list[FileReport], skipped: list[tuple[Path, str]], lang: str = "id") -> str:
    return "\n".join(check_lines(files, skipped, lang))


def check_lines(
    files: list[FileReport], skipped: list[tuple[Path, str]], lang: str = "id"
) -> Iterator[str]:
    """The report of `check`, line by line (a file of 120,000 issues is never one string):
    each file, its issues and its count, the files skipped, the batch's count; a blank line
    between blocks."""
    for report in files:
        head = report.path
        if report.office:
            named = (
                "; " + t("office-in-name", lang, office=report.office_in_name)
                if report.office_in_name
                else ""
            )
            head += f"  ({report.office}{', ' + str(report.year) if report.year else ''}{named})"
        elif report.readable and report.tables:  # the province must know whose file it is
            unknown = t("office-unknown", lang)
            head += f"  ({report.year}; {unknown})" if report.year else f"  ({unknown})"
        yield head
        yield from issue_lines(report, lang)
        yield "  → " + t("file-line", lang, errors=report.errors, warnings=report.warnings)
        yield ""
    for path, reason in skipped:
        yield t("skipped", lang, path=path, reason=say(f"skip-{reason}", lang))
        yield ""
    yield t(
        "batch",
        lang,
        files=len(files),
        clean=sum(1 for f in files if f.readable and not f.errors),
        bad=sum(1 for f in files if f.readable and f.errors),
        unreadable=sum(1 for f in files if not f.readable),
        errors=sum(f.errors for f in files),
        warnings=sum(f.warnings for f in files),
    )


def json_pieces(value: Any, indented: int = 4, level: int = 0) -> Iterator[str]:
    """`value` as JSON, piece by piece: its first `indented` levels indented by two spaces,
    each value below them on one line (json's C encoder writes those, at a tenth of the cost
    of an indented dump of 120,000 issues)."""
    if level >= indented or not isinstance(value, dict | list) or not value:
        yield json.dumps(value, ensure_ascii=False)
        return
    inner = "\n" + "  " * (level + 1)
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    yield opening
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for index, (key, item) in enumerate(items):
        yield ("," if index else "") + inner
        if isinstance(value, dict):
            yield json.dumps(key if isinstance(key, str) else str(key), ensure_ascii=False) + ": "
        yield from json_pieces(item, indented, level + 1)
    yield "\n" + "  " * level + closing
