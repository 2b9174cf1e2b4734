"""A province's inbox: the FOLDER that `kinerja-xl serve` files submissions into, with its
ledger (ledger.py), the offices' keys (keys.py) and filing (filing.py).

    inbox = Inbox("kiriman/")
    key, entry = inbox.make_key("KPU Kota Surabaya")   # shown once; kept as a sha256
    inbox.history(office_code="35.78")                     # every submission, with its status
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..model.records import FileReport
from .filing import Filing, Refusal, Sender, Sent, file_submissions, refusal, safe_name
from .keys import Office, key_of, make_key, office_named, same_office
from .ledger import LEDGER_NAME, Entry, Key, Ledger, LedgerError

__all__ = [
    "LEDGER_NAME",
    "Entry",
    "Filing",
    "Inbox",
    "Key",
    "LedgerError",
    "NotYours",
    "Office",
    "Refusal",
    "Sender",
    "Sent",
    "UnknownOffice",
    "office_named",
    "refusal",
    "safe_name",
]


class UnknownOffice(Exception):
    """A name that names no KPU office the registry knows."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class NotYours(Exception):
    """An office's key asked for another office's submission."""


class Inbox:
    """A province's inbox (the FOLDER of `kinerja-xl serve`): the offices' keys, the ledger of
    every submission, and the files filed in it."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.ledger = Ledger(self.folder)

    # --- keys ------------------------------------------------------------------------------

    def make_key(self, office_name: str) -> tuple[str, Key]:
        """A new key for the office `office_name` names: (the key, to show once; its entry)."""
        office = office_named(office_name)
        if office is None:
            raise UnknownOffice(office_name)
        return make_key(self.ledger, office)

    def revoke(self, office_name: str) -> list[Key]:
        """Every key of that office revoked (none: an empty list)."""
        office = office_named(office_name)
        if office is None:
            raise UnknownOffice(office_name)
        return self.ledger.revoke_keys(office.label)

    def key_of(self, offered: str) -> Key | None:
        return key_of(self.ledger, offered)

    def keys(self) -> list[Key]:
        return self.ledger.keys()

    # --- submissions -----------------------------------------------------------------------

    def file(self, sent: list[Sent], reports: list[FileReport], sender: Sender) -> Filing:
        """File the uploads (checked as `reports`), or refuse them all, saying why."""
        return file_submissions(self.folder, self.ledger, sent, reports, sender)

    def history(self, key: Key | None = None) -> list[Entry]:
        """Every submission in order of arrival; under an office's key, that office's only."""
        entries = self.ledger.entries()
        if key is None:
            return entries
        return [e for e in entries if same_office(key, e.office, e.office_code)]

    def withdraw(self, submission_id: int, sender: Sender) -> Entry | None:
        """Withdraw a submission (a ledger entry; the file stays where it is). None: there is
        no such submission; NotYours: an office's key asked for another office's."""
        if sender.key is not None:
            mine = {e.id for e in self.history(sender.key)}
            if submission_id not in mine:
                known = any(e.id == submission_id for e in self.ledger.entries())
                if known:
                    raise NotYours(submission_id)
                return None
        return self.ledger.withdraw(submission_id, sender.key.id if sender.key else None, sender.by)

    def withdrawn(self) -> set[Path]:
        """The files of withdrawn submissions: kept, and read by no consolidation."""
        return {self.folder / e.saved_as for e in self.ledger.entries() if e.status == "withdrawn"}

    def arrival(self, paths: list[Path]) -> dict[str, tuple[float, int]]:
        """When each file came: a filed submission's arrival (and its place in the ledger), a
        file put into FOLDER by hand its modification time. The latest supersedes."""
        filed = {e.saved_as: e for e in self.ledger.entries()}
        order: dict[str, tuple[float, int]] = {}
        for path in paths:
            entry = filed.get(path.name) if path.parent.resolve() == self.folder.resolve() else None
            if entry is not None:
                order[str(path)] = (datetime.fromisoformat(entry.received_at).timestamp(), entry.id)
            else:
                try:
                    order[str(path)] = (path.stat().st_mtime, 0)
                except OSError:
                    order[str(path)] = (0.0, 0)
        return order
