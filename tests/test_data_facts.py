"""A data fact changes no code and no test code (issue 26, "One meaning, one place").

The working time per month (``uurloon.uren_per_maand``, 156 in the CAO) is changed to 162,5 in a copy
of data/ (with 37,5 hours a week, so that the data stays consistent); every command still runs, its
figures change, and they are what the data says (tests/oracle.py, the same helpers the other tests
read their expectations from). The explanation shows 162,5 where it shows the working time.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

import oracle
from burgernet_cost.data.loading import load_dataset

COMMANDS = {
    "estimate": ["estimate", "-n", "54600", "-p", "volledig", "-f", "json"],
    "compare-models": ["compare-models", "-n", "54600", "-p", "basis", "-f", "json"],
    "regio": ["regio", "--eenheid", "Limburg", "-p", "volledig", "-f", "json"],
    "reeks": ["reeks", "--inwoners", "54600", "--van", "2020", "--tot", "2022", "-f", "json"],
    "gevoeligheid": ["gevoeligheid", "-n", "54600", "-f", "json"],
}


#: the working time of the issue's example: 37,5 hours a week, 162,5 a month (the other way round when
#: the data already says 162,5: the test is about a change)
LONGER = (Decimal("37.5"), Decimal("162.5"))
SHORTER = (Decimal(36), Decimal(156))


@pytest.fixture
def longer_month(data_copy):
    now = load_dataset(data_copy).salary.uurloon.uren_per_maand
    weeks_per, month = SHORTER if now == LONGER[1] else LONGER
    path = data_copy / "salary_scales.yaml"
    text = path.read_text(encoding="utf-8")
    text, weeks = re.subn(r"(?m)^  uren_per_week: .*$", f"  uren_per_week: {weeks_per}", text, count=1)
    text, months = re.subn(r"(?m)^  uren_per_maand: .*$", f"  uren_per_maand: {month}", text, count=1)
    assert weeks == months == 1
    path.write_text(text, encoding="utf-8")
    return data_copy


def numbers(value: object) -> list[object]:
    """Every number in a json document, in order (paths and texts left out)."""
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers(v)]
    return [value] if isinstance(value, int | float | Decimal) and not isinstance(value, bool) else []


def test_the_copy_is_valid_and_holds_the_new_fact(bncost, longer_month):
    r = bncost("validate", "--data-dir", longer_month)
    assert r.code == 0, r.out + r.err
    assert load_dataset(longer_month).salary.uurloon.uren_per_maand != load_dataset().salary.uurloon.uren_per_maand


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_runs_and_its_figures_change(bncost, longer_month, name):
    before = bncost(*COMMANDS[name])
    after = bncost(*COMMANDS[name], "--data-dir", longer_month)
    assert before.code == after.code == 0, after.err
    assert "Traceback" not in after.err
    assert numbers(json.loads(before.out)) != numbers(json.loads(after.out))


def test_estimate_follows_the_data(bncost, longer_month):
    ds = load_dataset(longer_month)
    data = json.loads(bncost(*COMMANDS["estimate"], "--data-dir", longer_month).out, parse_float=Decimal)
    assert data["uurtarief"]["bedrag"] == oracle.rounded(oracle.rate(ds), 4)
    rows = {r["taakgebied"]: r for r in data["taakgebieden"]}
    for area in ("beleid", "relatiebeheer_communicatie"):
        hours = oracle.hours(ds, area, "volledig", 54600)
        assert rows[area]["kosten_per_jaar"] == oracle.rounded(oracle.cost(ds, hours), 2)
        assert rows[area]["fte"] == oracle.rounded(oracle.fte(ds, hours), 4)


def test_compare_and_region_follow_the_data(bncost, longer_month):
    ds = load_dataset(longer_month)
    data = json.loads(bncost(*COMMANDS["compare-models"], "--data-dir", longer_month).out, parse_float=Decimal)
    own = sum(oracle.hours(ds, t, "basis", 54600) for t in ("beleid", "relatiebeheer_communicatie"))
    gemeentelijk = next(m for m in data["vergelijkingen"][0]["modellen"] if m["model"] == "gemeentelijk")
    assert gemeentelijk["eigen_kosten_per_jaar"] == oracle.rounded(oracle.cost(ds, own), 2)
    region = json.loads(bncost(*COMMANDS["regio"], "--data-dir", longer_month).out, parse_float=Decimal)
    hours = oracle.hours(ds, "relatiebeheer_communicatie", "volledig", region["inwoners"])
    assert region["uitvoerder"]["fte"] == oracle.rounded(oracle.fte(ds, hours), 4)


def test_the_explanation_shows_the_new_working_time(bncost, longer_month):
    r = bncost("estimate", "-n", "54600", "--uitleg", "--data-dir", longer_month)
    assert r.code == 0, r.err
    month = load_dataset(longer_month).salary.uurloon.uren_per_maand
    old = load_dataset().salary.uurloon.uren_per_maand
    assert f"{oracle.plain(month)} uur/maand" in r.out
    assert not re.search(rf"\b{re.escape(oracle.plain(old))} uur", r.out.split("Uitleg van de berekening:")[1])


def test_calibration_travels_with_the_result(bncost, data_copy):
    """A result on data that no longer reproduces the report says so first; the next result, on the
    shipped data, in the same process, does not (no state left behind between runs)."""
    path = data_copy / "interviews.yaml"
    obs = next(w for w in load_dataset(data_copy).interviews.waarnemingen if w.id == "rapport-2014-rbc-basis")
    text = path.read_text(encoding="utf-8")
    assert f"uren_per_maand: {obs.uren_per_maand}\n" in text
    path.write_text(
        text.replace(f"uren_per_maand: {obs.uren_per_maand}\n", f"uren_per_maand: {obs.uren_per_maand * 2}\n", 1), encoding="utf-8"
    )
    runs = [
        ["estimate", "-n", "54600"],
        ["compare-models", "-n", "54600"],
        ["regio", "--eenheid", "Limburg"],
        ["gevoeligheid", "-n", "54600"],
        ["gevoeligheid", "--eenheid", "Limburg"],
    ]
    for args in runs:
        command = " ".join(args)
        bad = bncost(*args, "--data-dir", data_copy)
        assert bad.code == 0 and "Let op: deze data reproduceert de uitkomsten van het rapport niet" in bad.out, command
        good = bncost(*args)
        assert good.code == 0 and "Let op" not in good.out, command
