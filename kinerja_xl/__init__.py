"""kinerja-xl: read, check and consolidate the Excel performance plans of KPU offices."""

__version__ = "0.1.0"
