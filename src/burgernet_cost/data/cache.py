"""The validated-data cache: what a data directory validated into, stored as plain records.

A warm run reads one JSON file instead of parsing YAML and validating it with pydantic (neither is
imported). The key is the package version, a fingerprint of bncost's own code (its files' sizes and
times: a changed check is a miss), the data folder and the content of every file the entry was
made from, so any change to a data file (or to bncost) is a miss. Only data that passed every
check is stored; scenarios, ``--set`` and ``validate`` never use it.

An entry is a header line and the payload: JSON, then (for a payload's ``MARSHALLED`` member, the
YAML line maps: thousands of tuple keys that JSON would have to rebuild one by one) Python's
``marshal`` form, whose format is part of the key. The header carries the key, what the checks
concluded (``CHECKS``: an entry without the conclusions this code requires is not used), the length
of the JSON part and a BLAKE2b digest of the whole payload, checked before anything in it is read: a
changed number inside a well-formed entry, a truncated or otherwise altered payload is a miss,
never an answer. (The digest guards against corruption and edits, not against
someone who rewrites the whole entry: the folder must be the user's alone, see ``_safe``.) What
bncost cannot have written is a miss even under a fitting digest: a record of no known model or with
other fields, a number that is none (``records.decode_object``), line maps or municipality rows of
another shape (the readers' ``_from_payload``), an entry larger than ``MAX_ENTRY_BYTES``.

Where: ``$XDG_CACHE_HOME/bncost`` (else ``~/.cache/bncost``), a folder of the user's own that no
one else may write to (else there is no cache). Writes go to a temporary file that is renamed.
A missing, read-only or odd cache folder just means no cache; ``BNCOST_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from burgernet_cost import __version__
from burgernet_cost.data.reading import MAX_FILE_BYTES
from burgernet_cost.data.records import decode_object, encode_object

if TYPE_CHECKING:
    from hashlib import blake2b
else:  # CPython's own BLAKE2 module: importing hashlib loads OpenSSL (~4 ms a run), _sha256 hashes 3 x slower
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b


def digest_of(data: bytes = b"") -> blake2b:
    """The cache's digest (BLAKE2b, 256 bits): of the entry's payload, and of what makes its key."""
    return blake2b(data, digest_size=32)


FORMAT = 5  # raise when the shape of an entry changes
#: the payload member stored in marshal form (a mapping of plain values: str, int, tuples)
MARSHALLED = "$marshal"
#: what a cold read concluded before it stored an entry, per kind; an entry must carry all of them
CHECKS = {
    "dataset": ("schema", "verwijzingen", "bereik"),
    "gemeenten": ("schema", "tabellen_binnen_datamap", "totalen", "aliassen", "bereik"),
}
#: an entry holds what its files validated into (each at most MAX_FILE_BYTES): a larger one is not read
MAX_ENTRY_BYTES = 16 * MAX_FILE_BYTES
_code: str | None = None
SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def enabled() -> bool:
    return os.environ.get("BNCOST_NO_CACHE", "").strip() not in ("1", "true", "ja", "yes")


def folder() -> Path:
    """The cache folder; a home folder that cannot be determined (no HOME, a user unknown to the
    system) gives a path that is never ours, so: no cache."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    try:
        home = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    except (RuntimeError, KeyError, OSError):
        return Path("/nonexistent/bncost")
    return home / "bncost"


def code_fingerprint() -> str:
    """Names, sizes and modification times of bncost's own modules (stat only, no reading): an
    entry made by other code (an edited check, a reinstall) is not used."""
    global _code
    if _code is None:
        package = Path(__file__).resolve().parent.parent
        parts = []
        for sub in ("", "data", "domain"):
            try:
                with os.scandir(package / sub) as entries:
                    for entry in entries:
                        if entry.name.endswith(".py"):
                            info = entry.stat()
                            parts.append(f"{sub}/{entry.name}:{info.st_size}:{info.st_mtime_ns}")
            except OSError:
                parts.append(f"{sub}:?")
        _code = digest_of("\n".join(sorted(parts)).encode()).hexdigest()
    return _code


def key(kind: str, files: Iterable[Path]) -> str | None:
    """A digest of the version, the code, the folder and the files' names and contents (None when a
    file cannot be read)."""
    python = f"{sys.implementation.cache_tag}\0{marshal.version}"  # marshal's format is Python's own
    digest = digest_of(f"{kind}\0{FORMAT}\0{python}\0{__version__}\0{code_fingerprint()}".encode())
    try:
        for path in files:
            if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
                return None
            digest.update(os.fsencode(path.resolve()) + b"\0" + path.read_bytes() + b"\0")
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
        if path.stat().st_size > MAX_ENTRY_BYTES:
            return None  # no entry of ours is this big: not read into memory
        header_text, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(header_text)
        if not isinstance(header, dict) or header.get("key") != digest:
            return None
        if header.get("conclusies") != dict.fromkeys(CHECKS.get(kind, ()), "ok"):
            return None  # made without (or before) the checks this code requires
        if header.get("blake2b") != digest_of(body).hexdigest():
            return None  # altered or truncated after it was written
        size = header.get("json")
        if not isinstance(size, int) or not 0 <= size <= len(body):
            return None
        payload = json.loads(body[:size], object_hook=decode_object)
        if size < len(body):
            payload[MARSHALLED] = marshal.loads(body[size:])
        return payload
    except (OSError, ValueError, RecursionError, EOFError, TypeError, MemoryError):
        return None


def write(kind: str, files: list[Path], payload: Any, conclusies: Iterable[str]) -> None:
    """Store the payload (records, Decimals, mappings) with the checks it passed (``conclusies``);
    an entry that lacks one of ``CHECKS[kind]`` is never written. Any problem means: no cache."""
    passed = dict.fromkeys(conclusies, "ok")
    if not enabled() or passed != dict.fromkeys(CHECKS.get(kind, ()), "ok"):
        return
    digest = key(kind, files)
    if digest is None:
        return
    where = folder()
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _safe(where):
            return
        plain = {k: v for k, v in payload.items() if k != MARSHALLED} if isinstance(payload, dict) else payload
        text = json.dumps(plain, ensure_ascii=False, separators=(",", ":"), default=encode_object).encode()
        body = text + (marshal.dumps(payload[MARSHALLED]) if isinstance(payload, dict) and MARSHALLED in payload else b"")
        header = {"key": digest, "conclusies": passed, "json": len(text), "blake2b": digest_of(body).hexdigest()}
        tmp = where / f".{kind}-{os.getpid()}-{os.urandom(6).hex()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(json.dumps(header).encode() + b"\n" + body)
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
    for old in [p for p in entries if p.name != keep][limit - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()
