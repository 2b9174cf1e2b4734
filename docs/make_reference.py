"""The parts of the docs that are written from the code, so that they cannot drift from it:
the README's table of issue codes, from each code's declaration (`model.issues.declare`), and
docs/reference.md, the Python reference (every public name of `kinerja_xl`: its signature, its
docstring, a type's fields and methods) and every issue code with its two messages.

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
    return {
        readme: with_section(text, CODES_BEGIN, CODES_END, code_table()),
        ROOT / "docs" / "reference.md": reference(),
    }


# --- docs/reference.md ------------------------------------------------------------------------


def _annotation(value: object) -> str:
    text = value if isinstance(value, str) else getattr(value, "__name__", repr(value))
    return str(text).replace("'", "")


def signature(name: str, function: object) -> str:
    import inspect

    parts, starred = [], False
    for parameter in inspect.signature(function).parameters.values():  # type: ignore[arg-type]
        if parameter.name in ("self", "cls"):
            continue
        if parameter.kind is parameter.VAR_POSITIONAL:
            starred = True
        prefix = {parameter.VAR_POSITIONAL: "*", parameter.VAR_KEYWORD: "**"}.get(
            parameter.kind, ""
        )
        if parameter.kind is parameter.KEYWORD_ONLY and not starred:
            parts.append("*")
            starred = True
        text = prefix + parameter.name
        if parameter.annotation is not parameter.empty:
            text += f": {_annotation(parameter.annotation)}"
        if parameter.default is not parameter.empty:
            text += f" = {parameter.default!r}"
        parts.append(text)
    returned = inspect.signature(function).return_annotation  # type: ignore[arg-type]
    arrow = "" if returned is inspect.Signature.empty else f" -> {_annotation(returned)}"
    return f"{name}({', '.join(parts)}){arrow}"


def _doc(obj: object) -> str:
    """Its docstring (not the one dataclasses make up: 'Amount(text: str, …)')."""
    import inspect

    text = inspect.cleandoc(obj.__doc__ or "").strip()
    made_up = isinstance(obj, type) and text.startswith(f"{obj.__name__}(")
    return "" if made_up else text


def _markdown(doc: str) -> str:
    """A docstring for the page: its examples (`>>>` and what they print) as code."""
    paragraphs = []
    for paragraph in doc.split("\n\n"):
        if paragraph.lstrip().startswith(">>> "):
            paragraph = f"```pycon\n{paragraph}\n```"
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _members(cls: type) -> list[str]:
    """A type's fields (a dataclass's, an enum's members) and its public methods."""
    import dataclasses
    import enum
    import inspect

    lines = []
    if isinstance(cls, enum.EnumMeta):
        lines += [f"- `{m.name}` = `{m.value!r}`" for m in cls]  # type: ignore[var-annotated]
    elif dataclasses.is_dataclass(cls):
        lines += [
            f"- `{f.name}: {_annotation(f.type)}`"
            for f in dataclasses.fields(cls)
            if not f.name.startswith("_")
        ]
    for attribute, member in vars(cls).items():
        if attribute.startswith("_"):
            continue
        if isinstance(member, property):
            first = _doc(member.fget).split("\n")[0]
            lines.append(f"- `{attribute}` (property){': ' + first if first else ''}")
        elif inspect.isfunction(member) or isinstance(member, classmethod | staticmethod):
            function = getattr(member, "__func__", member)
            first = _doc(function).split("\n\n")[0].replace("\n", " ")
            lines.append(f"- `{signature(attribute, function)}`{': ' + first if first else ''}")
    return lines


def reference() -> str:
    import inspect

    out = [
        "# Python reference",
        "",
        "<!-- written by docs/make_reference.py from the code: edit the docstrings, then run it -->",
        "",
        "Every public name of `kinerja_xl` (`import kinerja_xl as kx`), as the code declares it;",
        "docs/python-api.md shows them at work. The examples (`>>>`) run in the tests.",
        "",
        "## Functions",
        "",
    ]
    names = [n for n in kinerja_xl.__all__ if n != "__version__"]
    for name in (n for n in names if not inspect.isclass(getattr(kinerja_xl, n))):
        function = getattr(kinerja_xl, name)
        out += [f"### `kx.{signature(name, function)}`", "", _markdown(_doc(function)), ""]
    out += ["## Types", ""]
    for name in (n for n in names if inspect.isclass(getattr(kinerja_xl, n))):
        cls = getattr(kinerja_xl, name)
        where = cls.__module__
        out += [f"### `kx.{name}`", "", f"*{where}*", "", _markdown(_doc(cls)), ""]
        members = _members(cls)
        if members:
            out += [*members, ""]
    out += [
        "## Issue codes",
        "",
        "Each declared once, next to the check that raises it (`model.issues.declare`); "
        "`{…}` are the fields its messages name.",
        "",
    ]
    for c in declared_codes():
        checks = ", ".join(f"`{r}`" for r in c.raised_by)
        out += [
            f"### `{c.code}` — {severities(c)}",
            "",
            f"{c.when}. Raised by {checks} (`{c.module}`). Short: *{c.short_id}* / *{c.short_en}*.",
            "",
            f"- id: {c.id}",
            f"- en: {c.en}",
            "",
        ]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> int:
    stale = []
    for path, wanted in pages().items():
        if not path.exists() or path.read_text(encoding="utf-8") != wanted:
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
