"""The whole country: every KPU office's workbooks consolidated directly, and the same rows as
the 38 provinces' workbooks rolled up by KPU RI.

    .venv/bin/python benchmarks/national.py                    # 552 offices x 3 workbooks
    .venv/bin/python benchmarks/national.py --offices 60 --repeat 1   # quicker

`generate.py` makes the workbooks of the real layouts (benchmarks/README.md); each is given to
one office of the registry (schemas/offices.yaml) in turn, its file named as offices name them
("KPU Kota Surabaya - …"), so that every office of the 38 provinces sends its share. The files
lie in one folder (the direct run) and, hard-linked, in one folder per province. Then, each in
its own process, the tasks taking turns for `--repeat` rounds:

- **direct**: `kinerja-xl consolidate` of every file at once (what a national merge without
  the provinces would do);
- **floor**: the bare I/O of that job (run.py's floor: calamine reads every cell, xlsxwriter
  writes as many rows as the consolidation wrote);
- **roll-up**: `kinerja-xl consolidate` of the 38 provincial workbooks (each made once before,
  by `consolidate --province`, timed as the provinces' own work).

Last, `check` of one workbook beside a process that only imports pandas and pandera.

The rows of RKT, IKU and Anggaran of the roll-up must equal the direct run's: it prints both.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import (  # noqa: E402
    CLI,
    FLOOR,
    PYTHON,
    _median_run,
    bytecode_cached,
    machine,
    measure,
    rows_written,
    small_timings,
)

sys.path.insert(0, str(HERE.parent))
from kinerja_xl.knowledge.registry import load_registry  # noqa: E402


def build(work: Path, offices: int, per_office: int) -> tuple[Path, Path, int]:
    """The flat folder, the folder of province folders, and how many files."""
    registry = load_registry()
    chosen = [o for o in registry.offices if o.kind != "ri"][:offices]
    flat, by_province = work / "semua", work / "per-provinsi"
    generated = work / "generated"
    count = len(chosen) * per_office
    subprocess.run(
        [PYTHON, str(HERE / "generate.py"), str(count), str(generated)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    files = sorted(p for p in generated.iterdir() if p.name != "layouts.json")
    flat.mkdir()
    for index, path in enumerate(files):
        office = chosen[index % len(chosen)]
        named = flat / f"{office.name} - {path.name}"
        path.rename(named)
        province = by_province / (office.province or "RI")
        province.mkdir(parents=True, exist_ok=True)
        os.link(named, province / named.name)
    return flat, by_province, len(files)


def counts(stdout: str) -> list[str]:
    """The command's 'read, written, set aside' lines."""
    return [line for line in stdout.splitlines() if ":" in line and "dibaca" in line]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", type=int, default=552)
    parser.add_argument("--per-office", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    bytecode_cached()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kinerja-national-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        flat, by_province, files = build(work, args.offices, args.per_office)
        provincial = work / "provinsi"
        provincial.mkdir()
        start = time.perf_counter()
        for folder in sorted(by_province.iterdir()):
            out = provincial / f"Konsolidasi {folder.name}.xlsx"
            subprocess.run(
                [CLI, "consolidate", str(folder), "-o", str(out), "--province", folder.name]
                + ["--quiet"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        provinces_work = time.perf_counter() - start
        rows = rows_written(flat)
        runs = {
            "direct": [CLI, "consolidate", str(flat), "-o", str(work / "langsung.xlsx"), "--quiet"],
            "floor": [PYTHON, "-c", FLOOR, str(flat), str(work / "floor.xlsx"), str(rows), "10"],
            "roll-up": [
                CLI,
                "consolidate",
                str(provincial),
                "-o",
                str(work / "nasional.xlsx"),
                "--quiet",
            ],
        }
        rounds: dict[str, list[tuple[float, float, int]]] = {name: [] for name in runs}
        for _ in range(args.repeat):
            for name, command in runs.items():
                rounds[name].append(measure(command))
        results = {name: _median_run(measured) for name, measured in rounds.items()}
        provinces = len(list(provincial.iterdir()))
        print(f"{machine()}; {files} workbooks of {args.offices} offices, {provinces} provinces")
        print(f"the provinces' own consolidations (38 processes, once): {provinces_work:.1f} s")
        print("| task | inputs | wall s | peak MB | / floor | / direct |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, inputs in (("floor", files), ("direct", files), ("roll-up", provinces)):
            wall, peak, code = results[name]
            floor, direct = results["floor"][0], results["direct"][0]
            print(
                f"| {name} | {inputs} | {wall:.2f} | {peak:.0f} | {wall / floor:.2f} "
                f"| {wall / direct:.2f} |"
            )
        for name in ("direct", "roll-up"):
            done = subprocess.run(runs[name], capture_output=True, text=True)
            print(f"{name}:", json.dumps(counts(done.stdout), ensure_ascii=False))
        one = small_timings()
        print(
            f"check of one workbook (the Banjarmasin seed): {one['check_one']:.2f} s; importing "
            f"pandas and pandera alone: {one['imports']:.2f} s (medians of 5, taking turns)"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
