"""Uploads: read from the request in the server, handed to a check worker as bytes (a parcel),
and kept there a moment in a private temporary folder of the worker's own — nothing an office
checks is kept after its answer. Each file keeps the name it was sent under (in a folder of its
own), so that a check, a marked-up copy and a message name the office's file, never a name the
server made up."""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..inbox import Sent, safe_name

UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
MAX_NAME = 150
WORK_PREFIX = "kinerja-web-"  # + the worker's pid: what a worker that was stopped leaves


@dataclass(frozen=True)
class Parcel:
    name: str  # as sent (shown, never used as a path)
    data: bytes


async def parcels(files: list[Any]) -> list[Parcel]:
    """The uploaded files' names and bytes (Starlette spooled them; no file of ours yet)."""
    return [Parcel(upload.filename or "", await upload.read()) for upload in files]


def kept_name(uploaded: str) -> str:
    """The name an upload is kept under for its check: its last part, without separators or
    control characters; its suffix as sent (the reader goes by content, never by suffix)."""
    name = unicodedata.normalize("NFC", uploaded or "").replace("\\", "/").split("/")[-1]
    name = UNSAFE.sub("_", name).strip(" .")
    return name[-MAX_NAME:] or safe_name(uploaded)


@contextmanager
def received(sent: list[Parcel]) -> Iterator[list[Sent]]:
    """The parcels as files in a private temporary folder (of this worker), removed on leaving."""
    folder = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-"))
    try:
        uploads = []
        for index, parcel in enumerate(sent):
            own = folder / f"{index:03d}"
            own.mkdir()
            target = own / kept_name(parcel.name)
            target.write_bytes(parcel.data)
            uploads.append(Sent(parcel.name or target.name, target))
        yield uploads
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def left_by(pid: int) -> None:
    """What a worker stopped mid-check left in the temporary folder (its pid names it)."""
    for leftover in Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}{pid}-*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def weight(sent: list[Parcel]) -> int:
    """What the uploads weigh for a check: a workbook's cells inflated (from its zip directory,
    which costs nothing to read: a 20,000-row plan is 0.4 MB sent and 5 MB of cells), else its
    size. It decides whether a check is a large one."""
    total = 0
    for parcel in sent:
        size = len(parcel.data)
        try:
            with zipfile.ZipFile(io.BytesIO(parcel.data)) as archive:
                size = max(size, sum(info.file_size for info in archive.infolist()))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            pass  # not a zip (.xls, or not a workbook at all): its size
        total += size
    return total
