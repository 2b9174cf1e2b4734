"""Saving the marked-up copy with openpyxl: the time our mark records stays in core.xml, and a
long text is written once however many cells show it.

openpyxl 3.1 writes every text inline, in the cell: a 30,000-letter indicator shown by 60,000
cells became a 1.8 GB sheet part (a minute to compress, and a copy that our own reader then
refused as a zip bomb). Here a text longer than `SHARED_FROM` letters is written as a shared
string instead (`t="s"`, one entry in xl/sharedStrings.xml, as Excel itself writes every text);
the package gains that part, its relationship and its content type. Shorter texts are written as
openpyxl writes them. A workbook with no long text is saved exactly as openpyxl saves it, but
for the modification time (`save_keeping_stamp`).
"""

from __future__ import annotations

import os
import re
import zipfile
from typing import Any

from ..reading.caching import LONGEST_KEPT
from ..reading.discover import display_name
from .write import excel_escaped

SHARED_FROM = LONGEST_KEPT  # letters: a real cell's text is shorter, and stays inline
SHARED_PART = "xl/sharedStrings.xml"
SHARED_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_RELATION = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def save_keeping_stamp(book: Any, path: str | os.PathLike[str]) -> None:
    """openpyxl's save, without its setting the modified time to now (the time in core.xml
    stays the one our mark records), with long texts shared."""
    from openpyxl.writer.excel import ExcelWriter

    shared: dict[str, int] = {}

    class Writer(ExcelWriter):  # type: ignore[misc]
        def write_worksheet(self, ws: Any) -> None:
            with _long_texts_shared(ws, shared):
                super().write_worksheet(ws)

    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    Writer(book, archive).save()  # closes the archive
    if shared:
        _add_shared_strings(path, list(shared))


class _long_texts_shared:
    """For one worksheet's writing: each cell holding a long text holds, instead, its index in
    the shared strings, typed as an error cell so that openpyxl writes <c t="e"><v>index</v>
    (an error cell of Excel's always holds '#…', never digits); afterwards each cell gets its
    text and type back, and the package rewrite types those cells 's'."""

    def __init__(self, ws: Any, shared: dict[str, int]) -> None:
        self.ws, self.shared = ws, shared
        self.changed: list[tuple[Any, str]] = []

    def __enter__(self) -> None:
        for cell in list(getattr(self.ws, "_cells", {}).values()):
            value = cell._value
            if cell.data_type == "s" and type(value) is str and len(value) > SHARED_FROM:
                index = self.shared.setdefault(value, len(self.shared))
                self.changed.append((cell, value))
                cell._value, cell.data_type = index, "e"

    def __exit__(self, *_exc: object) -> None:
        for cell, value in self.changed:
            cell._value, cell.data_type = value, "s"


def _add_shared_strings(path: str | os.PathLike[str], texts: list[str]) -> None:
    """Rewrite the package with the shared strings part, its relationship and content type,
    and the cells that stood for them typed as shared strings."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        for info, data in parts:
            name = info.filename
            if name == "[Content_Types].xml":
                data = _with_content_type(data)
            elif name == "xl/_rels/workbook.xml.rels":
                data = _with_relationship(data)
            elif name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                data = _shared_cells_typed(data)
            archive.writestr(name, data)
        archive.writestr(SHARED_PART, _shared_strings_xml(texts))


# a cell written for a long text: <c r="C7" s="2" t="e"><v>3</v></c> (an error's <v> is '#…')
MARKED = re.compile(rb'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="e"(><v>[0-9]+</v>)')


def _shared_cells_typed(data: bytes) -> bytes:
    return MARKED.sub(rb'\1 t="s"\2', data) if b' t="e"><v>' in data else data


def _with_content_type(data: bytes) -> bytes:
    override = f'<Override PartName="/{SHARED_PART}" ContentType="{SHARED_TYPE}"/>'.encode()
    return data.replace(b"</Types>", override + b"</Types>", 1)


def _with_relationship(data: bytes) -> bytes:
    relation = (
        f'<Relationship Id="rIdKxShared" Type="{SHARED_RELATION}" Target="sharedStrings.xml"/>'
    )
    return data.replace(b"</Relationships>", relation.encode() + b"</Relationships>", 1)


def _shared_strings_xml(texts: list[str]) -> bytes:
    items = []
    for text in texts:
        escaped = excel_escaped(display_name(text))
        escaped = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        space = ' xml:space="preserve"' if escaped[:1].isspace() or escaped[-1:].isspace() else ""
        items.append(f"<si><t{space}>{escaped}</t></si>")
    head = f'<sst xmlns="{MAIN}" count="{len(texts)}" uniqueCount="{len(texts)}">'
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + head).encode() + (
        "".join(items) + "</sst>"
    ).encode("utf-8")
