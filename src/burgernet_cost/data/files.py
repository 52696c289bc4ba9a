"""The data files of a data folder, declared once: each file and the data set's attribute that holds
it (``Dataset.tasks`` for ``tasks.yaml``, …). Loading, the cache, the schemas, the figures' ids,
``validate`` and tab completion all take the list from here."""

from __future__ import annotations

TASKS_FILE, INTERVIEWS_FILE, SALARY_FILE = "tasks.yaml", "interviews.yaml", "salary_scales.yaml"
MODELS_FILE, TIMELINE_FILE = "inrichtingsmodellen.yaml", "tijdlijn.yaml"
MUNICIPALITIES_FILE = "gemeenten.yaml"  # read on first use, with its CSV tables (data/municipalities.py)

#: file -> the attribute of ``Dataset`` that holds it, in the order they are read
DATA_FILES: dict[str, str] = {
    TASKS_FILE: "tasks",
    INTERVIEWS_FILE: "interviews",
    SALARY_FILE: "salary",
    MODELS_FILE: "models",
    TIMELINE_FILE: "tijdlijn",
}


def by_file(ds: object) -> dict[str, object]:
    """file -> the validated records of that file in a data set."""
    return {file: getattr(ds, attribute) for file, attribute in DATA_FILES.items()}
