"""kinerja-xl's own outputs, known by a mark written in them: a custom document property.

The provincial workbook and every marked-up copy carry the property `kinerja-xl` (what it is:
`consolidated` or `annotated`) and `kinerja-xl-version`. Excel keeps custom properties when a
file is saved again, and an office cannot set one by accident; no sheet name, title or layout
that an office could also use is ever taken for the mark (an LKj's own "Masalah" sheet is the
office's, and a copy of ours whose sheet had to be named "Masalah1" is still ours).

    from kinerja_xl.outputs.own import CONSOLIDATED, path_kind
    path_kind("Konsolidasi.xlsx") == CONSOLIDATED      # a provincial workbook of ours
    generated_by_us(workbook)                          # the same, of a workbook already read
"""

from __future__ import annotations

import os
import zipfile
from typing import Any

from ..reading.grid import Workbook
from ..reading.ooxml import custom_properties
from ..words.messages import say

PROPERTY = "kinerja-xl"
VERSION_PROPERTY = "kinerja-xl-version"
# a provincial workbook's offices' files, relative to it, and its province: what the national
# roll-up needs to read it back with the way to each office's cell (provincial/readback.py)
INPUTS_PROPERTY = "kinerja-xl-inputs"
PROVINCE_PROPERTY = "kinerja-xl-province"
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


def mark_openpyxl(book: Any, kind: str) -> None:
    """Mark an openpyxl workbook as ours; the office's own properties are kept."""
    from openpyxl.packaging.custom import StringProperty

    properties = book.custom_doc_props
    for name in (PROPERTY, VERSION_PROPERTY):
        if name in properties.names:
            del properties[name]
    properties.append(StringProperty(name=PROPERTY, value=kind))
    properties.append(StringProperty(name=VERSION_PROPERTY, value=_version()))


def generated_by_us(workbook: Workbook) -> str | None:
    """'consolidated' or 'annotated' when the workbook carries our mark, else None."""
    kind = workbook.properties.get(PROPERTY)
    return kind if kind in KINDS else None


def path_kind(path: str | os.PathLike[str]) -> str | None:
    """`generated_by_us` of a file on disk, from its zip directory and docProps/custom.xml
    alone (None for anything that is not a zip, or not ours)."""
    try:
        with zipfile.ZipFile(path) as archive:
            kind = custom_properties(archive).get(PROPERTY)
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return None
    return kind if kind in KINDS else None
