"""The documents of ``bncost rapport`` in the programs people open them with.

* Headless Chromium (Debian's, driven by Playwright) opens the HTML page: no console error, no
  request beyond the page itself, a screenshot, print to PDF on A4, and the total on the page equals
  ``estimate``'s.
* LibreOffice (headless) recalculates the workbook: the recalculated cells equal ``estimate`` and
  ``compare-models``; after changing the inhabitants in *Invoer* it recalculates to what
  ``bncost estimate --inwoners NEW`` says.

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
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
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


def test_chromium_opens_the_page(tmp_path):
    browser_path = _program("chromium", "chromium-browser", "google-chrome")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright (Python)")
    page_file = _make(tmp_path, "--gemeente", "Amersfoort", "amersfoort.html")
    url = page_file.resolve().as_uri()
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1400})
        page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url, wait_until="load")
        shot = Path(os.environ.get("BNCOST_SCREENSHOT") or tmp_path / "rapport.png")
        page.screenshot(path=str(shot))
        page.pdf(path=str(tmp_path / "rapport.pdf"), format="A4", print_background=True)
        shown_total = page.locator(".summary .big").first.inner_text()
        browser.close()
    assert problems == []
    assert requests == [url], "the page asked for something beyond itself"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    pdf = (tmp_path / "rapport.pdf").read_bytes()
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    boxes = {(float(w), float(h)) for w, h in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)}
    assert len(pages) >= 1 and boxes
    assert all(abs(w - 595.3) < 2 and abs(h - 841.9) < 2 for w, h in boxes), boxes  # A4 in points (210 x 297 mm)
    estimate = _json("estimate", "--gemeente", "Amersfoort")
    assert shown_total.replace("\u00a0", " ") == money.euro(estimate["totaal"]["kosten_per_jaar"])


def _recalculate(soffice: str, workbook: Path, out: Path) -> Path:
    profile = out.parent / "lo-profiel"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_PROFILE, encoding="utf-8")
    out.mkdir(exist_ok=True)
    result = subprocess.run([soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
                             "--convert-to", "xlsx", "--outdir", str(out), str(workbook)], capture_output=True, text=True, timeout=300)
    converted = out / workbook.name
    assert result.returncode == 0 and converted.exists(), result.stderr
    return converted


def _named(wb: object, name: str) -> float:
    sheet, ref = next(iter(wb.defined_names[name].destinations))  # type: ignore[attr-defined]
    value = wb[sheet][ref.replace("$", "")].value  # type: ignore[index]
    assert isinstance(value, (int, float)), (name, value)
    return value


def _close(value: float, expected: Decimal, places: int) -> bool:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places)) == Decimal(expected).quantize(Decimal(1).scaleb(-places))


def _check(wb: object, inwoners_args: list[str]) -> None:
    for pakket in ("basis", "volledig"):
        est = _json("estimate", *inwoners_args, "-p", pakket)
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
    for row, expected in zip(cells, series):
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
