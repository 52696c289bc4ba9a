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

COMMANDS_WITH_DATA = {"estimate", "compare-models", "huidig", "taken", "validate", "diff", "schema", "regio", "gemeenten", "rapport", "reeks", "gevoeligheid"}
DATA_FILES = ("tasks.yaml", "interviews.yaml", "salary_scales.yaml", "inrichtingsmodellen.yaml", "tijdlijn.yaml", "gemeenten.yaml")


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
        from burgernet_cost.data.reading import default_data_dir, display_path

        used = default_data_dir()
        if here.resolve() == used.resolve() or _same(here, used):
            return None
    except (OSError, RuntimeError):
        return None
    return (f"Let op: bncost gebruikt de meegeleverde data ({display_path(used)}), niet de map data/ hier, die daarvan "
            "afwijkt; kies die met --data-dir data")


def _same(a: Path, b: Path) -> bool:
    for name in DATA_FILES:
        pa, pb = a / name, b / name
        if pa.is_file() != pb.is_file():
            return False
        if pa.is_file() and (pa.stat().st_size != pb.stat().st_size or pa.read_bytes() != pb.read_bytes()):
            return False
    return True
