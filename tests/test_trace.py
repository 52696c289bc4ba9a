"""The explanation is the recorded trace: every figure the calculation read appears in ``--uitleg``,
and nothing else does (issue "One pipeline"). Checked on the JSON form, which is never shortened."""

from __future__ import annotations

import json
import re

import pytest

from conftest import add_observation


def uitleg_figures(nodes: list[dict]) -> set[str]:
    out: set[str] = set()
    for n in nodes:
        if n["soort"] == "figuur":
            out.add(n["id"])
        out |= uitleg_figures(n["stappen"])
    return out


def read_by(*results) -> set[str]:
    return {f.id for r in results for f in r.spoor.figuren}


@pytest.mark.parametrize("pakket", ["basis", "aanvullend", "volledig"])
def test_estimate_explains_exactly_what_it_read(bncost, dataset, pakket):
    from burgernet_cost.domain.estimate import estimate

    data = json.loads(bncost("estimate", "-n", 54600, "-p", pakket, "--uitleg", "-f", "json").out)
    read = read_by(estimate(dataset, 54600, pakket))
    assert uitleg_figures(data["uitleg"]) == read
    assert {f["id"] for f in data["figuren"]} == read
    observations = {i for i in read if i.startswith("interviews.waarnemingen[")}
    wanted = {"basis", "aanvullend"} if pakket == "volledig" else {pakket}
    expected = {
        f"interviews.waarnemingen[{w.id}].{k}"
        for w in dataset.interviews.waarnemingen
        if w.meegewogen and w.pakket in wanted
        for k in ("uren_per_maand", "inwoners")
    }
    assert observations == expected


@pytest.mark.parametrize(
    "args", [(), ("--tarief", "advies"), ("--tarief", "advies", "-p", "aanvullend"), ("--schaalvoordeel", "20", "-p", "volledig")]
)
def test_compare_explains_every_package(bncost, dataset, args):
    from burgernet_cost.domain.compare import compare

    data = json.loads(bncost("compare-models", *args, "--uitleg", "-f", "json").out)
    pakketten = [v["pakket"] for v in data["vergelijkingen"]]
    tarief = "advies" if "advies" in args else "berekend"
    sv = next(({"landelijk": __import__("decimal").Decimal(args[i + 1])} for i, a in enumerate(args) if a == "--schaalvoordeel"), None)
    results = [compare(dataset, 54600, p, tarief, sv) for p in pakketten]
    assert uitleg_figures(data["uitleg"]) == read_by(*results)
    if "volledig" in pakketten:  # the aanvullend observations are part of volledig (they were missing before)
        assert any("rbc-aanvullend" in i for i in uitleg_figures(data["uitleg"]))


@pytest.mark.parametrize("model", ["regionaal", "landelijk"])
def test_region_explains_its_tariff_and_members(bncost, model):
    data = json.loads(bncost("regio", "--eenheid", "Zeeland", "--model", model, "--uitleg", "-f", "json").out)
    ids = uitleg_figures(data["uitleg"])
    assert {f"leden[{m['code']}].inwoners" for m in data["leden"]} <= ids
    assert any(i.startswith("interviews.waarnemingen[") for i in ids)  # the tariff rests on the observations
    assert any(i.startswith("salary_scales.tabellen[") for i in ids)
    assert ("inrichtingsmodellen.uitvoerders[landelijk].schaalvoordeel.procent" in ids) == (model == "landelijk")


def test_every_recorded_figure_is_reachable_and_has_a_place(dataset):
    from burgernet_cost.domain.compare import compare
    from burgernet_cost.output.explain import figure_ids, tree

    v = compare(dataset, 54600, "volledig", "advies")
    assert figure_ids(tree(v.spoor)) == {f.id for f in v.spoor.figuren}
    for f in v.spoor.figuren:
        assert f.status == "invoer" or (f.plaats and re.search(r"\.(yaml|csv):\d+$", f.plaats) and f.bron), f


def test_a_new_observation_enters_the_explanation(bncost, data_copy):
    add_observation(
        data_copy,
        id="tijdregistratie-x",
        taakgebied="beleid",
        pakket="basis",
        uren_per_maand=10,
        inwoners=20000,
        meegewogen="true",
        status="gepubliceerd",
        bron="{sectie: '4.1.1'}",
    )
    data = json.loads(bncost("estimate", "-n", 1000, "--uitleg", "-f", "json", "--data-dir", data_copy).out)
    ids = uitleg_figures(data["uitleg"])
    assert "interviews.waarnemingen[tijdregistratie-x].uren_per_maand" in ids


def test_text_tree_refers_instead_of_repeating(bncost):
    out = bncost("estimate", "-n", 54600, "--uitleg").out
    assert out.count("[zie hieronder]") >= 2  # the hourly rate, written out once at the end
    assert "per uur  [maandsalaris × factor / uren per maand = € " in out  # how the rate was computed, with its numbers
