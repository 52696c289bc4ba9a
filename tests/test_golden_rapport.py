"""Golden files for the council document (issue "Each formula once"): the HTML page's text without
its SVG charts, and every cell of the workbook (its formula, or its value). A change in what a
council reads or in a generated formula shows up here as a difference to read.

Re-record after an intended change: ``python tools/regen.py`` (and read the diff).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "golden" / "rapport"
CASES = {
    "amersfoort": ["--gemeente", "Amersfoort"],
    "amersfoort-2024-advies": ["--gemeente", "Amersfoort", "--jaar", "2024", "--tarief", "advies"],
    "oost-brabant": ["--eenheid", "Oost-Brabant"],
}


class _Text(HTMLParser):
    """The visible text of a page, one block per line, without the charts' SVG."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.skip = 0
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("svg", "style", "script"):
            self.skip += 1
        if tag in ("p", "li", "tr", "h1", "h2", "h3", "caption", "dt", "dd", "br"):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("svg", "style", "script"):
            self.skip -= 1
        if tag in ("p", "li", "tr", "h1", "h2", "h3", "caption", "td", "th"):
            self.current.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.lines.append(text)
        self.current = []

    def text(self) -> str:
        self._flush()
        return "\n".join(self.lines) + "\n"


def _stable(text: str) -> str:
    """Today's date and the version vary between runs: named, not compared."""
    today = dt.date.today()
    text = text.replace(today.isoformat(), "<vandaag>").replace(f"{today.day}-{today.month}-{today.year}", "<vandaag>")
    return re.sub(r"bncost \d+\.\d+\.\d+", "bncost <versie>", text)


def _workbook(path: Path) -> str:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        out.append(f"== {ws.title}")
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    out.append(f"{cell.coordinate}\t{cell.value}")
    out.append("== namen")
    out += [f"{n}\t{wb.defined_names[n].attr_text}" for n in sorted(wb.defined_names)]
    return _stable("\n".join(out) + "\n")


def outputs(run, tmp: Path, name: str, args: list[str]) -> dict[str, str]:
    html, xlsx = tmp / f"{name}.html", tmp / f"{name}.xlsx"
    for target in (html, xlsx):
        r = run("rapport", *args, "-o", str(target))
        assert r.code == 0, r.err
    parser = _Text()
    parser.feed(html.read_text(encoding="utf-8"))
    return {f"{name}.html.txt": _stable(parser.text()), f"{name}.xlsx.txt": _workbook(xlsx)}


@pytest.mark.parametrize("name", list(CASES))
def test_rapport_golden(bncost, tmp_path, name):
    pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    for file, text in outputs(bncost, tmp_path, name, CASES[name]).items():
        expected = (HERE / file).read_text(encoding="utf-8")
        assert text == expected, f"{file} differs; run: python tools/regen.py and read the diff"


if __name__ == "__main__":
    import contextlib
    import io
    import os
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from burgernet_cost.cli import main
    from conftest import Run

    def run(*args: str) -> Run:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        return Run(code, out.getvalue(), err.getvalue())

    os.chdir(Path(__file__).resolve().parents[1])
    HERE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in CASES.items():
            for file, text in outputs(run, Path(tmp), name, args).items():
                (HERE / file).write_text(text, encoding="utf-8")
                print(f"written: {HERE / file}")
