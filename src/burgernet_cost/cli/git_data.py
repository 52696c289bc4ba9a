"""``bncost diff main``: a side of a diff can be a git version of the data folder.

``REF`` (a branch, tag or commit of the repository the command runs in) means the folder ``data``
at that version; ``REF:pad`` another folder. The files are exported into a temporary folder with
``git show``, which is removed afterwards. Only when the argument is not an existing folder.
"""

from __future__ import annotations

import contextlib
import posixpath
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from burgernet_cost.errors import UsageProblem, quote

MAX_FILES = 200
MAX_BYTES = 50 * 1024 * 1024
TIMEOUT = 20


def _git(*args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        raise UsageProblem("git is niet beschikbaar (of antwoordt niet); geef een map in plaats van een git-versie") from None
    if done.returncode != 0:
        raise LookupError(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout


@contextlib.contextmanager
def data_folder(argument: str | None, label: str, default: str | None = None) -> Iterator[str | None]:
    """A folder for one side of the diff: the argument itself when it is a folder (or absent), else
    the data of a git version, exported to a temporary folder for the duration."""
    if argument is None:
        yield default
        return
    try:
        exists = Path(argument).expanduser().exists()
    except (OSError, RuntimeError):
        exists = False
    if exists:
        yield argument
        return
    ref, _, written = argument.partition(":")
    sub = posixpath.normpath(written.strip().strip("/") or "data")
    if sub == "." or sub.startswith("../") or sub == "..":
        raise UsageProblem(f"{label}: {quote(argument)}: het pad moet een map in de repository zijn (bijv. {ref}:data)")
    try:
        _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        names = [n for n in _git("ls-tree", "-r", "-z", "--name-only", ref, "--", sub).decode("utf-8", "replace").split("\0") if n]
    except LookupError:
        raise UsageProblem(f"{label}: {quote(argument)} is geen map en geen git-versie van deze repository") from None
    if names == [sub]:
        parent = posixpath.dirname(sub) or "data"
        raise UsageProblem(f"{label}: {quote(f'{ref}:{sub}')} is een bestand; diff vergelijkt datamappen (bijv. {ref}:{parent})")
    names = [n for n in names if n.startswith(sub + "/")]
    if not names:
        raise UsageProblem(f"{label}: in git-versie {quote(ref)} staat geen map {quote(sub)}")
    if not any(posixpath.relpath(n, sub) == "tasks.yaml" for n in names):
        raise UsageProblem(f"{label}: {quote(f'{ref}:{sub}')} is geen datamap (er staat geen tasks.yaml in)")
    if len(names) > MAX_FILES:
        raise UsageProblem(f"{label}: {quote(sub)} in {quote(ref)} heeft meer dan {MAX_FILES} bestanden")
    folder = Path(tempfile.mkdtemp(prefix="bncost-diff-"))
    from burgernet_cost.data.reading import SHOWN_AS

    SHOWN_AS[str(folder)] = f"{ref}:{sub}"  # messages and findings name the git version, not the temporary folder
    try:
        total = 0
        for name in names:
            content = _git("show", f"{ref}:{name}")
            total += len(content)
            if total > MAX_BYTES:
                raise UsageProblem(f"{label}: de data in {quote(ref)} is te groot")
            target = folder / posixpath.relpath(name, sub)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        yield str(folder)
    except LookupError as exc:
        raise UsageProblem(f"{label}: {quote(argument)} kan niet uit git worden gelezen ({quote(str(exc), 80)})") from None
    finally:
        SHOWN_AS.pop(str(folder), None)
        shutil.rmtree(folder, ignore_errors=True)
