"""--uitleg, rate choices, --peildatum, scenarios (issue: transparency and scenarios)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import oracle
from burgernet_cost.output import numbers as money
from conftest import DATA


def walk(steps):
    for step in steps:
        yield step
        yield from walk(step["stappen"])


def test_uitleg_lists_every_figure_with_source(bncost, dataset):
    r = bncost("estimate", "--inwoners", "3100000", "--pakket", "basis", "--uitleg")
    assert r.code == 0, r.err
    tree = r.out.split("Uitleg van de berekening:")[1].split("Toelichting:")[0]
    obs = next(w for w in dataset.interviews.waarnemingen if w.id == "rapport-2014-rbc-basis")
    assert f"uren per maand ({obs.id}): {obs.uren_per_maand} uur/maand  (§4.1.2; gepubliceerd; " in tree
    assert "interviews.yaml:" in tree
    assert "3.100.000 inwoners" in tree
    uurloon = dataset.salary.uurloon
    assert f"€ {oracle.plain(oracle.monthly_salary(dataset))} per maand" in tree and "afgeleid" in tree
    assert f"{oracle.plain(uurloon.uren_per_maand)} uur/maand  (https://caruwo.vng.nl/" in tree
    assert f"maanden per jaar: {uurloon.maanden_per_jaar} maanden" in tree
    assert f"uurtarief: {oracle.euro(oracle.rate(dataset), 4)} per uur" in tree
    assert "AANNAME" in tree


def test_uitleg_in_json(bncost, dataset):
    r = bncost("estimate", "-n", "3100000", "-p", "basis", "--uitleg", "-f", "json")
    data = json.loads(r.out)
    steps = list(walk(data["uitleg"]))
    texts = {s["tekst"] for s in steps}
    obs = next(w for w in dataset.interviews.waarnemingen if w.id == "rapport-2014-rbc-basis")
    uurloon = dataset.salary.uurloon
    assert {
        f"{oracle.plain(obs.uren_per_maand)} uur/maand",
        f"{oracle.plain(Decimal(obs.inwoners))} inwoners",
        f"€ {oracle.plain(oracle.monthly_salary(dataset))} per maand",
        f"{oracle.plain(uurloon.uren_per_maand)} uur/maand",
        f"{uurloon.maanden_per_jaar} maanden",
    } <= texts
    figures = {s["id"]: s["waarde"] for s in steps if s["soort"] == "figuur"}
    assert figures and not [v for v in figures.values() if isinstance(v, str) and v.replace(".", "", 1).isdigit()]  # 3858, not "3858"
    assert {f["id"]: f["waarde"] for f in data["figuren"]}.items() >= figures.items()
    assert all(not isinstance(s["waarde"], str) for s in steps if s["soort"] in ("stap", "verwijzing"))
    leaves = [s for s in steps if not s["stappen"] and s["status"] not in ("berekend",)]
    assert all(s["bron"] for s in leaves if s["status"] != "invoer")
    assert any(s["status"] == "afgeleid" and "salary_scales.yaml:" in s["plaats"] for s in leaves)
    r = bncost("estimate", "-n", "3100000", "-f", "json")
    assert "uitleg" not in json.loads(r.out)


def test_uitleg_compare_and_regio(bncost):
    r = bncost("compare-models", "-p", "basis", "--uitleg")
    assert "3. Landelijk: totaal per jaar" in r.out and "schaalvoordeel landelijke voorziening: 10%" in r.out
    r = bncost("regio", "--eenheid", "Limburg", "--uitleg", "-f", "markdown")
    assert "**Uitleg van de berekening**" in r.out and "- budget uitvoerder" in r.out


def test_scale_and_step_reproduce_default(bncost):
    default = json.loads(bncost("estimate", "-n", 54600, "-f", "json").out)
    explicit = json.loads(bncost("estimate", "-n", 54600, "--schaal", "10", "--periodiek", "11", "-f", "json").out)
    assert explicit["uurtarief"]["bedrag"] == default["uurtarief"]["bedrag"]
    assert explicit["taakgebieden"] == default["taakgebieden"] and explicit["totaal"] == default["totaal"]


def test_peildatum_uses_published_table(bncost, dataset):
    r = bncost("estimate", "-n", 54600, "--peildatum", "2019-10-01", "-f", "json")
    data = json.loads(r.out, parse_float=Decimal)
    table = next(t for t in dataset.salary.tabellen if t.ingangsdatum == "2019-10-01")
    assert table.status == "gepubliceerd"
    assert data["uurtarief"]["bedrag"] == money.quantize(oracle.rate(dataset, table.schalen["10"][11]), 4)
    assert "tabel 1-10-2019," in data["uurtarief"]["omschrijving"]


def test_peildatum_indexes_and_warns_beyond_last_step(bncost, dataset):
    r = bncost("estimate", "-n", 54600, "--peildatum", "2026-11-28")
    assert r.code == 0
    assert "bedragen per 1-10-2024" in r.out
    assert "ligt na de laatste bekende cao-stap" in r.out
    amount = dataset.salary.tabellen[0].schalen["10"][11]
    for step in dataset.salary.cao_verhogingen:
        if "2019-10-01" < step.datum <= "2024-10-01":
            amount = amount * (1 + step.procent / 100) if step.procent is not None else amount + step.bedrag_per_maand
    assert money.euro(amount, 2) in r.out


def test_allowances_and_integral_and_direct_rate(bncost, dataset):
    r = json.loads(
        bncost("estimate", "-n", 54600, "--toeslagen", "vakantietoelage,eindejaarsuitkering", "-f", "json").out, parse_float=Decimal
    )
    profile = next(p for p in dataset.salary.tariefprofielen if p.id == dataset.salary.standaard_tariefprofiel)
    table = next(t for t in dataset.salary.tabellen if t.id == profile.tabel)
    pct = {a.id: [w for w in a.waarden if w.vanaf <= table.ingangsdatum][-1].procent for a in dataset.salary.toeslagen}
    assert (f"met vakantietoelage {money.pct(pct['vakantietoelage'])} en eindejaarsuitkering {money.pct(pct['eindejaarsuitkering'])}") in r[
        "uurtarief"
    ]["omschrijving"]
    monthly = table.schalen[profile.schaal][profile.periodiek]
    factor = 1 + (pct["vakantietoelage"] + pct["eindejaarsuitkering"]) / 100
    assert r["uurtarief"]["bedrag"] == money.quantize(monthly * factor / dataset.salary.uurloon.uren_per_maand, 4)
    ik = dataset.salary.integrale_kosten
    r = json.loads(bncost("estimate", "-n", 54600, "--kostenbasis", "integraal", "-f", "json").out, parse_float=Decimal)
    assert r["uurtarief"]["bedrag"] == money.quantize(
        (ik.loonkosten_per_fte_per_jaar["10"] + ik.overhead_per_fte_per_jaar) / ik.productieve_uren_per_jaar, 4
    )
    r = json.loads(bncost("estimate", "-n", 54600, "--uurtarief", "45,50", "-f", "json").out, parse_float=Decimal)
    assert r["uurtarief"]["bedrag"] == Decimal("45.5")
    beleid = r["taakgebieden"][0]
    assert beleid["kosten_per_jaar"] == money.quantize(12 * Decimal(6) * Decimal("45.50"), 2)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--uurtarief", "0"], "te klein"),
        (["--uurtarief", "abc"], "geen getal"),
        (["--uurtarief", "40", "--schaal", "10"], "combineer het niet"),
        (["--periodiek", "-1"], "geen periodiek"),
        (["--periodiek", "12"], "periodiek 12 bestaat niet"),
        (["--schaal", "99"], "schaal '99' bestaat niet"),
        (["--toeslagen", "kerstpakket"], "onbekende toeslag 'kerstpakket'"),
        (["--peildatum", "2019-13-01"], "geen geldige datum"),
        (["--peildatum", "2010-01-01"], "geen salaristabel"),
        (["--kostenbasis", "integraal", "--schaal", "19"], "geen integrale loonkosten voor schaal '19'"),
        (["--set", "interviews.waarnemingen"], "pad=waarde"),
        (["--set", "interviews.waarnemingen[0].uren_per_mand=5"], "bedoelde u 'interviews.waarnemingen[0].uren_per_maand'"),
    ],
)
def test_rate_usage_errors(bncost, args, needle):
    r = bncost("estimate", "-n", 54600, *args)
    assert r.code == 2, (r.out, r.err)
    assert needle in r.err and len(r.err.strip().splitlines()) == 1


def test_scenario_changes_output_and_is_named(bncost, tmp_path):
    path = tmp_path / "meer-uren.yaml"
    path.write_text(
        "naam: Meer uren relatiebeheer\n"
        "omschrijving: Wat als de basis 400 uur vraagt?\n"
        "wijzigingen:\n"
        "  interviews.waarnemingen[rapport-2014-rbc-basis].uren_per_maand: 400\n"
        "  inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent: 20\n",
        encoding="utf-8",
    )
    original = (DATA / "interviews.yaml").read_text(encoding="utf-8")
    r = bncost("estimate", "-n", 3100000, "--scenario", path, "--uitleg")
    assert r.code == 0, r.err
    assert "Scenario: Meer uren relatiebeheer" in r.out
    assert "interviews.waarnemingen[rapport-2014-rbc-basis].uren_per_maand = 400" in r.out
    assert "400,0" in r.out
    assert "meer-uren.yaml:4 (scenario)" in r.out
    data = json.loads(bncost("compare-models", "-p", "basis", "--scenario", path, "-f", "json").out)
    assert data["schaalvoordelen"][0]["procent"] == 20
    assert data["scenario"]["naam"] == "Meer uren relatiebeheer" and len(data["scenario"]["wijzigingen"]) == 2
    assert (DATA / "interviews.yaml").read_text(encoding="utf-8") == original


def test_set_one_off(bncost):
    r = bncost("estimate", "-n", 54600, "--set", "interviews.waarnemingen[rapport-2014-beleid-basis].uren_per_maand=12", "-f", "json")
    data = json.loads(r.out)
    assert data["taakgebieden"][0]["uren_per_maand"] == 12
    assert data["scenario"]["wijzigingen"][0]["herkomst"] == "--set"


def test_scenario_unknown_path(bncost, tmp_path):
    path = tmp_path / "fout.yaml"
    path.write_text(
        "naam: Tikfout\nwijzigingen:\n  inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.percent: 20\n", encoding="utf-8"
    )
    r = bncost("estimate", "-n", 54600, "--scenario", path)
    assert r.code == 1
    assert "fout.yaml:3: " in r.err
    assert "inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.percent" in r.err
    assert "bedoelde u 'inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent'?" in r.err


def test_scenario_invalid_value_names_scenario(bncost, tmp_path):
    path = tmp_path / "neg.yaml"
    path.write_text("naam: Negatief\nwijzigingen:\n  interviews.waarnemingen[0].uren_per_maand: -5\n", encoding="utf-8")
    r = bncost("estimate", "-n", 54600, "--scenario", path)
    assert r.code == 1
    assert "moet groter zijn dan 0" in r.err and "neg.yaml:3 (scenario)" in r.err


def test_peildatum_picks_population_year(bncost):
    r = json.loads(bncost("estimate", "-g", "Amersfoort", "--peildatum", "2016-06-01", "-f", "json").out)
    assert r["gemeente"]["peildatum"] == "2016-01-01" and r["inwoners_per"] == "2016-01-01"  # CBS 1 January of the date's year
    r = json.loads(bncost("estimate", "-g", "Amersfoort", "--peildatum", "2025-01-01", "-f", "json").out)
    assert r["gemeente"]["peildatum"] == "2024-01-01"
