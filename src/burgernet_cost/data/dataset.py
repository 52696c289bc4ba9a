"""The data set: every validated data file of one data directory, as one immutable record.

``data/loading.py`` builds it (``load_dataset``); the domain reads it. The municipality tables are
part of it, read on first use (most commands do not need them).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from burgernet_cost.data.reading import LineMap, Path_, display_path
from burgernet_cost.structs import field, struct

if TYPE_CHECKING:
    from burgernet_cost.data.municipalities import Gemeenten
    from burgernet_cost.data.record_types import files as s
    from burgernet_cost.data.record_types import organisation as om
    from burgernet_cost.data.record_types import tasks as tm
    from burgernet_cost.data.record_types.timeline import TijdlijnFile
    from burgernet_cost.data.scenario import Scenario


@struct  # the domain's caches key on a data set's identity (domain/figures.py: per_dataset), never on its hash
class Dataset:
    root: Path
    tasks: tm.TasksFile
    interviews: s.InterviewsFile
    salary: s.SalaryFile
    models: om.ModelsFile
    tijdlijn: TijdlijnFile
    lines: dict[str, LineMap] = field(default_factory=dict, compare=False, repr=False)
    scenario: Scenario | None = None  # the applied scenario, if any
    cache: dict[str, Gemeenten] = field(default_factory=dict, compare=False, repr=False)  # what is read on first use

    def where(self, file: str, path: Path_) -> str | None:
        """'data/x.yaml:12' for a value, or the scenario line that overrode it."""
        if self.scenario is not None:
            origin: str | None = self.scenario.origin(file, path)
            if origin:
                return origin
        lines = self.lines.get(file)
        if lines is None:
            return None
        line = lines.line_of(path)
        return f"{lines.file}:{line}" if line else lines.file

    def file(self, name: str) -> str:
        """The file name as shown to the user (relative to the working directory)."""
        return self.lines[name].file if name in self.lines else display_path(self.root / name)

    def taakgebied(self, ident: str) -> tm.Taakgebied:
        for t in self.tasks.taakgebieden:
            if t.id == ident:
                return t
        raise KeyError(ident)

    def quantified_areas(self) -> list[tm.Taakgebied]:
        return [t for t in self.tasks.taakgebieden if t.gekwantificeerd]

    def gemeenten(self) -> Gemeenten:
        """The municipality tables of this data directory (read once, on first use)."""
        if "gemeenten" not in self.cache:
            from burgernet_cost.data.municipalities import load_municipalities

            self.cache["gemeenten"] = load_municipalities(self.root)
        return self.cache["gemeenten"]
