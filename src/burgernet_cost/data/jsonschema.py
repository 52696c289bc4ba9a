"""JSON Schema files for the data files, generated from the pydantic models (``bncost schema``).

Editors that understand ``# yaml-language-server: $schema=…`` validate the YAML while typing. The
files in ``schemas/`` are committed; a test checks that they are current.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel

from burgernet_cost.data.municipality_models import GemeentenFile
from burgernet_cost.data.validating import FILE_MODELS

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
    for (name, text), data_file in zip(generate().items(), SCHEMA_MODELS):
        path = directory / name
        state = "ontbreekt" if not path.is_file() else ("actueel" if path.read_text(encoding="utf-8") == text else "verouderd")
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


def write(directory: Path) -> list[str]:
    """Write every schema atomically (temp file + rename: never a half-written file)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generate().items():
        path = directory / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(name)
    return written
