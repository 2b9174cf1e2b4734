"""Which office sent the workbook, and for which year.

The office comes from titles ("KOMISI PEMILIHAN UMUM KOTA BANJARMASIN"), an identity line
("Nama / Unit Organisasi : KPU Kota Banjarbaru"), a signature line, or the file name, and is
matched to the 13 Kalimantan Selatan offices where it fits (older spellings included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .locate import date_line


@dataclass(frozen=True)
class Office:
    code: str
    kind: str  # Kabupaten | Kota
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"KPU {self.kind} {self.name}"


KALSEL_OFFICES: tuple[Office, ...] = (
    Office("63.01", "Kabupaten", "Tanah Laut", ("tala",)),
    Office("63.02", "Kabupaten", "Kotabaru", ("kota baru",)),
    Office("63.03", "Kabupaten", "Banjar"),
    Office("63.04", "Kabupaten", "Barito Kuala", ("batola",)),
    Office("63.05", "Kabupaten", "Tapin"),
    Office("63.06", "Kabupaten", "Hulu Sungai Selatan", ("hss",)),
    Office("63.07", "Kabupaten", "Hulu Sungai Tengah", ("hst",)),
    Office("63.08", "Kabupaten", "Hulu Sungai Utara", ("hsu",)),
    Office("63.09", "Kabupaten", "Tabalong"),
    Office("63.10", "Kabupaten", "Tanah Bumbu", ("tanbu",)),
    Office("63.11", "Kabupaten", "Balangan"),
    Office("63.71", "Kota", "Banjarmasin", ("bjm",)),
    Office("63.72", "Kota", "Banjarbaru", ("banjar baru", "bjb")),
)
PROVINCES = {"kalimantan selatan": KALSEL_OFFICES, "kalsel": KALSEL_OFFICES}

KPU_NAME = re.compile(
    r"\b(?:KPU|KOMISI\s+PEMILIHAN\s+UMUM)\s+((?:KOTA|KABUPATEN|KAB\.?|PROVINSI)\s+[A-Z][A-Z .'-]*)",
    re.IGNORECASE,
)
# "KPU Balangan", "KPU HSS": only a known office's name counts in this form
KPU_UNTYPED = re.compile(r"\b(?:KPU|KOMISI\s+PEMILIHAN\s+UMUM)\s+([A-Z][A-Z .'-]*)", re.IGNORECASE)
YEAR = re.compile(r"\b(?:TAHUN(?:\s+ANGGARAN)?|T\.?\s?A\.?)\s+(20\d{2})\b", re.IGNORECASE)
STOP_WORDS = {"tahun", "yang", "dan", "di", "sekretariat", "nomor", "no", "rencana"}


NOT_A_LETTER = re.compile(r"[^a-z]")


def _squash(text: str) -> str:
    return NOT_A_LETTER.sub("", text.lower())


def _build_keys() -> tuple[dict[str, Office], dict[str, Office]]:
    """Keys for typed names ('kotabanjarmasin', 'kabupatenkotabaru') and bare names (file names)."""
    typed: dict[str, Office] = {}
    bare: dict[str, Office] = {}
    for office in KALSEL_OFFICES:
        for name in (office.name, *office.aliases):
            prefixes = ("kabupaten", "kab") if office.kind == "Kabupaten" else ("kota",)
            for prefix in prefixes:
                typed[_squash(prefix + name)] = office
            bare[_squash(name)] = office
    # "KPU Kota Baru" is the older spelling of Kabupaten Kotabaru, not a Kota.
    typed["kotabaru"] = typed["kabupatenkotabaru"]
    return typed, bare


TYPED_KEYS, BARE_KEYS = _build_keys()


def office_from_texts(texts: list[str]) -> tuple[str, str | None] | None:
    """(label, code) for the first text naming a KPU office; known offices win over unknown."""
    unknown: str | None = None
    for text in texts:
        for match in KPU_NAME.finditer(text):
            words = _name_words(match.group(1))
            office = _longest_known(words)
            if office:
                return office.label, office.code
            if unknown is None and len(words) >= 2:
                unknown = "KPU " + " ".join(w.capitalize() for w in words).replace(
                    "Kab.", "Kabupaten"
                )
        for match in KPU_UNTYPED.finditer(text):
            office = _known_without_type(_name_words(match.group(1)))
            if office:
                return office.label, office.code
    return (unknown, None) if unknown else None


def _name_words(text: str) -> list[str]:
    words: list[str] = []
    for word in re.split(r"\s+", text.strip()):
        if not word or _squash(word) in STOP_WORDS or re.search(r"\d", word):
            break
        words.append(word.strip(",.;:"))
        if len(words) == 5 or word.endswith((",", ";", ":")):
            break
    return words


def _longest_known(words: list[str]) -> Office | None:
    for size in range(len(words), 1, -1):
        office = TYPED_KEYS.get(_squash(" ".join(words[:size])))
        if office:
            return office
    return None


def _known_without_type(words: list[str]) -> Office | None:
    """ "KPU Balangan", "KPU HSS": a known office named right after KPU without Kabupaten/Kota."""
    for size in range(min(len(words), 3), 0, -1):
        office = BARE_KEYS.get(_squash(" ".join(words[:size])))
        if office:
            return office
    return None


def office_from_filename(stem: str) -> tuple[str, str | None] | None:
    named = office_from_texts([stem.replace("_", " ").replace("-", " ")])
    if named:
        return named
    words = re.findall(r"[A-Za-z]+", stem)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            office = BARE_KEYS.get(_squash("".join(words[start : start + size])))
            if office:
                return office.label, office.code
    return None


def year_from_texts(texts: list[str]) -> int | None:
    for text in texts:
        match = YEAR.search(text)
        if match:
            return int(match.group(1))
    for text in texts:
        if date_line().match(text.strip()):
            return int(re.findall(r"\d{4}", text)[0])
    for pattern in (YEAR_ALONE, YEAR_ANYWHERE):  # a letter's number ("12/PL.01/2024") last
        for text in texts:
            match = pattern.search(text)
            if match:
                return int(match.group(1))
    return None


def sheet_year(titles: list[str], sheet_name: str) -> int | None:
    """The year a sheet names as its own: "TAHUN 2025" in its titles, else a year in its name
    ("RKT 2024"). A signature's date is not one (a 2025 plan is signed in December 2024)."""
    for text in titles:
        match = YEAR.search(text)
        if match:
            return int(match.group(1))
    match = YEAR_ALONE.search(sheet_name)
    return int(match.group(1)) if match else None


YEAR_ALONE = re.compile(r"(?<![/.\d-])\b(20\d{2})\b(?![/.]\d)")
YEAR_ANYWHERE = re.compile(r"\b(20\d{2})\b")


def offices_of_province(name: str) -> tuple[Office, ...]:
    return PROVINCES.get(re.sub(r"^(kpu\s+)?(provinsi\s+)?", "", name.strip().lower()), ())
