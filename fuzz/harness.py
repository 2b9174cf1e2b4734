"""One fuzz target per format: `python -m fuzz.harness xlsx [libFuzzer options] CORPUS…`.

Each input is a workbook (its parts, or its bytes for .xls and `raw`, and its file name:
fuzz/parts.py) put alone in a fresh folder, then taken through the public surface as a person
would: `check DIR`, `check DIR --annotate DIR` (twice on one input in eight), and
`consolidate DIR -o DIR/K.xlsx` (twice likewise). Anything but these answers is a finding:

- no exception leaves kinerja-xl (`kx.OutputError` only where an output truly cannot be
  written); the JSON is valid UTF-8; the exit code is 0, 1 or 2, and 2 when unreadable;
- the input is never changed, moved or deleted; nothing is left in the folder but the input,
  its copy and the provincial workbook;
- a copy is written for every readable file and is itself known as ours: a second run writes no
  new file (copies never multiply);
- every link in an output is in-workbook or relative: no UNC path, no drive, no absolute path,
  no scheme;
- libFuzzer's own -timeout and -rss_limit_mb bound each input's cost (fuzz/run.py sets them).
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

from fuzz.parts import decode, pack

TARGETS = {  # target -> (suffix of the file, whether the input is parts to zip)
    "xlsx": (".xlsx", True),
    "ods": (".ods", True),
    "xlsb": (".xlsb", True),
    "xls": (".xls", False),
    "raw": (".xlsx", False),  # any bytes under a workbook's name: the sniffing and zip layers
}
EXTERNAL = re.compile(rb"<Relationship\b[^>]*>")
ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
# the idempotence runs cost a second check and copy: one input in eight (KX_FUZZ_REPEAT=0: none)
REPEAT_ONE_IN = int(os.environ.get("KX_FUZZ_REPEAT", "8"))


class Finding(AssertionError):
    """An answer kinerja-xl must never give."""


def workbook_of(data: bytes, target: str) -> tuple[bytes, str]:
    """The workbook's bytes and its file name for one fuzz input."""
    suffix, zipped = TARGETS[target]
    parts, name = decode(data)
    if zipped:
        body = pack(parts) if parts else data
    else:
        body = parts.get("@bytes", data if not parts else b"")
    return body, file_name(name, suffix)


def file_name(raw: bytes | None, suffix: str) -> str:
    """A name the file system accepts: the fuzzed one without '/' and NUL, within 255 bytes
    (names with backslashes, leading dots, '._', '~$' and 250 letters all stay possible)."""
    if not raw:
        return "RKT" + suffix
    name = os.fsdecode(raw.replace(b"/", b"_").replace(b"\x00", b"_"))
    while len(os.fsencode(name)) > 255:
        name = name[:-1]
    return name if name not in (".", "..") else "RKT" + suffix


def run_once(data: bytes, target: str, kx) -> None:
    body, name = workbook_of(data, target)
    with tempfile.TemporaryDirectory(prefix="kxfuzz-") as folder:
        inbox = Path(folder) / "kiriman"
        inbox.mkdir()
        source = inbox / name
        source.write_bytes(body)
        batch = kx.check([inbox])
        _check_answer(batch)
        readable = [f for f in batch.files if f.readable]
        repeat = REPEAT_ONE_IN > 0 and zlib.crc32(data) % REPEAT_ONE_IN == 0
        if readable:
            _annotate(kx, batch, inbox, repeat)
            _consolidate(kx, batch, inbox, repeat)
        if source.read_bytes() != body:
            raise Finding("the input was changed or removed")


def _check_answer(batch) -> None:
    text = json.dumps(batch.to_dict(), ensure_ascii=False)
    text.encode("utf-8")  # a lone surrogate would raise here
    if batch.exit_code not in (0, 1, 2):
        raise Finding(f"exit code {batch.exit_code}")
    for report in batch.files:
        codes = [issue.code for issue in report.issues]
        if not report.readable and (codes != ["file-unreadable"] or batch.exit_code != 2):
            raise Finding(f"an unreadable file answered {codes}, exit {batch.exit_code}")


def _annotate(kx, batch, inbox: Path, repeat: bool) -> None:
    before = set(inbox.iterdir())
    outcomes = kx.annotate(batch, inbox)
    for outcome in outcomes:
        if outcome.failed:
            raise Finding(f"copy failed: {outcome.failed}")
        if outcome.result:
            _links_are_relative(outcome.result.path)
    copies = set(inbox.iterdir()) - before
    if not repeat:
        return
    again = kx.check([inbox])
    kx.annotate(again, inbox)
    grown = set(inbox.iterdir()) - before - copies
    if grown:
        raise Finding(f"copies multiply: {sorted(p.name for p in grown)}")


def _consolidate(kx, batch, inbox: Path, repeat: bool) -> None:
    output = inbox / "K.xlsx"
    merged = kx.consolidate(batch, output, province="Kalimantan Selatan")
    _links_are_relative(merged.path)
    if repeat:  # the folder now holds our own output: it must be known and passed over
        merged = kx.consolidate([inbox], output, province="Kalimantan Selatan")
        if any(Path(f.path).name == output.name for f in merged.batch.files if f.readable):
            raise Finding("our own provincial workbook was read as a submission")


def _links_are_relative(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        for part in archive.namelist():
            if not part.endswith(".rels"):
                continue
            for element in EXTERNAL.findall(archive.read(part)):
                attributes = dict(ATTRIBUTE.findall(element))
                if attributes.get(b"TargetMode") != b"External":
                    continue
                target = attributes.get(b"Target", b"")
                if not target.startswith(b"#") and _not_relative(target):
                    raise Finding(f"a link leaves the folder: {target!r} in {path.name}")


def _not_relative(target: bytes) -> bool:
    text = target.replace(b"%5C", b"\\").replace(b"%5c", b"\\")
    return (
        text.startswith((b"/", b"\\"))
        or b"\\\\" in text
        or b"//" in text
        or re.match(rb"^[A-Za-z][A-Za-z0-9+.-]*:", text) is not None  # file:, http:, C:
    )


def main() -> None:
    target = sys.argv[1]
    if target not in TARGETS:
        raise SystemExit(f"target must be one of {', '.join(TARGETS)}")
    import atheris  # only here: the tests run `run_once` on the seeds without it

    os.environ.setdefault("KINERJA_XL_WORKERS", "1")
    with atheris.instrument_imports(include=["kinerja_xl"]):
        import kinerja_xl as kx

        _warm_up(kx, target)  # imports every room of the pipeline under instrumentation

    def test_one_input(data: bytes) -> None:
        run_once(data, target, kx)

    atheris.Setup([sys.argv[0], *sys.argv[2:]], test_one_input)
    atheris.Fuzz()


def _warm_up(kx, target: str) -> None:
    """One seed of every format, so that every reader is imported (and instrumented) before
    the fuzzing starts; what they answer here does not matter."""
    from fuzz.seeds import seeds

    for kind in TARGETS:
        for data in list(seeds(kind))[:1]:
            try:
                run_once(data, kind, kx)
            except Exception:  # a finding shows again when fuzzed
                continue


if __name__ == "__main__":
    main()
