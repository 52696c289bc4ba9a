"""The documents of ``bncost rapport`` in the programs people open them with.

* Headless Chromium (Debian's, driven by Playwright) opens the HTML page of a municipality and of a
  region: axe-core (axe-playwright-python bundles its script) finds nothing, no sideways scrolling
  at 1280 and 375 px, A4 print within its page budget, no long sentence twice, no machine path, no
  console error, no request beyond the page itself; a screenshot; the total equals ``estimate``'s.
* LibreOffice (headless) recalculates the workbook: the recalculated cells equal ``estimate`` and
  ``compare-models``; after changing the inhabitants in *Invoer* it recalculates to what
  ``bncost estimate --inwoners NEW`` says. It does so over the whole matrix of options
  (tests/workbook_matrix.py: every rate option, both scalings, advies of another year, a region by
  names and from a member file, an edited input cell), all workbooks in one LibreOffice run.

Without the programs these tests skip, unless ``BNCOST_REQUIRE_TOOLS=1`` (``.ci/run`` sets it):
then they fail, so CI cannot pass without having looked. ``BNCOST_SCREENSHOT=FILE`` keeps the
screenshot (the README's picture is made that way).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from burgernet_cost.output import numbers as money

REQUIRED = os.environ.get("BNCOST_REQUIRE_TOOLS", "").strip() == "1"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _missing(what: str) -> None:
    if REQUIRED:
        pytest.fail(f"{what} is nodig (BNCOST_REQUIRE_TOOLS=1)")
    pytest.skip(f"{what} is not installed")


def _program(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    _missing(" of ".join(names))
    raise AssertionError  # not reached


def _make(tmp_path: Path, *args: str) -> Path:
    from burgernet_cost.cli import main

    target = tmp_path / args[-1]
    assert main(["rapport", *args[:-1], "--uitvoer", str(target)]) == 0
    return target


def _json(*args: object) -> dict:
    import contextlib
    import io

    from burgernet_cost.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([str(a) for a in (*args, "-f", "json")]) == 0
    return json.loads(out.getvalue(), parse_float=Decimal)


A4_POINTS = (595.3, 841.9)  # 210 x 297 mm
# the most A4 pages a municipality's and a region's document may take; a municipality's went from 6 to 7
# when the document gained the sources and methods of the timeline and the caveats of the integral cost (issue 30)
PAGES = {"gemeente": 6, "regio": 10}
ABSOLUTE = re.compile(r"(?<![\w.~-])/(?:home|tmp|usr|var|opt|work|root|Users|private|mnt|srv)/|site-packages|\b[A-Za-z]:\\")
BLOCKS = re.compile(r"</?(?:p|li|tr|td|th|h[1-6]|caption|figcaption|summary|title|desc|div|section|header|footer|ul|ol|table)\b[^>]*>")


def _sentences(html: str) -> list[str]:
    """The page's sentences of 60 characters or more (the text between block tags, split after . ! ?);
    a chart counts once (its phone drawing shows instead of its wide one, never beside it)."""
    import html as html_lib

    body = html[html.index("<body") :]
    body = re.sub(r"<style[^>]*>.*?</style>", " ", body, flags=re.S)
    body = re.sub(r'<div class="chart-narrow">.*?</div>', " ", body, flags=re.S)  # a chart's phone drawing: one of the two shows
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", BLOCKS.sub("\n", body)))
    out = []
    for block in text.split("\n"):
        for sentence in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", block).strip()):
            if len(sentence) >= 60:
                out.append(sentence)
    return out


def _chromium() -> tuple[str, object]:
    browser_path = _program("chromium", "chromium-browser", "google-chrome")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright (Python)")
    return browser_path, sync_playwright


def _axe() -> object:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        _missing("axe-playwright-python (axe-core)")
    return Axe()


@pytest.mark.parametrize(("soort", "args"), [("gemeente", ("--gemeente", "Amersfoort")), ("regio", ("--eenheid", "Oost-Brabant"))])
def test_chromium_reads_the_document_as_a_council_member_would(tmp_path, soort, args):
    """axe-core (every rule, best practice included) finds nothing; no sideways scrolling at 1280
    and 375 px; A4 with at most 7 (a municipality) or 10 (a region) pages, the summary on page 1; no
    long sentence twice; no machine path; the page loads nothing and shows estimate's total."""
    browser_path, sync_playwright = _chromium()
    axe = _axe()
    page_file = _make(tmp_path, *args, f"{soort}.html")
    html = page_file.read_text(encoding="utf-8")
    url = page_file.resolve().as_uri()
    problems: list[str] = []
    requests: list[str] = []
    widths: dict[int, int] = {}
    with sync_playwright() as p:  # type: ignore[operator]
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_FLAGS)
        for width in (1280, 375):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(url, wait_until="load")
            widths[width] = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if width == 1280:
                results = axe.run(page)  # type: ignore[attr-defined]
                violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
                ran = {r["id"] for kind in ("passes", "inapplicable", "incomplete") for r in results.response[kind]}
                shown_total = page.locator(".summary .big").first.inner_text()
                if soort == "gemeente":
                    shot = Path(os.environ.get("BNCOST_SCREENSHOT") or tmp_path / "rapport.png")
                    page.set_viewport_size({"width": 1000, "height": 1400})
                    page.screenshot(path=str(shot))
                page.emulate_media(media="print")
                page.set_viewport_size({"width": 720, "height": 1000})  # A4 less the margins, in CSS pixels
                summary_height = page.locator(".summary").bounding_box()["height"]
                page.pdf(path=str(tmp_path / "rapport.pdf"), format="A4", print_background=True)
            page.close()
        browser.close()
    assert violations == [] and {"landmark-one-main", "region", "color-contrast", "heading-order"} <= ran, violations
    assert widths == {1280: 0, 375: 0}, widths
    assert problems == [] and set(requests) == {url}, (problems, requests)
    pdf = (tmp_path / "rapport.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    boxes = {(float(w), float(h)) for w, h in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)}
    assert 2 <= pages <= PAGES[soort], pages
    assert all(abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2 for w, h in boxes), boxes
    assert summary_height <= (297 - 24) / 25.4 * 96, summary_height  # one A4 page less the print margins (12 mm each)
    repeated = [s for s in set(_sentences(html)) if _sentences(html).count(s) > 1]
    assert repeated == [], repeated
    assert not ABSOLUTE.search(html) and str(tmp_path) not in html and str(Path.cwd()) not in html, ABSOLUTE.search(html)
    if soort == "gemeente":
        estimate = _json("estimate", *args)
        assert shown_total.replace("\u00a0", " ") == money.euro(estimate["totaal"]["kosten_per_jaar"])
    else:
        regio = _json("regio", *args)
        assert shown_total.replace("\u00a0", " ") == money.euro(
            _json("estimate", "--inwoners", regio["inwoners"])["totaal"]["kosten_per_jaar"]
        )


def _recalculate(soffice: str, workbook: Path, out: Path) -> Path:
    return _recalculate_all(soffice, [workbook], out)[0]


def _recalculate_all(soffice: str, workbooks: list[Path], out: Path) -> list[Path]:
    """Every workbook recalculated and saved by one LibreOffice run (names must differ)."""
    profile = out.parent / "lo-profiel"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_PROFILE, encoding="utf-8")
    out.mkdir(exist_ok=True)
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *(str(w) for w in workbooks),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    converted = [out / w.name for w in workbooks]
    assert result.returncode == 0 and all(c.exists() for c in converted), result.stderr
    return converted


def _named(wb: object, name: str) -> float:
    sheet, ref = next(iter(wb.defined_names[name].destinations))  # type: ignore[attr-defined]
    value = wb[sheet][ref.replace("$", "")].value  # type: ignore[index]
    assert isinstance(value, (int, float)), (name, value)
    return value


def _close(value: float, expected: Decimal, places: int) -> bool:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places)) == Decimal(expected).quantize(Decimal(1).scaleb(-places))


def _check(wb: object, inwoners_args: list[str]) -> None:
    from workbook_matrix import estimate_args

    for pakket in ("basis", "volledig"):
        est = _json("estimate", *estimate_args(inwoners_args), "-p", pakket)
        t = est["totaal"]
        assert _close(_named(wb, f"Totaal_kosten_{pakket}"), t["kosten_per_jaar"], 2), pakket
        assert _close(_named(wb, f"Totaal_uren_{pakket}"), t["uren_per_maand"], 4), pakket
        assert _close(_named(wb, f"Totaal_fte_{pakket}"), t["fte"], 4), pakket
        cmp = _json("compare-models", *inwoners_args, "-p", pakket)
        for model in cmp["vergelijkingen"][0]["modellen"]:
            assert _close(_named(wb, f"Totaal_{model['model']}_{pakket}"), model["totaal_per_jaar"], 2), (pakket, model["model"])


def test_libreoffice_recalculates_the_workbook(tmp_path):
    soffice = _program("soffice", "libreoffice")
    openpyxl = pytest.importorskip("openpyxl")
    workbook = _make(tmp_path, "--gemeente", "Amersfoort", "amersfoort.xlsx")
    recalculated = _recalculate(soffice, workbook, tmp_path / "herberekend")
    values = openpyxl.load_workbook(recalculated, data_only=True)
    _check(values, ["--gemeente", "Amersfoort"])
    series = _json("reeks", "--gemeente", "Amersfoort")["jaren"]
    cells = [r for r in values["Reeks"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert [int(r[0]) for r in cells] == [r["jaartal"] for r in series]
    for row, expected in zip(cells, series, strict=True):
        assert _close(row[6], expected["kosten_per_jaar"], 2), row
    # a user changes the inhabitants; the workbook must follow, as bncost would
    wb = openpyxl.load_workbook(workbook)
    sheet, ref = next(iter(wb.defined_names["Inwoners"].destinations))
    wb[sheet][ref.replace("$", "")].value = 75_000
    changed = tmp_path / "gewijzigd" / "amersfoort.xlsx"
    changed.parent.mkdir()
    wb.save(changed)
    again = openpyxl.load_workbook(_recalculate(soffice, changed, tmp_path / "opnieuw"), data_only=True)
    assert _named(again, "Inwoners") == 75_000
    _check(again, ["--inwoners", "75000"])


def test_libreoffice_recalculates_a_members_workbook_to_regios_figure(tmp_path):
    """``rapport --per-gemeente --format xlsx``: a member's workbook, recalculated, gives the
    contribution ``regio`` computes for that member (to the cent) and estimate's total."""
    soffice = _program("soffice", "libreoffice")
    openpyxl = pytest.importorskip("openpyxl")
    from burgernet_cost.cli import main

    assert main(["rapport", "--per-gemeente", "--gemeenten", "Utrecht,Zeist", "-f", "xlsx", "--uitvoer", str(tmp_path / "map")]) == 0
    values = openpyxl.load_workbook(_recalculate(soffice, tmp_path / "map" / "zeist.xlsx", tmp_path / "herberekend"), data_only=True)
    for pakket in ("basis", "volledig"):
        regio = _json("regio", "--gemeenten", "Utrecht,Zeist", "-p", pakket)
        zeist = next(lid for lid in regio["leden"] if lid["gemeente"] == "Zeist")
        assert _close(_named(values, f"Bijdrage_regionaal_{pakket}"), zeist["bijdrage_per_jaar"], 2), pakket
    _check(values, ["--gemeente", "Zeist"])


def _members(wb: object) -> dict[str, tuple[float, float]]:
    """Sheet *Leden*: name -> (contribution basis, contribution volledig), as recalculated."""
    rows = wb["Leden"].iter_rows(min_row=1, values_only=True)  # type: ignore[index]
    return {r[0]: (r[4], r[5]) for r in rows if r[0] and r[0] != "Totaal" and isinstance(r[4], (int, float))}


def test_libreoffice_recalculates_the_whole_matrix(tmp_path):
    """Every option set of tests/workbook_matrix.py, a region by names and by member file, and an
    edited input cell: LibreOffice's figures equal the command line's (one LibreOffice run)."""
    from workbook_matrix import MATRIX, MEMBER_FILE, REGION

    soffice = _program("soffice", "libreoffice")
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "in").mkdir()
    made = [_make(tmp_path / "in", *args, f"m{i}.xlsx") for i, args in enumerate(MATRIX)]
    leden = tmp_path / "leden.csv"
    leden.write_text(MEMBER_FILE, encoding="utf-8")
    regions = {"--gemeenten": REGION, "--bestand": str(leden)}
    made += [_make(tmp_path / "in", option, value, f"r{i}.xlsx") for i, (option, value) in enumerate(regions.items())]
    region_wb = openpyxl.load_workbook(made[len(MATRIX)])  # a member's inhabitants edited on sheet Leden
    edited_members = {}
    for row in region_wb["Leden"].iter_rows(min_row=4):
        if row[0].value and row[0].value != "Totaal":
            edited_members[row[0].value] = int(row[2].value) + (1000 if not edited_members else 0)
            row[2].value = edited_members[row[0].value]
    made.append(tmp_path / "in" / "regio-bewerkt.xlsx")
    region_wb.save(made[-1])
    wb = openpyxl.load_workbook(made[0])
    sheet, ref = next(iter(wb.defined_names["Inwoners"].destinations))
    wb[sheet][ref.replace("$", "")].value = 61_234
    made.append(tmp_path / "in" / "bewerkt.xlsx")
    wb.save(made[-1])
    values = [openpyxl.load_workbook(p, data_only=True) for p in _recalculate_all(soffice, made, tmp_path / "uit")]
    for args, wb in zip(MATRIX, values, strict=False):
        _check(wb, args)
    for (option, value), wb in zip(regions.items(), values[len(MATRIX) :], strict=False):
        members = _members(wb)
        for column, pakket in enumerate(("basis", "volledig")):
            regio = _json("regio", option, value, "-p", pakket)
            assert {m["gemeente"] for m in regio["leden"]} == set(members), option
            for lid in regio["leden"]:
                assert _close(members[lid["gemeente"]][column], lid["bijdrage_per_jaar"], 2), (option, lid["gemeente"])
    assert _named(values[-1], "Inwoners") == 61_234
    _check(values[-1], ["--inwoners", "61234", *MATRIX[0][2:]])
    # the edited member: every sheet follows its one inhabitants cell (DOMAIN.md §11)
    edited = values[-2]
    total = sum(edited_members.values())
    assert _named(edited, "Inwoners") == total
    _check(edited, ["--inwoners", str(total)])
    edited_file = tmp_path / "leden-bewerkt.csv"
    edited_file.write_text("gemeente;inwoners\n" + "".join(f"{n};{i}\n" for n, i in edited_members.items()), encoding="utf-8")
    members = _members(edited)
    for column, pakket in enumerate(("basis", "volledig")):
        regio = _json("regio", "--bestand", edited_file, "-p", pakket)
        assert _close(_named(edited, f"Budget_{pakket}"), regio["uitvoerder"]["budget_per_jaar"], 2), pakket
        for lid in regio["leden"]:
            assert _close(members[lid["gemeente"]][column], lid["bijdrage_per_jaar"], 2), lid["gemeente"]
