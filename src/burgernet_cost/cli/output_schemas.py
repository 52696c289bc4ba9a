"""JSON Schemas of the commands' json output (``schemas/uitvoer/COMMANDO.schema.json``), generated
in one place: each command runs on the shipped data with the options that add parts to its json
(``SAMPLES``), its ``Report`` is taken from the renderer, and ``output/report_schema.py`` turns the
reports' kinds into one schema per command. ``bncost schema`` lists, checks, writes and prints them;
``tests/test_output_schemas.py`` validates real outputs of every command against them.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: the folder below schemas/ and the name of a command's schema
FOLDER = "uitvoer"

#: per command the runs whose reports make its schema (together they write every key the json can hold)
SAMPLES: dict[str, list[list[str]]] = {
    "estimate": [
        ["--inwoners", "54600"],
        ["--gemeente", "Amersfoort", "--jaar", "2024", "--uitleg", "--bandbreedte"],
        ["--inwoners", "54600", "--set", "{set}", "--uurtarief", "40"],
    ],
    "compare-models": [
        [],
        ["--uitleg", "--bandbreedte"],
        ["--gemeente", "Amersfoort", "--jaar", "2024", "--tarief", "advies", "--pakket", "basis"],
        ["--gemeente", "Utrecht", "--jaar", "2014"],
        ["--gemeente", "Maastricht", "--jaar", "2014", "--set", "{set}"],
    ],
    "huidig": [[]],
    "taken": [["--organisatie", "alle"], ["--organisatie", "politie"], ["--bijlage2"], ["--rol", "relatiebeheer", "--pakket", "basis"]],
    "validate": [[]],
    "diff": [["{data}", "{data}"]],
    "schema": [],  # its report is made directly (see _schema_reports): running it here would run itself
    "regio": [
        ["--eenheid", "Midden-Nederland", "--uitleg", "--bandbreedte"],
        ["--alle", "--per", "eenheid"],
        ["--gemeenten", "Utrecht,Zeist", "--model", "landelijk", "--tarief", "advies", "--jaar", "2024"],
        ["--bestand", "{leden}", "--set", "{set}"],
    ],
    "gevoeligheid": [["--inwoners", "54600", "--jaar", "2024"], ["--gemeente", "Amersfoort"]],
    "reeks": [["--gemeente", "Amersfoort"], ["--eenheid", "Oost-Brabant"], ["--inwoners", "54600", "--van", "2019"]],
    "gemeenten": [["--zoek", "berg"], ["--eenheid", "Limburg", "--jaar", "2024"]],
}

#: a change of the data for one run (json "scenario")
_SET = "inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent=20"
#: a member list with a column of its own (json "extra")
_MEMBERS = "gemeente;inwoners;Contactpersoon\nUtrecht;300000;J. de Vries\nZeist;;A. Bakker\n"


def schema_name(command: str) -> str:
    return f"{FOLDER}/{command}.schema.json"


@contextlib.contextmanager
def _captured(reports: list[Any]) -> Iterator[None]:
    """Every report rendered as json meanwhile is kept in ``reports``."""
    from burgernet_cost.output import renderers

    real = renderers.RENDERERS["json"]

    def keep(report: Any) -> str:
        reports.append(report)
        return real(report)

    renderers.RENDERERS["json"] = keep
    try:
        yield
    finally:
        renderers.RENDERERS["json"] = real


def _reports(command: str, runs: list[list[str]], data: Path, folder: Path) -> list[Any]:
    from burgernet_cost.cli import main
    from burgernet_cost.errors import DataError

    reports: list[Any] = []
    leden = folder / "leden.csv"
    leden.write_text(_MEMBERS, encoding="utf-8")
    for args in runs:
        line = [a.format(data=data, leden=leden, set=_SET) for a in args]
        out, err = io.StringIO(), io.StringIO()
        with _captured(reports), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([command, *line, "--format", "json", "--data-dir", str(data)])
        if code not in (0, 1) or not out.getvalue():
            raise DataError(f"bncost {command} {' '.join(line)} gaf geen json (exit {code}): {err.getvalue().strip()}")
    return reports


def _schema_reports() -> list[Any]:
    from burgernet_cost.output.views.checks import schema_report

    return [schema_report("schemas", [("tasks.schema.json", "data/tasks.yaml", "actueel")])]  # the shape, not the list


def generate_one(command: str) -> str:
    return generate([command])[schema_name(command)]


def generate(commands: list[str] | None = None) -> dict[str, str]:
    """schema name ('uitvoer/estimate.schema.json') -> JSON text, for every command with json output."""
    from burgernet_cost.data.reading import default_data_dir
    from burgernet_cost.output.report_schema import document, merge, report_schema, with_calibration

    data = default_data_dir()
    out: dict[str, str] = {}
    saved = os.environ.pop("BNCOST_DATA_DIR", None)
    try:
        with tempfile.TemporaryDirectory(prefix="bncost-schema-") as tmp:
            for command in commands or list(SAMPLES):
                runs = SAMPLES[command]
                reports = _reports(command, runs, data, Path(tmp)) if runs else _schema_reports()
                schema: dict[str, Any] = {}
                for report in reports:
                    schema = merge(schema, report_schema(report))
                if command not in ("schema", "validate", "diff", "taken", "gemeenten", "huidig"):
                    schema = with_calibration(schema)
                name = schema_name(command)
                out[name] = json.dumps(document(schema, command, name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    finally:
        if saved is not None:
            os.environ["BNCOST_DATA_DIR"] = saved
    return out


def states(directory: Path, texts: dict[str, str]) -> list[tuple[str, str, str]]:
    """(schema file, what it describes, state) per command; state: actueel, verouderd or ontbreekt."""
    from burgernet_cost.data.jsonschema import same

    out = []
    for name, text in texts.items():
        path = directory / name
        state = "actueel" if same(path, text) else ("verouderd" if path.exists() else "ontbreekt")
        out.append((name, f"bncost {_command(name)} --format json", state))
    return out


def write(directory: Path, texts: dict[str, str]) -> list[str]:
    """Write the schemas that changed into ``directory/uitvoer`` (all or nothing, as the data's)."""
    from burgernet_cost.data import jsonschema

    names = jsonschema.write(directory / FOLDER, {name.removeprefix(FOLDER + "/"): text for name, text in texts.items()})
    return [f"{FOLDER}/{name}" for name in names]


def _command(name: str) -> str:
    return name.removeprefix(FOLDER + "/").removesuffix(".schema.json")
