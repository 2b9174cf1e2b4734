"""Keys: one (or more) per office, made by the province with `kinerja-xl token FOLDER --office
NAME`, shown once and kept in the ledger only as a sha256 (a key is 192 random bits: no slow
hash is needed against guessing, and a lookup by its hash is exact). The province's own key is
the server's `--token`, which is never stored."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from ..knowledge.registry import Registry, load_registry
from .ledger import Key, Ledger

CODE = re.compile(r"^\d{2}(\.\d{2})?$")


@dataclass(frozen=True)
class Office:
    label: str  # "KPU Kota Surabaya"
    code: str | None  # "35.78": what identifies the office wherever the registry knows it


def hashed(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def office_named(name: str, registry: Registry | None = None) -> Office | None:
    """The KPU office `name` means, in the registry of every office (schemas/offices.yaml): a
    Kemendagri code ('35.78'), its name ('KPU Kota Surabaya', 'KIP Aceh'), or a name offices
    write ('Kota Surabaya', 'Surabaya', 'Kab. HSS'); None when it names no known office."""
    registry = registry or load_registry()
    text = " ".join(name.split())
    if CODE.match(text) or text == "00":
        found = registry.by_code.get(text)
        return Office(found.label, found.code) if found else None
    for match in (
        registry.match_texts([text]),
        registry.match_texts([f"KPU {text}"]),
        registry.match_file_name(text),
    ):
        if match is not None and match.office is not None:
            return Office(match.office.label, match.office.code)
    return None


def same_office(key: Key, office: str | None, code: str | None) -> bool:
    """Whether a workbook of `office` (`code`) is the key's office's: by code where both have
    one, else by name."""
    if key.office_code and code:
        return key.office_code == code
    return bool(office) and (office or "").casefold() == key.office.casefold()


def make_key(ledger: Ledger, office: Office) -> tuple[str, Key]:
    """A new key for `office`: the key itself (to show once) and its ledger entry."""
    key = secrets.token_urlsafe(24)
    return key, ledger.add_key(office.label, office.code, hashed(key))


def key_of(ledger: Ledger, offered: str) -> Key | None:
    """The office key `offered` is, unless it is unknown or revoked."""
    if not offered or len(offered) > 200:
        return None
    return ledger.key_by_hash(hashed(offered))
