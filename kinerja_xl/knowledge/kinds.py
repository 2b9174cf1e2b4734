"""The kinds of table kinerja-xl reads: one name each, written once (the contract's `kind`)."""

from __future__ import annotations

from enum import StrEnum


class TableKind(StrEnum):
    """A table's kind. A member is its text ("rkt"), so JSON, comparisons with the text and
    f-strings see the contract's name."""

    RKT = "rkt"  # the commission's plan: Sasaran Strategis level
    RKT_SEKRETARIAT = "rkt-sekretariat"  # the secretariat's plan: Sasaran Kegiatan level
    ANGGARAN = "anggaran"  # budget lines
    IKU = "iku"  # key performance indicators


PLAN_KINDS = (TableKind.RKT, TableKind.RKT_SEKRETARIAT)  # the plans (RKT, PK, LKj … tables)
