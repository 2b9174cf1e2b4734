"""A YAML file of `schemas/` read as a document: its top-level keys known, and the line of any
key or list item a complaint names (found only when there is a complaint: the fast loader
keeps no lines)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class SchemaError(Exception):
    """A file of `schemas/` that cannot be used: `key` names the problem ("unknown-key" …, the
    catalogue's "rules-…" text), `path` the file, `fields` the rest (`line`: where in it).
    The checking stage says it to a person (`checking.rulebook.SchemaError`)."""

    def __init__(self, key: str, path: Path, **fields: Any) -> None:
        self.key, self.path, self.fields = key, path, fields
        super().__init__(f"{path}: {key} {fields}")


@dataclass(frozen=True)
class DocumentSpec:
    required: set[str] = field(default_factory=set)
    optional: set[str] = field(default_factory=set)


class Lines:
    """Line numbers (1-based) of a document's keys and list items, composed on demand."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: Any = None

    def _node(self, *path: Any) -> Any:
        if self._root is None:
            try:
                self._root = yaml.compose(self._text, Loader=yaml.SafeLoader)
            except yaml.YAMLError:
                return None
        node = self._root
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


def read_document(path: Path, spec: DocumentSpec) -> tuple[dict[str, Any], Lines]:
    """The mapping a file holds, or `SchemaError` naming the file, the line and the key."""
    from .vocabulary import read_yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SchemaError("unreadable", path, detail=exc.strerror or exc) from exc
    try:
        data = _json_body(text)
        if data is None:
            data = read_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise SchemaError("not-yaml", path, line=line, detail=getattr(exc, "problem", exc)) from exc
    if not isinstance(data, dict):
        raise SchemaError("not-rules", path)
    lines = Lines(text)
    for key in data:
        if key not in spec.required | spec.optional:
            raise SchemaError("unknown-key", path, line=lines.key(key), name=key)
    for key in sorted(spec.required - set(data)):
        raise SchemaError("missing-key", path, line=None, name=key)
    return data, lines
