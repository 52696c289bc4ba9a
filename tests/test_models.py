"""`bncost compare-models`, `huidig` and `taken` (issue: organisation models)."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import oracle
from burgernet_cost.data.loading import load_dataset
from burgernet_cost.domain.compare import compare
from burgernet_cost.output import numbers as money

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "compare.yaml").read_text(encoding="utf-8"))
COLUMNS = ["model", "eigen_uren", "eigen_fte", "eigen_kosten", "tarief", "bijdrage", "totaal", "verschil"]


ROW_LABELS = {
    "Eigen uren per maand": "eigen_uren",
    "Eigen fte": "eigen_fte",
    "Eigen kosten": "eigen_kosten",
    "Tarief per inwoner": "tarief",
    "Bijdrage": "bijdrage",
    "Totaal": "totaal",
    "Verschil met gemeentelijk": "verschil",
}


def cost_rows(out: str) -> dict[str, dict[str, str]]:
    """Parse the (first) cost table of the text output, one column per model: model -> row -> cell."""
    rows: dict[str, dict[str, str]] = {"gemeentelijk": {}, "regionaal": {}, "landelijk": {}}
    for line in out.split("Kosten per jaar, ", 1)[1].split("\n\n", 1)[0].splitlines():
        cells = [c.strip() for c in re.split(r"\s{2,}", line.strip())]
        if cells[0] in ROW_LABELS:
            for model, cell in zip(rows, cells[1:], strict=True):
                rows[model][ROW_LABELS[cells[0]]] = cell
    return rows


def expected_cells(ds, case) -> dict[str, dict[str, str]]:
    """The cells of a case, from the data (tests/oracle.py): the municipality does everything itself
    (gemeentelijk), or its policy itself and pays the rest as a contribution per inhabitant (regionaal)."""
    n, pakket = case["inwoners"], case["pakket"]
    beleid = oracle.hours(ds, "beleid", pakket, n)
    rbc = oracle.hours(ds, "relatiebeheer_communicatie", pakket, n)
    own_all, own_policy = oracle.cost(ds, beleid + rbc), oracle.cost(ds, beleid)
    if case["tarief"] == "advies":
        tarief = next(a.euro_per_inwoner_per_jaar for a in ds.models.adviesbedragen if a.pakket == pakket)
    else:
        tarief = oracle.cost(ds, rbc) / n
    bijdrage = oracle.rounded(tarief * n, 2)
    return {
        "gemeentelijk": {
            "eigen_kosten": oracle.euro(own_all),
            "bijdrage": oracle.euro(Decimal(0)),
            "totaal": oracle.euro(own_all),
            "eigen_fte": oracle.nl(oracle.fte(ds, beleid + rbc)),
        },
        "regionaal": {
            "eigen_kosten": oracle.euro(own_policy),
            "bijdrage": oracle.euro(bijdrage),
            "totaal": oracle.euro(own_policy + bijdrage),
            "tarief": oracle.euro(tarief, 4),
        },
    }


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['inwoners']}-{c['pakket']}-{c['tarief']}")
def test_acceptance_figures(bncost, dataset, case):
    r = bncost("compare-models", "--inwoners", case["inwoners"], "--pakket", case["pakket"], "--tarief", case["tarief"])
    assert r.code == 0, r.err
    rows = cost_rows(r.out)
    expected = expected_cells(dataset, case)
    for model, columns in case["expect"].items():
        for column in columns:
            assert rows[model][column] == expected[model][column], (model, column, rows[model])


def test_default_is_reference_municipality(bncost, dataset):
    r = bncost("compare-models")
    assert r.code == 0, r.err
    ref = dataset.models.referentiegemeente.inwoners
    assert f"referentiegemeente van het rapport, {money.nl_number(ref)} inwoners" in r.out
    assert "basispakket" in r.out and "basis- en aanvullend pakket samen" in r.out


def test_landelijk_is_an_assumption_with_source(bncost, dataset):
    r = bncost("compare-models", "-n", 54600, "-p", "basis")
    assert "3. Landelijk *" in r.out
    sv = oracle.scale_advantage(dataset, "landelijk")
    assert f"Schaalvoordeel {sv.naam}: {money.pct(sv.procent)} (aanname; §5.1" in r.out
    assert "* Dit model rust op de aanname" in r.out


def test_fte_fragment_shown(bncost, dataset):
    r = bncost("compare-models", "-n", 54600, "-p", "basis")
    own = sum(oracle.hours(dataset, t, "basis", 54600) for t in ("beleid", "relatiebeheer_communicatie"))
    assert f"de gemeente bemant zelf {oracle.nl(oracle.fte(dataset, own))} fte" in r.out


@pytest.mark.parametrize("tarief", ["berekend", "advies"])
@pytest.mark.parametrize("inwoners", [1, 9999, 54600, 161852, 3100000])
@pytest.mark.parametrize("pakket", ["basis", "aanvullend", "volledig"])
def test_model_laws(dataset, inwoners, pakket, tarief):
    v = compare(dataset, inwoners, pakket, tarief)
    gem, reg, lan = v.model("gemeentelijk"), v.model("regionaal"), v.model("landelijk")
    beleid = v.schatting.regel("beleid")
    rbc = v.schatting.regel("relatiebeheer_communicatie")
    assert gem.eigen_kosten == beleid.kosten_per_jaar + rbc.kosten_per_jaar
    assert gem.bijdrage == 0 and gem.tarief_per_inwoner is None
    assert reg.eigen_kosten == lan.eigen_kosten == beleid.kosten_per_jaar
    assert reg.totaal == reg.eigen_kosten + reg.bijdrage
    # the scale advantage applies to the computed tariff; §6's advice is one national amount
    sv = oracle.scale_advantage(dataset, "landelijk").procent if tarief == "berekend" else Decimal(0)
    # exactly the scale advantage (up to Decimal's 28 significant digits, far below a cent)
    assert abs(lan.totaal - (reg.totaal - reg.bijdrage * sv / 100)) < Decimal("1e-15")
    assert money.quantize(reg.totaal - lan.totaal, 2) == money.quantize(reg.bijdrage * sv / 100, 2)
    if tarief == "berekend":
        assert money.quantize(reg.totaal, 2) == money.quantize(gem.totaal, 2)
    else:
        advice = {a.pakket: a.euro_per_inwoner_per_jaar for a in dataset.models.adviesbedragen}
        rate = advice.get(pakket, advice.get("volledig", 0) - advice.get("basis", 0))
        assert abs(reg.bijdrage - rate * inwoners) < Decimal("1e-15")
    for u in v.uitkomsten:
        assert u.verschil == u.totaal - gem.totaal


@settings(max_examples=60, deadline=None)
@given(inwoners=st.integers(1, 20_000_000), sv=st.decimals(0, 99, places=2))
def test_landelijk_never_above_regionaal(dataset, inwoners, sv):
    v = compare(dataset, inwoners, "volledig", "berekend", schaalvoordeel={"landelijk": sv})
    assert v.model("landelijk").totaal <= v.model("regionaal").totaal


def test_schaalvoordeel_option(bncost, dataset):
    r = bncost("compare-models", "-n", 100000, "-p", "basis", "--schaalvoordeel", "25", "-f", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out, parse_float=Decimal)
    assert data["schaalvoordelen"] == [{"uitvoerder": "landelijk", "procent": 25, "status": "invoer", "bron": "§5.1"}]
    models = {m["model"]: m for m in data["vergelijkingen"][0]["modellen"]}
    regional = compare(dataset, 100000, "basis").model("regionaal").bijdrage
    assert models["landelijk"]["bijdrage_per_jaar"] == money.quantize(regional * Decimal("0.75"), 2)


def test_data_drives_scale_advantage(bncost, data_copy):
    path = data_copy / "inrichtingsmodellen.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  procent: 10\n" in text
    path.write_text(text.replace("  procent: 10\n", "  procent: 20\n"), encoding="utf-8")
    r = bncost("compare-models", "-n", 54600, "-p", "basis", "--data-dir", data_copy)
    assert f"Schaalvoordeel {oracle.scale_advantage(load_dataset(data_copy), 'landelijk').naam}: 20% (aanname" in r.out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--tarief", "goedkoop"], "geen geldig tarief"),
        (["--schaalvoordeel", "abc"], "geen getal"),
        (["--schaalvoordeel", "-1"], "te klein"),
        (["--schaalvoordeel", "100"], "te groot"),
        (["--inwoners", "0"], "--inwoners"),
    ],
)
def test_usage_errors(bncost, args, needle):
    r = bncost("compare-models", *args)
    assert r.code == 2 and needle in r.err and len(r.err.strip().splitlines()) == 1


def test_compare_json_and_csv_round_trip(bncost, dataset):
    r = bncost("compare-models", "-f", "json")
    data = json.loads(r.out, parse_float=Decimal)
    assert data["referentiegemeente"] is True
    assert [v["pakket"] for v in data["vergelijkingen"]] == ["basis", "volledig"]
    for v in data["vergelijkingen"]:
        expected = compare(dataset, data["inwoners"], v["pakket"])
        for m in v["modellen"]:
            u = expected.model(m["model"])
            assert m["totaal_per_jaar"] == money.quantize(u.totaal, 2)
            assert m["bijdrage_per_jaar"] == money.quantize(u.bijdrage, 2)
            assert m["rust_op_aanname"] is u.rust_op_aanname
    r = bncost("compare-models", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert len(rows) == 6
    assert {row["model"] for row in rows} == {"gemeentelijk", "regionaal", "landelijk"}
    reg = next(row for row in rows if row["pakket"] == "basis" and row["model"] == "regionaal")
    assert Decimal(reg["totaal_per_jaar"]) == money.quantize(compare(dataset, 54600, "basis").model("regionaal").totaal, 2)
    r = bncost("compare-models", "-f", "markdown")
    assert r.code == 0 and "| 2. Regionaal" in r.out


def test_huidig(bncost, dataset):
    r = bncost("huidig")
    assert r.code == 0, r.err
    for sit in dataset.models.situatie_2014:
        assert sit.gebied in r.out
    assert "Midden-Nederland: de totale verrekening was € 0,08 per inwoner, waarvan gemeenten € 0,04" in r.out
    assert "zonder werving (§4.1.2 N.B.)" in r.out
    data = json.loads(bncost("huidig", "-f", "json").out, parse_float=Decimal)
    # the report's published tariff is the report's; the four-decimal one is bncost's (issue "Fidelity, round 2")
    published = {
        u.pakket: u.euro_per_inwoner_per_jaar
        for u in dataset.interviews.gerapporteerde_uitkomsten
        if u.taakgebied == "relatiebeheer_communicatie"
    }
    assert data["rapport_tarief"] == published
    assert data["bncost_tarief_berekend"]["volledig"] == money.quantize(
        compare(dataset, 54600, "volledig").model("regionaal").tarief_per_inwoner, 6
    )
    assert "rapport_tarief_berekend" not in data
    # like with like, the same rule for every area: a difference only where the contribution paid for
    # exactly what the tariff pays for (staff for relatiebeheer & communicatie, no werving)
    by_area = {g["gebied"]: g for g in data["gebieden"]}
    for sit in dataset.models.situatie_2014:
        row = by_area[sit.gebied]
        assert row["bijdrage_betaalt"] == sit.bijdrage_betaalt_toelichting
        alike = sit.bijdrage_gemeenten_per_inwoner is not None and list(sit.bijdrage_betaalt) == ["relatiebeheer_communicatie"]
        unknown = sit.bijdrage_gemeenten_per_inwoner is None  # §2.1 names no amount: "onbekend", not "nee"
        assert row["vergelijkbaar_met_tarief"] is (None if unknown else alike)
        assert (row["verschil_met_volledig"] is None) is not alike
    for area, why in (
        ("Rotterdam", "betaalde ook werving"),
        ("Noord-Nederland", "de manager Burgernet"),
        ("Midden-Nederland", "de manager Burgernet"),
        ("Twente", "betaalde geen personeel"),
    ):
        assert why in by_area[area]["vergelijking"], area
    # the report's contradictions are shown where they matter
    for c in dataset.models.tegenstrijdigheden:
        if "huidig" in c.toon_bij:
            assert c.omschrijving.split(";")[0] in " ".join(data["notities"])
    ams = by_area["Amsterdam"]
    assert ams["bijdrage_gemeenten_per_inwoner"] is None
    rows = list(csv.DictReader(io.StringIO(bncost("huidig", "-f", "csv").out)))
    assert len(rows) == len(dataset.models.situatie_2014)
    assert {row["soort"] for row in rows} == {"politieregio", "politie_eenheid"}


def test_taken_counts_per_role_and_package(bncost, dataset):
    r = bncost("taken", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    counts = {}
    for row in rows:
        counts[(row["rol"], row["pakket"])] = counts.get((row["rol"], row["pakket"]), 0) + 1
    expected = {}
    for t in dataset.tasks.taken:
        if next(x for x in dataset.tasks.rollen if x.id == t.rol).organisatie == "gemeente":
            expected[(t.rol, t.pakket or "")] = expected.get((t.rol, t.pakket or ""), 0) + 1
    assert counts == expected
    # the report's counts (§3): 4 / 9+15 / 7+3 / 16+4
    assert counts == {
        ("lid_sturend_orgaan", "basis"): 4,
        ("relatiebeheer", "basis"): 9,
        ("relatiebeheer", "aanvullend"): 15,
        ("communicatiemedewerker_gemeente", "basis"): 7,
        ("communicatiemedewerker_gemeente", "aanvullend"): 3,
        ("beleidstaken_gemeente", "basis"): 16,
        ("beleidstaken_gemeente", "aanvullend"): 4,
    }


def test_taken_checklist(bncost):
    r = bncost("taken", "--rol", "Relatiebeheer", "--pakket", "basis")
    assert r.code == 0
    assert "Relatiebeheer (§3.2), basispakket: 9 taken" in r.out
    assert re.search(r"\[ \]\s+rb-b01\s+Goedkeuren digitale aanmeldingen\.", r.out)
    r = bncost("taken", "--organisatie", "politie", "-f", "json")
    taken = json.loads(r.out)["taken"]
    assert taken and all(t["organisatie"] == "politie" and t["pakket"] is None for t in taken)
    r = bncost("taken", "--rol", "relatiebeheerder")
    assert r.code == 2 and "bedoelde u 'relatiebeheer'" in r.err
