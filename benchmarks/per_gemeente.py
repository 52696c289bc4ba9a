#!/usr/bin/env python3
"""``bncost rapport --per-gemeente`` against one ``rapport --gemeente`` run, as a ratio in one run.

    python benchmarks/per_gemeente.py [--format html|xlsx] [--regio ARGS] [--runs N] [--json FILE]

Runs ``bncost rapport --gemeente Amersfoort`` N times (default 3, median) and ``bncost rapport
--per-gemeente --alle`` (or ``--regio "--eenheid Oost-Brabant"``) once, with the ``bncost`` of the
running Python, each in a fresh temporary folder, and reports the wall times, the number of
documents and the ratio. Target (issue "A document a council reads"): all 342 documents in at most
20 x the time of one run.
"""

from __future__ import annotations

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 20.0


def bncost() -> list[str]:
    return [sys.executable, "-m", "burgernet_cost"]


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("html", "xlsx"), default="html")
    parser.add_argument("--regio", default="--alle", help='the region options, e.g. "--eenheid Oost-Brabant" (default --alle)')
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        one = [
            timed([*bncost(), "rapport", "--gemeente", "Amersfoort", "--uitvoer", str(folder / f"een-{n}.{options.format}")])
            for n in range(options.runs)
        ]
        target = folder / "per-gemeente"
        many = timed(
            [*bncost(), "rapport", "--per-gemeente", *shlex.split(options.regio), "--format", options.format, "--uitvoer", str(target)]
        )
        documents = len(list(target.glob(f"*.{options.format}"))) - (1 if options.format == "html" else 0)  # not index.html
    single = statistics.median(one)
    ratio = many / single
    result = {
        "format": options.format,
        "regio": options.regio,
        "een_rapport_s": round(single, 3),
        "per_gemeente_s": round(many, 3),
        "documenten": documents,
        "verhouding": round(ratio, 2),
        "doel": TARGET,
        "gehaald": ratio <= TARGET,
    }
    print(f"rapport --gemeente (mediaan van {options.runs}): {single:.2f} s")
    print(f"rapport --per-gemeente {options.regio}: {many:.2f} s voor {documents} documenten ({many / max(documents, 1):.3f} s per stuk)")
    print(f"verhouding: {ratio:.1f} x (doel: hoogstens {TARGET:.0f} x) — {'gehaald' if ratio <= TARGET else 'niet gehaald'}")
    if options.json:
        options.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
