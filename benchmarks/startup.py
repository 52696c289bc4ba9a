#!/usr/bin/env python3
"""Start-up benchmark of bncost against the import floor of its stack, side by side in one run.

    python benchmarks/startup.py [--runs N] [--json FILE] [--here] [--against CHECKOUT]

By default it builds the wheel and installs it in a fresh virtual environment (bytecode compiled,
as a user gets it); ``--here`` measures the ``bncost`` of the running Python instead. Every command
runs N times (default 11), interleaved round by round so that machine noise hits all of them
alike; it reports per command the median wall time, the ratio to the floor and the peak memory
(maximum resident set size of the child process).

The floor is ``python -c "import typer, pydantic, yaml, rich.table"``: the bare imports of the
prescribed stack. *Warm* runs find the validated-data cache filled; *cold* runs start each time
with an empty cache folder (they validate and write it).

Guards (issue 26, "Fewer devices"): estimate warm <= 0,90 x floor, and no regression: with
``--against CHECKOUT`` (another checkout, e.g. a worktree of ``main``) its wheel is installed too and
its bncost commands run interleaved with these; a command that takes more than 5 % longer there by
both measures, wall time and processor time (user + system; medians), is a regression (exit 1, as is
a warm estimate above 0,90 x floor). On a shared, busy machine either alone moves by 5-10 % between
runs of the same code. Further targets (issue "One
pipeline"): cold <= 2,0 x floor; regio --alle <= 1,2 x estimate; --help <= 0,6 x floor; peak memory
< 60 MB. (The target "estimate warm <= 1,3 x import typer" of issue "Each formula once" is withdrawn.)
What each start-up device saves: ``benchmarks/devices.py`` and ``benchmarks/DEVICES.md``.
Tab completion (issue 21): a completion (the bash protocol: _BNCOST_COMPLETE, COMP_WORDS, COMP_CWORD)
of a municipality name and of a --set path, warm, within the time of a warm estimate.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLOOR = "floor: import typer, pydantic, yaml, rich.table"
TYPER = "import typer"
ESTIMATE = ["estimate", "--inwoners", "54600", "--pakket", "basis"]
COMPLETE_GEMEENTE = "bncost Tab: estimate --gemeente Ber (warm)"
COMPLETE_SET = "bncost Tab: estimate --set interviews.waa (warm)"


def completion_env(*words: str) -> dict[str, str]:
    """The environment of bncost's bash script at a Tab after these words (the last one being typed)."""
    return {"_BNCOST_COMPLETE": "complete_bash", "COMP_WORDS": "\n".join(["bncost", *words]), "COMP_CWORD": str(len(words))}


def install(work: Path, repo: Path = REPO) -> tuple[str, str]:
    """A fresh venv with the wheel of ``repo`` installed; returns (python, bncost)."""
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "--wheel-dir", str(work / "dist"), str(repo)], check=True)
    wheel = next((work / "dist").glob("bncost-*.whl"))
    subprocess.run([*pip, "install", "--compile", str(wheel)], check=True)
    return str(venv / "bin" / "python"), str(venv / "bin" / "bncost")


def commands(python: str, bncost: str) -> dict[str, tuple[list[str], bool, dict[str, str]]]:
    """name -> (argv, cold cache?, extra environment)"""
    return {
        FLOOR: ([python, "-c", "import typer, pydantic, yaml, rich.table"], False, {}),
        TYPER: ([python, "-c", "import typer"], False, {}),
        "bncost --help": ([bncost, "--help"], False, {}),
        "bncost estimate (warm)": ([bncost, *ESTIMATE], False, {}),
        "bncost estimate (cold)": ([bncost, *ESTIMATE], True, {}),
        "bncost compare-models (warm)": ([bncost, "compare-models"], False, {}),
        "bncost regio --alle (warm)": ([bncost, "regio", "--alle"], False, {}),
        "bncost validate": ([bncost, "validate"], False, {}),
        COMPLETE_GEMEENTE: ([bncost], False, completion_env("estimate", "--gemeente", "Ber")),
        COMPLETE_SET: ([bncost], False, completion_env("estimate", "--set", "interviews.waa")),
    }


def run_once(argv: list[str], cache: Path, extra: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall seconds, processor seconds (user + system), peak RSS in MB) of one run; output discarded."""
    env = {**os.environ, "COLUMNS": "100", "XDG_CACHE_HOME": str(cache), **(extra or {})}
    env.pop("BNCOST_NO_CACHE", None)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tempfile.gettempdir())
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"command failed with exit {code}: {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux: KiB -> MiB


def measure(
    cmds: dict[str, tuple[list[str], bool, dict[str, str]]], runs: int, work: Path
) -> tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float]]:
    """(medians, minima, median processor time, peak memory) per command."""
    warm = work / "cache-warm"
    warm.mkdir(mode=0o700)
    for argv, _, extra in cmds.values():  # warm-up: bytecode, page cache, the validated-data cache
        run_once(argv, warm, extra)
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    cpus: dict[str, list[float]] = {name: [] for name in cmds}
    peaks = dict.fromkeys(cmds, 0.0)
    for n in range(runs):
        for index, (name, (argv, cold, extra)) in enumerate(cmds.items()):
            cache = warm
            if cold:
                cache = work / f"cache-cold-{n}-{index}"
                cache.mkdir(mode=0o700)
            wall, cpu, peak = run_once(argv, cache, extra)
            walls[name].append(wall)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], peak)
    medians = {name: statistics.median(v) for name, v in walls.items()}
    return medians, {name: min(v) for name, v in walls.items()}, {name: statistics.median(v) for name, v in cpus.items()}, peaks


BASE = "base: "


def against(python: str, bncost: str) -> dict[str, tuple[list[str], bool, dict[str, str]]]:
    """The bncost commands of another install, named ``base: …``."""
    return {BASE + name: cmd for name, cmd in commands(python, bncost).items() if name.startswith("bncost")}


def report(medians: dict[str, float], minima: dict[str, float], cpu: dict[str, float], peaks: dict[str, float], runs: int) -> int:
    floor = medians[FLOOR]
    print(f"{'command':40} {'median s':>9} {'x floor':>8} {'min s':>7} {'cpu s':>7} {'peak MB':>8}")
    for name, value in medians.items():
        print(f"{name:40} {value:9.3f} {value / floor:8.2f} {minima[name]:7.3f} {cpu[name]:7.3f} {peaks[name]:8.1f}")
    warm, cold = medians["bncost estimate (warm)"], medians["bncost estimate (cold)"]
    bncost_peak = max(v for k, v in peaks.items() if k not in (FLOOR, TYPER) and not k.startswith(BASE))
    failed = 0
    print()
    print(f"estimate warm / floor   = {warm / floor:.2f}  (guard <= 0.90)")
    failed += warm / floor > 0.90
    print(f"estimate cold / floor   = {cold / floor:.2f}  (target <= 2.00)")
    print(f"regio --alle / estimate = {medians['bncost regio --alle (warm)'] / warm:.2f}  (target <= 1.20)")
    print(f"--help / floor          = {medians['bncost --help'] / floor:.2f}  (target <= 0.60)")
    print(f"estimate warm / typer   = {warm / medians[TYPER]:.2f}  (for information; the target 1.30 is withdrawn)")
    print(f"peak memory of bncost   = {bncost_peak:.1f} MB (target < 60)")
    for name in (COMPLETE_GEMEENTE, COMPLETE_SET):
        print(f"{name.removeprefix('bncost Tab: ').removesuffix(' (warm)')} / estimate = {medians[name] / warm:.2f}  (target <= 1.00)")
    for name in [n for n in medians if n.startswith(BASE)]:
        mine = name.removeprefix(BASE)
        by_median, by_cpu = medians[mine] / medians[name], cpu[mine] / cpu[name]
        print(f"{mine} / base = {by_median:.2f} (wall), {by_cpu:.2f} (processor time; guard: not both > 1.05)")
        failed += by_median > 1.05 and by_cpu > 1.05
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {runs} runs per command, interleaved medians")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--here", action="store_true", help="measure the bncost of this Python, not a fresh wheel install")
    parser.add_argument("--against", type=Path, help="another checkout whose bncost runs beside this one (regression guard)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bncost-bench-"))
    try:
        if args.here:
            found = Path(sys.executable).with_name("bncost")
            python, bncost = sys.executable, str(found if found.exists() else shutil.which("bncost"))
        else:
            python, bncost = install(work)
        cmds = commands(python, bncost)
        if args.against:
            (work / "base").mkdir()
            cmds.update(against(*install(work / "base", args.against.resolve())))
        medians, minima, cpu, peaks = measure(cmds, args.runs, work)
        code = report(medians, minima, cpu, peaks, args.runs)
        if args.json:
            found = {"medians_s": medians, "minima_s": minima, "cpu_s": cpu, "peak_mb": peaks, "runs": args.runs}
            args.json.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
