"""One pipeline (issue "Each formula once", point 4): every table of the council document has the
rows and the figures the command line gives for the same options.

The page is parsed back (``html.parser``); each table is matched to the command whose view it shows
(``estimate``, ``compare-models``, ``regio``, ``gevoeligheid``, ``reeks``) and every figure is
read back from its Dutch text and compared with that command's json, rounded to the decimals the
page shows; the decimals themselves are those of the figure's kind (``numbers.KINDS``). A table the
test does not know fails it: a new table must say where its figures come from.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from html.parser import HTMLParser
from typing import Any

import pytest

from burgernet_cost.output.numbers import KINDS
from burgernet_cost.output.wording import PAKKET_LABELS, date_nl
from conftest import DATA

PAKKETTEN = ("basis", "volledig")
#: a municipality, a region, and a region of more than 60 members in several politie-eenheden (the document shows
#: every member, and also the members grouped per politie-eenheid)
CASES = {"gemeente": ("--gemeente", "Amersfoort"), "regio": ("--eenheid", "Oost-Brabant"), "groot": ("--alle",)}
REGIONS = ("regio", "groot")
PLACES = {"int": 0, **{name: kind.shown for name, kind in KINDS.items()}}
EMPTY = ("", "–", "niet gekwantificeerd")


class _Tables(HTMLParser):
    """Every table of a page: its section, caption, column heads and rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, Any]] = []
        self.section = ""
        self.cell: list[str] | None = None
        self.where = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section":
            self.section = a.get("aria-labelledby") or ""
        elif tag == "table":
            self.tables.append({"section": self.section, "caption": "", "head": [], "rows": []})
        elif tag == "thead":
            self.where = "head"
        elif tag == "tbody":
            self.where = "body"
        elif tag == "tr" and self.where == "body":
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td", "caption"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td", "caption") and self.cell is not None:
            text = " ".join("".join(self.cell).split())
            table = self.tables[-1]
            if tag == "caption":
                table["caption"] = text
            elif self.where == "head":
                table["head"].append(text)
            else:
                table["rows"][-1].append(text)
            self.cell = None
        elif tag == "table":
            self.where = ""

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _run(*args: str) -> str:
    from burgernet_cost.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(list(args)) == 0, args
    return out.getvalue()


class Cli:
    """The command line's json for the document's options, each command run once."""

    def __init__(self, soort: str, args: tuple[str, ...], inwoners: int) -> None:
        self.soort, self.args, self.inwoners = soort, args, inwoners
        self.seen: dict[tuple[str, ...], Any] = {}

    def json(self, *args: str) -> Any:
        if args not in self.seen:
            self.seen[args] = json.loads(_run(*args, "--format", "json"))
        return self.seen[args]

    def who(self, command: str) -> tuple[str, ...]:
        """The options that name the subject: a region's totals are those of its inhabitants."""
        if self.soort in REGIONS and command in ("estimate", "compare-models"):
            return ("--inwoners", str(self.inwoners))
        return self.args


def _number(text: str) -> tuple[Decimal, int]:
    """'-€ 1.099,32' -> (Decimal('-1099.32'), 2); '3,27 cent (≈ € 0,03)' -> (Decimal('0.0327'), 4): the
    document writes an amount per inhabitant in cents."""
    text = text.split(" (")[0].replace("€", "").replace("\u00a0", "").replace(" ", "")
    in_cents = text.endswith("cent")
    text = text.removesuffix("cent")
    places = len(text.split(",")[1]) if "," in text else 0
    value = Decimal(text.replace(".", "").replace(",", "."))
    return (value.scaleb(-2), places + 2) if in_cents else (value, places)


def same(text: str, value: Any, kind: str) -> None:
    """A figure as the page shows it equals the command line's, at the decimals of its kind."""
    if value is None:
        assert text in EMPTY, text
        return
    if kind == "fte" and text.startswith("<"):
        assert 0 < Decimal(str(value)) < Decimal("0.005"), (text, value)
        return
    shown, places = _number(text)
    assert places == PLACES[kind], (text, kind)
    exact = Decimal(str(value))
    step = Decimal(1).scaleb(-places)
    if abs(exact - exact.quantize(step, ROUND_DOWN)) == step / 2:  # json's own rounding made it a half: either side is right
        assert shown in (exact.quantize(step, ROUND_DOWN), exact.quantize(step, ROUND_UP)), (text, value)
        return
    assert shown == exact.quantize(step, ROUND_HALF_UP), (text, value)


def _package(caption: str, prefix: str) -> str:
    label = caption.removeprefix(prefix)
    return next(p for p in PAKKETTEN if PAKKET_LABELS[p] == label)


# --------------------------------------------------------------------------- per table


def summary_packages(t: dict[str, Any], cli: Cli) -> None:
    assert [r[0] for r in t["rows"]] == [PAKKET_LABELS[p] for p in PAKKETTEN]
    for row, p in zip(t["rows"], PAKKETTEN, strict=True):
        total = cli.json("estimate", *cli.who("estimate"), "--pakket", p)["totaal"]
        for text, (key, kind) in zip(row[1:], COLUMNS_TOTAL, strict=True):
            same(text, total[key], kind)


COLUMNS_TOTAL = (("kosten_per_jaar", "money"), ("per_inwoner_per_jaar", "per_inwoner"), ("uren_per_maand", "hours"), ("fte", "fte"))


def summary_models(t: dict[str, Any], cli: Cli) -> None:
    data = cli.json("compare-models", *cli.who("compare-models"))["vergelijkingen"]
    assert [r[0] for r in t["rows"]] == [PAKKET_LABELS[v["pakket"]] for v in data]
    for row, v in zip(t["rows"], data, strict=True):
        assert t["head"][1:] == [m["naam"] for m in v["modellen"]]
        low = min(m["totaal_per_jaar"] for m in v["modellen"])
        for text, m in zip(row[1:], v["modellen"], strict=True):
            same(text, m["totaal_per_jaar"], "money")
            assert text.endswith("(laagste)") == (m["totaal_per_jaar"] == low != max(x["totaal_per_jaar"] for x in v["modellen"]))


def areas(t: dict[str, Any], cli: Cli) -> None:
    data = cli.json("estimate", *cli.who("estimate"), "--pakket", _package(t["caption"], "Kosten per taakgebied, "))
    lines = [*data["taakgebieden"], data["totaal"]]
    assert t["head"] == ["Taakgebied", "Uren/maand", "FTE", "Kosten/jaar", "Per inwoner/jaar", "Bron"]
    assert [r[0] for r in t["rows"]] == [line["naam"] for line in lines]
    for row, line in zip(t["rows"], lines, strict=True):
        if not line["gekwantificeerd"]:
            assert row[1] == "niet gekwantificeerd" and row[-1] == line["bron"]
            continue
        for text, key, kind in zip(row[1:5], ("uren_per_maand", "fte", "kosten_per_jaar", "per_inwoner_per_jaar"), AREA_KINDS, strict=True):
            same(text, line[key], kind)
        assert row[5] == (line["bron"] or "")


AREA_KINDS = ("hours", "fte", "money", "per_inwoner")


def who_does_what(t: dict[str, Any], cli: Cli) -> None:
    v = cli.json("compare-models", *cli.who("compare-models"))["vergelijkingen"][0]
    for row in t["rows"][:-1]:
        assert len(row) == 1 + len(v["modellen"])
    assert t["rows"][-1] == ["Verrekening", *(m["verrekening"] for m in v["modellen"])]
    doers = zip(*(m["uitvoering"].values() for m in v["modellen"]), strict=True)
    assert [r[1:] for r in t["rows"][:-1]] == [list(who) for who in doers]


COST_ROWS = {
    "Eigen uren per maand": ("eigen_uren_per_maand", "hours"),
    "Eigen fte": ("eigen_fte", "fte"),
    "Eigen kosten": ("eigen_kosten_per_jaar", "money"),
    "Tarief per inwoner": ("tarief_per_inwoner_per_jaar", "per_inwoner"),
    "Bijdrage": ("bijdrage_per_jaar", "money"),
    "Totaal": ("totaal_per_jaar", "money"),
    "Verschil met gemeentelijk": ("verschil_met_gemeentelijk", "money"),
}


def model_costs(t: dict[str, Any], cli: Cli) -> None:
    p = _package(t["caption"], "Kosten per jaar, ")
    v = next(v for v in cli.json("compare-models", *cli.who("compare-models"))["vergelijkingen"] if v["pakket"] == p)
    assert [r[0] for r in t["rows"]] == list(COST_ROWS)
    for row in t["rows"]:
        key, kind = COST_ROWS[row[0]]
        for text, m in zip(row[1:], v["modellen"], strict=True):
            same(text, m[key], kind)


def units(t: dict[str, Any], cli: Cli) -> None:
    data = {p: cli.json("regio", *cli.args, "--per", "eenheid", "--pakket", p) for p in PAKKETTEN}
    assert t["head"] == ["Politie-eenheid", "Gemeenten", "Inwoners", *(f"Bijdrage {PAKKET_LABELS[p]}" for p in PAKKETTEN)]
    first = data[PAKKETTEN[0]]
    assert [r[0] for r in t["rows"]] == [u["politie_eenheid"] for u in first["eenheden"]] + ["Totaal"]
    for n, row in enumerate(t["rows"][:-1]):
        same(row[1], first["eenheden"][n]["gemeenten"], "int")
        same(row[2], first["eenheden"][n]["inwoners"], "int")
        for text, p in zip(row[3:], PAKKETTEN, strict=True):
            same(text, data[p]["eenheden"][n]["bijdrage_per_jaar"], "money")
    same(t["rows"][-1][1], first["aantal_gemeenten"], "int")
    same(t["rows"][-1][2], first["inwoners"], "int")
    for text, p in zip(t["rows"][-1][3:], PAKKETTEN, strict=True):
        same(text, data[p]["uitvoerder"]["budget_per_jaar"], "money")


def members(t: dict[str, Any], cli: Cli) -> None:
    data = {p: cli.json("regio", *cli.args, "--pakket", p) for p in PAKKETTEN}
    assert t["head"] == ["Gemeente", "Inwoners", *(f"Bijdrage {PAKKET_LABELS[p]}" for p in PAKKETTEN)]
    leden = data[PAKKETTEN[0]]["leden"]
    assert [r[0] for r in t["rows"]] == [lid["gemeente"] for lid in leden] + ["Totaal"]
    for n, row in enumerate(t["rows"][:-1]):
        same(row[1], leden[n]["inwoners"], "int")
        for text, p in zip(row[2:], PAKKETTEN, strict=True):
            same(text, data[p]["leden"][n]["bijdrage_per_jaar"], "money")
    same(t["rows"][-1][1], data[PAKKETTEN[0]]["inwoners"], "int")
    for text, p in zip(t["rows"][-1][2:], PAKKETTEN, strict=True):
        same(text, data[p]["uitvoerder"]["budget_per_jaar"], "money")


def _words() -> Any:
    """The document's plain Dutch for a text of the command line (an id becomes its name, a key words)."""
    from burgernet_cost.data.loading import load_dataset
    from burgernet_cost.output.rapport_words import Words

    return Words(load_dataset(DATA))


def band(t: dict[str, Any], cli: Cli) -> None:
    """Low, standard and high of "Hoe zeker": estimate --bandbreedte's total of the first package. A
    region's band (its members' totals) has no command of its own: its standard is gevoeligheid's
    total, and it spans at least every single assumption's swing."""
    assert t["head"][1:] == ["Kosten per jaar", "Wanneer"] and [r[0] for r in t["rows"]] == ["Laag", "Standaard", "Hoog"]
    if cli.soort in REGIONS:
        sens = cli.json("gevoeligheid", *cli.who("gevoeligheid"))
        same(t["rows"][1][1], sens["kosten_per_jaar"], "money")
        low, high = _number(t["rows"][0][1])[0], _number(t["rows"][2][1])[0]
        assert low <= min(Decimal(str(a["laag_per_jaar"])) for a in sens["aannames"]), (low, sens["aannames"])
        assert high >= max(Decimal(str(a["hoog_per_jaar"])) for a in sens["aannames"]), (high, sens["aannames"])
        return
    found = next(b for b in cli.json("estimate", *cli.who("estimate"), "--bandbreedte")["bandbreedte"] if b["figuur"] == "totaal.kosten")
    for row, key in zip(t["rows"], ("laag", "standaard", "hoog"), strict=True):
        same(row[1], found[key], "money")
    for row, key in ((t["rows"][0], "laag_door"), (t["rows"][2], "hoog_door")):  # the same alternatives, in words
        for amount in re_amounts(found[key]):
            assert amount in row[2], (row, found[key])


def re_amounts(text: str) -> list[str]:
    import re

    return re.findall(r"€ [0-9.]+,[0-9]{2}", text)


def sensitivity(t: dict[str, Any], cli: Cli) -> None:
    rows = cli.json("gevoeligheid", *cli.who("gevoeligheid"))["aannames"]
    assert [r[0] for r in t["rows"]] == [f"{a['aanname']} ({a['status']})" for a in rows]
    words = _words()
    for row, a in zip(t["rows"], rows, strict=True):
        assert (row[1], row[3]) == (words.text(a["laag_keuze"]), words.text(a["hoog_keuze"]))
        for text, key in zip(row[2:], SENSITIVITY, strict=True):
            if key != "hoog_keuze":
                same(text, a[key], "money")


SENSITIVITY = ("laag_per_jaar", "hoog_keuze", "hoog_per_jaar", "uitslag_per_jaar", "uitslag_landelijk")


def series(t: dict[str, Any], cli: Cli) -> None:
    years = cli.json("reeks", *cli.args)["jaren"]
    assert t["head"] == ["Jaar", "Inwoners", "Prijspeil", "Uren/maand", "Kosten/jaar", "Per inwoner/jaar", "Opmerking"]
    assert [r[0] for r in t["rows"]] == [str(y["jaartal"]) for y in years]
    for row, y in zip(t["rows"], years, strict=True):
        same(row[1], y["inwoners"], "int")
        assert row[2] == (date_nl(y["prijspeil_datum"]) if y["prijspeil_datum"] else "vast (opgegeven)")
        for text, key, kind in zip(
            row[3:6], ("uren_per_maand", "kosten_per_jaar", "per_inwoner_per_jaar"), ("hours", "money", "per_inwoner"), strict=True
        ):
            same(text, y[key], kind)
        remark = row[6].split(" (zie toelichting)")[0].split("; ")[0]
        for day in remark.split(", ") if remark[:1].isdigit() else []:  # each event, told in full on the command line
            assert f"{day}: " in y["opmerking_volledig"], (day, y["opmerking_volledig"])
        assert ("rust op een aanname" in row[6]) == ("rust op een afgeleide tabel" in y["opmerking_volledig"])


def sizes(t: dict[str, Any], cli: Cli) -> None:
    assert t["head"] == ["Inwoners", *(PAKKET_LABELS[p] for p in PAKKETTEN)]
    if cli.soort in REGIONS:  # a point per member
        leden = cli.json("regio", *cli.args, "--pakket", PAKKETTEN[0])["leden"]
        assert [_number(r[0])[0] for r in t["rows"]] == sorted({Decimal(lid["inwoners"]) for lid in leden})
    else:
        assert str(cli.inwoners) in [r[0].replace(".", "") for r in t["rows"]]
    step = max(1, len(t["rows"]) // 12)  # a large region: every row's inhabitants above, a spread of rows' figures here
    for row in [*t["rows"][::step], t["rows"][-1]]:
        n = str(_number(row[0])[0])
        for text, p in zip(row[1:], PAKKETTEN, strict=True):
            same(text, cli.json("estimate", "--inwoners", n, "--pakket", p)["totaal"]["kosten_per_jaar"], "money")


def figures(t: dict[str, Any], cli: Cli) -> None:
    words = _words()
    known: dict[str, dict[str, Any]] = {}
    for p in PAKKETTEN:
        for f in cli.json("compare-models", *cli.who("compare-models"), "--pakket", p)["figuren"]:
            known.setdefault(words.text(f["naam"]), f)
    assert t["head"] == ["Cijfer", "Waarde", "Bron", "Status"]
    assert sorted(r[0] for r in t["rows"]) == sorted(known)
    for name, value, source, status in t["rows"]:
        f = known[name]
        assert status == f["status"], (name, status)
        if "://" in f["bron"]:  # a web source: a link named after its site
            from urllib.parse import urlsplit

            sites = [urlsplit(u).hostname.removeprefix("www.") for u in f["bron"].split() if "://" in u]
            assert all(site in source for site in sites) and "://" not in source, (name, source)
        else:
            assert source == words.text(f["bron"]), (name, source, f["bron"])
        if isinstance(f["waarde"], (int, float)) and not isinstance(f["waarde"], bool):
            number = re.search(r"-?[0-9.]+(?:,[0-9]+)?", value)  # '€ 3.858 per maand', '162,5 uur/maand', '10%'
            assert number and _number(number.group(0))[0] == Decimal(str(f["waarde"])), (name, value)


#: (section, caption or first column head) -> the check of that table
TABLES: dict[tuple[str, str], Callable[[dict[str, Any], Cli], None]] = {
    ("samenvatting", "Kosten per pakket als"): summary_packages,
    ("samenvatting", "Totale kosten per jaar in de drie inrichtingsmodellen"): summary_models,
    ("samenvatting", "Hoe zeker: de kosten van het "): band,
    ("taakgebieden", "Kosten per taakgebied, "): areas,
    ("modellen", "Wie doet wat"): who_does_what,
    ("modellen", "Kosten per jaar, "): model_costs,
    ("regio", "Bijdrage per jaar per gemeente"): members,
    ("regio", "Bijdrage per jaar per politie-eenheid"): units,
    ("gevoeligheid", "Kosten per jaar bij het laagste en hoogste alternatief"): sensitivity,
    ("reeks", "Kosten per jaar met de inwoners en het prijspeil"): series,
    ("grootte", "Kosten per jaar (gemeentelijk model) naar aantal inwoners"): sizes,
    ("bijlage", "Elk cijfer waarop de bedragen rusten"): figures,
}


def _check(table: dict[str, Any]) -> Callable[[dict[str, Any], Cli], None]:
    name = table["caption"] or table["head"][0]
    found = [check for (section, start), check in TABLES.items() if section == table["section"] and name.startswith(start)]
    assert len(found) == 1, f"a table the test does not know: {table['section']} / {name}"
    return found[0]


@pytest.fixture(scope="module", params=list(CASES))
def document(request, tmp_path_factory) -> tuple[list[dict[str, Any]], Cli]:
    from burgernet_cost.cli import main

    soort, args = request.param, CASES[request.param]
    page = tmp_path_factory.mktemp("tabellen") / f"{soort}.html"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["rapport", *args, "-o", str(page)]) == 0
    parser = _Tables()
    parser.feed(page.read_text(encoding="utf-8"))
    inwoners = json.loads(_run("regio" if soort in REGIONS else "estimate", *args, "--format", "json"))["inwoners"]
    return parser.tables, Cli(soort, args, inwoners)


def test_every_table_of_the_document_has_the_command_lines_rows_and_figures(document):
    tables, cli = document
    checked = set()
    for table in tables:
        check = _check(table)
        check(table, cli)
        checked.add(check.__name__)
    expected = {c.__name__ for c in TABLES.values()} - {"gemeente": {"members", "units"}, "regio": {"units"}, "groot": set()}[cli.soort]
    assert checked == expected, expected - checked


def test_a_figure_that_drifts_from_the_command_line_fails():
    """The comparison itself: a cent or a decimal place off is caught."""
    same("€ 9.861,47", 9861.47, "money")
    same("€ 0,0327 (≈ € 0,03)", 0.03274, "per_inwoner")
    with pytest.raises(AssertionError):
        same("€ 9.861,48", 9861.47, "money")
    with pytest.raises(AssertionError):
        same("€ 9.861,5", 9861.47, "money")  # the decimals are the kind's


def test_the_one_table_renderer_escapes_every_text_and_rounds_by_kind():
    from burgernet_cost.output.document import Cell, Column, Table
    from burgernet_cost.output.html_page import table_html

    hostile = Cell("Zeist\x1b[31m<script>", "text", link='zeist.html" onclick="x', mark="laagste")
    columns = [Column("naam", "Naam <b>"), Column("bedrag", "Bedrag", "money")]
    table = Table(None, columns, [{"naam": hostile, "bedrag": Decimal("1234.565")}])
    table.title = "Titel\u202e"
    html = table_html(table)
    assert "<script>" not in html and "&lt;script&gt;" in html and "Naam &lt;b&gt;" in html
    assert "\x1b" not in html and "\\x1b" in html and "\u202e" not in html and "\\u202e" in html  # as every other format shows them
    assert 'onclick="' not in html and "&quot; onclick=&quot;" in html
    assert "€ 1.234,57" in html and "<b>(laagste)</b>" in html
