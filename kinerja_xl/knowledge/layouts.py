"""What kinerja-xl knows of layouts, read from `schemas/layouts.yaml`: the wordings of every
column (no, sasaran, indikator, target, realisasi, program, anggaran, …) and the tables each
belongs to, the words of a header's second line, and the rows that are not data (titles,
signatures, notes). The mechanisms that use them are in `layouts/`.

The file is validated as a document: an unknown key, column or table kind, or a wording that
cannot be read is a `LayoutsError` naming the file, the line and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .document import Lines, SchemaError, parse_document
from .folder import default_schema_folder
from .kinds import TableKind
from .wordings import WordingError, key_of, parse, phrases_of, regex_of, words_of

FILE = "layouts.yaml"
# the columns the layouts code knows what to do with (a wording teaches a new header for one of
# these; a new column needs code)
ROLES = (
    "no",
    "sasaran_kegiatan",
    "sasaran_strategis",
    "tujuan",
    "cara",
    "sumber",
    "uraian",
    "indikator",
    "periods",
    "target",
    "realisasi",
    "capaian",
    "baseline",
    "satuan",
    "program",
    "anggaran",
    "kode",
)
KINDS = tuple(TableKind)
TOP_KEYS: dict[str, type] = {
    "columns": dict,
    "amount_scales": dict,
    "money_words": list,
    "measure_words": list,
    "history_words": list,
    "cumulative_words": list,
    "qualifier_words": list,
    "quantity_words": list,
    "sub_header_words": list,
    "months": list,
    "month_abbreviations": list,
    "rows": dict,
}
COLUMN_KEYS: dict[str, type] = {"wordings": list, "kinds": list}
ROW_KEYS: dict[str, type] = {
    "titles": list,
    "signatures": list,
    "notes": list,
    "heading_codes": dict,
    "item_bullets": list,
}
HEADING_LEVELS = ("tujuan", "sasaran")
SCALE_KEYS = {"thousands": 1000, "millions": 1_000_000}


class LayoutsError(SchemaError):
    """`schemas/layouts.yaml` cannot be used: `key` names the problem in the catalogue
    ("rules-…"), `path` the file, `fields` the rest (`line`: where in it)."""


@dataclass(frozen=True)
class Role:
    name: str
    wordings: tuple[str, ...]
    kinds: frozenset[str]
    pattern: re.Pattern[str]


@dataclass(eq=False)
class LayoutWords:
    """The layout knowledge of one `schemas/` folder."""

    roles: tuple[Role, ...]
    thousands: tuple[str, ...] = ()
    millions: tuple[str, ...] = ()
    money_words: tuple[str, ...] = ()
    measure_words: frozenset[str] = frozenset()
    history: re.Pattern[str] = re.compile(r"(?!)")
    cumulative: re.Pattern[str] = re.compile(r"(?!)")
    qualifiers: re.Pattern[str] = re.compile(r"(?!)")
    quantity_words: frozenset[str] = frozenset()
    sub_header_words: frozenset[str] = frozenset()
    months: tuple[str, ...] = ()
    month_words: frozenset[str] = frozenset()
    titles: re.Pattern[str] = re.compile(r"(?!)")
    signatures: re.Pattern[str] = re.compile(r"(?!)")
    notes: re.Pattern[str] = re.compile(r"(?!)")
    heading_codes: dict[str, str] = field(default_factory=dict)  # "t" -> "tujuan"
    item_bullets: tuple[str, ...] = ()
    known_words: frozenset[str] = frozenset()  # every word of every wording (slips are corrected)
    source: str = ""  # the file read
    _slips: dict[str, str | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.role_kinds = {role.name: role.kinds for role in self.roles}
        scale = [*self.thousands, *self.millions, "dalam"]
        money = "|".join(map(re.escape, [*self.money_words, *scale])) or "(?!)"
        # "(Rp 000)", "dalam ribuan rupiah": words of money and scale only
        self.money_pattern = re.compile(rf"\b({money})\b")
        months = "|".join(map(re.escape, self.months)) or "(?!)"
        # "Surabaya, 2 Januari 2024": the date line over a signature
        self.date_line = re.compile(
            rf"^[A-Za-z][A-Za-z .'-]*,\s*\d{{1,2}}\s+({months})\s+\d{{4}}", re.IGNORECASE
        )

    def __getstate__(self) -> dict[str, Any]:  # the caches stay in the process that made them
        state = self.__dict__.copy()
        state["_slips"] = {}
        return state

    def role_of_key(self, key: str) -> str | None:
        """The column a header text names, the text reduced by `header_key`; a slip of one
        letter in a long word is forgiven ('realisai' is 'realisasi')."""
        role = self._match(key)
        if role is None:
            corrected = self._corrected(key)
            if corrected is not None:
                role = self._match(corrected)
        return role

    def _match(self, key: str) -> str | None:
        spaced = SPACED_PERCENT.sub(" % ", key).strip() if "%" in key else key
        for role in self.roles:
            if role.pattern.fullmatch(spaced):
                return role.name
        return None

    def _corrected(self, key: str) -> str | None:
        """The key with each unknown word of six letters or more replaced by the one known
        word it is a slip of (one letter, two in words of nine or more), else None."""
        words = key.split(" ")
        changed = False
        for index, word in enumerate(words):
            if word in self.known_words or len(word) < 6 or not word.isalpha():
                continue
            correction = self._slip(word)
            if correction is None:
                return None
            words[index], changed = correction, True
        return " ".join(words) if changed else None

    def _slip(self, word: str) -> str | None:
        if word not in self._slips:
            from rapidfuzz.distance import OSA
            from rapidfuzz.process import extract

            allowed = 2 if len(word) >= 9 else 1
            near = extract(
                word, self.known_words, scorer=OSA.distance, score_cutoff=allowed, limit=2
            )
            best = [w for w, d, _ in near if d == min(d for _, d, _ in near)] if near else []
            if len(word) < 7:  # a short word: only two letters swapped ('traget'), never another
                best = [w for w in best if sorted(w) == sorted(word)]  # word ('sumbar')
            # a word and its derivation are two words ('triwulanan', 'programs')
            best = [w for w in best if not (w.startswith(word) or word.startswith(w))]
            if len(self._slips) < 1 << 14:
                self._slips[word] = best[0] if len(best) == 1 and len(best[0]) >= 5 else None
            else:
                return best[0] if len(best) == 1 and len(best[0]) >= 5 else None
        return self._slips[word]

    def is_title(self, key: str) -> bool:
        return bool(self.titles.fullmatch(key))

    def is_signature(self, key: str) -> bool:
        return bool(self.signatures.fullmatch(key))

    def is_note_label(self, key: str) -> bool:
        return bool(self.notes.fullmatch(key))


SPACED_PERCENT = re.compile(r"\s*%\s*")


# --- reading the file --------------------------------------------------------------------


@lru_cache(maxsize=8)
def load_layouts(folder: Path | None = None) -> LayoutWords:
    """The layout knowledge of `folder` (the packaged `schemas/` by default). A folder without a
    layouts.yaml (a copy made before it existed) uses the packaged one."""
    folder = Path(folder) if folder else default_schema_folder()
    path = folder / FILE
    if not path.exists() and folder != default_schema_folder():
        path = default_schema_folder() / FILE
    return read_layouts(path)


def read_layouts(path: Path) -> LayoutWords:
    try:
        data, lines = parse_document(path)
    except SchemaError as exc:  # unreadable, or not YAML (with its line)
        raise LayoutsError(exc.key, exc.path, **exc.fields) from exc
    if not isinstance(data, dict):
        raise LayoutsError("not-rules", path)
    return _build(path, data, _Lines(lines))


class _Lines:
    """Line numbers of keys and list items, found only when there is something to say."""

    def __init__(self, lines: Lines) -> None:
        self.lines = lines

    def of(self, *steps: Any) -> int | None:
        node, line = self.lines.root(), None
        for step in steps:
            if isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if k.value == str(step)), None)
                if pair is None:
                    return line
                line, node = pair[0].start_mark.line + 1, pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    return line
                node = node.value[step]
                line = node.start_mark.line + 1
            else:
                return line
        return line


def _build(path: Path, data: dict[str, Any], lines: _Lines) -> LayoutWords:
    def fail(key: str, *steps: Any, **fields: Any) -> LayoutsError:
        return LayoutsError(key, path, line=lines.of(*steps), **fields)

    _known_keys(data, TOP_KEYS, (), fail)
    if "columns" not in data:
        raise fail("missing-key", name="columns")
    roles = []
    for name, spec in data["columns"].items():
        if name not in ROLES:
            raise fail("unknown-column-role", "columns", name, name=name, known=", ".join(ROLES))
        if not isinstance(spec, dict):
            raise fail("not-a-mapping", "columns", name, name=f"columns.{name}")
        _known_keys(spec, COLUMN_KEYS, ("columns", name), fail)
        roles.append(_role(str(name), spec, fail))
    rows = data.get("rows") or {}
    _known_keys(rows, ROW_KEYS, ("rows",), fail)
    scales = data.get("amount_scales") or {}
    for key in scales:
        if key not in SCALE_KEYS:
            raise fail("unknown-key", "amount_scales", key, name=f"amount_scales.{key}")
    months = _words(data.get("months"))
    known = frozenset().union(*(words_of(parse(w)) for role in roles for w in role.wordings))
    return LayoutWords(
        roles=tuple(roles),
        thousands=_words(scales.get("thousands")),
        millions=_words(scales.get("millions")),
        money_words=_words(data.get("money_words")),
        measure_words=frozenset(_words(data.get("measure_words"))),
        history=_inside(data.get("history_words"), ("history_words",), fail),
        cumulative=_inside(data.get("cumulative_words"), ("cumulative_words",), fail),
        qualifiers=_inside(data.get("qualifier_words"), ("qualifier_words",), fail),
        quantity_words=frozenset(_words(data.get("quantity_words"))),
        sub_header_words=frozenset(_words(data.get("sub_header_words"))),
        months=months,
        month_words=frozenset(months) | frozenset(_words(data.get("month_abbreviations"))),
        titles=_any_of(rows.get("titles"), ("rows", "titles"), fail),
        signatures=_any_of(rows.get("signatures"), ("rows", "signatures"), fail),
        notes=_any_of(rows.get("notes"), ("rows", "notes"), fail),
        heading_codes=_heading_codes(rows.get("heading_codes") or {}, fail),
        item_bullets=tuple(str(b) for b in rows.get("item_bullets") or []),
        known_words=frozenset(w for w in known if w.isalpha()),
        source=str(path),
    )


def _known_keys(mapping: dict[str, Any], known: dict[str, type], where: tuple, fail: Any) -> None:
    for key, value in mapping.items():
        name = ".".join([*map(str, where), str(key)])
        if key not in known:
            raise fail("unknown-key", *where, key, name=name)
        if value is not None and not isinstance(value, known[key]):
            problem = "not-a-list" if known[key] is list else "not-a-mapping"
            raise fail(problem, *where, key, name=name)


def _role(name: str, spec: dict[str, Any], fail: Any) -> Role:
    wordings = [str(w) for w in spec.get("wordings") or []]
    if not wordings:
        raise fail("missing-key", "columns", name, name=f"columns.{name}.wordings")
    kinds = [str(k) for k in spec.get("kinds") or []]
    for index, kind in enumerate(kinds):
        if kind not in KINDS:
            raise fail(
                "unknown-kind", "columns", name, "kinds", index, kind=kind, known=", ".join(KINDS)
            )
    pattern = _any_of(wordings, ("columns", name, "wordings"), fail)
    return Role(name, tuple(wordings), frozenset(kinds), pattern)


def _any_of(wordings: Any, where: tuple, fail: Any) -> re.Pattern[str]:
    parts = []
    for index, wording in enumerate(wordings or []):
        try:
            parts.append(regex_of(parse(str(wording))))
        except WordingError as exc:
            problem = f"wording-{exc.problem}"
            raise fail(problem, *where, index, wording=str(wording), part=exc.part) from exc
    return re.compile("|".join(f"(?:{p})" for p in parts) or r"(?!)")


def _inside(wordings: Any, where: tuple, fail: Any) -> re.Pattern[str]:
    """A pattern finding any of the wordings inside a header (as whole words)."""
    parts = []
    for index, wording in enumerate(wordings or []):
        try:
            parts.append(regex_of(parse(str(wording))))
        except WordingError as exc:
            problem = f"wording-{exc.problem}"
            raise fail(problem, *where, index, wording=str(wording), part=exc.part) from exc
    body = "|".join(f"(?:{p})" for p in parts) or r"(?!)"
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")


def _heading_codes(levels: dict[str, Any], fail: Any) -> dict[str, str]:
    codes = {}
    for level, found in levels.items():
        if level not in HEADING_LEVELS:
            raise fail("unknown-key", "rows", "heading_codes", level, name=f"heading_codes.{level}")
        for code in found or []:
            codes[str(code).lower()] = str(level)
    return codes


def _words(values: Any) -> tuple[str, ...]:
    return tuple(key_of(str(v)) for v in values or [])


def phrases(words: LayoutWords, role: str, limit: int = 200_000) -> set[str]:
    """The plain phrases a column's wordings stand for (the synonyms of the property tests),
    but those of a wording with '*' or of more than `limit` phrases."""
    found: set[str] = set()
    for spec in words.roles:
        if spec.name == role:
            for wording in spec.wordings:
                found |= phrases_of(parse(wording), limit) or set()
    return found
