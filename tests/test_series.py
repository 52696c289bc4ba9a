"""``bncost reeks``: a year per row, with that year's inhabitants, price level and events."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

from conftest import DATA


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


def test_a_region_counts_the_members_of_each_year(bncost, dataset):
    """Each year its own members: the series' row of a year equals regio --jaar of that year."""
    r = bncost("reeks", "--eenheid", "Noord-Nederland", "--van", 2014, "--tot", 2024, "-f", "json")
    rows = {row["jaartal"]: row for row in json.loads(r.out, parse_float=Decimal)["jaren"]}
    for year in (2014, 2019, 2024):
        regio = json.loads(bncost("regio", "--eenheid", "Noord-Nederland", "--jaar", year, "-f", "json").out)
        assert rows[year]["inwoners"] == regio["inwoners"]
        totals = next(j for j in dataset.gemeenten().meta.jaren if j.jaar == year) if year in (2014, 2024) else None
        if totals is not None:
            assert regio["inwoners"] == totals.totalen_per_eenheid["Noord-Nederland"].inwoners
    assert not any(row["ontbrekend"] for row in rows.values())


def test_a_merged_municipality_shows_its_predecessors(bncost, dataset):
    series = dataset.gemeenten().bevolkingsreeks()
    r = bncost("reeks", "--gemeente", "Land van Cuijk", "--van", 2020, "--tot", 2023, "-f", "json")
    assert r.code == 0, r.err
    rows = {row["jaartal"]: row for row in json.loads(r.out)["jaren"]}
    with (DATA / "gemeenten" / "herindelingen.csv").open(encoding="utf-8", newline="") as fh:  # the data's own merger table
        merged = [m for m in csv.DictReader(fh) if m["opgegaan_in_naam"] == "Land van Cuijk" and m["geheel"] == "ja"]
    new_code, year = merged[0]["opgegaan_in_code"], int(merged[0]["datum"][:4])
    assert len(merged) > 1 and {year - 1, year} <= set(rows)
    assert rows[year - 1]["inwoners"] == sum(series.van(m["code"], year - 1).inwoners for m in merged)
    assert rows[year]["inwoners"] == series.van(new_code, year).inwoners
    first = merged[0]["naam"]
    assert first in rows[year - 1]["opmerking_volledig"] and "voorgangers" in bncost("reeks", "--gemeente", "Land van Cuijk").out
    r = bncost("reeks", "--gemeente", first, "--tot", year - 1, "-f", "json")
    assert r.code == 0 and json.loads(r.out)["jaren"][-1]["inwoners"] == series.van(merged[0]["code"], year - 1).inwoners


def test_fixed_inhabitants_move_only_with_the_price_level(bncost):
    rows = json.loads(bncost("reeks", "-n", 54600, "--van", 2014, "--tot", 2016, "-f", "json").out, parse_float=Decimal)["jaren"]
    assert {r["inwoners"] for r in rows} == {54600}
    assert rows[0]["kosten_per_jaar"] < rows[-1]["kosten_per_jaar"]
    pinned = json.loads(bncost("reeks", "-n", 54600, "--van", 2014, "--tot", 2016, "--uurtarief", 30, "-f", "json").out)["jaren"]
    assert len({r["kosten_per_jaar"] for r in pinned}) == 1


def test_mistakes(bncost):
    for args, message in (
        (["--gemeente", "Amersfoort", "--van", 2010], "inwonertallen zijn er voor 2012 tot en met 2024"),
        (["--gemeente", "Amersfoort", "--van", 2020, "--tot", 2015], "--van (2020) ligt na --tot (2015)"),
        (["--gemeente", "Amersfoort", "--eenheid", "Limburg"], "kies precies één van"),
        ([], "kies precies één van"),
    ):
        r = bncost("reeks", *args)
        assert r.code == 2 and message in r.err and len(r.err.splitlines()) == 1, r.err


def test_a_wrong_series_file_is_refused(bncost, data_copy, dataset):
    path = data_copy / "gemeenten" / "gemeenten_bevolking_2012_2024.csv"
    total_2014 = next(j for j in dataset.gemeenten().meta.jaren if j.jaar == 2014).inwoners_totaal
    text = path.read_text(encoding="utf-8").replace("GM0307,Amersfoort,2014-01-01,150897", "GM0307,Amersfoort,2014-01-01,150898")
    path.write_text(text, encoding="utf-8")
    r = bncost("reeks", "--gemeente", "Amersfoort", "--data-dir", data_copy)
    assert r.code == 1 and "gemeenten_bevolking_2012_2024.csv" in r.err and f"2014: totaal {total_2014 + 1} inwoners" in r.err


def test_the_whole_country_and_a_member_file_as_the_document_counts_them(bncost, tmp_path):
    """reeks --alle (each year all municipalities of that year) and reeks --bestand (the members of a
    list, each by its own lineage) give the series the council document shows for --alle and
    --bestand: every year's inhabitants and cost as regio and estimate compute them for that year."""
    rows = json.loads(bncost("reeks", "--alle", "--van", "2014", "--tot", "2024", "-f", "json").out, parse_float=Decimal)["jaren"]
    for row in (rows[0], rows[-1]):
        year = str(row["jaartal"])
        regio = json.loads(bncost("regio", "--alle", "--jaar", year, "-f", "json").out, parse_float=Decimal)
        assert row["inwoners"] == regio["inwoners"]
        est = json.loads(bncost("estimate", "--inwoners", row["inwoners"], "--jaar", year, "-f", "json").out, parse_float=Decimal)
        assert row["kosten_per_jaar"] == est["totaal"]["kosten_per_jaar"]
    members = tmp_path / "leden.csv"
    members.write_text("gemeente;inwoners\nUtrecht;330000\nZeist;63000\nHouten;49500\n", encoding="utf-8")
    by_file = json.loads(bncost("reeks", "--bestand", members, "-f", "json").out)["jaren"]
    by_name = json.loads(bncost("reeks", "--gemeenten", "Utrecht,Zeist,Houten", "-f", "json").out)["jaren"]
    assert [(r["jaartal"], r["inwoners"], r["kosten_per_jaar"]) for r in by_file] == [
        (r["jaartal"], r["inwoners"], r["kosten_per_jaar"]) for r in by_name
    ]
    assert bncost("reeks", "--alle", "--gemeente", "Utrecht").code == 2
