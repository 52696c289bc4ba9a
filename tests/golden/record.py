"""Write the golden outputs anew: ``python tests/golden/record.py [NAME ...]``.

Only after a change whose output differences are intended; list them in the commit message.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from runner import CASES, corpus, expected_path, run


def main(names: list[str]) -> int:
    CASES.mkdir(exist_ok=True)
    known = dict(corpus())
    for name in names or list(known):
        expected_path(name).write_text(run(known[name]), encoding="utf-8")
    stale = {p.stem for p in CASES.glob("*.txt")} - set(known)
    for name in sorted(stale):
        (CASES / f"{name}.txt").unlink()
    print(f"{len(names or known)} golden file(s) written, {len(stale)} removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
