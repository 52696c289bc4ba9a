"""The validated-data cache: what a data directory validated into, stored as plain records.

A warm run reads one JSON file instead of parsing YAML and validating it with pydantic (neither is
imported). The key is the package version and the content of every file the entry was made from,
so any change to a data file (or to bncost) is a miss. Only data that passed every check is
stored; scenarios, ``--set`` and ``validate`` never use it.

Where: ``$XDG_CACHE_HOME/bncost`` (else ``~/.cache/bncost``), a folder of the user's own that no
one else may write to (else there is no cache). Writes go to a temporary file that is renamed.
A missing, read-only or odd cache folder just means no cache; ``BNCOST_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from burgernet_cost import __version__
from burgernet_cost.data.reading import MAX_FILE_BYTES
from burgernet_cost.data.records import decode_object, encode_object

FORMAT = 2  # raise when the shape of an entry changes
SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def enabled() -> bool:
    return os.environ.get("BNCOST_NO_CACHE", "").strip() not in ("1", "true", "ja", "yes")


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base and os.path.isabs(base) else Path.home() / ".cache") / "bncost"


def key(kind: str, files: Iterable[Path]) -> str | None:
    """A digest of the version and the files' names and contents (None when a file cannot be read)."""
    digest = hashlib.sha256(f"{kind}\0{FORMAT}\0{__version__}".encode())
    try:
        for path in files:
            if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
                return None
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _safe(path: Path) -> bool:
    """Ours alone: owned by this user and writable by no one else."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
        return False  # a link, a pipe, a device: not ours to read
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read(kind: str, files: list[Path]) -> Any | None:
    """The stored payload for these files, or None."""
    if not enabled():
        return None
    digest = key(kind, files)
    if digest is None:
        return None
    path = folder() / f"{kind}-{digest}.json"
    if not (_safe(folder()) and _safe(path)):
        return None
    try:
        stored = json.loads(path.read_text(encoding="utf-8"), object_hook=decode_object)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != digest:
        return None
    return stored.get("payload")


def write(kind: str, files: list[Path], payload: Any) -> None:
    """Store the payload (records, Decimals, mappings); any problem means: no cache, silently."""
    if not enabled():
        return
    digest = key(kind, files)
    if digest is None:
        return
    where = folder()
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _safe(where):
            return
        text = json.dumps({"key": digest, "payload": payload}, ensure_ascii=False, separators=(",", ":"), default=encode_object)
        tmp = where / f".{kind}-{os.getpid()}-{os.urandom(6).hex()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, where / f"{kind}-{digest}.json")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(where, kind, keep=f"{kind}-{digest}.json")
    except (OSError, ValueError, RecursionError):
        return


def _prune(where: Path, kind: str, keep: str, limit: int = 8) -> None:
    """Keep the newest few entries of a kind (data directories and versions come and go)."""
    entries = sorted(where.glob(f"{kind}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in entries if p.name != keep][limit - 1:]:
        with contextlib.suppress(OSError):
            old.unlink()
