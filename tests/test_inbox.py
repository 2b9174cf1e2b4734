"""A province's inbox as a library (kinerja_xl/inbox/): the SQLite ledger that keeps every
submission and never changes one, the offices' keys kept as hashes, filing that refuses what is
not a workbook or not the key's office's, and `kinerja-xl token`."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from conftest import BANJARBARU, BANJARMASIN, SAMPLES, digest
from typer.testing import CliRunner

import kinerja_xl as kx
from kinerja_xl.cli import app as cli
from kinerja_xl.inbox import LEDGER_NAME, Inbox, NotYours, Sender, Sent, UnknownOffice
from kinerja_xl.inbox.ledger import Ledger, NewSubmission

FAULTY = SAMPLES / "faulty" / "KPU Kabupaten Balangan - RKT 2024.xlsx"


@pytest.fixture
def inbox(tmp_path) -> Inbox:
    folder = tmp_path / "kiriman"
    folder.mkdir()
    return Inbox(folder)


def submit(inbox: Inbox, path: Path, name: str | None = None, sender: Sender | None = None):
    """File one workbook as the web server does: checked, then filed (or refused)."""
    batch = kx.check([path])
    return inbox.file([Sent(name or path.name, path)], batch.files, sender or Sender("provinsi"))


def new(office: str, document: str = "RKT", year: int = 2024, name: str = "a.xlsx"):
    return NewSubmission(name, name, 1, "0" * 64, office, None, document, year, "ready", 0, 0)


# --- the ledger ----------------------------------------------------------------------------


def test_the_ledger_is_one_sqlite_file_in_the_folder_in_wal_mode(inbox):
    submit(inbox, BANJARMASIN)
    assert inbox.ledger.path == inbox.folder / LEDGER_NAME and inbox.ledger.path.is_file()
    with sqlite3.connect(inbox.ledger.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_every_submission_is_recorded_with_who_when_what_and_its_digest(inbox):
    key, made = inbox.make_key("KPU Kota Banjarmasin")
    filing = submit(inbox, BANJARMASIN, "RKT Bjm.xlsx", Sender(made.name, made))
    assert filing.refused == []
    (entry,) = inbox.history()
    assert entry.file == "RKT Bjm.xlsx" and entry.saved_as == "RKT Bjm.xlsx"
    assert (inbox.folder / entry.saved_as).read_bytes() == BANJARMASIN.read_bytes()
    assert entry.sha256 == hashlib.sha256(BANJARMASIN.read_bytes()).hexdigest()
    assert entry.size == BANJARMASIN.stat().st_size
    assert (entry.office, entry.office_code, entry.document, entry.year) == (
        "KPU Kota Banjarmasin",
        "63.71",
        "RKT",
        2024,
    )
    assert entry.by == "KPU Kota Banjarmasin #1" and entry.key_id == made.id
    assert entry.status == "current" and entry.state == "ready"
    assert entry.received_at[:2] == "20" and "T" in entry.received_at  # ISO 8601, with its offset


def test_nothing_in_the_ledger_can_be_changed_or_removed(inbox):
    submit(inbox, BANJARMASIN)
    inbox.make_key("Kota Banjarmasin")
    with sqlite3.connect(inbox.ledger.path) as connection:
        for statement in (
            "UPDATE submissions SET saved_as = 'x.xlsx'",
            "DELETE FROM submissions",
            "UPDATE keys SET hash = 'x'",
            "DELETE FROM keys",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(statement)
    inbox.withdraw(1, Sender("provinsi"))
    with sqlite3.connect(inbox.ledger.path) as connection:
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("DELETE FROM withdrawals")
    assert [e.saved_as for e in inbox.history()] == [BANJARMASIN.name]


def test_arrival_order_decides_which_submission_is_current(inbox):
    """A file named '(revisi)' that came first is superseded by the plain one that came after:
    in an inbox the order of arrival decides, never a file name."""
    submit(inbox, BANJARMASIN, "RKT Bjm (revisi).xlsx")
    submit(inbox, BANJARMASIN, "RKT Bjm.xlsx")
    first, second = inbox.history()
    assert (first.status, first.superseded_by) == ("superseded", second.id)
    assert (second.status, second.supersedes) == ("current", first.id)
    paths = sorted(inbox.folder.glob("*.xlsx"))
    batch = kx.check(paths)
    result = kx.consolidate(
        batch,
        inbox.folder.parent / "K.xlsx",
        arrival=inbox.arrival([Path(r.path) for r in batch.files]),
    ).result
    superseded = [Path(r.path).name for r in batch.files if id(r) in result.superseded]
    assert superseded == ["RKT Bjm (revisi).xlsx"]


def test_a_withdrawal_is_an_entry_and_the_earlier_submission_counts_again(inbox):
    submit(inbox, BANJARMASIN, "v1.xlsx")
    submit(inbox, BANJARMASIN, "v2.xlsx")
    withdrawn = inbox.withdraw(2, Sender("provinsi"))
    assert withdrawn.status == "withdrawn" and withdrawn.withdrawn_by == "provinsi"
    assert [(e.saved_as, e.status) for e in inbox.history()] == [
        ("v1.xlsx", "current"),
        ("v2.xlsx", "withdrawn"),
    ]
    assert (inbox.folder / "v2.xlsx").is_file()  # the file stays
    assert inbox.withdrawn() == {inbox.folder / "v2.xlsx"}
    assert inbox.withdraw(2, Sender("provinsi")).withdrawn_by == "provinsi"  # once only
    assert inbox.withdraw(99, Sender("provinsi")) is None


def test_an_office_withdraws_and_sees_only_its_own(inbox):
    _, bjm = inbox.make_key("KPU Kota Banjarmasin")
    _, bjb = inbox.make_key("KPU Kota Banjarbaru")
    submit(inbox, BANJARMASIN, sender=Sender(bjm.name, bjm))
    submit(inbox, BANJARBARU, sender=Sender(bjb.name, bjb))
    assert [e.office for e in inbox.history(bjm)] == ["KPU Kota Banjarmasin"]
    assert [e.office for e in inbox.history(bjb)] == ["KPU Kota Banjarbaru"]
    with pytest.raises(NotYours):
        inbox.withdraw(2, Sender(bjm.name, bjm))
    assert inbox.withdraw(1, Sender(bjm.name, bjm)).status == "withdrawn"


def test_submissions_recorded_at_once_from_threads_keep_one_order(inbox):
    """Eight writers at once: every submission recorded once, each superseding the one before
    it in the order SQLite let them in."""
    errors = []

    def record(number: int) -> None:
        try:
            inbox.ledger.record([new("KPU Kota Banjarmasin", name=f"{number}.xlsx")], None, "x")
        except Exception as exc:  # noqa: BLE001 (handed to the main thread)
            errors.append(exc)

    threads = [threading.Thread(target=record, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    entries = inbox.history()
    assert len(entries) == 8 and [e.status for e in entries].count("current") == 1
    assert [e.supersedes for e in entries] == [None] + [e.id for e in entries[:-1]]


def test_a_ledger_that_cannot_be_written_files_nothing(inbox, monkeypatch):
    def broken(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Ledger, "record", broken)
    with pytest.raises(sqlite3.OperationalError):
        submit(inbox, BANJARMASIN)
    assert sorted(p.name for p in inbox.folder.iterdir() if p.suffix == ".xlsx") == []
    assert [p for p in inbox.folder.iterdir() if p.name.startswith(".~kinerja")] == []


# --- only workbooks, only one's own office's --------------------------------------------------


def test_only_workbooks_are_filed(inbox, tmp_path):
    pdf = tmp_path / "dokumen.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n")
    empty = tmp_path / "kosong.xlsx"
    empty.write_bytes(b"")
    truncated = tmp_path / "rusak.xlsx"
    truncated.write_bytes(BANJARMASIN.read_bytes()[:3000])
    refusals = [submit(inbox, path).refused for path in (pdf, empty, truncated)]
    assert [(r[0].status, r[0].reason) for r in refusals] == [
        (415, "not-a-workbook"),
        (415, "not-a-workbook"),
        (422, "unreadable"),
    ]
    assert "dokumen.pdf bukan buku kerja" in refusals[0][0].message("id")
    assert "is not an Excel or Calc workbook" in refusals[0][0].message("en")
    assert inbox.history() == [] and list(inbox.folder.glob("*.xlsx")) == []


def test_an_office_key_files_its_own_office_workbooks_only(inbox):
    _, key = inbox.make_key("63.71")
    sender = Sender(key.name, key)
    refused = submit(inbox, FAULTY, sender=sender).refused
    assert [(r.status, r.reason) for r in refused] == [(403, "other-office")]
    message = refused[0].message("en")
    assert "KPU Kabupaten Balangan" in message and "KPU Kota Banjarmasin" in message
    assert inbox.history() == []
    assert submit(inbox, BANJARMASIN, sender=sender).refused == []


def test_one_refused_file_refuses_the_whole_upload(inbox, tmp_path):
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    batch = kx.check([BANJARMASIN, pdf])
    filing = inbox.file(
        [Sent(BANJARMASIN.name, BANJARMASIN), Sent("surat.pdf", pdf)], batch.files, Sender("lokal")
    )
    assert [r.file for r in filing.refused] == ["surat.pdf"] and filing.entries == []
    assert list(inbox.folder.glob("*.xlsx")) == []


# --- keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["KPU Kota Banjarmasin", "Kota Banjarmasin", "kpu kota banjarmasin", "63.71"]
)
def test_an_office_is_named_by_its_name_or_its_code(inbox, name):
    _, key = inbox.make_key(name)
    assert (key.office, key.office_code) == ("KPU Kota Banjarmasin", "63.71")


def test_a_key_is_kept_only_as_its_hash_and_revoked_at_once(inbox):
    secret, key = inbox.make_key("KPU Kabupaten Tapin")
    assert inbox.key_of(secret) == key
    assert secret.encode() not in inbox.ledger.path.read_bytes()
    assert hashlib.sha256(secret.encode()).hexdigest().encode() in inbox.ledger.path.read_bytes()
    assert inbox.key_of("x" + secret) is None
    assert [k.id for k in inbox.revoke("Kabupaten Tapin")] == [key.id]
    assert inbox.key_of(secret) is None


def test_a_name_that_is_no_office_is_refused(inbox):
    with pytest.raises(UnknownOffice):
        inbox.make_key("Dinas Pendidikan")


# --- kinerja-xl token -----------------------------------------------------------------------


def test_token_prints_the_key_once_on_stdout_and_keeps_its_hash(tmp_path):
    result = CliRunner().invoke(cli, ["token", str(tmp_path), "--office", "KPU Kota Banjarmasin"])
    assert result.exit_code == 0
    secret = result.stdout.strip()
    assert len(secret) >= 32 and "\n" not in secret
    assert "KPU Kota Banjarmasin" in result.stderr and secret not in result.stderr
    assert Inbox(tmp_path).key_of(secret).office_code == "63.71"
    listed = CliRunner().invoke(cli, ["token", str(tmp_path)])
    assert listed.exit_code == 0 and "KPU Kota Banjarmasin #1" in listed.stdout
    assert secret not in listed.stdout


def test_token_revoke_withdraws_the_office_keys(tmp_path):
    secret = CliRunner().invoke(cli, ["token", str(tmp_path), "--office", "Kota Banjarbaru"]).stdout
    revoked = CliRunner().invoke(
        cli, ["token", str(tmp_path), "--office", "Kota Banjarbaru", "--revoke", "--lang", "en"]
    )
    assert revoked.exit_code == 0 and "1 key of Kota Banjarbaru revoked" in revoked.stderr
    assert Inbox(tmp_path).key_of(secret.strip()) is None


def test_token_for_an_unknown_office_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["token", str(tmp_path), "--office", "Antah Berantah"])
    assert result.exit_code == 2 and "35.78" in result.stderr
    assert not (tmp_path / LEDGER_NAME).exists()


def test_the_inbox_is_part_of_the_public_library(inbox):
    assert kx.Inbox is Inbox
    submit(inbox, BANJARMASIN)
    assert json.loads(json.dumps([e.to_dict() for e in kx.Inbox(inbox.folder).history()]))
    shutil.copy(BANJARMASIN, inbox.folder / "by hand.xlsx")
    arrival = inbox.arrival([inbox.folder / "by hand.xlsx", inbox.folder / BANJARMASIN.name])
    assert arrival[str(inbox.folder / BANJARMASIN.name)][1] == 1  # the ledger's first
    assert arrival[str(inbox.folder / "by hand.xlsx")][1] == 0  # by hand: its time only
    assert digest(inbox.folder / BANJARMASIN.name) == digest(BANJARMASIN)
