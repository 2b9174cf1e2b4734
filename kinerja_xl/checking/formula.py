"""The capaian formulas of schemas/units.yaml, evaluated safely: an expression of `target` and
`realisasi` with numbers, + - * / and brackets, nothing else ("×" and "−" read as * and -)."""

from __future__ import annotations

import ast
import math
import operator
from dataclasses import dataclass
from typing import Any

OPERATORS: dict[type, Any] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
NAMES = ("target", "realisasi")


class FormulaError(ValueError):
    """A formula that is not an expression of target and realisasi."""


@dataclass(frozen=True)
class Formula:
    text: str  # as the YAML writes it, shown in capaian-mismatch messages
    tree: ast.expr

    @classmethod
    def parse(cls, text: str) -> Formula:
        source = str(text).replace("×", "*").replace("−", "-").replace("÷", "/")
        try:
            tree = ast.parse(source, mode="eval").body
        except SyntaxError as exc:
            raise FormulaError(f"'{text}' is not a formula") from exc
        _check(tree, text)
        return cls(str(text), tree)

    def __call__(self, target: float, realisasi: float) -> float | None:
        """The value, or None where it has none (a target of 0 divides by nothing)."""
        try:
            value = _evaluate(self.tree, {"target": target, "realisasi": realisasi})
        except (ZeroDivisionError, OverflowError):
            return None
        return value if math.isfinite(value) else None


def _check(node: ast.expr, text: str) -> None:
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        _check(node.left, text)
        _check(node.right, text)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        _check(node.operand, text)
    elif isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return
    elif isinstance(node, ast.Name) and node.id in NAMES:
        return
    else:
        raise FormulaError(f"'{text}': only target, realisasi, numbers, + - * / and brackets")


def _evaluate(node: ast.expr, names: dict[str, float]) -> float:
    if isinstance(node, ast.BinOp):
        return float(
            OPERATORS[type(node.op)](_evaluate(node.left, names), _evaluate(node.right, names))
        )
    if isinstance(node, ast.UnaryOp):
        return -_evaluate(node.operand, names)
    if isinstance(node, ast.Constant):
        assert isinstance(node.value, int | float)  # _check let only numbers through
        return float(node.value)
    assert isinstance(node, ast.Name)
    return names[node.id]
