"""Run every fuzz target for N minutes in all: `python -m fuzz.run --minutes 10`.

The minutes are shared between the targets (or those named with --targets), run one after the
other, each in a niced process of its own, so that the machine stays usable. The corpus grows in
fuzz/.work/corpus/<target> (seeded from sample_workbooks/ on first use), findings are kept in
fuzz/findings/<target>/ (crash-…, timeout-…, oom-…: each reproduces with
`python -m fuzz.harness TARGET FILE`). A target that finds something starts again with the time
left, so one finding does not end the run. The exit code is 1 when anything was found.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from fuzz.harness import TARGETS
from fuzz.seeds import write_seeds

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
FINDINGS = HERE / "findings"
PER_INPUT_SECONDS = 10  # the acceptance bound of one costly file
RSS_LIMIT_MB = 2048  # the harness process with pandas, openpyxl and its own corpus in memory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--targets", default=",".join(TARGETS), help="e.g. xlsx,ods")
    parser.add_argument("--nice", type=int, default=10)
    options = parser.parse_args(argv)
    targets = [t for t in options.targets.split(",") if t]
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; known: {', '.join(TARGETS)}")
    share = options.minutes * 60 / len(targets)
    found = 0
    print(f"{'target':<6} {'runs':>9} {'seconds':>8} {'cov':>6} {'corpus':>7}  findings")
    for target in targets:
        found += fuzz(target, share, options.nice)
    return 1 if found else 0


def fuzz(target: str, seconds: float, niceness: int) -> int:
    corpus = WORK / "corpus" / target
    if not corpus.exists() or not any(corpus.iterdir()):
        write_seeds(corpus, target)
    findings = FINDINGS / target
    findings.mkdir(parents=True, exist_ok=True)
    before = set(findings.iterdir())
    log = WORK / f"{target}.log"
    runs, coverage, deadline = 0, "?", time.monotonic() + seconds
    with open(log, "w") as out:
        for _attempt in range(20):  # a finding ends libFuzzer: go on with the time left
            left = int(deadline - time.monotonic())
            if left < 5:
                break
            command = [
                sys.executable,
                "-m",
                "fuzz.harness",
                target,
                f"-max_total_time={left}",
                f"-timeout={PER_INPUT_SECONDS}",
                f"-rss_limit_mb={RSS_LIMIT_MB}",
                "-max_len=262144",
                "-print_final_stats=1",
                f"-artifact_prefix={findings}/",
                str(corpus),
            ]
            started = out.tell()
            subprocess.run(
                command,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=HERE.parent,
                env={**os.environ, "KINERJA_XL_WORKERS": "1"},
                preexec_fn=lambda: os.nice(niceness),  # no threads in this process
                check=False,
            )
            out.flush()
            text = log.read_text(errors="replace")[started:]
            runs += sum(int(n) for n in re.findall(r"stat::number_of_executed_units: (\d+)", text))
            coverage = (re.findall(r"cov: (\d+)", text) or [coverage])[-1]
    new = sorted(p.name for p in set(findings.iterdir()) - before)
    size = sum(1 for _ in corpus.iterdir())
    print(
        f"{target:<6} {runs:>9} {seconds:>8.0f} {coverage:>6} {size:>7}  "
        + (", ".join(new) if new else "none"),
        flush=True,
    )
    return len(new)


if __name__ == "__main__":
    raise SystemExit(main())
