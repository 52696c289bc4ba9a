#!/usr/bin/env python3
"""What each start-up device of bncost saves, measured one by one (issue 26, "Fewer devices").

    python benchmarks/devices.py [--runs N]

A device is kept only when it saves at least 2 ms of a warm run; ``benchmarks/DEVICES.md`` records
the figures, what was kept and what was removed (and how the removed ones measured). Every figure is
the median over N fresh Python processes (default 15), each variant measured interleaved with its
alternative so that machine noise hits both alike. Each measurement times only the part the device
touches, inside the process (the rest of a run is the same either way):

* ``hashlib``: ``import hashlib`` (loads OpenSSL) against ``from _blake2 import blake2b``;
* ``marshal``: the line maps of the shipped data decoded from ``marshal`` against from JSON pairs;
* ``struct-init``: compiling the ``__init__`` of every ``@struct`` class a warm ``estimate`` defines
  (what compiling eagerly costs) against the classes whose instances pass ``COMPILE_AFTER`` (compiled
  anyway);
* ``later``: importing the completion modules that ``options.later`` keeps out of a normal run;
* ``structs``: defining the ``@struct`` classes of a warm estimate, against the same fields as frozen
  dataclasses.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_LOAD = """
import os, sys, time
from pathlib import Path
root = Path({repo!r}) / "data"
"""

SNIPPETS: dict[str, dict[str, str]] = {
    "hashlib": {
        "device": "import time\nt=time.perf_counter()\nfrom _blake2 import blake2b\nprint((time.perf_counter()-t)*1e3)",
        "without": "import time\nt=time.perf_counter()\nfrom hashlib import blake2b\nprint((time.perf_counter()-t)*1e3)",
    },
    "marshal": {
        "device": _LOAD
        + "import marshal\nblob=open(os.environ['BENCH_MARSHAL'],'rb').read()\n"
        + "t=time.perf_counter(); m=marshal.loads(blob)\nprint((time.perf_counter()-t)*1e3)",
        "without": _LOAD
        + "import json\nblob=open(os.environ['BENCH_JSON'],'rb').read()\n"
        + "t=time.perf_counter(); raw=json.loads(blob)\n"
        + "m={{n: {{tuple(k): v for k, v in pairs}} for n, pairs in raw.items()}}\nprint((time.perf_counter()-t)*1e3)",
    },
    "struct-init": {
        "device": _LOAD
        + "import burgernet_cost.structs as s\nmade=[]\nold=s._make_init\n"
        + "def counted(*a):\n    t=time.perf_counter(); r=old(*a); made.append(time.perf_counter()-t); return r\n"
        + "s._make_init=counted\n"
        + "from burgernet_cost.cli import main\nimport io, contextlib\n"
        + "with contextlib.redirect_stdout(io.StringIO()): main(['estimate','--inwoners','54600','--pakket','basis'])\n"
        + "print(sum(made)*1e3)",
        "without": _LOAD
        + "import burgernet_cost.structs as s\nmade=[]\nold=s._make_init\n"
        + "def eager(cls, fields, frozen):\n"
        + "    t=time.perf_counter(); r=old(cls, fields, frozen); made.append(time.perf_counter()-t); return r\n"
        + "s._lazy_init=eager\n"
        + "from burgernet_cost.cli import main\nimport io, contextlib\n"
        + "with contextlib.redirect_stdout(io.StringIO()): main(['estimate','--inwoners','54600','--pakket','basis'])\n"
        + "print(sum(made)*1e3)",
    },
    "later": {
        "device": "import time\nimport burgernet_cost.cli.options\nprint(0.0)",
        "without": "import time\nimport burgernet_cost.cli.options\nt=time.perf_counter()\n"
        + "import burgernet_cost.cli.completion, burgernet_cost.cli.completion_paths\nprint((time.perf_counter()-t)*1e3)",
    },
    "structs": {
        "device": _LOAD
        + "import burgernet_cost.structs as s\nspent=[]\nold=s._build\n"
        + "def timed(cls, frozen, eq):\n    t=time.perf_counter(); r=old(cls, frozen, eq); spent.append(time.perf_counter()-t); return r\n"
        + "s._build=timed\n"
        + "from burgernet_cost.cli import main\nimport io, contextlib\n"
        + "with contextlib.redirect_stdout(io.StringIO()): main(['estimate','--inwoners','54600','--pakket','basis'])\n"
        + "print(sum(spent)*1e3)",
        "without": _LOAD
        + "import burgernet_cost.structs as s\nclasses=[]\nold=s._build\n"
        + "def keep(cls, frozen, eq):\n    classes.append((cls, frozen, eq)); return old(cls, frozen, eq)\n"
        + "s._build=keep\n"
        + "from burgernet_cost.cli import main\nimport io, contextlib\n"
        + "with contextlib.redirect_stdout(io.StringIO()): main(['estimate','--inwoners','54600','--pakket','basis'])\n"
        + "import dataclasses\nt=time.perf_counter()\n"
        + "for cls, frozen, eq in classes:\n"
        + "    ann={{f.name: object for f in s.fields(cls)}}\n"
        + "    dataclasses.dataclass(frozen=frozen, eq=eq)(type(cls.__name__, (), {{'__annotations__': ann}}))\n"
        + "print((time.perf_counter()-t)*1e3)",
    },
}


def _line_map_files(work: Path) -> dict[str, str]:
    """The shipped data's line maps as marshal and as JSON pairs (the two forms a cache entry could hold)."""
    import json
    import marshal

    from burgernet_cost.data.loading import DATA_FILES, load_dataset

    ds = load_dataset(REPO / "data", use_cache=False)
    maps = {name: ds.lines[name].lines for name in DATA_FILES}
    (work / "maps.marshal").write_bytes(marshal.dumps(maps))
    pairs = {name: [[list(k), v] for k, v in m.items()] for name, m in maps.items()}
    (work / "maps.json").write_text(json.dumps(pairs, separators=(",", ":")), encoding="utf-8")
    return {"BENCH_MARSHAL": str(work / "maps.marshal"), "BENCH_JSON": str(work / "maps.json")}


def run(code: str, env: dict[str, str]) -> float:
    out = subprocess.run([sys.executable, "-c", code.format(repo=str(REPO))], capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("only", nargs="*", help="devices to measure (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bncost-devices-") as tmp:
        work = Path(tmp)
        cache = work / "cache"
        cache.mkdir(mode=0o700)
        env = {**os.environ, "XDG_CACHE_HOME": str(cache), "COLUMNS": "100", **_line_map_files(work)}
        env.pop("BNCOST_NO_CACHE", None)
        run("from burgernet_cost.data.loading import load_dataset\nload_dataset()\nprint(0)", env)  # fill the cache
        print(f"{'device':12} {'with ms':>8} {'without ms':>11} {'saves ms':>9}")
        for name, variants in SNIPPETS.items():
            if args.only and name not in args.only:
                continue
            got: dict[str, list[float]] = {"device": [], "without": []}
            for _ in range(args.runs):
                for variant, code in variants.items():
                    got[variant].append(run(code, env))
            with_, without = statistics.median(got["device"]), statistics.median(got["without"])
            print(f"{name:12} {with_:8.2f} {without:11.2f} {without - with_:9.2f}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, median of {args.runs} processes per variant")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
