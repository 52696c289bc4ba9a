"""Every command is a library call: the same results without the CLI."""

from __future__ import annotations

import json
from decimal import Decimal

import burgernet_cost as bn
from burgernet_cost.output import numbers as money


def test_estimate_and_compare_as_library(bncost, dataset):
    s = bn.estimate(dataset, 54600, "basis")
    cli = json.loads(bncost("estimate", "-n", 54600, "-f", "json").out, parse_float=Decimal)
    assert money.quantize(s.totaal.kosten_per_jaar, 2) == cli["totaal"]["kosten_per_jaar"]
    v = bn.compare(dataset, 54600, "basis")
    assert v.model("regionaal").totaal == v.model("gemeentelijk").totaal  # linear: the same total


def test_region_as_library(bncost, dataset):
    gm = dataset.gemeenten()
    leden, naam = bn.select_members(gm, gm.rapportjaar, "eenheid", "limburg")
    r = bn.region(dataset, naam, leden)
    cli = json.loads(bncost("regio", "--eenheid", "Limburg", "-f", "json").out, parse_float=Decimal)
    assert r.budget == cli["uitvoerder"]["budget_per_jaar"] and len(r.leden) == cli["aantal_gemeenten"]


def test_validate_and_diff_as_library(dataset):
    assert bn.validate(dataset.root).valid()
    figures, ref = bn.diff(dataset, dataset)
    assert figures and not any(f.gewijzigd for f in figures) and ref == dataset.models.referentiegemeente.inwoners


def test_unknown_name():
    import pytest

    with pytest.raises(AttributeError):
        bn.bestaat_niet  # noqa: B018
