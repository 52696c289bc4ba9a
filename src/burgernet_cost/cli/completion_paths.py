"""Tab completion of paths: files with the extensions an option accepts, data folders, ``--set``
paths inside the data (file, key, list id in brackets, field) and git versions for ``diff``.

Where a single candidate is a folder (or a block of the data), its contents are offered at once,
so that a shell that puts a space after a lone candidate (bash) does not end the
word halfway.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

import typer

from burgernet_cost.cli.completion import Candidates, _data_dir, _quiet
from burgernet_cost.data.files import DATA_FILES

MAX_ENTRIES = 500
DEPTH = 8


# --------------------------------------------------------------------------- files and folders


def _entries(incomplete: str, extensions: tuple[str, ...], folders_only: bool) -> Candidates:
    folder, _, start = incomplete.rpartition("/")
    shown = folder + "/" if folder or incomplete.startswith("/") else ""
    where = os.path.expanduser(folder or ("/" if incomplete.startswith("/") else "."))
    found: Candidates = []
    with os.scandir(where) as it:
        for entry in sorted(it, key=lambda e: e.name)[:MAX_ENTRIES]:
            if not entry.name.startswith(start) or (entry.name.startswith(".") and not start.startswith(".")):
                continue
            if entry.is_dir():
                found.append((shown + entry.name + "/", "map"))
            elif not folders_only and entry.name.lower().endswith(extensions):
                found.append((shown + entry.name, ""))
    return found


def _descend(incomplete: str, extensions: tuple[str, ...], folders_only: bool) -> Candidates:
    found = _entries(incomplete, extensions, folders_only)
    for _ in range(DEPTH):
        if len(found) != 1 or not found[0][0].endswith("/"):
            break
        inside = _entries(found[0][0], extensions, folders_only)
        if not inside:
            break
        found = [found[0], *inside] if folders_only else inside  # a folder is itself an answer to --data-dir
    return found


def files(*extensions: str) -> Callable[..., Candidates]:
    """A callback offering folders and the files with these extensions."""

    def callback(incomplete: str) -> Candidates:
        try:
            return _descend(incomplete, tuple(e.lower() for e in extensions), folders_only=False)
        except (OSError, ValueError):
            return []

    return callback


def folders(incomplete: str) -> Candidates:
    """A callback offering folders only (--data-dir, --map)."""
    try:
        return _descend(incomplete, (), folders_only=True)
    except (OSError, ValueError):
        return []


# --------------------------------------------------------------------------- git versions (diff)


def _git_refs() -> list[str]:
    import subprocess

    try:
        done = subprocess.run(
            ["git", "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags", "refs/remotes"],
            capture_output=True,
            timeout=3,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    refs = done.stdout.decode("utf-8", "replace").split()
    return ["HEAD", *(r for r in refs if r and not r.endswith("/HEAD"))]


def versies(incomplete: str) -> Candidates:
    """diff BASIS [NIEUW]: git versions of this repository, and data folders."""
    refs: Candidates = [(r, "git-versie") for r in _git_refs()]
    try:
        dirs = _descend(incomplete, (), folders_only=True) if incomplete else _entries("", (), folders_only=True)
    except (OSError, ValueError):
        dirs = []
    return refs + dirs


# --------------------------------------------------------------------------- --set paths

_PATH = re.compile(r"[^.\[\]]+(?:\.[^.\[\]]+|\[[^\]]+\])*")
_FILES = DATA_FILES  # data/files.py


def _tree(paths: Any) -> dict[Any, Any]:
    """The key structure of a data file from the key paths of its lines."""
    root: dict[Any, Any] = {}
    for path in paths:
        node = root
        for key in path:
            node = node.setdefault(key, {})
    return root


def _value(record: Any, keys: tuple[Any, ...]) -> Any:
    """The validated value at a key path (None when the records name it differently)."""
    current = record
    for key in keys:
        if isinstance(key, int):
            current = current[key] if isinstance(current, list) and key < len(current) else None
        elif isinstance(current, dict):
            current = current.get(key)
        else:  # a record of the data: one of its fields
            names = getattr(current, "field_names", None)
            current = getattr(current, key, None) if names is None or key in names else None
        if current is None:
            return None
    return current


def _children(node: dict[Any, Any], record: Any, keys: tuple[Any, ...], head: str, sep: str) -> Candidates:
    """The next level below a node: keys after '.', list elements (by id, else position) after '['."""
    out: Candidates = []
    if sep == "[":
        for index in sorted(k for k in node if isinstance(k, int)):
            ident = _value(record, (*keys, index, "id"))
            label = ident if isinstance(ident, str) and re.fullmatch(r"[^.\[\]]+", ident) else str(index)
            out.append((f"{head}{label}]", _label(node[index], record, (*keys, index))))
        return out
    for key in (k for k in node if isinstance(k, str)):
        out.append((head + key, _label(node[key], record, (*keys, key))))
    return out


def _label(node: dict[Any, Any], record: Any, keys: tuple[Any, ...]) -> str:
    if not node:
        value = _value(record, keys)
        return "" if value is None else str(value)[:60]
    return "lijst" if any(isinstance(k, int) for k in node) else "blok"


def _walk(tree: dict[Any, Any], record: Any, parts: list[Any]) -> tuple[dict[Any, Any], tuple[Any, ...]] | None:
    node = tree
    keys: tuple[Any, ...] = ()
    for part in parts:
        if isinstance(part, tuple):
            indexes = [k for k in node if isinstance(k, int)]
            wanted = part[0]
            match = [i for i in indexes if str(i) == wanted or _value(record, (*keys, i, "id")) == wanted]
            if not match:
                return None
            key: Any = match[0]
        elif part in node:
            key = part
        else:
            return None
        node, keys = node[key], (*keys, key)
    return node, keys


def _set_level(ds: Any, incomplete: str) -> Candidates:
    """One level of --set candidates for the text typed so far."""
    cut = max(incomplete.rfind("."), incomplete.rfind("["))
    if cut < 0:
        return [(name.removesuffix(".yaml") + ".", "databestand") for name in _FILES if name in ds.lines]
    head, sep = incomplete[: cut + 1], incomplete[cut]
    if not _PATH.fullmatch(head[:cut]):
        return []
    segments = re.findall(r"([^.\[\]]+)|\[([^\]]+)\]", head[:cut])
    name = segments[0][0] + ".yaml"
    if name not in _FILES or name not in ds.lines:
        return []
    record = getattr(ds, _FILES[name])
    walked = _walk(_tree(ds.lines[name].lines), record, [a if a else (b,) for a, b in segments[1:]])
    if walked is None:
        return []
    node, keys = walked
    if (sep == "." and not any(isinstance(k, str) for k in node)) or (sep == "[" and not any(isinstance(k, int) for k in node)):
        return []
    return [(value + _continuation(value, node, record, keys, sep), info) for value, info in _children(node, record, keys, head, sep)]


def _continuation(value: str, node: dict[Any, Any], record: Any, keys: tuple[Any, ...], sep: str) -> str:
    """'.' after a block, '[' after a list, nothing after a value (an id in brackets: '.')."""
    key: Any = value.rsplit(sep, 1)[1].rstrip("]")
    if sep == "[":
        key = next((k for k in node if isinstance(k, int) and (str(k) == key or _value(record, (*keys, k, "id")) == key)), None)
    child = node.get(key, {})
    if not child:
        return ""
    return "[" if any(isinstance(k, int) for k in child) else "."


@_quiet
def set_pad(ctx: typer.Context, incomplete: str) -> Candidates:
    """--set PAD=WAARDE: the path level by level (the value is the user's)."""
    if "=" in incomplete:
        return []
    ds = _load(ctx)
    found = [c for c in _set_level(ds, incomplete) if c[0].startswith(incomplete)]
    for _ in range(DEPTH):
        if len(found) != 1 or not found[0][0].endswith((".", "[")):
            break
        deeper = _set_level(ds, found[0][0])
        if not deeper:
            break
        found = deeper
    return found


def _load(ctx: Any) -> Any:
    from burgernet_cost.data.loading import load_dataset

    return load_dataset(_data_dir(ctx))
