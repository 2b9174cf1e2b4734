"""Many offices' files, one workbook: the consolidation as data (`consolidation.py`) and the
provincial workbook written from it (`workbook.py`, sheet by sheet).

The workbook's writers (and xlsxwriter) load when first asked for, not with the package: a
check reads provincial workbooks back (`readback.py`) and declares the consolidation's issue
codes, and neither needs a writer.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["SHEET_WRITERS", "write_consolidated", "offices_summary"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(".workbook", __name__), name)
