"""Each formula once (domain/formulas.py): evaluated with Decimal, written for a spreadsheet, and the
steps of a result are exactly what the declarations compute over the inputs the trace recorded."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from burgernet_cost.domain.formulas import FORMULES

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=4)


def test_the_spreadsheet_text_of_each_formula():
    f = FORMULES
    assert (
        f["kosten_per_jaar"].excel({"maanden": "MaandenPerJaar", "uren": "C5", "uurtarief": "Uurtarief"}) == "=MaandenPerJaar*C5*Uurtarief"
    )
    assert f["uren_per_maand.pakket"].excel({"som_uren": "B2", "inwoners": "Inwoners", "som_inwoners": "B3"}) == "=B2*Inwoners/B3"
    assert f["lid.bijdrage"].excel({"tarief": "Tarief", "inwoners": "C7"}) == "=ROUND(Tarief*C7,2)"
    assert f["tarief_na_schaalvoordeel"].excel({"tarief": "T", "schaalvoordeel": "S"}) == "=T*(1-S/100)"
    assert f["uurtarief.integraal"].excel({"loonkosten": "L", "overhead": "O", "productieve_uren": "P"}) == "=(L+O)/P"
    assert f["model.totaal"].excel({"eigen_kosten": "A", "bijdrage": "B"}) == "=A+B"


@given(money, money, money)
def test_cost_is_linear_and_per_inhabitant_undoes_it(uren, tarief, n):
    f = FORMULES
    kosten = f["kosten_per_jaar"].evaluate({"maanden": 12, "uren": uren, "uurtarief": tarief})
    assert kosten == 12 * uren * tarief
    assert f["per_inwoner"].evaluate({"kosten": kosten, "inwoners": n}) == kosten / n
    assert f["lid.bijdrage"].evaluate({"tarief": tarief, "inwoners": n}) == (tarief * n).quantize(Decimal("0.01"))


def test_every_step_of_a_result_is_a_declared_formula_over_its_recorded_inputs(dataset):
    """The estimate's and the models' steps of a formula kind hold exactly the declaration's value."""
    from burgernet_cost.domain.compare import compare

    result = compare(dataset, 54600, "volledig")
    steps = {s.id: s for s in result.spoor.stappen}
    checked = 0
    for s in result.spoor.stappen:
        if s.soort == "kosten_per_jaar":
            p = s.p
            assert s.waarde == FORMULES["kosten_per_jaar"].evaluate(
                {"maanden": p["maanden"], "uren": p["uren"], "uurtarief": p["uurtarief"]}
            )
            checked += 1
        if s.soort == "fte":
            assert s.waarde == FORMULES["fte"].evaluate({"uren": steps[s.invoer[0]].waarde, "uren_per_fte": s.p["uren_per_fte"]})
            checked += 1
    assert checked >= 4
