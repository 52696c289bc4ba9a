"""Building the data set of a data directory: read every file strictly (``reading``), validate it against its model
(``models``), apply a scenario, check the references between files, and return one ``Dataset`` of
plain records (``records``). Every problem becomes a ``DataError`` naming file, line and key path;
all problems found are reported together (``DataErrors``).
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from burgernet_cost.data import models as s
from burgernet_cost.data import organisation_models as om
from burgernet_cost.data import record_types as rt
from burgernet_cost.data import task_models as tm
from burgernet_cost.data.dataset import Dataset
from burgernet_cost.data.files import DATA_FILES, INTERVIEWS_FILE, MODELS_FILE, SALARY_FILE, TASKS_FILE, TIMELINE_FILE
from burgernet_cost.data.messages import validate_file
from burgernet_cost.data.reading import LineMap, load_yaml_file
from burgernet_cost.data.records import record_of
from burgernet_cost.data.references import reference_errors
from burgernet_cost.data.timeline_models import TijdlijnFile
from burgernet_cost.errors import DataError, DataErrors, UsageProblem

FILE_MODELS: dict[str, type[BaseModel]] = {
    TASKS_FILE: tm.TasksFile,
    INTERVIEWS_FILE: s.InterviewsFile,
    SALARY_FILE: s.SalaryFile,
    MODELS_FILE: om.ModelsFile,
    TIMELINE_FILE: TijdlijnFile,
}
assert list(FILE_MODELS) == list(DATA_FILES)  # every data file (data/files.py) has its model


# --------------------------------------------------------------------------- loading


def validated_dataset(root: Path, scenario: str | None = None, sets: typing.Sequence[str] = ()) -> Dataset:
    """Read, validate and cross-check every data file; apply a scenario and --set overrides in memory.

    Raises DataErrors with all problems found.
    """
    raw: dict[str, Any] = {}
    lines: dict[str, LineMap] = {}
    errors: list[DataError] = []
    for name in FILE_MODELS:
        try:
            raw[name], lines[name] = load_yaml_file(root / name)
        except DataError as exc:
            errors.append(exc)
    applied = None
    if (scenario or sets) and not errors:
        from burgernet_cost.data import scenario as sc

        applied = sc.build(raw, scenario, list(sets))
        if applied is not None:
            sc.apply(raw, applied)
    parsed: dict[str, BaseModel] = {}
    for name, model in FILE_MODELS.items():
        if name not in raw:
            continue
        value, file_errors = validate_file(raw[name], model, lines[name])
        if applied is not None:
            for e in file_errors:
                origin = applied.origin(name, tuple(_key_path(e.path)))
                if origin == "--set (scenario)":  # the user's option, not a data file: a usage error (exit 2)
                    raise UsageProblem(f"{name.removesuffix('.yaml')}.{e.path}: {e.message}", field="set")
                if origin:
                    e.message += f" (waarde uit {origin})"
        errors += file_errors
        if value is not None:
            parsed[name] = value
    if errors:
        raise DataErrors(errors)
    ds = Dataset(
        root=root,
        tasks=record_of(parsed[TASKS_FILE], rt.tasks.TasksFile),
        interviews=record_of(parsed[INTERVIEWS_FILE], rt.files.InterviewsFile),
        salary=record_of(parsed[SALARY_FILE], rt.files.SalaryFile),
        models=record_of(parsed[MODELS_FILE], rt.organisation.ModelsFile),
        tijdlijn=record_of(parsed[TIMELINE_FILE], rt.timeline.TijdlijnFile),
        lines=lines,
        scenario=applied,
    )
    problems = reference_errors(ds)
    if problems:
        raise DataErrors(problems, stage="verwijzingen")
    return ds


def _key_path(text: str | None) -> list[str | int]:
    """'waarnemingen[2].uren_per_maand' -> ['waarnemingen', 2, 'uren_per_maand']."""
    import re

    out: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", text or ""):
        out.append(int(index) if index else name)
    return out
