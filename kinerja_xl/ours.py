"""kinerja-xl's own outputs, known by a mark it writes in them: a custom document property.

The provincial workbook and every marked-up copy carry the property `kinerja-xl` (what it is:
`consolidated` or `annotated`) and `kinerja-xl-version`. Excel keeps custom properties when a
file is saved again, an office cannot set one by accident, and no sheet name, title or layout an
office could also use is ever taken for the mark (a LKj's own "Masalah" sheet is the office's).

    from kinerja_xl.ours import CONSOLIDATED, output_kind
    output_kind(zipfile.ZipFile(path)) == CONSOLIDATED   # a provincial workbook of ours

This module sits low (standard library and defusedxml only) so that the readers, the writers
and the provincial roll-up can all reach it.
"""

from __future__ import annotations

import zipfile
from typing import Any

PROPERTY = "kinerja-xl"
VERSION_PROPERTY = "kinerja-xl-version"
CONSOLIDATED = "consolidated"
ANNOTATED = "annotated"
KINDS = (CONSOLIDATED, ANNOTATED)

CUSTOM_PROPERTIES = "docProps/custom.xml"
CUSTOM_RELATIONSHIP = "/custom-properties"
MAX_PART = 256 * 1024  # a custom.xml of a real workbook is a few hundred bytes


def _version() -> str:
    from . import __version__

    return __version__


def mark_xlsxwriter(book: Any, kind: str) -> None:
    """Mark an xlsxwriter workbook, before it is closed."""
    book.set_custom_property(PROPERTY, kind)
    book.set_custom_property(VERSION_PROPERTY, _version())


def mark_openpyxl(book: Any, kind: str) -> None:
    """Mark an openpyxl workbook (the office's own properties are kept; ours replace any
    earlier ones of the same name)."""
    from openpyxl.packaging.custom import StringProperty

    properties = book.custom_doc_props
    for name in (PROPERTY, VERSION_PROPERTY):
        if name in properties.names:
            del properties[name]
    properties.append(StringProperty(name=PROPERTY, value=kind))
    properties.append(StringProperty(name=VERSION_PROPERTY, value=_version()))


def output_kind(archive: zipfile.ZipFile) -> str | None:
    """'consolidated' or 'annotated' when the package carries our mark, else None. Never
    raises for a malformed or hostile part: it is simply not our mark."""
    try:
        info = archive.getinfo(CUSTOM_PROPERTIES)
    except KeyError:
        return None
    if info.file_size > MAX_PART:
        return None
    try:
        properties = custom_properties(archive.read(info))
    except Exception:  # zlib, expat, DTDs refused: whatever it is, it is not ours
        return None
    kind = properties.get(PROPERTY)
    return kind if kind in KINDS else None


def custom_properties(xml: bytes) -> dict[str, str]:
    """name -> text of each property of a docProps/custom.xml (DTDs and entities refused)."""
    from defusedxml.ElementTree import fromstring

    found: dict[str, str] = {}
    for element in fromstring(xml):
        if element.tag.rpartition("}")[2] != "property":
            continue
        name = element.get("name")
        if name and name not in found:
            found[name] = "".join(child.text or "" for child in element)
    return found


def path_kind(path: Any) -> str | None:
    """`output_kind` of a file on disk (None for anything that is not a readable zip)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return output_kind(archive)
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return None
