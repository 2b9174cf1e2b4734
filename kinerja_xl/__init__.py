"""kinerja-xl: read, check and consolidate the Excel performance plans (RKT, IKU, Anggaran) of
KPU offices. The public surface is below; docs/python-api.md shows it at work.

    import kinerja_xl as kx
    batch = kx.check(["kiriman/"])
    frames = batch.to_frames()
"""

__version__ = "0.1.0"

from .api import (  # noqa: E402  (the version first: the CLI reads it without the rest)
    Consolidated,
    InputIsOutput,
    annotate,
    check,
    consolidate,
    inspect,
    rules,
    template,
)
from .batch import Batch  # noqa: E402
from .write import OutputError  # noqa: E402

__all__ = [
    "Batch",
    "Consolidated",
    "InputIsOutput",
    "OutputError",
    "__version__",
    "annotate",
    "check",
    "consolidate",
    "inspect",
    "rules",
    "template",
]
