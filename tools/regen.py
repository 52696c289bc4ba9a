#!/usr/bin/env python3
"""Regenerate everything bncost derives from its models and its data, in the one right order:

    python tools/regen.py [--check]

1. the record classes (``src/burgernet_cost/data/record_types/``) from the pydantic models;
2. the JSON schemas (``schemas/``) from the same models;
3. the list of every figure by status (``tests/golden/statussen.txt``) from the data;
4. the golden outputs of the command line (``tests/golden/cases/``);
5. the golden council documents (``tests/golden/rapport/``).

Each step runs in its own Python process, so a later step imports what an earlier one wrote (a golden
file is never recorded against record classes or schemas one step behind). It prints per step which
files changed; read those differences before committing. ``--check`` regenerates, reports what was
stale and puts every file back as it was (exit 1 when anything was stale).

Every test that compares a generated file says ``run: python tools/regen.py`` when it is stale.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMMAND = "python tools/regen.py"

#: (what, the command, the files it writes: folders or single files, relative to the repository)
STEPS: tuple[tuple[str, list[str], tuple[str, ...]], ...] = (
    ("recordklassen", ["tests/test_record_types.py"], ("src/burgernet_cost/data/record_types",)),
    ("JSON-schema's", ["-m", "burgernet_cost", "schema", "--write", "--map", "schemas", "--data-dir", "data"], ("schemas",)),
    ("statussen", ["tests/test_statuses.py"], ("tests/golden/statussen.txt",)),
    ("gouden uitvoer", ["tests/golden/record.py"], ("tests/golden/cases",)),
    ("voorbeelden in README", ["tests/readme_examples.py"], ("README.md",)),
    ("gouden documenten", ["tests/test_golden_rapport.py"], ("tests/golden/rapport",)),
)


def snapshot(targets: tuple[str, ...]) -> dict[Path, bytes]:
    """Every file under the targets with its content."""
    found: dict[Path, bytes] = {}
    for target in targets:
        path = REPO / target
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                found[file] = file.read_bytes()
    return found


def changes(before: dict[Path, bytes], after: dict[Path, bytes]) -> list[str]:
    def digest(data: bytes | None) -> str | None:
        return None if data is None else hashlib.sha256(data).hexdigest()

    out = []
    for path in sorted(set(before) | set(after)):
        old, new = digest(before.get(path)), digest(after.get(path))
        if old != new:
            what = "nieuw" if old is None else "verwijderd" if new is None else "gewijzigd"
            out.append(f"{what}: {path.relative_to(REPO)}")
    return out


def restore(before: dict[Path, bytes], targets: tuple[str, ...]) -> None:
    for path in snapshot(targets):
        if path not in before:
            path.unlink()
    for path, data in before.items():
        path.write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report what is stale and change nothing (exit 1 when stale)")
    args = parser.parse_args(argv)
    stale = 0
    originals: list[tuple[dict[Path, bytes], tuple[str, ...]]] = []
    try:
        for number, (what, command, targets) in enumerate(STEPS, start=1):
            before = snapshot(targets)
            originals.append((before, targets))
            done = subprocess.run([sys.executable, *command], cwd=REPO, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{number}. {what}: mislukt ({' '.join(command)})\n{done.stdout}{done.stderr}", file=sys.stderr)
                return 2
            changed = changes(before, snapshot(targets))
            stale += len(changed)
            print(f"{number}. {what}: " + (f"{len(changed)} bestand(en)" if changed else "niets gewijzigd"))
            for line in changed:
                print(f"   {line}")
    finally:
        if args.check:
            for before, targets in reversed(originals):
                restore(before, targets)
    if args.check and stale:
        print(f"{stale} bestand(en) niet actueel: draai {COMMAND}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
