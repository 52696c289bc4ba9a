#!/usr/bin/env python3
"""Start-up and run-time benchmark of bncost against a floor, side by side in one run.

    python benchmarks/startup.py [--runs N] [--json FILE]

Runs every command N times (default 9), interleaved round by round so that machine noise hits
all of them alike, and reports per command the median wall time, the ratio to the floor (the
bare imports of the prescribed stack: ``python -c "import typer, pydantic, yaml, rich.table"``)
and the peak memory (maximum resident set size of the child process). Public tools only: the
standard library (subprocess, os.wait4, statistics).

Targets (issue "Robust under bad input, fast to start"): estimate <= 1,10 x floor; regio --alle
<= 1,2 x estimate; peak memory < 80 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# What typer itself costs for a command with an option (it builds a pydantic TypeAdapter per option).
TINY_TYPER = (
    "import typer\n"
    "app = typer.Typer()\n"
    "@app.command()\n"
    "def main(n: int = 1): pass\n"
    "app(['--n', '5'], standalone_mode=False)\n"
)


def bncost() -> list[str]:
    script = Path(sys.executable).with_name("bncost")
    if script.exists():
        return [str(script)]
    found = shutil.which("bncost")
    return [found] if found else [sys.executable, "-m", "burgernet_cost"]


def commands() -> dict[str, list[str]]:
    b = bncost()
    return {
        "floor: import typer, pydantic, yaml, rich.table": [sys.executable, "-c", "import typer, pydantic, yaml, rich.table"],
        "reference: bare typer app parsing one option": [sys.executable, "-c", TINY_TYPER],
        "bncost --help": [*b, "--help"],
        "bncost estimate --inwoners 54600 --pakket basis": [*b, "estimate", "--inwoners", "54600", "--pakket", "basis"],
        "bncost compare-models": [*b, "compare-models"],
        "bncost regio --alle": [*b, "regio", "--alle"],
        "bncost validate": [*b, "validate"],
    }


def run_once(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run; output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "120"})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"command failed with exit {code}: {' '.join(argv)}")
    return wall, usage.ru_maxrss / 1024  # Linux: KiB -> MiB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = parser.parse_args()
    cmds = commands()
    for argv in cmds.values():  # warm-up: bytecode caches, page cache
        run_once(argv)
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    peaks: dict[str, float] = {name: 0.0 for name in cmds}
    for _ in range(args.runs):
        for name, argv in cmds.items():
            wall, peak = run_once(argv)
            walls[name].append(wall)
            peaks[name] = max(peaks[name], peak)
    medians = {name: statistics.median(v) for name, v in walls.items()}
    floor = medians[next(iter(cmds))]
    estimate = medians["bncost estimate --inwoners 54600 --pakket basis"]
    print(f"{'command':52} {'median s':>9} {'x floor':>8} {'peak MB':>8}")
    for name in cmds:
        print(f"{name:52} {medians[name]:9.3f} {medians[name] / floor:8.2f} {peaks[name]:8.1f}")
    regio = medians["bncost regio --alle"]
    print()
    print(f"estimate / floor      = {estimate / floor:.2f}  (target <= 1.10)")
    print(f"regio --alle / estimate = {regio / estimate:.2f}  (target <= 1.20)")
    print(f"peak memory (max)     = {max(peaks.values()):.1f} MB (target < 80)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} runs per command")
    if args.json:
        args.json.write_text(json.dumps({"medians_s": medians, "peak_mb": peaks, "runs": args.runs}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
