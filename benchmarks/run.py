"""Time kinerja-xl against a peer baseline and the bare-I/O floor, on the same files, in one run.

    .venv/bin/python benchmarks/run.py                 # N = 13, 200, 1650 (about 25 minutes)
    .venv/bin/python benchmarks/run.py --sizes 13 200  # a quicker run
    .venv/bin/python benchmarks/run.py --layouts-only  # the per-layout table and start-up only

For each N it generates N workbooks (benchmarks/generate.py), then runs, each in its own process:
  * ours:      `kinerja-xl check DIR` and `kinerja-xl consolidate DIR -o OUT`
  * baseline:  what a capable analyst scripts by hand: pandas.read_excel of every sheet of every
               file, one pandera validation per table, one DataFrame.to_excel of the result
  * floor:     the bare I/O of the job: python-calamine reads every cell of the same files and
               xlsxwriter (constant_memory) writes as many output rows as consolidate wrote,
               each with 10 values (ours carry 7 to 12); "floor (source rows)" writes the source
               rows as read instead, mostly blank cells that xlsxwriter skips (a lower bar)
and prints wall time, cost per workbook, peak memory (the whole process tree, sampled) and the
ratios ours/baseline and ours/floor. The tasks take turns for --repeat rounds (default 3) and
each one's median round is shown, so that a slow spell of the machine hits all of them. Then
`check`'s cost per workbook of every layout (--per-layout copies each, `generate.py --each`),
so that a slow layout cannot hide in an average; and `kinerja-xl --help` and `check` of the
Banjarmasin seed, interpreter start included, beside what importing pandas and pandera alone
costs. Machines here are noisy: compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

PER_LAYOUT = textwrap.dedent("""
    import json, statistics, sys, time
    from pathlib import Path
    import kinerja_xl as kx
    folder, rounds = Path(sys.argv[1]), int(sys.argv[2])
    by_layout = {}
    for name, layout in json.loads((folder / "layouts.json").read_text())["files"].items():
        by_layout.setdefault(layout, []).append(folder / name)
    rules = kx.rules()
    kx.check([next(iter(by_layout.values()))[0]], schemas=rules, workers=1)  # warm the caches
    costs = {}
    for _ in range(rounds):  # the layouts take turns, as the tasks do
        for layout, files in by_layout.items():
            start = time.perf_counter()
            kx.check(files, schemas=rules, workers=1)
            spent = (time.perf_counter() - start) / len(files) * 1000
            costs.setdefault(layout, []).append(spent)
    print(json.dumps({k: [len(by_layout[k]), statistics.median(v)] for k, v in costs.items()}))
""")

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
CLI = str(Path(PYTHON).with_name("kinerja-xl"))


def bytecode_cached() -> None:
    """Compile the package's modules before anything is timed, as an installed package has
    them: where PYTHONDONTWRITEBYTECODE is set (or the folder is read-only), a source checkout
    otherwise compiles its 100 modules again at every start (about 0.1 s a process)."""
    package = HERE.parent / "kinerja_xl"
    subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(package)], check=True, stdout=subprocess.DEVNULL
    )


BASELINE = textwrap.dedent("""
    import sys, warnings
    from pathlib import Path
    import pandas as pd
    import pandera.pandas as pa
    warnings.simplefilter("ignore")
    folder, out = Path(sys.argv[1]), sys.argv[2]
    schema = pa.DataFrameSchema(checks=[pa.Check(lambda df: df.notna().any(axis=1), element_wise=False)])
    frames = []
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".xls", ".ods"))
    for path in paths:
        try:
            sheets = pd.read_excel(path, sheet_name=None, header=None)
        except Exception:  # a file that is no workbook: skipped
            continue
        for name, frame in sheets.items():
            try:
                schema.validate(frame, lazy=True)
            except pa.errors.SchemaErrors:
                pass
            frame = frame.astype(str)
            frame.columns = [str(c) for c in frame.columns]
            frame.insert(0, "berkas", path.name)
            frame.insert(1, "lembar", name)
            frames.append(frame)
    pd.concat(frames, ignore_index=True).to_excel(out, index=False)
""")

FLOOR = textwrap.dedent("""
    import sys
    from pathlib import Path
    import python_calamine, xlsxwriter
    folder, out, rows, width = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    values, source_rows = [], []
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".xls", ".ods")):
        try:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
        except Exception:  # a file that is no workbook
            continue
        for name in book.sheet_names:
            for row in book.get_sheet_by_name(name).to_python():
                source_rows.append(row)
                values.extend(str(v) for v in row if v != "")
    book = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = book.add_worksheet("Data")
    for r in range(rows):
        if width:  # an output row as wide as the job's: `width` values, none of them blank
            start = (r * width) % (len(values) - width)
            sheet.write_row(r, 0, values[start:start + width])
        else:  # a source row as read: mostly blank cells, which xlsxwriter skips
            sheet.write_row(r, 0, [str(v) for v in source_rows[r % len(source_rows)][:10]])
    book.close()
""")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            continue
    return total / 1024 / 1024


def measure(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak MB of the process tree, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    return wall, peak, code


def rows_written(folder: Path) -> int:
    import json

    out = subprocess.run(
        [CLI, "check", str(folder), "--format", "json", "--quiet"], capture_output=True, text=True
    ).stdout
    return sum(t["rows"] for f in json.loads(out)["files"] for t in f.get("tables", []))


def run_size(n: int, work: Path, repeat: int) -> list[dict[str, object]]:
    folder = work / f"n{n}"
    subprocess.run(
        [PYTHON, str(HERE / "generate.py"), str(n), str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    rows = rows_written(folder)
    runs = {
        "check": [CLI, "check", str(folder), "--quiet", "--format", "json"],
        "consolidate": [
            CLI,
            "consolidate",
            str(folder),
            "-o",
            str(work / f"ours{n}.xlsx"),
            "--quiet",
        ],
        "baseline": [PYTHON, "-c", BASELINE, str(folder), str(work / f"base{n}.xlsx")],
        "floor": [PYTHON, "-c", FLOOR, str(folder), str(work / f"floor{n}.xlsx"), str(rows), "10"],
        "floor (source rows)": [
            PYTHON,
            "-c",
            FLOOR,
            str(folder),
            str(work / f"floorb{n}.xlsx"),
            str(rows),
            "0",
        ],
    }
    # the tasks take turns, `repeat` rounds, so that a slow spell of the machine hits them all;
    # each task's median round is reported
    rounds: dict[str, list[tuple[float, float, int]]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, command in runs.items():
            rounds[name].append(measure(command))
    results = {name: _median_run(measured) for name, measured in rounds.items()}
    lines = []
    for name in ("check", "consolidate", "baseline", "floor", "floor (source rows)"):
        wall, peak, code = results[name]
        lines.append(
            {
                "n": n,
                "task": name,
                "wall": wall,
                "per_workbook_ms": wall / n * 1000,
                "peak_mb": peak,
                "vs_baseline": wall / results["baseline"][0],
                "vs_floor": wall / results["floor"][0],
                "exit": code,
            }
        )
    return lines


def _median_run(measured: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """The median wall time; the highest peak memory; the worst exit code."""
    wall = statistics.median(m[0] for m in measured)
    return wall, max(m[1] for m in measured), max(m[2] for m in measured)


SEED = HERE.parent / "sample_workbooks" / "KPU Kota Banjarmasin - RKT 2024.xlsx"


IMPORTS = "import sys; sys.modules['hypothesis'] = None; import pandas, pandera.pandas"


def small_timings() -> dict[str, float]:
    """`--help`, `check` of the Banjarmasin seed, and what importing pandas and pandera alone
    costs (the floor of any check built on them), interpreter start included; medians of 5,
    taking turns."""
    runs: dict[str, list[float]] = {"help": [], "check_one": [], "imports": []}
    for _ in range(5):
        runs["help"].append(measure([CLI, "--help"])[0])
        runs["check_one"].append(measure([CLI, "check", str(SEED), "--quiet"])[0])
        runs["imports"].append(measure([PYTHON, "-c", IMPORTS])[0])
    return {name: statistics.median(times) for name, times in runs.items()}


def per_layout(work: Path, per: int, rounds: int) -> list[tuple[str, int, float, float]]:
    """`check` cost per workbook of each layout (one process, serial, the layouts taking
    turns): (layout, files, ms per workbook, × the median layout). The median is of the
    layouts that hold a plan (a letter or a CSV costs almost nothing and would lower it)."""
    import json

    folder = work / "layouts"
    subprocess.run(
        [PYTHON, str(HERE / "generate.py"), str(per), str(folder), "--each"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    out = subprocess.run(
        [PYTHON, "-c", PER_LAYOUT, str(folder), str(rounds)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    costs = json.loads(out)
    not_plans = json.loads((folder / "layouts.json").read_text())["not_plans"]
    median = statistics.median(ms for k, (_n, ms) in costs.items() if k not in not_plans)
    rows = [(layout, n, ms, ms / median) for layout, (n, ms) in costs.items()]
    return sorted(rows, key=lambda row: -row[2])


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next(
                line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    return (
        f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, {cpu}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[13, 200, 1650])
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds per size; the median is shown (default 3)"
    )
    parser.add_argument(
        "--per-layout", type=int, default=20, help="workbooks per layout in the layout table"
    )
    parser.add_argument(
        "--layouts-only", action="store_true", help="only the per-layout table and start-up"
    )
    arguments = parser.parse_args()
    bytecode_cached()
    print(f"machine: {machine()}; median of {arguments.repeat} interleaved rounds")
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as temporary:
        work = Path(temporary)
        sizes = [] if arguments.layouts_only else sorted(set(arguments.sizes))
        if sizes:
            print(
                "| N | task | wall s | ms / workbook | peak MB | ours / baseline | ours / floor |"
            )
            print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
        for n in sizes:
            for line in run_size(n, work, arguments.repeat):
                print(
                    f"| {line['n']} | {line['task']} | {line['wall']:.2f} | {line['per_workbook_ms']:.1f} | "
                    f"{line['peak_mb']:.0f} | {line['vs_baseline']:.2f} | {line['vs_floor']:.2f} |",
                    flush=True,
                )
        print("\n| layout | workbooks | check ms / workbook | × median layout |")
        print("| --- | ---: | ---: | ---: |")
        for layout, count, ms, ratio in per_layout(work, arguments.per_layout, arguments.repeat):
            print(f"| {layout} | {count} | {ms:.1f} | {ratio:.2f} |", flush=True)
        timings = small_timings()
        print(
            f"\n`kinerja-xl --help`: {timings['help']:.2f} s; `kinerja-xl check` of the "
            f"Banjarmasin seed: {timings['check_one']:.2f} s, of which importing pandas and "
            f"pandera alone takes {timings['imports']:.2f} s (medians of 5, interpreter start "
            "included)"
        )


if __name__ == "__main__":
    main()
