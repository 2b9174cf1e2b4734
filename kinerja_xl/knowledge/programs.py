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


def code_form(folder: Path | None = None) -> str:
    """The form of a program code, as a regular expression without anchors (three digits, two
    digits, two capital letters: 076.01.WA): the pattern of iku.yaml's `program_code_valid`,
    the one place it is written. The readers recognise a program by the shipped form."""
    from .rulefiles import SCHEMA_FILES, read_frame_schema, statistic

    path = Path(folder or default_schema_folder()) / SCHEMA_FILES["iku"]
    document, _lines = read_frame_schema(path, {})
    try:
        pattern = str(statistic(document, "program_code_valid", "pattern"))
    except KeyError:
        raise SchemaError("check-missing", path, check="program_code_valid") from None
    return pattern.removeprefix("^").removesuffix("$")


FORM = code_form()  # as shipped (tests/test_rules_data.py keeps the shipped file readable)
CODE = re.compile(rf"^(?:{FORM})$")  # a program code, whole
# a text that looks like a code of any level, typed right or not ("076.1.WA", "76 . 01 . wa"):
# where a program's code is expected, it is one, to be checked
CODE_LIKE = r"\d{2,3}\s*\.\s*\d{1,3}\s*\.\s*[A-Za-z0-9]{1,4}"


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
    own = folder is not None and (Path(folder) / "iku.yaml").exists()
    form = re.compile(rf"^(?:{code_form(folder)})$") if own else CODE
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
        if not form.match(entry["code"]):
            raise SchemaError("unknown-value", path, line=line, name=entry["code"])
        also = tuple(str(name) for name in entry.get("also") or ())
        programs.append(Program(entry["code"], entry["name"], also))
    return tuple(programs)
