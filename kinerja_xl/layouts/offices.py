"""Which office sent the workbook, and for which year.

The office comes from titles ("KOMISI PEMILIHAN UMUM KOTA BANJARMASIN"), an identity line
("Nama / Unit Organisasi : KPU Kota Banjarbaru"), a signature line, the file name or a sheet's
name, matched against the registry of every KPU office (schemas/offices.yaml, read by
knowledge/registry.py). A workbook that names no office of the registry, or another agency,
is said to (`office-unknown`), never filed under a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..knowledge.registry import Registry
from .locate import date_line

YEAR = re.compile(r"\b(?:TAHUN(?:\s+ANGGARAN)?|T\.?\s?A\.?)\s+(20\d{2})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sender:
    """Whose workbook: the office found (known or as written), where, and what else was named."""

    office: str | None = None
    code: str | None = None
    in_name: str | None = None  # the file name names another office than the titles
    agency: str | None = None  # another agency named instead of a KPU office
    # a name several offices share, nothing written deciding ('KPU Banjar'): their codes
    candidates: tuple[str, ...] = ()


def find_office(
    registry: Registry, titles: Sequence[str], stem: str, sheet_names: Sequence[str] = ()
) -> Sender:
    """Known offices first: the titles', the file name's, a sheet name's; then a name the
    registry lacks, as written. A workbook whose titles or file name name another agency
    ("BADAN PUSAT STATISTIK KABUPATEN TAPIN", "BPS Tapin - RKT 2024") is that agency's."""
    in_titles = registry.match_texts(titles)
    in_name = registry.match_file_name(stem)
    agency = next((m.agency for m in (in_titles, in_name) if m and m.agency), None)
    in_sheets = None
    if agency is None:
        in_sheets = next(
            (m for name in sheet_names if (m := registry.match_file_name(name)) and m.office), None
        )
    found = [m for m in (in_titles, in_name, in_sheets) if m and (m.office or m.unknown)]
    if agency is not None:
        found = [m for m in found if m is in_titles]  # a title's KPU office still counts
    best = next((m for m in found if m.office), None) or next(iter(found), None)
    if best is None:
        shared = next((m.candidates for m in (in_titles, in_name) if m and m.candidates), ())
        return Sender(agency=agency, candidates=tuple(o.code for o in shared))
    other = None
    if in_titles and in_name and in_titles.label and in_name.label != in_titles.label:
        other = in_name.label if in_name.office or in_name.unknown else None
    return Sender(best.label, best.code, other, None)


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
