"""Honesty about time and about what the report says (issue "Fidelity and time")."""

from __future__ import annotations

import json
from decimal import Decimal

from burgernet_cost.output import numbers as money


def test_a_year_sets_population_and_price_level(bncost, dataset):
    data = json.loads(bncost("estimate", "--gemeente", "Amersfoort", "--jaar", "2024", "-f", "json").out, parse_float=Decimal)
    assert data["prijspeil"] == "2024-01-01" and data["gemeente"]["peildatum"] == "2024-01-01"
    plain = json.loads(bncost("estimate", "--gemeente", "Amersfoort", "-f", "json").out, parse_float=Decimal)
    from burgernet_cost.domain.rate import uurtarief

    assert plain["prijspeil"] == uurtarief(dataset).peildatum  # without a year: the report's price level
    assert data["totaal"]["kosten_per_jaar"] > plain["totaal"]["kosten_per_jaar"]
    pinned = json.loads(bncost("estimate", "--gemeente", "Amersfoort", "--jaar", "2024", "--uurtarief", "40", "-f", "json").out)
    assert pinned["prijspeil"] is None
    out = bncost("estimate", "--gemeente", "Amersfoort", "--jaar", "2024").out
    assert "Datum: inwoners 1-1-2024 (CBS), prijspeil 1-1-2024" in out


def test_results_after_the_events_say_so(bncost, dataset):
    last = max((e for e in dataset.tijdlijn.gebeurtenissen if e.gevolg), key=lambda e: e.datum)
    out = bncost("estimate", "-n", 5000, "--peildatum", "2024-06-01").out.replace("\n  ", " ")
    assert "Na het rapport: sinds" in out and last.bron.kort() in out
    assert "Na het rapport" not in bncost("estimate", "-n", 5000).out  # the report's own time: no note
    assert "Na het rapport" not in bncost("estimate", "--gemeente", "Utrecht").out  # the report's situation: 2014
    assert "Na het rapport" in bncost("estimate", "--gemeente", "Utrecht", "--jaar", "2024").out
    assert "Na het rapport" in bncost("regio", "--eenheid", "Limburg", "--jaar", "2024").out


def test_cents_only_where_the_report_names_them(bncost, dataset, data_copy):
    out = bncost("estimate", "-n", 54600).out
    rows = {line.split("  ")[0]: line for line in out.splitlines() if line.startswith(("Beleid", "Relatiebeheer", "Totaal"))}
    assert "(≈" in rows["Relatiebeheer & communicatie"] and "(≈" not in rows["Beleid"] and "(≈" not in rows["Totaal"]
    assert "(≈" not in bncost("estimate", "-n", 54600, "-p", "aanvullend").out.split("Toelichting")[0]  # report names none
    path = data_copy / "interviews.yaml"  # the data decides: without reported results, no cents anywhere
    text = path.read_text(encoding="utf-8")
    start = text.index("gerapporteerde_uitkomsten:")
    end = text.index("\nsalarisbasis:")
    path.write_text(text[:start] + "gerapporteerde_uitkomsten: []\n" + text[end:], encoding="utf-8")
    assert "(≈" not in bncost("estimate", "-n", 54600, "--data-dir", data_copy).out


def test_advice_is_one_national_amount(dataset):
    from burgernet_cost.domain.compare import compare

    for pakket in ("basis", "volledig"):
        v = compare(dataset, 54600, pakket, "advies")
        assert v.model("landelijk").totaal == v.model("regionaal").totaal
        advice = next(a.euro_per_inwoner_per_jaar for a in dataset.models.adviesbedragen if a.pakket == pakket)
        assert v.model("landelijk").tarief_per_inwoner == advice


def test_rounding_note_when_parts_do_not_add_up(bncost):
    data = json.loads(bncost("estimate", "-n", 54600, "-p", "volledig", "-f", "json").out, parse_float=Decimal)
    parts = sum(money.quantize(Decimal(str(r["kosten_per_jaar"])), 2) for r in data["taakgebieden"] if r["kosten_per_jaar"])
    if parts != data["totaal"]["kosten_per_jaar"]:
        assert any(n.startswith("Afronding:") for n in data["notities"])
    else:
        assert not any(n.startswith("Afronding:") and "€ 6" in n for n in data["notities"])


def test_policy_hours_scaling_is_an_assumption_with_an_alternative(bncost, dataset):
    beleid = next(w for w in dataset.interviews.waarnemingen if w.id == "rapport-2014-beleid-basis")
    linear = json.loads(bncost("estimate", "-n", 5000, "-f", "json").out, parse_float=Decimal)
    fixed = json.loads(bncost("estimate", "-n", 5000, "--schaling-beleid", "per_gemeente", "-f", "json").out, parse_float=Decimal)
    row = {r["taakgebied"]: r for r in fixed["taakgebieden"]}
    assert row["beleid"]["uren_per_maand"] == beleid.uren_per_maand  # as observed, whatever the size
    assert {r["taakgebied"]: r for r in linear["taakgebieden"]}["beleid"]["uren_per_maand"] < beleid.uren_per_maand
    out = bncost("estimate", "-n", 5000, "--uitleg").out
    assert "schaling van de uren, beleid (alternatief: per_gemeente): per_inwoner  (§4.1.1; AANNAME;" in out
    assert "Aanname: de uren voor beleid schalen per inwoner" in out.replace("\n  ", " ")
    region = json.loads(
        bncost("regio", "--gemeenten", "Utrecht,Renswoude", "--schaling-beleid", "per_gemeente", "-f", "json").out, parse_float=Decimal
    )
    assert {m["eigen_uren_per_maand"] for m in region["leden"]} == {beleid.uren_per_maand}
