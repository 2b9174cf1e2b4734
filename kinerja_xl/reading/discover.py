"""Files and folders in, sorted workbook paths out (and what was skipped, with the reason)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}
WORK_PREFIX = ".~kinerja-"  # kinerja-xl's own working files beside an output (write.py)


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason key)


# catalogue "skip-…"
SKIP_REASONS = (
    "lock-file",
    "apple-double",  # macOS's ._X.xlsx beside every file copied to a flash drive
    "no-workbook",
    "work-file",
    "other-document",
    "own-output",  # the provincial workbook being written again (api.consolidation_inputs)
    "parts-checked",  # a provincial workbook whose office files were checked as themselves
)
# what else an office sends beside (or instead of) its workbook: said, so that a plan sent only
# as a PDF is not silently missing; files the system makes (Thumbs.db, .DS_Store) stay unsaid
OTHER_DOCUMENTS = {".pdf", ".doc", ".docx", ".csv", ".txt", ".odt", ".jpg", ".jpeg", ".png"}
OTHER_DOCUMENTS |= {".zip", ".rar", ".7z"}


def discover(arguments: list[Path]) -> Discovery:
    """A file argument is taken as given (even with an odd extension: the reader sniffs its
    content); a folder means every .xlsx/.xlsm/.xls/.ods (and .xlsb) below it."""
    found = Discovery()
    for argument in arguments:
        if argument.is_dir():
            _walk(argument, found)
        else:
            found.files.append(argument)
    found.files = sorted(dict.fromkeys(found.files), key=lambda p: str(p))
    return found


def _walk(folder: Path, found: Discovery) -> None:
    before = len(found.files)
    for path in sorted(_below(folder)):
        relative = path.relative_to(folder).parts
        if any(part.startswith(WORK_PREFIX) for part in relative):
            if len(relative) == 1 or not relative[-2].startswith(WORK_PREFIX):
                found.skipped.append((path, "work-file"))
            continue
        if any(part.startswith(".") for part in relative[:-1]) or not path.is_file():
            continue
        if path.suffix.lower() not in WORKBOOK_SUFFIXES:
            if path.suffix.lower() in OTHER_DOCUMENTS:
                found.skipped.append((path, "other-document"))
            continue
        if path.name.startswith("~$"):
            found.skipped.append((path, "lock-file"))
            continue
        if path.name.startswith("._"):
            found.skipped.append((path, "apple-double"))
            continue
        found.files.append(path)
    if len(found.files) == before:
        found.skipped.append((folder, "no-workbook"))


def _below(folder: Path) -> list[Path]:
    """Every path below `folder`, walked with a list rather than recursion (a folder 1,100
    levels deep is no RecursionError), each folder once (a link back up is no loop). Hidden
    folders and kinerja-xl's working folders are listed but not entered: nothing in them is
    read."""
    found: list[Path] = []
    pending = [folder]
    seen: set[tuple[int, int]] = set()
    while pending:
        current = pending.pop()
        try:
            status = current.stat()
            if (status.st_dev, status.st_ino) in seen:
                continue
            seen.add((status.st_dev, status.st_ino))
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            found.append(path)
            try:
                is_folder = entry.is_dir()
            except OSError:
                continue
            if is_folder and not entry.name.startswith("."):
                pending.append(path)
    return found


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
