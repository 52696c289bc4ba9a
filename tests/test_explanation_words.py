"""The explanation is generated from the formula tree (output/wording.py): every formula of
domain/formulas.py renders in words, and the numbers it shows are the values the evaluator recorded,
so that computing with the numbers as shown gives the step's value as shown. A data fact changed in
a copy of data/ (the hours per month of a full-time job) shows in every explanation."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burgernet_cost.domain.formulas import FORMULES, Afgerond, In, compute
from burgernet_cost.domain.rounding import quantize
from burgernet_cost.domain.trace import Figuur, Stap, Trace
from burgernet_cost.output import wording as w

NUMBER = re.compile(r"-?(?:€ )?\d[\d.]*(?:,\d+)?")


def parse_numbers(text: str) -> Decimal:
    """'12 × 6,0236 × € 24,7308' (the right side of a formula) computed with Decimal."""
    rounding = re.search(r", afgerond op (\d+) decimalen$", text)
    if rounding:
        text = text[: rounding.start()]

    def number(m: re.Match[str]) -> str:
        return f"D('{m.group(0).replace('€ ', '').replace('.', '').replace(',', '.')}')"

    expr = NUMBER.sub(number, text).replace(" × ", " * ")
    assert re.fullmatch(r"[D()'.\d\s*/+-]+", expr), expr  # nothing but numbers, operators and parentheses
    value = eval(expr, {"D": Decimal})
    return quantize(value, int(rounding.group(1))) if rounding else value


def check(s: Stap) -> str | None:
    """The step's formula text; its numbers give the step's value at the decimals it is shown with."""
    text = w.step_formula(s)
    f = FORMULES[s.formule or ""]
    assert w.formula_words(f)
    if text is None or " = " not in text:  # a sum of one part, or of parts listed below it
        assert isinstance(f.expr, In)
        return text
    words, numbers = text.split(" = ", 1)
    assert words == w.formula_words(f) or isinstance(f.expr, In)
    shown = w.places(s.waarde, s.eenheid) if s.waarde is not None else 0
    assert s.waarde is not None
    assert quantize(parse_numbers(numbers), shown) == quantize(s.waarde, shown), (s.id, text)
    return text


def _results(ds):
    """Steps of many kinds: packages, rates (salary with allowances and cao steps, integral, given),
    the models with the advice amounts of another year, a region under both scalings."""
    from burgernet_cost.data.member_file import Lidinvoer
    from burgernet_cost.domain.compare import compare
    from burgernet_cost.domain.rate import TariefKeuze
    from burgernet_cost.domain.region import region

    yield compare(ds, 54600, "volledig").spoor
    yield compare(ds, 12345, "aanvullend", keuze=TariefKeuze(schaal="8", periodiek=3, toeslagen=("alle",), peildatum="2024-01-01")).spoor
    yield compare(ds, 20000, "basis", keuze=TariefKeuze(kostenbasis="integraal")).spoor
    yield compare(ds, 20000, "basis", keuze=TariefKeuze(uurtarief=Decimal("45.5"))).spoor
    yield compare(ds, 161852, "aanvullend", tarief="advies", keuze=TariefKeuze(peildatum="2024-01-01")).spoor
    members = [Lidinvoer(n, None, i, "test", None, "invoer") for n, i in (("A", 330000), ("B", 63000), ("C", 49500))]
    for how in ("per_inwoner", "per_gemeente"):
        yield region(ds, "r", members, "landelijk", "volledig", schalingen={"beleid": how}).spoor


@pytest.fixture(scope="module")
def recorded(dataset) -> dict[str, list[Stap]]:
    out: dict[str, list[Stap]] = {}
    for spoor in _results(dataset):
        for s in spoor.stappen:
            if s.formule:
                out.setdefault(s.formule, []).append(s)
    return out


def test_every_recorded_step_words_its_formula_with_numbers_that_give_its_value(recorded):
    checked = sum(1 for steps in recorded.values() for s in steps if check(s))
    assert checked > 50


def _units(recorded: dict[str, list[Stap]], naam: str) -> dict[str, str]:
    """The unit each input of a formula is read in (from a recorded step; else a plain number)."""
    steps = recorded.get(naam)
    return {v.naam: v.eenheid for v in steps[0].waarden} if steps else {}


amount = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("500000"), places=4)


@pytest.mark.parametrize("naam", sorted(FORMULES))
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_formula_renders_and_its_numbers_give_the_value_shown(recorded, naam, data):
    """Each declared formula, over random inputs in the units it is used with, some read as data
    figures (shown as written) and some as computed steps (shown by their unit's rule)."""
    f = FORMULES[naam]
    units = _units(recorded, naam)
    trace = Trace()
    given_ins: dict[str, object] = {}
    for name in f.invoer:
        unit = units.get(name, "")
        n = data.draw(st.integers(1, 3)) if name in ("delen", "som_uren", "som_inwoners") else 1
        ids = []
        for k in range(n):
            value = data.draw(amount)
            if unit in ("inwoners", "maanden") or (unit == "" and name not in ("factor",)):
                value = Decimal(int(value) + 1)
            if name == "schaalvoordeel":
                value = quantize(value % 100, 2)
            fid = f"{name}.{k}"
            trace.read(Figuur(fid, "test", value, unit, "test", "gepubliceerd"))
            if data.draw(st.booleans()):  # as a computed step: its value shown by the rule of its unit
                compute(trace, f"{fid}.stap", "totaal", {"delen": [fid]}, eenheid=unit)
                fid = f"{fid}.stap"
            ids.append(fid)
        given_ins[name] = ids if len(ids) > 1 else ids[0]
    compute(trace, "uitkomst", naam, given_ins)  # type: ignore[arg-type]
    s = trace.stappen["uitkomst"]
    check(s)
    if isinstance(f.expr, Afgerond):
        assert w.step_formula(s).endswith(f", afgerond op {f.expr.plaatsen} decimalen")  # type: ignore[union-attr]


def test_the_parser_reads_what_the_words_write():
    assert parse_numbers("12 × 6,0236 × € 24,7308") == 12 * Decimal("6.0236") * Decimal("24.7308")
    assert parse_numbers("(€ 88.000 + € 28.000) / 1.363") == Decimal(116000) / 1363
    assert parse_numbers("€ 0,0327 × 54.600, afgerond op 2 decimalen") == Decimal("1785.42")


def test_a_changed_fact_shows_in_every_explanation(bncost, data_copy, tmp_path):
    """uurloon.uren_per_maand 162,5 instead of the data's value: the text explanation, the JSON
    explanation, the rate's description and the council document show it, with the right quotient."""
    path = data_copy / "salary_scales.yaml"
    text = path.read_text(encoding="utf-8")
    original = re.search(r"^  uren_per_maand: (\S+)$", text, re.M)
    assert original
    path.write_text(text.replace(original.group(0), "  uren_per_maand: 162.5"), encoding="utf-8")
    out = bncost("estimate", "-n", 54600, "--uitleg", "--data-dir", data_copy).out
    data = json.loads(bncost("estimate", "-n", 54600, "--uitleg", "-f", "json", "--data-dir", data_copy).out, parse_float=Decimal)
    rate = data["uurtarief"]["bedrag"]

    def formulas(nodes):
        for n in nodes:
            if n.get("formule"):
                yield n["label"], n["formule"], n["waarde"]
            yield from formulas(n["stappen"])

    found = list(formulas(data["uitleg"]))
    fte = [(label, f) for label, f, _ in found if "/ uren per maand van een fte" in f]
    assert fte and all(f.endswith(" / 162,5") for _, f in fte)
    uurtarief = [f for label, f, _ in found if label == "uurtarief" and " = " in f]
    assert uurtarief and uurtarief[0].endswith(" / 162,5")
    salary = parse_numbers(uurtarief[0].split(" = ")[1].rsplit(" / ", 1)[0])
    assert quantize(salary / Decimal("162.5"), 4) == rate
    assert "/ 162,5]" in out and "162,5 uur/maand" in out and "/ 163" not in out
    assert data["uurtarief"]["omschrijving"].endswith(" / 162,5")
    page = tmp_path / "r.html"
    assert bncost("rapport", "-n", 54600, "-o", page, "--data-dir", data_copy).code == 0
    html = page.read_text(encoding="utf-8")
    # the council page shows the rate to the cent and the figure in its appendix (the formula is --uitleg's)
    assert "162,5 uur/maand" in html and "162,5000" not in html
