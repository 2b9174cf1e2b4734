"""The house keeps its floors: a stage imports only stages below it, and no module imports
itself back through others (docs/architecture.md draws the same order)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kinerja_xl"

# lowest first: a module may import from its own floor or any floor below it
FLOORS = [
    ("reading",),
    ("knowledge",),
    ("words",),
    ("model",),
    ("layouts",),
    ("checking",),
    ("outputs",),
    ("provincial",),
    ("inbox",),
    ("pipeline", "batch"),
    ("api",),
    ("cli", "web", "__init__", "__main__"),
]
FLOOR = {name: number for number, names in enumerate(FLOORS) for name in names}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def floor_of(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return FLOOR[top]


def runtime_imports(path: Path) -> set[str]:
    """Modules of the package that `path` imports when it runs (type-checking imports aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    skipped = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for child in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("kinerja_xl"):
                continue
            for alias in node.names:  # `from . import checks` imports a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _is_module(candidate) else target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kinerja_xl.")}
    found.discard(me)
    return {name for name in found if name != "kinerja_xl"}


def _is_module(dotted: str) -> bool:
    relative = Path(*dotted.split(".")[1:])
    base = PACKAGE / relative
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
IMPORTS = {name: runtime_imports(path) for name, path in MODULES.items()}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_floor_and_below(module):
    upward = sorted(t for t in IMPORTS[module] if floor_of(t) > floor_of(module))
    assert upward == [], f"{module} imports from a higher stage: {upward}"


def test_every_top_level_room_has_a_floor():
    tops = {name.split(".")[1] for name in MODULES if name.count(".") >= 1}
    assert tops <= set(FLOOR), tops - set(FLOOR)


def test_no_import_circles():
    def visit(module: str, trail: list[str]) -> list[str] | None:
        for target in sorted(IMPORTS.get(module, ())):
            if target in trail:
                return trail[trail.index(target) :] + [target]
            found = visit(target, trail + [target])
            if found:
                return found
        return None

    circles = {tuple(c) for m in MODULES if (c := visit(m, [m]))}
    assert not circles, circles
