"""Safe output: atomic writes, and office text that stays text.

Every output is written to a temporary file in a hidden working folder beside the target,
closed, checked to be a readable zip, given the permissions a normal file gets, and only then
renamed over the target, so that a failure or an interruption leaves the previous output (or
nothing) — never half a workbook, and never a leftover that a later run reads as an input.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .workfolders import (  # noqa: F401 (remove_stale_work_folders: the web's uploads use it)
    PREFIX,
    make_work_folder,
    remove_stale_work_folders,
    remove_work_folder,
)


class OutputError(Exception):
    """The output cannot be written; `reason` is a key for messages, `path` the target."""

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path} {detail}".strip())
        self.reason, self.path, self.detail = reason, path, detail


TEMP_PREFIX = PREFIX  # our working folders beside an output; never read as inputs


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target`, on failure it goes.

    The temporary file lives in a hidden working folder beside the target (where xlsxwriter
    also keeps its own temporary files: `work_folder`), which is removed whatever happens —
    and, should the process be killed outright, by the next run in that folder."""
    target = Path(target)
    check_output(target)
    remove_stale_work_folders(target.parent)
    try:
        work = make_work_folder(target.parent)
    except OSError as exc:
        raise OutputError(_reason(exc, "not-writable"), target, exc.strerror or "") from exc
    try:
        temp_path = work / ("output" + target.suffix)
        yield temp_path
        _verify_workbook(temp_path)
        _set_mode(temp_path, target)
        os.replace(temp_path, target)
    except OutputError:
        raise
    except PermissionError as exc:
        raise OutputError("locked", target, exc.strerror or "") from exc
    except OSError as exc:
        raise OutputError(_reason(exc, "failed"), target, exc.strerror or str(exc)) from exc
    finally:
        remove_work_folder(work)


def check_output(target: Path) -> None:
    """Refuse, before any work is done, an output path that cannot be written: a name that is
    not an .xlsx workbook's (kinerja-xl writes nothing else), a folder, a name longer than the
    system allows, a folder that does not exist."""
    target = Path(target)
    try:
        if target.is_dir():
            raise OutputError("is-directory", target)
    except OSError as exc:  # a path longer than the system allows, a loop of links …
        raise OutputError(_reason(exc, "failed"), target, exc.strerror or str(exc)) from exc
    if target.suffix.lower() != ".xlsx":  # 'K.csv' would be an .xlsx that Excel refuses to open
        raise OutputError("not-xlsx", target, target.with_suffix(".xlsx").name)
    if len(os.fsencode(target.name)) > 255:
        raise OutputError("name-too-long", target)
    try:
        if not target.parent.is_dir():
            raise OutputError("folder-missing", target)
    except OSError as exc:  # a path longer than the system allows, a loop of links …
        raise OutputError(_reason(exc, "failed"), target, exc.strerror or str(exc)) from exc


def work_folder(temporary: str | Path) -> str:
    """Where a writer working on `temporary` should keep its own temporary files."""
    return str(Path(temporary).parent)


def _reason(exc: OSError, default: str) -> str:
    return {
        errno.ENOSPC: "disk-full",
        errno.EDQUOT: "disk-full",
        errno.ENAMETOOLONG: "name-too-long",
        errno.EISDIR: "is-directory",
        errno.EACCES: "not-writable",
        errno.EROFS: "not-writable",
    }.get(exc.errno or 0, default)


def _set_mode(temporary: Path, target: Path) -> None:
    """A replaced file keeps its permissions; a new one gets what the umask gives any new file
    (mkstemp and mkdtemp make owner-only files)."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~current_umask()
    os.chmod(temporary, mode)


def current_umask() -> int:
    """The process's umask, read without changing it where the system says (Linux), since a
    change would race with other threads (the web server) creating files."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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


def output_among_inputs(output: Path, inputs: Sequence[Path]) -> bool:
    """Whether writing `output` would overwrite one of `inputs`: the same file under this name,
    another spelling of it or a link to it. An output that does not exist yet is none of them
    (the inputs exist); otherwise the output's identity is read once, not once per input."""
    try:
        found = os.stat(output)
    except OSError:
        return False
    identity = (found.st_dev, found.st_ino)
    for path in inputs:
        try:
            other = os.stat(path)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == identity:
            return True
    return False


RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")

# Excel's own escapes for characters an XML file cannot hold: "\x01" is stored as "_x0001_", and a
# typed "_x0001_" as "_x005F_x0001_" so that it reads back as typed.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
# "_x0041_" typed by an office, or "_x0000" just before a control character (which becomes
# "_x001F_"): either would read back as an escape unless its underscore is escaped itself
EXCEL_ESCAPE = re.compile(f"(_x[0-9a-fA-F]{{4}}(?=_|{CONTROL_CHARACTER.pattern}))")


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
