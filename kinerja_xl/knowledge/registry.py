"""Every KPU office of Indonesia, read from `schemas/offices.yaml`, and which documents each
owes its province (`schemas/kiriman.yaml`); both validated as documents when loaded.

The registry knows the offices; this module knows how offices are written. A name is matched
by one mechanism for every office: a commission word (KPU, KIP, Komisi Pemilihan Umum, Komisi
Independen Pemilihan), an optional kind word (Provinsi, Kabupaten, Kab., Kota, with or without
"Administrasi"), then the region's name or one of its aliases, compared without case, spaces,
hyphens or dots ("Toli-Toli" is "Tolitoli", "Kab. HSS" is the kabupaten whose alias HSS is).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .document import DocumentSpec, Lines, SchemaError, read_document

KINDS = ("ri", "provinsi", "kabupaten", "kota")
KIND_WORDS = {  # how offices write the kind of a region, squashed
    "provinsi": "provinsi",
    "propinsi": "provinsi",
    "prov": "provinsi",
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "kota": "kota",
    "kotamadya": "kota",
}
KIND_TITLES = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}
ADMINISTRATIVE = {"administrasi", "adm"}  # DKI's kota and kabupaten: "Kota Administrasi …"
# where a name stops: words that follow an office's name in titles and file names
STOP_WORDS = {
    "tahun", "ta", "yang", "dan", "di", "se", "pada", "untuk", "sekretariat", "nomor", "no",
    "rencana", "rkt", "iku", "pk", "lkj", "lkjip", "lakip", "renstra", "renja", "dipa",
    "anggaran", "laporan", "perjanjian", "indikator", "kinerja", "revisi", "final", "draft",
}  # fmt: skip
NAME_WORDS = 6  # the longest region name has five words ("Kepulauan Siau Tagulandang Biaro")
RANK = {"kabupaten": 0, "kota": 0, "provinsi": 1, "ri": 2}  # a letterhead names the province too


def squash(text: str) -> str:
    """Letters only, lower case: 'Toli-Toli' and 'Tolitoli', 'Kab.' and 'Kab' compare equal."""
    return NOT_A_LETTER.sub("", text.lower())


NOT_A_LETTER = re.compile(r"[^a-z]")
WORD = re.compile(r"[^\s/]+(?:/)?")


@dataclass(frozen=True)
class Office:
    code: str
    kind: str  # ri | provinsi | kabupaten | kota
    name: str  # "KPU Kota Surabaya", "KIP Kabupaten Aceh Besar"
    region: str  # "Surabaya"
    province: str | None  # the province's name; None for KPU RI
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.name

    @property
    def province_code(self) -> str | None:
        return None if self.kind == "ri" else self.code[:2]


@dataclass(frozen=True)
class OwedDocument:
    """A document an office owes, and how a table is recognised as it (kiriman.yaml)."""

    name: str
    kinds: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # the table's document must be one of these (or unnamed)
    not_documents: tuple[str, ...] = ()

    def fits(self, kind: str, document: str | None) -> bool:
        if self.kinds and kind not in self.kinds:
            return False
        if document in self.not_documents:
            return False
        if self.documents:
            return document in self.documents or (document is None and bool(self.kinds))
        return True


@dataclass(frozen=True)
class Match:
    """What a workbook's texts say of its office: a known office, or a name that no office of
    the registry has (`unknown`), or another agency named instead (`agency`), or a name that
    several offices share and nothing written decides ('KPU Banjar': Kabupaten Banjar in
    Kalimantan Selatan, Kota Banjar in Jawa Barat; `candidates`)."""

    office: Office | None = None
    unknown: str | None = None
    agency: str | None = None
    candidates: tuple[Office, ...] = ()

    @property
    def label(self) -> str | None:
        return self.office.label if self.office else self.unknown

    @property
    def code(self) -> str | None:
        return self.office.code if self.office else None


@dataclass
class Registry:
    offices: tuple[Office, ...]
    commissions: dict[str, str]
    other_agencies: tuple[str, ...] = ()
    documents: dict[str, OwedDocument] = field(default_factory=dict)
    owed: tuple[str, ...] = ()
    owed_by_province: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> names
    source: str = ""

    def __post_init__(self) -> None:
        self.by_code = {o.code: o for o in self.offices}
        self.by_name = {o.name: o for o in self.offices}
        self.typed: dict[tuple[str, str], Office] = {}
        self.bare: dict[str, list[Office]] = {}
        for office in self.offices:
            for name in (office.region, *office.aliases):
                key = squash(name)
                self.typed.setdefault((office.kind, key), office)
                if office not in self.bare.setdefault(key, []):
                    self.bare[key].append(office)
        self.provinces = tuple(o for o in self.offices if o.kind == "provinsi")
        self._commission = re.compile(
            r"(?<![A-Za-z])(?:"
            + "|".join(_spaced(w) for w in (*self.commissions.values(), *self.commissions))
            + r")(?![A-Za-z])",
            re.IGNORECASE,
        )
        agencies = "|".join(_spaced(a) for a in self.other_agencies) or r"(?!)"
        self._agency = re.compile(rf"(?<![A-Za-z])(?:{agencies})(?![A-Za-z])", re.IGNORECASE)

    # --- provinces -----------------------------------------------------------------------

    def province(self, name: str) -> Office | None:
        """The province a person names: 'Jawa Timur', 'jatim', 'Provinsi Kalimantan Selatan',
        'KPU Provinsi DKI Jakarta', 'Yogyakarta' (the one province whose name ends so)."""
        words = [w for w in re.split(r"\s+", name.strip()) if w]
        while words and (squash(words[0]) in KIND_WORDS or self._is_commission(words[0])):
            if KIND_WORDS.get(squash(words[0]), "provinsi") != "provinsi":
                return None
            words = words[1:]
        key = squash(" ".join(words))
        if not key:
            return None
        found = self.typed.get(("provinsi", key))
        if found:
            return found
        ending = [p for p in self.provinces if squash(p.region).endswith(key) and len(key) >= 4]
        return ending[0] if len(ending) == 1 else None

    def nearest_provinces(self, name: str, limit: int = 3) -> list[str]:
        """The provinces whose names (or short forms) are closest to a mistyped one."""
        from rapidfuzz import fuzz, process

        choices: dict[str, Office] = {}
        for office in self.provinces:
            for text in (office.region, *office.aliases):
                choices[text] = office
        ranked = process.extract(name, list(choices), scorer=fuzz.WRatio, limit=limit * 4)
        names: list[str] = []
        for text, _score, _index in ranked:
            region = choices[text].region
            if region not in names:
                names.append(region)
        return names[:limit]

    def offices_of(self, province: Office) -> tuple[Office, ...]:
        """The KPU Provinsi first, then its kabupaten and kota in code order."""
        code = province.code
        return (province,) + tuple(
            o for o in self.offices if o.kind in ("kabupaten", "kota") and o.code[:2] == code
        )

    def owed_by(self, province: Office | None) -> list[OwedDocument]:
        names = self.owed_by_province.get(province.code, self.owed) if province else self.owed
        return [self.documents[name] for name in names]

    # --- matching --------------------------------------------------------------------------

    def match_texts(self, texts: Iterable[str]) -> Match | None:
        """The office a workbook's titles, identity and signature lines name. A kabupaten's
        letterhead often names its province above it, and a PK names the province as its other
        party: the most local office wins, then the first named; a name no office of the
        registry has is kept as written (a kabupaten unknown to the registry is still more
        local than the province beside it: the file is not the province's)."""
        texts = list(texts)
        best: tuple[int, int, Office] | None = None
        unknown: tuple[int, str] | None = None
        hint = self._provinces_named(texts)
        order = 0
        for text in texts:
            for start in self._commission_ends(text):
                office, written = self._after_commission(text[start:], hint)
                order += 1
                if office and (best is None or (RANK[office.kind], order) < best[:2]):
                    best = (RANK[office.kind], order, office)
                elif office is None and written and unknown is None:
                    unknown = (_written_rank(written), written)
        if best and (unknown is None or best[0] <= unknown[0]):
            return Match(best[2])
        if unknown:
            return Match(unknown=unknown[1])
        agency = self.agency_named(texts[:12], titled=True)
        if agency:
            return Match(agency=agency)
        shared = self._shared_name(texts)
        return Match(candidates=shared) if shared else None

    def match_file_name(self, stem: str) -> Match | None:
        """'KPU Kota Surabaya - RKT 2024', 'RKT_2024_Tapin', 'iku hss 2024'. A file name that
        names another agency ('BPS Tapin - RKT 2024') names no KPU office."""
        spaced = re.sub(r"[_\-–—.,()\[\]]+", " ", stem)
        named = self.match_texts([spaced])
        if named and (named.office or named.unknown):
            return named
        agency = self.agency_named([spaced])
        if agency:
            return Match(agency=agency)
        words = re.findall(r"[A-Za-z]+", stem)
        shared: tuple[Office, ...] = named.candidates if named else ()
        for size in (5, 4, 3, 2, 1):
            for begin in range(len(words) - size + 1):
                phrase = words[begin : begin + size]
                office = self._bare(squash("".join(phrase)), set())
                if office and office.kind != "ri":
                    return Match(office)
                if size > 1 and squash(phrase[0]) in KIND_WORDS:
                    kind = KIND_WORDS[squash(phrase[0])]
                    office = self.typed.get((kind, squash("".join(phrase[1:]))))
                    if office:
                        return Match(office)
                shared = shared or self._shared(squash("".join(phrase)))
        return Match(candidates=shared) if shared else None

    def agency_named(self, texts: Sequence[str], titled: bool = False) -> str | None:
        """The first other agency a text names ('BPS Tapin - RKT 2024'); `titled`: only a text
        that begins with it, as a title does ('BADAN PUSAT STATISTIK KABUPATEN TAPIN'), not a
        plan's words ('Pembentukan Badan Adhoc')."""
        for text in texts:
            found = (self._agency.match if titled else self._agency.search)(text.strip())
            if found and not self._commission.search(text):
                return " ".join(text.strip().split()[:6]) if titled else found.group(0)
        return None

    def _is_commission(self, word: str) -> bool:
        return squash(word) in {squash(c) for c in self.commissions}

    def _commission_ends(self, text: str) -> Iterable[int]:
        for found in self._commission.finditer(text):
            yield found.end()

    def _after_commission(self, rest: str, hint: set[str]) -> tuple[Office | None, str | None]:
        """The office named right after a commission word, or the name as written."""
        words = _name_words(rest)
        kind = None
        if words and squash(words[0]) in KIND_WORDS and not words[0].endswith("/"):
            kind = KIND_WORDS[squash(words[0])]
            kind_word, words = words[0], words[1:]
            if words and squash(words[0]) in ADMINISTRATIVE:
                words = words[1:]
        elif words and words[0].endswith("/"):
            return None, None  # "KPU Kabupaten/Kota …": offices in general, none of them
        for size in range(min(len(words), NAME_WORDS), 0, -1):
            key = squash("".join(words[:size]))
            if kind:
                office = self.typed.get((kind, key))
                if office is None:  # "KPU Kota Baru": an older spelling of Kabupaten Kotabaru
                    office = self._bare(squash(kind_word) + key, hint)
            else:
                office = self._bare(key, hint)
            if office:
                return office, None
        if kind and words:
            name = " ".join(w.strip(",.;:") for w in words[:NAME_WORDS])
            return None, f"KPU {KIND_TITLES[kind]} {_title(name)}"
        return None, None

    def _bare(self, key: str, hint: set[str]) -> Office | None:
        """The one office a name without its kind can be: 'Balangan', 'HSS', 'Jatim'. Kabupaten
        Bandung and Kota Bandung share a name: a province named in the texts decides."""
        found = self.bare.get(key)
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        local = [o for o in found if o.province_code in hint]
        return local[0] if len(local) == 1 else None

    def _shared(self, key: str) -> tuple[Office, ...]:
        """The offices that share a name written without its kind ('Banjar', 'Malang')."""
        found = sorted((o for o in self.bare.get(key, ()) if o.kind != "ri"), key=lambda o: o.code)
        return tuple(found) if len(found) > 1 else ()

    def _shared_name(self, texts: Sequence[str]) -> tuple[Office, ...]:
        """A shared name right after a commission word ('KPU Banjar'), the longest first."""
        for text in texts:
            for start in self._commission_ends(text):
                words = _name_words(text[start:])
                for size in range(min(len(words), NAME_WORDS), 0, -1):
                    shared = self._shared(squash("".join(words[:size])))
                    if shared:
                        return shared
        return ()

    def _provinces_named(self, texts: Sequence[str]) -> set[str]:
        codes: set[str] = set()
        for text in texts:
            lower = squash(text)
            if "provinsi" in lower or "propinsi" in lower:
                for province in self.provinces:
                    if squash(province.region) in lower:
                        codes.add(province.code)
        return codes


def _name_words(text: str) -> list[str]:
    words: list[str] = []
    for word in WORD.findall(text):
        bare = squash(word)
        if not bare or bare in STOP_WORDS or any(c.isdigit() for c in word):
            break
        words.append(word)
        if len(words) == NAME_WORDS + 2 or word.endswith((",", ";", ":", "/")):
            break
    return words


def _written_rank(written: str) -> int:
    """How local a name as written is: 'KPU Kabupaten X' or 'KPU Kota X' before 'KPU Provinsi X'."""
    kind = written.split()[1].lower() if len(written.split()) > 1 else ""
    return RANK.get(kind, RANK["provinsi"])


def _title(name: str) -> str:
    """'ATLANTIS RAYA' -> 'Atlantis Raya'; a short form in a mixed-case name stays ('HSS')."""
    shouting = name.isupper()
    return " ".join(w if w.isupper() and not shouting else w.capitalize() for w in name.split())


def _spaced(phrase: str) -> str:
    """A phrase as a pattern that allows any spacing: 'Komisi Pemilihan Umum'."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


# --- loading ---------------------------------------------------------------------------------

OFFICES_SPEC = DocumentSpec(
    required={"offices", "commissions"},
    optional={"source", "other_agencies"},
)
KIRIMAN_SPEC = DocumentSpec(required={"documents", "owed"}, optional={"provinces"})
OFFICE_KEYS = {"code", "kind", "name", "region", "province", "aliases"}
DOCUMENT_KEYS = {"kinds", "from", "not_from"}


@lru_cache(maxsize=8)
def load_registry(folder: Path | None = None) -> Registry:
    """The registry of `folder` (the packaged `schemas/` by default), or `SchemaError` naming
    the file, the line and the key."""
    from .vocabulary import default_schema_folder

    folder = Path(folder) if folder else default_schema_folder()
    path = folder / "offices.yaml"
    data, lines = read_document(path, OFFICES_SPEC)
    offices = []
    for index, entry in enumerate(data["offices"]):
        problem = _office_problem(entry)
        if problem:
            key, what = problem
            raise SchemaError(key, path, line=lines.item("offices", index), name=what)
        offices.append(
            Office(
                entry["code"],
                entry["kind"],
                entry["name"],
                entry["region"],
                entry.get("province"),
                tuple(str(a) for a in entry.get("aliases") or ()),
            )
        )
    _check_offices(path, offices)
    source = data.get("source") or {}
    registry = Registry(
        tuple(offices),
        {str(k): str(v) for k, v in data["commissions"].items()},
        tuple(str(a) for a in data.get("other_agencies") or ()),
        source=f"{source.get('package', '')} {source.get('version', '')}".strip(),
    )
    _load_kiriman(folder / "kiriman.yaml", registry)
    return registry


def _office_problem(entry: Any) -> tuple[str, str] | None:
    if not isinstance(entry, dict):
        return "not-a-mapping", str(entry)[:40]
    for key in entry:
        if key not in OFFICE_KEYS:
            return "unknown-key", key
    for key in ("code", "kind", "name", "region"):
        if not isinstance(entry.get(key), str):
            return "missing-key", key
    if entry["kind"] not in KINDS:
        return "unknown-value", entry["kind"]
    return None


def _check_offices(path: Path, offices: list[Office]) -> None:

    seen: set[str] = set()
    provinces = {o.code: o for o in offices if o.kind == "provinsi"}
    for office in offices:
        if office.code in seen:
            raise SchemaError("duplicate-code", path, name=office.code)
        seen.add(office.code)
        if office.kind in ("kabupaten", "kota") and office.code[:2] not in provinces:
            raise SchemaError("unknown-province", path, name=office.code)


def _load_kiriman(path: Path, registry: Registry) -> None:

    data, lines = read_document(path, KIRIMAN_SPEC)
    for name, spec in (data["documents"] or {}).items():
        spec = spec if isinstance(spec, dict) else {}
        for key in spec:
            if key not in DOCUMENT_KEYS:
                raise SchemaError("unknown-key", path, line=lines.key("documents", name), name=key)
        registry.documents[str(name)] = OwedDocument(
            str(name),
            tuple(spec.get("kinds") or ()),
            tuple(spec.get("from") or ()),
            tuple(spec.get("not_from") or ()),
        )
    registry.owed = _document_list(path, registry, data["owed"], lines, ("owed",))
    for province, names in (data.get("provinces") or {}).items():
        office = registry.province(str(province))
        if office is None:
            line = lines.key("provinces", province)
            raise SchemaError("unknown-province", path, line=line, name=province)
        where = ("provinces", province)
        registry.owed_by_province[office.code] = _document_list(path, registry, names, lines, where)


def _document_list(
    path: Path, registry: Registry, names: Any, lines: Lines, where: tuple[Any, ...]
) -> tuple[str, ...]:

    names = names if isinstance(names, list) else [names] if names else []
    for name in names:
        if name not in registry.documents:
            raise SchemaError("unknown-document", path, line=lines.key(*where), name=name)
    return tuple(str(n) for n in names)
