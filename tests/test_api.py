"""burgernet_cost.api: the command line's results, rules and defaults, as typed Python results."""

from __future__ import annotations

import json
import runpy
from decimal import Decimal

import pytest

from burgernet_cost import api
from burgernet_cost.errors import UsageProblem
from burgernet_cost.output import numbers as money
from conftest import REPO


def _cli(bncost, *args: object) -> dict:
    r = bncost(*args, "--format", "json")
    assert r.code == 0, r.err
    return json.loads(r.out, parse_float=str)


@pytest.mark.parametrize("jaar", [None, 2024])
def test_estimate_equals_the_command_line(bncost, jaar):
    extra = () if jaar is None else ("--jaar", jaar)
    s = api.estimate(gemeente="Amersfoort", jaar=jaar)
    cli = _cli(bncost, "estimate", "--gemeente", "Amersfoort", *extra)
    assert s.to_dict() == cli
    json.dumps(s.to_dict())  # json-safe
    assert money.quantize(s.kosten_per_jaar, 2) == Decimal(cli["totaal"]["kosten_per_jaar"])
    assert s.inwoners == cli["inwoners"] and s.gemeentecode == cli["gemeente"]["code"]


def test_the_date_rule_is_the_command_lines(dataset):
    """No silent other price level: without jaar the report's situation, with jaar everything at 1-1-jaar."""
    report = api.estimate(gemeente="Amersfoort")
    later = api.estimate(gemeente="Amersfoort", jaar=2024)
    assert (report.inwoners_datum, report.prijspeil) == ("2014-01-01", "2012-04-01")
    assert (later.inwoners_datum, later.prijspeil) == ("2024-01-01", "2024-01-01")
    assert later.uurtarief > report.uurtarief
    given = api.estimate(later.inwoners)  # a number of inhabitants: the report's price level, as the CLI
    assert given.prijspeil == "2012-04-01" and given.inwoners_datum is None
    assert api.estimate(later.inwoners, jaar=2024).kosten_per_jaar == later.kosten_per_jaar


def test_rate_options_and_a_loaded_data_set(bncost, dataset):
    s = api.estimate(54600, pakket="volledig", schaal="11", periodiek=5, toeslagen=["vakantietoelage"], data=dataset)
    cli = _cli(bncost, "estimate", "-n", 54600, "-p", "volledig", "--schaal", "11", "--periodiek", 5, "--toeslagen", "vakantietoelage")
    assert s.to_dict() == cli
    assert api.estimate(54600, data=dataset).kosten_per_jaar == api.estimate(54600).kosten_per_jaar
    assert api.estimate(54600, uurtarief=40).uurtarief == Decimal(40)
    scenario = REPO / "examples" / "scenario-meer-uren.yaml"
    with_scenario = api.estimate(54600, data=dataset, scenario=str(scenario))  # the data set's folder, with the scenario
    assert with_scenario.to_dict() == _cli(bncost, "estimate", "-n", 54600, "--scenario", scenario)
    assert with_scenario.kosten_per_jaar != api.estimate(54600, data=dataset).kosten_per_jaar


def test_uncalibrated_data_warns_as_the_command_line_does(bncost, data_copy):
    path = data_copy / "interviews.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("uren_per_maand: 342\n", "uren_per_maand: 400\n"), encoding="utf-8")
    s = api.estimate(54600, data=data_copy)
    cli = _cli(bncost, "estimate", "-n", 54600, "--data-dir", data_copy)
    assert s.to_dict() == cli and cli["kalibratie"]["reproduceert_rapport"] is False
    assert "kalibratie" not in api.estimate(54600).to_dict()  # the next call, on the shipped data


def test_compare_equals_the_command_line(bncost):
    v = api.compare(gemeente="Amersfoort", jaar=2024)
    assert v.to_dict() == _cli(bncost, "compare-models", "--gemeente", "Amersfoort", "--jaar", 2024)
    assert v.model("regionaal", "basis").totaal == v.model("gemeentelijk", "basis").totaal  # linear scaling
    advies = api.compare(54600, pakket="basis", tarief_per_inwoner="advies")
    assert advies.to_dict() == _cli(bncost, "compare-models", "-n", 54600, "-p", "basis", "--tarief", "advies")
    voordeel = api.compare(54600, schaalvoordeel=10)
    assert voordeel.to_dict() == _cli(bncost, "compare-models", "-n", 54600, "--schaalvoordeel", 10)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: api.estimate(-5), "inwoners"),
        (lambda: api.estimate(5, pakket="alles"), "pakket"),
        (lambda: api.estimate(5, jaar=1850), "jaar"),
        (lambda: api.estimate(5, periodiek="x"), "periodiek"),
        (lambda: api.estimate(5, kostenbasis="goedkoop"), "kostenbasis"),
        (lambda: api.compare(5, tarief_per_inwoner="gratis"), "tarief"),
        (lambda: api.compare(5, tarief_per_inwoner="advies", schaalvoordeel=10), "schaalvoordeel"),
        (lambda: api.estimate(5, schaal_="10"), None),
        (lambda: api.estimate(), None),
        (lambda: api.estimate(5, gemeente="Utrecht"), None),
        (lambda: api.estimate(gemeente="Atlantis"), None),
    ],
)
def test_wrong_arguments_raise_a_dutch_usage_problem(call, field):
    with pytest.raises(UsageProblem) as exc:
        call()
    assert exc.value.field == field or field is None
    assert "Traceback" not in str(exc.value) and str(exc.value)


def test_gemeenten_of_a_year(dataset):
    rows = api.gemeenten(2024, data=dataset)
    assert len(rows) == len(dataset.gemeenten().lijst(2024))
    assert sum(g.inwoners for g in rows) == sum(g.inwoners for g in dataset.gemeenten().lijst(2024))
    assert {g.peildatum for g in rows} == {"2024-01-01"}


def test_the_example_puts_every_municipality_in_a_dataframe(dataset, bncost):
    pytest.importorskip("pandas")
    example = runpy.run_path(str(REPO / "examples" / "alle_gemeenten.py"))
    table = example["kosten_per_gemeente"](2024, "basis", data=dataset)
    assert len(table) == len(dataset.gemeenten().lijst(2024)) and table.index.is_unique
    amersfoort = table.loc["GM0307"]
    cli = _cli(bncost, "estimate", "--gemeente", "GM0307", "--jaar", 2024)
    assert amersfoort["inwoners"] == cli["inwoners"]
    assert money.quantize(amersfoort["kosten_per_jaar"], 2) == Decimal(cli["totaal"]["kosten_per_jaar"])
    assert table["inwoners"].sum() == sum(g.inwoners for g in dataset.gemeenten().lijst(2024))
    total = sum(table["kosten_per_jaar"], Decimal(0))
    assert isinstance(total, Decimal) and total > 0
    assert set(table["prijspeil"]) == {"2024-01-01"}


def test_documented_in_dutch_with_working_examples():
    text = (REPO / "docs" / "bibliotheek.md").read_text(encoding="utf-8")
    for name in api.__all__:
        assert name in text, name
    blocks = [b.split("\n", 1)[1] for b in text.split("```")[1::2] if b.startswith("python\n")]
    assert blocks
    for block in blocks:
        exec(compile(block, "docs/bibliotheek.md", "exec"), {})  # every example runs
