"""What a marked-up copy carries over from the office's workbook, and what it does not.

openpyxl (which edits the copy) keeps cells, styles, merges, comments, pictures (with Pillow),
charts, plain data validations and conditional formats, but drops shapes and text boxes,
header/footer pictures, macros, extension-list validations and formats (Excel 2010+),
sparklines, slicers, form controls and embedded objects. Rather than trust a list, both files
are counted after the copy is written and every difference is said in the copy itself.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections import Counter
from pathlib import Path

# what a person would miss -> how to count it in a package (part-name prefix, or an element
# in a part whose name matches)
PART_COUNTS: dict[str, str] = {
    "macros": r"xl/vbaProject\.bin$",
    "external-links": r"xl/externalLinks/externalLink\d+\.xml$",
    "pivot-tables": r"xl/pivotTables/pivotTable\d+\.xml$",
    "slicers": r"xl/(slicers|timelines)/",
    "controls": r"xl/(activeX|ctrlProps)/",
    "embedded": r"xl/embeddings/",
}
ELEMENT_COUNTS: dict[str, tuple[str, bytes]] = {
    "pictures": (r"xl/drawings/drawing\d+\.xml$", rb"<(?:\w+:)?pic[\s>]"),
    "charts": (r"xl/drawings/drawing\d+\.xml$", rb"<(?:\w+:)?chart[\s>/]"),
    "shapes": (r"xl/drawings/drawing\d+\.xml$", rb"<(?:\w+:)?sp[\s>]"),
    "header-pictures": (r"xl/worksheets/sheet\d+\.xml$", rb"<(?:\w+:)?legacyDrawingHF[\s/>]"),
    "validations": (r"xl/worksheets/sheet\d+\.xml$", rb"<(?:\w+:)?dataValidation[\s>]"),
    "conditional-formats": (
        r"xl/worksheets/sheet\d+\.xml$",
        rb"<(?:\w+:)?conditionalFormatting[\s>]",
    ),
    "sparklines": (r"xl/worksheets/sheet\d+\.xml$", rb"<(?:\w+:)?sparklineGroup[\s>]"),
}
MAX_PART = 50 * 1024 * 1024  # a part bigger than this is not counted (it was read already)


def inventory(path: str | Path) -> Counter[str]:
    """How many of each thing a person would miss the package holds."""
    found: Counter[str] = Counter()
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        return found
    with archive:
        for info in archive.infolist():
            name = info.filename
            for kind, pattern in PART_COUNTS.items():
                if re.search(pattern, name):
                    found[kind] += 1
            wanted = [(k, e) for k, (p, e) in ELEMENT_COUNTS.items() if re.search(p, name)]
            if wanted and info.file_size <= MAX_PART:
                data = _part(archive, name)
                for kind, element in wanted:
                    found[kind] += len(re.findall(element, data))
    return found


def _part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A part's bytes; none where the package lies about it (a directory entry whose local
    header names another part, a damaged stream: found by fuzzing), which the reader has
    already said or read around."""
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, OSError, NotImplementedError, RuntimeError, EOFError):
        return b""


def not_carried(original: str | Path, copy: str | Path) -> Counter[str]:
    """What the original holds that the copy lost, by kind and count."""
    before, after = inventory(original), inventory(copy)
    return Counter({kind: n - after[kind] for kind, n in before.items() if n > after[kind]})
