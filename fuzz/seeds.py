"""The seed corpus, built from sample_workbooks/: every sample as it is (its parts and its name),
and each sample's first sheet written again as .ods, .xls and .xlsb (by the test corpus's own
writers: tests/corpus.py), so that every format starts from real office layouts.

    python -m fuzz.seeds fuzz/.work/corpus      # writes CORPUS/<target>/<n>
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape
from zipfile import is_zipfile

from fuzz.parts import encode, unpack

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_workbooks"
MAX_ROWS = 60  # a seed small enough to mutate quickly, large enough to hold whole tables


def samples() -> list[Path]:
    return sorted(
        p for p in SAMPLES.rglob("*") if p.suffix.lower() in (".xlsx", ".xls", ".ods", ".xlsb")
    )


def seeds(target: str) -> Iterator[bytes]:
    """The seed inputs of one target (fuzz/harness.py's TARGETS)."""
    for path in samples():
        data = path.read_bytes()
        suffix = path.suffix.lower()
        if target == "raw":
            yield encode({"@bytes": data}, path.name)
        elif target == "xls" and suffix == ".xls":
            yield encode({"@bytes": data}, path.name)
        elif target in ("xlsx", "ods") and suffix == f".{target}" and is_zipfile(path):
            yield encode(unpack(data), path.name)
    if target in ("ods", "xls", "xlsb"):
        for path in samples():
            if path.suffix.lower() == ".xlsx" and is_zipfile(path):
                rows = _first_sheet(path)
                if rows:
                    name = path.with_suffix(f".{target}").name
                    yield _written_as(target, rows, name)


def _first_sheet(path: Path) -> list[list[str | None]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = []
        for values in sheet.iter_rows(max_row=MAX_ROWS, max_col=12, values_only=True):
            rows.append([None if v is None else str(v) for v in values])
        return rows
    finally:
        book.close()


def _written_as(target: str, rows: list[list[str | None]], name: str) -> bytes:
    sys.path.insert(0, str(ROOT / "tests"))
    import corpus  # the test corpus's writers for .ods, .xls and hand-made .xlsb

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        if target == "ods":
            corpus.ods([[None if v is None else escape(v) for v in r] for r in rows])(path)
            return encode(unpack(path.read_bytes()), name)
        if target == "xls":
            corpus.xls(rows)(path)
            return encode({"@bytes": path.read_bytes()}, name)
        cells = {
            (r, c): value
            for r, values in enumerate(rows)
            for c, value in enumerate(values)
            if value is not None
        }
        corpus.xlsb(cells)(path)
        return encode(unpack(path.read_bytes()), name)


def write_seeds(folder: Path, target: str) -> int:
    """Write the target's seeds into `folder` (named by their digest); return how many."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for data in seeds(target):
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        count += 1
    return count


if __name__ == "__main__":
    from fuzz.harness import TARGETS

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "fuzz/.work/corpus")
    for name in TARGETS:
        print(name, write_seeds(out / name, name))
