"""One date for every figure (issue "One date"): a result holds for one date, the default is the
report's situation, every figure read holds on the result's date, and every command agrees."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest

DATES = [[], ["--jaar", "2013"], ["--jaar", "2016"], ["--jaar", "2020"], ["--jaar", "2024"], ["--peildatum", "2023-06-01"]]


def _json(bncost, *args):
    r = bncost(*args, "-f", "json")
    assert r.code == 0, r.err
    return json.loads(r.out, parse_float=Decimal)


def _report_price(dataset):
    """The report's price date, read from the data: the default rate profile's table."""
    profile = next(p for p in dataset.salary.tariefprofielen if p.id == dataset.salary.standaard_tariefprofiel)
    return next(t.ingangsdatum for t in dataset.salary.tabellen if t.id == profile.tabel)


def _nl(iso):
    y, m, d = iso.split("-")
    return f"{int(d)}-{int(m)}-{y}"


def _newest_table_on(dataset, datum, schaal="10", periodiek=11):
    return max(
        t.ingangsdatum
        for t in dataset.salary.tabellen
        if t.ingangsdatum <= datum and schaal in t.schalen and periodiek < len(t.schalen[schaal])
    )


@pytest.mark.parametrize("when", DATES, ids=lambda w: " ".join(w) or "rapport")
def test_every_figure_read_holds_on_the_results_date(bncost, dataset, when):
    data = _json(bncost, "estimate", "--gemeente", "Amersfoort", *when)
    price, inhabitants = data["prijspeil"], data["inwoners_per"]
    figures = {f["id"]: f for f in data["figuren"]}
    assert figures["inwoners"]["datum"] == inhabitants == data["gemeente"]["peildatum"]
    if when and when[0] == "--jaar":
        assert inhabitants == f"{when[1]}-01-01"
        assert price in (f"{when[1]}-01-01", min(t.ingangsdatum for t in dataset.salary.tabellen))
    elif when:
        assert price == when[1] and inhabitants == f"{when[1][:4]}-01-01"
    else:  # the report's situation: its inhabitants year and its price level
        assert inhabitants == f"{dataset.gemeenten().rapportjaar}-01-01" and price == _report_price(dataset)
    table = [f for f in figures.values() if f["id"].startswith("salary_scales.tabellen")]
    assert len(table) == 1 and table[0]["datum"] <= price
    if when:  # a chosen date: the newest table in force then (the report's own profile names its table)
        assert table[0]["datum"] == _newest_table_on(dataset, max(price, table[0]["datum"]))
    for f in figures.values():
        if f["datum"] is not None and f["id"] != "inwoners":
            assert table[0]["datum"] <= f["datum"] <= price or f["id"] == table[0]["id"], f
    steps = {f["datum"] for f in figures.values() if f["id"].startswith("salary_scales.cao_verhogingen")}
    expected = {
        s.datum
        for s in dataset.salary.cao_verhogingen
        if table[0]["datum"] < s.datum <= price
        and (
            not s.alleen_voor_tabellen
            or any(t.ingangsdatum == table[0]["datum"] and t.id in s.alleen_voor_tabellen for t in dataset.salary.tabellen)
        )
    }
    assert steps == expected


def test_estimate_of_a_year_equals_the_series_row(bncost):
    rows = {r["jaartal"]: r for r in _json(bncost, "reeks", "--gemeente", "Amersfoort", "--van", 2013, "--tot", 2024)["jaren"]}
    for year in range(2013, 2025):
        one = _json(bncost, "estimate", "--gemeente", "Amersfoort", "--jaar", year)
        assert rows[year]["inwoners"] == one["inwoners"]
        assert rows[year]["kosten_per_jaar"] == one["totaal"]["kosten_per_jaar"], year


def test_the_default_is_the_reports_situation_in_every_command(bncost, dataset):
    gm = dataset.gemeenten()
    n2014 = next(g for g in gm.per_jaar[gm.rapportjaar] if g.naam == "Amersfoort").inwoners
    assert _json(bncost, "estimate", "--gemeente", "Amersfoort")["inwoners"] == n2014
    assert _json(bncost, "compare-models", "--gemeente", "Amersfoort")["inwoners"] == n2014
    regio = _json(bncost, "regio", "--eenheid", "Noord-Nederland")
    totals = next(j for j in gm.meta.jaren if j.jaar == gm.rapportjaar).totalen_per_eenheid["Noord-Nederland"]
    assert regio["inwoners"] == totals.inwoners and regio["inwoners_per"] == f"{gm.rapportjaar}-01-01"
    out = bncost("estimate", "--gemeente", "Amersfoort").out
    line = f"Datum: inwoners {_nl(f'{gm.rapportjaar}-01-01')} (CBS), prijspeil {_nl(_report_price(dataset))}"
    assert line in out.replace("\n  ", " ") and "situatie van het rapport" in out
    assert _json(bncost, "estimate", "--inwoners", 54600)["prijspeil"] == _report_price(dataset)


def test_a_municipality_of_another_year_is_named(bncost):
    r = bncost("estimate", "--gemeente", "Boxmeer", "--jaar", "2024")
    assert r.code == 2 and "Land van Cuijk" in r.err and "--jaar 2021" in r.err
    r = bncost("estimate", "--gemeente", "Land van Cuijk")
    assert r.code == 2 and "gevormd op 1-1-2022" in r.err and "Boxmeer" in r.err
    assert _json(bncost, "estimate", "--gemeente", "Boxmeer", "--jaar", "2020")["gemeente"]["naam"] == "Boxmeer"


def test_advice_amounts_are_indexed_to_the_results_date(bncost, dataset):
    data = _json(bncost, "compare-models", "--gemeente", "Amersfoort", "--jaar", "2024", "--tarief", "advies", "-p", "basis")
    figures = {f["id"]: f for f in data["figuren"]}
    base = figures["adviesbedragen.uurtarief_op_prijspeil"]
    rate = Decimal(str(data["uurtarief"]["bedrag"]))
    amount = next(a.euro_per_inwoner_per_jaar for a in dataset.models.adviesbedragen if a.pakket == "basis")
    regional = next(m for m in data["vergelijkingen"][0]["modellen"] if m["model"] == "regionaal")
    expected = amount * rate / Decimal(str(base["waarde"])) * data["inwoners"]
    assert abs(Decimal(str(regional["bijdrage_per_jaar"])) - expected) < Decimal("0.01") * expected
    assert any("geïndexeerd" in n for n in data["notities"])
    r = bncost("compare-models", "--gemeente", "Amersfoort", "--jaar", "2024", "--tarief", "advies", "--uurtarief", "40")
    assert r.code == 2 and "loonindex" in r.err


def test_diff_names_the_changed_cell_and_shows_the_latest_year(bncost, data_copy, tmp_path):
    base = tmp_path / "base"
    shutil.copytree(data_copy, base)
    path = data_copy / "salary_scales.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if line.strip().startswith('"10": [2885'))
    assert lines[n].rstrip().endswith("4362]")
    lines[n] = lines[n].replace("4362]", "4600]")
    path.write_text("".join(lines), encoding="utf-8")
    data = _json(bncost, "diff", str(base), str(data_copy))
    assert data["invoer"] == [
        {
            "id": "salary_scales.tabellen[car-uwo-2019-10-01].schalen[10][11]",
            "oud": "4362",
            "nieuw": "4600",
            "plaats": data["invoer"][0]["plaats"],
        }
    ]
    assert data["invoer"][0]["plaats"].endswith(f"salary_scales.yaml:{n + 1}")
    changed = [k for k in data["kengetallen"] if k["gewijzigd"]]
    assert changed and all("1-1-2024" in k["kengetal"] for k in changed)
    before = _json(bncost, "estimate", "--gemeente", "Amersfoort", "--jaar", "2024", "--data-dir", str(base))
    after = _json(bncost, "estimate", "--gemeente", "Amersfoort", "--jaar", "2024", "--data-dir", str(data_copy))
    ratio = after["totaal"]["kosten_per_jaar"] / before["totaal"]["kosten_per_jaar"]
    rates = Decimal(str(after["uurtarief"]["bedrag"])) / Decimal(str(before["uurtarief"]["bedrag"]))
    assert ratio == pytest.approx(rates, rel=Decimal("1e-4")) and ratio > Decimal("1.04")  # +5 %: the cell and the later steps
