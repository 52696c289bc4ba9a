"""`bncost estimate`: the report's worked numbers, computed from data/, in every format."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import oracle
from burgernet_cost.output import numbers as money

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "estimate.yaml").read_text(encoding="utf-8"))


def markdown_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not re.fullmatch(r"\|[-:| ]+\|", line):
            rows.append([c.strip().strip("*") for c in line.strip("|").split("|")])
    return rows


def area_name(dataset, ident: str) -> str:
    return dataset.taakgebied(ident).naam


def worked(dataset, case) -> dict[str, str]:
    """The display strings of a worked case, from the data (tests/oracle.py)."""
    hours = oracle.hours(dataset, case["taakgebied"], case["pakket"], case["inwoners"])
    cost = oracle.cost(dataset, hours)
    per = cost / case["inwoners"]
    reported = {(u.taakgebied, u.pakket) for u in dataset.interviews.gerapporteerde_uitkomsten}
    cents = f" (≈ {oracle.euro(per)})" if (case["taakgebied"], case["pakket"]) in reported else ""
    return {"uren_per_maand": oracle.nl(hours), "kosten_per_jaar": oracle.euro(cost), "per_inwoner": oracle.euro(per, 4) + cents}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['inwoners']}-{c['pakket']}-{c['taakgebied']}")
def test_worked_numbers_in_table(bncost, dataset, case):
    r = bncost("estimate", "--inwoners", case["inwoners"], "--pakket", case["pakket"])
    assert r.code == 0, r.err
    line = next(ln for ln in r.out.splitlines() if ln.startswith(area_name(dataset, case["taakgebied"])))
    expected = worked(dataset, case)
    assert expected["uren_per_maand"] in line
    assert expected["kosten_per_jaar"] in line
    assert expected["per_inwoner"] in line


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['inwoners']}-{c['pakket']}-{c['taakgebied']}")
def test_worked_numbers_in_markdown(bncost, dataset, case):
    r = bncost("estimate", "-n", case["inwoners"], "-p", case["pakket"], "--format", "markdown")
    assert r.code == 0, r.err
    rows = markdown_rows(r.out)
    header, body = rows[0], rows[1:]
    row = dict(zip(header, next(b for b in body if b[0] == area_name(dataset, case["taakgebied"])), strict=True))
    expected = worked(dataset, case)
    assert row["Uren/maand"] == expected["uren_per_maand"]
    assert row["Kosten/jaar"] == expected["kosten_per_jaar"]
    assert row["Per inwoner/jaar"] == expected["per_inwoner"]


def test_reported_results_reproduced_from_data(dataset):
    """The report's € 0,03 / € 0,07 (interviews.yaml) follow from the observations and the rate profile."""
    from burgernet_cost.domain.estimate import estimate

    assert dataset.interviews.gerapporteerde_uitkomsten, "no reported results in data"
    for uitkomst in dataset.interviews.gerapporteerde_uitkomsten:
        obs = [w for w in dataset.interviews.waarnemingen if w.taakgebied == uitkomst.taakgebied]
        inwoners = obs[0].inwoners
        result = estimate(dataset, inwoners, uitkomst.pakket)
        computed = result.regel(uitkomst.taakgebied).per_inwoner
        places = -uitkomst.afgerond_op.as_tuple().exponent
        assert money.quantize(computed, places) == uitkomst.euro_per_inwoner_per_jaar
        # and the hours are exactly the observed hours at the observed population
        expected = sum(
            w.uren_per_maand
            for w in obs
            if w.pakket in ("basis", "aanvullend") and (uitkomst.pakket == "volledig" or w.pakket == uitkomst.pakket)
        )
        assert result.regel(uitkomst.taakgebied).uren_per_maand == expected


def test_data_drives_output(bncost, data_copy):
    """No result is hard-coded: changing an observation in data/ changes the output."""
    before = bncost("estimate", "-n", 3100000, "-f", "json", "--data-dir", data_copy)
    path = data_copy / "interviews.yaml"
    text = path.read_text(encoding="utf-8")
    assert "uren_per_maand: 342\n" in text
    path.write_text(text.replace("uren_per_maand: 342\n", "uren_per_maand: 400\n"), encoding="utf-8")
    after = bncost("estimate", "-n", 3100000, "-f", "json", "--data-dir", data_copy)
    assert before.code == after.code == 0, after.err
    b = {a["taakgebied"]: a for a in json.loads(before.out)["taakgebieden"]}
    a = {a["taakgebied"]: a for a in json.loads(after.out)["taakgebieden"]}
    assert b["relatiebeheer_communicatie"]["uren_per_maand"] == 342
    assert a["relatiebeheer_communicatie"]["uren_per_maand"] == 400
    assert a["relatiebeheer_communicatie"]["kosten_per_jaar"] > b["relatiebeheer_communicatie"]["kosten_per_jaar"]
    assert a["beleid"] == b["beleid"]


def test_salary_drives_rate(bncost, data_copy):
    path = data_copy / "salary_scales.yaml"
    text = path.read_text(encoding="utf-8")
    assert ", 3737, 3858]" in text
    path.write_text(text.replace(", 3737, 3858]", ", 3737, 3900]"), encoding="utf-8")
    r = bncost("estimate", "-n", 54600, "-f", "json", "--data-dir", data_copy)
    assert r.code == 0, r.err
    data = json.loads(r.out, parse_float=Decimal)
    from burgernet_cost.data.loading import load_dataset

    assert (
        data["uurtarief"]["bedrag"]
        == money.quantize(oracle.rate(load_dataset(data_copy)), 4)
        == money.quantize(Decimal(3900) / load_dataset(data_copy).salary.uurloon.uren_per_maand, 4)
    )


def test_env_var_selects_data(bncost, data_copy, monkeypatch):
    path = data_copy / "interviews.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("uren_per_maand: 6\n", "uren_per_maand: 12\n"), encoding="utf-8")
    monkeypatch.setenv("BNCOST_DATA_DIR", str(data_copy))
    r = bncost("estimate", "-n", 54600, "-f", "json")
    assert r.code == 0, r.err
    beleid = json.loads(r.out)["taakgebieden"][0]
    assert beleid["taakgebied"] == "beleid" and beleid["uren_per_maand"] == 12


def test_json_round_trip(bncost, dataset):
    from burgernet_cost.domain.estimate import estimate

    r = bncost("estimate", "-n", 54600, "-p", "volledig", "-f", "json")
    assert r.code == 0
    data = json.loads(r.out, parse_float=Decimal)
    expected = estimate(dataset, 54600, "volledig")
    assert data["inwoners"] == 54600 and data["pakket"] == "volledig"
    assert data["uurtarief"]["bedrag"] == money.quantize(expected.uurtarief.bedrag, 4)
    assert data["uurtarief"]["rust_op_aanname"] is True
    for area in data["taakgebieden"]:
        regel = expected.regel(area["taakgebied"])
        if regel.gekwantificeerd:
            assert area["kosten_per_jaar"] == money.quantize(regel.kosten_per_jaar, 2)
            assert area["uren_per_maand"] == money.quantize(regel.uren_per_maand, 4)
            assert area["per_inwoner_per_jaar"] == money.quantize(regel.per_inwoner, 6)
        else:
            assert area["uren_per_maand"] is None and area["kosten_per_jaar"] is None
    assert data["totaal"]["kosten_per_jaar"] == money.quantize(expected.totaal.kosten_per_jaar, 2)
    assert any("werving" in n for n in data["notities"])
    names = [f["naam"] for f in data["figuren"]]
    assert any(n.startswith("uren per maand") for n in names)
    assert all(f["bron"] and f["status"] for f in data["figuren"])


def expected_price_date(dataset):
    """The report's price date: the default rate profile's table."""
    profile = next(p for p in dataset.salary.tariefprofielen if p.id == dataset.salary.standaard_tariefprofiel)
    return next(t.ingangsdatum for t in dataset.salary.tabellen if t.id == profile.tabel)


def test_csv_round_trip(bncost, dataset):
    from burgernet_cost.domain.estimate import estimate

    r = bncost("estimate", "-n", 3100000, "-p", "basis", "-f", "csv")
    assert r.code == 0
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert list(rows[0]) == [
        "taakgebied",
        "naam",
        "uren_per_maand",
        "fte",
        "kosten_per_jaar",
        "per_inwoner_per_jaar",
        "bron",
        "inwoners_per",
        "prijspeil",
    ]
    assert {row["prijspeil"] for row in rows} == {expected_price_date(dataset)} and {row["inwoners_per"] for row in rows} == {""}
    by_id = {row["taakgebied"]: row for row in rows}
    expected = estimate(dataset, 3100000, "basis")
    rbc = by_id["relatiebeheer_communicatie"]
    assert Decimal(rbc["uren_per_maand"]) == money.quantize(expected.regel("relatiebeheer_communicatie").uren_per_maand, 4)
    assert Decimal(rbc["kosten_per_jaar"]) == money.quantize(expected.regel("relatiebeheer_communicatie").kosten_per_jaar, 2)
    assert by_id["sturend_orgaan"]["uren_per_maand"] == ""
    assert "totaal" not in by_id  # csv holds data rows only: the column's sum is the total
    total = sum(Decimal(row["kosten_per_jaar"] or 0) for row in rows)
    assert abs(total - money.quantize(expected.totaal.kosten_per_jaar, 2)) <= Decimal("0.01")


def test_markdown_parses(bncost, dataset):
    r = bncost("estimate", "-n", 54600, "-f", "markdown")
    rows = markdown_rows(r.out)
    assert rows[0][:3] == ["Taakgebied", "Uren/maand", "FTE"]
    assert rows[-1][0] == "Totaal"
    hours = sum(oracle.hours(dataset, t, "basis", 54600) for t in ("beleid", "relatiebeheer_communicatie"))
    assert rows[-1][3] == oracle.euro(oracle.cost(dataset, hours))
    assert "niet gekwantificeerd" in dict((row[0], row[1]) for row in rows[1:]).get("Lid sturend orgaan", "")


def test_table_labels_and_notes(bncost, dataset):
    r = bncost("estimate", "--inwoners", "54.600", "--pakket", "basis")
    assert r.code == 0
    assert "Inwoners: 54.600" in r.out
    assert f"{oracle.euro(oracle.rate(dataset), 4)} per uur" in r.out
    assert "niet gekwantificeerd" in r.out
    assert "werving" in r.out
    assert "aanname" in r.out
    assert "§4.1.1" in r.out and "§4.1.2" in r.out


def test_totals_are_sums_of_unrounded_parts(dataset):
    from burgernet_cost.domain.estimate import estimate

    result = estimate(dataset, 12345, "volledig")
    parts = [r for r in result.regels if r.gekwantificeerd]
    assert result.totaal.kosten_per_jaar == sum(r.kosten_per_jaar for r in parts)
    assert result.totaal.uren_per_maand == sum(r.uren_per_maand for r in parts)


def test_output_says_when_an_observation_is_an_assumption(bncost, data_copy):
    from conftest import add_observation

    add_observation(
        data_copy,
        id="schatting-voorbeeldstad",
        taakgebied="beleid",
        pakket="basis",
        uren_per_maand=10,
        inwoners=80000,
        meegewogen="true",
        status="aanname",
        toelichting="geschat door de beleidsmedewerker",
        bron="{document: Notitie Voorbeeldstad 2026}",
    )
    r = bncost("estimate", "-n", 54600, "--data-dir", data_copy)
    assert r.code == 0, r.err
    assert "Waarneming schatting-voorbeeldstad telt mee met status 'aanname': geschat door de beleidsmedewerker." in r.out
    r = bncost("estimate", "-n", 54600, "-p", "aanvullend", "--data-dir", data_copy)
    assert "schatting-voorbeeldstad" not in r.out
