"""Filing a submission into FOLDER: only a workbook that could be read, only an office's own
workbook under that office's key, under a safe name that never replaces another file, then
recorded in the ledger. Either every file of an upload is filed and recorded, or none is."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.issues import Issue
from ..model.records import FileReport
from ..outputs.workfolders import make_work_folder, remove_stale_work_folders, remove_work_folder
from ..outputs.write import TEMP_PREFIX, current_umask
from ..reading.discover import WORKBOOK_SUFFIXES, display_name
from ..words.messages import say
from .keys import same_office
from .ledger import Entry, Key, Ledger, NewSubmission

MAX_NAME = 120  # characters of a filed name's stem
UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
NOT_A_WORKBOOK = {"not-a-workbook", "empty"}  # 415; any other unreadable workbook: 422


@dataclass(frozen=True)
class Sent:
    """An uploaded file: the name it was sent under (shown, never used as a path) and where it
    lies meanwhile."""

    name: str
    path: Path


@dataclass(frozen=True)
class Sender:
    """Who files: an office's key, or the province (its token, or no key on this computer)."""

    by: str  # how the ledger names them: 'KPU Kota Surabaya #1', 'provinsi', 'lokal'
    key: Key | None = None

    @property
    def office(self) -> str | None:
        return self.key.office if self.key else None


@dataclass(frozen=True)
class Refusal:
    """Why one file of an upload cannot be filed; `status` is the HTTP status that says it."""

    file: str
    status: int  # 403 another office's, 415 not a workbook, 422 a workbook that cannot be read
    reason: str  # "other-office", "no-office", "not-a-workbook", "unreadable"
    fields: dict[str, Any] = field(default_factory=dict)
    why: Issue | None = None  # what the check said of a file it could not read

    def message(self, lang: str) -> str:
        fields = dict(self.fields)
        if self.why is not None:
            fields["why"] = self.why.message(lang)
        return say(f"refused-{self.reason}", lang, file=display_name(self.file), **fields)

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "file": display_name(self.file),
            "reason": self.reason,
            "message": self.message(lang),
        }


@dataclass
class Filing:
    entries: list[Entry] = field(default_factory=list)  # one per file, when filed
    refused: list[Refusal] = field(default_factory=list)  # every file's refusal, else none

    @property
    def status(self) -> int:
        return max((r.status for r in self.refused), default=200)


def refusal(sent: Sent, report: FileReport, sender: Sender, filing: bool) -> Refusal | None:
    """What stops `sent` (checked as `report`) from being filed (`filing`) or checked under the
    sender's key: never a workbook of another office under an office's key."""
    if not report.readable:
        if not filing:
            return None  # a check says what is wrong with it; only filing refuses it
        issue = next(iter(report.issues), None)
        if issue is None or issue.params.get("reason") in NOT_A_WORKBOOK:
            return Refusal(sent.name, 415, "not-a-workbook")
        return Refusal(sent.name, 422, "unreadable", why=issue)
    key = sender.key
    if key is None:
        return None
    if report.office and not same_office(key, report.office, report.office_code):
        return Refusal(
            sent.name, 403, "other-office", {"office": report.office, "yours": key.office}
        )
    if not report.office and filing:
        return Refusal(sent.name, 422, "no-office", {"yours": key.office})
    return None


def in_order(sent: list[Sent], reports: list[FileReport]) -> list[FileReport]:
    """The reports of a check of `sent`, in the order the files were sent (a check orders the
    files it is given by their paths)."""
    by_path = {str(report.path): report for report in reports}
    return [by_path[str(upload.path)] for upload in sent]


def file_submissions(
    folder: Path, ledger: Ledger, sent: list[Sent], reports: list[FileReport], sender: Sender
) -> Filing:
    """File every upload of one request (checked as `reports`), or none when one is refused."""
    reports = in_order(sent, reports)
    refused = [
        r for s, rep in zip(sent, reports, strict=True) if (r := refusal(s, rep, sender, True))
    ]
    if refused:
        return Filing(refused=refused)
    placed: list[Path] = []
    try:
        new = []
        for upload, report in zip(sent, reports, strict=True):
            target = file_into(folder, upload)
            placed.append(target)
            new.append(_submission(upload, report, target))
        entries = ledger.record(new, sender.key.id if sender.key else None, sender.by)
    except BaseException:
        for path in placed:  # made by this request a moment ago, and recorded nowhere
            path.unlink(missing_ok=True)
        raise
    return Filing(entries=entries)


def _submission(upload: Sent, report: FileReport, target: Path) -> NewSubmission:
    digest = hashlib.sha256()
    with open(target, "rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return NewSubmission(
        file=display_name(upload.name),
        saved_as=target.name,
        size=target.stat().st_size,
        sha256=digest.hexdigest(),
        office=report.office,
        office_code=report.office_code,
        document=report.document,
        year=report.year,
        state="fix" if report.errors else "ready",
        errors=report.errors,
        warnings=report.warnings,
    )


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


def file_into(folder: Path, upload: Sent) -> Path:
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
