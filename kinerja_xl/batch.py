"""A checked batch of workbooks: the reports, what was skipped, the exit code, and the same
content as JSON (the contract's) or as pandas DataFrames (for analysts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model.issues import Severities
from .model.records import FileReport, exit_code
from .words.messages import say

if TYPE_CHECKING:
    import pandas as pd

    from .outputs.frames import Frames


@dataclass
class Batch:
    """What `kx.check()` and `kx.inspect()` give: one `FileReport` per workbook, in order."""

    files: list[FileReport] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason key)
    # what the rules' `severities:` said (a consolidation judges the issues it adds by them)
    severities: Severities = field(default_factory=Severities, repr=False)

    @property
    def exit_code(self) -> int:
        """0 clean (warnings allowed), 1 a validation error, 2 a file could not be read."""
        return exit_code(self.files) if self.files else 2

    @property
    def errors(self) -> int:
        return sum(f.errors for f in self.files)

    @property
    def warnings(self) -> int:
        return sum(f.warnings for f in self.files)

    def to_dict(self, lang: str = "id", records: bool = False) -> dict[str, Any]:
        """The JSON of `check --format json` (with `records=True`, of `inspect`)."""
        data: dict[str, Any] = {"files": [f.to_dict(lang, records) for f in self.files]}
        if self.skipped:
            data["skipped"] = [
                {"path": str(p), "reason": r, "message": say(f"skip-{r}", lang)}
                for p, r in self.skipped
            ]
        return data

    def to_frames(self) -> Frames:
        """{"rkt": DataFrame, "iku": …, "anggaran": …}: one row per record, with provenance
        (docs/python-api.md lists the columns).

        >>> frames = kx.check(["sample_workbooks/KPU Kota Banjarmasin - RKT 2024.xlsx"]).to_frames()
        >>> sorted(frames), len(frames["anggaran"])
        (['anggaran', 'iku', 'rkt'], 9)
        """
        from .outputs.frames import to_frames

        return to_frames(self.files)

    def issues_frame(self, lang: str = "id") -> pd.DataFrame:
        """One row per issue: its file, office and office code, sheet, cell, row, the kind and
        document of its table, severity, code, value and message (in `lang`).

        >>> issues = kx.check(["sample_workbooks/faulty/"]).issues_frame()
        >>> issues[issues["code"] == "budget-negative"][["cell", "row", "kind"]].values.tolist()
        [['C4', 4, 'anggaran']]
        """
        from .outputs.frames import issues_frame

        return issues_frame(self.files, lang)
