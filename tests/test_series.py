"""``bncost reeks``: a year per row, with that year's inhabitants, price level and events."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal


def test_one_row_per_year_with_that_years_inhabitants_and_price_level(bncost, dataset):
    data = json.loads(bncost("reeks", "--gemeente", "Amersfoort", "--van", 2014, "--tot", 2024, "-f", "json").out, parse_float=Decimal)
    rows = data["jaren"]
    assert [r["jaartal"] for r in rows] == list(range(2014, 2025))
    series = dataset.gemeenten().bevolkingsreeks()
    for r in rows:
        assert r["inwoners"] == series.van("GM0307", r["jaartal"]).inwoners
        assert r["prijspeil_datum"] == f"{r['jaartal']}-01-01"
    est = json.loads(bncost("estimate", "--gemeente", "Amersfoort", "--jaar", 2024, "-f", "json").out, parse_float=Decimal)
    assert rows[-1]["kosten_per_jaar"] == est["totaal"]["kosten_per_jaar"]
    events = {r["jaartal"]: r["gebeurtenissen"] for r in rows}
    by_year = {}
    for e in dataset.tijdlijn.gebeurtenissen:
        by_year.setdefault(int(e.datum[:4]), []).append(e.id)
    for year in range(2014, 2025):
        assert events[year] == ", ".join(by_year.get(year, []))
    assert events[2020] and events[2023]
    notes = " ".join(data["notities"])
    for e in dataset.tijdlijn.gebeurtenissen:
        assert e.bron.kort() in notes


def test_years_before_the_oldest_salary_table_say_so(bncost):
    out = bncost("reeks", "--gemeente", "Amersfoort", "--van", 2012, "--tot", 2013).out
    assert "er is geen oudere salaristabel" in out


def test_a_region_names_the_members_that_did_not_exist_yet(bncost):
    r = bncost("reeks", "--eenheid", "Oost-Brabant", "--van", 2014, "--tot", 2015, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert rows and "Meierijstad" in rows[0]["ontbrekend"]
    assert "het totaal is in die jaren te laag" in bncost("reeks", "--eenheid", "Oost-Brabant", "--tot", 2015).out


def test_fixed_inhabitants_move_only_with_the_price_level(bncost):
    rows = json.loads(bncost("reeks", "-n", 54600, "--van", 2014, "--tot", 2016, "-f", "json").out, parse_float=Decimal)["jaren"]
    assert {r["inwoners"] for r in rows} == {54600}
    assert rows[0]["kosten_per_jaar"] < rows[-1]["kosten_per_jaar"]
    pinned = json.loads(bncost("reeks", "-n", 54600, "--van", 2014, "--tot", 2016, "--uurtarief", 30, "-f", "json").out)["jaren"]
    assert len({r["kosten_per_jaar"] for r in pinned}) == 1


def test_mistakes(bncost):
    for args, message in ((["--gemeente", "Amersfoort", "--van", 2010], "inwonertallen zijn er voor 2012 tot en met 2024"),
                          (["--gemeente", "Amersfoort", "--van", 2020, "--tot", 2015], "--van (2020) ligt na --tot (2015)"),
                          (["--gemeente", "Amersfoort", "--eenheid", "Limburg"], "kies precies één van"),
                          ([], "kies precies één van")):
        r = bncost("reeks", *args)
        assert r.code == 2 and message in r.err and len(r.err.splitlines()) == 1, r.err


def test_a_wrong_series_file_is_refused(bncost, data_copy, dataset):
    path = data_copy / "gemeenten" / "gemeenten_bevolking_2012_2024.csv"
    total_2014 = dataset.gemeenten().jaartabel(2014).inwoners_totaal
    text = path.read_text(encoding="utf-8").replace("GM0307,Amersfoort,2014-01-01,150897", "GM0307,Amersfoort,2014-01-01,150898")
    path.write_text(text, encoding="utf-8")
    r = bncost("reeks", "--gemeente", "Amersfoort", "--data-dir", data_copy)
    assert r.code == 1 and "gemeenten_bevolking_2012_2024.csv" in r.err and f"2014: totaal {total_2014 + 1} inwoners" in r.err
