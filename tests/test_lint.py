"""The package's types and style hold: mypy and ruff, as `make lint` runs them, on every test run
(types drifted by eight errors in one session when only `make lint` looked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_the_package_type_checks():
    done = run("mypy", "kinerja_xl")
    assert done.returncode == 0, done.stdout[-3000:]
    assert "Success: no issues found" in done.stdout


def test_the_code_passes_ruff():
    done = run("ruff", "check", "kinerja_xl", "tests", "benchmarks", "sample_workbooks", "fuzz")
    assert done.returncode == 0, done.stdout[-3000:]
