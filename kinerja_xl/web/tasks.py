"""What the pool's workers do for a request: check uploads (for the JSON, for the page), file
them into the inbox, check the inbox's folder, write the consolidated workbook. Each takes and
gives plain values (they cross a process boundary); none holds a rule or a word of its own.

The fork server imports this module once for every worker: the library's heavy parts (pandas
and pandera through the checks, openpyxl through the marked-up copy) load here, not per task."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..api import Inbox, check, consolidate, rules
from ..batch import Batch
from ..checking import validate as _validate  # noqa: F401 (loaded once, in the fork server)
from ..inbox import Refusal, Sender, Sent, refusal
from ..inbox.filing import in_order
from ..outputs import markup as _markup  # noqa: F401 (loaded once, in the fork server)
from ..reading.discover import discover, display_name
from .uploads import Parcel, received
from .views import FileView, file_views


@dataclass(frozen=True)
class Options:
    """What a task needs of the server's settings."""

    schemas: Path | None = None
    year: int | None = None
    province: str | None = None
    folder: Path | None = None


@dataclass
class Answer:
    status: int  # the HTTP status that says it
    data: Any  # the JSON, the page's views, or the refusal's message


_RULES: dict[str | None, Any] = {}  # a worker loads each rules folder once


def _rules(options: Options) -> Any:
    name = str(options.schemas) if options.schemas else None
    if name not in _RULES:
        _RULES[name] = rules(options.schemas)
    return _RULES[name]


_WARM: list[bool] = []


def warm() -> None:
    """Make a worker ready: the packaged rules loaded (with pandas and pandera) and a check of
    a blank template run once (the marked-up copy's openpyxl too), so its first real check
    costs what every later one does. Once per process (a forked worker inherits it)."""
    if _WARM:
        return
    _WARM.append(True)
    from ..api import template

    with tempfile.TemporaryDirectory(prefix="kinerja-web-warm-") as folder:
        path = template("rkt", Path(folder) / "RKT.xlsx", office="KPU Kota Surabaya", year=2024)
        check_pages([Parcel(path.name, path.read_bytes())], Options(), "id", Sender("lokal"))


def _checked(sent: list[Sent], options: Options) -> Batch:
    """The uploads checked, their reports in the order they were sent."""
    batch = check([s.path for s in sent], schemas=_rules(options), year=options.year, workers=1)
    batch.files = in_order(sent, batch.files)
    return batch


def _refused(refusals: list[Refusal], lang: str, status: int) -> Answer:
    return Answer(
        status,
        {
            "error": " ".join(r.message(lang) for r in refusals),
            "refused": [r.to_dict(lang) for r in refusals],
        },
    )


def _named_as_sent(batch: Batch, sent: list[Sent]) -> None:
    """The JSON names what the office uploaded, not where the server kept it a moment."""
    for report, upload in zip(batch.files, sent, strict=True):
        report.path = display_name(upload.name)


def check_json(parcels: list[Parcel], options: Options, lang: str, sender: Sender) -> Answer:
    """`POST /api/check`: the JSON of `check --format json`; 403 for another office's file."""
    with received(parcels) as sent:
        return _check_json(sent, options, lang, sender)


def _check_json(sent: list[Sent], options: Options, lang: str, sender: Sender) -> Answer:
    batch = _checked(sent, options)
    refusals = [
        r for s, rep in zip(sent, batch.files, strict=True) if (r := refusal(s, rep, sender, False))
    ]
    if refusals:
        return _refused(refusals, lang, 403)
    _named_as_sent(batch, sent)
    return Answer(200, batch.to_dict(lang))


def check_pages(parcels: list[Parcel], options: Options, lang: str, sender: Sender) -> Answer:
    """`POST /`: what the page shows of each file (its copy made here, with its real name)."""
    with received(parcels) as sent:
        return _check_pages(sent, options, lang, sender)


def _check_pages(sent: list[Sent], options: Options, lang: str, sender: Sender) -> Answer:
    batch = _checked(sent, options)
    refusals = [
        r for s, rep in zip(sent, batch.files, strict=True) if (r := refusal(s, rep, sender, False))
    ]
    if refusals:
        return Answer(403, " ".join(r.message(lang) for r in refusals))
    views: list[FileView] = file_views(batch, [s.name for s in sent], lang)
    return Answer(200, views)


def file_json(parcels: list[Parcel], options: Options, lang: str, sender: Sender) -> Answer:
    """`POST /api/kiriman` and the Kiriman page: file the uploads into the inbox, or refuse
    them all (another office's: 403; not a workbook: 415; a workbook that cannot be read: 422)."""
    with received(parcels) as sent:
        return _file_json(sent, options, lang, sender)


def _file_json(sent: list[Sent], options: Options, lang: str, sender: Sender) -> Answer:
    assert options.folder is not None
    batch = _checked(sent, options)
    filing = Inbox(options.folder).file(sent, batch.files, sender)
    if filing.refused:
        return _refused(filing.refused, lang, filing.status)
    _named_as_sent(batch, sent)
    data = batch.to_dict(lang)
    for entry, filed in zip(data["files"], filing.entries, strict=True):
        entry["saved_as"] = filed.saved_as
        entry["submission"] = filed.id
        entry["supersedes"] = filed.supersedes
    return Answer(200, data)


def folder_check(options: Options) -> Batch:
    """The inbox's workbooks checked, withdrawn submissions left out (their files stay)."""
    assert options.folder is not None
    found = discover([options.folder])
    withdrawn = {p.resolve() for p in Inbox(options.folder).withdrawn()}
    files = [p for p in found.files if p.resolve() not in withdrawn]
    if not files:
        return Batch(skipped=found.skipped)
    batch = check(files, schemas=_rules(options), year=options.year)
    batch.skipped = found.skipped
    return batch


def consolidated(batch: Batch, options: Options, lang: str, arrival: dict[str, Any]) -> Path:
    """The provincial workbook of the inbox, in a temporary folder (the caller removes it)."""
    folder = Path(tempfile.mkdtemp(prefix="kinerja-web-merge-"))
    out = folder / "Konsolidasi.xlsx"
    try:
        consolidate(
            batch, out, province=options.province, year=options.year, lang=lang, arrival=arrival
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return out
