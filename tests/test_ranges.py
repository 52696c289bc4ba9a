"""How sure, and how much each assumption matters (issue "How sure, and how it moves")."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import oracle
from burgernet_cost.domain.rate import TariefKeuze, uurtarief
from burgernet_cost.domain.validation import range_checks


def _band(data: dict) -> dict[str, dict]:
    return {row["figuur"]: row for row in data["bandbreedte"]}


def test_estimate_range_around_the_worked_number(bncost, dataset):
    data = json.loads(bncost("estimate", "--inwoners", 54600, "--pakket", "basis", "--bandbreedte", "-f", "json").out, parse_float=Decimal)
    total = _band(data)["totaal.kosten"]
    assert total["standaard"] == data["totaal"]["kosten_per_jaar"]  # central = today's figure
    assert total["laag"] < total["standaard"] < total["hoog"]
    band = dataset.salary.uurtarief_bandbreedte
    assert str(band.laag).replace(".", ",") in total["laag_door"] and str(band.hoog).replace(".", ",") in total["hoog_door"]
    assert {a["id"] for a in data["bandbreedte_aannames"]} >= {"uurtarief", "schaling_beleid"}
    assert sum(n.startswith("Bandbreedte: elke combinatie") for n in data["notities"]) == 1
    # what the band spans and leaves out (issue "Fidelity, round 2", 6); Standaard is the default, not the middle
    assert data["bandbreedte_omvat"] == [a["naam"] for a in data["bandbreedte_aannames"]]
    assert "--toeslagen alle" in data["bandbreedte_niet_inbegrepen"] and "--kostenbasis integraal" in data["bandbreedte_niet_inbegrepen"]
    assert any("niet het midden" in n for n in data["notities"])
    rate = next(a for a in data["bandbreedte_aannames"] if a["id"] == "uurtarief")
    default = next(p for p in dataset.salary.tariefprofielen if p.id == dataset.salary.standaard_tariefprofiel)
    assert rate["status"] == default.status == "aanname"  # the window is derived; the rate used is an assumption
    afkappen = dataset.salary.uurtarief_bandbreedte.bij_afkappen
    assert str(afkappen.laag).replace(".", ",") in rate["reden"] and "half naar boven" in rate["reden"]
    out = bncost("estimate", "--inwoners", 54600, "--pakket", "basis", "--bandbreedte").out
    central = oracle.cost(dataset, sum(oracle.hours(dataset, t, "basis", 54600) for t in ("beleid", "relatiebeheer_communicatie")))
    assert "Bandbreedte over de aannames" in out
    assert re.search(rf"Totaal, per jaar\s+€ [\d.,]+\s+{re.escape(oracle.euro(central))}\s+€ [\d.,]+", out)


def test_the_range_comes_from_the_data(bncost, dataset, data_copy):
    """A higher lower end of the rate window in the data (still below every profile's rate) is the band's low end."""
    low = dataset.salary.uurtarief_bandbreedte.laag
    lowest_profile = min(uurtarief(dataset, TariefKeuze(profiel=p.id)).bedrag for p in dataset.salary.tariefprofielen)
    higher = oracle.rounded((low + lowest_profile) / 2, 2)
    path = data_copy / "salary_scales.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"  laag: {low}\n" in text
    path.write_text(text.replace(f"  laag: {low}\n", f"  laag: {higher}\n"), encoding="utf-8")
    data = json.loads(bncost("estimate", "-n", 54600, "--bandbreedte", "-f", "json", "--data-dir", data_copy).out, parse_float=Decimal)
    assert oracle.nl(higher) in _band(data)["totaal.kosten"]["laag_door"]


def test_both_ends_of_the_rate_window_reproduce_the_report(dataset):
    """At both ends the published € 0,03 and € 0,07 still come out (the calibration, from data)."""
    assert all(f.level == "ok" for f in range_checks(dataset))
    from burgernet_cost.domain.validation import _calibrate

    band = dataset.salary.uurtarief_bandbreedte
    for amount in (band.laag, band.hoog):
        findings = _calibrate(dataset, amount, "venster")
        assert findings and all(f.level == "ok" for f in findings)
        assert {f.params["gerapporteerd"] for f in findings} == {
            u.euro_per_inwoner_per_jaar for u in dataset.interviews.gerapporteerde_uitkomsten
        }
    assert band.laag <= uurtarief(dataset, TariefKeuze()).bedrag <= band.hoog
    # the window assumes the report rounded half up; had it truncated, this is the window (validate checks it too)
    cut = band.bij_afkappen
    for amount in (cut.laag, cut.hoog):
        assert all(f.level == "ok" for f in _calibrate(dataset, amount, "afkappen", truncate=True))
    for amount in (cut.laag - Decimal("0.01"), cut.hoog + Decimal("0.01")):
        assert any(f.level == "fout" for f in _calibrate(dataset, amount, "afkappen", truncate=True))
    assert cut.laag <= uurtarief(dataset, TariefKeuze()).bedrag <= cut.hoog


def test_an_alternative_that_does_not_reproduce_the_report_is_rejected(bncost, data_copy):
    path = data_copy / "salary_scales.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("  hoog: 25.45")].count("\n") + 1
    path.write_text(text.replace("  hoog: 25.45", "  hoog: 25.46"), encoding="utf-8")
    r = bncost("validate", "--data-dir", data_copy)
    assert r.code == 1
    assert (
        f"salary_scales.yaml:{line}: uurtarief_bandbreedte.hoog: de bovengrens van het venster (€ 25,4600 per uur) reproduceert "
        "het rapport niet: relatiebeheer_communicatie, volledig geeft € 0,08 in plaats van € 0,07"
    ) in " ".join(r.out.split())
    path.write_text(
        text.replace(
            "alternatieven: [rapport-2014-b, rapport-2014-met-toeslagen]", "alternatieven: [rapport-2014-b, car-uwo-2019-schaal-10]"
        ),
        encoding="utf-8",
    )
    r = bncost("validate", "--data-dir", data_copy)
    text = " ".join(r.out.split())
    assert r.code == 1 and "uurtarief_bandbreedte.alternatieven[1]: tariefprofiel car-uwo-2019-schaal-10 (€ " in text
    assert "per uur) reproduceert het rapport niet" in text


def test_a_default_outside_its_range_is_rejected(bncost, data_copy):
    path = data_copy / "inrichtingsmodellen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  procent: 10\n", "  procent: 25\n"), encoding="utf-8")
    r = bncost("validate", "--data-dir", data_copy)
    text = " ".join(r.out.split())
    assert r.code == 1 and "het schaalvoordeel van de landelijke voorziening 25% ligt buiten zijn eigen bandbreedte (0% tot 20%)" in text


def test_compare_and_regio_ranges(bncost):
    data = json.loads(bncost("compare-models", "--bandbreedte", "-f", "json").out, parse_float=Decimal)
    band = _band(data)
    land = band["basis.landelijk.totaal"]
    assert land["laag"] < land["standaard"] < land["hoog"] and "schaalvoordeel landelijk 20%" in land["laag_door"]
    pinned = json.loads(bncost("compare-models", "--bandbreedte", "--schaalvoordeel", 10, "-f", "json").out)
    assert "schaalvoordeel_landelijk" not in {a["id"] for a in pinned["bandbreedte_aannames"]}  # the user pinned it
    data = json.loads(bncost("regio", "--eenheid", "Zeeland-West-Brabant", "--bandbreedte", "-f", "json").out, parse_float=Decimal)
    band = _band(data)
    assert band["budget"]["standaard"] == Decimal(str(data["uitvoerder"]["budget_per_jaar"]))
    assert band["budget"]["laag"] < band["budget"]["hoog"]
    assert sum(1 for k in band if k.startswith("lid.")) == len(data["leden"])


def test_a_pinned_rate_leaves_no_rate_assumption(bncost):
    data = json.loads(bncost("estimate", "-n", 54600, "--uurtarief", 30, "--bandbreedte", "-f", "json").out)
    assert "uurtarief" not in {a["id"] for a in data["bandbreedte_aannames"]}


def test_sensitivity_lists_every_assumption_largest_first(bncost, dataset):
    data = json.loads(bncost("gevoeligheid", "--gemeente", "Amersfoort", "-f", "json").out, parse_float=Decimal)
    rows = data["aannames"]
    assert {r["id"] for r in rows} == {"uurtarief", "schaalvoordeel_landelijk", "schaling_beleid"}
    swings = [max(abs(r["uitslag_per_jaar"]), abs(r["uitslag_landelijk"])) for r in rows]
    assert swings == sorted(swings, reverse=True)
    assert (
        data["kosten_per_jaar"]
        == json.loads(bncost("estimate", "--gemeente", "Amersfoort", "-f", "json").out, parse_float=Decimal)["totaal"]["kosten_per_jaar"]
    )
    assert {r["id"]: r["status"] for r in rows}["uurtarief"] == "aanname"
    assert "--kostenbasis integraal" in data["niet_inbegrepen"]
    assert any(n.startswith("Wat deze gevoeligheid omvat") for n in data["notities"])


def test_sensitivity_follows_the_declared_range(bncost, data_copy):
    before = json.loads(bncost("gevoeligheid", "--gemeente", "Amersfoort", "-f", "json", "--data-dir", data_copy).out)
    path = data_copy / "inrichtingsmodellen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    hoog: 20\n", "    hoog: 40\n"), encoding="utf-8")
    after = json.loads(bncost("gevoeligheid", "--gemeente", "Amersfoort", "-f", "json", "--data-dir", data_copy).out)
    sv = {r["id"]: r for r in before["aannames"]}["schaalvoordeel_landelijk"]
    sv2 = {r["id"]: r for r in after["aannames"]}["schaalvoordeel_landelijk"]
    assert sv2["uitslag_landelijk"] > sv["uitslag_landelijk"]


def test_the_range_in_csv_too(bncost):
    import csv
    import io

    rows = {r["taakgebied"]: r for r in csv.DictReader(io.StringIO(bncost("estimate", "-n", 54600, "--bandbreedte", "-f", "csv").out))}
    assert "totaal" not in rows  # csv: data rows only; a column's sum is the total
    total = {k: sum(Decimal(r[k] or 0) for r in rows.values()) for k in ("kosten_per_jaar_laag", "kosten_per_jaar", "kosten_per_jaar_hoog")}
    assert total["kosten_per_jaar_laag"] < total["kosten_per_jaar"] < total["kosten_per_jaar_hoog"]
    data = json.loads(bncost("estimate", "-n", 54600, "--bandbreedte", "-f", "json").out, parse_float=Decimal)
    assert abs(total["kosten_per_jaar_hoog"] - _band(data)["totaal.kosten"]["hoog"]) <= Decimal("0.01")
    assert rows["sturend_orgaan"]["kosten_per_jaar_laag"] == ""  # not quantified: no range
    members = list(csv.DictReader(io.StringIO(bncost("regio", "--eenheid", "Limburg", "--bandbreedte", "-f", "csv").out)))
    assert all(r["bijdrage_per_jaar_laag"] and r["bijdrage_per_jaar_hoog"] for r in members)
