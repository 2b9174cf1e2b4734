"""The public surface of kinerja-xl: what the command line, the web page and an analyst's
notebook call. Everything else is a room of the pipeline behind it.

    import kinerja_xl as kx
    batch = kx.check(["kiriman/"])
    batch.exit_code, batch.files[0].office
    frames = batch.to_frames()                   # {"rkt": DataFrame, "iku": …, "anggaran": …}
    kx.consolidate(["kiriman/"], "Konsolidasi.xlsx", province="Kalimantan Selatan")

See docs/python-api.md.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch import Batch
from .outputs.write import OutputError

if TYPE_CHECKING:
    from .checking.rulebook import Rules, RulesLoading
    from .outputs.markup import CopyOutcome
    from .provincial.consolidation import Consolidation
    from .reading.discover import Discovery

PathLike = str | os.PathLike[str]


def __getattr__(name: str) -> Any:
    """`Inbox` (a province's inbox, its ledger, keys, filing) loads when first asked for: a
    check has no use for the ledger's SQLite."""
    if name == "Inbox":
        from .inbox import Inbox

        return Inbox
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Progress = Callable[[Path, int, int], None]  # (file, how many done, how many in all)


class InputIsOutput(Exception):
    """The output named is one of the inputs: nothing is written, nothing is read."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is one of the inputs")
        self.path = path


def rules(folder: PathLike | None = None) -> Rules:
    """The rules of a `schemas/` folder (the packaged one by default).

    >>> kx.rules().ranges["persen"]
    [0, 100]
    """
    from .checking.rulebook import load_rules

    return load_rules(Path(folder) if folder else None)


def inspect(path: PathLike, *, schemas: PathLike | None = None) -> Batch:
    """Read one workbook: its office, year, tables and every row, without the checks.
    `schemas`: a folder of rules and layout words (the packaged `schemas/` by default).

    >>> batch = kx.inspect("sample_workbooks/KPU Kabupaten Tapin - RKT 2024.xlsx")
    >>> [t.kind for t in batch.files[0].tables]
    ['rkt', 'rkt-sekretariat', 'anggaran']
    """
    from .checking.results import complete_records
    from .checking.rulebook import load_units
    from .pipeline import inspect_file

    units = load_units(Path(schemas) if schemas else None)
    report = inspect_file(Path(path), vocabulary=units.vocabulary)
    complete_records([report], units)  # what the rules compute of each record, as check does
    return Batch(files=[report])


def check(
    paths: Sequence[PathLike] | PathLike | Discovery,
    *,
    schemas: PathLike | Rules | RulesLoading | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    year: int | None = None,
    each_file_once: bool = False,
) -> Batch:
    """Read and check workbooks, and every workbook in the folders given (or the workbooks a
    `Discovery` found: `consolidation_inputs`). `year`: the plan
    year whose column is the target of a five-year matrix (its first year otherwise).
    `each_file_once`: an office file that is among the inputs and also held by a provincial
    workbook among them is reported from its own file only (what `check` prints; a
    consolidation keeps both and sets the copy aside itself).

    >>> batch = kx.check(["sample_workbooks/"])
    >>> batch.exit_code                      # 0 clean, 1 errors, 2 a file unreadable
    2
    """
    from .reading.discover import Discovery, discover

    found = paths if isinstance(paths, Discovery) else discover(_paths(paths))
    batch = _check_found(found, schemas, progress, workers, year)
    return _parts_once(batch) if each_file_once else batch


def _parts_once(batch: Batch) -> Batch:
    """A provincial workbook of ours stands for the office files it holds, but an office file
    that is itself among the files checked (`consolidate DIR -o DIR/K.xlsx`, then `check DIR`)
    is checked from its own file, once: its part is left out, and a workbook left with no part
    is said as skipped."""
    direct = {_file_key(r.path) for r in batch.files if r.via is None}
    kept = [r for r in batch.files if r.via is None or _file_key(r.path) not in direct]
    if len(kept) == len(batch.files):
        return batch
    holding = {r.via for r in kept if r.via is not None}
    emptied = dict.fromkeys(r.via for r in batch.files if r.via and r.via not in holding)
    batch.files = kept
    batch.skipped += [(Path(via), "parts-checked") for via in emptied if via]
    return batch


def _file_key(path: str) -> tuple[int, int] | str:
    try:
        status = os.stat(path)
    except OSError:
        return os.path.abspath(path)
    return status.st_dev, status.st_ino


def _check_found(
    found: Discovery,
    schemas: PathLike | Rules | RulesLoading | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    year: int | None = None,
) -> Batch:
    from .checking.rulebook import Rules as RulesType
    from .checking.rulebook import RulesLoading
    from .pipeline import check_files

    chosen = (
        schemas
        if isinstance(schemas, RulesType | RulesLoading)
        else RulesLoading(Path(schemas) if schemas else None)  # loads while the files are read
    )
    reports = check_files(found.files, chosen, progress, workers=workers, year=year)
    rules = chosen.result() if isinstance(chosen, RulesLoading) else chosen
    return Batch(files=reports, skipped=found.skipped, severities=rules.severities)


@dataclass
class Consolidated:
    """What `kx.consolidate()` wrote, and what it read."""

    path: Path
    batch: Batch
    result: Consolidation
    written: dict[str, int] = field(default_factory=dict)  # sheet -> data rows

    @property
    def exit_code(self) -> int:
        return self.batch.exit_code

    def counts(self) -> dict[str, dict[str, int]]:
        """Per kind of row: read, written, set aside (duplicates); read = written + set aside."""
        return self.result.counts()


def consolidate(
    paths: Sequence[PathLike] | PathLike | Batch,
    output: PathLike,
    *,
    province: str | None = None,
    year: int | None = None,
    keep_all: bool = False,
    lang: str = "id",
    schemas: PathLike | Rules | None = None,
    progress: Progress | None = None,
    made: date | None = None,
    arrival: Mapping[str, Any] | None = None,
) -> Consolidated:
    """Check the workbooks (or take a checked `Batch`) and write the provincial workbook.

    Raises `OutputError` (the output cannot be written) or `InputIsOutput`, before reading;
    `UnknownProvince` for a province that is none of the 38. `arrival`: when each file (by its
    path) came into an inbox; where it is given, the order of arrival decides which of an
    office's copies is the latest (`Inbox.arrival`).

    >>> merged = kx.consolidate(["sample_workbooks/"], "out/Konsolidasi.xlsx",
    ...                         province="Kalimantan Selatan", year=2024)
    >>> indicators = merged.counts()["indikator"]   # every indicator read is written or set aside
    >>> indicators["read"] == indicators["written"] + indicators["set_aside"] > 0
    True
    """
    from .checking.rulebook import Rules as RulesType
    from .knowledge.registry import load_registry
    from .outputs.write import check_output
    from .provincial.consolidation import consolidate as build
    from .provincial.workbook import write_consolidated

    target = Path(output)
    check_output(target)
    if isinstance(paths, Batch):
        batch = paths
    else:
        found = consolidation_inputs(paths, target)
        batch = _check_found(found, schemas, progress, year=year)
    if not any(report.readable for report in batch.files):
        raise OutputError("nothing-readable", target)
    folder = schemas.folder if isinstance(schemas, RulesType) else schemas  # Rules know theirs
    registry = load_registry(Path(folder) if folder is not None else None)
    result = build(
        batch.files, province, year, keep_all, registry, arrival, severities=batch.severities
    )
    written = write_consolidated(result, target, lang, made)
    return Consolidated(target, batch, result, written)


def consolidation_inputs(paths: Sequence[PathLike] | PathLike, output: PathLike) -> Discovery:
    """The workbooks `consolidate` reads for `output`: raises `InputIsOutput` when the output
    is an office's file among them; our own provincial workbook of an earlier run (known by its
    mark, outputs/own.py) is not read but replaced, and said as skipped."""
    from .outputs.own import CONSOLIDATED, path_kind
    from .outputs.write import is_same_file, output_among_inputs
    from .reading.discover import discover

    target = Path(output)
    found = discover([Path(p) for p in _as_list(paths)])
    if output_among_inputs(target, found.files):
        if path_kind(target) != CONSOLIDATED:  # an office's file is never written over
            raise InputIsOutput(target)
        found.files = [p for p in found.files if not is_same_file(p, target)]
        found.skipped.append((target, "own-output"))
    return found


def template(
    kind: str,
    output: PathLike,
    *,
    office: str | None = None,
    year: int | None = None,
    lang: str = "id",
) -> Path:
    """Write a blank workbook (kind 'rkt', 'iku' or 'anggaran') that guides an office.

    >>> kx.template("rkt", "out/RKT 2025.xlsx", office="KPU Kota Surabaya", year=2025).name
    'RKT 2025.xlsx'
    """
    from .outputs.templates import write_template

    return write_template(kind, Path(output), office, year, lang)


def annotate(batch: Batch, folder: PathLike, *, lang: str = "id") -> list[CopyOutcome]:
    """A marked-up copy of every readable workbook of `batch` in `folder`.

    >>> outcomes = kx.annotate(kx.check(["sample_workbooks/faulty/"]), "out/diperiksa")
    >>> sorted(o.target.name for o in outcomes if o.result)
    ['KPU Kabupaten Balangan - RKT 2024 (diperiksa).xlsx', ...]
    """
    from .outputs.markup import write_copies

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    return write_copies(batch.files, target, lang)


def _paths(paths: Sequence[PathLike] | PathLike) -> list[Path]:
    return [Path(p) for p in _as_list(paths)]


def _as_list(paths: Sequence[PathLike] | PathLike) -> list[Any]:
    return [paths] if isinstance(paths, str | os.PathLike) else list(paths)
