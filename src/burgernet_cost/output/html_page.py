"""HTML building blocks: a ``Report`` (the same view every other format renders) as an HTML
section, and the self-contained page around it.

Every text is escaped; the page loads nothing (a Content-Security-Policy forbids every request) and
fits every screen and paper: no table wider than the page (on a phone every row is a card with its
labels), and A4 print (the summary on page 1, table headers repeated, rows and charts not cut).
"""

from __future__ import annotations

from typing import Any

from burgernet_cost.output.cells import display, html_text
from burgernet_cost.output.document import DISPLAY, Cell, Column, Report, Table, Text

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
:root { --ink: #1d2733; --muted: #4f5a66; --line: #c9d1d9; --accent: #1f5f8b; --soft: #f3f6f9; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 0 auto; padding: 1.5rem; overflow-wrap: break-word; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; color: var(--accent); }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.02rem; margin: 1rem 0 .3rem; }
p.sub { color: var(--muted); margin-top: 0; }
.summary { background: var(--soft); border-left: 4px solid var(--accent); padding: .5rem 1rem; }
.summary p { margin: .35rem 0; }
.summary h2 { margin-top: .25rem; }
.big { font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.wide { table-layout: fixed; }
table.wide td { white-space: normal; overflow-wrap: anywhere; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
ol.notes { font-size: .88rem; padding-left: 1.6rem; }
p.refs { font-size: .85rem; color: var(--muted); margin-top: -.4rem; }
figure { margin: .8rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: var(--muted); }
.status-aanname { color: #8a4500; font-weight: 600; }
.status-afgeleid { font-weight: 600; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
details > summary { cursor: pointer; }
footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: .5rem; }
code { font-size: .85rem; overflow-wrap: anywhere; }
ul.compact { margin: .2rem 0; padding-left: 1.2rem; }
ul.compact li { margin: .1rem 0; }
nav { font-size: .9rem; margin-bottom: .3rem; }
@media (min-width: 48rem) { .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; } }
.chart-narrow { display: none; }
@media (max-width: 40rem) {
  body { padding: .75rem; }
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.cards, table.cards caption, table.cards tbody, table.cards tr, table.cards th, table.cards td { display: block; width: 100%; }
  table.cards tr { border: 1px solid var(--line); margin: 0 0 .5rem; padding: .2rem .4rem; }
  table.cards td, table.cards th[scope=row] { border: 0; padding: .1rem 0; text-align: left; white-space: normal; }
  table.cards td[data-label]:not([data-label=""])::before { content: attr(data-label) ": "; font-weight: 600; }
}
@media print {
  @page { size: A4; margin: 10mm 12mm; }
  body { font-size: 9pt; line-height: 1.35; max-width: none; padding: 0; }
  h1 { font-size: 14pt; }
  h2 { break-after: avoid; margin-top: 1rem; }
  h3 { break-after: avoid; margin: .5rem 0 .15rem; }
  .summary h3 { font-size: 10pt; }
  .summary th.num { white-space: nowrap; }
  .summary h2 { margin: .1rem 0 .2rem; }
  .summary p { margin: .2rem 0; }
  .summary { font-size: 8.8pt; }
  .summary table { margin: .2rem 0 .4rem; }
  .summary th, .summary td { padding: .12rem .4rem; }
  .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; }
  .pair h3 { margin-top: .3rem; }
  nav { display: none; }
  .long { columns: 2; column-gap: 6mm; }
  .long table { font-size: 7pt; margin: 0; }
  .long th, .long td { padding: .05rem .25rem; }
  .long caption { column-span: all; }
  ol.notes { columns: 2; column-gap: 6mm; font-size: 7.5pt; margin: .2rem 0; }
  ol.notes li { break-inside: avoid; }
  .reproduce { font-size: 7.5pt; }
  .summary { break-after: page; background: none; border: 0; padding: 0; }
  table { page-break-inside: auto; font-size: 8.5pt; }
  table.wide { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr, figure, caption { break-inside: avoid; }
  caption { break-after: avoid; }
  figure svg { max-height: 50mm; width: auto; }
  footer { margin-top: .8rem; }
  figure { margin: .4rem 0; }
  details, .screen-only { display: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def page(title: str, body: str, lang: str = "nl") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_text(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _numeric(c: Column) -> bool:
    return c.kind not in ("text", "check", "status") or c.align == "right"


def _cell(value: Any, c: Column, row: int, table: Table, first: bool, words: Any = None) -> str:
    """One cell: its display text by its kind (``cells.display``, decimals from ``numbers.KINDS``), or
    as the council document writes it (``words``: ``rapport_words.Words``)."""
    if words is None:
        text = html_text(display(value, c.kind, c.empty))
    elif getattr(value, "kind", c.kind) in ("text", "status"):
        text = words.html(display(value, c.kind, c.empty))
    else:
        text = html_text(words.figure(value, c.kind, c.empty))
    if c.kind == "status" and value:
        text = f'<span class="status-{html_text(value)}">{text}</span>'
    if isinstance(value, Cell) and value.link:
        text = f'<a href="{html_text(value.link)}">{text}</a>'
    if isinstance(value, Cell) and value.mark:
        text += f" <b>({html_text(value.mark)})</b>"
    label = html_text(c.label)
    if table.row_header and first:
        return f'<th scope="row" data-label="{label}">{text}</th>'
    names = " ".join(["num"] * _numeric(c) + ["big"] * (row == 0 and c.key == table.lead))
    css = f' class="{names}"' if " " in names else f" class={names}" if names else ""
    return f'<td{css} data-label="{label}">{text}</td>'


def table_html(table: Table, caption: str | None = None, words: Any = None) -> str:
    """The one HTML table renderer: a view's ``Table`` (its display columns) as a table that reads
    as cards on a phone. A table whose columns have widths is laid out fixed (``wide``). ``words``
    (the council document's ``rapport_words.Words``) writes its texts and figures in plain Dutch."""
    columns = table.columns_for(DISPLAY)
    head = "".join(
        f'<th scope="col"{" class=num" if _numeric(c) else ""}>{html_text(c.label) or "<span class=sr>Omschrijving</span>"}</th>'
        for c in columns
    )
    rows = []
    for n, row in enumerate(table.rows):
        total = n >= len(table.rows) - table.total_rows
        cells = "".join(_cell(row.get(c.key), c, n, table, k == 0, words) for k, c in enumerate(columns))
        rows.append(f"<tr{' class=total' if total else ''}>{cells}</tr>")
    title = caption or table.title
    cap = f"<caption>{html_text(title)}</caption>" if title else ""
    wide = all(c.width for c in columns)
    cols = "<colgroup>" + "".join(f'<col style="width:{c.width}">' for c in columns) + "</colgroup>" if wide else ""
    body = "".join(rows)
    return f'<table class="{"cards wide" if wide else "cards"}">{cap}{cols}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def report_html(report: Report, words: Any = None) -> str:
    """A report's display tables and prose as HTML (its notes go to the page's appendix, by number)."""
    out = []
    for part in report.parts:
        if isinstance(part, Table) and DISPLAY in part.formats:
            out.append(table_html(part, words=words))
        elif isinstance(part, Text) and DISPLAY in part.formats:
            out.append("".join(f"<p>{words.html(line) if words else html_text(line)}</p>" for line in part.lines))
    return "\n".join(out)
