"""The workbook computes what the command line computes, by construction (its formulas are generated
from domain/formulas.py): a matrix of options, each workbook evaluated in Python by the `formulas`
package; LibreOffice recalculates the same matrix in one run in test_real_programs.py."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

formulas = pytest.importorskip("formulas")
pytest.importorskip("xlsxwriter")

from workbook_matrix import MATRIX, MEMBER_FILE, REGION, estimate_args  # noqa: E402


def _names(path) -> dict[str, str]:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    return {n: wb.defined_names[n].attr_text for n in wb.defined_names}


def _evaluate(path) -> dict[str, Decimal]:
    """Every named total of the workbook, as the `formulas` package calculates it."""
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    out = {}
    for name, ref in _names(path).items():
        if not name.startswith("Totaal_"):
            continue
        sheet, cell = ref.lstrip("=").split("!")
        value = solution.get(f"'[{path.name}]{sheet.strip(chr(39)).upper()}'!{cell.replace('$', '')}")
        if value is not None:
            out[name] = Decimal(str(value.value[0][0]))
    return out


@pytest.mark.parametrize("args", MATRIX, ids=lambda a: " ".join(a))
def test_the_workbook_evaluates_to_the_command_line(bncost, tmp_path, args):
    path = tmp_path / "werkmap.xlsx"
    r = bncost("rapport", *args, "-o", path)
    assert r.code == 0, r.err
    got = _evaluate(path)
    rest = estimate_args(args)
    for pakket in ("basis", "volledig"):
        est = json.loads(bncost("estimate", *rest, "-p", pakket, "-f", "json").out, parse_float=Decimal)
        assert got[f"Totaal_kosten_{pakket}"] == pytest.approx(est["totaal"]["kosten_per_jaar"], abs=Decimal("0.005"))
        cmp = json.loads(bncost("compare-models", *args, "-p", pakket, "-f", "json").out, parse_float=Decimal)
        for m in cmp["vergelijkingen"][0]["modellen"]:
            assert got[f"Totaal_{m['model']}_{pakket}"] == pytest.approx(m["totaal_per_jaar"], abs=Decimal("0.005")), m["model"]


@pytest.mark.parametrize("option", ["--gemeenten", "--bestand"])
def test_a_regions_workbook_evaluates_to_regio(bncost, tmp_path, option):
    """A region by names and the same region from a member file: each member's contribution."""
    value = REGION
    if option == "--bestand":
        value = str(tmp_path / "leden.csv")
        (tmp_path / "leden.csv").write_text(MEMBER_FILE, encoding="utf-8")
    path = tmp_path / "regio.xlsx"
    assert bncost("rapport", option, value, "-o", path).code == 0
    import openpyxl

    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    sheet = openpyxl.load_workbook(path)["Leden"]
    for column, pakket in ((4, "basis"), (5, "volledig")):
        regio = json.loads(bncost("regio", option, value, "-p", pakket, "-f", "json").out, parse_float=Decimal)
        by_name = {m["gemeente"]: m["bijdrage_per_jaar"] for m in regio["leden"]}
        found = 0
        for row in sheet.iter_rows(min_row=1):
            name = row[0].value
            if name in by_name:
                got = solution[f"'[{path.name}]LEDEN'!{row[column].coordinate}"].value[0][0]
                assert Decimal(str(got)) == pytest.approx(by_name[name], abs=Decimal("0.005")), (name, pakket)
                found += 1
        assert found == len(by_name) == 3


def test_an_edited_input_cell_recalculates_to_the_command_line(bncost, tmp_path):
    """A user types other inhabitants into the yellow input cell: the workbook computes what
    `estimate --inwoners` computes for them (its formulas are the declarations, not a copy)."""
    import openpyxl

    path = tmp_path / "werkmap.xlsx"
    assert bncost("rapport", "--inwoners", "54600", "-o", path).code == 0
    wb = openpyxl.load_workbook(path)
    sheet, cell = wb.defined_names["Inwoners"].attr_text.lstrip("=").split("!")
    wb[sheet.strip("'")][cell.replace("$", "")] = 75000
    edited = tmp_path / "bewerkt.xlsx"
    wb.save(edited)
    got = _evaluate(edited)
    for pakket in ("basis", "volledig"):
        est = json.loads(bncost("estimate", "--inwoners", "75000", "-p", pakket, "-f", "json").out, parse_float=Decimal)
        assert got[f"Totaal_kosten_{pakket}"] == pytest.approx(est["totaal"]["kosten_per_jaar"], abs=Decimal("0.005"))


def _value(solution, path, name: str, ref: str) -> Decimal:
    sheet, cell = ref.lstrip("=").split("!")
    return Decimal(str(solution[f"'[{path.name}]{sheet.strip(chr(39)).upper()}'!{cell.replace('$', '')}"].value[0][0]))


@pytest.mark.parametrize("schaling", ["per_inwoner", "per_gemeente"])
def test_a_members_inhabitants_cell_is_the_one_source_of_the_regions_inhabitants(bncost, tmp_path, schaling):
    """Editing one member's inhabitants (sheet Leden) recalculates every sheet to what the command
    line says for the edited member list, under either scaling of the policy hours: the region's
    inhabitants and its number of municipalities on Invoer come from the members, and the package
    hours, the executor's budget and each member's contribution follow."""
    import openpyxl

    path = tmp_path / "regio.xlsx"
    choice = ("--schaling-beleid", schaling)
    assert bncost("rapport", "--gemeenten", REGION, *choice, "-o", path).code == 0
    wb = openpyxl.load_workbook(path)
    for name, formula in (("Inwoners", "=SUM(Leden_Inwoners)"), ("Gemeenten", "=ROWS(Leden_Inwoners)")):
        sheet, cell = wb.defined_names[name].attr_text.lstrip("=").split("!")
        assert wb[sheet.strip("'")][cell.replace("$", "")].value == formula  # computed from the members, not a second number
    leden = wb["Leden"]
    names = [n.strip() for n in REGION.split(",")]
    rows = {row[0].value: row for row in leden.iter_rows(min_row=1) if row[0].value in names}
    members = {name: int(rows[name][2].value) for name in names}
    edited_name = names[-1]
    members[edited_name] += 12345
    rows[edited_name][2].value = members[edited_name]
    edited = tmp_path / "bewerkt.xlsx"
    wb.save(edited)
    solution = formulas.ExcelModel().loads(str(edited)).finish().calculate()
    named = _names(edited)
    assert _value(solution, edited, "Inwoners", named["Inwoners"]) == sum(members.values())
    assert _value(solution, edited, "Gemeenten", named["Gemeenten"]) == len(members)
    member_file = tmp_path / "leden.csv"
    member_file.write_text("gemeente;inwoners\n" + "".join(f"{n};{i}\n" for n, i in members.items()), encoding="utf-8")
    for column, pakket in ((4, "basis"), (5, "volledig")):
        regio = json.loads(bncost("regio", "--bestand", member_file, *choice, "-p", pakket, "-f", "json").out, parse_float=Decimal)
        hours = sum((m["eigen_uren_per_maand"] for m in regio["leden"]), regio["uitvoerder"]["uren_per_maand"])
        got = _value(solution, edited, "", named[f"Totaal_uren_{pakket}"])
        assert got == pytest.approx(hours, abs=Decimal("0.001")), pakket  # every member's hours: its own and the executor's
        budget = _value(solution, edited, "", named[f"Budget_{pakket}"])
        assert budget == pytest.approx(regio["uitvoerder"]["budget_per_jaar"], abs=Decimal("0.005"))
        for m in regio["leden"]:
            got = solution[f"'[{edited.name}]LEDEN'!{rows[m['gemeente']][column].coordinate}"].value[0][0]
            assert Decimal(str(got)) == pytest.approx(m["bijdrage_per_jaar"], abs=Decimal("0.005")), m["gemeente"]
