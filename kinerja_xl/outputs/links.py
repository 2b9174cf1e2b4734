"""Every link kinerja-xl writes is made here, and it is only ever one of two kinds: a cell of
the same workbook, or a cell of a file reached by a relative path. Never a UNC path
(`\\\\host\\share`), never a drive, never an absolute path, never a scheme.

What an office names can otherwise turn a link into one that leaves the folder: a file named
`\\\\host\\share\\RKT.xlsx` (backslashes are legal on Linux and macOS) became
`file:///\\\\host\\share\\…`, which Windows follows with the user's login; a sheet named `RKT/x`
became `RKT\\x`, since xlsxwriter turns every `/` of an external link into `\\`. A name that
could do either gets no link at all (the reference stays, as text), which is always safe.

    cell_link("RKT'24", "D5")                        # CellLink(None, "'RKT''24'!D5")
    cell_link("RKT", "D5", "kiriman/RKT #2.xlsx", base=Path("."))  # relative, '#' as %23
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MAX_ROW, MAX_COLUMN = 1_048_576, 16_384  # Excel's grid
A1 = re.compile(r"\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})")
# characters Excel refuses in a sheet name, and control characters: never in a link's location
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
# in a path component: anything that could make a relative path absolute, or leave the folder
# by another road (a drive 'C:', a UNC '\\\\', a scheme 'file:'), or that a URL cannot hold
COMPONENT_FORBIDDEN = re.compile(r"[\\:\x00-\x1f\x7f]|^$")
# what Excel escapes in a file link ('%' first, so that no escape is escaped twice)
URL_ESCAPES = (
    ("%", "%25"),
    ('"', "%22"),
    (" ", "%20"),
    ("<", "%3c"),
    (">", "%3e"),
    ("[", "%5b"),
    ("]", "%5d"),
    ("^", "%5e"),
    ("`", "%60"),
    ("{", "%7b"),
    ("}", "%7d"),
    ("#", "%23"),
)


@dataclass(frozen=True)
class CellLink:
    """`file`: None for a cell of the same workbook, else a relative, escaped path with '/'
    between folders; `location`: the quoted sheet and the cell ('RKT''24'!D5)."""

    file: str | None
    location: str

    def for_xlsxwriter(self) -> str:
        """The URL xlsxwriter's write_url takes."""
        if self.file is None:
            return f"internal:{self.location}"
        return f"external:{self.file}#{self.location}"


def cell_link(
    sheet: str, cell: str, file: str | os.PathLike[str] | None = None, base: Path | None = None
) -> CellLink | None:
    """A link to `cell` of `sheet` (of `file`, reached from the folder `base`), or None when
    no safe link can be made: a sheet name Excel itself would refuse, a reference outside
    Excel's grid, a file on another drive or with a name that could leave the folder."""
    location = sheet_location(sheet, cell)
    if location is None:
        return None
    if file is None:
        return CellLink(None, location)
    relative = relative_path(os.fspath(file), os.fspath(base or Path.cwd()))
    return CellLink(relative, location) if relative is not None else None


def sheet_location(sheet: str, cell: str) -> str | None:
    """'Sheet name'!A1, or None for a name or reference a link must not carry."""
    if not sheet or len(sheet) > 255 or SHEET_FORBIDDEN.search(sheet):
        return None
    if not inside_grid(cell):
        return None
    return "'" + sheet.replace("'", "''") + "'!" + cell.replace("$", "")


def inside_grid(cell: str) -> bool:
    """Whether `cell` is an A1 reference inside Excel's 1,048,576 × 16,384 grid."""
    match = A1.fullmatch(cell or "")
    if not match:
        return False
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return column <= MAX_COLUMN and int(match.group(2)) <= MAX_ROW


@lru_cache(maxsize=4096)  # once per file of a batch, not once per row
def relative_path(path: str, base: str) -> str | None:
    """`path` from the folder `base`, as an escaped relative URL path ('../a/RKT%20x.xlsx'),
    or None when it cannot be one."""
    try:
        relative = os.path.relpath(Path(path).resolve(), Path(base).resolve())
    except ValueError:  # another drive on Windows
        return None
    if os.path.isabs(relative):
        return None
    parts = relative.split(os.sep)
    if os.altsep:
        parts = [p for part in parts for p in part.split(os.altsep)]
    if any(COMPONENT_FORBIDDEN.search(part) for part in parts):
        return None
    text = "/".join(_escaped(part) for part in parts)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name's bytes that are not UTF-8: no link
        return None
    return text


def _escaped(component: str) -> str:
    for plain, code in URL_ESCAPES:
        component = component.replace(plain, code)
    return component
