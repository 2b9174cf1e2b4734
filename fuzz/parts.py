"""A fuzzable form of a workbook: its name and its parts side by side, uncompressed.

A mutated zip is almost always refused at its CRC, so a fuzzer mutating .xlsx bytes never gets
past the zip layer. Here the fuzzer mutates the parts' XML (or BIFF12) and the file name; the
harness packs them into a real zip (correct CRCs) before kinerja-xl reads it.

    @name\\x00RKT 2024.xlsx\\x00\\x00PART:xl/workbook.xml\\n<workbook …>\\x00\\x00PART:…

A part is introduced by SEPARATOR and its name up to the first newline; what precedes the first
separator is ignored. A mutation that breaks a separator merges two parts, which is fine too.
"""

from __future__ import annotations

import io
import zipfile

SEPARATOR = b"\x00\x00PART:"
NAME_PART = "@name"


def encode(parts: dict[str, bytes], name: str) -> bytes:
    """Parts and the file name as one fuzz input."""
    chunks = [SEPARATOR + NAME_PART.encode() + b"\n" + name.encode("utf-8", "surrogateescape")]
    chunks += [SEPARATOR + part.encode("utf-8") + b"\n" + data for part, data in parts.items()]
    return b"".join(chunks)


def decode(data: bytes) -> tuple[dict[str, bytes], bytes | None]:
    """(parts, file name bytes or None) of a fuzz input."""
    parts: dict[str, bytes] = {}
    name = None
    for chunk in data.split(SEPARATOR)[1:]:
        head, _, body = chunk.partition(b"\n")
        part = head.decode("utf-8", "replace")
        if part == NAME_PART:
            name = body
        elif part and part not in parts:
            parts[part] = body
    return parts, name


def pack(parts: dict[str, bytes]) -> bytes:
    """A real zip of the parts (the mimetype first and stored, as ODF asks)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ordered = sorted(parts, key=lambda p: p != "mimetype")
        for part in ordered:
            method = zipfile.ZIP_STORED if part == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(part, (2024, 1, 1, 0, 0, 0)), parts[part], method)
    return buffer.getvalue()


def unpack(data: bytes) -> dict[str, bytes]:
    """The parts of a zip workbook, in its own order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}
