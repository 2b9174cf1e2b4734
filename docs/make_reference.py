"""The parts of the docs that are written from the code, so that they cannot drift from it:
the README's table of issue codes, from each code's declaration (`model.issues.declare`).

    python docs/make_reference.py            # rewrite them
    python docs/make_reference.py --check    # exit 1 when one is out of date (the tests do this)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kinerja_xl  # noqa: E402
from kinerja_xl.model.issues import CODES, IssueCode  # noqa: E402

CODES_BEGIN = "<!-- issue codes: written by docs/make_reference.py from each code's declaration -->"
CODES_END = "<!-- end of issue codes -->"


def declared_codes() -> list[IssueCode]:
    """Every code, in the order of the pipeline: by the module declaring it, then its line."""
    modules = [f"kinerja_xl.{name}" for name in kinerja_xl.DECLARING_MODULES]
    return sorted(CODES.values(), key=lambda c: (modules.index(c.module), c.line))


def severities(declared: IssueCode) -> str:
    """The code's severity; 'error / warning' when one of its checks raises it as a warning."""
    from kinerja_xl.checking.checks import CHECK_ISSUES

    found = {declared.severity}
    found |= {sev for code, _cell, sev in CHECK_ISSUES.values() if code == declared.code and sev}
    return " / ".join(s for s in ("error", "warning") if s in found)


def code_table() -> str:
    rows = ["| code | severity | when |", "| --- | --- | --- |"]
    rows += [f"| `{c.code}` | {severities(c)} | {c.when} |" for c in declared_codes()]
    return "\n".join(rows)


def with_section(text: str, begin: str, end: str, body: str) -> str:
    head, rest = text.split(begin, 1)
    _old, tail = rest.split(end, 1)
    return f"{head}{begin}\n{body}\n{end}{tail}"


def pages() -> dict[Path, str]:
    """path -> what it should hold."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    return {readme: with_section(text, CODES_BEGIN, CODES_END, code_table())}


def main(argv: list[str]) -> int:
    stale = []
    for path, wanted in pages().items():
        if path.read_text(encoding="utf-8") != wanted:
            stale.append(path)
            if "--check" not in argv:
                path.write_text(wanted, encoding="utf-8")
    if "--check" in argv and stale:
        names = ", ".join(p.name for p in stale)
        print(f"out of date: {names}; run python docs/make_reference.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
