"""Machine outputs a program can rely on: json typed and described by a schema per command (checked
with check-jsonschema on real outputs), no machine path anywhere, and csv whose columns sum to the
totals the json reports."""

from __future__ import annotations

import csv
import io
import json
import shlex
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "schemas" / "uitvoer"

#: real runs of every command with json output, beyond the runs the schemas are made from
RUNS = [
    "estimate --inwoners 54600",
    "estimate --inwoners 3100000 --pakket volledig --uitleg",
    "estimate --gemeente Dordrecht --jaar 2014 --bandbreedte",
    "estimate --inwoners 54600 --kostenbasis integraal",
    "estimate --inwoners 54600 --scenario examples/scenario-meer-uren.yaml",
    "estimate --inwoners 54600 --peildatum 2026-11-28",
    "estimate --inwoners 54600 --set interviews.waarnemingen[rapport-2014-rbc-basis].uren_per_maand=400",
    "compare-models",
    "compare-models --gemeente Utrecht --jaar 2014 --uitleg",
    "compare-models --gemeente Amsterdam --tarief advies --pakket aanvullend",
    "huidig",
    "taken --organisatie politie",
    "taken --bijlage2",
    "validate",
    "diff data data --jaar 2020",
    "schema",
    "regio --veiligheidsregio Utrecht",
    "regio --alle --bandbreedte",
    "regio --bestand tests/golden/files/leden.csv --uitleg",
    "regio --eenheid Limburg --per gemeente --model landelijk --set inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent=20",
    "gevoeligheid --gemeente Amersfoort --pakket volledig",
    "reeks --alle --van 2020",
    "reeks --gemeenten Utrecht,Zeist",
    "gemeenten",
    "gemeenten --jaar 2012 --zoek dam",
]


@pytest.fixture(scope="module")
def outputs() -> list[tuple[str, Any]]:
    """(command, parsed json) of every run; run as a user runs them, from the repository."""
    found = []
    for line in RUNS:
        args = shlex.split(line)
        done = subprocess.run(
            [sys.executable, "-m", "burgernet_cost", *args, "--format", "json"], capture_output=True, text=True, cwd=REPO, check=False
        )
        assert done.returncode == 0, (line, done.stderr)
        found.append((line, json.loads(done.stdout)))
    return found


def test_every_command_with_json_has_a_current_schema():
    from burgernet_cost.cli.app import COMMANDS  # noqa: F401 - the command table must import
    from burgernet_cost.cli.output_schemas import SAMPLES, generate

    generated = generate()
    assert {p.name for p in SCHEMAS.glob("*.schema.json")} == {name.removeprefix("uitvoer/") for name in generated}
    for name, text in generated.items():
        assert (SCHEMAS.parent / name).read_text(encoding="utf-8") == text, f"{name} is stale: bncost schema --write"
    assert set(SAMPLES) >= {line.split()[0] for line in RUNS}


def test_real_outputs_satisfy_their_schema_check_jsonschema(outputs, tmp_path):
    """check-jsonschema, the tool a user would run, on every output; else the jsonschema library."""
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    by_command: dict[str, list[Path]] = {}
    for n, (line, data) in enumerate(outputs):
        path = tmp_path / f"{n}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        by_command.setdefault(line.split()[0], []).append(path)
    for command, files in by_command.items():
        schema = SCHEMAS / f"{command}.schema.json"
        if tool:
            done = subprocess.run([tool, "--schemafile", str(schema), *map(str, files)], capture_output=True, text=True, check=False)
            assert done.returncode == 0, done.stdout + done.stderr
        else:
            jsonschema = pytest.importorskip("jsonschema")
            validator = jsonschema.Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")))
            for f in files:
                validator.validate(json.loads(f.read_text(encoding="utf-8")))


def test_a_schema_refuses_what_the_output_never_holds(outputs):
    jsonschema = pytest.importorskip("jsonschema")
    line, data = next((line, d) for line, d in outputs if line.startswith("estimate --inwoners 54600"))
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "estimate.schema.json").read_text(encoding="utf-8")))
    bad = [
        {**data, "inwoners": str(data["inwoners"])},  # a number as text
        {**data, "uurtarief": {**data["uurtarief"], "rust_op_aanname": "ja"}},  # a yes/no as text
        {**data, "onbekend": 1},  # a key the command never writes
        {k: v for k, v in data.items() if k != "totaal"},  # a key it always writes
    ]
    for case in bad:
        assert not validator.is_valid(case), line


def _leaves(value: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v, f"{path}[]")]
    return [(path, value)]


def test_numbers_are_numbers_and_yes_no_is_boolean(outputs):
    for line, data in outputs:
        for path, value in _leaves(data):
            if isinstance(value, str) and not path.endswith((".tekst", ".sectie", ".naam", ".label", ".code", ".id")):
                assert value not in ("ja", "nee", "true", "false"), (line, path, value)
                assert not value.replace(".", "", 1).replace("-", "", 1).isdigit(), (line, path, value)


def test_money_is_written_exactly_never_through_a_float():
    """A json number is the Decimal's digits: parse it as Decimal and it is the rounded result."""
    from burgernet_cost.output.renderers import json_text

    huge = Decimal("12345678901234567.89")
    assert json_text({"a": huge, "b": Decimal("1E+16"), "c": Decimal("-0.00")}) == (
        '{\n  "a": 12345678901234567.89,\n  "b": 10000000000000000,\n  "c": 0.00\n}'
    )
    with pytest.raises(TypeError):
        json_text(0.1)
    done = subprocess.run(
        [sys.executable, "-m", "burgernet_cost", "estimate", "--inwoners", "100000000", "--uurtarief", "9999", "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    import re

    assert not re.search(r"[0-9][eE][-+]?[0-9]", done.stdout)  # no exponent notation, however large
    data = json.loads(done.stdout, parse_float=Decimal)
    parts = sum(r["kosten_per_jaar"] for r in data["taakgebieden"] if r["kosten_per_jaar"] is not None)
    assert abs(data["totaal"]["kosten_per_jaar"] - parts) <= Decimal("0.02")


def test_no_machine_path_in_any_output(tmp_path):
    """Run elsewhere than in the repository, the shipped data is named, not located."""
    repo = str(REPO)
    for line in (
        "estimate --inwoners 54600 --uitleg -f json",
        "estimate --inwoners 54600 -f markdown",
        "validate",
        "validate -f json",
        "schema -f json",
    ):
        done = subprocess.run(
            [sys.executable, "-m", "burgernet_cost", *shlex.split(line)], capture_output=True, text=True, cwd=tmp_path, check=False
        )
        assert done.returncode == 0, done.stderr
        assert repo not in done.stdout and "site-packages" not in done.stdout, line
        assert "data (meegeleverd)" in done.stdout or "schemas (meegeleverd)" in done.stdout or "schemas" in done.stdout, line


# --------------------------------------------------------------------------- tidy csv


def _csv(bncost: Any, *args: str) -> list[dict[str, str]]:
    r = bncost(*args, "-f", "csv")
    assert r.code == 0, r.err
    return list(csv.DictReader(io.StringIO(r.out)))


def _sum(rows: list[dict[str, str]], column: str) -> Decimal:
    return sum((Decimal(r[column]) for r in rows if r[column]), Decimal(0))


@pytest.mark.parametrize(
    ("args", "column", "total"),
    [
        (("estimate", "--inwoners", "54600"), "kosten_per_jaar", ("totaal", "kosten_per_jaar")),
        (("estimate", "--gemeente", "Amersfoort", "--jaar", "2024"), "uren_per_maand", ("totaal", "uren_per_maand")),
        (("regio", "--eenheid", "Limburg"), "bijdrage_per_jaar", ("uitvoerder", "budget_per_jaar")),
        (("regio", "--eenheid", "Limburg"), "inwoners", ("inwoners",)),
        (("regio", "--alle", "--per", "eenheid"), "inwoners", ("inwoners",)),
        (("gemeenten", "--eenheid", "Limburg"), "inwoners", ("inwoners_totaal",)),
    ],
)
def test_csv_columns_sum_to_the_total(bncost, args, column, total):
    """Summing a csv column (as pandas or mlr would) gives the total: csv holds data rows only."""
    rows = _csv(bncost, *args)
    data = json.loads(bncost(*args, "-f", "json").out, parse_float=Decimal)
    expected = data
    for key in total:
        expected = expected[key]
    tolerance = Decimal("0.0001") * len(rows) if "." in str(expected) else 0  # the parts are rounded, the total is not
    assert abs(_sum(rows, column) - expected) <= tolerance, (args, column)
    assert not any((r.get("gemeente") or r.get("taakgebied") or r.get("politie_eenheid") or "").lower().startswith("totaal") for r in rows)


def test_csv_nl_keeps_the_total_row_for_people(bncost):
    r = bncost("regio", "--eenheid", "Limburg", "-f", "csv-nl")
    rows = list(csv.DictReader(io.StringIO(r.out.lstrip("\ufeff")), delimiter=";"))
    assert rows[-1]["gemeente"] == "Totaal"
    data_rows = rows[:-1]
    assert int(rows[-1]["inwoners"]) == sum(int(x["inwoners"]) for x in data_rows)
