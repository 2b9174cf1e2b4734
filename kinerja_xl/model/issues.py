"""Problems in the data are values: an `Issue` names its code, severity, sheet and cell.

The set of codes is closed: `CODES` is the registry (code -> default severity), and every code
has an Indonesian and an English message template in `messages.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

# code -> default severity. The contract's codes keep their meaning; new ones are additions.
CODES: dict[str, Severity] = {
    "file-unreadable": "error",
    "table-not-found": "error",
    "target-missing": "error",
    "target-unparseable": "error",
    "target-out-of-range": "error",
    "target-invalid-category": "error",
    "target-unit-mismatch": "error",  # or "warning" when the kind merely fits badly
    "indicator-missing": "error",
    "duplicate-indicator": "warning",
    "budget-unparseable": "error",
    "budget-negative": "error",
    "budget-total-mismatch": "error",
    "iku-field-missing": "error",
    "program-code-invalid": "error",
    "formula-no-value": "error",
    "budget-program-unmatched": "warning",
    "table-empty": "warning",
    "duplicate-submission": "warning",
    "hidden-content": "warning",
    # additions to the contract
    "row-unplaced": "warning",
    "external-link": "warning",
    "sheet-unreadable": "error",
    "generated-file": "warning",
    "rule-failed": "error",  # a check written in schemas/*.yaml with no dedicated code
    # the SAKIP cycle: a report's results, and one office's documents in agreement
    "realisasi-missing": "error",
    "realisasi-unparseable": "error",
    "realisasi-out-of-range": "error",
    "realisasi-invalid-category": "error",
    "capaian-mismatch": "warning",
    "target-inconsistent": "warning",
    # whose workbook: no KPU office of the registry (schemas/offices.yaml) is named
    "office-unknown": "warning",
}


@dataclass(frozen=True)
class Issue:
    code: str
    sheet: str | None = None
    cell: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    severity: Severity = "error"

    @classmethod
    def make(
        cls,
        code: str,
        sheet: str | None = None,
        cell: str | None = None,
        value: Any = None,
        severity: Severity | None = None,
        **params: Any,
    ) -> Issue:
        if code not in CODES:
            raise KeyError(f"unknown issue code {code!r}: add it to issues.CODES first")
        text = None if value is None else str(value)
        return cls(code, sheet, cell, text, params, severity or CODES[code])

    def message(self, lang: str = "id") -> str:
        from ..words.messages import render

        return render(self, lang)

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "sheet": self.sheet,
            "cell": self.cell,
            "value": self.value,
            "message": self.message(lang),
        }


def count(issues: list[Issue], severity: Severity) -> int:
    return sum(1 for issue in issues if issue.severity == severity)


def order_issues(issues: list[Issue], sheets: list[str]) -> list[Issue]:
    """Workbook-level issues first, then by sheet (in the order given: the workbook's), row and
    column; each issue once. The one ordering every report and output uses."""
    from ..reading.grid import parse_a1

    sheet_order = {name: i for i, name in reversed(list(enumerate(sheets)))}

    def key(issue: Issue) -> tuple[int, int, int, str]:
        try:
            row, col = parse_a1(issue.cell or "")
        except ValueError:
            row, col = 0, 0
        sheet = -1 if issue.sheet is None else sheet_order.get(issue.sheet, len(sheet_order))
        return sheet, row, col, issue.code

    return sorted(dict.fromkeys(issues), key=key)
