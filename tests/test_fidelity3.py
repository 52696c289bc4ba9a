"""Fidelity, round 3 (issue 30): dates of mergers, what is inferred, sources a reader can see,
amounts that are not the report's. Each test reads the fixed text or value back."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

from conftest import DATA


def _mergers() -> list[dict[str, str]]:
    with (DATA / "gemeenten" / "herindelingen.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_merger_counts_from_its_legal_date(bncost, dataset):
    weesp = next(m for m in _mergers() if m["naam"] == "Weesp")
    assert weesp["datum"] == "2022-03-24"  # Stb. 2021, 296; every other row is a 1 January
    assert all(m["datum"].endswith("-01-01") for m in _mergers() if m is not weesp and m["naam"] != "Weesp")
    series = dataset.gemeenten().bevolkingsreeks()
    before = json.loads(bncost("regio", "--eenheid", "Amsterdam", "--peildatum", "2022-03-23", "-f", "json").out)
    after = json.loads(bncost("regio", "--eenheid", "Amsterdam", "--peildatum", "2022-06-01", "-f", "json").out)
    on_first = json.loads(bncost("regio", "--eenheid", "Amsterdam", "--jaar", "2022", "-f", "json").out)
    assert before["inwoners"] == on_first["inwoners"]  # members on 1 January stay as they are
    assert after["inwoners"] == before["inwoners"] + series.van(weesp["code"], 2022).inwoners
    r = bncost("estimate", "--gemeente", "Weesp", "--peildatum", "2022-06-01")
    assert r.code == 2 and "opgegaan in Amsterdam op 24-3-2022" in r.err and "vóór 24-3-2022" in r.err
    r = bncost("estimate", "--gemeente", "Weesp", "--jaar", "2023")
    assert r.code == 2 and "op 24-3-2022" in r.err
    assert bncost("estimate", "--gemeente", "Weesp", "--peildatum", "2022-03-23").code == 0
    gooi = json.loads(bncost("regio", "--veiligheidsregio", "Gooi en Vechtstreek", "--peildatum", "2022-06-01", "-f", "json").out)
    assert "Weesp" not in json.dumps(gooi)
