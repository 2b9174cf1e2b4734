"""A load test of `kinerja-xl serve` on loopback: C clients at once, each uploading U real sample
workbooks one after another — half to /api/check, half filed with /api/kiriman — then the
folder is checked: no error, no lost file, no partial file. Prints the median time to check one
workbook on the page (a benchmark, not a timed test: this machine is noisy).

    .venv/bin/python benchmarks/serve_load.py                  # 8 clients × 50 uploads
    .venv/bin/python benchmarks/serve_load.py --clients 4 --uploads 5
"""

from __future__ import annotations

import argparse
import hashlib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    import httpx2 as httpx  # what starlette's test client now uses (a test extra)
except ImportError:  # pragma: no cover
    import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(
    p for p in (ROOT / "sample_workbooks").glob("*") if p.suffix in (".xlsx", ".xls", ".ods")
)


@dataclass
class Outcome:
    seconds: list[float] = field(default_factory=list)  # one /api/check of one workbook
    errors: list[str] = field(default_factory=list)
    filed: list[tuple[str, str]] = field(default_factory=list)  # (saved_as, sha256 sent)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(folder: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "kinerja_xl", "serve", str(folder), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
            return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start")


def client(address: str, index: int, uploads: int, outcome: Outcome, lock: threading.Lock) -> None:
    with httpx.Client(base_url=address, timeout=120) as http:
        for number in range(uploads):
            sample = SAMPLES[(index + number) % len(SAMPLES)]
            data = sample.read_bytes()
            files = {"files": (sample.name, data)}
            route = "/api/check" if number % 2 == 0 else "/api/kiriman"
            started = time.perf_counter()
            try:
                answer = http.post(route, files=files)
            except httpx.HTTPError as exc:
                with lock:
                    outcome.errors.append(f"{route}: {exc!r}")
                continue
            elapsed = time.perf_counter() - started
            with lock:
                if answer.status_code != 200:
                    outcome.errors.append(f"{route}: HTTP {answer.status_code}")
                elif route == "/api/check":
                    outcome.seconds.append(elapsed)
                else:
                    saved = answer.json()["files"][0]["saved_as"]
                    outcome.filed.append((saved, hashlib.sha256(data).hexdigest()))


def run(clients: int, uploads: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kinerja-load-") as work:
        folder = Path(work) / "kiriman"
        folder.mkdir()
        port = free_port()
        server = start_server(folder, port)
        outcome, lock = Outcome(), threading.Lock()
        try:
            threads = [
                threading.Thread(
                    target=client, args=(f"http://127.0.0.1:{port}", i, uploads, outcome, lock)
                )
                for i in range(clients)
            ]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
        from kinerja_xl.inbox import LEDGER_NAME, Inbox

        on_disk = {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.iterdir()
            if not p.name.startswith(LEDGER_NAME)  # the ledger (and its write-ahead log)
        }
        lost = [name for name, sha in outcome.filed if on_disk.get(name) != sha]
        ledger = {e.saved_as: e.sha256 for e in Inbox(folder).history()}
        unrecorded = [name for name, sha in outcome.filed if ledger.get(name) != sha]
        return {
            "clients": clients,
            "uploads": clients * uploads,
            "errors": outcome.errors,
            "filed": len(outcome.filed),
            "files_in_folder": len(on_disk),
            "lost_or_partial": lost,
            "unrecorded": unrecorded,
            "leftovers": [n for n in on_disk if n.startswith(".")],
            "median_check_s": statistics.median(outcome.seconds) if outcome.seconds else None,
            "wall_s": wall,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--uploads", type=int, default=50)
    options = parser.parse_args()
    result = run(options.clients, options.uploads)
    for key, value in result.items():
        print(f"{key}: {value}")
    if result["errors"] or result["lost_or_partial"] or result["leftovers"] or result["unrecorded"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
