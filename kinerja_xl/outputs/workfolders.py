"""kinerja-xl's hidden working folders beside an output, and the only deletion it ever does.

An output is written inside a working folder `.~kinerja-<pid>-<random>` beside it (write.py);
the folder goes when the write ends, and a folder left by a process killed outright is removed
by the next run in that folder. Removal is allowed only for what kinerja-xl can prove it made:

- a real folder (not a link), owned by this user, named `.~kinerja-<pid>-…` whose process is gone;
- holding the marker file this module wrote when it made the folder (a regular file, owned by
  this user, saying so and naming the same pid);
- and nothing else but what a write puts there (`output.xlsx`, xlsxwriter's `tmpXXXXXXXX`
  files): regular files owned by this user, no folder, no link.

Anything else — an office's folder that happens to have such a name, a leftover someone put a
file into — is left as it is. Files are removed one by one and the folder with `rmdir`, so even
a folder that changes meanwhile never loses what it was not proven to hold.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = ".~kinerja-"  # never read as input (discover.py)
MARKER = ".kinerja-xl-work"
MARKER_TEXT = "kinerja-xl work folder\n"
OURS = re.compile(r"output\.[A-Za-z0-9]{1,5}|upload|tmp[A-Za-z0-9_]{6,12}")  # what a write leaves


def make_work_folder(beside: Path) -> Path:
    """A new working folder in `beside`, with our marker in it. Raises OSError.

    A folder without its marker is never provably ours, so one left between the two would stay
    for good: Ctrl-C and SIGTERM wait while both are made (where the system can hold them), and
    whatever interrupts this call undoes what it made — its name is chosen before it exists."""
    folder = beside / f"{PREFIX}{os.getpid()}-{secrets.token_hex(8)}"
    try:
        with _interruptions_held():
            os.mkdir(folder, 0o700)
            descriptor = os.open(folder / MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="ascii") as handle:
                handle.write(f"{MARKER_TEXT}{os.getpid()}\n{secrets.token_hex(8)}\n")
    except FileExistsError:  # a folder of that name was there already: not ours to touch
        raise
    except BaseException:  # an interruption held until now, a full disk …
        _unmake(folder)
        raise
    return folder


def _unmake(folder: Path) -> None:
    """Undo `make_work_folder`: our marker, then the folder with rmdir (which removes nothing
    but an empty folder)."""
    try:
        if _owned_by_us(folder / MARKER, stat.S_ISREG):
            os.unlink(folder / MARKER)
        os.rmdir(folder)
    except OSError:
        pass


@contextmanager
def _interruptions_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back for the block (where the system can), then delivered."""
    hold = getattr(signal, "pthread_sigmask", None)
    if hold is None:
        yield
        return
    previous = hold(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        hold(signal.SIG_SETMASK, previous)


def remove_work_folder(folder: Path) -> bool:
    """Remove `folder` if it is provably one of ours; say whether it was."""
    if not provably_ours(folder):
        return False
    try:
        for entry in os.scandir(folder):
            os.unlink(entry.path)
        os.rmdir(folder)
    except OSError:  # changed meanwhile, or not ours to remove after all: leave the rest
        return False
    return True


def remove_stale_work_folders(folder: Path) -> None:
    """Working folders left in `folder` by runs that were killed (their process is gone)."""
    try:
        candidates = [Path(e.path) for e in os.scandir(folder) if e.name.startswith(PREFIX)]
    except OSError:
        return
    for candidate in candidates:
        pid = _pid_of(candidate.name)
        if pid is not None and not _alive(pid):
            remove_work_folder(candidate)


def provably_ours(folder: Path) -> bool:
    pid = _pid_of(folder.name)
    if pid is None or not _owned_by_us(folder, stat.S_ISDIR):
        return False
    marker = folder / MARKER
    if not _owned_by_us(marker, stat.S_ISREG):
        return False
    try:
        with open(marker, encoding="ascii") as handle:
            text = handle.read(200)
        entries = list(os.scandir(folder))
    except (OSError, UnicodeDecodeError):
        return False
    if not text.startswith(f"{MARKER_TEXT}{pid}\n"):
        return False
    return all(
        entry.name == MARKER
        or (OURS.fullmatch(entry.name) and _owned_by_us(Path(entry.path), stat.S_ISREG))
        for entry in entries
    )


def _owned_by_us(path: Path, kind: object) -> bool:
    try:
        status = os.lstat(path)  # a link is never followed
    except OSError:
        return False
    owner = getattr(os, "getuid", lambda: status.st_uid)()
    return bool(kind(status.st_mode)) and status.st_uid == owner  # type: ignore[operator]


def _pid_of(name: str) -> int | None:
    if not name.startswith(PREFIX):
        return None
    pid = name[len(PREFIX) :].split("-", 1)[0]
    return int(pid) if pid.isdigit() and len(pid) < 10 else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True
