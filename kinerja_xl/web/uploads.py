"""Uploads: received into a private temporary folder (nothing an office checks is kept after
its answer), and filed into the province's FOLDER under a safe name, atomically, never over
another file."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..outputs.workfolders import make_work_folder, remove_stale_work_folders, remove_work_folder
from ..outputs.write import TEMP_PREFIX, current_umask
from ..reading.discover import WORKBOOK_SUFFIXES

MAX_NAME = 120  # characters of a filed name's stem
UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


@dataclass
class Upload:
    name: str  # the name the office gave it (shown, never used as a path)
    path: Path  # where it lies in the private temporary folder


def safe_name(uploaded: str) -> str:
    """'../../etc/RKT 2024.xlsx' -> 'RKT 2024.xlsx': the last part of the name only, without
    control characters, separators or a leading dot, never empty, with a workbook's suffix."""
    name = unicodedata.normalize("NFC", uploaded or "").replace("\\", "/").split("/")[-1]
    name = UNSAFE.sub("_", name).strip(" .")
    stem, suffix = os.path.splitext(name)
    if suffix.lower() not in WORKBOOK_SUFFIXES:
        stem, suffix = name, ".xlsx"
    stem = stem.strip(" .")[:MAX_NAME] or "kiriman"
    if stem.startswith(("~$", TEMP_PREFIX)):
        stem = "_" + stem.lstrip("~$.")
    return f"{stem}{suffix.lower()}"


@contextmanager
def received(files: list[Any]) -> Iterator[list[Upload]]:
    """The uploaded files copied into a private temporary folder, removed on leaving."""
    folder = Path(tempfile.mkdtemp(prefix="kinerja-web-"))
    try:
        uploads = []
        for index, upload in enumerate(files):
            target = folder / f"{index:03d}-{safe_name(upload.filename)}"
            upload.file.seek(0)
            with open(target, "wb") as out:
                shutil.copyfileobj(upload.file, out, 1024 * 1024)
            uploads.append(Upload(upload.filename or target.name, target))
        yield uploads
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def file_into(folder: Path, upload: Upload) -> Path:
    """Copy an upload into FOLDER under its safe name, or 'name (2).xlsx' … when the name is
    taken: written in a hidden working folder first, then linked into place, which fails
    rather than replace a file another request has just filed (no partial file, ever)."""
    remove_stale_work_folders(folder)
    work = make_work_folder(folder)
    try:
        staged = work / "upload"
        shutil.copyfile(upload.path, staged)
        os.chmod(staged, 0o666 & ~current_umask())
        stem, suffix = os.path.splitext(safe_name(upload.name))
        for number in range(1, 10_000):
            target = folder / (f"{stem}{suffix}" if number == 1 else f"{stem} ({number}){suffix}")
            try:
                _place(staged, target)
            except FileExistsError:
                continue
            return target
        raise FileExistsError(f"no free name for {upload.name} in {folder}")
    finally:
        remove_work_folder(work)


def _place(staged: Path, target: Path) -> None:
    """Put `staged` at `target` unless `target` exists (FileExistsError). A hard link does it
    in one step; where the file system has none (FAT flash drives), an exclusive create and
    a copy, the same guarantee against replacing a file."""
    try:
        os.link(staged, target)
    except FileExistsError:
        raise
    except OSError:
        with open(target, "xb") as out, open(staged, "rb") as source:
            shutil.copyfileobj(source, out, 1024 * 1024)
