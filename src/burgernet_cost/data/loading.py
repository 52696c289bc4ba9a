"""``load_dataset``: a data directory as one ``Dataset``, from the validated-data cache when it
holds this exact data, else validated anew (``building``) and then stored.

This module imports neither pydantic nor yaml: a warm run needs neither.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from burgernet_cost.data import cache
from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.files import DATA_FILES as FILES
from burgernet_cost.data.reading import LineMap, display_path, resolve_data_dir

DATA_FILES = tuple(FILES)  # data/files.py
ATTRIBUTES = ("tasks", "interviews", "salary", "models", "tijdlijn")


def load_dataset(
    data_dir: str | Path | None = None, scenario: str | None = None, sets: typing.Sequence[str] = (), use_cache: bool = True
) -> Dataset:
    """Every data file of ``data_dir`` (default: --data-dir, BNCOST_DATA_DIR, the shipped data),
    validated and cross-checked; a scenario and --set overrides are applied in memory.

    Raises DataErrors with all problems found."""
    root = resolve_data_dir(data_dir)
    plain = use_cache and not scenario and not sets
    files = [root / name for name in DATA_FILES]
    if plain:
        payload = cache.read("dataset", files)
        if payload is not None:
            try:
                return _from_payload(root, payload)
            except cache.SHAPE_ERRORS:
                pass  # an entry of another shape: validate anew
    from burgernet_cost.data.building import validated_dataset

    ds = validated_dataset(root, scenario, sets)
    if plain:
        cache.write("dataset", files, _payload(ds), conclusies=cache.CHECKS["dataset"])  # validated_dataset raised otherwise
    return ds


def _payload(ds: Dataset) -> dict[str, Any]:
    return {
        "files": {attr: getattr(ds, attr) for attr in ATTRIBUTES},
        cache.MARSHALLED: {name: ds.lines[name].lines for name in DATA_FILES},  # the line maps as they are
    }


def _from_payload(root: Path, payload: dict[str, Any]) -> Dataset:
    """The data set of a cache entry; line maps of another shape than ``_payload`` writes (not one per
    data file, not tuple keys to line numbers) are a TypeError: the entry is not used."""
    maps = payload[cache.MARSHALLED]
    if type(maps) is not dict or maps.keys() != set(DATA_FILES):
        raise TypeError("line maps")
    lines = {}
    for name, entries in maps.items():
        if not _line_map(entries):
            raise TypeError("line map")
        linemap = LineMap(display_path(root / name))
        linemap.lines = entries
        lines[name] = linemap
    files = payload["files"]
    return Dataset(
        root=root,
        tasks=files["tasks"],
        interviews=files["interviews"],
        salary=files["salary"],
        models=files["models"],
        tijdlijn=files["tijdlijn"],
        lines=lines,
    )


def _line_map(entries: object) -> bool:
    """A line map as ``LineMap`` holds it: key paths (tuples) to line numbers (ints from 1), the
    document's own place (the empty path) among them."""
    if type(entries) is not dict or () not in entries:
        return False
    return set(map(type, entries)) == {tuple} and set(map(type, entries.values())) == {int} and min(entries.values()) >= 1
