"""Which data a run uses, when it is not what the user is standing in.

A data steward edits ``data/`` in a checkout, but an installed bncost reads the data shipped with
it. When the working directory holds a bncost data folder whose files differ from the data in use,
and the user did not choose a data folder (``--data-dir``, ``BNCOST_DATA_DIR``), bncost says so on
standard error in one line. It does not switch folders by itself: which data counts must not
depend on where a command happens to be run.
"""

from __future__ import annotations

import os
from pathlib import Path

COMMANDS_WITH_DATA = {
    "estimate",
    "compare-models",
    "huidig",
    "taken",
    "validate",
    "diff",
    "schema",
    "regio",
    "gemeenten",
    "rapport",
    "reeks",
    "gevoeligheid",
}


def note(args: list[str], command: str) -> str | None:
    """The one-line note, or None."""
    if command not in COMMANDS_WITH_DATA or os.environ.get("BNCOST_DATA_DIR") is not None:
        return None
    if any(a == "--data-dir" or a.startswith("--data-dir=") for a in args):
        return None
    if command == "diff" and len([a for a in args if not a.startswith("-")]) > 2:
        return None  # both sides named
    here = Path("data")
    try:
        if not (here / "tasks.yaml").is_file():
            return None
        from burgernet_cost.data.reading import default_data_dir

        used = default_data_dir()
        if here.resolve() == used.resolve():
            return None
        differ = _differing(here, used)
    except (OSError, RuntimeError):
        return None
    if not differ:
        return None
    named = ", ".join(differ[:2]) + (f" en {len(differ) - 2} meer" if len(differ) > 2 else "")
    second = f"  (anders: {named}); kies die map met --data-dir data"
    if len(second) > WIDTH:
        second = f"  anders: {named}\n  kies die map met --data-dir data"
    if any(len(line) > WIDTH for line in second.splitlines()):
        second = f"  ({len(differ)} bestanden anders); kies die map met --data-dir data"
    return "Let op: bncost rekent met de meegeleverde data, niet met de map data/ hier\n" + second


WIDTH = 80  # the note fits a terminal of 80 columns
MAX_FILES = 200  # a data folder has about ten files; more is not a data folder and not compared


def _data_files(root: Path) -> set[str]:
    """The data files of a folder (YAML and CSV, also in subfolders), relative, as 'gemeenten/x.csv'."""
    found: set[str] = set()
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__"))]
        for name in files:
            if name.endswith((".yaml", ".yml", ".csv")):
                found.add(Path(folder, name).relative_to(root).as_posix())
                if len(found) > MAX_FILES:
                    return found
    return found


def _differing(a: Path, b: Path) -> list[str]:
    """The data files (YAML and the CSV tables) that are not the same in both folders."""
    names = _data_files(a) | _data_files(b)
    if len(names) > MAX_FILES:
        return []
    out = []
    for name in sorted(names):
        pa, pb = a / name, b / name
        if pa.is_file() != pb.is_file() or (
            pa.is_file() and (pa.stat().st_size != pb.stat().st_size or pa.read_bytes() != pb.read_bytes())
        ):
            out.append(name)
    return out
