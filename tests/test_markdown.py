"""Markdown output renders as intended in a standard renderer (markdown-it-py, CommonMark + tables)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

MD = MarkdownIt("commonmark").enable("table")


def tokens(text: str) -> list:
    return MD.parse(text)


@pytest.mark.parametrize(
    "args",
    [
        ["compare-models"],
        ["estimate", "-n", "54600", "--uitleg"],
        ["regio", "--eenheid", "Zeeland"],
        ["huidig"],
        ["taken", "--organisatie", "alle"],
        ["validate"],
        ["diff", "data"],
        ["schema"],
    ],
)
def test_markdown_renders_as_written(bncost, args):
    out = bncost(*args, "-f", "markdown").out
    toks = tokens(out)
    html = MD.render(out)
    # every note is one item of one flat list, and its text survives (no '*' eaten as emphasis or bullet)
    notes = out.split("**Toelichting**", 1)[1].strip().splitlines() if "**Toelichting**" in out else []
    if notes:
        last_list = html.rsplit("<ul>", 1)[1]
        assert last_list.count("<li>") == len(notes)
        assert "<ul>" not in last_list.split("</ul>", 1)[0]
    if args[0] == "compare-models":
        assert "<li>* Dit model rust op de aanname" in html
    # tables are tables, every row with as many cells as the header
    for i, tok in enumerate(toks):
        if tok.type == "table_open":
            end = next(j for j in range(i, len(toks)) if toks[j].type == "table_close")
            rows = [t for t in toks[i:end] if t.type == "tr_open"]
            widths = set()
            depth_cells = 0
            for t in toks[i:end]:
                if t.type == "tr_open":
                    depth_cells = 0
                elif t.type in ("th_open", "td_open"):
                    depth_cells += 1
                elif t.type == "tr_close":
                    widths.add(depth_cells)
            assert rows and len(widths) == 1
    assert "<a href" not in html  # nothing in the data turns into a link by accident


def test_checklist_is_not_a_link_or_a_list(bncost):
    html = MD.render(bncost("taken", "--rol", "relatiebeheer", "-f", "markdown").out)
    assert "☐" in html and "[ ]" not in html
