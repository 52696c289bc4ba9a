#!/usr/bin/env python3
"""Bounded work before a limit (issue "Nothing silently wrong, round 3", class 10): inputs far over a
limit are refused in about the time of an ordinary run, because the reading stops at the limit.

    python benchmarks/limits.py [--runs N]

Per case the median wall time of N runs (default 5) of the ``bncost`` on PATH (or of this Python's
``-m burgernet_cost``), next to ``estimate -n 54600`` as the yardstick. Target: every case well
under a second, and within 2 x the yardstick.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def cases(work: Path) -> dict[str, list[str]]:
    scenario = work / "veel.yaml"
    scenario.write_text(
        "naam: veel\nwijzigingen:\n" + "".join(f"  interviews.waarnemingen[onbekend-{i}].uren_per_maand: 5\n" for i in range(45_000)),
        encoding="utf-8",
    )
    members = work / "leden.csv"
    members.write_text("gemeente\n" + "Utrecht\n" * 400_000, encoding="utf-8")
    unknown = work / "onbekend.csv"
    unknown.write_text("gemeente\n" + "".join(f"onbekend{i}\n" for i in range(5000)), encoding="utf-8")
    return {
        "ijkpunt: estimate -n 54600": ["estimate", "-n", "54600"],
        "scenario met 45.000 onbekende ids": ["estimate", "-n", "5000", "--scenario", str(scenario)],
        "ledenlijst van 400.000 regels": ["regio", "--bestand", str(members)],
        "ledenlijst van 5.000 onbekende namen": ["regio", "--bestand", str(unknown)],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in cases(Path(tmp)).items():
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "burgernet_cost", *args], capture_output=True, check=False)
                times.append(time.perf_counter() - start)
            print(f"{name:40s} {statistics.median(times):6.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
