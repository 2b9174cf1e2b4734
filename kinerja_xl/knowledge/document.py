"""A file of `schemas/` read as a document: parsed (a syntax error names its line), then held to
its shape — every key known, every value of the kind it must be, every name it uses (a check,
an issue code, a column) one that exists — and any complaint is a `SchemaError` naming the file,
the line and the key, which the command line says in one line (exit 2), never a traceback.

A shape is data: `Keys` (a mapping with known keys), `MapOf` (any keys, each value one shape),
`ListOf`, `Value` (a scalar: its types, the names it must be one of, a test) and `Either`. The
names a shape refers to (`Value(names="check")`) are given by the caller (`read_document(...,
names={"check": {...}})`): what exists is known above this floor (the checks, the issue codes);
a kind of name the caller gives nothing for is not held. Lines are found only when there is a
complaint: the fast loader keeps none.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml


class SchemaError(Exception):
    """A file of `schemas/` that cannot be used: `key` names the problem ("unknown-key" …, the
    catalogue's "rules-…" text), `path` the file, `fields` the rest (`line`: where in it, `name`:
    the key). The checking stage says it to a person (`checking.rulebook.RulesError`)."""

    def __init__(self, key: str, path: Path, **fields: Any) -> None:
        self.key, self.path, self.fields = key, path, fields
        super().__init__(f"{path}:{fields.get('line') or ''} {key} {fields}")


# --- shapes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A scalar: one of `types` (None is allowed when `optional`), one of the caller's `names`
    (e.g. "check"), passing `test` (which returns a problem to say, or None)."""

    types: tuple[type, ...] = (str,)
    names: str | None = None
    test: Callable[[Any], str | None] | None = None
    optional: bool = True
    read: Callable[[Any], Any] | None = None  # the value as meant (YAML reads `off` as false)


@dataclass(frozen=True)
class Keys:
    """A mapping whose keys are known: `known` key -> its shape; `required` keys must be there.
    Keys outside `known` are allowed only when `others` gives their shape, and then must be one
    of the caller's `other_names` (pandera writes a column's checks as keys of the column)."""

    known: Mapping[str, Shape]
    required: frozenset[str] = frozenset()
    others: Shape | None = None
    other_names: str | None = None


@dataclass(frozen=True)
class MapOf:
    """A mapping of any keys (each one of the caller's `names`, when given) to one shape."""

    value: Shape
    names: str | None = None


@dataclass(frozen=True)
class ListOf:
    item: Shape


@dataclass(frozen=True)
class Either:
    """One of several shapes, chosen by what the value is: a mapping, a list or a scalar."""

    shapes: tuple[Shape, ...]


Shape = Union[Value, Keys, MapOf, ListOf, Either]  # noqa: UP007  (a runtime alias)
ANY = Value(types=(object,))
TEXT = Value(types=(str,))
NUMBER = Value(types=(int, float))


@dataclass(frozen=True)
class DocumentSpec:
    """The top-level keys of a document (its values unchecked here): the simplest shape."""

    required: set[str] = field(default_factory=set)
    optional: set[str] = field(default_factory=set)

    def shape(self) -> Keys:
        keys = self.required | self.optional
        return Keys({k: ANY for k in keys}, required=frozenset(self.required))


# --- lines ----------------------------------------------------------------------------------


class Lines:
    """Line numbers (1-based) of a document's keys and list items, composed on demand."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: Any = None

    def root(self) -> Any:
        """The document's node tree (composed once, when a line is first asked for)."""
        if self._root is None:
            try:
                self._root = yaml.compose(self._text, Loader=yaml.SafeLoader)
            except yaml.YAMLError:
                return None
        return self._root

    def _node(self, *path: Any) -> Any:
        node = self.root()
        for step in path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == str(step)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                node = node.value[step] if step < len(node.value) else None
            else:
                return None
            if node is None:
                return None
        return node

    def key(self, *path: Any) -> int | None:
        """The line of the key at the end of `path` ('documents', 'PK')."""
        parent = self._node(*path[:-1])
        if isinstance(parent, yaml.MappingNode):
            for key, _value in parent.value:
                if key.value == str(path[-1]):
                    return int(key.start_mark.line) + 1
        return None

    def item(self, *path: Any) -> int | None:
        """The line of the node at `path` ('offices', 3)."""
        node = self._node(*path)
        return int(node.start_mark.line) + 1 if node is not None else None

    def of(self, *path: Any) -> int | None:
        """The line of what `path` names (a key's, else a list item's), else of the nearest
        step above it that has one."""
        for end in range(len(path), 0, -1):
            found = self.key(*path[:end]) or self.item(*path[:end])
            if found:
                return found
        return None


# --- reading --------------------------------------------------------------------------------


def _json_body(text: str) -> Any:
    """A document whose body is JSON (a generated one: JSON is YAML) read as JSON, fifty times
    faster than as YAML; None when it is not (a copy a person wrote in YAML)."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    if not body.lstrip().startswith("{"):
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def parse_document(path: Path) -> tuple[Any, Lines]:
    """What a file holds, parsed, or `SchemaError` (unreadable, or not YAML: with its line)."""
    from .folder import read_yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        detail = getattr(exc, "strerror", None) or exc
        raise SchemaError("unreadable", path, detail=detail) from exc
    try:
        data = _json_body(text)
        if data is None:
            data = read_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or exc
        raise SchemaError("not-yaml", path, line=line, detail=problem) from exc
    return data, Lines(text)


def read_document(
    path: Path,
    shape: Shape | DocumentSpec,
    names: Mapping[str, Collection[str]] | None = None,
) -> tuple[dict[str, Any], Lines]:
    """The mapping a file holds, held to `shape`, or `SchemaError` naming the file, the line
    and the key. `names`: what each kind of name a shape refers to may be ("check": …)."""
    data, lines = parse_document(path)
    if not isinstance(data, dict):
        raise SchemaError("not-rules", path)
    if isinstance(shape, DocumentSpec):
        shape = shape.shape()
    check_shape(data, shape, path, lines, names or {})
    return data, lines


def check_shape(
    data: Any,
    shape: Shape,
    path: Path,
    lines: Lines,
    names: Mapping[str, Collection[str]],
    where: tuple[Any, ...] = (),
) -> None:
    """Hold `data` (found at `where` in the file) to `shape`, or raise `SchemaError`."""
    _Checker(path, lines, names).check(data, shape, where)


@dataclass
class _Checker:
    path: Path
    lines: Lines
    names: Mapping[str, Collection[str]]

    def fail(self, key: str, where: tuple[Any, ...], **fields: Any) -> SchemaError:
        name = fields.pop("name", None) or dotted(where)
        return SchemaError(key, self.path, line=self.lines.of(*where), name=name, **fields)

    def check(self, data: Any, shape: Shape, where: tuple[Any, ...]) -> None:
        if isinstance(shape, Either):
            self.check(data, _chosen(data, shape), where)
        elif isinstance(shape, Keys):
            self.keys(data, shape, where)
        elif isinstance(shape, MapOf):
            self.mapping(data, shape, where)
        elif isinstance(shape, ListOf):
            if not isinstance(data, list):
                raise self.fail("not-a-list", where)
            for index, item in enumerate(data):
                self.check(item, shape.item, (*where, index))
        else:
            self.value(data, shape, where)

    def keys(self, data: Any, shape: Keys, where: tuple[Any, ...]) -> None:
        if not isinstance(data, dict):
            raise self.fail("not-a-mapping", where)
        for key, value in data.items():
            if key in shape.known:
                self.check(value, shape.known[key], (*where, key))
            elif shape.others is not None and self.named(key, shape.other_names):
                self.check(value, shape.others, (*where, key))
            else:
                raise self.unknown_key(key, [*shape.known, *self.known(shape.other_names)], where)
        for key in sorted(shape.required - set(data)):
            raise self.fail("missing-key", where, name=dotted((*where, key)))

    def mapping(self, data: Any, shape: MapOf, where: tuple[Any, ...]) -> None:
        if not isinstance(data, dict):
            raise self.fail("not-a-mapping", where)
        for key, value in data.items():
            if not self.named(key, shape.names):
                raise self.unknown_name(key, shape.names or "", (*where, key))
            self.check(value, shape.value, (*where, key))

    def value(self, data: Any, shape: Value, where: tuple[Any, ...]) -> None:
        data = shape.read(data) if shape.read else data
        if (data is None and shape.optional) or shape.types == (object,):
            return
        if isinstance(data, dict | list) or not isinstance(data, shape.types):
            expected = "number" if shape.types == (int, float) else shape.types[0].__name__
            raise self.fail("wrong-type", where, expected=expected)
        if shape.names and not self.named(data, shape.names):
            raise self.unknown_name(data, shape.names, where)
        problem = shape.test(data) if shape.test else None
        if problem:
            raise self.fail("invalid-value", where, value=data, detail=problem)

    def named(self, name: Any, kind: str | None) -> bool:
        """`name` is one of the names of `kind` (a kind the caller gives none of is not held)."""
        return kind is None or kind not in self.names or str(name) in self.known(kind)

    def known(self, kind: str | None) -> Collection[str]:
        return self.names.get(kind, ()) if kind else ()

    def unknown_key(self, key: Any, known: list[str], where: tuple[Any, ...]) -> SchemaError:
        name = dotted((*where, key))
        return self.fail("unknown-key", (*where, key), name=name, **suggestion(key, known))

    def unknown_name(self, value: Any, kind: str, where: tuple[Any, ...]) -> SchemaError:
        known = sorted(str(k) for k in self.known(kind))
        return self.fail("unknown-name", where, what=kind, value=value, **suggestion(value, known))


def suggestion(found: Any, known: Collection[str]) -> dict[str, str]:
    """What the message adds to an unknown name: the nearest known one ('severites' ->
    'severities'), else the known ones when they are few enough to list."""
    near = difflib.get_close_matches(str(found), [str(k) for k in known], n=1, cutoff=0.75)
    if near:
        return {"near": near[0]}
    if 0 < len(known) <= 30:
        return {"known": ", ".join(str(k) for k in known)}
    return {}


def _chosen(data: Any, shape: Either) -> Shape:
    def fits(candidate: Shape) -> bool:
        if isinstance(candidate, Either):
            return any(fits(s) for s in candidate.shapes)
        if isinstance(candidate, Keys | MapOf):
            return isinstance(data, dict)
        if isinstance(candidate, ListOf):
            return isinstance(data, list)
        return not isinstance(data, dict | list)

    return next((s for s in shape.shapes if fits(s)), shape.shapes[0])


def dotted(where: tuple[Any, ...]) -> str:
    """('columns', 'sumber', 'checks', 0) -> 'columns.sumber.checks[0]'"""
    text = ""
    for step in where:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text
