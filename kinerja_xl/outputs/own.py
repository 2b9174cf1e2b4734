"""kinerja-xl's own outputs, known by a mark written in them: a custom document property.

The provincial workbook and every marked-up copy carry the property `kinerja-xl` (what it is:
`consolidated` or `annotated`) and `kinerja-xl-version`. Excel keeps custom properties when a
file is saved again, and an office cannot set one by accident; no sheet name, title or layout
that an office could also use is ever taken for the mark (an LKj's own "Masalah" sheet is the
office's, and a copy of ours whose sheet had to be named "Masalah (2)" is still ours).

A marked-up copy is meant to go back to the office, be fixed and come back. Since the mark
survives Excel's save, a copy also records the time it wrote into docProps/core.xml
(`kinerja-xl-saved`, with 'kinerja-xl' as the last to modify it) and the title of its issues
sheet: a copy whose core properties say it was saved since (another time, another person) is
the office's submission again (`returned_copy`), read without that sheet; an untouched copy
stays ours and is skipped.

    from kinerja_xl.outputs.own import CONSOLIDATED, path_kind
    path_kind("Konsolidasi.xlsx") == CONSOLIDATED      # a provincial workbook of ours
    generated_by_us(workbook)                          # the same, of a workbook already read
"""

from __future__ import annotations

import os
import zipfile
from datetime import UTC, datetime
from typing import Any

from ..reading.grid import Workbook
from ..reading.ooxml import core_properties, custom_properties
from ..words.messages import say

PROPERTY = "kinerja-xl"
VERSION_PROPERTY = "kinerja-xl-version"
# a provincial workbook's offices' files, relative to it, and its province: what the national
# roll-up needs to read it back with the way to each office's cell (provincial/readback.py)
INPUTS_PROPERTY = "kinerja-xl-inputs"
PROVINCE_PROPERTY = "kinerja-xl-province"
# a marked-up copy: the modification time we wrote into docProps/core.xml, and the title of
# our issues sheet (what a returned copy is read without)
SAVED_PROPERTY = "kinerja-xl-saved"
ISSUES_SHEET_PROPERTY = "kinerja-xl-issues-sheet"
WRITER = "kinerja-xl"  # core.xml's lastModifiedBy in a copy of ours
CONSOLIDATED = "consolidated"
ANNOTATED = "annotated"
KINDS = (CONSOLIDATED, ANNOTATED)

# catalogue "copy-column-…"; the code last, on screen for a filter, never on paper
COLUMNS = ("sheet", "cell", "severity", "value", "message", "code")


def copy_headers(lang: str) -> list[str]:
    """The Masalah sheet's column titles."""
    return [say(f"copy-column-{column}", lang) for column in COLUMNS]


def _version() -> str:
    from .. import __version__

    return __version__


def mark_xlsxwriter(book: Any, kind: str) -> None:
    """Mark an xlsxwriter workbook as ours, before it is closed."""
    book.set_custom_property(PROPERTY, kind)
    book.set_custom_property(VERSION_PROPERTY, _version())


def mark_openpyxl(book: Any, kind: str, issues_sheet: str | None = None) -> None:
    """Mark an openpyxl workbook as ours; the office's own properties are kept. A copy also
    records the time it is saved at (write it with `save_keeping_stamp`) and its issues sheet."""
    from openpyxl.packaging.custom import StringProperty

    stamp = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    book.properties.modified = stamp
    book.properties.lastModifiedBy = WRITER
    marks = {PROPERTY: kind, VERSION_PROPERTY: _version(), SAVED_PROPERTY: _iso(stamp)}
    if issues_sheet is not None:
        marks[ISSUES_SHEET_PROPERTY] = issues_sheet
    properties = book.custom_doc_props
    for name in (*marks, SAVED_PROPERTY, ISSUES_SHEET_PROPERTY):
        if name in properties.names:
            del properties[name]
    for name, value in marks.items():
        properties.append(StringProperty(name=name, value=value))


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds") + "Z"  # as openpyxl writes it in core.xml


def generated_by_us(workbook: Workbook) -> str | None:
    """'consolidated' or 'annotated' when the workbook carries our mark and was not saved since
    by someone else (`returned_copy`), else None."""
    return _kind(workbook.properties, workbook.core)


def returned_copy(workbook: Workbook) -> dict[str, str] | None:
    """A marked-up copy of ours that an office saved again (to send it back fixed): who and
    when, as its core properties say; None for anything else."""
    properties, core = workbook.properties, workbook.core
    if properties.get(PROPERTY) != ANNOTATED or not _saved_since(properties, core):
        return None
    return {
        "who": core.get("lastModifiedBy") or "—",
        "when": core.get("modified") or "—",
        "sheet": properties.get(ISSUES_SHEET_PROPERTY) or "",
    }


def own_sheet(workbook: Workbook) -> str | None:
    """The title of our issues sheet in a marked-up copy (returned or not), else None."""
    if workbook.properties.get(PROPERTY) != ANNOTATED:
        return None
    return workbook.properties.get(ISSUES_SHEET_PROPERTY) or None


def _kind(properties: dict[str, str], core: dict[str, str]) -> str | None:
    kind = properties.get(PROPERTY)
    if kind not in KINDS:
        return None
    if kind == ANNOTATED and _saved_since(properties, core):
        return None  # the office's again
    return kind


def _saved_since(properties: dict[str, str], core: dict[str, str]) -> bool:
    """Whether the core properties say the file was saved after we wrote it: another modified
    time, or another last writer (Excel and LibreOffice write both on every save). A copy from
    before the stamp was recorded cannot tell, and stays ours."""
    stamp = properties.get(SAVED_PROPERTY)
    if not stamp:
        return False
    writer = core.get("lastModifiedBy")
    return core.get("modified") != stamp or writer not in (None, "", WRITER)


def path_kind(path: str | os.PathLike[str]) -> str | None:
    """`generated_by_us` of a file on disk, from its zip directory and docProps alone (None for
    anything that is not a zip, or not ours)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _kind(custom_properties(archive), core_properties(archive))
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return None
