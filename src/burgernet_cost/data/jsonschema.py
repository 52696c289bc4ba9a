"""JSON Schema files for the data files, generated from the pydantic models (``bncost schema``).

Editors that understand ``# yaml-language-server: $schema=…`` validate the YAML while typing. The
files in ``schemas/`` are committed; a test checks that they are current.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel

from burgernet_cost.data.building import FILE_MODELS
from burgernet_cost.data.municipality_models import GemeentenFile
from burgernet_cost.errors import DataError

#: every YAML data file with its model (the municipality tables are CSV, checked on load)
SCHEMA_MODELS: dict[str, type[BaseModel]] = {**FILE_MODELS, "gemeenten.yaml": GemeentenFile}


def schema_name(data_file: str) -> str:
    return data_file.replace(".yaml", ".schema.json")


def generate() -> dict[str, str]:
    """schema file name -> JSON text."""
    out = {}
    for data_file, model in SCHEMA_MODELS.items():
        schema = model.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://bncost.invalid/schemas/{schema_name(data_file)}",
            **schema,
            "title": f"bncost: data/{data_file}",
        }
        out[schema_name(data_file)] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def default_dir(data_dir: str | Path | None = None) -> Path:
    """``schemas/`` beside the data directory: the data files point there (``../schemas/``).

    In a checkout that is the repository's ``schemas/``; in an installed wheel the schemas shipped
    beside the shipped data."""
    from burgernet_cost.data.reading import resolve_data_dir

    return resolve_data_dir(data_dir).parent / "schemas"


def states(directory: Path) -> list[tuple[str, str, str]]:
    """(schema file, data file, state) per schema; state: actueel, verouderd or ontbreekt."""
    out = []
    for (name, text), data_file in zip(generate().items(), SCHEMA_MODELS, strict=True):
        path = directory / name
        state = "actueel" if same(path, text) else ("verouderd" if path.exists() else "ontbreekt")
        out.append((name, data_file, state))
    return out


def check(directory: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    stale = []
    for name, text in generate().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def write(directory: Path, texts: dict[str, str] | None = None) -> list[str]:
    """Write the schemas that changed: all to temporary files first, then each renamed into place
    (never a half-written file, never a half-updated set when a write fails). The files get the
    mode a new file gets here (0644 under the usual umask). Problems become a DataError in Dutch."""
    from burgernet_cost.data.reading import printable_path
    from burgernet_cost.errors import os_reason

    shown = printable_path(str(directory))
    try:
        if directory.exists() and not directory.is_dir():
            raise DataError("is geen map; geef met --map een map voor de schema's", file=shown)
        directory.mkdir(exist_ok=True)
    except FileNotFoundError:
        raise DataError("de map erboven bestaat niet; maak die eerst aan", file=shown) from None
    except OSError as exc:
        raise DataError(f"map kan niet worden gemaakt ({os_reason(exc)})", file=shown) from None
    changed = {name: text for name, text in (generate() if texts is None else texts).items() if not same(directory / name, text)}
    mask = os.umask(0)
    os.umask(mask)
    temps: dict[str, Path] = {}
    try:
        for name, text in changed.items():
            tmp = directory / f".{name}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~mask)
            temps[name] = tmp
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
        for name, tmp in temps.items():
            os.replace(tmp, directory / name)
    except OSError as exc:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise DataError(f"schema's konden niet worden geschreven ({os_reason(exc)}); er is niets gewijzigd", file=shown) from None
    return list(changed)


def same(path: Path, text: str) -> bool:
    try:
        return path.is_file() and path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
