"""One figure, every path (issue "One meaning, one place"): over randomly edited data, the same
quantity reached through different commands is the same number.

- ``estimate --gemeente X --jaar Y`` equals the row Y of ``reeks --gemeente X``;
- a region (``regio``, ``gevoeligheid`` for a region) is the sum of its members' own estimates, under
  every scaling choice (DOMAIN.md §11): hours, contributions against cost, and the gemeentelijk total;
- a year table and the population series cannot say two things about the same municipality.

Expectations come from the command line itself, never from numbers written here: the data is
edited at random (hours of the observations, hours per month of a full-time job, a CAO step,
scaling choices) and the paths must agree whatever it says. JSON output is rounded for display,
so sums of rounded parts are compared within half a unit of the last decimal per part.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA

OBSERVATIONS = ("rapport-2014-beleid-basis", "rapport-2014-beleid-aanvullend", "rapport-2014-rbc-basis", "rapport-2014-rbc-aanvullend")
HOURS = st.decimals(1, 2000, places=1, allow_nan=False, allow_infinity=False)
SCALINGS = st.sampled_from(["per_inwoner", "per_gemeente"])
PERCENT_STEPS = [
    i for i, s in enumerate(yaml.safe_load((DATA / "salary_scales.yaml").read_text(encoding="utf-8"))["cao_verhogingen"]) if "procent" in s
]
RBC_SCALING = next(
    i
    for i, s in enumerate(yaml.safe_load((DATA / "interviews.yaml").read_text(encoding="utf-8"))["schalingen"])
    if s["taakgebied"] == "relatiebeheer_communicatie"
)


@st.composite
def edits(draw: st.DrawFn) -> list[str]:
    """A random set of --set edits and scaling options (each a valid data value)."""
    out: list[str] = []
    for obs in draw(st.lists(st.sampled_from(OBSERVATIONS), unique=True, max_size=3)):
        out += ["--set", f"interviews.waarnemingen[{obs}].uren_per_maand={draw(HOURS)}"]
    if draw(st.booleans()):
        out += ["--set", f"salary_scales.uurloon.uren_per_maand={draw(st.sampled_from(['150', '162.5', '173.33']))}"]
    if draw(st.booleans()):
        out += [
            "--set",
            f"salary_scales.cao_verhogingen[{draw(st.sampled_from(PERCENT_STEPS))}].procent={draw(st.decimals(0, 9, places=2))}",
        ]
    out += ["--schaling-beleid", draw(SCALINGS)]
    return out


def _json(bncost, *args: str) -> dict:
    r = bncost(*args, "--format", "json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def _d(value: object) -> Decimal:
    return Decimal(str(value))


def _close(total: Decimal, parts: list[Decimal], places: int) -> None:
    """A total equals the sum of its parts, each rounded to ``places`` decimals for display."""
    slack = Decimal(1).scaleb(-places) / 2 * (len(parts) + 1)
    assert abs(total - sum(parts)) <= slack, (total, sum(parts), parts)


SLOW = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SLOW
@given(change=edits(), jaar=st.sampled_from([2014, 2017, 2024]), naam=st.sampled_from(["Amersfoort", "Groningen", "Súdwest-Fryslân"]))
def test_estimate_of_a_year_is_the_series_row_of_that_year(bncost, change, jaar, naam):
    e = _json(bncost, "estimate", "--gemeente", naam, "--jaar", str(jaar), *change)
    r = _json(bncost, "reeks", "--gemeente", naam, "--van", str(jaar), "--tot", str(jaar), *change)
    (row,) = r["jaren"]
    total = e["totaal"]
    assert row["inwoners"] == e["inwoners"]
    assert (row["uren_per_maand"], row["kosten_per_jaar"], row["fte"]) == (total["uren_per_maand"], total["kosten_per_jaar"], total["fte"])


@SLOW
@given(change=edits(), rbc=SCALINGS, jaar=st.sampled_from(["2014", "2024"]), pakket=st.sampled_from(["basis", "volledig"]))
def test_a_region_is_the_sum_of_its_members(bncost, change, rbc, jaar, pakket):
    members = ("Amersfoort", "Leusden", "Baarn")
    scaling = ["--set", f"interviews.schalingen[{RBC_SCALING}].standaard={rbc}"]
    who = ["--gemeenten", ",".join(members), "--jaar", jaar, "--pakket", pakket, *change, *scaling]
    region = _json(bncost, "regio", *who)
    own = {m: _json(bncost, "estimate", "--gemeente", m, "--jaar", jaar, "--pakket", pakket, *change, *scaling) for m in members}

    def area(m: str, key: str, field: str) -> Decimal:
        return _d(next(a for a in own[m]["taakgebieden"] if a["taakgebied"] == key)[field])

    assert region["inwoners"] == sum(e["inwoners"] for e in own.values())
    for lid in region["leden"]:  # each member's own hours: its beleid on its own
        assert _d(lid["eigen_uren_per_maand"]) == area(lid["gemeente"], "beleid", "uren_per_maand")
    # the executor does the members' relatiebeheer and communicatie: its hours and cost are theirs summed
    _close(_d(region["uitvoerder"]["uren_per_maand"]), [area(m, "relatiebeheer_communicatie", "uren_per_maand") for m in members], 4)
    _close(_d(region["uitvoerder"]["kosten_uren_per_jaar"]), [area(m, "relatiebeheer_communicatie", "kosten_per_jaar") for m in members], 2)
    # the contributions pay for it, to the cent per member
    _close(_d(region["uitvoerder"]["budget_per_jaar"]), [area(m, "relatiebeheer_communicatie", "kosten_per_jaar") for m in members], 2)
    # the region's sensitivity starts from the same total: the sum of the members' estimates
    g = _json(bncost, "gevoeligheid", *who)
    _close(_d(g["kosten_per_jaar"]), [_d(own[m]["totaal"]["kosten_per_jaar"]) for m in members], 2)


def test_a_region_per_municipality_counts_the_hours_once_per_member(bncost):
    """The example of the issue: with beleid per gemeente, a region of two has twice the hours."""
    who = ("--gemeenten", "Amersfoort,Leusden", "--schaling-beleid", "per_gemeente")
    region = _json(bncost, "regio", *who)
    one = _json(bncost, "estimate", "--gemeente", "Amersfoort", "--schaling-beleid", "per_gemeente")
    beleid = next(a for a in one["taakgebieden"] if a["taakgebied"] == "beleid")
    assert [lid["eigen_uren_per_maand"] for lid in region["leden"]] == [beleid["uren_per_maand"]] * 2


def test_a_year_table_and_the_series_cannot_disagree(bncost, tmp_path):
    """Inhabitants moved between two municipalities of one unit in the 2024 table (the totals still
    match): every command refuses, naming both files and lines, instead of two figures for one year."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    table = data / "gemeenten" / "gemeenten_2024.csv"
    rows = [line.split(",") for line in table.read_text(encoding="utf-8").splitlines()]
    a, b = (next(i for i, r in enumerate(rows) if r[1] == name) for name in ("Amersfoort", "Leusden"))
    rows[a][2], rows[b][2] = str(int(rows[a][2]) + 1000), str(int(rows[b][2]) - 1000)
    table.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    for args in (("estimate", "--gemeente", "Amersfoort", "--jaar", "2024"), ("reeks", "--gemeente", "Amersfoort"), ("validate",)):
        r = bncost(*args, "--data-dir", data)
        assert r.code == 1, (args, r.out, r.err)
        said = r.out + r.err
        assert f"gemeenten_2024.csv:{a + 1}: GM0307 (Amersfoort) 2024" in said and "gemeenten_bevolking_2012_2024.csv:" in said, said


@pytest.mark.parametrize("model", ["regionaal", "landelijk"])
def test_no_figure_of_a_region_rests_on_a_reference_size(bncost, model):
    """Every inhabitants figure in a region's explanation is a member's or the members' sum."""
    r = _json(bncost, "regio", "--eenheid", "Zeeland-West-Brabant", "--model", model, "--uitleg")
    text = json.dumps(r["uitleg"], ensure_ascii=False)
    assert "rekeneenheid" not in text and '"100.000 inwoners"' not in text
