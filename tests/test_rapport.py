"""``bncost rapport``: the HTML page and the workbook, read back (issue "Documents for the council").

The real programs (Chromium, LibreOffice) are in ``test_real_programs.py``; here the files are
parsed: the page's structure, its numbers against ``estimate``/``compare-models``, that it loads
nothing; the workbook's formulas, names, input cells and sheets.
"""

from __future__ import annotations

import importlib.util
import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from burgernet_cost.output import numbers as money

openpyxl = pytest.importorskip("openpyxl")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def amersfoort(tmp_path_factory):
    from burgernet_cost.cli import main

    folder = tmp_path_factory.mktemp("rapport")
    for suffix in ("html", "xlsx"):
        assert main(["rapport", "--gemeente", "Amersfoort", "--uitvoer", str(folder / f"amersfoort.{suffix}")]) == 0
    return folder


def test_the_page_is_self_contained_and_loads_nothing(amersfoort):
    page = _page(amersfoort / "amersfoort.html")
    csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")
    for tag, attrs in page.tags:
        for key in ("src", "href", "xlink:href", "data", "action"):
            value = attrs.get(key) or ""
            # only links within the page, and a source on the web that a reader may follow (a link loads nothing)
            assert not value or value.startswith("#") or (tag == "a" and key == "href" and value.startswith("https://")), (tag, key, value)
        assert tag not in ("script", "link", "iframe", "img", "object")
    svgs = [a for t, a in page.tags if t == "svg"]
    assert len(svgs) >= 2 and all(a.get("role") == "img" and a.get("aria-labelledby") for a in svgs)
    assert sum(1 for t, _ in page.tags if t == "title") == 1 + len(svgs)  # the page's and one per chart
    assert ("html", {"lang": "nl"}) in page.tags


def test_the_page_says_what_estimate_and_compare_models_say(bncost, amersfoort):
    text = " ".join(_page(amersfoort / "amersfoort.html").text)
    for pakket in ("basis", "volledig"):
        est = json.loads(bncost("estimate", "--gemeente", "Amersfoort", "-p", pakket, "-f", "json").out, parse_float=Decimal)
        assert money.euro(est["totaal"]["kosten_per_jaar"]) in text
        cmp = json.loads(bncost("compare-models", "--gemeente", "Amersfoort", "-p", pakket, "-f", "json").out, parse_float=Decimal)
        for model in cmp["vergelijkingen"][0]["modellen"]:
            assert money.euro(model["totaal_per_jaar"]) in text, model["model"]
    headings = (
        "Samenvatting",
        "Hoe zeker",
        "Wat veranderde na 2014",
        "Kosten per taakgebied",
        "De drie inrichtingsmodellen",
        "Hoe zeker: de aannames één voor één",
        "Over de jaren",
        "Kosten naar gemeentegrootte",
        "Bijlage: toelichting, aannames en bronnen",
    )
    positions = [text.index(h) for h in headings]
    assert positions[:3] == sorted(positions[:3]) and positions[-1] == max(positions)  # summary first, the appendix last
    assert "vingerafdruk" in text and "meegeleverde data (bncost " in text


def test_every_note_stands_once_in_the_appendix_and_every_reference_resolves(amersfoort):
    page = _page(amersfoort / "amersfoort.html")
    ids = [a["id"] for _t, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    links = {a["href"][1:] for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("#")}
    assert links and links <= set(ids), links - set(ids)
    notes = [a["id"] for t, a in page.tags if t == "li" and (a.get("id") or "").startswith("noot-")]
    assert notes == [f"noot-{n}" for n in range(1, len(notes) + 1)] and {f"noot-{n}" for n in range(1, len(notes) + 1)} <= links
    html = (amersfoort / "amersfoort.html").read_text(encoding="utf-8")
    appendix = html[html.index('id="bijlage"') :]
    assert appendix.count("aanname</span>") >= 2 and "§4.1.1" in appendix  # statuses and sources, in words
    body = appendix[: appendix.index('id="opnieuw"')]
    assert "interviews.yaml" not in body and "--uitleg" in appendix[appendix.index('id="opnieuw"') :]  # the places: estimate --uitleg


def test_the_workbook_computes_with_formulas_from_its_inputs(amersfoort):
    wb = openpyxl.load_workbook(amersfoort / "amersfoort.xlsx")
    assert wb.sheetnames == ["Invoer", "Berekening", "Modellen", "Reeks", "Bronnen"]
    names = set(wb.defined_names.keys())
    assert {
        "Inwoners",
        "Uurtarief",
        "Maandsalaris",
        "UrenPerMaand",
        "MaandenPerJaar",
        "Schaalvoordeel_landelijk",
        "Totaal_kosten_basis",
        "Totaal_landelijk_volledig",
        "W_Uren",
    } <= names
    calc = wb["Berekening"]
    formulas = [c.value for row in calc.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert any("Inwoners" in f and "SUMIFS(W_Uren" in f for f in formulas)
    assert any("MaandenPerJaar*" in f and "*Uurtarief" in f for f in formulas)
    inv = wb["Invoer"]
    sheet, ref = next(iter(wb.defined_names["Inwoners"].destinations))
    cell = wb[sheet][ref.replace("$", "")]
    assert cell.protection.locked is False and cell.fill.fgColor.rgb.endswith("FFF2CC")  # an input: yellow, not locked
    assert inv.protection.sheet and inv.freeze_panes == "A5"
    rate_sheet, rate_ref = next(iter(wb.defined_names["Uurtarief"].destinations))
    assert wb[rate_sheet][rate_ref.replace("$", "")].value == "=Maandsalaris*Toeslagfactor/UrenPerMaand"
    models = wb["Modellen"]
    assert any(isinstance(c.value, str) and "(1-Schaalvoordeel_landelijk/100)" in c.value for row in models.iter_rows() for c in row)


def test_a_region_gets_a_members_sheet_and_chart(bncost, tmp_path):
    r = bncost("rapport", "--eenheid", "Oost-Brabant", "--uitvoer", tmp_path / "ob.xlsx")
    assert r.code == 0, r.err
    wb = openpyxl.load_workbook(tmp_path / "ob.xlsx")
    assert wb.sheetnames == ["Invoer", "Berekening", "Modellen", "Leden", "Reeks", "Bronnen"]
    leden = wb["Leden"]
    values = [row for row in leden.iter_rows(min_row=4, values_only=True) if row[0]]
    assert values[-1][0] == "Totaal" and str(values[-1][4]).startswith("=SUM(")
    assert all(str(row[4]).startswith("=ROUND(") for row in values[:-1])
    regio = json.loads(bncost("regio", "--eenheid", "Oost-Brabant", "-f", "json").out)
    assert len(values) - 1 == len(regio["leden"])
    assert bncost("rapport", "--eenheid", "Oost-Brabant", "--uitvoer", tmp_path / "ob.html").code == 0
    text = (tmp_path / "ob.html").read_text(encoding="utf-8")
    assert "Bijdrage per gemeente en de regionale uitvoerder" in text and 'aria-labelledby="leden-basis-t' in text
    assert money.euro(Decimal(str(regio["uitvoerder"]["budget_per_jaar"]))) in text
    summary = text[text.index('<section class="summary"') : text.index("</section>")]
    assert "Basispakket: de uitvoerder heeft" in summary and "de gemeente bemant zelf" not in summary


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--gemeente", "Amersfoort"], 2, "de optie --uitvoer ontbreekt"),
        (["--gemeente", "Amersfoort", "-o", "x.pdf"], 2, "uit de extensie .pdf volgt geen formaat"),
        (["--gemeente", "Amersfoort", "--eenheid", "Limburg", "-o", "x.html"], 2, "kies één gemeente"),
        (["--eenheid", "Limburg", "--veiligheidsregio", "Utrecht", "-o", "x.html"], 2, "kies één gemeente"),
        (["--alle", "--inwoners", "5000", "-o", "x.html"], 2, "kies één gemeente"),
        (["-o", "x.html"], 2, "de optie --inwoners ontbreekt"),
        (["--gemeente", "Amersfoort", "-o", "-", "-f", "xlsx"], 2, "een werkmap gaat naar een bestand"),
        (["--gemeente", "Atlantis", "-o", "x.html"], 2, "onbekende gemeente"),
        (["--gemeente", "Amersfoort", "-o", "nergens/x.html"], 2, "de map van nergens/x.html bestaat niet"),
    ],
)
def test_mistakes_get_one_dutch_line(bncost, tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    r = bncost("rapport", *args)
    assert r.code == code and message in r.err and len(r.err.splitlines()) == 1, r.err
    assert list(tmp_path.iterdir()) == []


def test_without_the_workbook_library_the_message_gives_the_install_command(bncost, tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "xlsxwriter" else real(name, *a))
    r = bncost("rapport", "-n", 5000, "-o", tmp_path / "x.xlsx")
    assert r.code == 1 and "xlsxwriter" in r.err and "pip install 'XlsxWriter>=3.1'" in r.err
    assert list(tmp_path.iterdir()) == []
    assert bncost("rapport", "-n", 5000, "-o", tmp_path / "x.html").code == 0  # the page needs no extra library


def test_html_to_standard_output_and_the_format_option(bncost, tmp_path):
    r = bncost("rapport", "-n", 54600, "-o", "-", "-f", "html", "-p", "basis")
    assert r.code == 0 and r.out.startswith("<!DOCTYPE html>")
    est = json.loads(bncost("estimate", "-n", 54600, "-p", "basis", "-f", "json").out, parse_float=Decimal)
    assert money.euro(est["totaal"]["kosten_per_jaar"]) in r.out  # the report's reference municipality, from the data
    assert bncost("rapport", "-n", 54600, "-o", tmp_path / "rapport", "-f", "xlsx").code == 0
    assert (tmp_path / "rapport").read_bytes()[:2] == b"PK"


def test_only_rapport_imports_the_chart_and_workbook_libraries():
    """In a fresh interpreter (the test process has imported them already)."""
    import subprocess
    import sys

    probe = (
        "import sys; from burgernet_cost.cli import main; main(sys.argv[1:]); "
        "sys.stderr.write(repr(sorted(m for m in ('matplotlib', 'xlsxwriter', 'numpy') if m in sys.modules)))"
    )
    for args in (["--help"], ["estimate", "-n", "5000"], ["compare-models", "--bandbreedte"], ["reeks", "--gemeente", "Utrecht"]):
        r = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0 and r.stderr.endswith("[]"), (args, r.stderr[-300:])


def test_the_documents_carry_the_sensitivity_and_the_series(bncost, amersfoort):
    page = (amersfoort / "amersfoort.html").read_text(encoding="utf-8")
    assert 'aria-labelledby="gevoeligheid-t' in page and 'aria-labelledby="reeks-t' in page
    series = json.loads(bncost("reeks", "--gemeente", "Amersfoort", "-f", "json").out, parse_float=Decimal)["jaren"]
    for row in series:
        assert money.euro(row["kosten_per_jaar"]) in page
    sens = json.loads(bncost("gevoeligheid", "--gemeente", "Amersfoort", "-f", "json").out, parse_float=Decimal)["aannames"]
    for row in sens:
        assert money.euro(row["uitslag_per_jaar"]) in page
    wb = openpyxl.load_workbook(amersfoort / "amersfoort.xlsx")
    years = [r[0] for r in wb["Reeks"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert years == [r["jaartal"] for r in series]
    assert str(wb["Reeks"]["G4"].value).startswith("=MaandenPerJaar*")


def test_the_summary_says_how_sure_with_the_range_of_estimate(bncost, amersfoort):
    page = (amersfoort / "amersfoort.html").read_text(encoding="utf-8")
    band = {
        r["figuur"]: r
        for r in json.loads(bncost("estimate", "--gemeente", "Amersfoort", "--bandbreedte", "-f", "json").out, parse_float=Decimal)[
            "bandbreedte"
        ]
    }["totaal.kosten"]
    summary = re.sub(r"<[^>]+>", "", page[page.index('<section class="summary"') : page.index("</section>")])
    assert f"tussen {money.euro(band['laag'])} en {money.euro(band['hoog'])} per jaar" in summary
    bases = {
        k: json.loads(bncost("estimate", "--gemeente", "Amersfoort", *k.split(), "-f", "json").out, parse_float=Decimal)
        for k in ("--toeslagen alle", "--kostenbasis integraal")
    }
    for option, est in bases.items():  # the cost-basis alternatives stand beside the band, in words
        words = {"--toeslagen alle": "met alle toeslagen", "--kostenbasis integraal": "met integrale kosten"}[option]
        assert re.search(rf"{words} \([^)]*\): {re.escape(money.euro(est['totaal']['kosten_per_jaar']))}", summary), option
    # the small table: low, standard, high, each with the amount of estimate --bandbreedte
    rows = re.findall(r"<tr><th scope=\"row\"[^>]*>(Laag|Standaard|Hoog)</th><td[^>]*>([^<]+)</td>", page)
    assert rows == [
        ("Laag", money.euro(band["laag"])),
        ("Standaard", money.euro(band["standaard"])),
        ("Hoog", money.euro(band["hoog"])),
    ], rows


def test_every_sheet_is_protected_and_rows_fit_their_wrapped_text(bncost, tmp_path):
    assert bncost("rapport", "--gemeente", "Amersfoort", "--jaar", "2024", "-o", tmp_path / "a.xlsx").code == 0
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert all(ws.protection.sheet for ws in wb), [ws.title for ws in wb if not ws.protection.sheet]
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    assert c.protection.locked, (ws.title, c.coordinate)  # a formula is never an input
    inv = wb["Invoer"]
    from openpyxl.utils import get_column_letter

    def width(col: int) -> float:
        return inv.column_dimensions[get_column_letter(col)].width or 8.43

    spans = {(m.min_row, m.min_col): sum(width(c) for c in range(m.min_col, m.max_col + 1)) for m in inv.merged_cells.ranges}
    for row in inv.iter_rows(min_row=2, max_row=20):
        longest = max(
            (len(str(c.value)) / spans.get((c.row, c.column), width(c.column)) for c in row if isinstance(c.value, str)), default=0
        )
        if longest > 1.5:  # text wider than its column wraps: the row must be taller than one line
            assert (inv.row_dimensions[row[0].row].height or 15) >= 30, (row[0].value, longest)


def test_invoer_takes_source_and_status_from_the_data(bncost, tmp_path):
    """One source of truth: each input with a place in the data has that figure's source and
    status (a value computed from several figures is afgeleid and names them)."""
    args = ("--gemeente", "Amersfoort", "--jaar", "2024")
    assert bncost("rapport", *args, "-o", tmp_path / "a.xlsx").code == 0
    figures = json.loads(bncost("estimate", *args, "-f", "json").out)["figuren"]
    figures += json.loads(bncost("compare-models", *args, "-f", "json").out)["figuren"]
    inv = openpyxl.load_workbook(tmp_path / "a.xlsx")["Invoer"]
    checked = {}
    for label, _v, _u, bron, status, _note, place in inv.iter_rows(min_row=5, max_row=20, max_col=7, values_only=True):
        if label is None:
            break  # the end of the inputs; the observations follow
        if not place:
            continue
        f = next(f for f in figures if f["plaats"] and f["plaats"].replace("\\", "/").endswith("/" + place))
        if status == "afgeleid":
            assert bron.startswith(f["bron"]) and "cao-verhogingen" in bron, label
        else:
            assert (bron, status) == (f["bron"], f["status"]), label
        checked[label] = status
    assert checked["Maandsalaris (op prijspeil)"] == "afgeleid"  # the 2019 table raised by the cao steps up to 2024
    assert checked["Schaling relatiebeheer & communicatie"] == next(
        f["status"] for f in figures if f["id"] == "interviews.schalingen[1].standaard"
    )


def test_the_members_own_columns_reach_the_leden_sheet(bncost, tmp_path):
    members = tmp_path / "leden.csv"
    members.write_bytes(b"Gemeente;INWONERS;Contactpersoon;Kostenplaats\r\nUtrecht;374.238;J. de Vries;4711\r\nZeist;;A. Bakker;\r\n")
    assert bncost("rapport", "--bestand", members, "-o", tmp_path / "r.xlsx").code == 0
    leden = openpyxl.load_workbook(tmp_path / "r.xlsx")["Leden"]
    rows = list(leden.iter_rows(min_row=3, values_only=True))
    head = list(rows[0])
    assert head[-2:] == ["Contactpersoon", "Kostenplaats"]
    assert rows[1][head.index("Contactpersoon")] == "J. de Vries" and rows[1][head.index("Kostenplaats")] == "4711"
    assert rows[2][head.index("Contactpersoon")] == "A. Bakker"
    assert all(not str(c).startswith("/") for r in rows for c in r if c)


def test_one_document_per_member_and_an_index(bncost, tmp_path):
    r = bncost("rapport", "--per-gemeente", "--gemeenten", "Utrecht,Zeist", "--uitvoer", tmp_path / "map")
    assert r.code == 0 and r.err == "", r.err  # no progress line when standard error is not a terminal
    assert sorted(p.name for p in (tmp_path / "map").iterdir()) == ["index.html", "utrecht.html", "zeist.html"]
    regio = json.loads(bncost("regio", "--gemeenten", "Utrecht,Zeist", "-f", "json").out, parse_float=Decimal)
    for lid in regio["leden"]:
        page = (tmp_path / "map" / f"{lid['gemeente'].lower()}.html").read_text(encoding="utf-8")
        summary = re.sub(r"<[^>]+>", "", page[page.index('<section class="summary"') : page.index("</section>")])
        assert f"{lid['gemeente']} betaalt {money.euro(lid['bijdrage_per_jaar'])} per jaar" in summary
        assert money.euro(regio["uitvoerder"]["budget_per_jaar"]) in summary
        est = json.loads(bncost("estimate", "--gemeente", lid["gemeente"], "-f", "json").out, parse_float=Decimal)
        assert money.euro(est["totaal"]["kosten_per_jaar"]) in summary
    index = _page(tmp_path / "map" / "index.html")
    assert [a["href"] for t, a in index.tags if t == "a"] == ["utrecht.html", "zeist.html"]
    r = bncost("rapport", "--per-gemeente", "--gemeenten", "Utrecht,Zeist", "-f", "xlsx", "-o", tmp_path / "werkmappen")
    assert r.code == 0, r.err
    wb = openpyxl.load_workbook(tmp_path / "werkmappen" / "zeist.xlsx")
    assert "Bijdrage_regionaal_basis" in wb.defined_names and wb["Invoer"]["B5"].value == regio["leden"][1]["inwoners"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--per-gemeente", "--gemeente", "Utrecht", "-o", "map"], "--per-gemeente hoort bij één regio"),
        (["--per-gemeente", "--gemeenten", "Utrecht", "-o", "bestaat.html"], "is geen map"),
        (["--per-gemeente", "--gemeenten", "Utrecht", "-o", "nergens/map"], "de map boven nergens/map bestaat niet"),
    ],
)
def test_per_member_mistakes_get_one_dutch_line(bncost, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bestaat.html").write_text("x")
    r = bncost("rapport", *args)
    assert r.code == 2 and message in r.err and len(r.err.splitlines()) == 1, r.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestaat.html"]


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_per_member_shows_progress_on_a_terminal_only(tmp_path):
    import os
    import subprocess
    import sys

    master, slave = os.openpty()
    args = [sys.executable, "-m", "burgernet_cost", "rapport", "--per-gemeente", "--gemeenten", "Utrecht,Zeist", "-o", str(tmp_path / "m")]
    r = subprocess.run(args, stderr=slave, stdout=subprocess.DEVNULL, timeout=300)
    os.close(slave)
    shown = os.read(master, 65536).decode("utf-8", "replace")
    os.close(master)
    assert r.returncode == 0 and "1/2 Utrecht" in shown and "2/2 Zeist" in shown, shown
