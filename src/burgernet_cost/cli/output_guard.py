"""What an output may replace: never an input of the run, and an existing file only when bncost
wrote it as it is now or the user says ``--overschrijf``.

* Inputs: every file and data folder the run reads (``data.reading.INPUTS``, filled as they are
  read) and the ones its options name (``--bestand``, ``--scenario``, ``--data-dir``), checked
  before the work and again just before the write.
* Replacing: bncost remembers, per path, a digest of what it wrote there (``geschreven.json`` in its
  cache folder). A file that still holds exactly that is bncost's own and may be replaced; any other
  existing file (the user's, or bncost's output that was edited since) needs ``--overschrijf``. A
  read-only file is never replaced.
* ``-o /dev/stdout`` (or ``/dev/fd/1``) is standard output, also when that is a pipe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from burgernet_cost.errors import UsageProblem

INPUT_OPTIONS = ("--bestand", "--scenario")
STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
MAX_REMEMBERED = 2000
OVERWRITE_OPTION = "--overschrijf"


def is_stdout(target: str | None) -> bool:
    return target is not None and target in STDOUT_NAMES


def overwrite_allowed(args: list[str]) -> bool:
    return OVERWRITE_OPTION in args[: args.index("--")] if "--" in args else OVERWRITE_OPTION in args


def named_inputs(args: list[str]) -> tuple[list[str], list[str]]:
    """(files, folders) the options of this run name as its input."""
    files: list[str] = []
    folders: list[str] = []
    env = os.environ.get("BNCOST_DATA_DIR")
    data_dir: str | None = env if env and env.strip() else None
    for n, arg in enumerate(args):
        name, eq, value = arg.partition("=")
        value = value if eq else (args[n + 1] if n + 1 < len(args) else "")
        if name in INPUT_OPTIONS and value:
            files.append(os.path.realpath(os.path.expanduser(value)))
        elif name == "--data-dir" and value:
            data_dir = value
    from burgernet_cost.data.reading import default_data_dir

    folders.append(os.path.realpath(os.path.expanduser(data_dir)) if data_dir else str(default_data_dir().resolve()))
    return files, folders


def not_an_input(real: Path, shown: str, args: list[str]) -> None:
    """Output never destroys input: the target is no file this run reads or names, and lies in no
    data folder it reads (when it exists there)."""
    from burgernet_cost.data.reading import INPUTS

    files, folders = named_inputs(args)
    target = str(real)
    read = set(INPUTS)
    if target in files or (target in read and not os.path.isdir(target)):
        raise UsageProblem(f"{shown} is ook de invoer van deze opdracht; kies een ander uitvoerbestand", field="uitvoer")
    folders += [p for p in read if os.path.isdir(p)]
    inside = next((f for f in folders if target == f or target.startswith(f.rstrip(os.sep) + os.sep)), None)
    if inside is not None and (os.path.lexists(target) or target == inside):
        raise UsageProblem(
            f"{shown} ligt in de datamap en zou een databestand overschrijven; kies een ander uitvoerbestand", field="uitvoer"
        )


def may_replace(real: Path, shown: str, args: list[str]) -> None:
    """An existing file is replaced only when it is writable, and bncost's own or --overschrijf."""
    if not os.path.lexists(real):
        return
    import stat

    if not os.access(real, os.W_OK) or not os.stat(real).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise UsageProblem(f"{shown} is alleen-lezen; bncost vervangt het niet (kies een ander bestand)", field="uitvoer")
    if overwrite_allowed(args) or is_own(real):
        return
    raise UsageProblem(
        f"{shown} bestaat al en is niet door bncost in deze vorm geschreven; geef {OVERWRITE_OPTION} om het te vervangen", field="uitvoer"
    )


def _registry() -> Path:
    from burgernet_cost.data.cache import folder

    return folder() / "geschreven.json"


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _remembered() -> dict[str, str]:
    try:
        with open(_registry(), "rb") as fh:
            value = json.loads(fh.read(4 * 1024 * 1024))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(value, dict) else {}


def is_own(real: Path, remembered: dict[str, str] | None = None) -> bool:
    """The file holds exactly what bncost last wrote there."""
    known = (remembered if remembered is not None else _remembered()).get(str(real))
    if known is None:
        return False
    try:
        with open(real, "rb") as fh:
            return _digest(fh.read(64 * 1024 * 1024)) == known
    except OSError:
        return False


def remember(written: dict[Path, bytes]) -> None:
    """Record what bncost wrote (best effort: a cache folder that cannot be written only means that
    the next run asks for --overschrijf)."""
    if not written:
        return
    known = _remembered()
    for path, data in written.items():
        known.pop(str(path), None)
        known[str(path)] = _digest(data)
    if len(known) > MAX_REMEMBERED:
        known = dict(list(known.items())[-MAX_REMEMBERED:])
    target = _registry()
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(known), encoding="utf-8")
        os.replace(tmp, target)
