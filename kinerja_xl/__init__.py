"""kinerja-xl: read, check and consolidate the Excel performance plans (RKT, IKU, Anggaran) of
KPU offices. The public surface is below; docs/python-api.md shows it at work.

    import kinerja_xl as kx
    batch = kx.check(["kiriman/"])
    frames = batch.to_frames()

The names are imported when first used, so that `kinerja-xl --help` (and anything else that
needs only part of the package) does not pay for pandas and pandera.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it: the functions, and every type they return or raise
_PUBLIC = {
    # what a program calls
    "annotate": "api",
    "check": "api",
    "consolidate": "api",
    "inspect": "api",
    "rules": "api",
    "template": "api",
    # what they give back
    "Amount": "model.values",
    "Batch": "batch",
    "Consolidated": "api",
    "Consolidation": "provincial.consolidation",
    "CopyOutcome": "outputs.markup",
    "Discovery": "reading.discover",
    "FileReport": "model.records",
    "Frames": "outputs.frames",
    "Inbox": "inbox",
    "Issue": "model.issues",
    "IssueCode": "model.issues",
    "Record": "model.records",
    "Rules": "checking.rulebook",
    "Severities": "model.issues",
    "Table": "model.records",
    "TableKind": "knowledge.kinds",
    "Target": "model.values",
    # what they raise
    "InputIsOutput": "api",
    "OutputError": "outputs.write",
    "RulesError": "checking.rulebook",
    "SchemaError": "knowledge.document",
    "UnknownProvince": "provincial.consolidation",
}

__all__ = [  # the names of _PUBLIC (tests/test_python_api.py keeps the two the same)
    "Amount",
    "Batch",
    "Consolidated",
    "Consolidation",
    "CopyOutcome",
    "Discovery",
    "FileReport",
    "Frames",
    "Inbox",
    "InputIsOutput",
    "Issue",
    "IssueCode",
    "OutputError",
    "Record",
    "Rules",
    "RulesError",
    "SchemaError",
    "Severities",
    "Table",
    "TableKind",
    "Target",
    "UnknownProvince",
    "__version__",
    "annotate",
    "check",
    "consolidate",
    "inspect",
    "rules",
    "template",
]


# The modules that declare issue codes (`model.issues.declare`), each next to the checks that
# raise them. A code is known once its module is imported; when the whole list is wanted (the
# rules name a code, the docs, an unknown code looked up) these are imported first.
# tests/test_docs.py fails when a module declares a code and is missing here.
DECLARING_MODULES = (
    "pipeline",
    "layouts",
    "checking.checks",
    "checking.crossrow",
    "checking.validate",
    "provincial.consolidation",
)


def _declare_all() -> None:
    for module in DECLARING_MODULES:
        importlib.import_module(f".{module}", __name__)


def _registry() -> None:
    from .model.issues import CODES

    CODES.completers.append(_declare_all)


_registry()


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'kinerja_xl' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})


if TYPE_CHECKING:  # what type checkers and editors see
    from .api import (
        Consolidated,
        InputIsOutput,
        annotate,
        check,
        consolidate,
        inspect,
        rules,
        template,
    )
    from .batch import Batch
    from .checking.rulebook import Rules, RulesError
    from .inbox import Inbox
    from .knowledge.document import SchemaError
    from .knowledge.kinds import TableKind
    from .model.issues import Issue, IssueCode, Severities
    from .model.records import FileReport, Record, Table
    from .model.values import Amount, Target
    from .outputs.frames import Frames
    from .outputs.markup import CopyOutcome
    from .outputs.write import OutputError
    from .provincial.consolidation import Consolidation, UnknownProvince
    from .reading.discover import Discovery
