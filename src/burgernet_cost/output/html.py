"""HTML building blocks: a ``Report`` (the same view every other format renders) as an HTML
section, an explanation tree as nested ``<details>``, and the self-contained page around them.

Every text is escaped; the page loads nothing (a Content-Security-Policy forbids every request) and
prints on A4 (print stylesheet: page margins, table headers repeated, rows not cut, charts kept whole,
collapsed explanations opened).
"""

from __future__ import annotations

from html import escape
from typing import Any

from burgernet_cost.output.cells import display, header_text
from burgernet_cost.output.document import DISPLAY, Column, Report, Table, Text

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
:root { --ink: #1d2733; --muted: #5b6673; --line: #d5dbe1; --accent: #1f5f8b; --soft: #f3f6f9; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; color: var(--accent); }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
p.sub { color: var(--muted); margin-top: 0; }
.summary { background: var(--soft); border-left: 4px solid var(--accent); padding: .75rem 1rem; }
.summary p { margin: .4rem 0; }
.summary h2 { margin-top: .25rem; }
.big { font-size: 1.35rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.fields dt { font-weight: 600; color: var(--muted); }
dl.fields dd { margin: 0; }
ul.notes { font-size: .88rem; color: var(--muted); padding-left: 1.2rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: var(--muted); }
.status-aanname, .status-afgeleid { font-weight: 600; }
.status-aanname { color: #9a4d00; }
details { margin: .15rem 0 .15rem 1rem; }
details > summary { cursor: pointer; }
.tree .formula { color: var(--muted); font-size: .85rem; }
footer { margin-top: 2.5rem; font-size: .85rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: .5rem; }
code { font-size: .85rem; word-break: break-all; }
@media print {
  @page { size: A4; margin: 15mm 14mm; }
  body { font-size: 10.5pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section.page { break-before: page; }
  table { page-break-inside: auto; }
  thead { display: table-header-group; }
  tr, figure, .summary { break-inside: avoid; }
  details::details-content { content-visibility: visible; display: block; }
  a { color: inherit; text-decoration: none; }
}
"""


def page(title: str, body: str, lang: str = "nl") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _numeric(c: Column) -> bool:
    return c.kind not in ("text", "check") or c.align == "right"


def table_html(table: Table, caption: str | None = None) -> str:
    columns = table.columns_for(DISPLAY)
    head = "".join(f'<th scope="col"{" class=num" if _numeric(c) else ""}>{escape(c.label)}</th>' for c in columns)
    rows = []
    for n, row in enumerate(table.rows):
        total = n >= len(table.rows) - table.total_rows
        cells = "".join(f'<td{" class=num" if _numeric(c) else ""}>{escape(display(row.get(c.key), c.kind, c.empty))}</td>'
                        for c in columns)
        rows.append(f'<tr{" class=total" if total else ""}>{cells}</tr>')
    title = caption or table.title
    cap = f"<caption>{escape(title)}</caption>" if title else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def report_html(report: Report, header: bool = True, notes: bool = True) -> str:
    """A report's display content (header fields, tables, text, notes) as HTML."""
    out = []
    if header and report.header:
        items = "".join(f"<dt>{escape(f.label or '')}</dt><dd>{escape(header_text(f))}</dd>" for f in report.header)
        out.append(f'<dl class="fields">{items}</dl>')
    for part in report.parts:
        if isinstance(part, Table) and DISPLAY in part.formats:
            out.append(table_html(part))
        elif isinstance(part, Text) and DISPLAY in part.formats:
            out.append("".join(f"<p>{escape(line)}</p>" for line in part.lines))
    if notes and report.notes:
        out.append(notes_html(report.notes))
    return "\n".join(out)


def notes_html(notes: list[str]) -> str:
    return '<ul class="notes">' + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>"


def tree_html(nodes: list[Any], depth: int = 0) -> str:
    """The explanation tree (``explain.Knoop``) as nested, collapsible ``<details>``."""
    out = []
    for k in nodes:
        status = f' <span class="status-{escape(k.status)}">{escape(k.status.upper())}</span>' if k.status and k.status != "gepubliceerd" else ""
        source = f" — {escape(k.bron)}" if k.bron else ""
        where = f" ({escape(k.plaats)})" if k.plaats else ""
        formula = f'<div class="formula">{escape(k.formule)}</div>' if k.formule else ""
        line = f"{escape(k.label)}: <strong>{escape(k.waarde)}</strong>{source}{where}{status}"
        if k.kinderen:
            out.append(f"<details{' open' if depth == 0 else ''}><summary>{line}</summary>{formula}{tree_html(k.kinderen, depth + 1)}</details>")
        else:
            out.append(f"<div>{line}{formula}</div>")
    return "".join(out)
