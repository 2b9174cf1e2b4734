"""The words a target may be written in — grades, BPK opinions, the Keterbukaan Informasi
categories and their variants ('WTP-DPP' is WTP) — read from the rules in `schemas/`, so that
the parsers, the checks, the templates and the messages all use one list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .folder import default_schema_folder, read_yaml
from .layouts import LayoutWords, load_layouts
from .rulefiles import categories_of

__all__ = ["Vocabulary", "default_schema_folder", "load_vocabulary", "read_yaml"]


@dataclass(frozen=True)
class Vocabulary:
    """kind -> the codes of that kind ('predikat': AA … D, 'opini': WTP … TMP, 'nilai':
    Informatif …), and variants -> the code they stand for."""

    categories: dict[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    kinds: tuple[str, ...] = ()  # every kind of target the rules know (ranges and lists)
    # units.yaml: the kind of target an indicator's wording, or its Satuan, asks for
    indicator_kinds: tuple[tuple[re.Pattern[str], str], ...] = ()
    satuan_kinds: tuple[tuple[re.Pattern[str], str], ...] = ()
    # units.yaml: kinds measured as they stand (a percentage, a grade): a year's is its latest
    latest_kinds: frozenset[str] = frozenset()
    layouts: LayoutWords | None = None  # the words of layouts (layouts.yaml)
    folder: Path | None = None  # the schemas/ folder read: its offices.yaml names the offices

    def kind_of(self, code: str) -> str | None:
        """'B' -> 'predikat', 'WTP' -> 'opini', 'INFORMATIF' -> 'nilai'; None for others."""
        for kind, codes in self.categories.items():
            if code in codes or code.title() in codes:
                return kind
        return None

    def indicator_kind(self, wording: str) -> str | None:
        """The kind of target an indicator's wording asks for ('persentase …' -> 'persen'): the
        first pattern of units.yaml that matches the wording (lower case, without numbering)."""
        return next((k for pattern, k in self.indicator_kinds if pattern.search(wording)), None)

    def satuan_kind(self, satuan: str) -> str | None:
        """The kind of target a Satuan names ('%', 'persen' -> 'persen'; 'dokumen' -> 'jumlah')."""
        lowered = satuan.strip().lower()
        return next((k for pattern, k in self.satuan_kinds if pattern.search(lowered)), None)

    def listed(self, kind: str, lang_or: str = "atau") -> str:
        """'AA, A, BB, B, CC, C atau D'"""
        codes = list(self.categories.get(kind, ()))
        if len(codes) < 2:
            return "".join(codes)
        return f"{', '.join(codes[:-1])} {lang_or} {codes[-1]}"

    def __hash__(self) -> int:  # frozen, but with dicts inside: hash what it holds
        return hash(
            (tuple(self.categories.items()), tuple(sorted(self.aliases.items())), self.folder)
        )


def _patterns(entries: Any) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(str(e["pattern"])), str(e["kind"])) for e in entries or ())


@lru_cache(maxsize=8)
def load_vocabulary(folder: Path | None = None) -> Vocabulary:
    """The words of `folder`'s rules, or `SchemaError` naming the file (and the line) that
    cannot give them."""
    folder = Path(folder) if folder else default_schema_folder()
    categories, units, ranged = categories_of(folder)
    aliases = units.get("category_aliases") or {}
    return Vocabulary(
        categories={kind: tuple(str(c) for c in codes or ()) for kind, codes in categories.items()},
        aliases={str(k).upper(): str(v) for k, v in aliases.items()},
        indicator_kinds=_patterns(units.get("indicator_kinds")),
        satuan_kinds=_patterns(units.get("satuan_kinds")),
        latest_kinds=frozenset(str(k) for k in units.get("latest_kinds") or ()),
        kinds=tuple(dict.fromkeys([*ranged, *categories])),
        layouts=load_layouts(folder),
        folder=folder,
    )
