"""A fourth organisation model is data only (issue 26, "One meaning, one place").

A copy of data/ gets an executor "provincie" with its own scale advantage and a model "provinciaal"
that names it; no code changes. Every output follows: compare-models (table, json, explanation),
regio --model provinciaal, --schaalvoordeel provincie=…, gevoeligheid, --bandbreedte, the council
document, the workbook (recalculated by the `formulas` package) and Tab completion. The expected
figures come from the data and from the command line's own other results, never from constants.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from burgernet_cost.data.loading import load_dataset

EXECUTOR = """  - id: provincie
    naam: provinciale uitvoerder
    omschrijving: een uitvoerder per provincie, voor alle gemeenten van de provincie
    schaalvoordeel:
      procent: 5
      status: aanname
      toelichting: Een provincie bundelt meer gemeenten dan een regio, minder dan het land.
      bron: {sectie: "5.1"}
      bandbreedte: {laag: 0, hoog: 10, reden: "Tussen regionaal en landelijk."}
"""
MODEL = """  - id: provinciaal
    nummer: 4
    naam: Provinciaal
    omschrijving: Organiseren per provincie
    uitvoering:
      beleid: gemeente
      relatiebeheer_communicatie: provincie
    verrekening: bijdrage_per_inwoner
    verrekening_omschrijving: bijdrage per inwoner aan de provinciale uitvoerder
    status: aanname
    bron: {sectie: "5"}
"""


@pytest.fixture
def provincial(data_copy):
    """data/ with the fourth model: an executor and a model appended to their lists."""
    path = data_copy / "inrichtingsmodellen.yaml"
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\nmodellen:\n")
    models, sep2, tail = rest.partition("\n\n")
    assert sep and sep2
    path.write_text(head.rstrip("\n") + "\n" + EXECUTOR + sep + models + "\n" + MODEL + sep2.lstrip("\n") + "\n" + tail, encoding="utf-8")
    return data_copy


def _json(bncost, *args):
    r = bncost(*args, "-f", "json")
    assert r.code == 0, r.err
    return json.loads(r.out, parse_float=Decimal)


def _percent(data_dir) -> Decimal:
    sv = next(u.schaalvoordeel for u in load_dataset(data_dir).models.uitvoerders if u.id == "provincie")
    assert sv is not None
    return sv.procent


def test_the_data_is_valid(bncost, provincial):
    r = bncost("validate", "--data-dir", provincial)
    assert r.code == 0, r.out + r.err
    assert "provinciale uitvoerder" in r.out + r.err  # its assumption is named, like the national one


def test_compare_models_shows_the_fourth_model_with_its_own_scale_advantage(bncost, provincial):
    data = _json(bncost, "compare-models", "--data-dir", provincial, "-n", "54600", "-p", "basis")
    models = {m["model"]: m for m in data["vergelijkingen"][0]["modellen"]}
    assert list(models) == ["gemeentelijk", "regionaal", "landelijk", "provinciaal"]
    regional, provincial_model = models["regionaal"], models["provinciaal"]
    factor = 1 - _percent(provincial) / 100
    assert provincial_model["bijdrage_per_jaar"] == pytest.approx(regional["bijdrage_per_jaar"] * factor, abs=Decimal("0.01"))
    assert provincial_model["totaal_per_jaar"] == pytest.approx(
        provincial_model["eigen_kosten_per_jaar"] + provincial_model["bijdrage_per_jaar"], abs=Decimal("0.01")
    )
    assert {s["uitvoerder"]: s["procent"] for s in data["schaalvoordelen"]} == {"landelijk": 10, "provincie": _percent(provincial)}
    text = bncost("compare-models", "--data-dir", provincial, "-p", "basis").out
    assert "4. Provinciaal *" in text
    assert "Schaalvoordeel provinciale uitvoerder: 5% (aanname; §5.1)" in text
    assert "Pas aan met --schaalvoordeel provincie=PCT." in " ".join(text.split())


def test_the_explanation_reads_the_provincial_scale_advantage(bncost, provincial):
    text = " ".join(bncost("compare-models", "--data-dir", provincial, "-p", "basis", "--uitleg").out.split())
    assert "4. Provinciaal: totaal per jaar" in text
    assert "schaalvoordeel provinciale uitvoerder: 5%" in text


def test_the_option_sets_one_executor_and_refuses_what_it_cannot_mean(bncost, provincial):
    base = ("compare-models", "--data-dir", provincial, "-n", "54600", "-p", "basis")
    default = {m["model"]: m for m in _json(bncost, *base)["vergelijkingen"][0]["modellen"]}
    mine = {m["model"]: m for m in _json(bncost, *base, "--schaalvoordeel", "provincie=0")["vergelijkingen"][0]["modellen"]}
    assert mine["provinciaal"]["totaal_per_jaar"] == default["regionaal"]["totaal_per_jaar"]
    assert mine["landelijk"] == default["landelijk"]
    ambiguous = bncost(*base, "--schaalvoordeel", "3")
    assert ambiguous.code == 2 and "landelijk=PCT of provincie=PCT" in ambiguous.err
    unknown = bncost(*base, "--schaalvoordeel", "gemeente=3")
    assert unknown.code == 2 and "kies uit: landelijk, provincie" in unknown.err


def test_regio_takes_any_model_the_data_declares(bncost, provincial):
    data = _json(bncost, "regio", "--data-dir", provincial, "--eenheid", "Zeeland", "--model", "provinciaal")
    compared = _json(bncost, "compare-models", "--data-dir", provincial, "-n", str(data["inwoners"]), "-p", "basis")
    assert data["model"] == "provinciaal"
    assert sum(m["bijdrage_per_jaar"] for m in data["leden"]) == data["uitvoerder"]["budget_per_jaar"]
    rate = next(m for m in compared["vergelijkingen"][0]["modellen"] if m["model"] == "provinciaal")["tarief_per_inwoner_per_jaar"]
    assert data["tarief_per_inwoner_per_jaar"] == pytest.approx(rate, abs=Decimal("0.0001"))
    # a bare percentage means the one executor of this model with a scale advantage
    assert bncost("regio", "--data-dir", provincial, "--eenheid", "Zeeland", "--model", "provinciaal", "--schaalvoordeel", "3").code == 0
    wrong = bncost("regio", "--data-dir", provincial, "--eenheid", "Zeeland", "--model", "provinciaal", "--schaalvoordeel", "landelijk=3")
    assert wrong.code == 2 and "geldt alleen voor Landelijk" in wrong.err
    none = bncost("regio", "--data-dir", provincial, "--eenheid", "Zeeland", "--model", "gemeentelijk")
    assert none.code == 2 and "kies uit regionaal, landelijk, provinciaal" in none.err
    title = bncost("regio", "--data-dir", provincial, "--eenheid", "Zeeland", "--model", "provinciaal").out.splitlines()[0]
    assert title.startswith("Provinciaal model: politie-eenheid Zeeland")


def test_gevoeligheid_and_ranges_follow(bncost, provincial):
    data = _json(bncost, "gevoeligheid", "--data-dir", provincial, "-n", "54600")
    assert "provinciaal_per_jaar" in data and "landelijk_per_jaar" in data
    rows = {r["id"]: r for r in data["aannames"]}
    assert rows["schaalvoordeel_provincie"]["uitslag_provinciaal"] > 0
    assert rows["schaalvoordeel_provincie"]["uitslag_landelijk"] == 0
    band = _json(bncost, "compare-models", "--data-dir", provincial, "-p", "basis", "--bandbreedte")
    assert "Schaalvoordeel provinciaal" in band["bandbreedte_omvat"]


def test_the_council_document_and_the_workbook_follow(bncost, provincial, tmp_path):
    page = tmp_path / "a.html"
    assert bncost("rapport", "--data-dir", provincial, "--gemeente", "Amersfoort", "-o", page).code == 0
    html = page.read_text(encoding="utf-8")
    assert "Provinciaal" in html and "provinciale uitvoerder" in html
    formulas = pytest.importorskip("formulas")
    pytest.importorskip("xlsxwriter")
    import openpyxl

    book = tmp_path / "a.xlsx"
    assert bncost("rapport", "--data-dir", provincial, "--gemeente", "Amersfoort", "-o", book).code == 0
    names = {n: d.attr_text for n, d in openpyxl.load_workbook(book).defined_names.items()}
    assert "Schaalvoordeel_provincie" in names and "Schaalvoordeel_landelijk" in names
    solution = formulas.ExcelModel().loads(str(book)).finish().calculate()
    for pakket in ("basis", "volledig"):
        cmp = _json(bncost, "compare-models", "--data-dir", provincial, "--gemeente", "Amersfoort", "-p", pakket)
        for m in cmp["vergelijkingen"][0]["modellen"]:
            sheet, cell = names[f"Totaal_{m['model']}_{pakket}"].lstrip("=").split("!")
            got = solution[f"'[{book.name}]{sheet.strip(chr(39)).upper()}'!{cell.replace('$', '')}"].value[0][0]
            assert Decimal(str(got)) == pytest.approx(m["totaal_per_jaar"], abs=Decimal("0.005")), (m["model"], pakket)


def test_tab_offers_the_data_s_models_and_scale_advantages(provincial):
    from burgernet_cost.cli import completion

    class Ctx:
        info_name = "regio"
        params = {"data_dir": str(provincial), "model": "provinciaal"}
        parent = None

    assert [v for v, _ in completion.model(Ctx(), "")] == ["regionaal", "landelijk", "provinciaal"]
    assert [v for v, _ in completion.schaalvoordeel(Ctx(), "")] == ["provincie=5"]  # only the chosen model's executor
    Ctx.info_name = "compare-models"
    assert [v for v, _ in completion.schaalvoordeel(Ctx(), "")] == ["landelijk=10", "provincie=5"]


def test_an_id_that_cannot_be_a_workbook_name_is_refused(bncost, provincial):
    """An executor's or model's id becomes a defined name in the workbook and a word of
    --schaalvoordeel ID=PCT: a hyphen or a dot would give #NAME? in Excel, so the data is refused."""
    path = provincial / "inrichtingsmodellen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("provincie", "prov-noord"), encoding="utf-8")
    r = bncost("compare-models", "--data-dir", provincial)
    assert r.code == 1 and "inrichtingsmodellen.yaml:" in r.err and "uitvoerders[3].id: id 'prov-noord'" in r.err


def test_the_library_refuses_what_the_command_line_refuses(provincial):
    from burgernet_cost import api
    from burgernet_cost.errors import UsageProblem

    with pytest.raises(UsageProblem, match="gaan over dezelfde waarde"):
        api.compare(
            pakket="basis",
            data=provincial,
            schaalvoordeel={"provincie": 5},
            set_=["inrichtingsmodellen.uitvoerders[provincie].schaalvoordeel.procent=8"],
        )
    got = api.compare(pakket="basis", data=provincial, schaalvoordeel={"provincie": 0})
    totals = {m.model: m.totaal for m in got.modellen}
    assert totals["provinciaal"] == totals["regionaal"]
