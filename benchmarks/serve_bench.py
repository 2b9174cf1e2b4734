"""`kinerja-xl serve` under load: 1, 8 and 32 clients at once, each posting real office
workbooks (every layout of sample_workbooks/, in turn) to /api/check for a fixed time, over
keep-alive connections; then a burst of large plans (20,000 rows each) to the check page, and
the server's memory once it is over.

For each level: requests a second, latency percentiles (p50, p95, p99), the peak resident
memory of the server's whole process tree (the server, its check workers and the process they
start from), sampled every 0.2 s, and the tree's CPU time per request and per second of the
run ("cores used": on a machine shared with other work, what the server got of it). Resting memory is measured after a warm-up, and again 10 s
after the burst.

    .venv/bin/python benchmarks/serve_bench.py                    # 1, 8, 32 clients, 20 s each
    .venv/bin/python benchmarks/serve_bench.py --seconds 10 --clients 1 8
    .venv/bin/python benchmarks/serve_bench.py --source ../other   # the same load on another checkout

The clients are threads of this process sending prepared bodies (little work of their own); on
a 2-core machine they still take some of the CPU the server would have: compare levels and
versions within one run, not seconds across machines.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(
    p for p in (ROOT / "sample_workbooks").glob("*") if p.suffix in (".xlsx", ".xls", ".ods")
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def multipart(path: Path) -> bytes:
    head = f'--b\r\nContent-Disposition: form-data; name="files"; filename="{path.name}"\r\n\r\n'
    return head.encode() + path.read_bytes() + b"\r\n--b--\r\n"


HEADERS = {"Content-Type": "multipart/form-data; boundary=b", "Host": "127.0.0.1"}


def large_plan(path: Path, rows: int = 20_000) -> Path:
    """A plan of `rows` indicators (a province's merged plan sent as one office's)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("RKT")
    sheet.write_row(0, 0, ["RENCANA KINERJA TAHUNAN KPU KOTA BANJARMASIN TAHUN 2024"])
    sheet.write_row(2, 0, ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"])
    for i in range(rows):
        sasaran = f"Meningkatnya kualitas layanan {i % 50}"
        sheet.write_row(3 + i, 0, [i + 1, sasaran, f"Persentase layanan tepat waktu {i}", "90%"])
    book.close()
    return path


# --- the server and its memory ------------------------------------------------------------


def start_server(folder: Path, port: int, source: Path) -> subprocess.Popen[bytes]:
    environment = dict(os.environ, PYTHONPATH=str(source))
    command = [sys.executable, "-m", "kinerja_xl", "serve", str(folder), "--port", str(port)]
    server = subprocess.Popen(  # a session of its own, as on its own computer: where the
        # scheduler shares the cores out by session (Linux's autogroups), the clients' work is
        # not taken from the server's share
        command,
        cwd=source,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/", headers={"Host": "127.0.0.1"})
            connection.getresponse().read()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def tree(pid: int) -> list[int]:
    """`pid` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of the process tree, in MB. RSS counts the pages the workers share with the
    process they were forked from once per process; PSS shares them out."""
    rss = pss = 0.0
    for member in tree(pid):
        try:
            with open(f"/proc/{member}/smaps_rollup", encoding="ascii") as rollup:
                for line in rollup:
                    name, _, value = line.partition(":")
                    if name == "Rss":
                        rss += int(value.split()[0]) / 1024
                    elif name == "Pss":
                        pss += int(value.split()[0]) / 1024
        except OSError:
            continue
    return rss, pss


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the process tree so far, with that of its members' children
    that have ended (a worker replaced meanwhile)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for member in tree(pid):
        try:
            with open(f"/proc/{member}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15]) / tick
        except (OSError, ValueError, IndexError):
            continue
    return total


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, (0.0, 0.0), True

    def run(self) -> None:
        while self.running:
            now = memory_mb(self.pid)
            self.peak = (max(self.peak[0], now[0]), max(self.peak[1], now[1]))
            time.sleep(0.2)

    def stop(self) -> tuple[float, float]:
        self.running = False
        self.join()
        return self.peak


# --- the load ------------------------------------------------------------------------------


@dataclass
class Outcome:
    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def client(port: int, bodies: list[bytes], start: int, until: float, outcome: Outcome) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    number = start
    while time.monotonic() < until:
        body = bodies[number % len(bodies)]
        number += 1
        began = time.perf_counter()
        try:
            connection.request("POST", "/api/check", body=body, headers=HEADERS)
            answer = connection.getresponse()
            answer.read()
        except (OSError, http.client.HTTPException) as exc:
            with outcome.lock:
                outcome.errors.append(repr(exc))
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            continue
        took = time.perf_counter() - began
        with outcome.lock:
            if answer.status == 200:
                outcome.seconds.append(took)
            else:
                outcome.errors.append(f"HTTP {answer.status}")
    connection.close()


def level(port: int, pid: int, clients: int, seconds: float, bodies: list[bytes]) -> dict:
    outcome, sampler = Outcome(), Sampler(pid)
    sampler.start()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, bodies, i * 3, until, outcome))
        for i in range(clients)
    ]
    began, cpu = time.monotonic(), cpu_seconds(pid)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - began
    cpu = cpu_seconds(pid) - cpu
    rss, pss = sampler.stop()
    times = sorted(outcome.seconds)

    def percentile(share: float) -> float:
        return times[min(len(times) - 1, int(share * len(times)))] * 1000 if times else 0.0

    return {
        "clients": clients,
        "requests": len(times),
        "errors": len(outcome.errors),
        "rps": len(times) / wall,
        "p50_ms": percentile(0.50),
        "p95_ms": percentile(0.95),
        "p99_ms": percentile(0.99),
        "mean_ms": statistics.fmean(times) * 1000 if times else 0.0,
        "cpu_ms_per_request": cpu * 1000 / len(times) if times else 0.0,
        "cores_used": cpu / wall,  # the server's CPU time a second: what it got of the machine
        "peak_rss_mb": rss,
        "peak_pss_mb": pss,
    }


def burst(port: int, pid: int, plans: list[Path]) -> dict:
    """Every large plan at once to the check page (its sheet view and marked-up copy too)."""
    outcome, sampler = Outcome(), Sampler(pid)
    sampler.start()
    began = time.monotonic()

    def send(path: Path) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        connection.request("POST", "/", body=multipart(path), headers=HEADERS)
        answer = connection.getresponse()
        answer.read()
        with outcome.lock:
            if answer.status != 200:
                outcome.errors.append(f"HTTP {answer.status}")
        connection.close()

    threads = [threading.Thread(target=send, args=(p,)) for p in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rss, pss = sampler.stop()
    return {"files": len(plans), "seconds": time.monotonic() - began, "errors": outcome.errors,
            "peak_rss_mb": rss, "peak_pss_mb": pss}  # fmt: skip


def load_average() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as loadavg:
            return " ".join(loadavg.read().split()[:3])
    except OSError:
        return "?"


def run(levels: list[int], seconds: float, source: Path, large: int) -> dict:
    began = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_before = load_average()
    bodies = [multipart(p) for p in SAMPLES]
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as work:
        folder = Path(work) / "kiriman"
        folder.mkdir()
        for sample in SAMPLES:
            shutil.copy(sample, folder)
        plans = [large_plan(Path(work) / f"RKT besar {i}.xlsx") for i in range(large)]
        port = free_port()
        server = start_server(folder, port, source)
        try:
            level(port, server.pid, 2, 5, bodies)  # warm-up: every worker has checked
            time.sleep(2)
            resting = memory_mb(server.pid)
            results = [level(port, server.pid, c, seconds, bodies) for c in levels]
            burst_result = burst(port, server.pid, plans) if plans else {}
            time.sleep(10)
            after = memory_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return {
        "date": began,
        "cores": os.cpu_count(),
        "load_before": load_before,
        "load_after": load_average(),
        "resting_rss_mb": resting[0],
        "resting_pss_mb": resting[1],
        "levels": results,
        "burst": burst_result,
        "after_burst_rss_mb": after[0],
        "after_burst_pss_mb": after[1],
    }


def table(result: dict) -> str:
    one = next((r["rps"] for r in result["levels"] if r["clients"] == 1), None)
    lines = [
        f"{result['date']}, {result['cores']} cores, load average {result['load_before']} "
        f"before and {result['load_after']} after (1, 5, 15 min).",
        "",
        "| clients | requests | req/s | × 1 client | p50 ms | p95 ms | p99 ms | peak RSS MB | peak PSS MB | server CPU ms/req | cores used | errors |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in result["levels"]:
        ratio = f"{r['rps'] / one:.2f}" if one else "—"
        lines.append(
            f"| {r['clients']} | {r['requests']} | {r['rps']:.1f} | {ratio} | {r['p50_ms']:.0f} | "
            f"{r['p95_ms']:.0f} | {r['p99_ms']:.0f} | {r['peak_rss_mb']:.0f} | "
            f"{r['peak_pss_mb']:.0f} | {r['cpu_ms_per_request']:.0f} | {r['cores_used']:.2f} | "
            f"{r['errors']} |"
        )
    lines.append("")
    lines.append(
        f"Resting: {result['resting_rss_mb']:.0f} MB RSS ({result['resting_pss_mb']:.0f} MB PSS)."
    )
    if result["burst"]:
        b = result["burst"]
        lines.append(
            f"Burst of {b['files']} plans of 20,000 rows to the check page at once: "
            f"{b['seconds']:.1f} s, peak {b['peak_rss_mb']:.0f} MB RSS ({b['peak_pss_mb']:.0f} "
            f"MB PSS), errors {len(b['errors'])}; 10 s later {result['after_burst_rss_mb']:.0f} MB "
            f"RSS ({result['after_burst_pss_mb']:.0f} MB PSS)."
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--large", type=int, default=4, help="large plans in the burst (0: none)")
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    options = parser.parse_args()
    result = run(options.clients, options.seconds, options.source.resolve(), options.large)
    print(table(result))
    if options.json:
        options.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
