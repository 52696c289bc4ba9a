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
    lines = {}
    for name, entries in payload[cache.MARSHALLED].items():
        if not isinstance(entries, dict):
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
