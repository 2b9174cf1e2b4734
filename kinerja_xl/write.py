"""Safe output: atomic writes, and office text that stays text.

Every output is written to a temporary file beside the target, closed, checked to be a
readable zip, and only then renamed over the target, so that a failure or an interruption
leaves the previous output (or nothing) — never half a workbook.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputError(Exception):
    """The output cannot be written; `reason` is a key for messages, `path` the target."""

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path} {detail}".strip())
        self.reason, self.path, self.detail = reason, path, detail


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target`, on failure it goes."""
    target = Path(target)
    if not target.parent.is_dir():
        raise OutputError("folder-missing", target)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=".~kinerja-", suffix=target.suffix, dir=target.parent
        )
    except OSError as exc:
        raise OutputError("not-writable", target, exc.strerror or "") from exc
    os.close(handle)
    temp_path = Path(temporary)
    try:
        yield temp_path
        _verify_workbook(temp_path)
        os.replace(temp_path, target)
    except PermissionError as exc:
        raise OutputError("locked", target, exc.strerror or "") from exc
    finally:
        if temp_path.exists():
            temp_path.unlink()


def _verify_workbook(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None or "xl/workbook.xml" not in archive.namelist():
            raise OutputError("verify-failed", path, bad or "")


def is_same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")

# Excel's own escapes for characters an XML file cannot hold: "\x01" is stored as "_x0001_", and a
# typed "_x0001_" as "_x005F_x0001_" so that it reads back as typed.
EXCEL_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def excel_escaped(text: str) -> str:
    """Text as Excel stores it in the file: control characters (which an office's cell may hold,
    and which openpyxl refuses outright) as _xHHHH_; Excel shows them as they were."""
    if "_x" not in text and not CONTROL_CHARACTER.search(text):
        return text
    text = EXCEL_ESCAPE.sub(r"_x005F\1", text)
    return CONTROL_CHARACTER.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def needs_quote_prefix(text: str) -> bool:
    """Text that Excel would turn live if someone edited the cell: keep it visibly text."""
    return text.startswith(RISKY_START)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def display_name(text: str) -> str:
    """Text any writer and any JSON reader accepts: a file name's bytes that are not UTF-8
    (which Python keeps as lone surrogates) and lone surrogates of any other origin become '�'."""
    if not LONE_SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub("\ufffd", text)
