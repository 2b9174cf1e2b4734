"""The budget programs of KPU (Bagian Anggaran 076), read from `schemas/programs.yaml`: each
program's code, its name and the other names offices write it by. The provincial workbook's
Rekap Anggaran groups budget lines by these (`provincial/comparisons.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .document import DocumentSpec, SchemaError, read_document
from .folder import default_schema_folder

FILE = "programs.yaml"
SPEC = DocumentSpec(required={"programs"})
PROGRAM_KEYS = {"code", "name", "also"}
CODE = re.compile(r"^\d{3}\.\d{2}\.[A-Z]{2}$")


@dataclass(frozen=True)
class Program:
    code: str
    name: str
    also: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also)


@lru_cache(maxsize=8)
def load_programs(folder: Path | None = None) -> tuple[Program, ...]:
    """The programs of `folder` (the packaged `schemas/` by default), or `SchemaError` naming
    the file, the line and the key."""
    path = Path(folder or default_schema_folder()) / FILE
    data, lines = read_document(path, SPEC)
    programs = []
    for index, entry in enumerate(data["programs"] or []):
        line = lines.item("programs", index)
        if not isinstance(entry, dict):
            raise SchemaError("not-a-mapping", path, line=line, name=str(entry)[:40])
        for key in entry:
            if key not in PROGRAM_KEYS:
                raise SchemaError("unknown-key", path, line=line, name=key)
        for key in ("code", "name"):
            if not isinstance(entry.get(key), str):
                raise SchemaError("missing-key", path, line=line, name=key)
        if not CODE.match(entry["code"]):
            raise SchemaError("unknown-value", path, line=line, name=entry["code"])
        also = tuple(str(name) for name in entry.get("also") or ())
        programs.append(Program(entry["code"], entry["name"], also))
    return tuple(programs)
