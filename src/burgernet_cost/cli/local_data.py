"""Which data a run uses: the data folder of the repository the user stands in.

A data steward edits ``data/`` in a checkout of a bncost data repository. As ruff finds its
configuration, bncost walks up from the working directory to the first folder with a ``data/``
that holds bncost's data files, and every command that reads data uses that folder, and says so
on standard error in one line (never on standard output: json and csv stay clean). ``--data-dir``
and ``BNCOST_DATA_DIR`` still win; outside a data repository the shipped copy is used. Nothing
is said when the folder found is the shipped data itself (an editable install in its checkout).

The folder is passed to the command as ``--data-dir`` (relative to the working directory, so that
messages and output name it as the user sees it); the run's recorded invocation (the rapport's
colophon) keeps what the user typed. The library (``burgernet_cost.api``) never looks for a folder
by itself: it reads what it is given, else ``BNCOST_DATA_DIR``, else the shipped data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from burgernet_cost.data.files import DATA_FILES

#: the commands that read a data folder (and take --data-dir)
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
FOLDER = "data"
#: a folder named data/ is bncost's when it holds at least this many of its data files (one missing
#: file is then still found, and reported by the loader; a stray data/tasks.yaml of another tool is not)
MIN_FILES = 2
MAX_LEVELS = 64  # a path is never deeper; a loop of links cannot keep the walk going


def is_data_folder(folder: Path) -> bool:
    """Whether ``folder`` holds bncost's data files."""
    try:
        return sum((folder / name).is_file() for name in DATA_FILES) >= MIN_FILES
    except OSError:
        return False


def find(start: Path | None = None) -> Path | None:
    """The nearest ``data/`` with bncost's data files, from ``start`` (the working directory) up."""
    try:
        here = (start or Path.cwd()).absolute()
    except OSError:  # the working directory was removed
        return None
    for level, folder in enumerate((here, *here.parents)):
        if level > MAX_LEVELS:
            break
        if is_data_folder(folder / FOLDER):
            return folder / FOLDER
    return None


def chosen(args: list[str]) -> bool:
    """Whether the user chose a data folder (``--data-dir`` or ``BNCOST_DATA_DIR``, even an empty one:
    that is an error the command reports)."""
    if os.environ.get("BNCOST_DATA_DIR") is not None:
        return True
    for arg in args:
        if arg == "--":
            break
        if arg == "--data-dir" or arg.startswith("--data-dir="):
            return True
    return False


def positionals(command: Any, invoked: str, args: list[str]) -> int:
    """How many arguments the command line gives the command ``invoked`` (its options' values skipped)."""
    target = getattr(command, "commands", {}).get(invoked, command)
    takes_value = {
        opt
        for param in getattr(target, "params", [])
        if getattr(param, "param_type_name", "") == "option" and not getattr(param, "is_flag", False) and not getattr(param, "count", False)
        for opt in [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]
    }
    rest = args[args.index(invoked) + 1 :]
    count, skip, options_done = 0, False, False
    for arg in rest:
        if skip:
            skip = False
        elif options_done or not arg.startswith("-") or arg == "-":
            count += 1
        elif arg == "--":
            options_done = True
        elif arg in takes_value:
            skip = True
    return count


def apply(command: Any, invoked: str, args: list[str]) -> tuple[list[str], str | None]:
    """The arguments the command runs with (``--data-dir`` added when a data repository is found and
    the user chose no folder) and the one-line note that says so (None: nothing to say)."""
    if invoked not in COMMANDS_WITH_DATA or chosen(args):
        return args, None
    if any(a in ("-h", "--help") for a in args[: args.index("--") if "--" in args else len(args)]):
        return args, None  # help reads no data
    if invoked == "diff" and positionals(command, invoked, args) >= 2:
        return args, None  # both sides named: the data here is not read
    found = find()
    if found is None:
        return args, None
    from burgernet_cost.data.reading import default_data_dir

    try:
        if found.resolve() == default_data_dir().resolve():
            return args, None  # the shipped data is this folder (an editable install in its checkout)
        relative = os.path.relpath(found, Path.cwd())
    except (OSError, RuntimeError, ValueError):  # ValueError: another drive (Windows)
        relative = str(found)
    at = args.index(invoked) + 1
    note = f"bncost rekent met de data in {relative} (de datamap van deze repository; een andere: --data-dir)"
    return [*args[:at], "--data-dir", relative, *args[at:]], note
