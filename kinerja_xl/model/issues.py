"""Problems in the data are values: an `Issue` names its code, severity, sheet and cell.

Every issue code is declared once, next to the check that raises it (as frictionless declares
each error once): `declare(...)` gives its severity, the fields its messages name, its message
in Bahasa Indonesia and English, its short label, and the checks that raise it. `CODES` is the
registry those declarations fill; the catalogue's tables, the README's code table and the
reference page are read from it. docs/architecture.md ("Adding an issue code") says how.
"""

from __future__ import annotations

import string
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ..reading.caching import text_cache

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")


@dataclass(frozen=True)
class IssueCode:
    """One issue code, all it is: made by `declare`, read by everything else."""

    code: str
    severity: Severity  # the default: the rules' `severities:` may change it, or turn it off
    id: str  # the message in Bahasa Indonesia, a str.format template of `fields`
    en: str  # the same in English
    short_id: str  # a short label ("target di luar rentang"), for a status column
    short_en: str
    when: str  # when it is raised, in a line (the README's code table)
    raised_by: tuple[str, ...]  # the checks that raise it: names in schemas/*.yaml, or functions
    module: str  # where it is declared, next to those checks
    fields: tuple[str, ...] = ()  # the placeholders both templates use (read from them)
    line: int = field(default=0, compare=False, repr=False)  # of the declaration, in its module

    def template(self, lang: str) -> str:
        return self.en if lang == "en" else self.id

    def short(self, lang: str) -> str:
        return self.short_en if lang == "en" else self.short_id


class Registry(Mapping[str, IssueCode]):
    """code -> its declaration. A code is registered when the module declaring it is imported;
    the whole list is there once `complete()` has imported every declaring module (the package
    names them: kinerja_xl/__init__.py), which a lookup of an unknown code does first."""

    def __init__(self) -> None:
        self._codes: dict[str, IssueCode] = {}
        self.completers: list[Callable[[], None]] = []  # each imports some declaring modules
        self._complete = False
        self._completing = threading.RLock()  # a second thread waits; a module being imported
        self._within = False  # by the completion itself (same thread) does not start it again

    def complete(self) -> Registry:
        if self._complete or not self.completers:
            return self
        with self._completing:
            if not self._complete and not self._within:
                self._within = True
                try:
                    for completer in self.completers:
                        completer()
                    self._complete = True
                finally:
                    self._within = False
        return self

    def add(self, declared: IssueCode) -> None:
        known = self._codes.get(declared.code)
        if known is not None and known.module != declared.module:
            raise ValueError(
                f"issue code {declared.code!r} is declared twice: in {known.module} and "
                f"{declared.module}"
            )
        self._codes[declared.code] = declared

    def __getitem__(self, code: str) -> IssueCode:
        found = self._codes.get(code)
        if found is None:
            found = self.complete()._codes[code]
        return found

    def __contains__(self, code: object) -> bool:
        return code in self._codes or code in self.complete()._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self.complete()._codes)

    def __len__(self) -> int:
        return len(self.complete()._codes)


CODES = Registry()


def placeholders(template: str) -> tuple[str, ...]:
    """The {fields} a template names, sorted."""
    return tuple(sorted({name for _, name, _, _ in string.Formatter().parse(template) if name}))


def declare(
    code: str,
    severity: Severity,
    *,
    when: str,
    raised_by: str | tuple[str, ...],
    id: str,  # noqa: A002  (the catalogue's name for the language)
    en: str,
    short_id: str,
    short_en: str,
) -> IssueCode:
    """Declare an issue code, next to the check that raises it; returns its declaration (a
    constant the check may raise by). Both templates must name the same fields."""
    fields = placeholders(id)
    if placeholders(en) != fields:
        raise ValueError(f"{code}: the id and en templates name different fields")
    if severity not in SEVERITIES:
        raise ValueError(f"{code}: severity {severity!r} is not one of {SEVERITIES}")
    caller = sys._getframe(1)
    module = caller.f_globals.get("__name__", "?")
    declared = IssueCode(
        code=code,
        severity=severity,
        id=id,
        en=en,
        short_id=short_id,
        short_en=short_en,
        when=when,
        raised_by=(raised_by,) if isinstance(raised_by, str) else tuple(raised_by),
        module=module,
        fields=fields,
        line=caller.f_lineno,
    )
    CODES.add(declared)
    return declared


@dataclass(frozen=True)
class Issue:
    """One problem found, where it is: its `code` (declared with its messages, `declaration`),
    `severity`, `sheet` and `cell` (None for the workbook's own), the `value` found there,
    and the `params` its messages are filled with (`message(lang)`)."""

    code: str
    sheet: str | None = None
    cell: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    severity: Severity = "error"
    # the rule of schemas/*.yaml that raised it (a check's name), None for any other: two rules
    # failing at one cell are two issues; one rule failing at one cell (a program code shared
    # by the rows under it) is one
    check: str | None = None

    @classmethod
    def make(
        cls,
        code: str | IssueCode,
        sheet: str | None = None,
        cell: str | None = None,
        value: Any = None,
        severity: Severity | None = None,
        **params: Any,
    ) -> Issue:
        """The issue of `code`; `params` fill its messages (a `check` param is the rule that
        raised it)."""
        declared = code if isinstance(code, IssueCode) else _declared(code)
        text = shown_value(value)
        severity = severity or declared.severity
        return cls(declared.code, sheet, cell, text, params, severity, params.get("check"))

    @property
    def declaration(self) -> IssueCode:
        return CODES[self.code]

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


LONGEST_VALUE = 1_000  # letters of an office's value an issue repeats (the cell holds it all)


def shown_value(value: Any) -> str | None:
    """The office's value as an issue repeats it: whole up to `LONGEST_VALUE` letters, else its
    start and '…'. A 30,000-letter indicator flagged in 30,000 rows was otherwise repeated
    whole in every JSON document and Masalah row (900 MB of one text)."""
    if value is None:
        return None
    text = value if type(value) is str else str(value)
    return text if len(text) <= LONGEST_VALUE else _shortened(text)


@text_cache(maxsize=1)  # only long texts come here: kept apart, each shortened once
def _shortened(text: str) -> str:
    return text[:LONGEST_VALUE] + "…"


def _declared(code: str) -> IssueCode:
    try:
        return CODES[code]
    except KeyError:
        raise KeyError(
            f"unknown issue code {code!r}: declare it next to its check (model.issues.declare)"
        ) from None


def short(code: str, lang: str = "id") -> str:
    """The code's short label in `lang` ("target di luar rentang"); the code itself if unknown."""
    declared = CODES.get(code)
    return declared.short(lang) if declared else code


SeverityRule = Literal["error", "warning", "off"]


@dataclass(frozen=True)
class Severities:
    """What a province's rules say of severities (`severities:` in schemas/*.yaml): by a
    check's name in one schema, by an issue code everywhere; `off` drops the issue. pandera's
    `raise_warning: true` on a check makes its failures warnings. The most particular wins: the
    check's own severity, then the code's, then raise_warning, then the code's default."""

    by_code: Mapping[str, SeverityRule] = field(default_factory=dict)
    by_check: Mapping[tuple[str, str], SeverityRule] = field(default_factory=dict)
    warned: frozenset[tuple[str, str, str | None]] = frozenset()  # (frame, check, column)

    def judge(
        self,
        issue: Issue,
        frame: str | None = None,
        check: str | None = None,
        column: str | None = None,
    ) -> Issue | None:
        """`issue` with the severity the rules give it, or None when they turn it off."""
        said = self.by_check.get((frame or "", check or "")) if check else None
        said = said or self.by_code.get(issue.code)
        if said is None and (frame or "", check or "", column) in self.warned:
            said = "warning"
        if said is None or said == issue.severity:
            return issue
        if said == "off":
            return None
        return replace(issue, severity=said)

    def judged(self, issues: list[Issue]) -> list[Issue]:
        """Issues raised outside the schemas' checks (a checked row carries its `check` and
        was judged by it already), each with the severity its code is given."""
        if not self.by_code:
            return issues
        kept = (i if i.check else self.judge(i) for i in issues)
        return [i for i in kept if i is not None]


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
