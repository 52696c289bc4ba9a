"""The council document on paper and in plain Dutch (issue 29).

* Every kind of document (a municipality, a region, a member's document of ``--per-gemeente``), at
  the report's date and at ``--jaar 2024``, printed to A4 by Chromium (Debian's, driven by
  Playwright): within its page budget (6 pages, a region 10), the whole summary on page 1, and every
  chart's text inside its picture and at least 12 px, on a wide screen and on a 375 px phone.
* The visible text (the charts' titles and descriptions included) names no option, id, data key,
  path or web address, and writes no amount to four decimals; only the last appendix says how to
  make the document again, once. A member's document links back to the index of its region.
* LibreOffice prints a municipality's workbook (and a member's) on at most 8 A4 pages; every sheet
  is set up to print one page wide on A4, its frozen rows repeated, landscape where it is wide.

The Chromium and LibreOffice tests skip without the programs (fail with ``BNCOST_REQUIRE_TOOLS=1``).
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from test_real_programs import A4_POINTS, CHROMIUM_FLAGS, _chromium, _program

#: (kind, options): every kind at the report's date and at --jaar 2024
DOCUMENTS = [
    ("gemeente", ("--gemeente", "Ede")),
    ("gemeente", ("--gemeente", "Ede", "--jaar", "2024")),
    ("regio", ("--eenheid", "Oost-Nederland")),
    ("regio", ("--eenheid", "Oost-Nederland", "--jaar", "2024")),
    ("lid", ("--eenheid", "Oost-Brabant")),
    ("lid", ("--eenheid", "Oost-Brabant", "--jaar", "2024")),
]
PAGES = {"gemeente": 6, "regio": 10, "lid": 6}
MARGIN_MM = (10, 12)  # the print CSS's @page margin: top and bottom, left and right
PX_PER_MM = 96 / 25.4
#: the tool's language, which a council member does not read
TOOL_WORDS = {
    "option": re.compile(r"(?<![\w-])--[a-z][\w-]*"),
    "web address": re.compile(r"https?://|\bwww\."),
    "path or place": re.compile(r"\b[\w-]+\.(?:ya?ml|csv|xlsx|json|py)\b|(?<![\w.])data/"),
    "data key": re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\w\[[^\]]*\]"),
    "id": re.compile(r"\brapport-\d{4}\b"),
    "four decimals": re.compile(r"€ [0-9.]+,[0-9]{4}(?![0-9])"),
}
#: every chart text: (where it passes its picture's edge or is smaller than 12 px on the screen)
CHART_CHECK = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('figure svg')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;  // the other drawing of this chart (wide or narrow) is shown
    const vb = svg.viewBox.baseVal, scale = box.width / vb.width;
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      const x0 = (r.left - box.left) / scale, x1 = (r.right - box.left) / scale;
      const y0 = (r.top - box.top) / scale, y1 = (r.bottom - box.top) / scale;
      if (x0 < -0.5 || y0 < -0.5 || x1 > vb.width + 0.5 || y1 > vb.height + 0.5) out.push(['buiten', t.textContent]);
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 11.95) out.push(['klein', t.textContent, px]);
    }
  }
  return out;
}"""


def _documents(tmp_path: Path, kind: str, args: tuple[str, ...]) -> list[Path]:
    """The document(s) of ``kind``: a member's documents are written by ``--per-gemeente``; of those
    the longest, the first and the last are checked."""
    from burgernet_cost.cli import main

    if kind != "lid":
        target = tmp_path / "document.html"
        assert main(["rapport", *args, "--uitvoer", str(target)]) == 0
        return [target]
    folder = tmp_path / "leden"
    assert main(["rapport", *args, "--per-gemeente", "--uitvoer", str(folder)]) == 0
    members = sorted(p for p in folder.glob("*.html") if p.name != "index.html")
    longest = max(members, key=lambda p: p.stat().st_size)
    return list(dict.fromkeys([longest, members[0], members[-1]]))


class _Visible(HTMLParser):
    """The text a reader sees or hears (chart titles and descriptions included), without the last
    appendix (``class="reproduce"``), which alone says how to make the document again."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.reproduce: list[str] = []
        self.skip = 0  # inside <style>
        self.depth = 0  # inside the reproduce section: its section depth
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "style":
            self.skip += 1
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        if tag == "section":
            if self.depth:
                self.depth += 1
            elif "reproduce" in (a.get("class") or ""):
                self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.skip -= 1
        if tag == "section" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            (self.reproduce if self.depth else self.parts).append(data)


@pytest.mark.parametrize(("kind", "args"), DOCUMENTS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_the_visible_text_speaks_plain_dutch(tmp_path, kind, args):
    for path in _documents(tmp_path, kind, args):
        page = _Visible()
        page.feed(path.read_text(encoding="utf-8"))
        text = re.sub(r"\s+", " ", " ".join(page.parts))
        found = {name: sorted(set(p.findall(text)))[:5] for name, p in TOOL_WORDS.items() if p.search(text)}
        assert found == {}, (path.name, found)
        again = " ".join(page.reproduce)
        assert again.count("bncost rapport") == 1 and "vingerafdruk" in again, again  # how to make it again: once, last
        assert "index.html" in page.links if kind == "lid" else "index.html" not in page.links


def _print(browser: object, path: Path) -> tuple[int, float, list[list[object]]]:
    """(A4 pages, where the summary ends below the top of page 1 in mm, chart problems at 1280 and 375 px)."""
    problems: list[list[object]] = []
    for width in (1280, 375):
        page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        page.goto(path.resolve().as_uri(), wait_until="load")
        problems += [[width, *p] for p in page.evaluate(CHART_CHECK)]
        page.close()
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(path.resolve().as_uri(), wait_until="load")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": round((210 - 2 * MARGIN_MM[1]) * PX_PER_MM), "height": 1000})  # A4 less the margins
    summary_end = page.evaluate("document.querySelector('.summary').getBoundingClientRect().bottom + window.scrollY") / PX_PER_MM
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    boxes = {(float(w), float(h)) for w, h in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)}
    assert all(abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2 for w, h in boxes), boxes
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf)), summary_end, problems


@pytest.mark.parametrize(("kind", "args"), DOCUMENTS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else v)
def test_every_document_prints_within_its_budget_with_the_summary_on_page_1(tmp_path, kind, args):
    browser_path, sync_playwright = _chromium()
    with sync_playwright() as p:  # type: ignore[operator]
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_FLAGS)
        printed = {path.name: _print(browser, path) for path in _documents(tmp_path, kind, args)}
        browser.close()
    for name, (pages, summary_end, problems) in printed.items():
        assert 2 <= pages <= PAGES[kind], (name, pages)
        assert summary_end <= 297 - 2 * MARGIN_MM[0], (name, summary_end)  # the whole summary on page 1
        assert problems == [], (name, problems[:5])


def _pdf_pages(soffice: str, workbooks: list[Path], out: Path) -> dict[str, int]:
    """Every workbook printed to PDF by one LibreOffice run: its number of pages."""
    profile = out.parent / "lo-profiel-afdruk"
    out.mkdir(exist_ok=True)
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore", "--convert-to", "pdf"]
        + ["--outdir", str(out), *(str(w) for w in workbooks)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    pdfs = {w.name: out / f"{w.stem}.pdf" for w in workbooks}
    assert result.returncode == 0 and all(p.exists() for p in pdfs.values()), result.stderr
    return {name: len(re.findall(rb"/Type\s*/Page[^s]", p.read_bytes())) for name, p in pdfs.items()}


def test_a_municipalitys_workbook_prints_on_at_most_8_pages(tmp_path):
    from burgernet_cost.cli import main

    openpyxl = pytest.importorskip("openpyxl")
    workbooks = []
    for name, args in (("ede.xlsx", ("--gemeente", "Ede")), ("ede-2024.xlsx", ("--gemeente", "Ede", "--jaar", "2024"))):
        assert main(["rapport", *args, "--uitvoer", str(tmp_path / name)]) == 0
        workbooks.append(tmp_path / name)
    assert (
        main(
            ["rapport", "--eenheid", "Oost-Brabant", "--jaar", "2024", "--per-gemeente", "-f", "xlsx", "--uitvoer", str(tmp_path / "leden")]
        )
        == 0
    )
    member = max((tmp_path / "leden").glob("*.xlsx"), key=lambda p: p.stat().st_size)
    workbooks.append(member)
    assert main(["rapport", "--eenheid", "Oost-Brabant", "--uitvoer", str(tmp_path / "regio.xlsx")]) == 0
    for path in [*workbooks, tmp_path / "regio.xlsx"]:  # the print setup of every sheet
        for ws in openpyxl.load_workbook(path):
            setup, props = ws.page_setup, ws.sheet_properties.pageSetUpPr
            assert setup.paperSize == 9 and props is not None and props.fitToPage, (path.name, ws.title)
            assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0), (path.name, ws.title)  # absent: 1 (the file format's default)
            frozen = int(re.sub(r"\D", "", ws.freeze_panes or "A1"))  # the first row that scrolls
            if frozen > 1:  # its title and column heads on every page
                assert (ws.print_title_rows or "").replace("$", "") == f"1:{frozen - 1}", (path.name, ws.title, ws.print_title_rows)
            wide = sum((d.width or 8.43) * (d.max - d.min + 1) for d in ws.column_dimensions.values() if d.min) > 100
            assert (setup.orientation == "landscape") == wide, (path.name, ws.title)
    soffice = _program("soffice", "libreoffice")
    pages = _pdf_pages(soffice, workbooks, tmp_path / "pdf")
    assert all(0 < n <= 8 for n in pages.values()), pages
