"""The figures in the council document's sentences are the command line's figures.

tests/test_rapport_tables.py checks every table of the page; this checks the sentences of the
summary that carry figures: who and when (inhabitants, their date, the price date, the rate to the cent), "Het
goedkoopst" (the cheapest model and its difference per package), "Hoe zeker" (the band of the basic
package and the other cost bases) and, for a region, the executor line (hours, fte, budget). Each
figure is read back from its Dutch text and compared with ``estimate``, ``compare-models`` or
``regio --format json`` for the same options, to the cent (or the shown decimals).
"""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal

import pytest

AMOUNT = r"€ (-?[0-9.]+,[0-9]+)"
PAKKET_LABELS = {"basis": "basispakket", "volledig": "basis- en aanvullend pakket samen"}


def _number(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def _summary(bncost, tmp_path, *args: str) -> str:
    """The text of the page's summary, tags and charts removed, white space collapsed."""
    path = tmp_path / "rapport.html"
    r = bncost("rapport", *args, "-o", path)
    assert r.code == 0, r.err
    page = path.read_text(encoding="utf-8")
    page = re.sub(r"<(svg|style|script)\b.*?</\1>", " ", page, flags=re.S)
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    start, end = text.index("Samenvatting"), text.index("Wat veranderde na 2014")
    return text[start:end]


def _json(bncost, *args: str) -> dict:
    r = bncost(*args, "-f", "json")
    assert r.code == 0, r.err
    return json.loads(r.out, parse_float=Decimal)


def _cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"))


def _date_nl(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)}-{int(month)}-{year}"


MUNICIPALITIES = [
    ["--gemeente", "Amersfoort"],
    ["--gemeente", "Dordrecht", "--jaar", "2024"],
    ["--inwoners", "54600", "--schaal", "8", "--periodiek", "3"],
]


@pytest.mark.parametrize("args", MUNICIPALITIES, ids=lambda a: " ".join(a))
def test_the_summary_sentences_of_a_municipality_are_the_command_lines(bncost, tmp_path, args):
    text = _summary(bncost, tmp_path, *args)
    est = _json(bncost, "estimate", *args, "--bandbreedte")
    # who and when
    rate = re.search(r"uurtarief € ([0-9.]+,[0-9]{2})\.", text)  # a rate to the cent, as people write it
    assert rate and _number(rate.group(1)) == _cents(est["uurtarief"]["bedrag"]), text[:300]
    assert f"prijspeil {_date_nl(est['prijspeil'])}" in text
    if est["gemeente"]:
        shown = f"{est['inwoners']:,}".replace(",", ".")
        assert f"{shown} inwoners op {_date_nl(est['inwoners_per'])} (CBS)" in text
    # het goedkoopst: per package the cheapest model and what it saves against the dearest; the saving
    # is computed from the unrounded totals (compare-models' verschil_met_gemeentelijk), not from the
    # rounded totals shown beside it
    for pakket, label in PAKKET_LABELS.items():
        cmp = _json(bncost, "compare-models", *args, "-p", pakket)
        models = {m["model"]: m for m in cmp["vergelijkingen"][0]["modellen"]}
        cheapest = min(models, key=lambda m: models[m]["totaal_per_jaar"])
        dearest = max(models, key=lambda m: models[m]["totaal_per_jaar"])
        found = re.search(rf"{re.escape(label)}: (\w+), {AMOUNT} per jaar minder dan (\w+)", text)
        assert found, (label, text)
        assert found.group(1) == cheapest
        # against gemeentelijk (compare-models' verschil_met_gemeentelijk, no sum on the page), or, when
        # gemeentelijk is the cheapest, against the dearest model
        other = "gemeentelijk" if cheapest != "gemeentelijk" else dearest
        assert found.group(3) == other, found.group(0)
        saving = models[other]["verschil_met_gemeentelijk"] - models[cheapest]["verschil_met_gemeentelijk"]
        assert _number(found.group(2)) == _cents(saving), (found.group(0), saving)
    # hoe zeker: the band of the basic package's total, and the other cost bases
    band = next(b for b in est["bandbreedte"] if b["figuur"] == "totaal.kosten")
    found = re.search(rf"tussen {AMOUNT} en {AMOUNT} per jaar", text)
    if band["laag"] == band["hoog"]:  # no alternative moves it (54.600 inhabitants: both scalings agree)
        assert found is None, text
    else:
        assert found, text
        assert (_number(found.group(1)), _number(found.group(2))) == (_cents(band["laag"]), _cents(band["hoog"]))
    allowances = _json(bncost, "estimate", *args, "--toeslagen", "alle")["totaal"]["kosten_per_jaar"]
    assert re.search(rf"met alle toeslagen \([^)]*\): {AMOUNT}", text).group(1) == f"{allowances:,.2f}".replace(",", "#").replace(
        ".", ","
    ).replace("#", ".")
    salary_only = ("--periodiek", "--toeslagen", "--peildatum")  # integral cost is per scale, for one year
    kept = [a for n, a in enumerate(args) if a not in salary_only and (n == 0 or args[n - 1] not in salary_only)]
    integral = _json(bncost, "estimate", *kept, "--kostenbasis", "integraal")
    found = re.search(rf"met integrale kosten \([^)]*\): {AMOUNT} \(prijspeil ([0-9-]+)\)", text)
    assert found, text
    assert _number(found.group(1)) == _cents(integral["totaal"]["kosten_per_jaar"])
    assert found.group(2) == _date_nl(integral["prijspeil"])


def test_the_executor_line_of_a_region_is_regios(bncost, tmp_path):
    """'de uitvoerder heeft N uur per maand nodig, F fte; de gemeenten betalen samen € B per jaar
    (€ T per inwoner); de uren kosten € K per jaar' — per package, as ``regio`` says."""
    args = ["--eenheid", "Zeeland-West-Brabant"]
    text = _summary(bncost, tmp_path, *args)
    for pakket, label in (("basis", "Basispakket"), ("volledig", "Basis- en aanvullend pakket samen")):
        regio = _json(bncost, "regio", *args, "-p", pakket)
        executor = regio["uitvoerder"]
        found = re.search(
            rf"{re.escape(label)}: de uitvoerder heeft ([0-9.,]+) uur per maand nodig, ([0-9,]+) fte; de gemeenten betalen "
            rf"samen {AMOUNT} per jaar \(([0-9]+,[0-9]+) cent per inwoner\); de uren kosten {AMOUNT} per jaar",
            text,
        )
        assert found, (label, text)
        hours, fte, budget, per_inhabitant, cost = found.groups()
        assert _number(hours) == Decimal(executor["uren_per_maand"]).quantize(Decimal("0.01"))
        assert _number(fte) == Decimal(executor["fte"]).quantize(Decimal("0.01"))
        assert _number(budget) == _cents(executor["budget_per_jaar"])
        assert _number(per_inhabitant) == (Decimal(regio["tarief_per_inwoner_per_jaar"]) * 100).quantize(Decimal("0.01"))  # in cents
        assert _number(cost) == _cents(executor["kosten_uren_per_jaar"])
