"""The ledger of a province's inbox: one SQLite file in FOLDER (the standard library's sqlite3,
write-ahead log, every write one transaction) that records every key made for an office and
every submission filed, as it came: who sent it (which key), when, under which name, where it
was kept, its size and sha256, whose it is, which document and year, what the check said, and
which earlier submission it superseded.

Nothing in it is changed or removed: a withdrawal is an entry of its own, and triggers refuse
an UPDATE or DELETE of a submission or a withdrawal (and of a key, save its revocation). What is
current is worked out when read: of one office's submissions of one document for one year,
the last to arrive that is not withdrawn."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

LEDGER_NAME = "kinerja-xl-riwayat.sqlite"
SCHEMA_VERSION = 1
BUSY_SECONDS = 15.0  # another process's write waits this long for ours (and ours for theirs)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS keys (
    id INTEGER PRIMARY KEY,
    office TEXT NOT NULL,
    office_code TEXT,
    number INTEGER NOT NULL,            -- the office's first, second … key
    hash TEXT NOT NULL UNIQUE,          -- sha256 of the key: the key itself is never kept
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY,             -- the order of arrival
    received_at TEXT NOT NULL,
    key_id INTEGER REFERENCES keys(id), -- null: the province's token, or no key on loopback
    sent_by TEXT NOT NULL,
    file TEXT NOT NULL,                 -- the name it was sent under
    saved_as TEXT NOT NULL UNIQUE,      -- where it is kept in FOLDER (never reused)
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    office TEXT,
    office_code TEXT,
    document TEXT,
    year INTEGER,
    state TEXT NOT NULL,                -- what the check said on arrival: ready | fix
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    supersedes INTEGER REFERENCES submissions(id)
);
CREATE TABLE IF NOT EXISTS withdrawals (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL UNIQUE REFERENCES submissions(id),
    at TEXT NOT NULL,
    key_id INTEGER REFERENCES keys(id),
    sent_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS submissions_by_office ON submissions(office_code, office);
CREATE TRIGGER IF NOT EXISTS submissions_kept BEFORE UPDATE ON submissions
    BEGIN SELECT RAISE(ABORT, 'the ledger keeps every submission as it came'); END;
CREATE TRIGGER IF NOT EXISTS submissions_never_removed BEFORE DELETE ON submissions
    BEGIN SELECT RAISE(ABORT, 'the ledger keeps every submission as it came'); END;
CREATE TRIGGER IF NOT EXISTS withdrawals_kept BEFORE UPDATE ON withdrawals
    BEGIN SELECT RAISE(ABORT, 'a withdrawal is kept as it was made'); END;
CREATE TRIGGER IF NOT EXISTS withdrawals_never_removed BEFORE DELETE ON withdrawals
    BEGIN SELECT RAISE(ABORT, 'a withdrawal is kept as it was made'); END;
CREATE TRIGGER IF NOT EXISTS keys_kept BEFORE UPDATE ON keys
    WHEN OLD.revoked_at IS NOT NULL OR NEW.hash IS NOT OLD.hash OR NEW.office IS NOT OLD.office
      OR NEW.office_code IS NOT OLD.office_code OR NEW.number IS NOT OLD.number
      OR NEW.created_at IS NOT OLD.created_at
    BEGIN SELECT RAISE(ABORT, 'a key is only ever revoked'); END;
CREATE TRIGGER IF NOT EXISTS keys_never_removed BEFORE DELETE ON keys
    BEGIN SELECT RAISE(ABORT, 'a key is only ever revoked'); END;
"""


class LedgerError(Exception):
    """The ledger cannot be opened or written (a read-only folder, a damaged file)."""


def now() -> str:
    """This moment, in local time with its offset, to the millisecond: '2025-03-04T09:15:02.123+08:00'."""
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


Group = tuple[str, str | None, int | None]


def group_of(
    office: str | None, code: str | None, document: str | None, year: int | None, number: int
) -> Group:
    """What a later submission supersedes: the same office's same document for one year (a
    submission of no known office supersedes nothing and is superseded by nothing)."""
    return (code or office or f"#{number}", document, year)


@dataclass(frozen=True)
class Key:
    id: int
    office: str
    office_code: str | None
    number: int
    created_at: str
    revoked_at: str | None

    @property
    def name(self) -> str:
        """How the ledger names who used it: 'KPU Kota Surabaya #1'."""
        return f"{self.office} #{self.number}"


@dataclass
class Entry:
    """One submission as the ledger tells it (`status` worked out from what came after)."""

    id: int
    office: str | None
    office_code: str | None
    document: str | None
    year: int | None
    file: str
    saved_as: str
    size: int
    sha256: str
    received_at: str
    by: str
    key_id: int | None
    state: str
    errors: int
    warnings: int
    supersedes: int | None
    status: str = "current"  # current | superseded | withdrawn
    superseded_by: int | None = None
    withdrawn_at: str | None = None
    withdrawn_by: str | None = None

    @property
    def group(self) -> Group:
        return group_of(self.office, self.office_code, self.document, self.year, self.id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class NewSubmission:
    file: str
    saved_as: str
    size: int
    sha256: str
    office: str | None
    office_code: str | None
    document: str | None
    year: int | None
    state: str
    errors: int
    warnings: int


class Ledger:
    """The ledger file of one FOLDER. Every call opens its own connection (threads and worker
    processes of the web server write beside each other; SQLite serialises the writers)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LEDGER_NAME

    def exists(self) -> bool:
        return self.path.is_file()

    @contextmanager
    def _connect(self, write: bool) -> Iterator[sqlite3.Connection]:
        if not write and not self.exists():
            raise FileNotFoundError(self.path)
        try:
            connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        except sqlite3.Error as exc:
            raise LedgerError(str(exc)) from exc
        try:
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA synchronous = FULL")  # a ledger survives a power cut
            if write:
                self._prepare(connection)
            yield connection
        except sqlite3.Error as exc:
            raise LedgerError(str(exc)) from exc
        finally:
            connection.close()

    @staticmethod
    def _prepare(connection: sqlite3.Connection) -> None:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        connection.execute("PRAGMA journal_mode = WAL")  # persists in the file
        # one script, one transaction: a failure half-way leaves it open, and closing the
        # connection rolls it back (executescript would commit a transaction begun outside it)
        connection.executescript(
            f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write: all of it or none of it (BEGIN IMMEDIATE takes the write lock at once,
        so that what is read inside cannot change before it is written)."""
        with self._connect(write=True) as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def _rows(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        try:
            with self._connect(write=False) as connection:
                return connection.execute(sql, parameters).fetchall()
        except FileNotFoundError:
            return []

    # --- keys ------------------------------------------------------------------------------

    def add_key(self, office: str, office_code: str | None, hashed: str) -> Key:
        with self._transaction() as connection:
            number = connection.execute(
                "SELECT COUNT(*) FROM keys WHERE office = ?", (office,)
            ).fetchone()[0]
            made = now()
            cursor = connection.execute(
                "INSERT INTO keys (office, office_code, number, hash, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (office, office_code, number + 1, hashed, made),
            )
            return Key(int(cursor.lastrowid or 0), office, office_code, number + 1, made, None)

    def revoke_keys(self, office: str) -> list[Key]:
        """Every key of `office` still in use, revoked now; the keys revoked."""
        with self._transaction() as connection:
            rows = connection.execute(
                "SELECT * FROM keys WHERE office = ? AND revoked_at IS NULL", (office,)
            ).fetchall()
            at = now()
            connection.execute(
                "UPDATE keys SET revoked_at = ? WHERE office = ? AND revoked_at IS NULL",
                (at, office),
            )
        return [_key({**dict(row), "revoked_at": at}) for row in rows]

    def key_by_hash(self, hashed: str) -> Key | None:
        rows = self._rows("SELECT * FROM keys WHERE hash = ? AND revoked_at IS NULL", (hashed,))
        return _key(rows[0]) if rows else None

    def keys(self) -> list[Key]:
        return [_key(row) for row in self._rows("SELECT * FROM keys ORDER BY id")]

    # --- submissions -----------------------------------------------------------------------

    def record(
        self, submissions: list[NewSubmission], key_id: int | None, sent_by: str
    ) -> list[Entry]:
        """The submissions of one upload, in one transaction, each superseding the current
        submission of its office, document and year (if any) at this moment."""
        with self._transaction() as connection:
            current = {e.group: e.id for e in _entries(connection) if e.status == "current"}
            received = now()
            ids = []
            for new in submissions:
                known = bool(new.office or new.office_code)
                group = group_of(new.office, new.office_code, new.document, new.year, -1)
                supersedes = current.get(group) if known else None
                cursor = connection.execute(
                    "INSERT INTO submissions (received_at, key_id, sent_by, file, saved_as, size,"
                    " sha256, office, office_code, document, year, state, errors, warnings,"
                    " supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (received, key_id, sent_by, new.file, new.saved_as, new.size, new.sha256,
                     new.office, new.office_code, new.document, new.year, new.state,
                     new.errors, new.warnings, supersedes),
                )  # fmt: skip
                ids.append(int(cursor.lastrowid or 0))
                if known:
                    current[group] = ids[-1]
            chosen = {e.id: e for e in _entries(connection)}
        return [chosen[i] for i in ids]

    def withdraw(self, submission_id: int, key_id: int | None, sent_by: str) -> Entry | None:
        """Withdraw a submission (once: a second withdrawal changes nothing); None when there
        is no such submission."""
        with self._transaction() as connection:
            exists = connection.execute(
                "SELECT 1 FROM submissions WHERE id = ?", (submission_id,)
            ).fetchone()
            if not exists:
                return None
            connection.execute(
                "INSERT OR IGNORE INTO withdrawals (submission_id, at, key_id, sent_by)"
                " VALUES (?, ?, ?, ?)",
                (submission_id, now(), key_id, sent_by),
            )
            return next(e for e in _entries(connection) if e.id == submission_id)

    def entries(self) -> list[Entry]:
        """Every submission in the order it arrived, each with its status."""
        try:
            with self._connect(write=False) as connection:
                return _entries(connection)
        except FileNotFoundError:
            return []


def _key(row: Any) -> Key:
    data = dict(row)
    return Key(
        data["id"],
        data["office"],
        data["office_code"],
        data["number"],
        data["created_at"],
        data["revoked_at"],
    )


def _entries(connection: sqlite3.Connection) -> list[Entry]:
    withdrawn = {
        row["submission_id"]: (row["at"], row["sent_by"])
        for row in connection.execute("SELECT * FROM withdrawals")
    }
    entries = []
    for row in connection.execute("SELECT * FROM submissions ORDER BY id"):
        entry = Entry(
            id=row["id"],
            office=row["office"],
            office_code=row["office_code"],
            document=row["document"],
            year=row["year"],
            file=row["file"],
            saved_as=row["saved_as"],
            size=row["size"],
            sha256=row["sha256"],
            received_at=row["received_at"],
            by=row["sent_by"],
            key_id=row["key_id"],
            state=row["state"],
            errors=row["errors"],
            warnings=row["warnings"],
            supersedes=row["supersedes"],
        )
        if entry.id in withdrawn:
            entry.status = "withdrawn"
            entry.withdrawn_at, entry.withdrawn_by = withdrawn[entry.id]
        entries.append(entry)
    _decide_current(entries)
    return entries


def _decide_current(entries: list[Entry]) -> None:
    """Arrival order decides: of a group's submissions not withdrawn, the last is current and
    each earlier one is superseded by the next."""
    later: dict[Group, Entry] = {}
    for entry in reversed(entries):
        if entry.status == "withdrawn":
            continue
        after = later.get(entry.group)
        if after is not None:
            entry.status, entry.superseded_by = "superseded", after.id
        later[entry.group] = entry
