"""Measure each crafted file of hostile inputs round three (tests/hostile_files.py) through the
command line, as a person runs it: wall and CPU seconds and peak memory from `/usr/bin/time -v`,
the exit code, and whether a traceback was printed.

    python benchmarks/hostile_costs.py [--only NAME_FRAGMENT] [--timeout 300] [--keep DIR]

Each file is checked alone, checked with a marked-up copy, and consolidated; the table it prints
is the one in docs/robustness.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_files import BUILDERS, measured  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--keep", help="folder to build the files in (kept)")
    options = parser.parse_args()
    folder = Path(options.keep or tempfile.mkdtemp(prefix="hostile-costs-"))
    print("| file | command | seconds | CPU seconds | peak MB | exit | traceback | load |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, build in BUILDERS.items():
        if options.only not in name:
            continue
        case = folder / "in" / name[:40]
        case.mkdir(parents=True, exist_ok=True)
        path = case / name
        build(path)
        out = folder / "out" / name[:40]
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        commands = {
            "check": ["check", str(path)],
            "check --annotate": ["check", str(path), "--annotate", str(out)],
            "consolidate": ["consolidate", str(path), "-o", str(out / "K.xlsx")],
        }
        shown = name if len(name) < 40 else f"{name[:24]}… ({len(name.encode())} bytes)"
        for label, arguments in commands.items():
            load = os.getloadavg()[0]  # other work on the machine stretches the wall clock
            result = measured([*arguments, "--quiet"], options.timeout, cwd=ROOT)
            print(
                f"| `{shown}` | `{label}` | {result['seconds']} | {result['cpu']} | "
                f"{result['mb']} | {result['exit']} | {'yes' if result['traceback'] else 'no'} | "
                f"{load:.1f} |",
                flush=True,
            )
            if result["traceback"]:
                print(result["stderr"][-2000:], file=sys.stderr)
    if not options.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
